//! The content the kiosk shows, read from the current generation of the
//! content store that content-sync fills. While the store has none (a new
//! device, or `cargo run` on a laptop), the built-in demo pack is activated
//! into a store under the runtime directory through the same store code,
//! and read from there. The kiosk only reads: each session's process opens
//! the generation that is current when it starts, so a new one is picked
//! up between sessions, never during one.

use std::path::{Path, PathBuf};

use content_sync::db::{self, DbError};
use content_sync::store::{self, Store, StoreError};

pub use content_sync::model::{Category, Days, Hours, Service};

use crate::language::Language;

/// Most services a search returns.
pub const MAX_RESULTS: usize = 200;

/// A content problem.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    /// The store could not be read or the demo pack not activated.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The database refused a query.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Where the content came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The content store's current generation.
    Store(PathBuf),
    /// The built-in demo pack.
    BuiltIn,
}

/// The summary of a service in a kiosk language.
pub trait Summary {
    /// The summary in `language`, or in German where it is missing.
    fn summary(&self, language: Language) -> &str;
}

impl Summary for Service {
    fn summary(&self, language: Language) -> &str {
        self.summary_in(language.tag(), Language::German.tag())
    }
}

/// The content of one session.
#[derive(Debug)]
pub struct Content {
    db: db::Content,
    /// The pack version.
    pub version: u64,
    /// Where it came from.
    pub origin: Origin,
}

/// Where the built-in demo pack is activated: under the runtime directory,
/// which is a tmpfs on a device.
pub fn demo_store_dir() -> PathBuf {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    base.join("anlauf-demo-content")
}

impl Content {
    /// Opens the current generation of `store_dir`, or the built-in demo
    /// pack (activated under `demo_dir` if need be) when there is none or
    /// it cannot be read.
    pub fn open(store_dir: &Path, demo_dir: &Path) -> Result<Content, ContentError> {
        match store::current(store_dir) {
            Ok(Some(generation)) => match generation.open() {
                Ok(db) => {
                    return Ok(Content {
                        db,
                        version: generation.version,
                        origin: Origin::Store(generation.path),
                    });
                }
                Err(error) => {
                    tracing::error!(%error, "the current content generation cannot be read; showing the built-in demo pack")
                }
            },
            Ok(None) => tracing::info!("no content generation yet; showing the built-in demo pack"),
            Err(error) => {
                tracing::error!(%error, "content store unreadable; showing the built-in demo pack")
            }
        }
        Content::built_in(demo_dir)
    }

    /// The built-in demo pack, activated under `demo_dir` unless it is there.
    pub fn built_in(demo_dir: &Path) -> Result<Content, ContentError> {
        if let Ok(Some(generation)) = store::current(demo_dir)
            && let Ok(db) = generation.open()
        {
            return Ok(Content {
                db,
                version: generation.version,
                origin: Origin::BuiltIn,
            });
        }
        let generation = Store::open(demo_dir)?
            .activate_files(&content_sync::demo::files(), content_sync::demo::VERSION)?;
        let db = generation.open()?;
        Ok(Content {
            db,
            version: generation.version,
            origin: Origin::BuiltIn,
        })
    }

    /// Services whose name or summary (in `language` or German) contains
    /// every word of `query`, or whose category's label does (`label`
    /// gives a category's label in a language); an empty query matches all.
    /// Limited to `category` where given.
    pub fn search(
        &self,
        query: &str,
        language: Language,
        category: Option<Category>,
        label: impl Fn(Category, Language) -> String,
    ) -> Vec<Service> {
        let words: Vec<String> = db::fold(query)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let by_label: Vec<Category> = Category::ALL
            .into_iter()
            .filter(|category| {
                let labels = db::fold(&format!(
                    "{} {}",
                    label(*category, language),
                    label(*category, Language::German)
                ));
                !words.is_empty() && words.iter().all(|word| labels.contains(word.as_str()))
            })
            .collect();
        match self
            .db
            .search(query, language.tag(), category, &by_label, MAX_RESULTS)
        {
            Ok(found) => found,
            Err(error) => {
                tracing::error!(%error, "content search failed");
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(category: Category, _: Language) -> String {
        category.label_key().to_owned()
    }

    fn demo() -> (tempfile::TempDir, Content) {
        let dir = tempfile::tempdir().unwrap();
        let content =
            Content::open(&dir.path().join("no-store"), &dir.path().join("demo")).unwrap();
        (dir, content)
    }

    #[test]
    fn without_a_store_the_demo_pack_is_activated_and_read() {
        let (dir, content) = demo();
        assert_eq!(content.origin, Origin::BuiltIn);
        let all = content.search("", Language::German, None, label);
        assert!((5..=12).contains(&all.len()));
        // A second process reads what the first activated.
        let again = Content::open(&dir.path().join("no-store"), &dir.path().join("demo")).unwrap();
        assert_eq!(again.search("", Language::German, None, label), all);
    }

    #[test]
    fn every_service_is_summarised_in_every_language() {
        let (_dir, content) = demo();
        for service in content.search("", Language::German, None, label) {
            for language in Language::ALL {
                assert!(
                    service.has_summary(language.tag()),
                    "{} lacks a {language} summary",
                    service.id
                );
            }
        }
    }

    #[test]
    fn search_tolerates_case_and_umlauts() {
        let (_dir, content) = demo();
        for query in ["Ärztliche", "arztliche", "ÄRZTLICHE hilfe"] {
            let found = content.search(query, Language::German, None, label);
            assert_eq!(found.len(), 1, "{query}");
            assert_eq!(found[0].id, "praxis-ohne-grenzen");
        }
    }

    #[test]
    fn search_finds_german_text_from_another_language_and_filters_by_category() {
        let (_dir, content) = demo();
        let found = content.search("Schulden", Language::Arabic, None, label);
        assert_eq!(
            found.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["schuldnerberatung"]
        );
        let sleep = content.search("", Language::German, Some(Category::Sleep), label);
        assert!(sleep.iter().all(|s| s.category == Category::Sleep) && !sleep.is_empty());
        assert!(
            content
                .search("zzzz", Language::German, None, label)
                .is_empty()
        );
        // Short words still work.
        assert!(
            !content
                .search("1 Euro", Language::German, None, label)
                .is_empty()
        );
    }

    #[test]
    fn a_category_label_finds_its_services() {
        let (_dir, content) = demo();
        let found = content.search("category-debts", Language::German, None, label);
        assert!(!found.is_empty() && found.iter().all(|s| s.category == Category::Debts));
    }

    #[test]
    fn an_open_session_keeps_its_generation_while_new_ones_arrive() {
        let dir = tempfile::tempdir().unwrap();
        let store_dir = dir.path().join("store");
        let store = Store::open(&store_dir).unwrap();
        store
            .activate_files(&content_sync::demo::files(), 1)
            .unwrap();
        let session = Content::open(&store_dir, &dir.path().join("demo")).unwrap();
        assert_eq!(session.version, 1);
        let before = session.search("", Language::German, None, label);
        // Two more generations: the one the session reads is removed.
        let mut files = content_sync::demo::files();
        let all = String::from_utf8(files["services/leipzig.toml"].clone()).unwrap();
        let first = all.split("[[service]]").nth(1).unwrap();
        let extra =
            format!("[[service]]{first}").replace("id = \"nachtcafe\"", "id = \"nachtcafe-2\"");
        files.insert("services/extra.toml".into(), extra.into_bytes());
        store.activate_files(&files, 2).unwrap();
        store.activate_files(&files, 3).unwrap();
        assert!(
            !session_path(&session).exists(),
            "generation 1 should be gone from disk"
        );
        assert_eq!(session.search("", Language::German, None, label), before);
        // The next session's process reads the new one.
        let next = Content::open(&store_dir, &dir.path().join("demo")).unwrap();
        assert_eq!(next.version, 3);
        assert_eq!(
            next.search("", Language::German, None, label).len(),
            before.len() + 1
        );
    }

    fn session_path(content: &Content) -> std::path::PathBuf {
        match &content.origin {
            Origin::Store(path) => path.clone(),
            Origin::BuiltIn => panic!("not from the store"),
        }
    }

    #[test]
    fn a_damaged_store_falls_back_to_the_demo_pack() {
        let dir = tempfile::tempdir().unwrap();
        let store_dir = dir.path().join("store");
        std::fs::create_dir_all(store_dir.join("generations/g5-x")).unwrap();
        std::fs::write(
            store_dir.join("generations/g5-x").join(db::FILE),
            b"not a database",
        )
        .unwrap();
        std::os::unix::fs::symlink("generations/g5-x", store_dir.join("current")).unwrap();
        let content = Content::open(&store_dir, &dir.path().join("demo")).unwrap();
        assert_eq!(content.origin, Origin::BuiltIn);
    }
}

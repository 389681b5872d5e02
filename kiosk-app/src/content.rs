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

pub use content_sync::find::{Filters, Found, Hit, Query};
pub use content_sync::geo;
pub use content_sync::hours::{Calendar, Openness};
pub use content_sync::model::{Audience, Category, Days, Hours, PackInfo, Position, Service};

use jiff::Zoned;

use crate::language::Language;

/// Most services a search shows.
pub const MAX_RESULTS: usize = 50;

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
    /// The generation's directory.
    dir: PathBuf,
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
                        origin: Origin::Store(generation.path.clone()),
                        dir: generation.path,
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
        let files = content_sync::demo::files();
        if let Ok(Some(generation)) = store::current(demo_dir)
            && holds(&generation.path, &files)
            && let Ok(db) = generation.open()
        {
            return Ok(Content {
                db,
                version: generation.version,
                origin: Origin::BuiltIn,
                dir: generation.path,
            });
        }
        let generation =
            Store::open(demo_dir)?.activate_files(&files, content_sync::demo::VERSION)?;
        let db = generation.open()?;
        Ok(Content {
            db,
            version: generation.version,
            origin: Origin::BuiltIn,
            dir: generation.path,
        })
    }

    /// The pack's guided forms, sorted by id; none when they cannot be
    /// read (the store checked them when it activated the generation).
    pub fn forms(&self) -> Vec<std::sync::Arc<content_sync::forms::FormDef>> {
        match content_sync::forms::load(&self.dir.join("files")) {
            Ok(forms) => forms.into_iter().map(std::sync::Arc::new).collect(),
            Err(error) => {
                tracing::error!(%error, "the pack's forms cannot be read");
                Vec::new()
            }
        }
    }

    /// The official fillable PDF `name` of a form (`forms/NAME` in the
    /// pack), if the pack carries it.
    pub fn official_pdf(&self, name: &str) -> Option<Vec<u8>> {
        if !content_sync::source::is_safe_path(name) {
            return None;
        }
        std::fs::read(self.dir.join("files").join("forms").join(name)).ok()
    }

    /// What the pack says of itself (time zone, holidays, landmarks).
    pub fn info(&self) -> &PackInfo {
        self.db.info()
    }

    /// The current moment in the pack's time zone.
    pub fn now(&self) -> Zoned {
        let now = Zoned::now();
        match self.db.calendar() {
            Ok(calendar) => now.with_time_zone(calendar.tz),
            Err(_) => now,
        }
    }

    /// The region's calendar, for opening hours.
    pub fn calendar(&self) -> Option<Calendar> {
        self.db
            .calendar()
            .inspect_err(|error| tracing::error!(%error, "content calendar unreadable"))
            .ok()
    }

    /// Searches the directory (see [`content_sync::find`]); a database
    /// problem is logged and finds nothing.
    pub fn find(&self, query: &Query<'_>) -> Found {
        self.db.find(query).unwrap_or_else(|error| {
            tracing::error!(%error, "content search failed");
            Found::default()
        })
    }

    /// The phone lines that are always listed.
    pub fn crisis_lines(&self) -> Vec<Service> {
        self.db.crisis_lines().unwrap_or_else(|error| {
            tracing::error!(%error, "crisis lines unreadable");
            Vec::new()
        })
    }

    /// The pack's first map tile set, if it has one.
    pub fn tiles_path(&self) -> Option<PathBuf> {
        let paths = self
            .db
            .tile_paths()
            .inspect_err(|error| tracing::error!(%error, "tile sets unreadable"))
            .ok()?;
        paths.first().map(|path| self.dir.join("files").join(path))
    }

    /// The service `id`, if the directory has it.
    pub fn service(&self, id: &str) -> Option<Service> {
        self.db.service(id).ok()
    }

    /// Every service (staff tools and tests).
    pub fn services(&self) -> Vec<Service> {
        self.db.services().unwrap_or_default()
    }
}

/// Whether the generation at `path` holds exactly these files (a demo pack
/// activated by an older kiosk is activated again).
fn holds(path: &Path, files: &content_sync::source::Files) -> bool {
    files.iter().all(|(name, bytes)| {
        std::fs::read(path.join("files").join(name)).is_ok_and(|found| found == *bytes)
    })
}

/// The filter language for a visitor's language: Easy German is German.
pub fn spoken(language: Language) -> &'static str {
    match language {
        Language::EasyGerman => Language::German.tag(),
        other => other.tag(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (tempfile::TempDir, Content) {
        let dir = tempfile::tempdir().unwrap();
        let content =
            Content::open(&dir.path().join("no-store"), &dir.path().join("demo")).unwrap();
        (dir, content)
    }

    fn ids(content: &Content, text: &str, category: Option<Category>) -> Vec<String> {
        let now: Zoned = "2026-11-25T12:00[Europe/Berlin]".parse().unwrap();
        let filters = Filters::default();
        content
            .find(&Query {
                text,
                category,
                filters: &filters,
                origin: None,
                now: &now,
                limit: MAX_RESULTS,
            })
            .hits
            .into_iter()
            .map(|hit| hit.service.id)
            .collect()
    }

    #[test]
    fn without_a_store_the_demo_pack_is_activated_and_read() {
        let (dir, content) = demo();
        assert_eq!(content.origin, Origin::BuiltIn);
        let all = content.services();
        assert!(all.len() >= 6);
        // A second process reads what the first activated.
        let again = Content::open(&dir.path().join("no-store"), &dir.path().join("demo")).unwrap();
        assert_eq!(again.services(), all);
    }

    #[test]
    fn every_service_is_summarised_in_every_language() {
        let (_dir, content) = demo();
        for service in content.services() {
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
    fn search_tolerates_case_and_umlauts_and_finds_across_languages() {
        let (_dir, content) = demo();
        for query in ["Ärztliche", "arztliche", "ÄRZTLICHE"] {
            let found = ids(&content, query, None);
            assert!(
                found.contains(&"praxis-ohne-grenzen".to_owned()),
                "{query}: {found:?}"
            );
        }
        let found = ids(&content, "Schulden", None);
        assert_eq!(found.first().map(String::as_str), Some("schuldnerberatung"));
        let sleep = ids(&content, "", Some(Category::Sleep));
        assert!(!sleep.is_empty());
        assert!(ids(&content, "zzzzqqq", None).is_empty());
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
        let before = session.services();
        // Two more generations: the one the session reads is removed.
        let mut files = content_sync::demo::files();
        let (path, first) = files
            .iter()
            .find(|(path, _)| path.starts_with("services/"))
            .map(|(path, bytes)| (path.clone(), String::from_utf8(bytes.clone()).unwrap()))
            .unwrap();
        let one = first.split("[[service]]").nth(1).unwrap();
        let id = one.lines().find(|l| l.starts_with("id = ")).unwrap();
        let extra = format!("[[service]]{one}").replace(id, "id = \"extra-service\"");
        files.insert("services/extra.toml".into(), extra.into_bytes());
        assert!(files.contains_key(&path));
        store.activate_files(&files, 2).unwrap();
        store.activate_files(&files, 3).unwrap();
        assert!(
            !session_path(&session).exists(),
            "generation 1 should be gone from disk"
        );
        assert_eq!(session.services(), before);
        // The next session's process reads the new one.
        let next = Content::open(&store_dir, &dir.path().join("demo")).unwrap();
        assert_eq!(next.version, 3);
        assert_eq!(next.services().len(), before.len() + 1);
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

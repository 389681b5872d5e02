//! A publisher's keys and repository, a pack source to edit, a device
//! store, and a real HTTP server in between.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use anlauf_tests::http::Server;
use content_sync::client::{self, Options, Remote, Report, SyncError};
use content_sync::publish::{self, Expiry, Published};
use content_sync::store::Store;

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub server: Server,
}

pub fn days(n: i64) -> jiff::Timestamp {
    jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * n)
}

pub fn expiry() -> Expiry {
    Expiry {
        targets: days(90),
        snapshot: days(90),
        timestamp: days(7),
    }
}

impl Fixture {
    /// Keys, an empty repository served over HTTP, and a copy of the demo
    /// pack as the source.
    pub async fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        content_sync::keys::init(
            &dir.path().join("keys"),
            &dir.path().join("repo"),
            days(365),
        )
        .await
        .unwrap();
        anlauf_tests::workspace::copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("demo-pack"),
            &dir.path().join("source"),
        )
        .unwrap();
        let server = Server::start(&dir.path().join("repo")).unwrap();
        Fixture { dir, server }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub async fn publish(&self) -> Published {
        self.publish_with(expiry()).await
    }

    pub async fn publish_with(&self, expiry: Expiry) -> Published {
        publish::publish(
            &self.path("source"),
            &self.path("repo"),
            &self.path("keys"),
            expiry,
        )
        .await
        .unwrap()
    }

    /// Appends a service to the source.
    pub fn add_service(&self, id: &str, file: &str) {
        let languages = [
            "de", "de-x-ls", "en", "ar", "fa", "uk", "ru", "tr", "ro", "bg", "pl",
        ];
        let mut text = format!(
            "\n[[service]]\nid = \"{id}\"\nname = \"Service {id}\"\ncategory = \"food\"\n\
             address = \"Teststraße 1, 04103 Leipzig\"\nphone = \"0341 555 0000\"\n\
             hours = [{{ days = \"daily\", opens = \"08:00\", closes = \"18:00\" }}]\n[service.summary]\n"
        );
        for lang in languages {
            text.push_str(&format!(
                "\"{lang}\" = \"Essen und Beratung, Nummer {id}.\"\n"
            ));
        }
        let path = self.path("source").join("services").join(file);
        let mut old = std::fs::read_to_string(&path).unwrap_or_default();
        old.push_str(&text);
        std::fs::write(path, old).unwrap();
    }

    pub fn remote(&self) -> Remote {
        Remote {
            base: self.server.url().parse().unwrap(),
            trusted_root: self.path("repo/metadata/1.root.json"),
        }
    }

    pub fn options() -> Options {
        Options {
            timeout: Duration::from_secs(3),
            tries: 2,
            ..Options::default()
        }
    }

    pub async fn sync(&self) -> Result<Report, SyncError> {
        self.sync_with(&Self::options()).await
    }

    pub async fn sync_with(&self, options: &Options) -> Result<Report, SyncError> {
        let store = Store::open(&self.path("store")).unwrap();
        client::sync(&store, &self.remote(), options).await
    }

    pub fn current_version(&self) -> Option<u64> {
        content_sync::store::current(&self.path("store"))
            .unwrap()
            .map(|g| g.version)
    }

    /// The one file of `REPO/targets` whose name ends in `suffix`.
    pub fn target_file(&self, suffix: &str) -> PathBuf {
        std::fs::read_dir(self.path("repo/targets"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_str().unwrap().ends_with(suffix))
            .unwrap_or_else(|| panic!("no target ending in {suffix}"))
    }

    /// Every target file whose name ends in `suffix` (with consistent
    /// snapshots each version of a file is there under its own hash).
    pub fn target_files(&self, suffix: &str) -> Vec<PathBuf> {
        std::fs::read_dir(self.path("repo/targets"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_str().unwrap().ends_with(suffix))
            .collect()
    }

    /// Every chunk file of the repository.
    pub fn chunk_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.path("repo/targets"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_str().unwrap().contains(".chunk-"))
            .collect();
        files.sort();
        files
    }
}

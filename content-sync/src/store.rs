//! The device's content store: verified generations side by side, the
//! current one named by a symbolic link that is replaced by an atomic
//! rename, the previous one kept for one step of rollback.
//!
//! ```text
//! ROOT/current -> generations/g7-…      what the kiosk reads
//! ROOT/previous -> generations/g6-…     one step of rollback
//! ROOT/generations/gN-…/files/…          the pack's files
//! ROOT/generations/gN-…/content.sqlite   the database built from them
//! ROOT/staging/                          a generation being built
//! ROOT/chunks/, ROOT/tuf/                the sync's cache and trusted metadata
//! ```
//!
//! Only one writer works on a store at a time (a lock file); readers never
//! take the lock and only follow `current`.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use crate::db::{self, Content, DbError};
use crate::source::{self, Files, Pack, Problems};

/// A store problem.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file operation failed.
    #[error("content store {path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Another process is writing the store.
    #[error("content store {0} is in use by another content-sync")]
    Busy(PathBuf),
    /// The pack failed its own checks.
    #[error("{0}")]
    Invalid(#[from] Problems),
    /// Reading the assembled pack back failed.
    #[error("{0}")]
    Read(#[from] source::ReadError),
    /// The database could not be built or read.
    #[error(transparent)]
    Db(#[from] DbError),
    /// There is no previous generation to go back to.
    #[error("there is no previous generation to roll back to")]
    NoPrevious,
    /// A generation's name does not say its version.
    #[error("content store: {0} is not a generation")]
    NotAGeneration(PathBuf),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// One generation of content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    /// The pack version it holds.
    pub version: u64,
    /// Its directory.
    pub path: PathBuf,
}

impl Generation {
    fn from_dir(path: PathBuf) -> Result<Generation, StoreError> {
        let version = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_prefix('g'))
            .and_then(|name| name.split('-').next())
            .and_then(|version| version.parse().ok())
            .ok_or_else(|| StoreError::NotAGeneration(path.clone()))?;
        Ok(Generation { version, path })
    }

    /// The database file.
    pub fn database(&self) -> PathBuf {
        self.path.join(db::FILE)
    }

    /// The pack's files.
    pub fn files(&self) -> PathBuf {
        self.path.join("files")
    }

    /// Opens the database read-only.
    pub fn open(&self) -> Result<Content, StoreError> {
        Ok(Content::open(&self.database())?)
    }
}

/// The generation `ROOT/NAME` (`current` or `previous`) points at, if any.
/// Used by readers such as the kiosk; takes no lock and writes nothing.
pub fn generation_at(root: &Path, name: &str) -> Result<Option<Generation>, StoreError> {
    let link = root.join(name);
    match fs::read_link(&link) {
        Ok(target) => Generation::from_dir(root.join(target)).map(Some),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::Io { path: link, source }),
    }
}

/// The current generation under `root`, if any.
pub fn current(root: &Path) -> Result<Option<Generation>, StoreError> {
    generation_at(root, "current")
}

/// Flushes a directory's entries to disk.
pub fn sync_dir(path: &Path) -> Result<(), StoreError> {
    File::open(path)
        .and_then(|dir| dir.sync_all())
        .map_err(io(path))
}

/// A store opened for writing: holds the writer's lock while it lives.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    _lock: File,
}

impl Store {
    /// Opens (and creates) the store at `root`, takes the writer's lock,
    /// and clears what an interrupted writer left behind.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        for dir in ["", "generations", "staging"] {
            let path = root.join(dir);
            fs::create_dir_all(&path).map_err(io(&path))?;
        }
        let lock_path = root.join("lock");
        let lock = File::create(&lock_path).map_err(io(&lock_path))?;
        if lock.try_lock().is_err() {
            return Err(StoreError::Busy(root.to_owned()));
        }
        let store = Store {
            root: root.to_owned(),
            _lock: lock,
        };
        store.clear_dir(&root.join("staging"))?;
        store.remove_unlinked()?;
        Ok(store)
    }

    /// The store's directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The current generation.
    pub fn current(&self) -> Result<Option<Generation>, StoreError> {
        current(&self.root)
    }

    /// Builds the current generation's database again from its own files
    /// when it was written by an older version of this program (another
    /// schema), so that an upgraded kiosk can read the content it had.
    /// Returns the rebuilt generation, or `None` when nothing was to do.
    pub fn rebuild_outdated(&self) -> Result<Option<Generation>, StoreError> {
        let Some(generation) = self.current()? else {
            return Ok(None);
        };
        match generation.open() {
            Err(StoreError::Db(DbError::Schema { found })) => {
                tracing::info!(
                    version = generation.version,
                    found,
                    "rebuilding the current generation's database for this program's schema"
                );
                let files = source::read_dir(&generation.files())?;
                self.activate_files(&files, generation.version).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// The previous generation.
    pub fn previous(&self) -> Result<Option<Generation>, StoreError> {
        generation_at(&self.root, "previous")
    }

    /// A fresh, empty directory under `staging/` for a generation being built.
    pub fn staging_dir(&self, version: u64) -> Result<PathBuf, StoreError> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let path = self
            .root
            .join("staging")
            .join(format!("g{version}-{nanos:x}"));
        fs::create_dir_all(path.join("files")).map_err(io(&path))?;
        Ok(path)
    }

    /// Writes `files` into a new staging directory, then checks, builds and
    /// activates it ([`Store::activate_staged`]).
    pub fn activate_files(&self, files: &Files, version: u64) -> Result<Generation, StoreError> {
        let staging = self.staging_dir(version)?;
        for (path, bytes) in files {
            if !source::is_safe_path(path) {
                return Err(Problems(vec![source::Problem {
                    file: path.clone(),
                    line: None,
                    message: "this file name cannot be stored (unsafe path)".into(),
                }])
                .into());
            }
            let target = staging.join("files").join(path);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(io(parent))?;
            }
            fs::write(&target, bytes).map_err(io(&target))?;
        }
        self.activate_staged(&staging, version)
    }

    /// Takes a staging directory whose `files/` hold a complete pack: checks
    /// the pack, builds and checks its database, flushes everything to disk,
    /// moves it under `generations/` and makes it current by an atomic
    /// rename. The old current becomes previous; older ones are removed.
    pub fn activate_staged(&self, staging: &Path, version: u64) -> Result<Generation, StoreError> {
        let started = std::time::Instant::now();
        let files = source::read_dir(&staging.join("files"))?;
        let pack = Pack::parse(&files)?;
        drop(files);
        let parsed = started.elapsed();
        let database = staging.join(db::FILE);
        db::build(&pack, version, &database)?;
        let built = started.elapsed();
        sync_tree(staging)?;
        tracing::debug!(
            version,
            parse_ms = parsed.as_millis() as u64,
            database_ms = (built - parsed).as_millis() as u64,
            flush_ms = (started.elapsed() - built).as_millis() as u64,
            "generation built"
        );
        let name = staging
            .file_name()
            .ok_or_else(|| StoreError::NotAGeneration(staging.to_owned()))?;
        let generations = self.root.join("generations");
        let target = generations.join(name);
        fs::rename(staging, &target).map_err(io(&target))?;
        sync_dir(&generations)?;
        sync_dir(&self.root.join("staging"))?;
        let relative = Path::new("generations").join(name);
        if let Ok(old) = fs::read_link(self.root.join("current")) {
            self.point("previous", &old)?;
        }
        self.point("current", &relative)?;
        self.remove_unlinked()?;
        Generation::from_dir(target)
    }

    /// Makes the previous generation current again.
    pub fn rollback(&self) -> Result<Generation, StoreError> {
        let previous =
            fs::read_link(self.root.join("previous")).map_err(|_| StoreError::NoPrevious)?;
        let current = fs::read_link(self.root.join("current")).map_err(io(&self.root))?;
        self.point("current", &previous)?;
        self.point("previous", &current)?;
        Generation::from_dir(self.root.join(previous))
    }

    /// Points the link `name` at `target` by renaming a new link over it.
    fn point(&self, name: &str, target: &Path) -> Result<(), StoreError> {
        let temporary = self.root.join(format!(".{name}.new"));
        let _ = fs::remove_file(&temporary);
        std::os::unix::fs::symlink(target, &temporary).map_err(io(&temporary))?;
        let link = self.root.join(name);
        fs::rename(&temporary, &link).map_err(io(&link))?;
        sync_dir(&self.root)
    }

    /// Removes generations that neither `current` nor `previous` names.
    fn remove_unlinked(&self) -> Result<(), StoreError> {
        let keep: Vec<PathBuf> = ["current", "previous"]
            .iter()
            .filter_map(|name| fs::read_link(self.root.join(name)).ok())
            .filter_map(|target| target.file_name().map(PathBuf::from))
            .collect();
        let generations = self.root.join("generations");
        for entry in fs::read_dir(&generations).map_err(io(&generations))? {
            let entry = entry.map_err(io(&generations))?;
            if !keep
                .iter()
                .any(|name| name.as_os_str() == entry.file_name())
            {
                let path = entry.path();
                fs::remove_dir_all(&path).map_err(io(&path))?;
            }
        }
        Ok(())
    }

    fn clear_dir(&self, dir: &Path) -> Result<(), StoreError> {
        for entry in fs::read_dir(dir).map_err(io(dir))? {
            let path = entry.map_err(io(dir))?.path();
            let removed = if path.is_dir() {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            removed.map_err(io(&path))?;
        }
        Ok(())
    }
}

/// Flushes every file and directory under `dir` to disk.
fn sync_tree(dir: &Path) -> Result<(), StoreError> {
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        if entry.file_type().map_err(io(&path))?.is_dir() {
            sync_tree(&path)?;
        } else {
            File::open(&path)
                .and_then(|f| f.sync_all())
                .map_err(io(&path))?;
        }
    }
    sync_dir(dir)
}

#[cfg(test)]
mod tests;

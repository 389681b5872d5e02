//! Publishing: a checked pack source becomes a new version of a static TUF
//! repository (`REPO/metadata/`, `REPO/targets/`), which any web server can
//! serve. Files are cut into content-defined chunks; every chunk, every file
//! manifest and the pack index are targets, so a device verifies each piece
//! against metadata signed by the targets key. Chunks already in the
//! repository are not written again.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

use tough::editor::RepositoryEditor;
use tough::schema::{Hashes, RoleType, Target};

use crate::chunk::{self, ChunkRef, FileManifest, IndexEntry, PackIndex};
use crate::keys::{self, KeyError};
use crate::source::{self, Pack, Problems};

/// When the published metadata expires.
#[derive(Debug, Clone, Copy)]
pub struct Expiry {
    /// The targets metadata (what the pack is): weeks or months.
    pub targets: jiff::Timestamp,
    /// The snapshot metadata.
    pub snapshot: jiff::Timestamp,
    /// The timestamp metadata: short, so that replays are noticed.
    pub timestamp: jiff::Timestamp,
}

/// A publishing problem.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The source has problems; nothing was published.
    #[error("{0}")]
    Invalid(#[from] Problems),
    /// The source could not be read.
    #[error("{0}")]
    Read(#[from] source::ReadError),
    /// The source's forms could not be converted.
    #[error("{0}")]
    Source(#[from] source::SourceError),
    /// Keys or root metadata.
    #[error(transparent)]
    Keys(#[from] KeyError),
    /// A file operation failed.
    #[error("{path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// TUF refused to build or sign the metadata.
    #[error("signing the repository: {0}")]
    Tuf(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PublishError + '_ {
    move |source| PublishError::Io {
        path: path.to_owned(),
        source,
    }
}

fn tuf(error: impl std::fmt::Display) -> PublishError {
    PublishError::Tuf(error.to_string())
}

/// What a publish did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The new pack version.
    pub version: u64,
    /// Files in the pack.
    pub files: usize,
    /// Chunks in the pack.
    pub chunks: usize,
    /// Chunks that were not in the repository before.
    pub new_chunks: usize,
    /// Bytes of the pack's files.
    pub bytes: u64,
    /// Bytes of the new chunks.
    pub new_bytes: u64,
}

/// The highest `N` of `REPO/metadata/N.ROLE.json`.
fn latest_version(metadata: &Path, role: &str) -> u64 {
    let suffix = format!(".{role}.json");
    fs::read_dir(metadata)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|entry| {
                    let name = entry.file_name();
                    name.to_str()?.strip_suffix(&suffix)?.parse::<u64>().ok()
                })
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0)
}

fn timestamp_version(metadata: &Path) -> u64 {
    fs::read(metadata.join("timestamp.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|value| value["signed"]["version"].as_u64())
        .unwrap_or(0)
}

fn target_of(bytes: &[u8]) -> Target {
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes);
    Target {
        length: bytes.len() as u64,
        hashes: Hashes {
            sha256: digest.as_ref().to_vec().into(),
            _extra: HashMap::new(),
        },
        custom: HashMap::new(),
        _extra: HashMap::new(),
    }
}

/// Writes a target's bytes under its consistent-snapshot name unless it is
/// there already; returns whether it was new.
fn put_target(targets: &Path, name: &str, bytes: &[u8]) -> Result<bool, PublishError> {
    let file = targets.join(format!("{}.{name}", chunk::sha256_hex(bytes)));
    if file.exists() {
        return Ok(false);
    }
    let temporary = targets.join(format!(".{name}.tmp"));
    fs::write(&temporary, bytes).map_err(io(&temporary))?;
    fs::rename(&temporary, &file).map_err(io(&file))?;
    Ok(true)
}

/// Checks the source at `source` and publishes it as the next version of
/// the repository at `repo`, signed with the keys under `keys`.
pub async fn publish(
    source: &Path,
    repo: &Path,
    keys: &Path,
    expiry: Expiry,
) -> Result<Published, PublishError> {
    let mut files = source::read_source(source)?;
    let name = Pack::parse(&files)?.info.name;
    files.remove("README.md");
    let (root_version, _) = keys::latest_root(repo)?;
    let metadata = repo.join("metadata");
    let targets_dir = repo.join("targets");
    fs::create_dir_all(&targets_dir).map_err(io(&targets_dir))?;
    let version = latest_version(&metadata, "targets") + 1;

    let mut editor = RepositoryEditor::new(metadata.join(format!("{root_version}.root.json")))
        .await
        .map_err(tuf)?;
    let mut published = Published {
        version,
        files: files.len(),
        chunks: 0,
        new_chunks: 0,
        bytes: 0,
        new_bytes: 0,
    };
    let mut seen = BTreeSet::new();
    let mut index = PackIndex {
        format: chunk::INDEX_FORMAT,
        version,
        name,
        files: Vec::new(),
    };
    for (path, bytes) in &files {
        let mut chunks: Vec<ChunkRef> = Vec::new();
        for (chunk_ref, chunk_bytes) in chunk::split(bytes) {
            let name = chunk_ref.target();
            if seen.insert(name.clone()) {
                published.chunks += 1;
                if put_target(&targets_dir, &name, chunk_bytes)? {
                    published.new_chunks += 1;
                    published.new_bytes += chunk_ref.size;
                }
                editor
                    .add_target(name.as_str(), target_of(chunk_bytes))
                    .map_err(tuf)?;
            }
            chunks.push(chunk_ref);
        }
        published.bytes += bytes.len() as u64;
        let manifest = FileManifest {
            path: path.clone(),
            size: bytes.len() as u64,
            sha256: chunk::sha256_hex(bytes),
            chunks,
        };
        let manifest_bytes = serde_json::to_vec(&manifest).map_err(tuf)?;
        let manifest_name = chunk::manifest_target(&chunk::sha256_hex(&manifest_bytes));
        put_target(&targets_dir, &manifest_name, &manifest_bytes)?;
        editor
            .add_target(manifest_name.as_str(), target_of(&manifest_bytes))
            .map_err(tuf)?;
        index.files.push(IndexEntry {
            path: path.clone(),
            manifest: manifest_name,
            size: bytes.len() as u64,
        });
    }
    let index_bytes = serde_json::to_vec_pretty(&index).map_err(tuf)?;
    put_target(&targets_dir, chunk::INDEX_TARGET, &index_bytes)?;
    editor
        .add_target(chunk::INDEX_TARGET, target_of(&index_bytes))
        .map_err(tuf)?;

    let nonzero = |n: u64| NonZeroU64::new(n).ok_or_else(|| tuf("version 0"));
    editor.targets_version(nonzero(version)?).map_err(tuf)?;
    editor.targets_expires(expiry.targets).map_err(tuf)?;
    editor.snapshot_version(nonzero(latest_version(&metadata, "snapshot") + 1)?);
    editor.snapshot_expires(expiry.snapshot);
    editor.timestamp_version(nonzero(timestamp_version(&metadata) + 1)?);
    editor.timestamp_expires(expiry.timestamp);
    let signers = keys::signers(&[
        keys::key_file(keys, RoleType::Targets),
        keys::key_file(keys, RoleType::Snapshot),
        keys::key_file(keys, RoleType::Timestamp),
    ]);
    let signed = editor.sign(&signers).await.map_err(tuf)?;

    // Write beside, then move in: targets and snapshot first, the timestamp
    // (what clients read first) last, each by rename.
    let staging = repo.join(".publish");
    let _ = fs::remove_dir_all(&staging);
    signed.write(&staging).await.map_err(tuf)?;
    let snapshot_version = latest_version(&staging, "snapshot");
    for name in [
        format!("{version}.targets.json"),
        format!("{snapshot_version}.snapshot.json"),
    ] {
        let to = metadata.join(&name);
        fs::rename(staging.join(&name), &to).map_err(io(&to))?;
    }
    let to = metadata.join("timestamp.json");
    fs::rename(staging.join("timestamp.json"), &to).map_err(io(&to))?;
    fs::remove_dir_all(&staging).map_err(io(&staging))?;
    Ok(published)
}

/// Re-signs the repository's timestamp with a later expiry and the next
/// version, using only the online timestamp key: what a publishing server
/// runs from a timer, so that devices can tell fresh metadata from a replay
/// while the root and targets keys stay offline. Returns the new version.
pub async fn refresh_timestamp(
    repo: &Path,
    keys: &Path,
    expires: jiff::Timestamp,
) -> Result<u64, PublishError> {
    use tough::editor::signed::SignedRole;
    use tough::schema::{KeyHolder, Signed, Timestamp};

    let (_, root) = keys::latest_root(repo)?;
    let metadata = repo.join("metadata");
    let path = metadata.join("timestamp.json");
    let bytes = fs::read(&path).map_err(io(&path))?;
    let current: Signed<Timestamp> = serde_json::from_slice(&bytes).map_err(tuf)?;
    let mut timestamp = current.signed;
    let version = timestamp.version.get() + 1;
    timestamp.version = NonZeroU64::new(version).ok_or_else(|| tuf("version overflow"))?;
    timestamp.expires = expires;
    let signers = keys::signers(&[keys::key_file(keys, RoleType::Timestamp)]);
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let signed = SignedRole::new(timestamp, &KeyHolder::Root(root.signed), &signers, &rng)
        .await
        .map_err(tuf)?;
    let temporary = metadata.join(".timestamp.json.new");
    fs::write(&temporary, signed.buffer()).map_err(io(&temporary))?;
    fs::rename(&temporary, &path).map_err(io(&path))?;
    Ok(version)
}

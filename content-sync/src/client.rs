//! The device's side of a sync: fetch and verify TUF metadata, fetch the
//! pack index, the file manifests and the chunks the local cache lacks,
//! assemble the files, and let the store check and activate them.
//!
//! Every byte used comes from a target whose length and SHA-256 the signed
//! targets metadata names; TUF's client workflow (via `tough`) refuses
//! rollbacks, frozen metadata, mix-and-match, oversize metadata and bad
//! signatures. What a sync reports names versions, sizes and errors only.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tough::{ExpirationEnforcement, IntoVec, Limits, Repository, RepositoryLoader, TargetName};
use url::Url;

use crate::chunk::{self, FileManifest, PackIndex};
use crate::source::{self, MAX_FILE_SIZE};
use crate::store::{Generation, Store, StoreError};
use crate::transport::Metered;

/// Where a repository is and how to talk to it.
#[derive(Debug, Clone)]
pub struct Remote {
    /// The repository's base: `BASE/metadata/` and `BASE/targets/`.
    pub base: Url,
    /// The trusted root metadata the device was installed with.
    pub trusted_root: PathBuf,
}

/// Limits and settings of a sync.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest metadata files.
    pub limits: Limits,
    /// Largest pack (all files together).
    pub max_pack_bytes: u64,
    /// Bytes per second at most, if limited.
    pub max_rate: Option<u64>,
    /// How long one request may stall.
    pub timeout: Duration,
    /// Tries per request.
    pub tries: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits {
                max_root_size: 1024 * 1024,
                max_targets_size: 32 * 1024 * 1024,
                max_timestamp_size: 64 * 1024,
                max_snapshot_size: 1024 * 1024,
                max_root_updates: 64,
            },
            max_pack_bytes: 4 * 1024 * 1024 * 1024,
            max_rate: None,
            timeout: Duration::from_secs(30),
            tries: 4,
        }
    }
}

/// A sync problem; the current generation is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The repository's metadata or a target was refused or unreachable.
    #[error("content update refused: {0}")]
    Tuf(String),
    /// The pack index or a manifest is not what this client accepts.
    #[error("content update refused: {0}")]
    Pack(String),
    /// The store failed (disk full, damaged pack, …).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file operation failed.
    #[error("content store {path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SyncError + '_ {
    move |source| SyncError::Io {
        path: path.to_owned(),
        source,
    }
}

fn tuf(error: impl std::fmt::Display) -> SyncError {
    SyncError::Tuf(error.to_string())
}

/// How a sync ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The current generation is the newest pack.
    UpToDate,
    /// A new generation was activated.
    Activated(Generation),
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// How it ended.
    pub outcome: Outcome,
    /// The pack version the repository offers.
    pub version: u64,
    /// Bytes received over the transport (metadata and targets).
    pub downloaded: u64,
    /// Chunks fetched.
    pub chunks_fetched: u64,
    /// Bytes of the chunks fetched.
    pub chunk_bytes: u64,
    /// Chunks taken from the local cache.
    pub chunks_cached: u64,
    /// Bytes of the pack.
    pub pack_bytes: u64,
}

/// Where the sync keeps trusted metadata.
fn tuf_dir(store: &Store) -> PathBuf {
    store.root().join("tuf")
}

/// Where the sync keeps chunks.
fn chunk_dir(store: &Store) -> PathBuf {
    store.root().join("chunks")
}

/// Loads and verifies the repository's metadata, starting from the newest
/// root this device trusts.
async fn load(
    store: &Store,
    remote: &Remote,
    transport: &Metered,
    options: &Options,
) -> Result<Repository, SyncError> {
    let tuf_dir = tuf_dir(store);
    fs::create_dir_all(&tuf_dir).map_err(io(&tuf_dir))?;
    let saved = tuf_dir.join("root.json");
    let root = match fs::read(&saved) {
        Ok(bytes) if !bytes.is_empty() => bytes,
        _ => fs::read(&remote.trusted_root).map_err(io(&remote.trusted_root))?,
    };
    let join = |path: &str| {
        let mut base = remote.base.clone();
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        base.join(path).map_err(tuf)
    };
    RepositoryLoader::new(&root, join("metadata/")?, join("targets/")?)
        .transport(transport.clone())
        .limits(options.limits)
        .datastore(tuf_dir)
        .expiration_enforcement(ExpirationEnforcement::Safe)
        .load()
        .await
        .map_err(tuf)
}

/// Reads a whole target, verified against the targets metadata. A
/// transfer that breaks off is tried again from the start of the target
/// (targets are chunk-sized), up to `tries` times.
async fn read_target(repo: &Repository, name: &str, tries: u32) -> Result<Vec<u8>, SyncError> {
    let target = TargetName::new(name).map_err(tuf)?;
    let mut attempt = 1;
    loop {
        let stream = repo
            .read_target(&target)
            .await
            .map_err(tuf)?
            .ok_or_else(|| SyncError::Pack(format!("the repository does not list {name}")))?;
        match stream.into_vec().await {
            Ok(bytes) => return Ok(bytes),
            Err(error @ tough::error::Error::Transport { .. }) if attempt < tries => {
                tracing::debug!(%error, attempt, "transfer broke off; trying again");
                tokio::time::sleep(Duration::from_millis(100 * u64::from(attempt))).await;
                attempt += 1;
            }
            Err(error) => return Err(tuf(error)),
        }
    }
}

/// Checks a pack index before anything it names is fetched.
pub fn check_index(index: &PackIndex, version: u64, options: &Options) -> Result<(), SyncError> {
    let refuse = |why: String| Err(SyncError::Pack(why));
    if index.format != chunk::INDEX_FORMAT {
        return refuse(format!(
            "pack format {} is not {}",
            index.format,
            chunk::INDEX_FORMAT
        ));
    }
    if index.version != version {
        return refuse(format!(
            "the pack index says version {} but the signed targets are version {version}",
            index.version
        ));
    }
    let mut total: u64 = 0;
    let mut paths = HashSet::new();
    for entry in &index.files {
        if !source::is_safe_path(&entry.path) {
            return refuse(format!("file name {:?} would leave the store", entry.path));
        }
        if !paths.insert(entry.path.as_str()) {
            return refuse(format!("file {} is listed twice", entry.path));
        }
        if chunk::manifest_hash(&entry.manifest).is_none() {
            return refuse(format!("{:?} is not a manifest name", entry.manifest));
        }
        if entry.size > MAX_FILE_SIZE {
            return refuse(format!(
                "file {} is {} bytes, more than allowed",
                entry.path, entry.size
            ));
        }
        total = total.saturating_add(entry.size);
    }
    if total > options.max_pack_bytes {
        return refuse(format!(
            "the pack is {total} bytes, more than the {} allowed",
            options.max_pack_bytes
        ));
    }
    Ok(())
}

fn check_manifest(manifest: &FileManifest, path: &str, size: u64) -> Result<(), SyncError> {
    let sum: u64 = manifest
        .chunks
        .iter()
        .map(|c| c.size)
        .fold(0, u64::saturating_add);
    if manifest.path != path || manifest.size != size || sum != size {
        return Err(SyncError::Pack(format!(
            "the manifest of {path} does not match the index"
        )));
    }
    if manifest
        .chunks
        .iter()
        .any(|c| !chunk::is_sha256_hex(&c.sha256))
    {
        return Err(SyncError::Pack(format!(
            "the manifest of {path} names a bad chunk"
        )));
    }
    Ok(())
}

/// A chunk from the cache, if it is there and intact; a damaged one is
/// removed.
fn cached_chunk(dir: &Path, sha256: &str) -> Option<Vec<u8>> {
    let path = dir.join(sha256);
    let bytes = fs::read(&path).ok()?;
    if chunk::sha256_hex(&bytes) == sha256 {
        Some(bytes)
    } else {
        let _ = fs::remove_file(&path);
        None
    }
}

/// Keeps a verified chunk in the cache (write beside, then rename).
fn cache_chunk(dir: &Path, sha256: &str, bytes: &[u8]) -> Result<(), SyncError> {
    let temporary = dir.join(format!(".{sha256}.part"));
    fs::write(&temporary, bytes).map_err(io(&temporary))?;
    let path = dir.join(sha256);
    fs::rename(&temporary, &path).map_err(io(&path))
}

/// Removes every cached chunk that `keep` does not name.
fn prune_cache(dir: &Path, keep: &HashSet<String>) -> Result<(), SyncError> {
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let name = entry.file_name();
        if !name.to_str().is_some_and(|name| keep.contains(name)) {
            let path = entry.path();
            fs::remove_file(&path).map_err(io(&path))?;
        }
    }
    Ok(())
}

/// Syncs once: if the repository offers a pack newer than the current
/// generation, downloads what is missing and activates it.
pub async fn sync(store: &Store, remote: &Remote, options: &Options) -> Result<Report, SyncError> {
    let transport = Metered::new(options.timeout, options.max_rate, options.tries).map_err(tuf)?;
    let repo = load(store, remote, &transport, options).await?;
    let version = repo.targets().signed.version.get();
    let mut report = Report {
        outcome: Outcome::UpToDate,
        version,
        downloaded: 0,
        chunks_fetched: 0,
        chunk_bytes: 0,
        chunks_cached: 0,
        pack_bytes: 0,
    };
    if store
        .current()?
        .is_some_and(|current| current.version == version)
    {
        report.downloaded = transport.received();
        return Ok(report);
    }
    let index: PackIndex =
        serde_json::from_slice(&read_target(&repo, chunk::INDEX_TARGET, options.tries).await?)
            .map_err(|e| SyncError::Pack(format!("the pack index does not parse: {e}")))?;
    check_index(&index, version, options)?;
    tracing::info!(version, files = index.files.len(), "fetching pack");

    let chunks = chunk_dir(store);
    fs::create_dir_all(&chunks).map_err(io(&chunks))?;
    let staging = store.staging_dir(version)?;
    // A sync that fails leaves no half-built generation behind (the
    // daemon keeps the store open, so staging is not cleared on open).
    let built = async {
        let mut keep = HashSet::new();
        for entry in &index.files {
            // Manifests are named by their hash, so they are cached like chunks.
            // (`check_index` made sure the name carries one.)
            let manifest_hash = chunk::manifest_hash(&entry.manifest)
                .ok_or_else(|| {
                    SyncError::Pack(format!("{:?} is not a manifest name", entry.manifest))
                })?
                .to_owned();
            let manifest_bytes = match cached_chunk(&chunks, &manifest_hash) {
                Some(bytes) => bytes,
                None => {
                    let bytes = read_target(&repo, &entry.manifest, options.tries).await?;
                    cache_chunk(&chunks, &manifest_hash, &bytes)?;
                    bytes
                }
            };
            keep.insert(manifest_hash);
            let manifest: FileManifest = serde_json::from_slice(&manifest_bytes).map_err(|e| {
                SyncError::Pack(format!(
                    "the manifest of {} does not parse: {e}",
                    entry.path
                ))
            })?;
            check_manifest(&manifest, &entry.path, entry.size)?;
            let path = staging.join("files").join(&entry.path);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(io(parent))?;
            }
            let mut file = fs::File::create(&path).map_err(io(&path))?;
            let mut whole = aws_lc_rs::digest::Context::new(&aws_lc_rs::digest::SHA256);
            for chunk_ref in &manifest.chunks {
                let bytes = match cached_chunk(&chunks, &chunk_ref.sha256) {
                    Some(bytes) => {
                        report.chunks_cached += 1;
                        bytes
                    }
                    None => {
                        let bytes = read_target(&repo, &chunk_ref.target(), options.tries).await?;
                        if chunk::sha256_hex(&bytes) != chunk_ref.sha256 {
                            return Err(SyncError::Pack(format!(
                                "chunk {} of {} is not what its name says",
                                chunk_ref.sha256, entry.path
                            )));
                        }
                        cache_chunk(&chunks, &chunk_ref.sha256, &bytes)?;
                        report.chunks_fetched += 1;
                        report.chunk_bytes += chunk_ref.size;
                        bytes
                    }
                };
                whole.update(&bytes);
                file.write_all(&bytes).map_err(io(&path))?;
                keep.insert(chunk_ref.sha256.clone());
            }
            if hex::encode(whole.finish()) != manifest.sha256 {
                return Err(SyncError::Pack(format!(
                    "{} does not match its manifest",
                    entry.path
                )));
            }
            report.pack_bytes += entry.size;
        }
        let generation = store.activate_staged(&staging, version)?;
        Ok::<_, SyncError>((generation, keep))
    }
    .await;
    let (generation, keep) = match built {
        Ok(built) => built,
        Err(error) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(error);
        }
    };
    prune_cache(&chunks, &keep)?;
    report.downloaded = transport.received();
    tracing::info!(
        version,
        bytes = report.downloaded,
        "activated new content generation"
    );
    report.outcome = Outcome::Activated(generation);
    Ok(report)
}

/// Re-hashes every chunk in the cache; returns how many bytes were checked
/// and removes the damaged ones.
pub fn verify_cache(store: &Store) -> Result<(u64, u64), SyncError> {
    let dir = chunk_dir(store);
    let (mut bytes, mut damaged) = (0, 0);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok((0, 0));
    };
    for entry in entries {
        let entry = entry.map_err(io(&dir))?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        match cached_chunk(&dir, &name) {
            Some(chunk) => bytes += chunk.len() as u64,
            None => damaged += 1,
        }
    }
    Ok((bytes, damaged))
}

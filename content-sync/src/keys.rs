//! Signing keys and root metadata.
//!
//! `content-sync keys init` makes four ed25519 keys: the root and targets
//! keys under `KEYS/offline/` (keep them on a stick in a drawer; they are
//! needed only to publish and to change keys) and the snapshot and timestamp
//! keys under `KEYS/online/` (the publishing server re-signs the timestamp
//! with them often, so that a device can tell fresh metadata from a replay).
//! Key files hold PKCS#8 and are created with mode 0600.

use std::collections::HashMap;
use std::fs;
use std::num::NonZeroU64;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::Ed25519KeyPair;
use tough::editor::signed::SignedRole;
use tough::key_source::{KeySource, LocalKeySource};
use tough::schema::key::Key;
use tough::schema::{KeyHolder, RoleKeys, RoleType, Root, Signed};
use tough::sign::{Sign, parse_keypair};

/// The four top-level roles.
pub const ROLES: [RoleType; 4] = [
    RoleType::Root,
    RoleType::Targets,
    RoleType::Snapshot,
    RoleType::Timestamp,
];

/// A key or root problem.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// A file operation failed.
    #[error("{path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Keys exist already; `init` never overwrites them.
    #[error("{0} exists already; keys are never overwritten")]
    Exists(PathBuf),
    /// A key file does not hold a usable key.
    #[error("{path} does not hold an ed25519 key: {why}")]
    BadKey {
        /// Where.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// The repository has no root metadata.
    #[error("{0} holds no root metadata (run `content-sync keys init` first)")]
    NoRoot(PathBuf),
    /// Root metadata does not parse.
    #[error("{path}: {why}")]
    BadRoot {
        /// Where.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// Signing failed.
    #[error("signing {what}: {why}")]
    Sign {
        /// What was signed.
        what: &'static str,
        /// Why.
        why: String,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> KeyError + '_ {
    move |source| KeyError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The role's name as TUF writes it.
pub fn role_name(role: RoleType) -> &'static str {
    match role {
        RoleType::Root => "root",
        RoleType::Targets => "targets",
        RoleType::Snapshot => "snapshot",
        RoleType::Timestamp => "timestamp",
        _ => "delegated",
    }
}

/// Where the key of `role` lives under `keys`.
pub fn key_file(keys: &Path, role: RoleType) -> PathBuf {
    let place = match role {
        RoleType::Root | RoleType::Targets => "offline",
        _ => "online",
    };
    keys.join(place).join(format!("{}.pk8", role_name(role)))
}

/// Makes a new ed25519 key at `path` (mode 0600) and returns its public part.
pub fn generate_key(path: &Path) -> Result<Key, KeyError> {
    if path.exists() {
        return Err(KeyError::Exists(path.to_owned()));
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io(parent))?;
        fs::set_permissions(parent, fs::Permissions::from_mode(0o700)).map_err(io(parent))?;
    }
    let document =
        Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).map_err(|e| KeyError::BadKey {
            path: path.to_owned(),
            why: e.to_string(),
        })?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io(path))?;
    std::io::Write::write_all(&mut file, document.as_ref()).map_err(io(path))?;
    file.sync_all().map_err(io(path))?;
    public_key(path)
}

/// The public part of the key at `path`.
pub fn public_key(path: &Path) -> Result<Key, KeyError> {
    let bytes = fs::read(path).map_err(io(path))?;
    let pair = parse_keypair(&bytes).map_err(|e| KeyError::BadKey {
        path: path.to_owned(),
        why: e.to_string(),
    })?;
    Ok(pair.tuf_key())
}

/// Key sources for the given key files.
pub fn signers(paths: &[PathBuf]) -> Vec<Box<dyn KeySource>> {
    paths
        .iter()
        .map(|path| Box::new(LocalKeySource { path: path.clone() }) as Box<dyn KeySource>)
        .collect()
}

/// The newest root metadata in `REPO/metadata`: its version and bytes.
pub fn latest_root(repo: &Path) -> Result<(u64, Signed<Root>), KeyError> {
    let metadata = repo.join("metadata");
    let mut newest: Option<u64> = None;
    if let Ok(entries) = fs::read_dir(&metadata) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let version = name
                .to_str()
                .and_then(|name| name.strip_suffix(".root.json"))
                .and_then(|version| version.parse::<u64>().ok());
            newest = newest.max(version);
        }
    }
    let version = newest.ok_or_else(|| KeyError::NoRoot(metadata.clone()))?;
    let path = metadata.join(format!("{version}.root.json"));
    let bytes = fs::read(&path).map_err(io(&path))?;
    let root = serde_json::from_slice(&bytes).map_err(|e| KeyError::BadRoot {
        path: path.clone(),
        why: e.to_string(),
    })?;
    Ok((version, root))
}

/// Root metadata that gives each role the listed keys and threshold.
pub fn root_metadata(
    version: u64,
    expires: jiff::Timestamp,
    roles: &[(RoleType, Vec<Key>, u64)],
) -> Result<Root, KeyError> {
    let mut keys = HashMap::new();
    let mut role_keys = HashMap::new();
    for (role, role_public, threshold) in roles {
        let mut keyids = Vec::new();
        for key in role_public {
            let id = key.key_id().map_err(|e| KeyError::Sign {
                what: "key id",
                why: e.to_string(),
            })?;
            keys.insert(id.clone(), key.clone());
            keyids.push(id);
        }
        let threshold = NonZeroU64::new(*threshold).ok_or(KeyError::Sign {
            what: "root",
            why: "a threshold of 0".into(),
        })?;
        role_keys.insert(
            *role,
            RoleKeys {
                keyids,
                threshold,
                _extra: HashMap::new(),
            },
        );
    }
    Ok(Root {
        spec_version: "1.0.0".to_owned(),
        consistent_snapshot: true,
        version: NonZeroU64::new(version).ok_or(KeyError::Sign {
            what: "root",
            why: "version 0".into(),
        })?,
        expires,
        keys,
        roles: role_keys,
        _extra: HashMap::new(),
    })
}

/// Signs `root` with the keys in `new_signers` that it names for its root
/// role and, for a rotation, with the keys of `old` (the root it replaces),
/// then writes `N.root.json` and `root.json` into `REPO/metadata`.
pub async fn write_root(
    repo: &Path,
    root: Root,
    new_signers: &[PathBuf],
    old: Option<(&Root, &[PathBuf])>,
) -> Result<PathBuf, KeyError> {
    let rng = SystemRandom::new();
    let sign_err = |e: tough::error::Error| KeyError::Sign {
        what: "root",
        why: e.to_string(),
    };
    let holder = KeyHolder::Root(root.clone());
    let mut signed = SignedRole::new(root.clone(), &holder, &signers(new_signers), &rng)
        .await
        .map_err(sign_err)?;
    if let Some((old_root, old_signers)) = old {
        let old_holder = KeyHolder::Root(old_root.clone());
        let cross = SignedRole::new(root.clone(), &old_holder, &signers(old_signers), &rng)
            .await
            .map_err(sign_err)?;
        signed = signed
            .add_old_signatures(cross.signed().signatures.clone())
            .map_err(sign_err)?;
    }
    let metadata = repo.join("metadata");
    fs::create_dir_all(&metadata).map_err(io(&metadata))?;
    let path = metadata.join(format!("{}.root.json", root.version));
    fs::write(&path, signed.buffer()).map_err(io(&path))?;
    let plain = metadata.join("root.json");
    fs::write(&plain, signed.buffer()).map_err(io(&plain))?;
    Ok(path)
}

/// Makes the four keys under `keys` and root metadata version 1 in `repo`.
/// Returns the root file, which devices must be given as their trusted root.
pub async fn init(keys: &Path, repo: &Path, expires: jiff::Timestamp) -> Result<PathBuf, KeyError> {
    for role in ROLES {
        let path = key_file(keys, role);
        if path.exists() {
            return Err(KeyError::Exists(path));
        }
    }
    if latest_root(repo).is_ok() {
        return Err(KeyError::Exists(repo.join("metadata")));
    }
    let mut roles = Vec::new();
    for role in ROLES {
        roles.push((role, vec![generate_key(&key_file(keys, role))?], 1));
    }
    let root = root_metadata(1, expires, &roles)?;
    write_root(repo, root, &[key_file(keys, RoleType::Root)], None).await
}

/// Replaces the key of `role` with a new one and publishes root metadata
/// version N+1, signed by the old root key and (for the root role) the new
/// one too, so that devices follow the rotation. The old key file is kept
/// as `ROLE.pk8.N` (for the root role it is needed once more, to sign).
/// Publish again afterwards so that the metadata carries the new signatures.
pub async fn rotate(
    keys: &Path,
    repo: &Path,
    role: RoleType,
    expires: jiff::Timestamp,
) -> Result<u64, KeyError> {
    let (version, current) = latest_root(repo)?;
    let path = key_file(keys, role);
    let retired = path.with_extension(format!("pk8.{version}"));
    fs::rename(&path, &retired).map_err(io(&path))?;
    let new_key = match generate_key(&path) {
        Ok(key) => key,
        Err(error) => {
            let _ = fs::rename(&retired, &path);
            return Err(error);
        }
    };
    let mut roles = Vec::new();
    for each in ROLES {
        let keys_of = |r: RoleType| -> Result<Vec<Key>, KeyError> {
            let listed = current
                .signed
                .roles
                .get(&r)
                .map(|k| k.keyids.clone())
                .unwrap_or_default();
            Ok(listed
                .iter()
                .filter_map(|id| current.signed.keys.get(id).cloned())
                .collect())
        };
        let (public, threshold) = if each == role {
            (vec![new_key.clone()], 1)
        } else {
            let threshold = current
                .signed
                .roles
                .get(&each)
                .map_or(1, |k| k.threshold.get());
            (keys_of(each)?, threshold)
        };
        roles.push((each, public, threshold));
    }
    let root = root_metadata(version + 1, expires, &roles)?;
    let old_root_key = if role == RoleType::Root {
        retired
    } else {
        key_file(keys, RoleType::Root)
    };
    write_root(
        repo,
        root,
        &[key_file(keys, RoleType::Root)],
        Some((&current.signed, &[old_root_key])),
    )
    .await?;
    Ok(version + 1)
}

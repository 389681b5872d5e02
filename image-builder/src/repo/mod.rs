//! The signed apt repository a site's devices update from.
//!
//! Layout (a standard one, served as static files):
//!
//! ```text
//! anlauf-archive-keyring.pgp            the public key (binary OpenPGP)
//! pool/main/<package>_<version>_<arch>.deb
//! dists/<suite>/InRelease               Release clear-signed (SHA-512)
//! dists/<suite>/Release                 Origin, Label, Suite, Codename, Date,
//! dists/<suite>/Release.gpg             Architectures, Components, SHA256
//! dists/<suite>/main/binary-amd64/Packages{,.gz,.xz}   amd64 and all
//! dists/<suite>/main/binary-all/Packages{,.gz,.xz}     all
//! ```
//!
//! Publishing again adds packages to the pool (one of the same name,
//! version and architecture is replaced), indexes the whole pool again and
//! signs again, always with the site's one [`SigningKey`]: devices trust
//! only that key (`Signed-By` in their [`sources_file`]). The indexes are
//! made aside and moved into place before the signed `InRelease`, so a
//! device that updates meanwhile sees the old or the new state, or at worst
//! a hash mismatch it retries on its next update.
//!
//! Needs gpg (gnupg), apt-ftparchive (apt-utils), dpkg-deb, gzip and xz.

mod command;
mod key;

use std::path::{Path, PathBuf};
use std::process::ExitStatus;

pub use key::SigningKey;

use command::run;

/// The public key's file name at the repository's root.
pub const KEYRING_FILE: &str = "anlauf-archive-keyring.pgp";

/// Where a device keeps the public key its `.sources` file names.
pub const KEYRING_PATH_ON_DEVICE: &str = "/usr/share/keyrings/anlauf-archive-keyring.pgp";

/// The only component.
const COMPONENT: &str = "main";

/// The index directories: each with the package architectures it lists.
const INDEXES: [(&str, &str); 2] = [("binary-amd64", "amd64"), ("binary-all", "all")];

/// What went wrong making the key or the repository.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// A program is not installed.
    #[error("cannot run {program} (install the Debian package {package}): {source}")]
    Missing {
        /// The program.
        program: &'static str,
        /// The Debian package that has it.
        package: &'static str,
        /// Why it did not start.
        source: std::io::Error,
    },
    /// A program failed.
    #[error("{program} {args} failed ({status}): {stderr}")]
    Command {
        /// The program.
        program: &'static str,
        /// Its arguments.
        args: String,
        /// How it ended.
        status: ExitStatus,
        /// What it said.
        stderr: String,
    },
    /// Reading or writing a file failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
    /// A path that gpg or apt-ftparchive cannot be given.
    #[error("{} is not valid UTF-8", path.display())]
    NotUtf8 {
        /// The path.
        path: PathBuf,
    },
    /// The key's name cannot be a user id.
    #[error("{name:?} cannot name an archive key: it must not be empty nor hold <, >, ( or )")]
    BadKeyName {
        /// The name.
        name: String,
    },
    /// gpg made no key.
    #[error("{} holds no usable secret key", dir.display())]
    NoKey {
        /// The key directory.
        dir: PathBuf,
    },
    /// More than one key: which one signs would be a guess.
    #[error(
        "{} holds {} secret keys ({}); a site's key directory holds exactly one",
        dir.display(), fingerprints.len(), fingerprints.join(", ")
    )]
    AmbiguousKey {
        /// The key directory.
        dir: PathBuf,
        /// The keys found.
        fingerprints: Vec<String>,
    },
    /// A key that trixie's apt would refuse.
    #[error("the key {fingerprint} in {} cannot sign the repository: {reason}", dir.display())]
    UnusableKey {
        /// The key directory.
        dir: PathBuf,
        /// The key.
        fingerprint: String,
        /// Why.
        reason: String,
    },
    /// The suite name is not one word.
    #[error("{suite:?} cannot be a suite name: use letters, digits, '.', '_', '+' or '-'")]
    BadSuite {
        /// The name.
        suite: String,
    },
    /// Not a Debian package.
    #[error("{} is not a Debian package: {reason}", path.display())]
    NotADeb {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The secret key would be published.
    #[error(
        "the signing key directory {} lies inside the repository {}: it would be served to everyone; keep it elsewhere",
        key.display(), repo.display()
    )]
    KeyInsideRepository {
        /// The key directory.
        key: PathBuf,
        /// The repository.
        repo: PathBuf,
    },
    /// The repository was signed by another key, which devices trust.
    #[error(
        "the repository {} is signed by another key than {fingerprint}, and the devices trust only that one: \
         use the site's key directory (restore it from the backup), or, to change keys on purpose, \
         delete {} and put the new keyring on every device",
        repo.display(), keyring.display()
    )]
    KeyChanged {
        /// The repository.
        repo: PathBuf,
        /// Its keyring file.
        keyring: PathBuf,
        /// The key this build has.
        fingerprint: String,
    },
}

impl RepoError {
    pub(crate) fn io(action: &'static str, path: &Path, source: std::io::Error) -> RepoError {
        RepoError::Io {
            action,
            path: path.to_owned(),
            source,
        }
    }
}

/// A package in the pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolPackage {
    /// `Package:`.
    pub name: String,
    /// `Version:`.
    pub version: String,
    /// `Architecture:`.
    pub architecture: String,
    /// The file, relative to the repository's root.
    pub file: PathBuf,
}

/// A published repository.
#[derive(Debug, Clone)]
pub struct Repository {
    dir: PathBuf,
    suite: String,
    fingerprint: String,
    added: Vec<PoolPackage>,
}

impl Repository {
    /// Adds `debs` to the repository in `dir` (made when missing), indexes
    /// its pool for `suite` and signs it with `key`. The public key is
    /// written as [`KEYRING_FILE`] at the root; a repository whose keyring
    /// is another key's is refused ([`RepoError::KeyChanged`]).
    pub fn publish(
        dir: &Path,
        suite: &str,
        debs: &[PathBuf],
        key: &SigningKey,
    ) -> Result<Repository, RepoError> {
        check_suite(suite)?;
        std::fs::create_dir_all(dir).map_err(|source| RepoError::io("create", dir, source))?;
        let dir = canonical(dir)?;
        let key_dir = canonical(key.dir())?;
        if key_dir.starts_with(&dir) {
            return Err(RepoError::KeyInsideRepository {
                key: key_dir,
                repo: dir,
            });
        }
        let keyring = dir.join(KEYRING_FILE);
        let public = key.public_key();
        match std::fs::read(&keyring) {
            Ok(existing) if existing != public => {
                return Err(RepoError::KeyChanged {
                    repo: dir,
                    keyring,
                    fingerprint: key.fingerprint().to_owned(),
                });
            }
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(RepoError::io("read", &keyring, source)),
        }

        let pool = dir.join("pool").join(COMPONENT);
        create_dir(&pool)?;
        let mut added = Vec::new();
        for deb in debs {
            added.push(add_to_pool(&dir, &pool, deb)?);
        }
        write_atomic(&keyring, &public)?;

        let live = dir.join("dists").join(suite);
        let staging = dir.join("dists").join(format!(".{suite}.new"));
        remove_dir(&staging)?;
        let mut files = Vec::new();
        for (index, arch) in INDEXES {
            let relative = Path::new(COMPONENT).join(index);
            create_dir(&staging.join(&relative))?;
            let listing = run(
                "apt-ftparchive",
                &[
                    "--md5=no",
                    "--sha1=no",
                    "--arch",
                    arch,
                    "packages",
                    "pool/main",
                ],
                Some(&dir),
            )?
            .stdout;
            let packages = relative.join("Packages");
            write_atomic(&staging.join(&packages), &listing)?;
            compress(&staging.join(&packages))?;
            for name in ["Packages", "Packages.gz", "Packages.xz"] {
                files.push(relative.join(name));
            }
        }
        let release = release(&staging, suite)?;
        write_atomic(&staging.join("Release"), &release)?;
        key.sign_release(
            &staging.join("Release"),
            &staging.join("InRelease"),
            &staging.join("Release.gpg"),
        )?;
        // The indexes first, the signed files last: a device reading the new
        // InRelease finds the indexes it names.
        files.extend(["Release", "Release.gpg", "InRelease"].map(PathBuf::from));
        for file in &files {
            let target = live.join(file);
            if let Some(parent) = target.parent() {
                create_dir(parent)?;
            }
            std::fs::rename(staging.join(file), &target)
                .map_err(|source| RepoError::io("move into place", &target, source))?;
        }
        remove_dir(&staging)?;
        tracing::info!(
            repo = %dir.display(), suite, added = added.len(),
            key = key.fingerprint(), "published the apt repository"
        );
        Ok(Repository {
            dir,
            suite: suite.to_owned(),
            fingerprint: key.fingerprint().to_owned(),
            added,
        })
    }

    /// The repository's root directory (what the web server serves).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The suite devices name in their `.sources` file.
    pub fn suite(&self) -> &str {
        &self.suite
    }

    /// The fingerprint of the key that signed it.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The packages this publishing added.
    pub fn added(&self) -> &[PoolPackage] {
        &self.added
    }

    /// The public key file at the root.
    pub fn keyring_path(&self) -> PathBuf {
        self.dir.join(KEYRING_FILE)
    }

    /// The suite's directory under `dists/`.
    pub fn suite_dir(&self) -> PathBuf {
        self.dir.join("dists").join(&self.suite)
    }
}

/// The deb822 `.sources` file a device updates with: this repository at
/// `url`, `suite`, component main, trusting only the keyring at
/// `keyring_path_on_device` (for example [`KEYRING_PATH_ON_DEVICE`]).
/// The values come from the checked site file; line breaks in them are
/// dropped so that they cannot add fields.
pub fn sources_file(url: &str, suite: &str, keyring_path_on_device: &str) -> String {
    let one_line = |value: &str| {
        value
            .split(['\n', '\r'])
            .collect::<String>()
            .trim()
            .to_owned()
    };
    format!(
        "Types: deb\nURIs: {}\nSuites: {}\nComponents: {COMPONENT}\nSigned-By: {}\n",
        one_line(url),
        one_line(suite),
        one_line(keyring_path_on_device)
    )
}

/// The Release file of the indexes below `suite_dir`.
fn release(suite_dir: &Path, suite: &str) -> Result<Vec<u8>, RepoError> {
    let fields = [
        ("Origin", "Anlauf"),
        ("Label", "Anlauf"),
        ("Suite", suite),
        ("Codename", suite),
        ("Architectures", "amd64 all"),
        ("Components", COMPONENT),
        ("Description", "Anlauf kiosk updates"),
    ];
    let options: Vec<String> = fields
        .iter()
        .map(|(field, value)| format!("APT::FTPArchive::Release::{field}={value}"))
        .collect();
    let mut args = Vec::new();
    for option in &options {
        args.extend(["-o", option.as_str()]);
    }
    args.extend(["--md5=no", "--sha1=no", "--sha512=no", "release", "."]);
    Ok(run("apt-ftparchive", &args, Some(suite_dir))?.stdout)
}

/// Copies `deb` into the pool under its canonical name and returns what
/// it is.
fn add_to_pool(root: &Path, pool: &Path, deb: &Path) -> Result<PoolPackage, RepoError> {
    let path = deb.to_str().ok_or_else(|| RepoError::NotUtf8 {
        path: deb.to_owned(),
    })?;
    let fields = run(
        "dpkg-deb",
        &[
            "--show",
            "--showformat",
            "${Package}\n${Version}\n${Architecture}\n",
            path,
        ],
        None,
    )
    .map_err(|error| RepoError::NotADeb {
        path: deb.to_owned(),
        reason: error.to_string(),
    })?
    .stdout;
    let fields = String::from_utf8_lossy(&fields);
    let mut lines = fields.lines();
    let (Some(name), Some(version), Some(architecture)) =
        (lines.next(), lines.next(), lines.next())
    else {
        return Err(RepoError::NotADeb {
            path: deb.to_owned(),
            reason: "no Package, Version or Architecture".to_owned(),
        });
    };
    let safe = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.~:".contains(c))
    };
    if !(safe(name) && safe(version) && safe(architecture)) {
        return Err(RepoError::NotADeb {
            path: deb.to_owned(),
            reason: format!("unusual control fields {name:?} {version:?} {architecture:?}"),
        });
    }
    if !matches!(architecture, "amd64" | "all") {
        return Err(RepoError::NotADeb {
            path: deb.to_owned(),
            reason: format!("architecture {architecture}; the repository holds amd64 and all"),
        });
    }
    // Debian's pool names leave out the epoch.
    let bare_version = version.split_once(':').map_or(version, |(_, rest)| rest);
    let file_name = format!("{name}_{bare_version}_{architecture}.deb");
    let target = pool.join(&file_name);
    let partial = pool.join(format!(".{file_name}.partial"));
    std::fs::copy(deb, &partial).map_err(|source| RepoError::io("copy", deb, source))?;
    std::fs::rename(&partial, &target)
        .map_err(|source| RepoError::io("move into place", &target, source))?;
    Ok(PoolPackage {
        name: name.to_owned(),
        version: version.to_owned(),
        architecture: architecture.to_owned(),
        file: target.strip_prefix(root).unwrap_or(&target).to_owned(),
    })
}

/// Writes `Packages.gz` and `Packages.xz` beside `packages`.
fn compress(packages: &Path) -> Result<(), RepoError> {
    let path = packages.to_str().ok_or_else(|| RepoError::NotUtf8 {
        path: packages.to_owned(),
    })?;
    for (program, args) in [("gzip", ["-9nkf", path]), ("xz", ["-kf", path])] {
        run(program, &args, None)?;
    }
    Ok(())
}

fn check_suite(suite: &str) -> Result<(), RepoError> {
    let ok = !suite.is_empty()
        && !suite.starts_with('.')
        && suite
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(RepoError::BadSuite {
            suite: suite.to_owned(),
        })
    }
}

fn canonical(path: &Path) -> Result<PathBuf, RepoError> {
    path.canonicalize()
        .map_err(|source| RepoError::io("resolve", path, source))
}

fn create_dir(path: &Path) -> Result<(), RepoError> {
    std::fs::create_dir_all(path).map_err(|source| RepoError::io("create", path, source))
}

fn remove_dir(path: &Path) -> Result<(), RepoError> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(RepoError::io("remove", path, source)),
    }
}

/// Writes `bytes` to a file beside `path` and renames it over `path`.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), RepoError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, bytes).map_err(|source| RepoError::io("write", &partial, source))?;
    std::fs::rename(&partial, path).map_err(|source| RepoError::io("move into place", path, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suite_names_are_one_word() {
        assert!(check_suite("anlauf").is_ok());
        assert!(check_suite("site-1.2+x_y").is_ok());
        for bad in ["", ".hidden", "a/b", "a b", "../x"] {
            assert!(check_suite(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sources_values_cannot_add_fields() {
        let text = sources_file("http://x/\nTrusted: yes", "s", "/k");
        assert!(!text.contains("\nTrusted"), "{text}");
    }
}

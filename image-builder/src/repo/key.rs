//! A site's archive signing key: an OpenPGP key in its own gpg home
//! directory, made once and reused for every later build of the site.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use super::RepoError;
use super::command::run;

/// The e-mail address of every archive key's user id.
const KEY_EMAIL: &str = "updates@anlauf.invalid";

/// A site's archive signing key, kept in a gpg home directory (mode 0700)
/// that never enters an image; only [`SigningKey::public_key`] does.
#[derive(Clone)]
pub struct SigningKey {
    dir: PathBuf,
    fingerprint: String,
    public: Vec<u8>,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("dir", &self.dir)
            .field("fingerprint", &self.fingerprint)
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// Opens the key in `dir`, or makes an ed25519 signing key with the
    /// user id `<name> <updates@anlauf.invalid>` there when the directory
    /// holds none yet. A directory with more than one secret key, or with a
    /// key trixie's apt would refuse, is an error.
    pub fn open_or_create(dir: &Path, name: &str) -> Result<SigningKey, RepoError> {
        std::fs::create_dir_all(dir).map_err(|source| RepoError::io("create", dir, source))?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|source| RepoError::io("set mode 0700 on", dir, source))?;
        let _agent = Agent(dir);
        let mut keys = secret_keys(dir)?;
        if keys.is_empty() {
            check_name(name)?;
            let user_id = format!("{name} <{KEY_EMAIL}>");
            tracing::info!(dir = %dir.display(), %user_id, "making the archive signing key");
            gpg(
                dir,
                &["--quick-gen-key", &user_id, "ed25519", "sign", "never"],
            )?;
            keys = secret_keys(dir)?;
        }
        let key = match keys.as_slice() {
            [key] => key,
            [] => {
                return Err(RepoError::NoKey {
                    dir: dir.to_owned(),
                });
            }
            _ => {
                return Err(RepoError::AmbiguousKey {
                    dir: dir.to_owned(),
                    fingerprints: keys.iter().map(|k| k.fingerprint.clone()).collect(),
                });
            }
        };
        key.check_apt_accepts(dir)?;
        let public = gpg(dir, &["--export", &key.fingerprint])?.stdout;
        if public.is_empty() {
            return Err(RepoError::NoKey {
                dir: dir.to_owned(),
            });
        }
        tracing::debug!(fingerprint = %key.fingerprint, "archive signing key");
        Ok(SigningKey {
            dir: dir.to_owned(),
            fingerprint: key.fingerprint.clone(),
            public,
        })
    }

    /// The public key as binary OpenPGP (what `gpg --export` writes): the
    /// keyring a device's `Signed-By` names.
    pub fn public_key(&self) -> Vec<u8> {
        self.public.clone()
    }

    /// The key's fingerprint, 40 hex digits.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The gpg home directory the key is kept in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Signs `release` as `in_release` (clear-signed) and `release_gpg`
    /// (detached, armored), both over SHA-512.
    pub(super) fn sign_release(
        &self,
        release: &Path,
        in_release: &Path,
        release_gpg: &Path,
    ) -> Result<(), RepoError> {
        let _agent = Agent(&self.dir);
        // `!`: exactly this key, not a subkey gpg might prefer.
        let user = format!("{}!", self.fingerprint);
        let release = path_str(release)?;
        for (mode, output) in [("--clearsign", in_release), ("--detach-sign", release_gpg)] {
            gpg(
                &self.dir,
                &[
                    "--local-user",
                    &user,
                    "--digest-algo",
                    "SHA512",
                    "--armor",
                    "--yes",
                    "--output",
                    path_str(output)?,
                    mode,
                    release,
                ],
            )?;
        }
        Ok(())
    }
}

/// A secret key as `gpg --with-colons` lists it.
#[derive(Debug, PartialEq, Eq)]
struct ListedKey {
    fingerprint: String,
    /// Field 2: `e` expired, `r` revoked, `d` disabled, `i` invalid.
    validity: String,
    length: u32,
    algorithm: u32,
    curve: String,
}

impl ListedKey {
    /// trixie's apt (`APT::Key::Assert-Pubkey-Algo`) takes RSA of 2048 bits
    /// or more, ed25519, ed448 and the NIST curves; sqv refuses expired and
    /// revoked keys.
    fn check_apt_accepts(&self, dir: &Path) -> Result<(), RepoError> {
        let accepted = match self.algorithm {
            1 => self.length >= 2048,
            19 => matches!(self.curve.as_str(), "nistp256" | "nistp384" | "nistp521"),
            22 => matches!(self.curve.as_str(), "ed25519" | "ed448"),
            27 | 28 => true,
            _ => false,
        };
        let usable = !matches!(self.validity.as_str(), "e" | "r" | "d" | "i");
        if accepted && usable {
            return Ok(());
        }
        Err(RepoError::UnusableKey {
            dir: dir.to_owned(),
            fingerprint: self.fingerprint.clone(),
            reason: if usable {
                format!(
                    "algorithm {} ({} bits{}) is refused by trixie's apt",
                    self.algorithm,
                    self.length,
                    if self.curve.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", self.curve)
                    }
                )
            } else {
                "it is expired, revoked or disabled".to_owned()
            },
        })
    }
}

/// The secret primary keys in the gpg home `dir`.
fn secret_keys(dir: &Path) -> Result<Vec<ListedKey>, RepoError> {
    let output = gpg(dir, &["--with-colons", "--list-secret-keys"])?;
    Ok(parse_colons(&String::from_utf8_lossy(&output.stdout)))
}

/// Reads the `sec` records of `gpg --with-colons --list-secret-keys` and
/// the fingerprint (`fpr`) that follows each.
fn parse_colons(listing: &str) -> Vec<ListedKey> {
    let mut keys = Vec::new();
    let mut pending: Option<ListedKey> = None;
    for line in listing.lines() {
        let fields: Vec<&str> = line.split(':').collect();
        let field = |i: usize| fields.get(i).copied().unwrap_or_default();
        match field(0) {
            "sec" => {
                pending = Some(ListedKey {
                    fingerprint: String::new(),
                    validity: field(1).to_owned(),
                    length: field(2).parse().unwrap_or(0),
                    algorithm: field(3).parse().unwrap_or(0),
                    curve: field(16).to_owned(),
                });
            }
            "fpr" => {
                if let Some(mut key) = pending.take() {
                    key.fingerprint = field(9).to_owned();
                    keys.push(key);
                }
            }
            _ => {}
        }
    }
    keys
}

/// A user id's name may not carry the parts gpg reads as the address.
fn check_name(name: &str) -> Result<(), RepoError> {
    let bad = name.trim().is_empty()
        || name
            .chars()
            .any(|c| c.is_control() || matches!(c, '<' | '>' | '(' | ')'));
    if bad {
        return Err(RepoError::BadKeyName {
            name: name.to_owned(),
        });
    }
    Ok(())
}

/// Runs gpg in batch mode on the home `dir`, with the empty passphrase.
fn gpg(dir: &Path, args: &[&str]) -> Result<std::process::Output, RepoError> {
    let home = path_str(dir)?;
    let mut all = vec![
        "--batch",
        "--no-tty",
        "--homedir",
        home,
        "--pinentry-mode",
        "loopback",
        "--passphrase",
        "",
    ];
    all.extend_from_slice(args);
    run("gpg", &all, None)
}

fn path_str(path: &Path) -> Result<&str, RepoError> {
    path.to_str().ok_or_else(|| RepoError::NotUtf8 {
        path: path.to_owned(),
    })
}

/// Ends the gpg-agent that gpg starts for a home directory, when the
/// operation that needed it is over, so that no agent outlives a build.
struct Agent<'a>(&'a Path);

impl Drop for Agent<'_> {
    fn drop(&mut self) {
        let Some(home) = self.0.to_str() else { return };
        if let Err(error) = run("gpgconf", &["--homedir", home, "--kill", "gpg-agent"], None) {
            tracing::warn!(%error, "could not stop the gpg-agent of {home}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colons_listing_gives_each_primary_key_and_its_fingerprint() {
        let listing = "\
sec:u:255:22:27D14EBEE5580CAB:1796097765:::u:::scSC:::+::ed25519:::0:
fpr:::::::::493DF5E0DB40E6FCB5F83CF527D14EBEE5580CAB:
grp:::::::::0D7D707FE8BB995F4698563D1C548F7B98C3C04C:
uid:u::::1796097765::776441E090CB1B90312EA6098295B6EED9E3442A::Site <updates@anlauf.invalid>::::::::::0:
ssb:u:255:18:1111111111111111:1796097765::::::e:::+::cv25519::
fpr:::::::::AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:
sec:e:1024:1:2222222222222222:1::::::::::::::
fpr:::::::::BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB:
";
        let keys = parse_colons(listing);
        assert_eq!(keys.len(), 2);
        assert_eq!(
            keys[0].fingerprint,
            "493DF5E0DB40E6FCB5F83CF527D14EBEE5580CAB"
        );
        assert_eq!(keys[0].curve, "ed25519");
        assert!(keys[0].check_apt_accepts(Path::new("k")).is_ok());
        assert_eq!(
            keys[1].fingerprint,
            "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
        );
        assert!(keys[1].check_apt_accepts(Path::new("k")).is_err());
    }

    #[test]
    fn weak_rsa_is_refused() {
        let key = ListedKey {
            fingerprint: "F".repeat(40),
            validity: "u".into(),
            length: 1024,
            algorithm: 1,
            curve: String::new(),
        };
        let error = key
            .check_apt_accepts(Path::new("k"))
            .err()
            .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("1024 bits")));
    }

    #[test]
    fn names_with_address_parts_are_refused() {
        assert!(check_name("Tagestreff Mitte").is_ok());
        assert!(check_name("a <b@c>").is_err());
        assert!(check_name(" ").is_err());
        assert!(check_name("x\ny").is_err());
    }
}

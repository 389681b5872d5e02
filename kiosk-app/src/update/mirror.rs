//! The updater's two halves meet in a mirror: `anlauf-update fetch`
//! (unprivileged, with the network) downloads what an upgrade needs from
//! the site's repository and lays it out as a repository again, the signed
//! `InRelease`, the package lists it signs and the packages, under
//! `dists/` and `pool/` as on the server. The installer (root, without a
//! network) trusts none of it: apt in the new slot reads the mirror as a
//! `file:` repository with the site's `Signed-By` key, so a changed list or
//! package is refused there exactly as it would be from the server.

use std::path::{Path, PathBuf};

use super::UpdateError;
use super::apt::Apt;

/// The mirror's folder name in the fetcher's folder.
pub const MIRROR: &str = "mirror";

/// Where the installer mounts the mirror inside the new slot (on the
/// slot's fresh `/run`).
pub const MIRROR_IN_SLOT: &str = "/run/anlauf-update-mirror";

/// The `.sources` file inside the new slot that names the mirror.
pub const SOURCES_IN_SLOT: &str = "/run/anlauf-update.sources";

/// apt's options for reading a mirror: its lists are there uncompressed
/// (as apt kept them), which the signed Release lists too, so apt must take
/// those first ("uncompressed", apt's compressor `.`, at the head of the
/// order, as apt.conf(5) suggests for local mirrors; apt gives up on a
/// missing compressed file of a `file:` repository); it only reads local
/// files, so its downloads need not change users.
pub const READ_OPTIONS: [&str; 6] = [
    "-o",
    "Acquire::CompressionTypes::uncompressed=.",
    "-o",
    "Acquire::CompressionTypes::Order::=uncompressed",
    "-o",
    "APT::Sandbox::User=root",
];

/// One package list apt keeps for the site's repository
/// (`apt-get indextargets`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexTarget {
    /// Its path below the suite's folder (`main/binary-amd64/Packages`).
    pub meta_key: String,
    /// Where apt keeps it.
    pub filename: PathBuf,
    /// The suite's folder on the server (`https://host/anlauf/dists/trixie/`).
    pub base_uri: String,
    /// The repository's root on the server (`https://host/anlauf/`).
    pub repo_uri: String,
}

/// Downloads an upgrade and lays it out as a repository in
/// `work/mirror`. Returns `None` (and no mirror) when nothing is to be
/// upgraded. The previous run's mirror and packages are removed first.
pub fn fetch(apt: &Apt, work: &Path) -> Result<Option<PathBuf>, UpdateError> {
    let mirror = work.join(MIRROR);
    let fresh = work.join(format!("{MIRROR}.new"));
    for old in [&mirror, &fresh, &apt.archives()] {
        remove_dir(old)?;
    }
    apt.refresh()?;
    let files = apt.package_uris()?;
    if files.is_empty() {
        return Ok(None);
    }
    tracing::info!(packages = files.len(), "downloading an upgrade");
    // A run cut short leaves no half mirror behind.
    if let Err(error) = lay_out(apt, &fresh, files) {
        remove_dir(&fresh)?;
        return Err(error);
    }
    std::fs::rename(&fresh, &mirror).map_err(UpdateError::io("finishing the mirror", &mirror))?;
    Ok(Some(mirror))
}

/// Downloads the upgrade (`files`: address and archive name of each
/// package) and lays it out as a repository in `fresh`.
fn lay_out(apt: &Apt, fresh: &Path, files: Vec<(String, String)>) -> Result<(), UpdateError> {
    let targets = apt.index_targets()?;
    let first = targets
        .first()
        .ok_or_else(|| UpdateError::Mirror("apt keeps no package list of the site".to_owned()))?;
    let repo_uri = first.repo_uri.clone();

    // The signed InRelease and the lists it signs, as apt verified them.
    let in_release = in_release_of(first)?;
    let suite_dir = relative(&first.base_uri, &repo_uri)?;
    copy_into(&in_release, &fresh.join(&suite_dir).join("InRelease"))?;
    for target in &targets {
        if !target.filename.is_file() {
            // An optional list the repository does not have.
            continue;
        }
        let path = relative(&target.base_uri, &repo_uri)?;
        let to = fresh.join(path).join(&target.meta_key);
        copy_into(&target.filename, &to)?;
    }

    // The packages, at the paths the lists give them.
    apt.download()?;
    for (uri, name) in files {
        let path = relative(&uri, &repo_uri)?;
        let from = apt.archives().join(&name);
        let to = fresh.join(&path);
        make_parent(&to)?;
        std::fs::rename(&from, &to).map_err(UpdateError::io("moving a package", &from))?;
    }
    Ok(())
}

/// The packages in a mirror (its `.deb` files).
pub fn packages(mirror: &Path) -> usize {
    fn count(dir: &Path) -> usize {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return 0;
        };
        entries
            .flatten()
            .map(|entry| {
                let path = entry.path();
                match entry.file_type() {
                    Ok(t) if t.is_dir() => count(&path),
                    Ok(t) if t.is_file() && path.extension().is_some_and(|e| e == "deb") => 1,
                    _ => 0,
                }
            })
            .sum()
    }
    count(mirror)
}

/// The site's `.sources` text with its `URIs:` turned to the mirror at
/// `path` (`file:` URI); every other field (suite, components, the
/// `Signed-By` key, inline or a path) stays as the site wrote it.
pub fn file_sources(site: &str, path: &str) -> Result<String, UpdateError> {
    let mut out = String::new();
    let mut uris = 0;
    let mut in_uris = false;
    for line in site.lines() {
        let continuation = line.starts_with([' ', '\t']) && !line.trim().is_empty();
        if in_uris && continuation {
            return Err(UpdateError::Mirror(
                "the update repository names more than one address".to_owned(),
            ));
        }
        in_uris = false;
        let key = line.split_once(':').map(|(k, _)| k.trim());
        if !continuation && key.is_some_and(|k| k.eq_ignore_ascii_case("URIs")) {
            let value = line.split_once(':').map_or("", |(_, v)| v.trim());
            if value.split_whitespace().count() != 1 {
                return Err(UpdateError::Mirror(
                    "the update repository names more than one address".to_owned(),
                ));
            }
            uris += 1;
            in_uris = true;
            out.push_str(&format!("URIs: file:{path}\n"));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    if uris != 1 {
        return Err(UpdateError::Mirror(format!(
            "the update repository's sources name {uris} repositories; one is expected"
        )));
    }
    Ok(out)
}

/// The targets of `apt-get indextargets`' stanzas.
pub fn parse_index_targets(text: &str) -> Vec<IndexTarget> {
    text.split("\n\n")
        .filter_map(|stanza| {
            let field = |name: &str| {
                stanza.lines().find_map(|line| {
                    let (key, value) = line.split_once(':')?;
                    (key == name).then(|| value.trim().to_owned())
                })
            };
            Some(IndexTarget {
                meta_key: field("MetaKey")?,
                filename: PathBuf::from(field("Filename")?),
                base_uri: field("Base-URI")?,
                repo_uri: field("Repo-URI")?,
            })
        })
        .collect()
}

/// The URI and archive file name of each line of `apt-get --print-uris`
/// (`'URI' name size hash`).
pub fn parse_print_uris(text: &str) -> Result<Vec<(String, String)>, UpdateError> {
    text.lines()
        .filter(|line| line.starts_with('\''))
        .map(|line| {
            let mut parts = line.split_whitespace();
            let uri = parts.next().map(|u| u.trim_matches('\''));
            let name = parts.next();
            match (uri, name) {
                (Some(uri), Some(name)) if !name.contains('/') && !uri.is_empty() => {
                    Ok((uri.to_owned(), name.to_owned()))
                }
                _ => Err(UpdateError::Mirror(format!(
                    "apt printed an odd download: {line}"
                ))),
            }
        })
        .collect()
}

/// `uri`'s path below `base` as a relative path, percent-decoded; refused
/// when it leaves `base` or climbs with `..`.
pub fn relative(uri: &str, base: &str) -> Result<PathBuf, UpdateError> {
    let rest = uri.strip_prefix(base).ok_or_else(|| {
        UpdateError::Mirror(format!("{uri} is not below the repository's {base}"))
    })?;
    let decoded = percent_decode(rest)
        .ok_or_else(|| UpdateError::Mirror(format!("{uri} is not a valid address")))?;
    let path = PathBuf::from(decoded.trim_end_matches('/'));
    let plain = path
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain {
        return Err(UpdateError::Mirror(format!(
            "{uri} leaves the repository's folder"
        )));
    }
    Ok(path)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `InRelease` apt keeps beside a list: the list's file name with its
/// escaped `MetaKey` replaced.
fn in_release_of(target: &IndexTarget) -> Result<PathBuf, UpdateError> {
    let escaped = target.meta_key.replace('_', "%5f").replace('/', "_");
    let name = target
        .filename
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(&escaped))
        .ok_or_else(|| {
            UpdateError::Mirror(format!(
                "apt's list {} is not named after {}",
                target.filename.display(),
                target.meta_key
            ))
        })?;
    let path = target.filename.with_file_name(format!("{name}InRelease"));
    if !path.is_file() {
        return Err(UpdateError::Mirror(
            "the site's repository has no signed InRelease".to_owned(),
        ));
    }
    Ok(path)
}

fn make_parent(path: &Path) -> Result<(), UpdateError> {
    let parent = path.parent().unwrap_or(Path::new("/"));
    std::fs::create_dir_all(parent).map_err(UpdateError::io("making the mirror's folders", parent))
}

fn copy_into(from: &Path, to: &Path) -> Result<(), UpdateError> {
    make_parent(to)?;
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(UpdateError::io("copying into the mirror", to))
}

fn remove_dir(path: &Path) -> Result<(), UpdateError> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(UpdateError::io("removing the last run's files", path)(e))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TARGETS: &str = "MetaKey: main/binary-amd64/Packages\nShortDesc: Packages\n\
        URI: https://updates.example.org/anlauf/dists/trixie/main/binary-amd64/Packages\n\
        Filename: /var/cache/anlauf-update/lists/updates.example.org_anlauf_dists_trixie_main_binary-amd64_Packages\n\
        Base-URI: https://updates.example.org/anlauf/dists/trixie/\n\
        Repo-URI: https://updates.example.org/anlauf/\nRelease: trixie\n\n\
        MetaKey: main/binary-all/Packages\n\
        Filename: /var/cache/anlauf-update/lists/updates.example.org_anlauf_dists_trixie_main_binary-all_Packages\n\
        Base-URI: https://updates.example.org/anlauf/dists/trixie/\n\
        Repo-URI: https://updates.example.org/anlauf/\n";

    #[test]
    fn index_targets_are_read_from_apts_stanzas() {
        let targets = parse_index_targets(TARGETS);
        assert_eq!(targets.len(), 2);
        assert_eq!(targets[0].meta_key, "main/binary-amd64/Packages");
        assert_eq!(targets[1].repo_uri, "https://updates.example.org/anlauf/");
        assert_eq!(
            relative(&targets[0].base_uri, &targets[0].repo_uri).unwrap(),
            Path::new("dists/trixie")
        );
        let in_release = in_release_of(&targets[0]).unwrap_err().to_string();
        assert!(in_release.contains("no signed InRelease"), "{in_release}");
    }

    #[test]
    fn the_inrelease_is_found_beside_its_list() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir
            .path()
            .join("127.0.0.1:8080_dists_trixie_main_binary-amd64_Packages");
        let in_release = dir.path().join("127.0.0.1:8080_dists_trixie_InRelease");
        std::fs::write(&list, "").unwrap();
        std::fs::write(&in_release, "").unwrap();
        let target = IndexTarget {
            meta_key: "main/binary-amd64/Packages".to_owned(),
            filename: list.clone(),
            base_uri: String::new(),
            repo_uri: String::new(),
        };
        assert_eq!(in_release_of(&target).unwrap(), in_release);
        let other = IndexTarget {
            meta_key: "main/binary-all/Packages".to_owned(),
            filename: list,
            ..target
        };
        assert!(in_release_of(&other).is_err());
    }

    #[test]
    fn downloads_map_to_paths_inside_the_repository_only() {
        let printed = "'https://h/anlauf/pool/main/a/anlauf-kiosk/anlauf-kiosk_0.1.0-2_amd64.deb' \
                       anlauf-kiosk_0.1.0-2_amd64.deb 4711 SHA256:ab\n\
                       'https://h/anlauf/pool/main/l/libfoo/libfoo_1%3a2.0_amd64.deb' \
                       libfoo_1%3a2.0_amd64.deb 12 SHA256:cd\n";
        let files = parse_print_uris(printed).unwrap();
        assert_eq!(files[0].1, "anlauf-kiosk_0.1.0-2_amd64.deb");
        assert_eq!(
            relative(&files[0].0, "https://h/anlauf/").unwrap(),
            Path::new("pool/main/a/anlauf-kiosk/anlauf-kiosk_0.1.0-2_amd64.deb")
        );
        assert_eq!(
            relative(&files[1].0, "https://h/anlauf/").unwrap(),
            Path::new("pool/main/l/libfoo/libfoo_1:2.0_amd64.deb")
        );
        for bad in [
            "https://other/anlauf/pool/x.deb",
            "https://h/anlauf/../etc/passwd",
            "https://h/anlauf/pool/%2e%2e/%2e%2e/x",
            "https://h/anlauf/%zz",
            "https://h/anlauf//etc/x",
        ] {
            assert!(relative(bad, "https://h/anlauf/").is_err(), "{bad}");
        }
        assert!(parse_print_uris("'https://h/x.deb' ../../x.deb 1 SHA256:a\n").is_err());
    }

    #[test]
    fn the_sources_point_at_the_mirror_and_keep_the_key() {
        let site = "Types: deb\nURIs: https://updates.example.org/anlauf/\nSuites: trixie\n\
                    Components: main\nSigned-By: /usr/share/keyrings/anlauf-archive-keyring.pgp\n";
        let mirror = file_sources(site, MIRROR_IN_SLOT).unwrap();
        assert_eq!(
            mirror,
            "Types: deb\nURIs: file:/run/anlauf-update-mirror\nSuites: trixie\n\
             Components: main\nSigned-By: /usr/share/keyrings/anlauf-archive-keyring.pgp\n"
        );
        let inline = "Types: deb\nURIs: https://h/\nSuites: trixie\nComponents: main\n\
                      Signed-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n abc\n";
        let mirror = file_sources(inline, "/m").unwrap();
        assert!(mirror.contains("URIs: file:/m\n"));
        assert!(mirror.ends_with("Signed-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n abc\n"));

        for refused in [
            "Types: deb\nSuites: trixie\n",
            "Types: deb\nURIs: https://a/ https://b/\n",
            "Types: deb\nURIs: https://a/\n\nTypes: deb\nURIs: https://b/\n",
        ] {
            assert!(file_sources(refused, "/m").is_err(), "{refused}");
        }
    }
}

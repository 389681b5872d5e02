//! The signed apt repository with real parts: gpg makes the site's key,
//! dpkg-deb two versions of a tiny package, apt-ftparchive the indexes; the
//! project's HTTP server serves the repository to a Debian 13 root made by
//! mmdebstrap, whose apt (verifying with sqv) installs and updates from it,
//! and refuses a tampered index and a repository signed by another key.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use anlauf_tests::http::Server;
use anlauf_tests::workspace;
use image_builder::repo::{self, KEYRING_FILE, KEYRING_PATH_ON_DEVICE, Repository, SigningKey};

const SUITE: &str = "kiosk";

fn tiny_deb(out: &Path, version: &str) -> PathBuf {
    workspace::tiny_deb(out, version).unwrap()
}

/// Stops the gpg-agent that gpg started for a home directory the test
/// used directly (the library stops its own).
fn kill_agent(home: &Path) {
    let output = Command::new("gpgconf")
        .arg("--homedir")
        .arg(home)
        .args(["--kill", "gpg-agent"])
        .output();
    assert!(
        output.is_ok_and(|o| o.status.success()),
        "gpgconf --kill gpg-agent"
    );
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn sources_file_is_deb822_trusting_only_the_sites_keyring() {
    let text = repo::sources_file(
        "https://updates.example.org/anlauf/",
        "kiosk",
        KEYRING_PATH_ON_DEVICE,
    );
    assert_eq!(
        text,
        "Types: deb\n\
         URIs: https://updates.example.org/anlauf/\n\
         Suites: kiosk\n\
         Components: main\n\
         Signed-By: /usr/share/keyrings/anlauf-archive-keyring.pgp\n"
    );
}

#[test]
fn the_key_is_made_once_and_reused_and_only_its_public_part_comes_out() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys");
    let first = SigningKey::open_or_create(&keys, "Tagestreff Mitte").unwrap();
    let mode = std::fs::metadata(&keys).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    assert_eq!(first.fingerprint().len(), 40, "{}", first.fingerprint());
    let again = SigningKey::open_or_create(&keys, "another name").unwrap();
    assert_eq!(again.fingerprint(), first.fingerprint());
    assert_eq!(again.public_key(), first.public_key());

    // Binary OpenPGP holding public packets only, ed25519.
    let public = dir.path().join("public.pgp");
    std::fs::write(&public, first.public_key()).unwrap();
    let packets = Command::new("gpg")
        .args(["--batch", "--homedir"])
        .arg(dir.path().join("scratch-home"))
        .arg("--list-packets")
        .arg(&public)
        .output()
        .expect("gpg");
    let listing = String::from_utf8_lossy(&packets.stdout);
    assert!(listing.contains(":public key packet:"), "{listing}");
    assert!(listing.contains("ed25519"), "{listing}");
    assert!(!listing.contains("secret"), "{listing}");
    assert!(!first.public_key().starts_with(b"-----BEGIN"));

    // A second secret key makes the directory ambiguous.
    let other = tempfile::tempdir().unwrap();
    let second = SigningKey::open_or_create(other.path(), "Other").unwrap();
    let export = Command::new("gpg")
        .args(["--batch", "--homedir"])
        .arg(other.path())
        .args([
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
            "--export-secret-keys",
        ])
        .arg(second.fingerprint())
        .output()
        .unwrap();
    let import = dir.path().join("second.key");
    std::fs::write(&import, export.stdout).unwrap();
    let imported = Command::new("gpg")
        .args(["--batch", "--homedir"])
        .arg(&keys)
        .args([
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
            "--import",
        ])
        .arg(&import)
        .output()
        .unwrap();
    assert!(imported.status.success(), "{}", text(&imported));
    let error = SigningKey::open_or_create(&keys, "x")
        .unwrap_err()
        .to_string();
    assert!(error.contains("holds 2 secret keys"), "{error}");
    kill_agent(&keys);
    kill_agent(other.path());
}

#[test]
fn publishing_writes_a_signed_standard_layout_and_keeps_to_one_key() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::open_or_create(&dir.path().join("keys"), "Test Site").unwrap();
    let debs = [tiny_deb(dir.path(), "1.0"), tiny_deb(dir.path(), "1.1")];
    let root = dir.path().join("repo");

    let first = Repository::publish(&root, SUITE, &debs[..1], &key).unwrap();
    assert_eq!(
        first.added()[0].file,
        Path::new("pool/main/tiny-pkg_1.0_all.deb")
    );
    let repo = Repository::publish(&root, SUITE, &debs[1..], &key).unwrap();
    assert_eq!(repo.fingerprint(), key.fingerprint());

    let suite = repo.suite_dir();
    for file in [
        "InRelease",
        "Release",
        "Release.gpg",
        "main/binary-amd64/Packages",
        "main/binary-amd64/Packages.gz",
        "main/binary-amd64/Packages.xz",
        "main/binary-all/Packages",
    ] {
        assert!(suite.join(file).is_file(), "{file}");
    }
    assert!(!root.join("dists").join(format!(".{SUITE}.new")).exists());
    assert_eq!(
        std::fs::read(root.join(KEYRING_FILE)).unwrap(),
        key.public_key()
    );

    // Both versions stay listed, under their pool names.
    let packages = std::fs::read_to_string(suite.join("main/binary-amd64/Packages")).unwrap();
    assert!(
        packages.contains("Filename: pool/main/tiny-pkg_1.0_all.deb"),
        "{packages}"
    );
    assert!(
        packages.contains("Filename: pool/main/tiny-pkg_1.1_all.deb"),
        "{packages}"
    );
    assert!(packages.contains("SHA256: "), "{packages}");

    let release = std::fs::read_to_string(suite.join("Release")).unwrap();
    for field in [
        "Origin: Anlauf",
        "Label: Anlauf",
        "Suite: kiosk",
        "Codename: kiosk",
        "Architectures: amd64 all",
        "Components: main",
        "Date: ",
        "SHA256:",
        " main/binary-amd64/Packages.xz",
        " main/binary-all/Packages.gz",
    ] {
        assert!(release.contains(field), "{field} in\n{release}");
    }
    assert!(
        !release.contains("MD5Sum:") && !release.contains("SHA1:"),
        "{release}"
    );
    assert!(
        !release.contains(" Release"),
        "the Release lists itself:\n{release}"
    );

    // Clear-signed and detached, over SHA-512, by the site's key.
    let in_release = std::fs::read_to_string(suite.join("InRelease")).unwrap();
    assert!(in_release.starts_with("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n"));
    for args in [
        vec![suite.join("InRelease")],
        vec![suite.join("Release.gpg"), suite.join("Release")],
    ] {
        let output = Command::new("gpgv")
            .arg("--keyring")
            .arg(root.join(KEYRING_FILE))
            .args(&args)
            .output()
            .expect("gpgv");
        assert!(output.status.success(), "{}", text(&output));
        assert!(
            text(&output).contains(&key.fingerprint()[24..]),
            "{}",
            text(&output)
        );
    }
    let packets = Command::new("gpg")
        .args(["--batch", "--homedir"])
        .arg(dir.path().join("scratch-home"))
        .arg("--list-packets")
        .arg(suite.join("Release.gpg"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&packets.stdout).contains("digest algo 10"),
        "{}",
        text(&packets)
    );

    // Another key is refused, and so is a key directory inside the repository.
    let other = SigningKey::open_or_create(&dir.path().join("other"), "Other").unwrap();
    let error = Repository::publish(&root, SUITE, &[], &other)
        .unwrap_err()
        .to_string();
    assert!(error.contains("signed by another key"), "{error}");
    let inside = SigningKey::open_or_create(&root.join("keys"), "Inside").unwrap();
    let error = Repository::publish(&root, SUITE, &[], &inside)
        .unwrap_err()
        .to_string();
    assert!(error.contains("inside the repository"), "{error}");
    let error = Repository::publish(
        &root,
        SUITE,
        &[dir.path().join("tree-1.0/DEBIAN/control")],
        &key,
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("is not a Debian package"), "{error}");
}

/// Runs `args` in the Debian root.
fn chroot(root: &Path, args: &[&str]) -> Output {
    Command::new("chroot")
        .arg(root)
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .output()
        .expect("chroot")
}

/// apt-get in the Debian root; the test server is reached directly.
fn apt_get(root: &Path, args: &[&str]) -> Output {
    let mut all = vec![
        "apt-get",
        "-q",
        "-o",
        "Acquire::http::Proxy::127.0.0.1=DIRECT",
    ];
    all.extend_from_slice(args);
    chroot(root, &all)
}

/// Forgets the indexes apt has, as a device seeing the repository for the
/// first time (apt fetches an index again only when the Release names
/// another hash), and its partial downloads (apt would ask to resume them
/// with a Range request, which the test server answers without looking at
/// If-Range).
fn forget_lists(root: &Path) {
    let lists = root.join("var/lib/apt/lists");
    for dir in [lists.clone(), lists.join("partial")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() && entry.file_name() != "lock" {
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
    }
}

fn installed_version(root: &Path) -> String {
    let output = chroot(root, &["dpkg-query", "-W", "-f=${Version}", "tiny-pkg"]);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The lines apt-get printed as warnings or errors.
fn complaints(output: &Output) -> Vec<String> {
    text(output)
        .lines()
        .filter(|l| l.starts_with("W:") || l.starts_with("E:"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn trixie_apt_installs_and_updates_from_the_repository_and_refuses_tampering_and_other_keys() {
    if !workspace::running_as_root() {
        eprintln!("skipped: mmdebstrap's root mode and chroot need root");
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::open_or_create(&dir.path().join("keys"), "Test Site").unwrap();
    let debs = [tiny_deb(dir.path(), "1.0"), tiny_deb(dir.path(), "1.1")];
    let repo_dir = dir.path().join("repo");
    let repo = Repository::publish(&repo_dir, SUITE, &debs[..1], &key).unwrap();
    let server = Server::start(repo.dir()).unwrap();

    // A Debian 13 root (apt and what it needs), nothing cached outside the
    // temporary directory.
    let root = dir.path().join("trixie");
    let output = Command::new("mmdebstrap")
        .args(["--variant=apt", "--quiet", "trixie"])
        .arg(&root)
        .output()
        .expect("mmdebstrap (Debian package mmdebstrap)");
    assert!(output.status.success(), "mmdebstrap: {}", text(&output));
    eprintln!("mmdebstrap: {:.1} s", started.elapsed().as_secs_f64());
    // trixie's apt verifies with sqv (Sequoia); gpgv is not even there.
    assert!(
        root.join("usr/bin/sqv").exists(),
        "trixie's apt root has no sqv"
    );
    let gpgv_present = root.join("usr/bin/gpgv").exists();
    eprintln!("gpgv in the trixie root: {gpgv_present}");

    // The device: only the site's repository, trusting only its key.
    std::fs::remove_file(root.join("etc/apt/sources.list")).ok();
    for entry in std::fs::read_dir(root.join("etc/apt/sources.list.d")).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    std::fs::write(
        root.join("etc/apt/sources.list.d/anlauf.sources"),
        repo::sources_file(&server.url(), SUITE, KEYRING_PATH_ON_DEVICE),
    )
    .unwrap();
    std::fs::write(
        root.join(KEYRING_PATH_ON_DEVICE.trim_start_matches('/')),
        key.public_key(),
    )
    .unwrap();

    // sqv itself accepts both signatures under the key.
    let suite = repo.suite_dir();
    std::fs::create_dir_all(root.join("tmp/check")).unwrap();
    for file in ["InRelease", "Release", "Release.gpg"] {
        std::fs::copy(suite.join(file), root.join("tmp/check").join(file)).unwrap();
    }
    let sqv_checks: [&[&str]; 2] = [
        &[
            "--cleartext",
            "/tmp/check/InRelease",
            "--output",
            "/tmp/check/out",
        ],
        &[
            "--signature-file",
            "/tmp/check/Release.gpg",
            "/tmp/check/Release",
        ],
    ];
    for args in sqv_checks {
        let mut all = vec!["sqv", "--keyring", KEYRING_PATH_ON_DEVICE];
        all.extend_from_slice(args);
        let output = chroot(&root, &all);
        assert!(output.status.success(), "sqv {all:?}: {}", text(&output));
        assert!(
            text(&output).contains(key.fingerprint()),
            "sqv: {}",
            text(&output)
        );
    }

    // Install, then an update of the fleet: 1.1 published with the same key.
    let update = apt_get(&root, &["update"]);
    assert!(update.status.success(), "apt-get update: {}", text(&update));
    assert_eq!(
        complaints(&update),
        Vec::<String>::new(),
        "{}",
        text(&update)
    );
    let install = apt_get(&root, &["install", "-y", "tiny-pkg"]);
    assert!(
        install.status.success(),
        "apt-get install: {}",
        text(&install)
    );
    assert_eq!(installed_version(&root), "1.0");
    let repo = Repository::publish(&repo_dir, SUITE, &debs[1..], &key).unwrap();
    let update = apt_get(&root, &["update"]);
    assert!(update.status.success(), "apt-get update: {}", text(&update));
    assert_eq!(
        complaints(&update),
        Vec::<String>::new(),
        "{}",
        text(&update)
    );
    let install = apt_get(&root, &["install", "-y", "tiny-pkg"]);
    assert!(
        install.status.success(),
        "apt-get install: {}",
        text(&install)
    );
    assert_eq!(installed_version(&root), "1.1");
    let shipped = std::fs::read_to_string(root.join("usr/share/tiny-pkg/version")).unwrap();
    assert_eq!(shipped, "1.1\n");

    // (a) One byte of the package lists changed on the server (1.1 -> 1.2),
    // served in every compression the Release names.
    for index in ["binary-amd64", "binary-all"] {
        let packages = repo.suite_dir().join("main").join(index).join("Packages");
        let listing = std::fs::read_to_string(&packages).unwrap();
        assert!(listing.contains("Version: 1.1\n"));
        std::fs::write(
            &packages,
            listing.replace("Version: 1.1\n", "Version: 1.2\n"),
        )
        .unwrap();
        for (program, flags) in [("gzip", "-9nkf"), ("xz", "-kf")] {
            let status = Command::new(program)
                .arg(flags)
                .arg(&packages)
                .status()
                .unwrap();
            assert!(status.success());
        }
    }
    forget_lists(&root);
    let update = apt_get(&root, &["update"]);
    let said = text(&update);
    assert!(
        !update.status.success(),
        "a tampered index was taken: {said}"
    );
    // The recompressed list may keep its size (apt: hash mismatch) or not
    // (apt checks the size first); either way it is the signed Release's
    // hashes and sizes that refuse it.
    let hash_problem =
        said.contains("Hash Sum mismatch") || said.contains("File has unexpected size");
    assert!(
        hash_problem
            && said.contains("Hashes of expected file")
            && said.contains("binary-amd64/Packages"),
        "apt-get update named no hash problem: {said}"
    );
    eprintln!("apt-get update with a tampered index said:\n{said}");

    // (b) The same repository signed by another key (published afresh, the
    // keyring file removed on purpose, as when a site changes keys).
    let other = SigningKey::open_or_create(&dir.path().join("other-keys"), "Impostor").unwrap();
    std::fs::remove_file(repo_dir.join(KEYRING_FILE)).unwrap();
    Repository::publish(&repo_dir, SUITE, &[], &other).unwrap();
    forget_lists(&root);
    let update = apt_get(&root, &["update"]);
    let said = text(&update);
    assert!(
        !update.status.success(),
        "another key's signature was taken: {said}"
    );
    // sqv says "Missing key <fingerprint>" where gpgv said NO_PUBKEY.
    let names_the_key = said.contains(&format!("Missing key {}", other.fingerprint()))
        || said.contains(&format!("NO_PUBKEY {}", &other.fingerprint()[24..]));
    assert!(
        names_the_key && said.contains("is not signed"),
        "apt-get update named no signature problem: {said}"
    );
    eprintln!("apt-get update with another key's signature said:\n{said}");

    drop(server);
    eprintln!("whole test: {:.1} s", started.elapsed().as_secs_f64());
}

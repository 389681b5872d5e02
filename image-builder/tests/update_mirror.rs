//! The device update's download half with real parts: the site's signed
//! apt repository (made by the image builder) served over HTTP on
//! 127.0.0.1; `anlauf-update fetch` run as an unprivileged user (nobody),
//! as its unit runs it, lays an upgrade out as a mirror of that repository;
//! apt then reads the mirror as a `file:` repository with the site's key,
//! exactly as the installer does inside the new slot, and refuses a mirror
//! whose package or package list was changed after the download. A broken
//! download leaves no mirror behind.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anlauf_tests::http::{Fault, Server};
use anlauf_tests::workspace;
use image_builder::repo::{self, Repository, SigningKey};
use kiosk_app::update::mirror;

const SUITE: &str = "kiosk";
const NOBODY: &str = "65534";

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A device that has `tiny-pkg` at `version` installed: a dpkg status file
/// and an apt configuration that reads it (and reaches the test server
/// without a proxy). Returns the configuration's path.
fn device(dir: &Path, version: &str) -> PathBuf {
    let status = dir.join(format!("status-{version}"));
    std::fs::write(
        &status,
        format!(
            "Package: tiny-pkg\nStatus: install ok installed\nVersion: {version}\n\
             Architecture: all\nMaintainer: Anlauf tests <tests@anlauf.invalid>\n\
             Description: a tiny package\n"
        ),
    )
    .unwrap();
    let conf = dir.join(format!("apt-{version}.conf"));
    std::fs::write(
        &conf,
        format!(
            "Dir::State::status \"{}\";\nAcquire::http::Proxy::127.0.0.1 \"DIRECT\";\n",
            status.display()
        ),
    )
    .unwrap();
    conf
}

/// `anlauf-update fetch` as user nobody, with `work` (owned by nobody).
fn fetch(program: &Path, conf: &Path, work: &Path, sources: &Path) -> Output {
    Command::new("setpriv")
        .args([
            &format!("--reuid={NOBODY}"),
            &format!("--regid={NOBODY}"),
            "--clear-groups",
            "--",
        ])
        .arg(program)
        .arg("fetch")
        .arg("--work")
        .arg(work)
        .arg("--sources")
        .arg(sources)
        .env("APT_CONFIG", conf)
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .output()
        .expect("setpriv")
}

/// apt as the installer runs it in the new slot: the site's sources turned
/// to the mirror, `update` then what `dist-upgrade` downloads. Fresh lists
/// and cache in `check` each time.
fn apt_reads(mirror: &Path, site_sources: &str, conf: &Path, check: &Path) -> (Output, Output) {
    let _ = std::fs::remove_dir_all(check);
    std::fs::create_dir_all(check.join("lists/partial")).unwrap();
    std::fs::create_dir_all(check.join("cache/archives/partial")).unwrap();
    let sources = check.join("mirror.sources");
    std::fs::write(
        &sources,
        mirror::file_sources(site_sources, &mirror.display().to_string()).unwrap(),
    )
    .unwrap();
    let apt = |args: &[&str]| {
        Command::new("apt-get")
            .arg("-q")
            .arg("-o")
            .arg(format!(
                "Dir::State::Lists={}",
                check.join("lists").display()
            ))
            .arg("-o")
            .arg(format!("Dir::Cache={}", check.join("cache").display()))
            .arg("-o")
            .arg(format!("Dir::Etc::SourceList={}", sources.display()))
            .args(["-o", "Dir::Etc::SourceParts=-"])
            .args(["-o", "Debug::NoLocking=1"])
            .args(mirror::READ_OPTIONS)
            .args(args)
            .env("APT_CONFIG", conf)
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("apt-get")
    };
    let update = apt(&["--error-on=any", "update"]);
    let download = apt(&["-y", "--download-only", "dist-upgrade"]);
    (update, download)
}

/// The one file in `dir` (recursively) whose name ends with `suffix`.
fn find(dir: &Path, suffix: &str) -> PathBuf {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                found.push(path);
            }
        }
    }
    assert_eq!(found.len(), 1, "{suffix} in {}: {found:?}", dir.display());
    found.remove(0)
}

#[test]
fn an_unprivileged_fetch_makes_a_mirror_that_apt_verifies_with_the_sites_key() {
    if !workspace::running_as_root() {
        eprintln!("skipped: the fetch runs as user nobody, which needs root to switch to");
        return;
    }
    let built = workspace::built("anlauf-update");
    assert!(
        built.exists(),
        "{} is missing: build the workspace (cargo build --workspace)",
        built.display()
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let program = dir.path().join("anlauf-update");
    std::fs::copy(&built, &program).unwrap();

    let key = SigningKey::open_or_create(&dir.path().join("keys"), "Test Site").unwrap();
    let deb = workspace::tiny_deb(dir.path(), "1.1").unwrap();
    let repo = Repository::publish(&dir.path().join("repo"), SUITE, &[deb], &key).unwrap();
    let server = Server::start(repo.dir()).unwrap();
    let site_sources = repo::sources_file(
        &server.url(),
        SUITE,
        &repo.keyring_path().display().to_string(),
    );
    let sources = dir.path().join("anlauf.sources");
    std::fs::write(&sources, &site_sources).unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let status = Command::new("chown")
        .arg(format!("{NOBODY}:{NOBODY}"))
        .arg(&work)
        .status()
        .unwrap();
    assert!(status.success());
    let mirror_dir = work.join(mirror::MIRROR);

    // Up to date: nothing downloaded, no mirror.
    let output = fetch(&program, &device(dir.path(), "1.1"), &work, &sources);
    assert!(output.status.success(), "fetch: {}", text(&output));
    assert!(
        text(&output).contains("the system is up to date"),
        "{}",
        text(&output)
    );
    assert!(!mirror_dir.exists());

    // An upgrade: the repository's layout again, with what apt verified.
    let old = device(dir.path(), "1.0");
    let output = fetch(&program, &old, &work, &sources);
    assert!(output.status.success(), "fetch: {}", text(&output));
    assert!(
        text(&output).contains("downloaded the update"),
        "{}",
        text(&output)
    );
    let suite = mirror_dir.join("dists").join(SUITE);
    assert_eq!(
        std::fs::read(suite.join("InRelease")).unwrap(),
        std::fs::read(repo.suite_dir().join("InRelease")).unwrap()
    );
    assert_eq!(
        std::fs::read(suite.join("main/binary-amd64/Packages")).unwrap(),
        std::fs::read(repo.suite_dir().join("main/binary-amd64/Packages")).unwrap()
    );
    let package = find(&mirror_dir.join("pool"), ".deb");
    assert_eq!(mirror::packages(&mirror_dir), 1);
    let relative = package.strip_prefix(&mirror_dir).unwrap();
    assert_eq!(
        std::fs::read(&package).unwrap(),
        std::fs::read(repo.dir().join(relative)).unwrap(),
        "the package sits at its pool path"
    );

    // The installer's apt takes the mirror with the site's key...
    let check = dir.path().join("check");
    let (update, download) = apt_reads(&mirror_dir, &site_sources, &old, &check);
    assert!(update.status.success(), "apt-get update: {}", text(&update));
    assert!(
        download.status.success(),
        "apt-get dist-upgrade: {}",
        text(&download)
    );
    assert!(text(&download).contains("tiny-pkg"), "{}", text(&download));

    // ...and refuses a package changed after the download (same size)...
    let original = std::fs::read(&package).unwrap();
    let mut changed = original.clone();
    let last = changed.len() - 1;
    changed[last] ^= 0x55;
    std::fs::write(&package, &changed).unwrap();
    let (update, download) = apt_reads(&mirror_dir, &site_sources, &old, &check);
    assert!(update.status.success(), "apt-get update: {}", text(&update));
    let said = text(&download);
    assert!(
        !download.status.success(),
        "a changed package was taken: {said}"
    );
    assert!(said.contains("Hash Sum mismatch"), "{said}");
    std::fs::write(&package, &original).unwrap();

    // ...and a package list changed after the download (same size).
    let list = suite.join("main/binary-amd64/Packages");
    let listing = std::fs::read_to_string(&list).unwrap();
    std::fs::write(&list, listing.replace("Version: 1.1\n", "Version: 1.9\n")).unwrap();
    let (update, _) = apt_reads(&mirror_dir, &site_sources, &old, &check);
    let said = text(&update);
    assert!(!update.status.success(), "a changed list was taken: {said}");
    assert!(
        said.contains("Hash Sum mismatch") && said.contains("binary-amd64/Packages"),
        "{said}"
    );

    // A download cut short fails with the step named and leaves no mirror
    // (the last run's is gone too), so the installer finds nothing to
    // install.
    server.fault(".deb", Fault::WrongLength);
    let output = fetch(&program, &old, &work, &sources);
    let said = text(&output);
    assert!(!output.status.success(), "a broken download passed: {said}");
    assert!(said.contains("downloading the packages"), "{said}");
    assert!(!mirror_dir.exists(), "a broken download left a mirror");
    assert!(!work.join("mirror.new").exists());
    server.heal();
    let output = fetch(&program, &old, &work, &sources);
    assert!(
        output.status.success(),
        "fetch after the fault: {}",
        text(&output)
    );
    assert!(mirror_dir.is_dir());
}

//! The Debian packages, made with cargo-deb: lintian finds nothing (every
//! remaining tag is overridden with a reason in `systemd/debian/*/lintian-
//! overrides`); they install into a Debian 13 (trixie) root made by
//! mmdebstrap from Debian's archive, where `systemd-analyze verify` passes
//! on every unit, the system users exist (the idle watcher's in group
//! `input`), the units and the content timer are enabled (the timer's
//! oneshot is not) and both D-Bus policies are in place; an upgrade to the
//! next revision leaves dpkg content; purge removes the users, the store,
//! the runtime directory and the unit links.
//!
//! The test packages hold the workspace's debug binaries (stripped), built
//! already for the other tests; the image builder packages release builds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use anlauf_tests::workspace;

/// `cargo deb` for `crate_name` into `out`; returns the file.
fn package(crate_name: &str, out: &Path) -> PathBuf {
    workspace::debian_package(crate_name, out).unwrap_or_else(|e| panic!("{e}"))
}

/// The same package as the next revision (`0.1.0-2`) in `out`.
fn next_revision(deb: &Path, out: &Path) {
    workspace::next_revision(deb, out).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_packages_are_lintian_clean_and_install_upgrade_and_purge_in_debian_13() {
    if !workspace::running_as_root() {
        eprintln!("skipped: mmdebstrap's root mode needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("1");
    let second = dir.path().join("2");
    let mut debs = Vec::new();
    for (crate_name, name) in [
        ("kiosk-app", "anlauf-kiosk"),
        ("content-sync", "anlauf-content-sync"),
    ] {
        let deb = package(crate_name, &first);
        assert!(
            deb.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{name}_0.1.0-1_")),
            "{}",
            deb.display()
        );
        next_revision(&deb, &second);
        debs.push(deb);
    }

    // The image builder is for IT staff's machines, not devices: lintian
    // only (installing it would pull QEMU into the root).
    let builder = package("image-builder", &first);
    assert!(
        builder
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("anlauf-image-builder_0.1.0-1_"),
        "{}",
        builder.display()
    );

    let lintian = Command::new("lintian")
        .args(["--tag-display-limit", "0"])
        .args(&debs)
        .arg(&builder)
        .output()
        .expect("lintian (Debian package lintian)");
    let report = String::from_utf8_lossy(&lintian.stdout);
    let tags: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("E:") || l.starts_with("W:"))
        .collect();
    assert!(tags.is_empty(), "lintian: {tags:#?}");

    // Each hook runs with the root's path as $1; a failing hook fails
    // mmdebstrap. The packages lie at the same path inside the root as
    // outside (mmdebstrap checks --include paths on both sides).
    let here = dir.path().display();
    let upgrade = format!(r#"chroot "$1" sh -c 'dpkg -i {here}/2/*.deb'"#);
    let verify = r#"chroot "$1" systemd-analyze verify anlauf-kiosk.service anlauf-idle.service anlauf-content-sync.service anlauf-content-sync.timer anlauf-content-sync-now.service anlauf-update.service anlauf-update.timer anlauf-update-fetch.service"#;
    let wants = "$1/etc/systemd/system";
    let enabled = [
        format!(r#"test -L "{wants}/graphical.target.wants/anlauf-kiosk.service""#),
        format!(r#"test -L "{wants}/multi-user.target.wants/anlauf-idle.service""#),
        format!(r#"test -L "{wants}/multi-user.target.wants/anlauf-content-sync.service""#),
        format!(r#"test -L "{wants}/timers.target.wants/anlauf-content-sync.timer""#),
    ];
    let disabled: Vec<String> = enabled
        .iter()
        .map(|check| check.replace("test -L", "test ! -e"))
        .collect();
    let mut hooks: Vec<String> = vec![
        verify.to_owned(),
        r#"chroot "$1" getent passwd anlauf-kiosk anlauf-content anlauf-idle"#.to_owned(),
        r#"chroot "$1" sh -c 'id -nG anlauf-idle | grep -qw input && ! id -nG anlauf-kiosk | grep -qw input'"#.to_owned(),
        r#"test -x "$1/usr/bin/anlauf-idle""#.to_owned(),
        r#"test -f "$1/usr/share/dbus-1/system.d/org.anlauf.ContentSync1.conf""#.to_owned(),
        r#"test -f "$1/usr/share/dbus-1/system.d/org.anlauf.Kiosk1.conf""#.to_owned(),
        r#"test -f "$1/usr/lib/systemd/system/anlauf-content-sync-now.service""#.to_owned(),
        format!(r#"test -z "$(find {wants} -name anlauf-content-sync-now.service)""#),
        r#"test -f "$1/usr/lib/systemd/system/anlauf-update-fetch.service""#.to_owned(),
        format!(r#"test -z "$(find {wants} -name anlauf-update-fetch.service)""#),
    ];
    hooks.extend(enabled.iter().cloned());
    hooks.extend([
        upgrade,
        r#"chroot "$1" sh -c 'test "$(dpkg-query -W -f="\${Version}" anlauf-kiosk)" = 0.1.0-2'"#.to_owned(),
        r#"chroot "$1" sh -c 'test -z "$(dpkg --audit)"'"#.to_owned(),
        verify.to_owned(),
        r#"mkdir -p "$1/var/lib/anlauf/content/generations" "$1/run/anlauf""#.to_owned(),
        r#"chroot "$1" apt-get purge -y -q anlauf-kiosk anlauf-content-sync"#.to_owned(),
        r#"chroot "$1" sh -c '! getent passwd anlauf-kiosk && ! getent passwd anlauf-content && ! getent passwd anlauf-idle'"#.to_owned(),
        r#"chroot "$1" sh -c '! getent group input | grep -q anlauf-idle'"#.to_owned(),
        r#"test ! -e "$1/var/lib/anlauf" && test ! -e "$1/run/anlauf""#.to_owned(),
        r#"test ! -e "$1/usr/lib/sysusers.d/anlauf-kiosk.conf""#.to_owned(),
        r#"test ! -e "$1/usr/share/dbus-1/system.d/org.anlauf.Kiosk1.conf""#.to_owned(),
    ]);
    hooks.extend(disabled);
    hooks.push(r#"chroot "$1" sh -c 'test -z "$(dpkg --audit)"'"#.to_owned());
    let mut command = Command::new("mmdebstrap");
    command
        .args(["--variant=apt", "--format=null", "--quiet"])
        .arg(format!(
            "--setup-hook=mkdir -p \"$1{here}\" && cp -r {here}/1 {here}/2 \"$1{here}/\""
        ));
    for deb in &debs {
        command.arg(format!("--include={}", deb.display()));
    }
    for hook in hooks {
        command.arg(format!("--customize-hook={hook}"));
    }
    let output = command
        .args(["trixie", "/dev/null"])
        .output()
        .expect("mmdebstrap (Debian package mmdebstrap)");
    assert!(
        output.status.success(),
        "mmdebstrap: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

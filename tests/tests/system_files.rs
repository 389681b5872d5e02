//! The device's system files in `systemd/`, checked with systemd's own tools
//! in a scratch root: every unit verifies without a warning and every
//! service is hardened to its exposure limit (`systemd-analyze security
//! --offline=yes`: at most 2.0 for networked or privileged units, 1.0 for
//! the rest; the updater's root half has no network, its download half no
//! privileges); the timers start units that exist; only the idle watcher
//! may read input devices; sysusers makes the users (the idle watcher's in
//! group `input`) and tmpfiles the private runtime directory; the drop-ins
//! are where systemd reads them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use anlauf_tests::workspace;

/// A program a unit starts: ours from the workspace's debug binaries
/// (`target/debug`, beside this test's), others (sway) from the system.
fn program_path(name: &str) -> PathBuf {
    let ours = workspace::built(name);
    let system = Path::new("/usr/bin").join(name);
    if ours.exists() {
        ours
    } else {
        assert!(
            system.exists(),
            "{name} is missing: build the workspace (cargo build --workspace) or install its Debian package"
        );
        system
    }
}

fn copy_dir(from: &Path, to: &Path) {
    workspace::copy_dir(from, to).unwrap();
}

fn units() -> Vec<(String, String)> {
    let mut units: Vec<(String, String)> =
        std::fs::read_dir(workspace::root().join("systemd/units"))
            .unwrap()
            .flatten()
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read_to_string(e.path()).unwrap(),
                )
            })
            .collect();
    units.sort();
    assert!(!units.is_empty());
    units
}

/// A scratch root with systemd's own units, ours, and the binaries ours
/// start.
fn root_with_units() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    copy_dir(
        Path::new("/lib/systemd/system"),
        &root.path().join("usr/lib/systemd/system"),
    );
    copy_dir(
        &workspace::root().join("systemd/units"),
        &root.path().join("etc/systemd/system"),
    );
    let bin = root.path().join("usr/bin");
    std::fs::create_dir_all(&bin).unwrap();
    for (_, text) in units() {
        for line in text.lines() {
            let Some(command) = line.strip_prefix("ExecStart=") else {
                continue;
            };
            let program = command.trim_start_matches(['-', '@', '+', '!']);
            let program = program.split_whitespace().next().unwrap();
            let name = program
                .strip_prefix("/usr/bin/")
                .expect("programs in /usr/bin");
            std::fs::copy(program_path(name), bin.join(name)).unwrap();
        }
    }
    root
}

/// The overall exposure `systemd-analyze security` gives a unit.
fn exposure(root: &Path, unit: &str) -> f64 {
    let output = Command::new("systemd-analyze")
        .args(["security", "--offline=yes", "--no-pager"])
        .arg(format!("--root={}", root.display()))
        .arg(unit)
        .output()
        .expect("systemd-analyze");
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("Overall exposure level"))
        .unwrap_or_else(|| panic!("no exposure for {unit}: {text}"));
    let after = line.rsplit(':').next().unwrap().trim();
    after.split_whitespace().next().unwrap().parse().unwrap()
}

/// Every service's exposure limit. The rule below
/// ([`networked_or_privileged`]) must give the same, so that no unit gets a
/// laxer limit than it deserves; a new service must be added here.
const LIMITS: [(&str, f64); 6] = [
    // Holds the seat's screen and input (a logind session).
    ("anlauf-kiosk.service", 2.0),
    // Downloads content packs over HTTPS.
    ("anlauf-content-sync.service", 2.0),
    // Reads input devices, one local socket to the bus, no network.
    ("anlauf-idle.service", 1.0),
    // One D-Bus call, no network.
    ("anlauf-content-sync-now.service", 1.0),
    // The system updater: root that mounts the other root slot and the
    // ESP, writes block devices and runs dpkg in a chroot, without a
    // network (systemd/README.md says which rights it keeps and why).
    ("anlauf-update.service", 2.0),
    // The updater's download, as a transient user: HTTPS to the site's
    // repository.
    ("anlauf-update-fetch.service", 2.0),
];

/// Whether a unit talks to the network or runs with privileges: those may
/// be exposed up to 2.0, the rest up to 1.0. Privileged means root, or a
/// login session that holds the seat's hardware (screen and input).
fn networked_or_privileged(text: &str) -> bool {
    let networked = !text.contains("PrivateNetwork=yes")
        && text
            .lines()
            .any(|l| l.starts_with("RestrictAddressFamilies=") && l.contains("AF_INET"));
    let root = !text
        .lines()
        .any(|l| l.starts_with("User=") || l == "DynamicUser=yes");
    let seat = text.lines().any(|l| l.starts_with("PAMName="))
        && text.lines().any(|l| l.starts_with("DeviceAllow=char-drm"));
    networked || root || seat
}

#[test]
fn every_unit_verifies_cleanly_and_is_hardened_to_its_limit() {
    let root = root_with_units();
    let mut services = 0;
    for (name, text) in units() {
        let output = Command::new("systemd-analyze")
            .args(["verify", "--no-pager"])
            .arg(format!("--root={}", root.path().display()))
            .arg(&name)
            .output()
            .expect("systemd-analyze");
        let complaints = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && complaints.trim().is_empty(),
            "{name}: {complaints}"
        );
        if !name.ends_with(".service") {
            continue;
        }
        services += 1;
        let rule = if networked_or_privileged(&text) {
            2.0
        } else {
            1.0
        };
        let listed = LIMITS
            .iter()
            .find(|(unit, _)| *unit == name)
            .unwrap_or_else(|| panic!("{name} has no exposure limit in LIMITS"));
        assert_eq!(listed.1, rule, "{name}: LIMITS disagrees with the rule");
        let limit = rule;
        let level = exposure(root.path(), &name);
        eprintln!("{name}: exposure {level} (limit {limit})");
        assert!(level <= limit, "{name}: exposure {level} above {limit}");
    }
    assert_eq!(services, LIMITS.len(), "a unit in LIMITS is missing");
}

/// The value of `key=` in a unit's text (the last one).
fn setting<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    text.lines()
        .filter_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .next_back()
}

#[test]
fn the_timer_starts_the_check_of_a_running_content_daemon() {
    let units = units();
    let text = |name: &str| -> &str {
        &units
            .iter()
            .find(|(unit, _)| unit == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
    };
    let timer = text("anlauf-content-sync.timer");
    assert_eq!(
        setting(timer, "Unit"),
        Some("anlauf-content-sync-now.service")
    );
    assert_eq!(setting(timer, "OnCalendar"), Some("hourly"));
    assert_eq!(setting(timer, "Persistent"), Some("true"));
    assert!(setting(timer, "RandomizedDelaySec").is_some());
    assert_eq!(setting(timer, "WantedBy"), Some("timers.target"));
    let now = text("anlauf-content-sync-now.service");
    assert_eq!(setting(now, "Type"), Some("oneshot"));
    assert_eq!(
        setting(now, "ExecStart"),
        Some("/usr/bin/content-sync sync-now")
    );
    // The daemon's own user: the bus policy lets it ask.
    assert_eq!(setting(now, "User"), Some("anlauf-content"));
    assert_eq!(
        setting(now, "Requisite"),
        Some("anlauf-content-sync.service")
    );
    assert!(
        setting(now, "WantedBy").is_none(),
        "only the timer starts it"
    );
}

#[test]
fn the_update_timer_starts_the_updater_in_the_default_window() {
    let units = units();
    let text = |name: &str| -> &str {
        &units
            .iter()
            .find(|(unit, _)| unit == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
    };
    let timer = text("anlauf-update.timer");
    assert_eq!(setting(timer, "Unit"), Some("anlauf-update.service"));
    // The site file's default window, 02:00-05:00; the site package's
    // drop-in sets the site's own.
    assert_eq!(setting(timer, "OnCalendar"), Some("*-*-* 02:00:00"));
    assert!(setting(timer, "RandomizedDelaySec").is_some());
    assert_eq!(setting(timer, "WantedBy"), Some("timers.target"));
    let service = text("anlauf-update.service");
    assert_eq!(setting(service, "Type"), Some("oneshot"));
    assert_eq!(
        setting(service, "ExecStart"),
        Some("/usr/bin/anlauf-update")
    );
    assert!(setting(service, "User").is_none(), "it runs as root");
    assert_eq!(setting(service, "PrivateMounts"), Some("yes"));
    assert!(
        setting(service, "WantedBy").is_none(),
        "only the timer (or IT staff) starts it"
    );
    // Root without a network; the download is the fetch unit's, as a
    // transient user that the installer starts and nothing else.
    assert_eq!(setting(service, "PrivateNetwork"), Some("yes"));
    assert_eq!(setting(service, "RestrictAddressFamilies"), Some("AF_UNIX"));
    let fetch = text("anlauf-update-fetch.service");
    assert_eq!(setting(fetch, "Type"), Some("oneshot"));
    assert_eq!(setting(fetch, "DynamicUser"), Some("yes"));
    assert_eq!(setting(fetch, "CapabilityBoundingSet"), Some(""));
    assert_eq!(setting(fetch, "CacheDirectory"), Some("anlauf-update"));
    assert_eq!(
        setting(fetch, "ExecStart"),
        Some("/usr/bin/anlauf-update fetch --work /var/cache/anlauf-update")
    );
    assert!(setting(fetch, "WantedBy").is_none());
}

#[test]
fn only_the_idle_watcher_reads_input_devices_and_it_has_no_network() {
    let units = units();
    for (name, text) in &units {
        let reads_input = text
            .lines()
            .any(|l| l.starts_with("DeviceAllow=char-input"));
        assert_eq!(
            reads_input,
            name == "anlauf-idle.service",
            "{name}: input devices"
        );
    }
    let (_, idle) = units
        .iter()
        .find(|(unit, _)| unit == "anlauf-idle.service")
        .unwrap();
    assert_eq!(setting(idle, "DeviceAllow"), Some("char-input r"));
    assert_eq!(setting(idle, "DevicePolicy"), Some("closed"));
    assert_eq!(setting(idle, "User"), Some("anlauf-idle"));
    assert_eq!(setting(idle, "PrivateNetwork"), Some("yes"));
    assert_eq!(setting(idle, "RestrictAddressFamilies"), Some("AF_UNIX"));
    assert_eq!(setting(idle, "ExecStart"), Some("/usr/bin/anlauf-idle"));
}

#[test]
fn a_unit_with_a_mistake_or_without_hardening_is_caught() {
    let root = root_with_units();
    let units_dir = root.path().join("etc/systemd/system");
    let (name, text) = units()
        .into_iter()
        .find(|(name, _)| name == "anlauf-idle.service")
        .unwrap();
    std::fs::write(
        units_dir.join(&name),
        text.replace("[Service]\n", "[Service]\nRestartSecs=1\n"),
    )
    .unwrap();
    let output = Command::new("systemd-analyze")
        .args(["verify", "--no-pager"])
        .arg(format!("--root={}", root.path().display()))
        .arg(&name)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("RestartSecs"));
    let bare: String = text
        .lines()
        .filter(|l| {
            !["Protect", "Private", "Restrict", "SystemCall", "Capability"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(units_dir.join(&name), bare).unwrap();
    assert!(exposure(root.path(), &name) > 2.0);
}

#[test]
fn sysusers_and_tmpfiles_make_the_users_and_a_private_runtime_directory() {
    let root = tempfile::tempdir().unwrap();
    let etc = root.path().join("etc");
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::write(etc.join("passwd"), "root:x:0:0:root:/root:/bin/sh\n").unwrap();
    std::fs::write(etc.join("group"), "root:x:0:\n").unwrap();
    for dir in ["sysusers.d", "tmpfiles.d"] {
        copy_dir(
            &workspace::root().join("systemd").join(dir),
            &root.path().join("usr/lib").join(dir),
        );
    }
    let run = |program: &str, args: &[&str]| {
        let output = Command::new(program)
            .arg(format!("--root={}", root.path().display()))
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run("systemd-sysusers", &[]);
    let passwd = std::fs::read_to_string(etc.join("passwd")).unwrap();
    let uid = |user: &str| -> u32 {
        let line = passwd
            .lines()
            .find(|l| l.starts_with(&format!("{user}:")))
            .unwrap_or_else(|| panic!("no user {user}: {passwd}"));
        line.split(':').nth(2).unwrap().parse().unwrap()
    };
    let kiosk = uid("anlauf-kiosk");
    let content = uid("anlauf-content");
    let idle = uid("anlauf-idle");
    assert!(kiosk > 0 && content > 0 && idle > 0);
    assert!(kiosk != content && idle != kiosk && idle != content);
    assert_eq!(
        passwd
            .lines()
            .filter(|l| l.starts_with("anlauf-"))
            .filter(|l| !l.ends_with(":/usr/sbin/nologin"))
            .count(),
        0,
        "no login shells: {passwd}"
    );
    // The idle watcher reads input devices through group input; nobody
    // else of ours is in it.
    let group = std::fs::read_to_string(etc.join("group")).unwrap();
    let input = group
        .lines()
        .find(|l| l.starts_with("input:"))
        .unwrap_or_else(|| panic!("no group input: {group}"));
    assert_eq!(input.rsplit(':').next(), Some("anlauf-idle"), "{input}");
    run("systemd-tmpfiles", &["--create"]);
    let runtime = std::fs::metadata(root.path().join("run/anlauf")).unwrap();
    assert_eq!(runtime.permissions().mode() & 0o777, 0o700);
    assert_eq!(runtime.uid(), kiosk);
}

#[test]
fn the_drop_ins_are_where_systemd_reads_them_and_keep_logs_and_cores_off_the_disk() {
    let root = tempfile::tempdir().unwrap();
    for (dir, target) in [
        ("journald.conf.d", "usr/lib/systemd/journald.conf.d"),
        ("coredump.conf.d", "usr/lib/systemd/coredump.conf.d"),
        ("logind.conf.d", "usr/lib/systemd/logind.conf.d"),
    ] {
        copy_dir(
            &workspace::root().join("systemd").join(dir),
            &root.path().join(target),
        );
    }
    for (config, wanted) in [
        ("systemd/journald.conf", "Storage=volatile"),
        ("systemd/coredump.conf", "Storage=none"),
        ("systemd/logind.conf", "NAutoVTs=0"),
    ] {
        let output = Command::new("systemd-analyze")
            .args(["cat-config", "--no-pager"])
            .arg(format!("--root={}", root.path().display()))
            .arg(config)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains(wanted), "{config}: {text}");
    }
}

//! The D-Bus policy of `systemd/dbus-1/org.anlauf.ContentSync1.conf` on a
//! private dbus-daemon with the system bus's default policy: the real
//! daemon, running as its own unprivileged user, owns the name; another
//! unprivileged user reads its status but cannot start a sync; root can,
//! and so can the daemon's own user through `content-sync sync-now` (what
//! the hourly timer runs); nobody else can take the name.
//!
//! The policy's users are mapped onto users every Debian system has: the
//! daemon's `anlauf-content` onto `nobody`, the caller is `daemon`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::fs::{PermissionsExt as _, chown};
use std::os::unix::process::CommandExt as _;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anlauf_tests::dbus::{DAEMON, NOBODY, PrivateBus, ROOT, TestUser, policy_for_test, refused};
use anlauf_tests::process::Killed;
use common::Fixture;

const OBJECT: [&str; 3] = [
    "org.anlauf.ContentSync1",
    "/org/anlauf/ContentSync1",
    "org.anlauf.ContentSync1",
];

/// `content-sync sync-now` as `user` on the bus at `address`.
fn sync_now(address: &str, user: TestUser) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_content-sync"))
        .arg("sync-now")
        .env("DBUS_SYSTEM_BUS_ADDRESS", address)
        .uid(user.uid)
        .gid(user.uid)
        .output()
        .unwrap()
}

/// `content-sync run` as `uid` with a store of its own.
fn daemon(f: &Fixture, address: &str, uid: u32) -> Child {
    let store = f.path(&format!("store-{uid}"));
    std::fs::create_dir_all(&store).unwrap();
    chown(&store, Some(uid), Some(uid)).unwrap();
    Command::new(env!("CARGO_BIN_EXE_content-sync"))
        .args(["run", "--interval", "1h", "--jitter", "0", "--store"])
        .arg(store)
        .arg("--url")
        .arg(f.server.url())
        .arg("--trusted-root")
        .arg(f.path("repo/metadata/1.root.json"))
        .env("DBUS_SYSTEM_BUS_ADDRESS", address)
        .uid(uid)
        .gid(uid)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_daemon_owns_the_name_anyone_reads_status_and_only_root_and_the_daemon_start_a_sync()
 {
    if !anlauf_tests::workspace::running_as_root() {
        eprintln!("skipped: switching users needs root");
        return;
    }
    let f = Fixture::new().await;
    f.publish().await;
    // The daemons' users must reach their stores and the trusted root.
    std::fs::set_permissions(f.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();

    let policy_path = f.path("policy.conf");
    policy_for_test(
        &anlauf_tests::workspace::root().join("systemd/dbus-1/org.anlauf.ContentSync1.conf"),
        &policy_path,
        &[("anlauf-content", NOBODY)],
    )
    .unwrap();
    let bus = PrivateBus::system(f.dir.path(), &[policy_path]).unwrap();
    let address = bus.address().to_owned();

    // Another user cannot take the name.
    let mut intruder = daemon(&f, &address, DAEMON.uid);
    let status = intruder.wait().unwrap();
    assert!(!status.success(), "the name was taken by another user");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut intruder.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(
        stderr.contains("AccessDenied") || stderr.contains("not allowed"),
        "{stderr}"
    );

    // The daemon's own user owns it.
    let _daemon = Killed(daemon(&f, &address, NOBODY.uid));
    let read_version = || {
        let mut args = vec!["get-property"];
        args.extend(OBJECT);
        args.push("Version");
        bus.busctl(DAEMON, &args).unwrap()
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    let version = loop {
        let output = read_version();
        if output.status.success() {
            break output;
        }
        assert!(
            Instant::now() < deadline,
            "status never readable: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("t "));

    let mut sync = vec!["call"];
    sync.extend(OBJECT);
    sync.push("SyncNow");
    let refused_call = bus.busctl(DAEMON, &sync).unwrap();
    assert!(
        refused(&refused_call),
        "an unprivileged caller started a sync: {}",
        String::from_utf8_lossy(&refused_call.stderr)
    );

    let allowed = bus.busctl(ROOT, &sync).unwrap();
    assert!(
        allowed.status.success(),
        "root may start a sync: {}",
        String::from_utf8_lossy(&allowed.stderr)
    );

    // The timer's `content-sync sync-now` runs as the daemon's own user,
    // which may ask; another user is told why not.
    let asked = sync_now(&address, NOBODY);
    assert!(
        asked.status.success(),
        "the daemon's user may ask: {}",
        String::from_utf8_lossy(&asked.stderr)
    );
    let said = String::from_utf8_lossy(&asked.stdout);
    assert!(
        said.contains("checks") || said.contains("already waiting"),
        "{said}"
    );
    let denied = sync_now(&address, DAEMON);
    assert!(!denied.status.success());
    let why = String::from_utf8_lossy(&denied.stderr);
    assert!(why.contains("not allowed"), "{why}");
}

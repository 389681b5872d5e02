//! The D-Bus policy of `systemd/dbus-1/org.anlauf.ContentSync1.conf` on a
//! private dbus-daemon with the system bus's default policy: the real
//! daemon, running as its own unprivileged user, owns the name; another
//! unprivileged user reads its status but cannot start a sync; root can;
//! and nobody else can take the name.
//!
//! The policy's users are mapped onto users every Debian system has: the
//! daemon's `anlauf-content` onto `nobody`, the caller is `daemon`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::fs::{PermissionsExt as _, chown};
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use anlauf_tests::process::Killed;
use common::Fixture;

const NOBODY: u32 = 65534;
const DAEMON: u32 = 1;

/// The default policy of Debian's system bus (`/usr/share/dbus-1/system.conf`):
/// method calls are denied unless a policy allows them.
fn bus_config(socket: &Path, policy: &Path) -> String {
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
  </policy>
  <include>{policy}</include>
</busconfig>
"#,
        socket = socket.display(),
        policy = policy.display()
    )
}

fn busctl(address: &str, uid: u32, args: &[&str]) -> Output {
    Command::new("busctl")
        .arg(format!("--address={address}"))
        .args(args)
        .uid(uid)
        .gid(uid)
        .output()
        .expect("busctl")
}

const OBJECT: [&str; 3] = [
    "org.anlauf.ContentSync1",
    "/org/anlauf/ContentSync1",
    "org.anlauf.ContentSync1",
];

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
async fn only_the_daemon_owns_the_name_anyone_reads_status_and_only_root_starts_a_sync() {
    if !anlauf_tests::workspace::running_as_root() {
        eprintln!("skipped: switching users needs root");
        return;
    }
    let f = Fixture::new().await;
    f.publish().await;
    // The daemons' users must reach their stores and the trusted root.
    std::fs::set_permissions(f.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();

    let policy = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../systemd/dbus-1/org.anlauf.ContentSync1.conf"),
    )
    .unwrap();
    assert!(policy.contains(r#"user="anlauf-content""#));
    let policy_path = f.path("policy.conf");
    std::fs::write(
        &policy_path,
        policy.replace(r#"user="anlauf-content""#, r#"user="nobody""#),
    )
    .unwrap();
    let socket = f.path("bus");
    let config = f.path("bus.conf");
    std::fs::write(&config, bus_config(&socket, &policy_path)).unwrap();
    let _bus = Killed(
        Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .arg("--nofork")
            .spawn()
            .expect("dbus-daemon (Debian package dbus)"),
    );
    let address = format!("unix:path={}", socket.display());
    let deadline = Instant::now() + Duration::from_secs(10);
    while !socket.exists() {
        assert!(Instant::now() < deadline, "the bus did not come up");
        std::thread::sleep(Duration::from_millis(20));
    }

    // Another user cannot take the name.
    let mut intruder = daemon(&f, &address, DAEMON);
    let status = intruder.wait().unwrap();
    assert!(!status.success(), "the name was taken by another user");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut intruder.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(
        stderr.contains("AccessDenied") || stderr.contains("not allowed"),
        "{stderr}"
    );

    // The daemon's own user owns it.
    let _daemon = Killed(daemon(&f, &address, NOBODY));
    let read_version = || {
        let mut args = vec!["get-property"];
        args.extend(OBJECT);
        args.push("Version");
        busctl(&address, DAEMON, &args)
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
    let refused = busctl(&address, DAEMON, &sync);
    assert!(
        !refused.status.success(),
        "an unprivileged caller started a sync"
    );
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(
        why.contains("Access denied") || why.contains("AccessDenied"),
        "{why}"
    );

    let allowed = busctl(&address, 0, &sync);
    assert!(
        allowed.status.success(),
        "root may start a sync: {}",
        String::from_utf8_lossy(&allowed.stderr)
    );
}

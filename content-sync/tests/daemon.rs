//! `content-sync run` on a private D-Bus bus (a real dbus-daemon) with a
//! small fake NetworkManager on it: it waits while there is no connectivity,
//! syncs when full connectivity is reported, syncs on `SyncNow`, reports
//! its state and signals each activated generation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use anlauf_tests::process::Killed;
use common::Fixture;
use futures::StreamExt;
use zbus::object_server::SignalEmitter;
use zbus::{interface, proxy};

/// The part of NetworkManager the daemon listens to.
struct FakeNetworkManager {
    connectivity: u32,
}

#[interface(name = "org.freedesktop.NetworkManager")]
impl FakeNetworkManager {
    #[zbus(property)]
    fn connectivity(&self) -> u32 {
        self.connectivity
    }

    #[zbus(signal)]
    async fn state_changed(emitter: &SignalEmitter<'_>, state: u32) -> zbus::Result<()>;
}

#[proxy(
    interface = "org.anlauf.ContentSync1",
    default_service = "org.anlauf.ContentSync1",
    default_path = "/org/anlauf/ContentSync1"
)]
trait ContentSync {
    #[zbus(property)]
    fn version(&self) -> zbus::Result<u64>;
    #[zbus(property)]
    fn state(&self) -> zbus::Result<String>;
    #[zbus(property)]
    fn last_error(&self) -> zbus::Result<String>;
    #[zbus(property)]
    fn last_check(&self) -> zbus::Result<u64>;
    fn sync_now(&self) -> zbus::Result<bool>;
    #[zbus(signal)]
    fn activated(&self, version: u64) -> zbus::Result<()>;
}

/// A private bus: the dbus-daemon and its address.
fn private_bus() -> (Killed, String) {
    let mut child = Command::new("dbus-daemon")
        .args(["--session", "--print-address", "--nofork"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("dbus-daemon (Debian package dbus)");
    let mut address = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut address)
        .unwrap();
    (Killed(child), address.trim().to_owned())
}

async fn until<F: AsyncFn() -> bool>(what: &str, check: F) {
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test]
async fn network_manager_and_sync_now_drive_the_daemon() {
    let f = Fixture::new().await;
    f.publish().await;
    let (_bus, address) = private_bus();
    let nm = zbus::connection::Builder::address(address.as_str())
        .name("org.freedesktop.NetworkManager")
        .serve_at(
            "/org/freedesktop/NetworkManager",
            FakeNetworkManager { connectivity: 1 },
        )
        .build()
        .await
        .unwrap();
    let daemon = Command::new(env!("CARGO_BIN_EXE_content-sync"))
        .args([
            "run",
            "--interval",
            "1h",
            "--jitter",
            "0",
            "--timeout",
            "5",
            "--store",
        ])
        .arg(f.path("store"))
        .arg("--url")
        .arg(f.server.url())
        .arg("--trusted-root")
        .arg(f.path("repo/metadata/1.root.json"))
        .env("DBUS_SYSTEM_BUS_ADDRESS", &address)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut daemon = Killed(daemon);
    let client = zbus::connection::Builder::address(address.as_str())
        .build()
        .await
        .unwrap();
    let proxy = ContentSyncProxy::builder(&client)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .unwrap();
    until("the daemon on the bus", async || {
        proxy.state().await.is_ok()
    })
    .await;
    // No connectivity: it waits and says so.
    until("state offline", async || {
        proxy.state().await.is_ok_and(|s| s == "offline")
    })
    .await;
    assert_eq!(proxy.version().await.unwrap(), 0);
    assert_eq!(f.server.sent(), 0, "it fetched without a network");

    // Full connectivity: it syncs and signals the new generation.
    let mut activated = proxy.receive_activated().await.unwrap();
    let iface = nm
        .object_server()
        .interface::<_, FakeNetworkManager>("/org/freedesktop/NetworkManager")
        .await
        .unwrap();
    iface.get_mut().await.connectivity = 4;
    iface
        .get_mut()
        .await
        .connectivity_changed(iface.signal_emitter())
        .await
        .unwrap();
    let signal = tokio::time::timeout(Duration::from_secs(20), activated.next())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(signal.args().unwrap().version, 1);
    until("version 1", async || {
        proxy.version().await.is_ok_and(|v| v == 1)
    })
    .await;
    assert_eq!(proxy.state().await.unwrap(), "idle");
    assert!(proxy.last_check().await.unwrap() > 0);

    // A new pack and SyncNow.
    f.add_service("neu", "neu.toml");
    f.publish().await;
    assert!(proxy.sync_now().await.unwrap());
    let signal = tokio::time::timeout(Duration::from_secs(20), activated.next())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(signal.args().unwrap().version, 2);

    // A failing repository: state and error say so, the version stays.
    f.server
        .fault("timestamp.json", anlauf_tests::http::Fault::Status(500));
    assert!(proxy.sync_now().await.unwrap());
    until("state failed", async || {
        proxy.state().await.is_ok_and(|s| s == "failed")
    })
    .await;
    assert!(
        proxy
            .last_error()
            .await
            .unwrap()
            .contains("content update refused")
    );
    assert_eq!(proxy.version().await.unwrap(), 2);

    // SIGTERM stops it cleanly; its log names versions and errors only.
    nix_kill(daemon.0.id());
    let status = daemon.0.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut log = String::new();
    std::io::Read::read_to_string(&mut daemon.0.stderr.take().unwrap(), &mut log).unwrap();
    assert!(log.contains("activated new content generation"), "{log}");
}

fn nix_kill(pid: u32) {
    let status = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

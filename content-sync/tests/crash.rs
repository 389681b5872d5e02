//! The daemon killed with SIGKILL at random moments of a sync and an
//! activation: the store always opens to a whole generation (old or new)
//! whose database passes `PRAGMA integrity_check`, and the next sync
//! completes. And a disk that fills up mid-sync: a clear error, the current
//! generation intact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Fixture;
use content_sync::store::{self, Store};

fn once(f: &Fixture) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_content-sync"));
    command
        .args(["once", "--timeout", "5", "--store"])
        .arg(f.path("store"))
        .arg("--url")
        .arg(f.server.url())
        .arg("--trusted-root")
        .arg(f.path("repo/metadata/1.root.json"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// A small random number generator (xorshift), seeded per run and printed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn check_whole(f: &Fixture, allowed: &[u64]) -> u64 {
    let generation = store::current(&f.path("store"))
        .unwrap()
        .expect("a current generation");
    assert!(
        allowed.contains(&generation.version),
        "version {}",
        generation.version
    );
    let content = generation.open().unwrap();
    content.check().unwrap();
    assert_eq!(content.version().unwrap(), generation.version);
    generation.version
}

#[tokio::test]
async fn sigkill_at_200_random_moments_never_leaves_a_mix() {
    let f = Fixture::new().await;
    f.publish().await;
    f.sync().await.unwrap();
    for i in 0..800 {
        f.add_service(&format!("bulk-{i}"), &format!("bulk-{}.toml", i % 4));
    }
    f.publish().await;
    // How long a whole sync with activation takes, from a cold cache.
    let started = Instant::now();
    assert!(once(&f).status().unwrap().success());
    let whole = started.elapsed().as_millis() as u64;
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}, a whole sync takes {whole} ms");
    let mut random = Random(seed);
    let mut completed = 0;
    for round in 0..200 {
        // Start from version 1 again (by rollback), with a cold cache half
        // of the time, so that both the download and the activation are hit.
        if check_whole(&f, &[1, 2]) == 2 {
            let store = Store::open(&f.path("store")).unwrap();
            store.rollback().unwrap();
        }
        if round % 2 == 0 {
            let _ = std::fs::remove_dir_all(f.path("store/chunks"));
        }
        let mut child = once(&f).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(random.below(whole + whole / 5)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            completed += 1;
        }
        check_whole(&f, &[1, 2]);
    }
    eprintln!("{completed} of 200 runs finished before the kill");
    assert!(completed < 150, "the kills came too late to test anything");
    // The next sync completes.
    assert!(once(&f).status().unwrap().success());
    assert_eq!(check_whole(&f, &[2]), 2);
    let staging = std::fs::read_dir(f.path("store/staging")).unwrap().count();
    assert_eq!(staging, 0);
}

/// A small tmpfs, unmounted when dropped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(path: &std::path::Path, size: &str) -> SmallDisk {
        std::fs::create_dir_all(path).unwrap();
        let status = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size}"),
                "anlauf-test",
                path.to_str().unwrap(),
            ])
            .status()
            .expect("mount(8)");
        assert!(
            status.success(),
            "mounting a small tmpfs needs root (tests/run runs as root)"
        );
        SmallDisk(path.to_owned())
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[tokio::test]
async fn a_full_disk_fails_clearly_and_keeps_the_current_generation() {
    let f = Fixture::new().await;
    let _disk = SmallDisk::mount(&f.path("store"), "6000k");
    f.publish().await;
    f.sync().await.unwrap();
    for i in 0..2000 {
        f.add_service(&format!("bulk-{i}"), &format!("bulk-{}.toml", i % 4));
    }
    f.publish().await;
    let error = f.sync().await.unwrap_err().to_string();
    assert!(error.contains("No space left on device"), "{error}");
    assert_eq!(check_whole(&f, &[1]), 1);
    // The kiosk still reads it, and the next open clears the half-built one.
    drop(Store::open(&f.path("store")).unwrap());
    assert_eq!(
        std::fs::read_dir(f.path("store/staging")).unwrap().count(),
        0
    );
}

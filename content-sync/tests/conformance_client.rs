//! The TUF conformance suite's client CLI, run on a repository published by
//! `content-sync publish` and served over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::Fixture;

fn client(f: &Fixture) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tuf-conformance-client"));
    command.arg("--metadata-dir").arg(f.path("client-metadata"));
    command
}

fn download(f: &Fixture, target: &str) -> std::process::ExitStatus {
    client(f)
        .args(["--metadata-url", &format!("{}metadata", f.server.url())])
        .args(["--target-name", target])
        .args(["--target-base-url", &format!("{}targets", f.server.url())])
        .arg("--target-dir")
        .arg(f.path("client-targets"))
        .arg("download")
        .status()
        .unwrap()
}

#[tokio::test]
async fn init_refresh_download_and_a_tampered_target() {
    let f = Fixture::new().await;
    f.publish().await;
    let init = client(&f)
        .arg("init")
        .arg(f.path("repo/metadata/1.root.json"))
        .status()
        .unwrap();
    assert!(init.success());
    assert_eq!(f.server.sent(), 0, "init must not touch the network");
    let refresh = client(&f)
        .args(["--metadata-url", &format!("{}metadata", f.server.url())])
        .arg("refresh")
        .status()
        .unwrap();
    assert!(refresh.success());
    for role in ["root", "timestamp", "snapshot", "targets"] {
        assert!(
            f.path("client-metadata")
                .join(format!("{role}.json"))
                .exists(),
            "{role}.json"
        );
    }
    assert!(download(&f, "pack.json").success());
    let published = std::fs::read(f.target_file(".pack.json")).unwrap();
    assert_eq!(
        std::fs::read(f.path("client-targets/pack.json")).unwrap(),
        published
    );
    assert!(!download(&f, "no-such-target").success());

    // A second publish changes pack.json; tamper with the new one.
    f.add_service("neu", "neu.toml");
    f.publish().await;
    let newest = std::fs::read_dir(f.path("repo/targets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_str().unwrap().ends_with(".pack.json") && !published.is_empty())
        .max_by_key(|p| std::fs::metadata(p).unwrap().modified().unwrap())
        .unwrap();
    let mut bytes = std::fs::read(&newest).unwrap();
    bytes[10] ^= 1;
    std::fs::write(&newest, bytes).unwrap();
    assert!(
        !download(&f, "pack.json").success(),
        "a tampered target was accepted"
    );
    assert_eq!(
        std::fs::read(f.path("client-targets/pack.json")).unwrap(),
        published
    );
}

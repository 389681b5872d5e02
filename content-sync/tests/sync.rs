//! Publish, serve over real HTTP, sync into a store: the happy path, deltas,
//! resume, and what a broken network does.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use anlauf_tests::http::Fault;
use common::Fixture;
use content_sync::client::Outcome;

#[tokio::test]
async fn a_published_pack_is_synced_activated_and_readable() {
    let f = Fixture::new().await;
    let published = f.publish().await;
    assert_eq!(published.version, 1);
    let report = f.sync().await.unwrap();
    let Outcome::Activated(generation) = &report.outcome else {
        panic!("{report:?}")
    };
    assert_eq!(generation.version, 1);
    let content = generation.open().unwrap();
    assert_eq!(content.service_count().unwrap(), demo_services() as u64);
    assert_eq!(content.info().name, "Anlauf demo");
    content.check().unwrap();
    // Nothing new: nothing activated, little downloaded.
    let again = f.sync().await.unwrap();
    assert_eq!(again.outcome, Outcome::UpToDate);
    assert_eq!(f.current_version(), Some(1));
}

#[tokio::test]
async fn a_small_edit_moves_little_data_and_keeps_the_previous_generation() {
    let f = Fixture::new().await;
    for i in 0..400 {
        f.add_service(&format!("bulk-{i}"), "bulk.toml");
    }
    f.publish().await;
    let first = f.sync().await.unwrap();
    assert!(first.chunks_fetched > 4, "{first:?}");
    // Change one service's summary.
    let path = f.path("source/services/bulk.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "Nummer bulk-200.",
            "Nummer bulk-200, jetzt auch Duschen.",
            1,
        ),
    )
    .unwrap();
    f.publish().await;
    let second = f.sync().await.unwrap();
    assert!(matches!(second.outcome, Outcome::Activated(ref g) if g.version == 2));
    assert!(second.chunks_fetched <= 2, "{second:?}");
    assert!(
        second.chunks_cached >= first.chunks_fetched - 2,
        "{second:?}"
    );
    // Besides the changed chunk only metadata, the index and manifests move.
    assert!(
        second.downloaded - second.chunk_bytes < 20_000,
        "{first:?} {second:?}"
    );
    let previous = content_sync::store::generation_at(&f.path("store"), "previous").unwrap();
    assert_eq!(previous.map(|g| g.version), Some(1));
    // Rollback goes back one step.
    let store = content_sync::store::Store::open(&f.path("store")).unwrap();
    assert_eq!(store.rollback().unwrap().version, 1);
}

#[tokio::test]
async fn an_interrupted_download_resumes_at_the_last_finished_chunk() {
    let f = Fixture::new().await;
    for i in 0..600 {
        f.add_service(&format!("bulk-{i}"), "bulk.toml");
    }
    f.publish().await;
    let chunks = f.chunk_files().len() as u32;
    assert!(chunks >= 6, "{chunks} chunks");
    f.server.fault(".chunk-", Fault::FailAfter(chunks / 2));
    let error = f.sync().await.unwrap_err();
    assert!(
        error.to_string().contains("content update refused"),
        "{error}"
    );
    assert_eq!(f.current_version(), None);
    f.server.heal();
    let report = f.sync().await.unwrap();
    assert_eq!(report.chunks_cached, u64::from(chunks / 2), "{report:?}");
    assert_eq!(report.chunks_fetched, u64::from(chunks - chunks / 2));
}

#[tokio::test]
async fn a_connection_dropped_mid_body_is_retried() {
    let f = Fixture::new().await;
    f.publish().await;
    f.server.fault(".chunk-", Fault::DropMidBody { times: 1 });
    let report = f.sync().await.unwrap();
    assert!(matches!(report.outcome, Outcome::Activated(_)));
}

#[tokio::test]
async fn network_faults_fail_clearly_and_keep_the_current_generation() {
    let f = Fixture::new().await;
    f.publish().await;
    f.sync().await.unwrap();
    f.add_service("extra", "extra.toml");
    f.publish().await;
    let faults = [
        (".chunk-", Fault::Status(404)),
        (".chunk-", Fault::Status(500)),
        (".chunk-", Fault::DropMidBody { times: 100 }),
        (".chunk-", Fault::WrongLength),
        ("timestamp.json", Fault::Status(500)),
        (".chunk-", Fault::Trickle { rate: 20 }),
        (".chunk-", Fault::Swap(format!("targets/{}", swap_with(&f)))),
    ];
    for (matching, fault) in faults {
        f.server.heal();
        f.server.fault(matching, fault.clone());
        let error = f.sync().await.expect_err(&format!("{fault:?} must fail"));
        let message = error.to_string();
        assert!(
            message.starts_with("content update refused"),
            "{fault:?}: {message}"
        );
        assert_eq!(f.current_version(), Some(1), "{fault:?}");
        let left = std::fs::read_dir(f.path("store/staging")).unwrap().count();
        assert_eq!(left, 0, "{fault:?} left a half-built generation");
    }
    f.server.heal();
    assert!(matches!(f.sync().await.unwrap().outcome, Outcome::Activated(ref g) if g.version == 2));
}

/// A chunk of version 1 only, served instead of the new chunks.
fn swap_with(f: &Fixture) -> String {
    let oldest = f
        .chunk_files()
        .into_iter()
        .min_by_key(|p| std::fs::metadata(p).unwrap().modified().unwrap())
        .unwrap();
    oldest.file_name().unwrap().to_str().unwrap().to_owned()
}

#[tokio::test]
async fn status_tells_staff_what_the_store_holds_and_what_went_wrong() {
    let f = Fixture::new().await;
    let status = |json: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_content-sync"));
        command.arg("status").arg("--store").arg(f.path("store"));
        if json {
            command.arg("--json");
        }
        let output = command.output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(status(false).contains("current: none"), "{}", status(false));
    f.publish().await;
    let once = |url: String| {
        std::process::Command::new(env!("CARGO_BIN_EXE_content-sync"))
            .args(["once", "--timeout", "3", "--store"])
            .arg(f.path("store"))
            .args(["--url", &url, "--trusted-root"])
            .arg(f.path("repo/metadata/1.root.json"))
            .output()
            .unwrap()
    };
    let ok = once(f.server.url());
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("activated version 1"));
    let text = status(false);
    assert!(
        text.contains(&format!(
            "current: version 1 (Anlauf demo, {} services)",
            demo_services()
        )),
        "{text}"
    );
    assert!(text.contains("state: idle"), "{text}");
    // A repository that is gone: a non-zero exit, the error in status, content kept.
    let failed = once("http://127.0.0.1:9/".into());
    assert!(!failed.status.success());
    assert!(String::from_utf8_lossy(&failed.stderr).contains("content update refused"));
    let json: serde_json::Value = serde_json::from_str(&status(true)).unwrap();
    assert_eq!(json["current"], 1);
    assert_eq!(json["state"], "failed");
    assert!(
        json["last_error"]
            .as_str()
            .unwrap()
            .contains("content update refused"),
        "{json}"
    );
}

#[tokio::test]
async fn a_rate_limit_holds_the_download_back() {
    let f = Fixture::new().await;
    f.publish().await;
    let mut options = Fixture::options();
    options.max_rate = Some(20_000);
    let started = std::time::Instant::now();
    let report = f.sync_with(&options).await.unwrap();
    let floor = report.downloaded as f64 / 20_000.0;
    assert!(
        started.elapsed().as_secs_f64() >= floor * 0.9,
        "{report:?} {:?}",
        started.elapsed()
    );
}

/// How many services the demo pack holds.
fn demo_services() -> usize {
    content_sync::source::Pack::parse(&content_sync::demo::files())
        .unwrap()
        .services
        .len()
}

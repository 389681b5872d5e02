//! Every attack TUF defends against, each tried on the real client over
//! HTTP: the sync must refuse with a message a staff member can act on, and
//! the current generation must stay as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;

use common::{Fixture, days, expiry};
use content_sync::client::{self, Outcome};
use content_sync::publish::Expiry;
use tough::schema::RoleType;

fn json(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

fn write_json(path: &std::path::Path, value: &serde_json::Value) {
    fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

/// A device that has version 1, and a repository that offers version 2.
async fn device_with_v1() -> Fixture {
    let f = Fixture::new().await;
    f.publish().await;
    f.sync().await.unwrap();
    f.add_service("neu", "neu.toml");
    f.publish().await;
    f
}

async fn refused(f: &Fixture, expect: &[&str]) -> String {
    let error = f
        .sync()
        .await
        .expect_err("the sync must refuse")
        .to_string();
    assert!(error.starts_with("content update refused"), "{error}");
    let lower = error.to_lowercase();
    assert!(
        expect.iter().any(|word| lower.contains(word)),
        "{error} names none of {expect:?}"
    );
    assert_eq!(
        f.current_version(),
        Some(1),
        "the current generation changed"
    );
    error
}

#[tokio::test]
async fn rollback_to_older_metadata_is_refused() {
    let f = Fixture::new().await;
    f.publish().await;
    let old_timestamp = fs::read(f.path("repo/metadata/timestamp.json")).unwrap();
    f.sync().await.unwrap();
    f.add_service("neu", "neu.toml");
    f.publish().await;
    f.sync().await.unwrap();
    assert_eq!(f.current_version(), Some(2));
    fs::write(f.path("repo/metadata/timestamp.json"), old_timestamp).unwrap();
    let error = f.sync().await.unwrap_err().to_string();
    assert!(error.to_lowercase().contains("version"), "{error}");
    assert_eq!(f.current_version(), Some(2));
}

#[tokio::test]
async fn frozen_metadata_is_refused() {
    let f = Fixture::new().await;
    f.publish().await;
    f.sync().await.unwrap();
    f.add_service("neu", "neu.toml");
    let past = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(60);
    f.publish_with(Expiry {
        timestamp: past,
        ..expiry()
    })
    .await;
    refused(&f, &["expired"]).await;
}

#[tokio::test]
async fn a_refreshed_timestamp_thaws_a_frozen_repository() {
    let f = Fixture::new().await;
    let past = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(60);
    f.publish_with(Expiry {
        timestamp: past,
        ..expiry()
    })
    .await;
    assert!(f.sync().await.unwrap_err().to_string().contains("xpired"));
    // Only the online key is at hand on the server.
    let online_only = f.path("online-keys");
    std::fs::create_dir_all(online_only.join("online")).unwrap();
    std::fs::copy(
        f.path("keys/online/timestamp.pk8"),
        online_only.join("online/timestamp.pk8"),
    )
    .unwrap();
    let version = content_sync::publish::refresh_timestamp(&f.path("repo"), &online_only, days(1))
        .await
        .unwrap();
    assert_eq!(version, 2);
    assert!(matches!(
        f.sync().await.unwrap().outcome,
        Outcome::Activated(_)
    ));
}

#[tokio::test]
async fn mix_and_match_metadata_is_refused() {
    let f = device_with_v1().await;
    // Serve version 1's targets metadata under version 2's name.
    fs::copy(
        f.path("repo/metadata/1.targets.json"),
        f.path("repo/metadata/2.targets.json"),
    )
    .unwrap();
    refused(&f, &["hash", "digest", "version", "length"]).await;
}

#[tokio::test]
async fn endless_metadata_is_refused() {
    let f = device_with_v1().await;
    let mut timestamp = json(&f.path("repo/metadata/timestamp.json"));
    timestamp["signed"]["padding"] = serde_json::Value::String("x".repeat(200_000));
    write_json(&f.path("repo/metadata/timestamp.json"), &timestamp);
    refused(&f, &["max", "size", "limit"]).await;
}

#[tokio::test]
async fn an_endless_target_is_refused() {
    let f = device_with_v1().await;
    for index in f.target_files(".pack.json") {
        let mut bytes = fs::read(&index).unwrap();
        bytes.extend(std::iter::repeat_n(b' ', 1_000_000));
        fs::write(&index, bytes).unwrap();
    }
    refused(&f, &["max", "size", "length", "hash", "digest"]).await;
}

#[tokio::test]
async fn a_signature_by_an_unknown_key_is_refused() {
    let f = device_with_v1().await;
    // A second publisher with keys of its own signs a timestamp.
    let other = Fixture::new().await;
    other.publish().await;
    other.add_service("neu", "neu.toml");
    other.publish().await;
    fs::copy(
        other.path("repo/metadata/timestamp.json"),
        f.path("repo/metadata/timestamp.json"),
    )
    .unwrap();
    refused(&f, &["signature", "threshold", "key"]).await;
}

#[tokio::test]
async fn too_few_signatures_are_refused() {
    let f = device_with_v1().await;
    let mut timestamp = json(&f.path("repo/metadata/timestamp.json"));
    timestamp["signatures"] = serde_json::json!([]);
    write_json(&f.path("repo/metadata/timestamp.json"), &timestamp);
    refused(&f, &["signature", "threshold"]).await;
}

#[tokio::test]
async fn a_changed_signed_field_is_refused() {
    let f = device_with_v1().await;
    let mut timestamp = json(&f.path("repo/metadata/timestamp.json"));
    timestamp["signed"]["expires"] = serde_json::json!("2099-01-01T00:00:00Z");
    write_json(&f.path("repo/metadata/timestamp.json"), &timestamp);
    refused(&f, &["signature", "threshold"]).await;
}

#[tokio::test]
async fn tampered_target_bytes_are_refused() {
    let f = device_with_v1().await;
    for chunk in f.chunk_files() {
        let mut bytes = fs::read(&chunk).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x20;
        fs::write(&chunk, bytes).unwrap();
    }
    refused(&f, &["hash", "digest", "sha"]).await;
}

#[tokio::test]
async fn a_target_swapped_for_another_is_refused() {
    let f = device_with_v1().await;
    let chunks = f.chunk_files();
    let newest = chunks
        .iter()
        .max_by_key(|p| fs::metadata(p).unwrap().modified().unwrap())
        .unwrap()
        .clone();
    let other = chunks.iter().find(|p| **p != newest).unwrap();
    fs::copy(other, &newest).unwrap();
    refused(&f, &["hash", "digest", "sha", "length", "size"]).await;
}

#[test]
fn target_names_that_escape_the_store_are_refused() {
    use content_sync::chunk::{IndexEntry, PackIndex};
    let options = client::Options::default();
    for path in [
        "../etc/passwd",
        "/etc/passwd",
        "services\\..\\x.toml",
        "a\0b",
        "services/../../x",
        "",
    ] {
        let index = PackIndex {
            format: 1,
            version: 3,
            name: "x".into(),
            files: vec![IndexEntry {
                path: path.into(),
                manifest: format!("manifest-{}.json", "a".repeat(64)),
                size: 1,
            }],
        };
        let error = client::check_index(&index, 3, &options)
            .unwrap_err()
            .to_string();
        assert!(error.contains("would leave the store"), "{path:?}: {error}");
    }
    let store_dir = tempfile::tempdir().unwrap();
    let store = content_sync::store::Store::open(store_dir.path()).unwrap();
    let mut files = content_sync::demo::files();
    files.insert("../escape.toml".into(), b"x".to_vec());
    let error = store.activate_files(&files, 1).unwrap_err().to_string();
    assert!(error.contains("unsafe path"), "{error}");
    assert!(!store_dir.path().join("escape.toml").exists());
}

#[tokio::test]
async fn the_client_follows_a_valid_root_rotation() {
    let f = Fixture::new().await;
    f.publish().await;
    f.sync().await.unwrap();
    // Replace the timestamp key, then the root key itself.
    let keys = f.path("keys");
    let repo = f.path("repo");
    assert_eq!(
        content_sync::keys::rotate(&keys, &repo, RoleType::Timestamp, days(365))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        content_sync::keys::rotate(&keys, &repo, RoleType::Root, days(365))
            .await
            .unwrap(),
        3
    );
    f.add_service("neu", "neu.toml");
    f.publish().await;
    // The device still starts from root version 1 and walks to version 3.
    let report = f.sync().await.unwrap();
    assert!(
        matches!(report.outcome, Outcome::Activated(ref g) if g.version == 2),
        "{report:?}"
    );
    let trusted = json(&f.path("store/tuf/root.json"));
    assert_eq!(trusted["signed"]["version"], 3);
}

#[tokio::test]
async fn a_root_not_signed_by_the_old_root_key_is_refused() {
    let f = Fixture::new().await;
    f.publish().await;
    f.sync().await.unwrap();
    // An attacker writes root version 2 that trusts only their own keys.
    let attacker = tempfile::tempdir().unwrap();
    let mut roles = Vec::new();
    for role in content_sync::keys::ROLES {
        let key =
            content_sync::keys::generate_key(&content_sync::keys::key_file(attacker.path(), role))
                .unwrap();
        roles.push((role, vec![key], 1));
    }
    let root = content_sync::keys::root_metadata(2, days(365), &roles).unwrap();
    let attacker_root = content_sync::keys::key_file(attacker.path(), RoleType::Root);
    content_sync::keys::write_root(&f.path("repo"), root, &[attacker_root], None)
        .await
        .unwrap();
    f.add_service("neu", "neu.toml");
    refused(&f, &["signature", "threshold", "root"]).await;
}

use super::*;

fn demo() -> Files {
    crate::demo::files()
}

#[test]
fn generations_switch_keep_one_previous_and_remove_older() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.current().unwrap(), None);
    for version in 1..=4 {
        let generation = store.activate_files(&demo(), version).unwrap();
        assert_eq!(store.current().unwrap(), Some(generation.clone()));
        generation.open().unwrap().check().unwrap();
    }
    assert_eq!(store.previous().unwrap().map(|g| g.version), Some(3));
    let kept = fs::read_dir(dir.path().join("generations"))
        .unwrap()
        .count();
    assert_eq!(kept, 2);
    assert_eq!(store.rollback().unwrap().version, 3);
    assert_eq!(current(dir.path()).unwrap().map(|g| g.version), Some(3));
    assert_eq!(store.previous().unwrap().map(|g| g.version), Some(4));
}

#[test]
fn an_invalid_pack_is_not_activated_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.activate_files(&demo(), 1).unwrap();
    let mut bad = demo();
    bad.insert(
        "services/broken.toml".into(),
        b"[[service]]\nid = 3\n".to_vec(),
    );
    let error = store.activate_files(&bad, 2).unwrap_err().to_string();
    assert!(error.contains("services/broken.toml:"), "{error}");
    assert_eq!(store.current().unwrap().map(|g| g.version), Some(1));
    drop(store);
    // What the failed attempt left in staging is cleared on the next open.
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(fs::read_dir(dir.path().join("staging")).unwrap().count(), 0);
    assert_eq!(store.current().unwrap().map(|g| g.version), Some(1));
}

#[test]
fn only_one_writer_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Store::open(dir.path()).unwrap();
    let error = Store::open(dir.path()).unwrap_err();
    assert!(matches!(error, StoreError::Busy(_)), "{error}");
}

#[test]
fn a_damaged_database_fails_its_integrity_check() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let generation = store.activate_files(&demo(), 1).unwrap();
    let path = generation.database();
    let mut bytes = fs::read(&path).unwrap();
    // Overwrite the middle of the file (past the header) with noise.
    let middle = bytes.len() / 2;
    let end = (middle + 4096).min(bytes.len());
    for byte in &mut bytes[middle..end] {
        *byte = 0x5a;
    }
    fs::write(&path, bytes).unwrap();
    let outcome = generation.open().and_then(|content| Ok(content.check()?));
    assert!(outcome.is_err(), "damage went unnoticed");
}

#[test]
fn a_database_of_an_older_schema_is_rebuilt_from_the_generations_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(
        store.rebuild_outdated().unwrap().is_none(),
        "no content yet"
    );
    let generation = store.activate_files(&demo(), 7).unwrap();
    assert!(store.rebuild_outdated().unwrap().is_none(), "up to date");
    // What an older content-sync left behind: another schema number.
    let conn = rusqlite::Connection::open(generation.database()).unwrap();
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema'", [])
        .unwrap();
    drop(conn);
    let error = generation.open().unwrap_err().to_string();
    assert!(error.contains("schema 3"), "{error}");
    let rebuilt = store.rebuild_outdated().unwrap().expect("rebuilt");
    assert_eq!(rebuilt.version, 7);
    assert_eq!(store.current().unwrap(), Some(rebuilt.clone()));
    let content = rebuilt.open().unwrap();
    content.check().unwrap();
    assert!(content.service_count().unwrap() > 50);
}

use super::*;

fn demo() -> Files {
    crate::demo::files()
}

fn problems(files: &Files) -> Vec<String> {
    Pack::parse(files)
        .unwrap_err()
        .0
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_demo_pack_is_valid() {
    let pack = Pack::parse(&demo()).unwrap();
    assert!(pack.services.len() >= 50, "{}", pack.services.len());
    assert_eq!(pack.info.languages.len(), 11);
}

#[test]
fn every_problem_is_listed_with_file_and_line() {
    let mut files = demo();
    let services = String::from_utf8(files["services/leipzig.toml"].clone()).unwrap();
    let broken = services
        .replacen("category = \"food\"", "category = \"fud\"", 1)
        .replacen("opens = \"20:00\"", "opens = \"25:00\"", 1);
    files.insert("services/leipzig.toml".into(), broken.into_bytes());
    files.insert(
        "services/more.toml".into(),
        b"[[service]]\nid = \"Bad Id\"\nname = \"\"\ncategory = \"food\"\naddress = \"a\"\nphone = \"1\"\n[service.summary]\nde = \"x\"\n"
            .to_vec(),
    );
    files.insert("notes.txt".into(), b"hello".to_vec());
    files.insert(
        "texts/de.ftl".into(),
        b"greeting = Hallo\nbroken = {\n".to_vec(),
    );
    files.insert("pages/de/start.md".into(), b"no title\n".to_vec());
    let found = problems(&files);
    let has = |needle: &str| found.iter().any(|p| p.contains(needle));
    assert!(
        has("services/leipzig.toml:34: service \"suppenkueche\": unknown variant `fud`"),
        "{found:#?}"
    );
    assert!(
        has("service \"nachtcafe\": hours: \"25:00\" is not a time"),
        "{found:#?}"
    );
    assert!(
        has("services/more.toml:1: service \"Bad Id\": the id may use"),
        "{found:#?}"
    );
    assert!(has("name is empty"), "{found:#?}");
    assert!(has("no summary in \"ar\""), "{found:#?}");
    assert!(has("notes.txt: unknown file"), "{found:#?}");
    assert!(has("texts/de.ftl:3: Fluent syntax"), "{found:#?}");
    assert!(has("texts/en.ftl: missing"), "{found:#?}");
    assert!(
        has("pages/de/start.md:1: a page starts with its title"),
        "{found:#?}"
    );
}

#[test]
fn pack_toml_problems_are_reported() {
    let mut files = demo();
    files.remove("pack.toml");
    assert!(
        problems(&files)
            .iter()
            .any(|p| p == "pack.toml: missing: every pack starts with pack.toml")
    );
    files.insert(
        "pack.toml".into(),
        b"name = \"x\"\nregion = \"y\"\nlanguages = [\"en\", \"1x\"]\n".to_vec(),
    );
    let found = problems(&files);
    assert!(
        found.iter().any(|p| p.contains("must include German")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("\"1x\" is not a language tag")),
        "{found:#?}"
    );
    files.insert("pack.toml".into(), b"name = \"x\"\nregion = \n".to_vec());
    assert!(
        problems(&files)
            .iter()
            .any(|p| p.starts_with("pack.toml:2:"))
    );
}

#[test]
fn duplicate_ids_and_bad_bytes_are_reported() {
    let mut files = demo();
    files.insert(
        "services/copy.toml".into(),
        files["services/leipzig.toml"].clone(),
    );
    files.insert("services/binary.toml".into(), vec![b'a', b'\n', 0xff, 0xfe]);
    let found = problems(&files);
    assert!(
        found
            .iter()
            .any(|p| p.contains("is also used in services/copy.toml")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p == "services/binary.toml:2: not UTF-8 text"),
        "{found:#?}"
    );
}

#[test]
fn unsafe_paths_are_recognised() {
    for bad in [
        "", "/abs", "../x", "a/../b", "a//b", "a\\b", "a\0b", "./a", "a/.",
    ] {
        assert!(!is_safe_path(bad), "{bad:?}");
    }
    for good in ["pack.toml", "services/a-b.toml", "pages/de-x-ls/start.md"] {
        assert!(is_safe_path(good), "{good:?}");
    }
}

#[test]
fn texts_and_pages_in_every_language_are_accepted() {
    let mut files = demo();
    let languages = Pack::parse(&files).unwrap().info.languages;
    for lang in &languages {
        files.insert(format!("texts/{lang}.ftl"), b"welcome = Hallo\n".to_vec());
        files.insert(
            format!("pages/{lang}/winter.md"),
            b"# Winter\n\nWarm rooms.\n".to_vec(),
        );
    }
    let pack = Pack::parse(&files).unwrap();
    assert_eq!(pack.pages.len(), languages.len());
    assert_eq!(pack.text_ids().into_iter().collect::<Vec<_>>(), ["welcome"]);
}

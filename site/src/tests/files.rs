//! `check` and `load`: reading the file, and the files it names.

use std::path::{Path, PathBuf};

use super::*;

/// A fresh folder of its own for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("anlauf-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const WITH_CONTENT: &str = "[site]\nname = \"Treff\"\n\n[content]\nurl = \"https://content.example.org/leipzig/\"\ntrusted_root = \"keys/content-root.json\"\n";

#[test]
fn check_resolves_the_trusted_root_beside_the_site_file() {
    let dir = folder("root-present");
    std::fs::create_dir_all(dir.join("keys")).unwrap();
    std::fs::write(dir.join("keys/content-root.json"), "{\"signed\": {}}").unwrap();
    let file = dir.join("site.toml");
    std::fs::write(&file, WITH_CONTENT).unwrap();
    let site = check(&file).unwrap();
    assert_eq!(
        site.content.trusted_root,
        Some(dir.join("keys/content-root.json"))
    );
    // The lenient loader resolves it too, without looking.
    assert_eq!(
        load(&file).site.content.trusted_root,
        site.content.trusted_root
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_lists_a_missing_trusted_root_with_the_other_problems() {
    let dir = folder("root-missing");
    let file = dir.join("site.toml");
    std::fs::write(
        &file,
        format!("{WITH_CONTENT}\n[print]\nquota_pages = 999\n"),
    )
    .unwrap();
    let problems = check(&file).unwrap_err();
    let shown = file.display();
    let root = dir.join("keys/content-root.json");
    assert_eq!(
        problems.lines().collect::<Vec<_>>(),
        [
            format!(
                "{shown}:6: content.trusted_root: {} does not exist",
                root.display()
            ),
            format!("{shown}:9: print.quota_pages: 999 is outside 0 to 200"),
        ]
    );
    assert_eq!(
        problems.to_string(),
        problems.lines().collect::<Vec<_>>().join("\n")
    );

    // A folder is not a root file either.
    std::fs::create_dir_all(&root).unwrap();
    let problems = check(&file).unwrap_err();
    assert!(problems.to_string().contains("is not a file"), "{problems}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_of_a_missing_file_says_so() {
    let problems = check(Path::new("/nonexistent/anlauf/site.toml")).unwrap_err();
    assert_eq!(problems.problems.len(), 1);
    assert!(
        problems
            .to_string()
            .starts_with("/nonexistent/anlauf/site.toml: cannot read the site file: "),
        "{problems}"
    );
}

#[test]
fn load_falls_back_to_defaults() {
    let parsed = load(Path::new("/nonexistent/anlauf/site.toml"));
    assert_eq!(parsed.site, Site::default());
    assert!(parsed.problems[0].message.contains("does not exist"));

    let dir = folder("garbage");
    let file = dir.join("site.toml");
    std::fs::write(&file, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let parsed = load(&file);
    assert_eq!(parsed.site, Site::default());
    assert!(parsed.problems[0].message.contains("cannot be read"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn problems_show_with_and_without_line_and_key() {
    let file = Path::new("site.toml");
    let problem = |key: Option<&str>, line| Problem {
        key: key.map(str::to_owned),
        line,
        message: "m".to_owned(),
    };
    assert_eq!(
        problem(Some("a.b"), Some(3)).in_file(file).to_string(),
        "site.toml:3: a.b: m"
    );
    assert_eq!(
        problem(Some("a.b"), None).in_file(file).to_string(),
        "site.toml: a.b: m"
    );
    assert_eq!(
        problem(None, Some(3)).in_file(file).to_string(),
        "site.toml:3: m"
    );
    assert_eq!(
        problem(None, None).in_file(file).to_string(),
        "site.toml: m"
    );
    assert_eq!(problem(Some("a.b"), Some(3)).to_string(), "line 3, a.b: m");
}

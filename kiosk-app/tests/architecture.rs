//! The shape of the crate: iced stays in the UI, and no text a visitor sees
//! is written in code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable source dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn iced_appears_only_in_the_ui_and_main() {
    let src = src();
    let mut offenders = Vec::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).expect("under src");
        if relative.starts_with("ui") || relative == Path::new("main.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable");
        let code: String = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        if code.contains("iced") {
            offenders.push(relative.display().to_string());
        }
    }
    assert!(
        offenders.is_empty(),
        "iced outside src/ui and src/main.rs: {offenders:?}"
    );
}

/// String literals of a Rust source with their line, outside comments,
/// attributes and the calls that start with one of `skip_calls` (up to
/// their opening parenthesis, as in `tracing::info!(`).
fn literals(source: &str, skip_calls: &[&str]) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    // Depth of parentheses inside a skipped macro; 0 when not in one.
    let mut skip_depth = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '#' && chars.get(i + 1) == Some(&'[') {
            // Skip an attribute up to its closing bracket.
            let mut depth = 0;
            while i < chars.len() {
                match chars[i] {
                    '[' => depth += 1,
                    ']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    '\n' => line += 1,
                    _ => {}
                }
                i += 1;
            }
            i += 1;
            continue;
        }
        if skip_depth == 0 {
            for call in skip_calls {
                let pattern: Vec<char> = call.chars().collect();
                if chars[i..].starts_with(&pattern) {
                    skip_depth = 1;
                    i += pattern.len();
                    break;
                }
            }
            if skip_depth > 0 {
                continue;
            }
        } else if c == '(' {
            skip_depth += 1;
        } else if c == ')' {
            skip_depth -= 1;
        }
        if c == '\'' {
            // A char literal or a lifetime: skip `'x'` and `'\x'` forms.
            if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            if chars.get(i + 1) == Some(&'\\') {
                while i < chars.len() && !(chars[i] == '\'' && chars[i - 1] != '\\' && i > 0) {
                    i += 1;
                }
                i += 1;
                continue;
            }
        }
        if c == '"' {
            let start_line = line;
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    // An escape (\n, \", ...) stands for one non-letter.
                    text.push(if chars[i + 1] == '"' { '"' } else { '\u{0}' });
                    i += 2;
                    continue;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                text.push(chars[i]);
                i += 1;
            }
            if skip_depth == 0 {
                out.push((start_line, text));
            }
        }
        i += 1;
    }
    out
}

/// Literals in UI code that are not shown to anyone, with the reason.
const NOT_SHOWN: &[(&str, &str)] = &[
    ("Noto Sans", "a font family name"),
    (
        "Noto",
        "the prefix of the font families the kiosk ships with",
    ),
    ("Anlauf", "the name of the iced theme, never drawn"),
    ("every label", "a test selector's description"),
    (
        "qqqxz",
        "a question that finds nothing, typed by the screenshot walk",
    ),
    ("form", "the file name of a filled form's PDF on the tmpfs"),
    ("wohngeld", "the demo form the screenshot walk opens"),
    ("given_name", "the field the screenshot walk types into"),
];

#[test]
fn no_visitor_facing_text_is_written_in_ui_code() {
    let reference = kiosk_app::i18n::source(kiosk_app::Language::German);
    let keys: Vec<String> = kiosk_app::i18n::message_ids(reference);
    let pictograms = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/pictograms");
    let ui = src().join("ui");
    let mut offenders = Vec::new();
    for file in rust_files(&ui) {
        if file
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name == "tests.rs" || name.ends_with("_tests.rs"))
        {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable");
        let skip = [
            "tracing::trace!(",
            "tracing::debug!(",
            "tracing::info!(",
            "tracing::warn!(",
            "tracing::error!(",
            "include_bytes!(",
            "concat!(",
            "debug_struct(",
            ".field(",
        ];
        for (line, literal) in literals(&text, &skip) {
            if !literal.chars().any(char::is_alphabetic)
                || keys.contains(&literal)
                || reference.contains(&format!("{{ ${literal}"))
                || pictograms.join(format!("{literal}.svg")).exists()
                || NOT_SHOWN.iter().any(|(allowed, _)| *allowed == literal)
            {
                continue;
            }
            offenders.push(format!(
                "{}:{line}: {literal:?}",
                file.strip_prefix(&ui).unwrap_or(&file).display()
            ));
        }
    }
    assert!(
        offenders.is_empty(),
        "text in UI code instead of the translation files:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_literal_scanner_finds_what_it_should() {
    let found = literals(
        "// \"comment\"\n#[doc = \"attr\"]\nfn f() { tracing::info!(\"log {}\", g(\"x\")); label(\"Hallo\"); let c = '\"'; }",
        &["tracing::info!("],
    );
    assert_eq!(found, [(3, "Hallo".to_owned())]);
}

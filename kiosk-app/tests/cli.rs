//! The kiosk binary's command line, and what it does with bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn kiosk() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kiosk-app"));
    command.env("RUST_LOG", "info").env_remove("ANLAUF_SITE");
    command
}

/// A folder for one test, removed when the test ends.
fn temp(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("anlauf-cli-{name}-"))
        .tempdir()
        .unwrap()
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (width, height)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_screenshot_is_a_png_of_the_asked_size() {
    let dir = temp("shot");
    let out = dir.path().join("home.png");
    let output = kiosk()
        .args([
            "--site",
            "/nonexistent/site.toml",
            "--screenshot",
            "home",
            "--lang",
            "ar",
            "--size",
            "1024x600",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(png_size(&out), (1024, 600));
    // A missing site file is a notice, not a failure.
    assert!(stderr(&output).contains("the file does not exist"));
}

#[test]
fn an_unknown_language_is_refused_with_the_list_of_shipped_ones() {
    let output = kiosk()
        .args(["--screenshot", "home", "--lang", "xx", "/tmp/x.png"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let text = stderr(&output);
    assert!(
        text.contains("unknown language code \"xx\"") && text.contains("de-x-ls"),
        "{text}"
    );
}

#[test]
fn bad_sizes_are_refused() {
    for size in ["10x10", "wide", "1366x", "99999x768"] {
        let output = kiosk()
            .args(["--screenshot", "home", "--size", size, "/tmp/x.png"])
            .output()
            .unwrap();
        assert!(!output.status.success(), "{size} accepted");
        assert!(
            stderr(&output).contains("--size"),
            "{size}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_broken_site_file_still_gives_a_kiosk_and_names_key_and_line() {
    let dir = temp("broken");
    let site = dir.path().join("site.toml");
    std::fs::write(
        &site,
        "[site]\nname = \"Treff\"\n[session]\nidle_seconds = -4\n[printer]\nquota = 3\n",
    )
    .unwrap();
    let out = dir.path().join("attract.png");
    let output = kiosk()
        .arg("--site")
        .arg(&site)
        .args(["--screenshot", "attract"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(text.contains("line 4, session.idle_seconds"), "{text}");
    assert!(
        text.contains("printer.quota") && text.contains("unknown setting"),
        "{text}"
    );
    assert_eq!(png_size(&out), (1366, 768));
}

/// Takes a screenshot of `screen` with the text renderer seeing only the
/// fonts in `fonts` (symlinks to these files), and returns its log.
fn screenshot_with_fonts(name: &str, screen: &str, fonts: &[&str]) -> String {
    let dir = temp(name);
    std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
    for font in fonts {
        let file = Path::new(font).file_name().unwrap();
        std::os::unix::fs::symlink(font, dir.path().join("fonts").join(file)).unwrap();
    }
    let conf = dir.path().join("fonts.conf");
    let config = format!(
        "<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir></fontconfig>\n",
        dir.path().join("fonts").display()
    );
    std::fs::write(&conf, config).unwrap();
    let out = dir.path().join("shot.png");
    let output = kiosk()
        .env("FONTCONFIG_FILE", &conf)
        .args(["--site", "/nonexistent", "--screenshot", screen])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(png_size(&out), (1366, 768));
    stderr(&output)
}

#[test]
fn a_missing_font_is_reported_and_its_languages_are_not_offered() {
    // Latin and Cyrillic only: Noto Sans without Noto Sans Arabic.
    let text = screenshot_with_fonts(
        "fonts",
        "language",
        &["/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"],
    );
    assert!(
        text.contains("no font covers a script") && text.contains("Arabic"),
        "{text}"
    );
    assert!(
        !text.contains("script=Latin") && !text.contains("script=Cyrillic"),
        "{text}"
    );
    assert!(
        text.contains("languages hidden for lack of a font") && text.contains("\"ar\", \"fa\""),
        "{text}"
    );
}

#[test]
fn no_font_at_all_still_runs() {
    // Test builds carry iced's built-in Fira Sans (Latin, Cyrillic); nothing
    // covers Arabic script.
    let text = screenshot_with_fonts("nofonts", "attract", &[]);
    assert!(
        text.contains("no font covers a script") && text.contains("Arabic"),
        "{text}"
    );
}

#[test]
fn the_site_reference_parses_cleanly() {
    let output = kiosk().arg("--print-site-reference").output().unwrap();
    assert!(output.status.success());
    let reference = String::from_utf8(output.stdout).unwrap();
    assert!(kiosk_app::config::parse(&reference).problems.is_empty());
}

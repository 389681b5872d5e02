//! The two modes over the same file, the rules between settings, and the
//! table against the parser.

use super::*;

#[test]
fn the_reference_is_the_default_site_in_both_modes() {
    let reference = schema::reference();
    let parsed = parse(&reference);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.site, Site::default());
    assert_eq!(parse_strict(&reference), Ok(Site::default()));
    assert_eq!(
        parse(""),
        Parsed {
            site: Site::default(),
            problems: Vec::new()
        }
    );
}

#[test]
fn every_setting_is_read_and_its_default_is_good() {
    for setting in schema::SETTINGS {
        let text = format!(
            "[{}]\n{} = {}\n",
            setting.section, setting.key, setting.default
        );
        assert_eq!(
            parse_strict(&text),
            Ok(Site::default()),
            "{}",
            setting.path()
        );
    }
}

#[test]
fn the_reference_names_every_setting_with_its_help() {
    let reference = schema::reference();
    for setting in schema::SETTINGS {
        assert!(
            reference.contains(&format!("[{}]", setting.section)),
            "{}",
            setting.path()
        );
        let first_words: String = setting
            .help
            .split(' ')
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(reference.contains(&first_words), "{}", setting.path());
    }
    assert!(reference.contains("# [[wifi.network]]"));
    assert!(
        reference
            .lines()
            .all(|line| line.chars().count() <= 80 || !line.starts_with('#'))
    );
}

const MIXED: &str = "\
[site]
name = \"Treff\"
addres = \"Hauptstraße 1\"

[print]
quota_pages = 500

[ssh]
enabled = true

[display]
rotation = 90
";

#[test]
fn lenient_keeps_the_good_values_and_says_what_it_uses_instead() {
    let parsed = parse(MIXED);
    assert_eq!(parsed.site.name, "Treff");
    assert_eq!(parsed.site.display.rotation, 90);
    assert_eq!(parsed.site.print.quota_pages, 10);
    assert!(!parsed.site.ssh.enabled);
    let shown: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "line 6, print.quota_pages: 500 is outside 0 to 200; using the default 10",
            "line 3, site.addres: unknown setting (did you mean site.address?); ignored",
            "line 9, ssh.authorized_keys: ssh.enabled is true but no key is given (key-only login needs at least one); SSH stays off",
        ]
    );
}

#[test]
fn strict_refuses_with_every_problem_in_line_order() {
    assert_eq!(
        strict(MIXED),
        [
            "site.toml:3: site.addres: unknown setting (did you mean site.address?)",
            "site.toml:6: print.quota_pages: 500 is outside 0 to 200",
            "site.toml:9: ssh.authorized_keys: ssh.enabled is true but no key is given (key-only login needs at least one)",
        ]
    );
}

#[test]
fn unknown_keys_sections_and_top_level_values() {
    let text = "name = \"Treff\"\n\n[session]\nidle_secs = 30\n\n[printer]\nquota = 5\n\n[content]\nwindow = \"01:00-02:00\"\n";
    assert_eq!(
        strict(text),
        [
            "site.toml:1: name: expected a [section] table",
            "site.toml:4: session.idle_secs: unknown setting (did you mean session.idle_seconds?)",
            "site.toml:7: printer.quota: unknown setting",
            "site.toml:10: content.window: unknown setting (did you mean update.window?)",
        ]
    );
    let lenient = parse(text);
    assert!(
        lenient
            .problems
            .iter()
            .all(|p| p.message.ends_with("; ignored"))
    );
}

#[test]
fn syntax_errors_have_their_line_in_both_modes() {
    let text = "[site]\nname = \"Treff\"\n\n[session\nidle_seconds = 30\n";
    let problems = parse_strict(text).unwrap_err();
    assert_eq!(problems[0].line, Some(4), "{problems:?}");
    assert!(
        problems[0].message.starts_with("not valid TOML: "),
        "{problems:?}"
    );
    let lenient = parse(text);
    assert_eq!(lenient.site, Site::default());
    assert_eq!(lenient.problems[0].line, Some(4));
    assert!(
        lenient.problems[0]
            .message
            .ends_with("; every setting uses its default")
    );

    let unclosed = "[site]\nname = \"Treff\n";
    assert_eq!(parse_strict(unclosed).unwrap_err()[0].line, Some(2));
    let twice = "[site]\nname = \"a\"\nname = \"b\"\n";
    assert_eq!(parse_strict(twice).unwrap_err()[0].line, Some(3));
}

#[test]
fn default_language_must_be_enabled() {
    let text = "[languages]\nenabled = [\"en\", \"tr\"]\ndefault = \"de\"\n";
    assert_eq!(
        strict(text),
        ["site.toml:3: languages.default: de is not one of languages.enabled"]
    );
    let parsed = parse(text);
    assert_eq!(parsed.site.languages.default, "en");
    assert!(
        parsed.problems[0]
            .message
            .ends_with("; sessions start in en instead")
    );
}

#[test]
fn ssh_enabled_needs_a_key() {
    let text = "[ssh]\nenabled = true\nauthorized_keys = []\n";
    assert_eq!(
        strict(text),
        [
            "site.toml:3: ssh.authorized_keys: ssh.enabled is true but no key is given (key-only login needs at least one)"
        ]
    );
    let good = format!("[ssh]\nenabled = true\nauthorized_keys = [\"{ED25519}\"]\n");
    let site = parse_strict(&good).unwrap();
    assert!(site.ssh.enabled);
    assert_eq!(site.ssh.authorized_keys, [ED25519]);
    // A bad key leaves the list empty in lenient mode, and SSH off.
    let bad = "[ssh]\nenabled = true\nauthorized_keys = [\"ssh-ed25519\"]\n";
    let parsed = parse(bad);
    assert!(!parsed.site.ssh.enabled);
    assert_eq!(parsed.problems.len(), 2, "{:?}", parsed.problems);
}

#[test]
fn content_url_needs_a_trusted_root() {
    let text = "[content]\nurl = \"https://content.example.org/leipzig/\"\n";
    assert_eq!(
        strict(text),
        [
            "site.toml:2: content.trusted_root: content.url is set but no trusted root is given (the devices check the content's signatures against it)"
        ]
    );
    let parsed = parse(text);
    assert_eq!(parsed.site.content.url, None);
    let with_root = format!("{text}trusted_root = \"content-root.json\"\n");
    let site = parse_strict(&with_root).unwrap();
    assert_eq!(
        site.content.url.as_deref(),
        Some("https://content.example.org/leipzig/")
    );
    assert_eq!(
        site.content.trusted_root,
        Some(std::path::PathBuf::from("content-root.json"))
    );
}

#[test]
fn hostname_is_set_or_made_from_the_name() {
    let named = |name: &str| {
        parse_strict(&format!("[site]\nname = \"{name}\"\n"))
            .unwrap()
            .hostname()
    };
    assert_eq!(
        named("Tagestreff am Bahnhof"),
        "anlauf-tagestreff-am-bahnhof"
    );
    assert_eq!(
        named("Café Süd – Straßenhilfe"),
        "anlauf-caf-sued-strassenhilfe"
    );
    assert_eq!(named("  Treff   3  "), "anlauf-treff-3");
    assert_eq!(named("مركز"), "anlauf");
    let long = named(&"Notunterkunft ".repeat(8));
    assert!(long.len() <= 63 && !long.ends_with('-'), "{long}");
    assert!(rules::hostname(&long).is_ok());
    let set = parse_strict("[site]\nname = \"Treff\"\n[system]\nhostname = \"kiosk-7\"\n").unwrap();
    assert_eq!(set.hostname(), "kiosk-7");
}

#[test]
fn update_window_is_typed() {
    let site = parse_strict("[update]\nwindow = \"22:30-01:00\"\n").unwrap();
    let window = site.update.window;
    assert_eq!(
        window.start,
        TimeOfDay {
            hour: 22,
            minute: 30
        }
    );
    assert_eq!(window.minutes(), 150);
    assert_eq!(window.to_string(), "22:30-01:00");
    assert_eq!(Site::default().update.window.minutes(), 180);
}

#[test]
fn a_full_site_is_read_into_every_field() {
    let text = format!(
        "[site]
name = \"Tagestreff Ost\"
address = \"Eisenbahnstraße 66, 04315 Leipzig\"
latitude = 51.3455
longitude = 12.4060

[languages]
enabled = [\"de\", \"ar\", \"uk\"]
default = \"ar\"

[display]
dpi = 110
rotation = 180

[print]
quota_pages = 20
slip_paper = \"receipt\"

[system]
timezone = \"Europe/Berlin\"
hostname = \"treff-ost-1\"

[update]
url = \"https://updates.example.org/anlauf\"
window = \"01:00-04:30\"

[ssh]
enabled = true
authorized_keys = [\"{ED25519}\"]

[image]
mirror = \"https://ftp.de.debian.org/debian\"
snapshot = \"20261201T000000Z\"
size_mb = 8192
"
    );
    let site = parse_strict(&text).unwrap();
    assert_eq!(site.address, "Eisenbahnstraße 66, 04315 Leipzig");
    assert_eq!(site.languages.enabled, ["de", "ar", "uk"]);
    assert_eq!(site.languages.default, "ar");
    assert_eq!(site.display.rotation, 180);
    assert_eq!(site.print.quota_pages, 20);
    assert_eq!(site.print.slip_paper, section::SlipPaper::Receipt);
    assert_eq!(site.hostname(), "treff-ost-1");
    assert_eq!(
        site.update.url.as_deref(),
        Some("https://updates.example.org/anlauf")
    );
    assert_eq!(site.image.mirror, "https://ftp.de.debian.org/debian");
    assert_eq!(site.image.snapshot.as_deref(), Some("20261201T000000Z"));
    assert_eq!(site.image.size_mb, 8192);
    assert!(site.ssh.enabled);
}

use super::*;

#[test]
fn empty_file_gives_defaults_without_problems() {
    let parsed = parse("");
    assert_eq!(parsed.config, SiteConfig::default());
    assert!(parsed.problems.is_empty());
}

#[test]
fn reference_file_parses_to_defaults() {
    let parsed = parse(&schema::reference());
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.config, SiteConfig::default());
}

#[test]
fn every_setting_is_read_by_the_parser() {
    // A row in the table that `apply` forgets would report itself as unread.
    for setting in schema::SETTINGS {
        let text = format!(
            "[{}]\n{} = {}\n",
            setting.section, setting.key, setting.default
        );
        let parsed = parse(&text);
        assert!(
            parsed.problems.is_empty(),
            "{}: {:?}",
            setting.path(),
            parsed.problems
        );
    }
}

#[test]
fn full_file_is_read() {
    let parsed = parse(
        r#"
[site]
name = "Tagestreff Mitte"

[languages]
enabled = ["de", "ar", "uk"]
default = "ar"

[session]
idle_seconds = 90
countdown_seconds = 20

[display]
dpi = 120.5
"#,
    );
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let config = parsed.config;
    assert_eq!(config.site_name, "Tagestreff Mitte");
    assert_eq!(
        config.languages,
        [Language::German, Language::Arabic, Language::Ukrainian]
    );
    assert_eq!(config.default_language, Language::Arabic);
    assert_eq!(config.idle, Duration::from_secs(90));
    assert_eq!(config.countdown, Duration::from_secs(20));
    assert!((config.dpi - 120.5).abs() < f32::EPSILON);
}

#[test]
fn bad_value_names_key_and_line_and_keeps_the_rest() {
    let parsed = parse(
        "[site]\nname = \"Treff\"\n\n[session]\nidle_seconds = \"soon\"\ncountdown_seconds = 10\n",
    );
    assert_eq!(parsed.config.site_name, "Treff");
    assert_eq!(parsed.config.countdown, Duration::from_secs(10));
    assert_eq!(parsed.config.idle, SiteConfig::default().idle);
    assert_eq!(parsed.problems.len(), 1);
    let problem = &parsed.problems[0];
    assert_eq!(problem.key.as_deref(), Some("session.idle_seconds"));
    assert_eq!(problem.line, Some(5));
    assert_eq!(
        problem.to_string(),
        "line 5, session.idle_seconds: expected a whole number from 15 to 3600; using the default 120"
    );
}

#[test]
fn out_of_range_number_is_refused() {
    let parsed = parse("[session]\nidle_seconds = 2\n");
    assert_eq!(parsed.config.idle, SiteConfig::default().idle);
    assert!(
        parsed.problems[0]
            .message
            .contains("2 is outside 15 to 3600")
    );
}

#[test]
fn unknown_key_and_section_are_reported() {
    let parsed = parse("[session]\nidle_secs = 30\n\n[printer]\nquota = 5\n");
    let keys: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| p.key.clone().unwrap_or_default())
        .collect();
    assert_eq!(keys, ["printer.quota", "session.idle_secs"]);
    assert_eq!(parsed.problems[1].line, Some(2));
    assert!(parsed.problems[1].message.contains("unknown setting"));
}

#[test]
fn unknown_language_code_is_named() {
    let parsed = parse("[languages]\nenabled = [\"de\", \"xx\"]\n");
    assert_eq!(parsed.config.languages, SiteConfig::default().languages);
    let problem = &parsed.problems[0];
    assert_eq!(problem.key.as_deref(), Some("languages.enabled"));
    assert!(
        problem.message.contains("unknown language code \"xx\""),
        "{problem}"
    );
}

#[test]
fn default_language_must_be_enabled() {
    let parsed = parse("[languages]\nenabled = [\"en\", \"tr\"]\ndefault = \"de\"\n");
    assert_eq!(parsed.config.default_language, Language::English);
    assert_eq!(parsed.problems.len(), 1);
    assert!(parsed.problems[0].message.contains("sessions start in en"));
}

#[test]
fn syntax_error_gives_line_and_defaults() {
    let parsed = parse("[site]\nname = \"Treff\"\n[session\nidle_seconds = 30\n");
    assert_eq!(parsed.config, SiteConfig::default());
    assert_eq!(parsed.problems[0].line, Some(3), "{:?}", parsed.problems);
    assert!(parsed.problems[0].message.contains("not valid TOML"));
}

#[test]
fn value_outside_a_section_is_reported() {
    let parsed = parse("name = \"Treff\"\n");
    assert_eq!(parsed.problems[0].key.as_deref(), Some("name"));
    assert_eq!(parsed.problems[0].line, Some(1));
}

#[test]
fn missing_file_is_a_problem_not_a_crash() {
    let loaded = load(Path::new("/nonexistent/anlauf/site.toml"));
    assert_eq!(loaded.parsed.config, SiteConfig::default());
    assert!(loaded.parsed.problems[0].message.contains("does not exist"));
}

#[test]
fn binary_garbage_is_a_problem_not_a_crash() {
    let dir = std::env::temp_dir().join(format!("anlauf-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("site.toml");
    std::fs::write(&file, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let loaded = load(&file);
    assert_eq!(loaded.parsed.config, SiteConfig::default());
    assert!(loaded.parsed.problems[0].message.contains("cannot be read"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_example_site_file_is_clean() {
    let parsed = parse(include_str!("../../examples/site.toml"));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.config.site_name, "Tagestreff am Bahnhof");
}

#[test]
fn the_site_crates_language_tags_are_the_kiosks_languages() {
    let kiosk: Vec<&str> = Language::ALL
        .iter()
        .map(|language| language.tag())
        .collect();
    assert_eq!(kiosk, anlauf_site::schema::LANGUAGE_TAGS);
    for tag in anlauf_site::schema::LANGUAGE_TAGS {
        assert_eq!(language(tag).map(Language::tag), Some(tag));
    }
}

#[test]
fn the_image_builders_example_is_clean_for_the_kiosk_too() {
    // Wi-Fi, SSH, updates and the image are not the kiosk's settings, but
    // they are not unknown to it either.
    let parsed = parse(include_str!("../../../image-builder/examples/site.toml"));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.config.site_name, "Tagestreff Leipzig-Ost");
    assert_eq!(parsed.config.languages.len(), Language::ALL.len());
    assert!((parsed.config.dpi - 141.0).abs() < f32::EPSILON);
}

#[test]
fn a_bad_image_setting_is_reported_and_the_kiosk_runs_on() {
    let parsed = parse("[site]\nname = \"Treff\"\n\n[ssh]\nenabled = true\n");
    assert_eq!(parsed.config.site_name, "Treff");
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(
        parsed.problems[0].to_string(),
        "line 5, ssh.authorized_keys: ssh.enabled is true but no key is given (key-only login needs at least one); SSH stays off"
    );
}

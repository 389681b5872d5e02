//! Every shipped language has every visitor-facing message of the German
//! reference, with the same placeables, and parses cleanly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use kiosk_app::i18n::{self, Catalog};
use kiosk_app::language::Language;

fn placeables(source: &str, id: &str) -> BTreeSet<String> {
    // The message's text runs from its id to the next line that starts at
    // column 0 (Fluent continues values on indented lines).
    let mut text = String::new();
    let mut inside = false;
    for line in source.lines() {
        if line.starts_with(&format!("{id} =")) {
            inside = true;
            text.push_str(line);
            continue;
        }
        if inside {
            if line.starts_with(' ') {
                text.push_str(line);
            } else {
                break;
            }
        }
    }
    let mut found = BTreeSet::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find('$') {
        let name: String = rest[start + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        found.insert(name);
        rest = &rest[start + 1..];
    }
    found
}

#[test]
fn every_file_parses_without_errors() {
    if let Err(errors) = Catalog::builtin() {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("translation errors:\n{}", list.join("\n"));
    }
}

#[test]
fn every_language_has_exactly_the_reference_keys() {
    let reference = i18n::message_ids(i18n::source(Language::German));
    assert!(
        reference.len() > 50,
        "the reference has {} messages",
        reference.len()
    );
    let mut problems = Vec::new();
    for language in Language::ALL {
        let ids = i18n::message_ids(i18n::source(language));
        let have: BTreeSet<&String> = ids.iter().collect();
        let want: BTreeSet<&String> = reference.iter().collect();
        for missing in want.difference(&have) {
            problems.push(format!("{language}: missing {missing}"));
        }
        for extra in have.difference(&want) {
            problems.push(format!("{language}: unknown {extra}"));
        }
        if ids.len() != have.len() {
            problems.push(format!("{language}: a message is defined twice"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn placeables_match_the_reference() {
    let german = i18n::source(Language::German);
    let mut problems = Vec::new();
    for id in i18n::message_ids(german) {
        let want = placeables(german, &id);
        for language in Language::ALL {
            let have = placeables(i18n::source(language), &id);
            if have != want {
                problems.push(format!(
                    "{language} {id}: has {have:?}, German has {want:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_translation_is_an_untranslated_copy_of_english() {
    // Short technical labels may be the same everywhere; sentences may not.
    let english = Catalog::builtin().expect("parses");
    let ids = i18n::message_ids(i18n::source(Language::German));
    let mut problems = Vec::new();
    for language in Language::ALL {
        if language == Language::English {
            continue;
        }
        for id in &ids {
            let en = english.text(Language::English, id);
            let here = english.text(language, id);
            if en.split_whitespace().count() >= 3 && en == here {
                problems.push(format!("{language} {id}: still English"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn each_language_names_itself_in_its_own_script() {
    let catalog = Catalog::builtin().expect("parses");
    for language in Language::ALL {
        let own = catalog.text(language, language.name_key());
        assert!(!own.is_empty());
        let script_ok = match language.script() {
            kiosk_app::language::Script::Arabic => {
                own.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
            }
            kiosk_app::language::Script::Cyrillic => {
                own.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
            }
            kiosk_app::language::Script::Latin => {
                own.chars().all(|c| !('\u{0400}'..='\u{06FF}').contains(&c))
            }
        };
        assert!(script_ok, "{language} names itself {own:?}");
    }
}

#[test]
fn plural_messages_format_in_every_language() {
    let catalog = Catalog::builtin().expect("parses");
    for language in Language::ALL {
        for count in [0.0, 1.0, 2.0, 3.0, 5.0, 11.0, 21.0, 100.0] {
            let text = catalog.text_with(
                language,
                "help-results",
                &[("count", i18n::Arg::Number(count))],
            );
            assert!(
                !text.contains("help-results") && !text.is_empty(),
                "{language} {count}: {text}"
            );
            let seconds = catalog.text_with(
                language,
                "countdown-text",
                &[("seconds", i18n::Arg::Number(count))],
            );
            assert!(
                !seconds.is_empty() && !seconds.contains("{"),
                "{language} {count}: {seconds}"
            );
        }
    }
}

//! Headless tests of guided forms: a form chosen by touch, answers typed on
//! the on-screen keyboard, a missing answer explained, Back, the summary,
//! the PDF, German for a moment, once-only data in the next form, and a
//! canary typed into a form that is gone after the session.

use content_sync::forms::FormDef;
use kiosk_app::forms::{Slot, WizardStep};
use kiosk_app::language::Language;

use super::screen::{Screen, form};
use super::tests::{WIDE, bounds_of, kiosk, t, tap, tap_key};
use super::{Kiosk, Message};

/// A kiosk in `language` on the forms list.
pub(super) fn forms(language: Language) -> Kiosk {
    let mut kiosk = kiosk();
    kiosk.ctx.clock = Some("2026-11-25T15:00[Europe/Berlin]".parse().unwrap());
    tap_key(&mut kiosk, WIDE, "attract-touch");
    kiosk.apply(Message::Language(super::screen::language::Message::Choose(
        language,
    )));
    tap_key(&mut kiosk, WIDE, "tile-forms");
    kiosk
}

pub(super) fn title(kiosk: &Kiosk, id: &str) -> String {
    let Screen::Forms(state) = kiosk.screen() else {
        panic!("not the forms list: {:?}", kiosk.screen());
    };
    let form = state
        .forms
        .iter()
        .find(|f| f.id == id)
        .expect("the demo form");
    FormDef::text(&form.title, kiosk.session().language.tag()).to_owned()
}

pub(super) fn open(kiosk: &mut Kiosk, id: &str) {
    let name = title(kiosk, id);
    tap(kiosk, WIDE, &name);
    assert!(
        matches!(kiosk.screen(), Screen::Form(_)),
        "{:?}",
        kiosk.screen()
    );
}

/// Opens a text field and types `text` key by key on the on-screen keyboard.
fn type_into(kiosk: &mut Kiosk, field: &str, text: &str) {
    kiosk.apply(Message::Form(form::Message::Edit(Slot::top(field))));
    for c in text.chars() {
        tap(kiosk, WIDE, &c.to_string());
    }
    tap_key(kiosk, WIDE, "osk-done");
}

fn answer(kiosk: &Kiosk, field: &str) -> String {
    kiosk
        .session()
        .form
        .as_ref()
        .unwrap()
        .answer(&Slot::top(field))
        .to_owned()
}

fn at(kiosk: &Kiosk) -> WizardStep {
    kiosk.session().form.as_ref().unwrap().at()
}

/// A string of letters no file or memory holds by chance.
pub(super) fn canary() -> String {
    let seed = std::process::id() as u64 ^ jiff::Timestamp::now().as_nanosecond() as u64;
    let letters: String = (0..10)
        .map(|i| char::from(b'a' + ((seed >> (i * 5)) % 26) as u8))
        .collect();
    format!("qx{letters}")
}

/// Whether any file under `dir` holds `needle`. Stays on `dir`'s file
/// system (like `find -xdev`): another test's chroot under /tmp may have
/// /proc or /dev mounted, where reading can block for ever. Files over
/// 64 MiB are passed over.
pub(super) fn found_in_files(dir: &std::path::Path, needle: &[u8]) -> Vec<std::path::PathBuf> {
    use std::os::unix::fs::MetadataExt as _;
    let device = std::fs::metadata(dir).map(|m| m.dev()).ok();
    found_on_device(dir, needle, device)
}

fn found_on_device(
    dir: &std::path::Path,
    needle: &[u8],
    device: Option<u64>,
) -> Vec<std::path::PathBuf> {
    use std::os::unix::fs::MetadataExt as _;
    let mut hits = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return hits;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        // Other file systems, and files far larger than anything the kiosk
        // writes (other tests' disk images under /tmp), are not read.
        if Some(metadata.dev()) != device || (kind.is_file() && metadata.len() > 64 << 20) {
            continue;
        }
        if kind.is_dir() {
            hits.extend(found_on_device(&path, needle, device));
        } else if kind.is_file()
            && let Ok(bytes) = std::fs::read(&path)
            && bytes.windows(needle.len()).any(|w| w == needle)
        {
            hits.push(path);
        }
    }
    hits
}

#[test]
fn a_german_form_is_filled_by_touch_printed_and_forgotten_with_the_session() {
    let mut kiosk = forms(Language::German);
    let dir = tempfile::tempdir().unwrap();
    kiosk.ctx.slip_dir = dir.path().join("slips");
    open(&mut kiosk, "postadresse");
    bounds_of(&kiosk, WIDE, &t(&kiosk, "form-next"));
    // Next with nothing typed: the step stays and says why.
    tap_key(&mut kiosk, WIDE, "form-next");
    assert_eq!(at(&kiosk), WizardStep::Step(0));
    bounds_of(&kiosk, WIDE, &t(&kiosk, "form-required"));
    let secret = canary();
    type_into(&mut kiosk, "given_name", &secret);
    assert_eq!(answer(&kiosk, "given_name"), secret);
    type_into(&mut kiosk, "family_name", "musterfrau");
    // A date of birth on the number pad, first impossible, then right.
    type_into(&mut kiosk, "birth_date", "31.02.1990");
    // Below the fold on a wide screen: the message is there and read aloud.
    assert!(
        kiosk
            .speech_text()
            .contains(&t(&kiosk, "form-invalid-date"))
    );
    kiosk.apply(Message::Form(form::Message::Edit(Slot::top("birth_date"))));
    for _ in 0..10 {
        kiosk.apply(Message::Form(form::Message::Key(
            kiosk_app::keyboard::Key::Backspace,
        )));
    }
    tap_key(&mut kiosk, WIDE, "osk-done");
    type_into(&mut kiosk, "birth_date", "24.12.1980");
    assert_eq!(answer(&kiosk, "birth_date"), "1980-12-24");
    tap_key(&mut kiosk, WIDE, "form-next");
    assert_eq!(at(&kiosk), WizardStep::Step(1));
    // Back keeps the answers.
    tap_key(&mut kiosk, WIDE, "form-back");
    assert_eq!(at(&kiosk), WizardStep::Step(0));
    assert_eq!(answer(&kiosk, "given_name"), secret);
    tap_key(&mut kiosk, WIDE, "form-next");
    // The rest by touch on the choices, until the summary.
    let mut guard = 0;
    while at(&kiosk) != WizardStep::Summary {
        guard += 1;
        assert!(guard < 10, "the summary is not reached");
        let wizard = kiosk.session().form.as_ref().unwrap();
        let choices: Vec<String> = wizard
            .shown()
            .iter()
            .filter_map(|shown| match shown {
                kiosk_app::forms::Shown::Field { slot, field } if field.required.is_some() => {
                    wizard
                        .choices(slot)
                        .first()
                        .map(|c| FormDef::text(&c.label, "de").to_owned())
                }
                _ => None,
            })
            .collect();
        for choice in choices {
            tap(&mut kiosk, WIDE, &choice);
        }
        tap_key(&mut kiosk, WIDE, "form-next");
    }
    bounds_of(&kiosk, WIDE, &t(&kiosk, "form-summary"));
    bounds_of(&kiosk, WIDE, &format!("Vorname: {secret}"));
    assert!(
        kiosk.speech_text().contains(&secret),
        "the summary is read aloud"
    );
    let task = kiosk.update(Message::Form(form::Message::Print));
    let messages = super::tests::run_task(task);
    let [Message::FormPrinted(Ok(path))] = messages.as_slice() else {
        panic!("{messages:?}");
    };
    let pdf = std::fs::read(path).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    kiosk.apply(messages[0].clone());
    bounds_of(&kiosk, WIDE, &t(&kiosk, "form-printed"));

    // The session ends: the PDF, the answers and the profile are gone, and
    // no file the kiosk could write holds the name.
    kiosk.apply(Message::Bar(super::topbar::Action::EndSession));
    tap_key(&mut kiosk, WIDE, "confirm-end-yes");
    assert!(kiosk.ended());
    assert!(!kiosk.ctx.slip_dir.exists());
    assert!(kiosk.session().form.is_none());
    assert!(kiosk.session().profile.is_empty());
    let mut places = vec![dir.path().to_owned(), std::env::temp_dir()];
    places.extend(
        std::env::var_os("HOME")
            .map(std::path::PathBuf::from)
            .filter(|h| h.join(".cache").exists())
            .map(|h| h.join(".cache")),
    );
    places.extend(std::env::var_os("XDG_RUNTIME_DIR").map(std::path::PathBuf::from));
    for place in places {
        let hits = found_in_files(&place, secret.as_bytes());
        assert!(hits.is_empty(), "the canary is on disk: {hits:?}");
    }
}

#[test]
fn in_arabic_the_form_can_show_german_for_a_moment_and_offers_what_was_typed_before() {
    let mut kiosk = forms(Language::Arabic);
    open(&mut kiosk, "postadresse");
    let arabic_heading = FormDef::text(
        &kiosk.session().form.as_ref().unwrap().form().steps[0].label,
        "ar",
    )
    .to_owned();
    bounds_of(&kiosk, WIDE, &arabic_heading);
    // The social worker's switch: the same step in German, and back.
    tap_key(&mut kiosk, WIDE, "form-german");
    let german = kiosk
        .ctx
        .catalog
        .text(Language::German, "form-own-language");
    bounds_of(&kiosk, WIDE, "Angaben zu Ihrer Person");
    tap(&mut kiosk, WIDE, &german);
    bounds_of(&kiosk, WIDE, &arabic_heading);
    // A name typed in Arabic script on the Arabic keyboard.
    type_into(&mut kiosk, "given_name", "سامي");
    assert_eq!(answer(&kiosk, "given_name"), "سامي");
    type_into(&mut kiosk, "family_name", "علي");
    type_into(&mut kiosk, "birth_date", "1.2.1990");
    tap_key(&mut kiosk, WIDE, "form-next");
    assert_eq!(at(&kiosk), WizardStep::Step(1));
    // Another form of the same session offers the name; it is not filled
    // in until the visitor takes it.
    kiosk.apply(Message::Bar(super::topbar::Action::Back));
    assert!(matches!(kiosk.screen(), Screen::Forms(_)));
    open(&mut kiosk, "wohngeld");
    assert_eq!(answer(&kiosk, "given_name"), "");
    let offer = format!(
        "{} · {}",
        kiosk.ctx.catalog.text_with(
            Language::Arabic,
            "form-offer",
            &[("value", kiosk_app::i18n::Arg::Text("سامي".into()))]
        ),
        t(&kiosk, "form-offer-use")
    );
    tap(&mut kiosk, WIDE, &offer);
    assert_eq!(answer(&kiosk, "given_name"), "سامي");
    // One form is open at a time: the first one starts again fresh, with
    // the name offered.
    kiosk.apply(Message::Bar(super::topbar::Action::Back));
    open(&mut kiosk, "postadresse");
    assert_eq!(answer(&kiosk, "given_name"), "");
    bounds_of(&kiosk, WIDE, &offer);
}

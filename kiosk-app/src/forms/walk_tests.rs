//! Every demo form walked through every branch of its `relevant`
//! conditions, in German and Arabic, ending in a PDF whose text holds the
//! answers.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use content_sync::forms::model::{FormDef, Item, Kind};

use super::*;
use crate::i18n::Catalog;
use crate::language::Language;
use crate::slip::{Fonts, pdf_text};

const FONTS: &str = "/usr/share/fonts/truetype/noto";

fn demo_forms() -> Vec<Arc<FormDef>> {
    content_sync::demo::files()
        .iter()
        .filter(|(path, _)| path.starts_with("forms/") && path.ends_with(".json"))
        .map(|(_, bytes)| Arc::new(serde_json::from_slice(bytes).unwrap()))
        .collect()
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 30)
}

/// Fills every step of `form` and returns the finished wizard.
fn walk(form: &Arc<FormDef>, variant: usize) -> Wizard {
    let mut wizard = Wizard::new(Arc::clone(form), today());
    let mut moves = 0;
    while wizard.at() != WizardStep::Summary {
        moves += 1;
        assert!(
            moves < 50,
            "{}: the wizard does not reach its summary",
            form.id
        );
        sample::fill_step(&mut wizard, variant);
        let at = wizard.at();
        assert!(
            wizard.forward(),
            "{} variant {variant}: step {at:?} refused: {:?}",
            form.id,
            wizard
                .shown()
                .iter()
                .filter_map(|s| match s {
                    Shown::Field { slot, .. } =>
                        wizard.error(slot).map(|e| (slot.clone(), e.clone())),
                    _ => None,
                })
                .collect::<Vec<_>>()
        );
    }
    wizard
}

/// The names of the questions, notes and repeats that apply at the end.
fn applying(wizard: &Wizard) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for step in wizard.visible_steps() {
        names.insert(wizard.form().steps[step].name.clone());
        for shown in wizard.shown_in(step) {
            match shown {
                Shown::Field { field, .. } => names.insert(field.name.clone()),
                Shown::Entry { repeat, .. } | Shown::AddEntry { repeat } => {
                    names.insert(repeat.name.clone())
                }
            };
        }
    }
    names
}

/// Everything with a condition: steps, questions, repeats.
fn conditional(form: &FormDef) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for step in &form.steps {
        if step.relevant.is_some() {
            names.insert(step.name.clone());
        }
        for item in &step.items {
            match item {
                Item::Field(field)
                    if !field.relevant.is_empty() && field.kind != Kind::Calculate =>
                {
                    names.insert(field.name.clone());
                }
                Item::Repeat(repeat) => {
                    if !repeat.relevant.is_empty() {
                        names.insert(repeat.name.clone());
                    }
                    for field in &repeat.fields {
                        if !field.relevant.is_empty() {
                            names.insert(field.name.clone());
                        }
                    }
                }
                Item::Field(_) => {}
            }
        }
    }
    names
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_demo_form_is_walked_through_every_branch_to_a_printed_pdf() {
    let forms = demo_forms();
    assert_eq!(forms.len(), 3);
    let catalog = Catalog::builtin().unwrap();
    let fonts = Fonts::load(Path::new(FONTS));
    for form in &forms {
        let conditional = conditional(form);
        assert!(!conditional.is_empty(), "{} has branches", form.id);
        let mut shown = BTreeSet::new();
        let mut hidden = BTreeSet::new();
        let mut first = None;
        for variant in 0..8 {
            let wizard = walk(form, variant);
            let applying = applying(&wizard);
            for name in &conditional {
                if applying.contains(name) {
                    shown.insert(name.clone());
                } else {
                    hidden.insert(name.clone());
                }
            }
            first.get_or_insert(wizard);
        }
        let never_shown: Vec<_> = conditional.difference(&shown).collect();
        let never_hidden: Vec<_> = conditional.difference(&hidden).collect();
        assert!(
            never_shown.is_empty(),
            "{}: never shown: {never_shown:?}",
            form.id
        );
        assert!(
            never_hidden.is_empty(),
            "{}: never hidden: {never_hidden:?}",
            form.id
        );

        // The walk that showed the most ends in a PDF in German and in Arabic.
        let wizard = first.unwrap();
        for language in [Language::German, Language::Arabic] {
            let pdf = form_pdf(&wizard, language, &catalog, &fonts).unwrap();
            assert!(pdf.pdf.starts_with(b"%PDF"));
            let text = squeeze(&pdf_text(&pdf.pdf));
            assert!(
                text.contains(&squeeze(FormDef::text(&form.title, "de"))),
                "{}: title",
                form.id
            );
            let lines = wizard.summary(language.tag());
            assert!(lines.len() >= 8, "{}: {} answers", form.id, lines.len());
            for line in &lines {
                assert!(
                    text.contains(&squeeze(&line.answer_de)),
                    "{} in {language:?}: answer {:?} of {} not in the PDF",
                    form.id,
                    line.answer_de,
                    line.label_de
                );
            }
            assert!(text.contains(&squeeze(
                &catalog.text(Language::German, "form-pdf-signature")
            )));
            // The federal field catalogue's ids beside the fields that have
            // one (every demo form links the given and family name).
            for fim in ["F60000228", "F60000227"] {
                assert!(text.contains(fim), "{}: FIM id {fim} not named", form.id);
            }
            assert!(text.contains(&squeeze(&catalog.text(Language::German, "form-pdf-fim"))));
            if language == Language::Arabic {
                assert!(
                    text.contains("التوقيع"),
                    "the Arabic gloss beside the German labels"
                );
            }
        }
    }
}

fn field_values(pdf: &[u8]) -> std::collections::BTreeMap<String, String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut values = std::collections::BTreeMap::new();
    for (_, object) in doc.objects.iter() {
        let Ok(dict) = object.as_dict() else { continue };
        let (Ok(name), Ok(value)) = (
            dict.get(b"T").and_then(lopdf::Object::as_str),
            dict.get(b"V").and_then(lopdf::Object::as_str),
        ) else {
            continue;
        };
        let text = match value.strip_prefix(&[0xFE, 0xFF]) {
            Some(utf16) => String::from_utf16_lossy(
                &utf16
                    .chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect::<Vec<_>>(),
            ),
            None => value.iter().map(|&b| char::from(b)).collect(),
        };
        values.insert(String::from_utf8_lossy(name).into_owned(), text);
    }
    values
}

#[test]
fn the_official_postadresse_pdf_is_filled_in_its_own_fields() {
    let form = demo_forms()
        .into_iter()
        .find(|f| f.id == "postadresse")
        .unwrap();
    assert_eq!(form.official_pdf.as_deref(), Some("postadresse.pdf"));
    let files = content_sync::demo::files();
    let blank = &files["forms/postadresse.pdf"];
    let wizard = walk(&form, 0);
    let values = official_values(&wizard);
    assert!(values.len() >= 8, "{values:?}");
    let filled = fill_official(blank, &values).unwrap();
    assert!(filled.missing.is_empty(), "{:?}", filled.missing);
    // Each answer in its own field, as the authority's software reads it.
    let read_back = field_values(&filled.pdf);
    for (field, value) in &values {
        assert_eq!(read_back.get(field), Some(value), "field {field}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filled.pdf");
    std::fs::write(&path, &filled.pdf).unwrap();
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf runs");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // The drawn appearances carry the answers for any viewer and printer.
    let text = squeeze(&pdf_text(&filled.pdf));
    for value in values.values() {
        assert!(
            text.contains(&squeeze(value)),
            "{value:?} not shown: {text}"
        );
    }
}

#[test]
fn a_damaged_or_formless_official_pdf_gives_a_clear_error() {
    let values = [("given_name".to_owned(), "Amal".to_owned())].into();
    assert!(matches!(
        fill_official(b"%PDF-1.7 truncated", &values),
        Err(OfficialError::Read(_))
    ));
    let files = content_sync::demo::files();
    let blank = &files["forms/postadresse.pdf"];
    let mut doc = lopdf::Document::load_mem(blank).unwrap();
    doc.catalog_mut().unwrap().remove(b"AcroForm");
    let mut formless = Vec::new();
    doc.save_to(&mut formless).unwrap();
    assert!(matches!(
        fill_official(&formless, &values),
        Err(OfficialError::NoForm)
    ));
    // A field the PDF lacks is reported, the rest still filled.
    let values = [
        ("given_name".to_owned(), "Amal".to_owned()),
        ("shoe_size".to_owned(), "42".to_owned()),
    ]
    .into();
    let filled = fill_official(blank, &values).unwrap();
    assert_eq!(filled.missing, ["shoe_size"]);
    assert_eq!(
        field_values(&filled.pdf)
            .get("given_name")
            .map(String::as_str),
        Some("Amal")
    );
}

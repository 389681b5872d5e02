use std::path::Path;

use typst::layout::{Frame, FrameItem};

use super::*;
use crate::content::Content;
use crate::i18n::Catalog;
use crate::slip::pdf_text;

const FONTS: &str = "/usr/share/fonts/truetype/noto";
const MARKT: Position = Position {
    lat: 51.3397,
    lon: 12.3731,
};

fn demo() -> (tempfile::TempDir, Content) {
    let dir = tempfile::tempdir().unwrap();
    let content = Content::open(&dir.path().join("none"), &dir.path().join("demo")).unwrap();
    (dir, content)
}

fn slip(content: &Content, id: &str, language: Language, paper: Paper) -> Slip {
    let catalog = Catalog::builtin().unwrap();
    let service = content.service(id).unwrap();
    let now: Zoned = "2026-11-25T15:00[Europe/Berlin]".parse().unwrap();
    let mut map = crate::map::Map::open(content.tiles_path().as_deref());
    let request = Request {
        service: &service,
        words: Words {
            catalog: &catalog,
            language,
        },
        content,
        origin: MARKT,
        now: &now,
        map_png: map_png(&mut map, &service, MARKT),
        paper,
    };
    make(&request, &Fonts::load(Path::new(FONTS))).unwrap()
}

/// Every text run of a frame, nested groups included.
fn runs(frame: &Frame, out: &mut Vec<typst::text::TextItem>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => runs(&group.frame, out),
            FrameItem::Text(text) => out.push(text.clone()),
            _ => {}
        }
    }
}

#[test]
fn a_german_slip_holds_name_address_hours_and_phone_as_text() {
    let (_dir, content) = demo();
    let slip = slip(&content, "nachtcafe", Language::German, Paper::A4);
    assert!(slip.pdf.starts_with(b"%PDF"));
    assert_eq!(slip.document.pages.len(), 1, "one page");
    let text = pdf_text(&slip.pdf);
    for needle in [
        "Nachtcafé am Bahnhof",
        "Kurze Straße 4, 04103 Leipzig",
        "täglich: 20:00 bis 08:00 Uhr",
        "0341 555 0101",
        "Richtung Hauptbahnhof",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
    }
    // No date: a slip does not say when someone was here.
    assert!(!text.contains("2026"), "{text}");
}

#[test]
fn an_arabic_slip_is_shaped_and_keeps_the_german_name_and_address() {
    let (_dir, content) = demo();
    let slip = slip(&content, "nachtcafe", Language::Arabic, Paper::A4);
    let mut items = Vec::new();
    for page in &slip.document.pages {
        runs(&page.frame, &mut items);
    }
    // The summary in Arabic script: its glyphs are the contextual forms the
    // shaper chose, not the font's nominal glyph of each letter.
    let arabic: Vec<_> = items
        .iter()
        .filter(|item| {
            item.text
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
        })
        .collect();
    assert!(!arabic.is_empty(), "no Arabic text laid out");
    let (mut letters, mut shaped) = (0, 0);
    for item in &arabic {
        for glyph in &item.glyphs {
            let Some(c) = item.text[glyph.range()].chars().next() else {
                continue;
            };
            if !('\u{0621}'..='\u{064A}').contains(&c) {
                continue;
            }
            letters += 1;
            let nominal = item.font.ttf().glyph_index(c).map(|g| g.0);
            if nominal != Some(glyph.id) {
                shaped += 1;
            }
        }
    }
    assert!(letters > 20, "{letters} Arabic letters");
    assert!(
        shaped * 2 > letters,
        "only {shaped} of {letters} Arabic letters took a contextual form"
    );
    // The PDF maps the glyphs back to the letters, and the German name and
    // address stand beside the Arabic.
    let text = pdf_text(&slip.pdf);
    assert!(text.contains("Nachtcafé am Bahnhof"), "{text}");
    assert!(text.contains("Kurze Straße 4, 04103 Leipzig"), "{text}");
    assert!(
        text.contains("Notübernachtung"),
        "the German summary beside: {text}"
    );
    assert!(
        text.contains("عشاء ساخن"),
        "Arabic text extractable: {text}"
    );
}

#[test]
fn a_receipt_slip_is_eighty_millimetres_wide() {
    let (_dir, content) = demo();
    let slip = slip(
        &content,
        "suppenkueche",
        Language::Ukrainian,
        Paper::Receipt,
    );
    let width_mm = slip.document.pages[0].frame.width().to_mm();
    assert!((width_mm - 80.0).abs() < 0.5, "{width_mm}");
    let text = pdf_text(&slip.pdf);
    assert!(text.contains("Suppenküche St. Georg"), "{text}");
    assert!(text.contains("Гарячий обід"), "{text}");
}

#[test]
fn without_fonts_the_slip_says_so() {
    let (_dir, content) = demo();
    let catalog = Catalog::builtin().unwrap();
    let service = content.service("nachtcafe").unwrap();
    let now: Zoned = "2026-11-25T15:00[Europe/Berlin]".parse().unwrap();
    let request = Request {
        service: &service,
        words: Words {
            catalog: &catalog,
            language: Language::German,
        },
        content: &content,
        origin: MARKT,
        now: &now,
        map_png: None,
        paper: Paper::A4,
    };
    let empty = tempfile::tempdir().unwrap();
    let error = make(&request, &Fonts::load(empty.path())).unwrap_err();
    assert!(matches!(error, SlipError::NoFonts), "{error}");
}

//! Writes the demo pack's "official" fillable PDF of the Postadresse form
//! (an invented advice centre's form with AcroForm text fields), standing
//! in for the real forms authorities publish. Usage:
//! `make-demo-form-pdf content-sync/demo-pack/forms/postadresse.pdf`

use anyhow::{Context, Result};
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

/// Field name and German label, top to bottom.
const FIELDS: [(&str, &str); 10] = [
    ("given_name", "Vorname"),
    ("family_name", "Familienname"),
    ("birth_date", "Geburtsdatum"),
    ("birth_place", "Geburtsort (freiwillig)"),
    ("homeless_since", "Ohne feste Wohnadresse seit"),
    ("mail_from", "Post wird erwartet von"),
    ("mail_from_other", "Andere Stelle"),
    ("urgent_letters", "Eilige Briefe öffnen erlaubt"),
    ("phone", "Telefon (freiwillig)"),
    ("email", "E-Mail (freiwillig)"),
];

fn latin1(text: &str) -> Object {
    Object::String(
        text.chars().map(|c| c as u32 as u8).collect(),
        StringFormat::Literal,
    )
}

fn text(x: f32, y: f32, size: f32, font: &str, line: &str) -> Vec<Operation> {
    vec![
        Operation::new("BT", vec![]),
        Operation::new(
            "Tf",
            vec![Object::Name(font.as_bytes().to_vec()), size.into()],
        ),
        Operation::new("Td", vec![x.into(), y.into()]),
        Operation::new("Tj", vec![latin1(line)]),
        Operation::new("ET", vec![]),
    ]
}

fn main() -> Result<()> {
    let out = std::env::args()
        .nth(1)
        .context("usage: make-demo-form-pdf OUT.pdf")?;
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut font = |base: &str| {
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Font".to_vec()));
        dict.set("Subtype", Object::Name(b"Type1".to_vec()));
        dict.set("BaseFont", Object::Name(base.as_bytes().to_vec()));
        dict.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        doc.add_object(Object::Dictionary(dict))
    };
    let regular = font("Helvetica");
    let bold = font("Helvetica-Bold");
    let mut operations = Vec::new();
    operations.extend(text(
        50.0,
        780.0,
        16.0,
        "HB",
        "Antrag auf eine Postadresse (Erreichbarkeit)",
    ));
    operations.extend(text(
        50.0,
        760.0,
        10.0,
        "Helv",
        "Beratungsstelle Muster, Leipzig (Musterformular der Anlauf-Demo)",
    ));
    let mut widgets = Vec::new();
    let page_id = doc.new_object_id();
    for (index, (name, label)) in FIELDS.iter().enumerate() {
        let y = 700.0 - index as f32 * 42.0;
        operations.extend(text(50.0, y + 6.0, 11.0, "Helv", label));
        operations.push(Operation::new(
            "re",
            vec![250.0.into(), y.into(), 295.0.into(), 22.0.into()],
        ));
        operations.push(Operation::new("S", vec![]));
        let mut widget = Dictionary::new();
        widget.set("Type", Object::Name(b"Annot".to_vec()));
        widget.set("Subtype", Object::Name(b"Widget".to_vec()));
        widget.set("FT", Object::Name(b"Tx".to_vec()));
        widget.set("T", latin1(name));
        widget.set("TU", latin1(label));
        widget.set("F", 4);
        widget.set("P", Object::Reference(page_id));
        widget.set(
            "DA",
            Object::String(b"/Helv 10 Tf 0 g".to_vec(), StringFormat::Literal),
        );
        widget.set(
            "Rect",
            Object::Array(vec![
                250.0.into(),
                y.into(),
                545.0.into(),
                (y + 22.0).into(),
            ]),
        );
        widgets.push(Object::Reference(
            doc.add_object(Object::Dictionary(widget)),
        ));
    }
    operations.push(Operation::new(
        "re",
        vec![50.0.into(), 190.0.into(), 495.0.into(), 0.5.into()],
    ));
    operations.push(Operation::new("f", vec![]));
    operations.extend(text(50.0, 176.0, 10.0, "Helv", "Ort, Datum, Unterschrift"));
    let content = Content { operations }.encode()?;
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
    let mut fonts = Dictionary::new();
    fonts.set("Helv", Object::Reference(regular));
    fonts.set("HB", Object::Reference(bold));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts.clone()));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(pages_id));
    page.set(
        "MediaBox",
        Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
    );
    page.set("Contents", Object::Reference(content_id));
    page.set("Resources", Object::Dictionary(resources));
    page.set("Annots", Object::Array(widgets.clone()));
    doc.objects.insert(page_id, Object::Dictionary(page));
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Kids", Object::Array(vec![Object::Reference(page_id)]));
    pages.set("Count", 1);
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let mut dr = Dictionary::new();
    dr.set("Font", Object::Dictionary(fonts));
    let mut acro = Dictionary::new();
    acro.set("Fields", Object::Array(widgets));
    acro.set("DR", Object::Dictionary(dr));
    acro.set(
        "DA",
        Object::String(b"/Helv 10 Tf 0 g".to_vec(), StringFormat::Literal),
    );
    let acro_id = doc.add_object(Object::Dictionary(acro));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    catalog.set("AcroForm", Object::Reference(acro_id));
    let catalog_id = doc.add_object(Object::Dictionary(catalog));
    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc.compress();
    doc.save(&out).with_context(|| format!("writing {out}"))?;
    eprintln!("make-demo-form-pdf: {out} with {} fields", FIELDS.len());
    Ok(())
}

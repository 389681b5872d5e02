//! The authority's own fillable PDF, filled: each answer goes into the
//! AcroForm text field its question names (`pdf_field`), with an appearance
//! drawn so that any viewer or printer shows it, not only those that
//! regenerate appearances.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::wizard::Wizard;

/// The official PDF could not be filled.
#[derive(Debug, thiserror::Error)]
pub enum OfficialError {
    /// Not a readable PDF.
    #[error("the official PDF cannot be read: {0}")]
    Read(String),
    /// It has no form fields.
    #[error("the official PDF has no form fields (AcroForm)")]
    NoForm,
    /// Writing the filled PDF failed.
    #[error("the filled PDF cannot be written: {0}")]
    Write(String),
}

/// A filled official PDF.
#[derive(Debug)]
pub struct Filled {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Fields named by the form that the PDF does not have.
    pub missing: Vec<String>,
}

/// The answers of a wizard by AcroForm field name, in German as the
/// authority reads them.
pub fn values(wizard: &Wizard) -> BTreeMap<String, String> {
    wizard
        .summary("de")
        .into_iter()
        .filter_map(|line| Some((line.pdf_field?, line.answer_de)))
        .collect()
}

/// A PDF text string: PDFDocEncoding where ASCII suffices, else UTF-16BE.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A field name read back from a PDF string.
fn name_of(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// The text in WinAnsi for Helvetica; what it cannot show becomes `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '–' => 0x96,
            '„' => 0x84,
            '“' => 0x93,
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u8,
            _ => b'?',
        })
        .collect()
}

struct Widget {
    id: ObjectId,
    width: f32,
    height: f32,
}

struct FieldRef {
    id: ObjectId,
    full: String,
    widgets: Vec<Widget>,
}

fn dictionary<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(object).ok()?.1.as_dict().ok()
}

fn rect(dict: &Dictionary) -> Option<(f32, f32)> {
    let values: Vec<f32> = dict
        .get(b"Rect")
        .ok()?
        .as_array()
        .ok()?
        .iter()
        .filter_map(|v| v.as_float().ok())
        .collect();
    match values.as_slice() {
        [x1, y1, x2, y2] => Some(((x2 - x1).abs(), (y2 - y1).abs())),
        _ => None,
    }
}

/// Every terminal text field with its widgets.
fn fields(doc: &Document) -> Result<(Vec<FieldRef>, Option<ObjectId>), OfficialError> {
    let catalog = doc
        .catalog()
        .map_err(|e| OfficialError::Read(e.to_string()))?;
    let acro_object = catalog
        .get(b"AcroForm")
        .map_err(|_| OfficialError::NoForm)?;
    let acro_id = acro_object.as_reference().ok();
    let acro = dictionary(doc, acro_object).ok_or(OfficialError::NoForm)?;
    let roots = acro
        .get(b"Fields")
        .ok()
        .and_then(|f| doc.dereference(f).ok())
        .and_then(|(_, f)| f.as_array().ok())
        .ok_or(OfficialError::NoForm)?;
    let mut stack: Vec<(ObjectId, String)> = roots
        .iter()
        .filter_map(|f| f.as_reference().ok())
        .map(|id| (id, String::new()))
        .collect();
    let mut found = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    while let Some((id, parent)) = stack.pop() {
        if !seen.insert(id) || seen.len() > 10_000 {
            continue;
        }
        let Ok(dict) = doc.get_dictionary(id) else {
            continue;
        };
        let partial = dict
            .get(b"T")
            .and_then(Object::as_str)
            .map(name_of)
            .unwrap_or_default();
        let full = match (parent.is_empty(), partial.is_empty()) {
            (true, _) => partial.clone(),
            (false, true) => parent.clone(),
            (false, false) => format!("{parent}.{partial}"),
        };
        let kids: Vec<ObjectId> = dict
            .get(b"Kids")
            .ok()
            .and_then(|k| k.as_array().ok())
            .map(|k| k.iter().filter_map(|o| o.as_reference().ok()).collect())
            .unwrap_or_default();
        let (named, widgets): (Vec<ObjectId>, Vec<ObjectId>) = kids
            .into_iter()
            .partition(|kid| doc.get_dictionary(*kid).is_ok_and(|d| d.has(b"T")));
        stack.extend(named.into_iter().map(|kid| (kid, full.clone())));
        let mut field = FieldRef {
            id,
            full,
            widgets: Vec::new(),
        };
        for widget in widgets.into_iter().chain(dict.has(b"Rect").then_some(id)) {
            if let Some((width, height)) = doc.get_dictionary(widget).ok().and_then(rect) {
                field.widgets.push(Widget {
                    id: widget,
                    width,
                    height,
                });
            }
        }
        let is_text = dict
            .get(b"FT")
            .and_then(Object::as_name)
            .is_ok_and(|ft| ft == b"Tx");
        if is_text && !field.full.is_empty() {
            found.push(field);
        }
    }
    Ok((found, acro_id))
}

/// The appearance of `text` in a box of `width` × `height` points.
fn appearance(text: &str, width: f32, height: f32, font: ObjectId) -> Stream {
    // A long answer shrinks to fit its box (Helvetica averages about half
    // an em per character) rather than being cut off.
    let chars = text.chars().count().max(1) as f32;
    let size = (height * 0.65)
        .clamp(6.0, 11.0)
        .min((width - 4.0) / (0.55 * chars))
        .max(3.0);
    let baseline = ((height - size) / 2.0 + size * 0.22).max(1.0);
    let mut literal = Vec::new();
    for b in win_ansi(text) {
        if matches!(b, b'(' | b')' | b'\\') {
            literal.push(b'\\');
        }
        literal.push(b);
    }
    let mut content = format!(
        "/Tx BMC q 0 0 {width:.2} {height:.2} re W n BT /Helv {size:.1} Tf 0 g 2 {baseline:.2} Td ("
    )
    .into_bytes();
    content.extend(literal);
    content.extend(b") Tj ET Q EMC");
    let mut resources = Dictionary::new();
    let mut fonts = Dictionary::new();
    fonts.set("Helv", Object::Reference(font));
    resources.set("Font", Object::Dictionary(fonts));
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Form".to_vec()));
    dict.set(
        "BBox",
        Object::Array(vec![
            0.into(),
            0.into(),
            Object::Real(width),
            Object::Real(height),
        ]),
    );
    dict.set("Resources", Object::Dictionary(resources));
    Stream::new(dict, content)
}

/// Fills the text fields of `pdf` named in `values`.
pub fn fill(pdf: &[u8], values: &BTreeMap<String, String>) -> Result<Filled, OfficialError> {
    let mut doc = Document::load_mem(pdf).map_err(|e| OfficialError::Read(e.to_string()))?;
    let (fields, acro_id) = fields(&doc)?;
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    let font = doc.add_object(Object::Dictionary(font));
    let mut missing = Vec::new();
    for (name, value) in values {
        let Some(field) = fields
            .iter()
            .find(|f| &f.full == name || f.full.rsplit('.').next() == Some(name))
        else {
            missing.push(name.clone());
            continue;
        };
        if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(field.id) {
            dict.set("V", text_string(value));
        }
        for widget in &field.widgets {
            let stream = appearance(value, widget.width, widget.height, font);
            let stream = doc.add_object(Object::Stream(stream));
            if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(widget.id) {
                let mut ap = Dictionary::new();
                ap.set("N", Object::Reference(stream));
                dict.set("AP", Object::Dictionary(ap));
            }
        }
    }
    // The appearances drawn here are the ones to show: a viewer told to
    // regenerate them would set long answers at the field's fixed size and
    // cut them off.
    let acro = match acro_id {
        Some(id) => doc
            .get_object_mut(id)
            .ok()
            .and_then(|o| o.as_dict_mut().ok()),
        None => doc
            .catalog_mut()
            .ok()
            .and_then(|c| c.get_mut(b"AcroForm").ok())
            .and_then(|o| o.as_dict_mut().ok()),
    };
    if let Some(acro) = acro {
        acro.set("NeedAppearances", Object::Boolean(false));
    }
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| OfficialError::Write(e.to_string()))?;
    Ok(Filled { pdf: out, missing })
}

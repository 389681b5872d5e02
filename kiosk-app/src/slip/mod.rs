//! The slip a visitor takes away: one service on one A4 page or a receipt
//! roll, in the visitor's language with the German name and address beside
//! it, with the week's hours, phone, the way there, a small map excerpt and
//! a QR code holding the same as text (so that a phone keeps it without
//! internet). Set with Typst, which shapes Arabic and Persian and breaks
//! lines; no date or anything else of the visit is on it.

mod world;

use jiff::Zoned;
use serde::Serialize;
use typst::layout::PagedDocument;

pub use world::{Fonts, SlipWorld};

use crate::content::{Content, Position, Service};
use crate::finder::Words;
use crate::language::Language;

const TEMPLATE: &str = include_str!("../../assets/slip.typ");

/// The paper a slip is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// A4 portrait.
    #[default]
    A4,
    /// An 80 mm receipt roll, as long as it needs.
    Receipt,
}

/// A slip could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SlipError {
    /// Typst refused the template or its data.
    #[error("slip layout: {0}")]
    Layout(String),
    /// The PDF could not be written.
    #[error("slip PDF: {0}")]
    Pdf(String),
    /// The QR code could not hold the text.
    #[error("slip QR code: {0}")]
    Qr(String),
    /// The data could not be serialised.
    #[error("slip data: {0}")]
    Data(#[from] serde_json::Error),
    /// No font could be read.
    #[error("no fonts for the slip in the font directory")]
    NoFonts,
}

/// A slip: the PDF and the laid-out document it came from.
pub struct Slip {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// The layout (for tests: which glyphs went where).
    pub document: PagedDocument,
}

impl std::fmt::Debug for Slip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Slip")
            .field("pdf_bytes", &self.pdf.len())
            .field("pages", &self.document.pages.len())
            .finish()
    }
}

#[derive(Serialize)]
struct Extra {
    title: String,
    text: String,
}

#[derive(Serialize)]
struct Labels {
    address: String,
    hours: String,
    qr: String,
}

#[derive(Serialize)]
struct Data {
    paper: &'static str,
    lang: &'static str,
    name: String,
    german: Option<String>,
    summary: String,
    address: String,
    direction: Option<String>,
    way: Option<String>,
    phone: Option<String>,
    hours: Vec<String>,
    extras: Vec<Extra>,
    labels: Labels,
    map: bool,
}

/// What a slip is made of.
#[derive(Debug)]
pub struct Request<'a> {
    /// The service.
    pub service: &'a Service,
    /// The visitor's words.
    pub words: Words<'a>,
    /// The content (landmarks for the way there).
    pub content: &'a Content,
    /// Where the terminal stands.
    pub origin: Position,
    /// Today, for which closure dates still matter.
    pub now: &'a Zoned,
    /// A map excerpt as PNG, if there is one.
    pub map_png: Option<Vec<u8>>,
    /// The paper.
    pub paper: Paper,
}

fn data(request: &Request<'_>) -> Data {
    let Request { service, words, .. } = request;
    let german = Words {
        catalog: words.catalog,
        language: Language::German,
    };
    let t = |key: &str| words.catalog.text(words.language, key);
    let mut hours: Vec<String> = words
        .hours(service, request.now.weekday())
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    if service.hours.is_empty() {
        hours.push(t("status-appointment"));
    }
    hours.extend(words.closures(service, request.now.date()));
    let mut extras = vec![
        Extra {
            title: t("detail-who"),
            text: words.who(service),
        },
        Extra {
            title: t("detail-costs"),
            text: words.costs(service),
        },
    ];
    if !service.bring.is_empty() {
        extras.push(Extra {
            title: t("detail-bring"),
            text: words.text_of(&service.bring).to_owned(),
        });
    }
    let access = words.access(service);
    if !access.is_empty() {
        extras.push(Extra {
            title: t("detail-access"),
            text: access.join(" "),
        });
    }
    let languages = words.languages(service);
    if !languages.is_empty() {
        extras.push(Extra {
            title: t("detail-languages"),
            text: languages,
        });
    }
    let is_german = matches!(words.language, Language::German | Language::EasyGerman);
    Data {
        paper: match request.paper {
            Paper::A4 => "a4",
            Paper::Receipt => "receipt",
        },
        lang: match words.language {
            Language::EasyGerman => "de",
            other => other.tag(),
        },
        name: service.name.clone(),
        german: (!is_german).then(|| {
            format!(
                "{} · {}",
                german
                    .catalog
                    .text(Language::German, service.category.label_key()),
                german.text_of(&service.summary)
            )
        }),
        summary: words.text_of(&service.summary).to_owned(),
        address: service.address.clone(),
        direction: words.direction(request.origin, service, request.content),
        way: (!service.way.is_empty()).then(|| words.text_of(&service.way).to_owned()),
        phone: (!service.phone.is_empty()).then(|| {
            words.catalog.text_with(
                words.language,
                "help-phone",
                &[(
                    "phone",
                    crate::i18n::Arg::Text(format!("\u{2066}{}\u{2069}", service.phone)),
                )],
            )
        }),
        hours,
        extras,
        labels: Labels {
            address: t("detail-address"),
            hours: t("detail-hours"),
            qr: t("slip-qr"),
        },
        map: request.map_png.is_some(),
    }
}

/// The text the QR code carries: what a phone needs to find the place.
fn qr_text(data: &Data) -> String {
    let mut lines = vec![data.name.clone(), data.address.clone()];
    lines.extend(data.phone.clone());
    lines.extend(data.hours.iter().cloned());
    lines.join("\n").replace(['\u{2066}', '\u{2069}'], "")
}

/// A QR code of `text` as SVG (error correction L: the most text fits).
pub fn qr_svg(text: &str) -> Result<Vec<u8>, SlipError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L)
        .map_err(|e| SlipError::Qr(e.to_string()))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build()
        .into_bytes())
}

/// A slip's data, ready to be set (and to be sent to another thread).
#[derive(Debug, Clone)]
pub struct Prepared {
    files: Vec<(&'static str, Vec<u8>)>,
}

/// Gathers the slip's words, QR code and map for `request`.
pub fn prepare(request: &Request<'_>) -> Result<Prepared, SlipError> {
    let data = data(request);
    let mut files = vec![
        ("data.json", serde_json::to_vec(&data)?),
        ("qr.svg", qr_svg(&qr_text(&data))?),
    ];
    if let Some(png) = &request.map_png {
        files.push(("map.png", png.clone()));
    }
    Ok(Prepared { files })
}

/// Sets a prepared slip and writes its PDF.
pub fn render(prepared: &Prepared, fonts: &Fonts) -> Result<Slip, SlipError> {
    typeset(TEMPLATE, prepared.files.clone(), fonts)
}

/// Sets `template` with `files` beside it (data, pictures) and writes the
/// PDF: the slip's and the printed forms' one way to paper.
pub fn typeset(
    template: &str,
    files: Vec<(&str, Vec<u8>)>,
    fonts: &Fonts,
) -> Result<Slip, SlipError> {
    if fonts.is_empty() {
        return Err(SlipError::NoFonts);
    }
    let world = SlipWorld::new(template, files, fonts);
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| SlipError::Layout(messages(&errors)))?;
    let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| SlipError::Pdf(messages(&errors)))?;
    Ok(Slip { pdf, document })
}

/// Typst's diagnostics as one line.
fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Makes the slip.
pub fn make(request: &Request<'_>, fonts: &Fonts) -> Result<Slip, SlipError> {
    render(&prepare(request)?, fonts)
}

/// Where a session's slips wait for the printer: a directory of this
/// process on the runtime tmpfs, readable by its user only, removed when
/// the session ends.
pub fn session_dir() -> std::path::PathBuf {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    base.join(format!("anlauf-slips-{}", std::process::id()))
}

/// Saves a slip as the next `slip-N.pdf` in `dir`.
pub fn save(dir: &std::path::Path, pdf: &[u8]) -> std::io::Result<std::path::PathBuf> {
    save_as(dir, "slip", pdf)
}

/// Saves a PDF as the next `STEM-N.pdf` in `dir` (created readable by
/// this user only).
pub fn save_as(
    dir: &std::path::Path,
    stem: &str,
    pdf: &[u8],
) -> std::io::Result<std::path::PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let n = std::fs::read_dir(dir)?.count() + 1;
    let path = dir.join(format!("{stem}-{n}.pdf"));
    std::fs::write(&path, pdf)?;
    Ok(path)
}

/// A map excerpt as PNG for a slip: the service and the terminal.
pub fn map_png(map: &mut crate::map::Map, service: &Service, here: Position) -> Option<Vec<u8>> {
    let (width, height) = (900, 450);
    let view = map.fit(here, service.position, f64::from(width), f64::from(height));
    let picture = map.render(view, width, height, here, service.position);
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(&picture.rgba).ok()?;
    }
    Some(png)
}

/// The text of a PDF as `pdftotext` (poppler-utils) reads it, for tests.
#[cfg(test)]
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[cfg(test)]
mod tests;

//! The filled form as a print-ready PDF, set with Typst like the help
//! finder's slip: German labels and answers, the visitor's language beside
//! the labels, date and signature line, documents to bring, and the
//! official online service as a QR code where one exists.

use content_sync::forms::model::FormDef;
use serde::Serialize;

use super::wizard::Wizard;
use crate::i18n::Catalog;
use crate::language::Language;
use crate::slip::{self, Fonts, Slip, SlipError};

const TEMPLATE: &str = include_str!("../../assets/form.typ");

#[derive(Serialize)]
struct Line {
    label_de: String,
    label: String,
    answer_de: String,
    fim: Option<String>,
}

#[derive(Serialize)]
struct Section {
    heading_de: String,
    heading: String,
    lines: Vec<Line>,
}

#[derive(Serialize)]
struct Document {
    de: String,
    text: String,
}

#[derive(Serialize)]
struct Labels {
    documents_de: String,
    documents: String,
    online_de: String,
    online: String,
    signature_de: String,
    signature: String,
}

#[derive(Serialize)]
struct Data {
    lang: String,
    rtl: bool,
    gloss: bool,
    title_de: String,
    title: String,
    fim_note: Option<String>,
    sections: Vec<Section>,
    documents: Vec<Document>,
    online: Option<String>,
    labels: Labels,
}

fn data(wizard: &Wizard, language: Language, catalog: &Catalog) -> Data {
    let form = wizard.form();
    let lang = language.tag();
    let summary = wizard.summary(lang);
    let mut sections: Vec<Section> = Vec::new();
    for line in summary {
        let step = &form.steps[line.step.min(form.steps.len().saturating_sub(1))];
        if sections
            .last()
            .is_none_or(|s| s.heading_de != FormDef::text(&step.label, "de"))
        {
            sections.push(Section {
                heading_de: FormDef::text(&step.label, "de").to_owned(),
                heading: FormDef::text(&step.label, lang).to_owned(),
                lines: Vec::new(),
            });
        }
        if let Some(section) = sections.last_mut() {
            section.lines.push(Line {
                label_de: line.label_de,
                label: line.label,
                answer_de: line.answer_de,
                fim: line.fim_id,
            });
        }
    }
    let both = |key: &str| {
        (
            catalog.text(Language::German, key),
            catalog.text(language, key),
        )
    };
    let (documents_de, documents) = both("form-pdf-documents");
    let (online_de, online) = both("form-pdf-online");
    let (signature_de, signature) = both("form-pdf-signature");
    let has_fim = form.fields().any(|f| f.fim_id.is_some());
    Data {
        lang: match language {
            Language::EasyGerman => "de".to_owned(),
            other => other.tag().to_owned(),
        },
        rtl: language.direction() == crate::language::Direction::Rtl,
        gloss: !matches!(language, Language::German),
        title_de: FormDef::text(&form.title, "de").to_owned(),
        title: FormDef::text(&form.title, lang).to_owned(),
        fim_note: has_fim.then(|| catalog.text(Language::German, "form-pdf-fim")),
        sections,
        documents: form
            .documents
            .iter()
            .map(|d| Document {
                de: FormDef::text(d, "de").to_owned(),
                text: FormDef::text(d, lang).to_owned(),
            })
            .collect(),
        online: form.online_service.clone(),
        labels: Labels {
            documents_de,
            documents,
            online_de,
            online,
            signature_de,
            signature,
        },
    }
}

/// A filled form's words and QR code, ready to be set (and to be sent to
/// another thread).
#[derive(Clone)]
pub struct PreparedForm {
    files: Vec<(&'static str, Vec<u8>)>,
}

impl std::fmt::Debug for PreparedForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The answers are visitor data: never in a debug line.
        f.debug_struct("PreparedForm").finish_non_exhaustive()
    }
}

impl Drop for PreparedForm {
    fn drop(&mut self) {
        for (_, bytes) in &mut self.files {
            zeroize::Zeroize::zeroize(bytes);
        }
    }
}

impl PreparedForm {
    /// Sets the form and writes its PDF.
    pub fn render(&self, fonts: &Fonts) -> Result<Slip, SlipError> {
        slip::typeset(TEMPLATE, self.files.clone(), fonts)
    }
}

/// Gathers the filled form's words in `language` beside German.
pub fn prepare(
    wizard: &Wizard,
    language: Language,
    catalog: &Catalog,
) -> Result<PreparedForm, SlipError> {
    let data = data(wizard, language, catalog);
    let mut files = vec![("data.json", serde_json::to_vec(&data)?)];
    if let Some(url) = &data.online {
        files.push(("online.svg", slip::qr_svg(url)?));
    }
    Ok(PreparedForm { files })
}

/// The PDF of the filled form in `language` beside German.
pub fn form_pdf(
    wizard: &Wizard,
    language: Language,
    catalog: &Catalog,
    fonts: &Fonts,
) -> Result<Slip, SlipError> {
    prepare(wizard, language, catalog)?.render(fonts)
}

//! A pack's source: a directory an editor can read and review in git.
//!
//! ```text
//! pack.toml               name, region, languages
//! services/*.toml         the service directory ([[service]] tables)
//! search/LANG.toml        stopwords and everyday words per category
//! texts/LANG.ftl          content texts in Fluent, one file per language
//! pages/LANG/SLUG.md      curated pages in Markdown, the first line "# Title"
//! tiles/*.mbtiles         map tiles (MBTiles, SQLite)
//! forms/ID.xlsx           guided forms as XLSForm workbooks (also .ods, or
//!                         forms/ID/survey.csv, choices.csv, settings.csv);
//!                         published as the checked definition forms/ID.json
//! forms/ID.pdf            the official fillable PDF of a form, if any
//! README.md               notes for editors, not published to devices
//! ```
//!
//! [`Pack::parse`] checks all of it and reports every problem with its file
//! and line, so that an editor fixes them in one round. The device runs the
//! same check on what it downloaded before it activates anything.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::forms::FormDef;
use crate::model::{PackInfo, Page, Service};
use crate::search::Lexicon;

mod checks;

/// A pack's files by relative path (`/`-separated).
pub type Files = BTreeMap<String, Vec<u8>>;

/// The reference language every pack carries.
pub const REFERENCE_LANGUAGE: &str = "de";

/// Largest file a source may hold, so that a broken or hostile source cannot
/// make a device build an endless generation.
pub const MAX_FILE_SIZE: u64 = 512 * 1024 * 1024;

/// One thing wrong with a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the source.
    pub file: String,
    /// The line (1-based), where one can be named.
    pub line: Option<usize>,
    /// What is wrong, for an editor.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem of a source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the pack source has {} problem(s):", self.0.len())?;
        for problem in &self.0 {
            writeln!(f, "  {problem}")?;
        }
        Ok(())
    }
}

/// Reading a source directory failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A file is larger than [`MAX_FILE_SIZE`].
    #[error("{path} is {size} bytes, more than a pack file may be ({MAX_FILE_SIZE})")]
    TooLarge {
        /// The path.
        path: String,
        /// Its size.
        size: u64,
    },
    /// A name that cannot be carried safely (not UTF-8, or a link).
    #[error("{path}: {why}")]
    Unsupported {
        /// The path.
        path: String,
        /// Why.
        why: &'static str,
    },
}

/// Whether `path` is a safe relative path inside a pack: `/`-separated
/// plain names, no `..`, `.`, empty parts, absolute paths, backslashes,
/// NUL or control characters.
pub fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 255
        && !path.starts_with('/')
        && !path.chars().any(|c| c == '\\' || c.is_control())
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Reads a source directory as an editor wrote it and converts its XLSForm
/// workbooks into form definitions: the files a pack is published from.
pub fn read_source(dir: &Path) -> Result<Files, SourceError> {
    let mut files = read_dir(dir)?;
    crate::forms::compile(&mut files)?;
    Ok(files)
}

/// A source could not be read or its forms not converted.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// Reading failed.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A form has problems.
    #[error(transparent)]
    Forms(#[from] Problems),
}

/// Reads every file under `dir` (hidden files and directories, such as
/// `.git`, are skipped).
pub fn read_dir(dir: &Path) -> Result<Files, ReadError> {
    let mut files = Files::new();
    read_into(dir, "", &mut files)?;
    Ok(files)
}

fn read_into(dir: &Path, prefix: &str, files: &mut Files) -> Result<(), ReadError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| ReadError::Io { path, source }
    };
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            return Err(ReadError::Unsupported {
                path: path.display().to_string(),
                why: "the file name is not UTF-8",
            });
        };
        if name.starts_with('.') {
            continue;
        }
        let relative = format!("{prefix}{name}");
        let kind = entry.file_type().map_err(io(&path))?;
        if kind.is_dir() {
            read_into(&path, &format!("{relative}/"), files)?;
        } else if kind.is_file() {
            let size = entry.metadata().map_err(io(&path))?.len();
            if size > MAX_FILE_SIZE {
                return Err(ReadError::TooLarge {
                    path: relative,
                    size,
                });
            }
            files.insert(relative, std::fs::read(&path).map_err(io(&path))?);
        } else {
            return Err(ReadError::Unsupported {
                path: relative,
                why: "only plain files and directories can be published",
            });
        }
    }
    Ok(())
}

/// A checked pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    /// What `pack.toml` says.
    pub info: PackInfo,
    /// The service directory, sorted by id.
    pub services: Vec<Service>,
    /// Fluent content texts by language tag.
    pub texts: BTreeMap<String, String>,
    /// Curated pages.
    pub pages: Vec<Page>,
    /// Paths of the MBTiles files.
    pub tiles: Vec<String>,
    /// Search words per language tag.
    pub lexicons: BTreeMap<String, Lexicon>,
    /// Guided forms, sorted by id.
    pub forms: Vec<FormDef>,
}

#[derive(Deserialize)]
struct ServicesFile {
    #[serde(default)]
    service: Vec<toml::Spanned<toml::Value>>,
}

/// Collects problems while a source is checked.
struct Report(Vec<Problem>);

impl Report {
    fn add(&mut self, file: &str, line: Option<usize>, message: impl Into<String>) {
        self.0.push(Problem {
            file: file.to_owned(),
            line,
            message: message.into(),
        });
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn utf8<'a>(report: &mut Report, path: &str, bytes: &'a [u8]) -> Option<&'a str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) => {
            let line = line_of(&String::from_utf8_lossy(bytes), error.valid_up_to());
            report.add(path, Some(line), "not UTF-8 text");
            None
        }
    }
}

fn toml_problem(report: &mut Report, path: &str, text: &str, error: &toml::de::Error) {
    let line = error.span().map(|span| line_of(text, span.start));
    report.add(path, line, error.message().trim().to_owned());
}

impl Pack {
    /// Checks a source and returns the pack, or every problem found.
    pub fn parse(files: &Files) -> Result<Pack, Problems> {
        let mut report = Report(Vec::new());
        let info = parse_info(files, &mut report);
        let checked_info = info
            .clone()
            .unwrap_or_else(|| PackInfo::new("", "", Vec::new()));
        let languages = checked_info.languages.clone();
        let mut lexicons = BTreeMap::new();
        let mut services = Vec::new();
        let mut texts = BTreeMap::new();
        let mut pages = Vec::new();
        let mut tiles = Vec::new();
        let mut forms = Vec::new();
        let mut pdfs = BTreeSet::new();
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        for (path, bytes) in files {
            if !is_safe_path(path) {
                report.add(
                    path,
                    None,
                    "this file name cannot be published (unsafe path)",
                );
                continue;
            }
            let parts: Vec<&str> = path.split('/').collect();
            match parts.as_slice() {
                ["pack.toml"] | ["README.md"] => {}
                ["services", name] if name.ends_with(".toml") => {
                    for service in parse_services(&mut report, path, bytes, &checked_info) {
                        if let Some(first) = ids.insert(service.id.clone(), path.clone()) {
                            report.add(
                                path,
                                None,
                                format!("service id \"{}\" is also used in {first}", service.id),
                            );
                        }
                        services.push(service);
                    }
                }
                ["texts", name] if name.ends_with(".ftl") => {
                    let lang = name.trim_end_matches(".ftl");
                    if let Some(text) = utf8(&mut report, path, bytes) {
                        texts.insert(lang.to_owned(), text.to_owned());
                    }
                }
                ["pages", lang, name] if name.ends_with(".md") => {
                    let slug = name.trim_end_matches(".md");
                    if let Some(page) = parse_page(&mut report, path, bytes, lang, slug) {
                        pages.push(page);
                    }
                }
                ["search", name] if name.ends_with(".toml") => {
                    let lang = name.trim_end_matches(".toml");
                    if let Some(lexicon) = parse_lexicon(&mut report, path, bytes, &languages, lang)
                    {
                        lexicons.insert(lang.to_owned(), lexicon);
                    }
                }
                ["tiles", name] if name.ends_with(".mbtiles") => {
                    if bytes.starts_with(b"SQLite format 3\0") {
                        tiles.push(path.clone());
                    } else {
                        report.add(path, None, "not an MBTiles file (SQLite)");
                    }
                }
                ["forms", name] if name.ends_with(".json") => {
                    let id = name.trim_end_matches(".json");
                    match crate::forms::parse_definition(id, bytes, &languages) {
                        Ok(form) => forms.push(form),
                        Err(problems) => {
                            for message in problems {
                                report.add(path, None, message);
                            }
                        }
                    }
                }
                ["forms", name] if name.ends_with(".pdf") => {
                    if bytes.starts_with(b"%PDF-") {
                        pdfs.insert(path.clone());
                    } else {
                        report.add(path, None, "not a PDF file");
                    }
                }
                ["forms", ..] => report.add(
                    path,
                    None,
                    "an XLSForm workbook that was not converted: publish the source with \
                     content-sync publish (or check it with content-sync check)",
                ),
                _ => report.add(
                    path,
                    None,
                    "unknown file: a pack holds pack.toml, services/*.toml, search/LANG.toml, \
                     texts/LANG.ftl, pages/LANG/SLUG.md, tiles/*.mbtiles and forms/ (XLSForm)",
                ),
            }
        }
        check_texts(&mut report, &texts, &languages);
        check_pages(&mut report, &pages, &languages);
        services.sort_by(|a, b| a.id.cmp(&b.id));
        for form in &forms {
            if let Some(pdf) = &form.official_pdf
                && !pdfs.contains(&format!("forms/{pdf}"))
            {
                report.add(
                    &format!("forms/{}.json", form.id),
                    None,
                    format!("the official PDF forms/{pdf} is not in the pack"),
                );
            }
        }
        match info {
            Some(info) if report.0.is_empty() => Ok(Pack {
                info,
                services,
                lexicons,
                texts,
                pages,
                tiles,
                forms,
            }),
            _ => Err(Problems(report.0)),
        }
    }

    /// The Fluent message ids of the reference language's texts.
    pub fn text_ids(&self) -> BTreeSet<String> {
        self.texts
            .get(REFERENCE_LANGUAGE)
            .map(|text| message_ids(text).into_iter().collect())
            .unwrap_or_default()
    }
}

fn parse_info(files: &Files, report: &mut Report) -> Option<PackInfo> {
    let path = "pack.toml";
    let Some(bytes) = files.get(path) else {
        report.add(path, None, "missing: every pack starts with pack.toml");
        return None;
    };
    let text = utf8(report, path, bytes)?;
    let info: PackInfo = match toml::from_str(text) {
        Ok(info) => info,
        Err(error) => {
            toml_problem(report, path, text, &error);
            return None;
        }
    };
    if info.name.trim().is_empty() {
        report.add(path, None, "name is empty");
    }
    if !info.languages.iter().any(|lang| lang == REFERENCE_LANGUAGE) {
        report.add(
            path,
            None,
            "languages must include German (\"de\"), the reference",
        );
    }
    for problem in checks::info_problems(&info) {
        report.add(path, None, problem);
    }
    let mut seen = BTreeSet::new();
    for lang in &info.languages {
        if !is_language_tag(lang) {
            report.add(path, None, format!("\"{lang}\" is not a language tag"));
        }
        if !seen.insert(lang) {
            report.add(path, None, format!("language \"{lang}\" is listed twice"));
        }
    }
    Some(info)
}

/// Whether `tag` has the shape of a BCP 47 tag: a 2–3 letter language, then
/// subtags of letters and digits (private use such as `de-x-ls` included).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn parse_lexicon(
    report: &mut Report,
    path: &str,
    bytes: &[u8],
    languages: &[String],
    lang: &str,
) -> Option<Lexicon> {
    let text = utf8(report, path, bytes)?;
    let lexicon: Lexicon = match toml::from_str(text) {
        Ok(lexicon) => lexicon,
        Err(error) => {
            toml_problem(report, path, text, &error);
            return None;
        }
    };
    if !languages.iter().any(|l| l == lang) {
        report.add(
            path,
            None,
            format!("\"{lang}\" is not among the pack's languages"),
        );
    }
    let stop: BTreeSet<String> = lexicon
        .stopwords
        .iter()
        .flat_map(|w| crate::search::words(w))
        .collect();
    for (category, phrases) in &lexicon.synonyms {
        if crate::model::Category::from_id(category).is_none() {
            report.add(
                path,
                None,
                format!("[synonyms] {category}: there is no such category"),
            );
        }
        for phrase in phrases {
            let words = crate::search::words(phrase);
            if words.is_empty() {
                report.add(
                    path,
                    None,
                    format!("[synonyms] {category}: an empty phrase"),
                );
            } else if words.len() == 1 && stop.contains(&words[0]) {
                report.add(
                    path,
                    None,
                    format!("\"{phrase}\" is both a stopword and a synonym of {category}"),
                );
            }
        }
    }
    Some(lexicon)
}

fn parse_services(report: &mut Report, path: &str, bytes: &[u8], info: &PackInfo) -> Vec<Service> {
    let Some(text) = utf8(report, path, bytes) else {
        return Vec::new();
    };
    let file: ServicesFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            toml_problem(report, path, text, &error);
            return Vec::new();
        }
    };
    let mut services = Vec::new();
    for spanned in file.service {
        let offset = spanned.span().start;
        let value = spanned.into_inner();
        let record = value
            .get("id")
            .and_then(toml::Value::as_str)
            .map_or_else(|| "service".to_owned(), |id| format!("service \"{id}\""));
        let problems = match Service::deserialize(value) {
            Ok(service) => {
                let problems = checks::service_problems(&service, info);
                if problems.is_empty() {
                    services.push(service);
                }
                problems
            }
            Err(error) => vec![error.message().trim().to_owned()],
        };
        // Counting lines is only worth it for a service with a problem.
        if !problems.is_empty() {
            let line = Some(line_of(text, offset));
            for problem in problems {
                report.add(path, line, format!("{record}: {problem}"));
            }
        }
    }
    services
}

fn parse_page(
    report: &mut Report,
    path: &str,
    bytes: &[u8],
    lang: &str,
    slug: &str,
) -> Option<Page> {
    let markdown = utf8(report, path, bytes)?;
    if !is_id(slug) {
        report.add(path, None, "page names use a-z, 0-9 and -");
        return None;
    }
    let Some(title) = markdown
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# "))
    else {
        report.add(path, Some(1), "a page starts with its title: \"# Title\"");
        return None;
    };
    Some(Page {
        slug: slug.to_owned(),
        lang: lang.to_owned(),
        title: title.trim().to_owned(),
        markdown: markdown.to_owned(),
    })
}

/// The message ids defined in a Fluent source, in file order (syntax
/// errors ignored).
pub fn message_ids(text: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn check_texts(report: &mut Report, texts: &BTreeMap<String, String>, languages: &[String]) {
    for (lang, text) in texts {
        let path = format!("texts/{lang}.ftl");
        if !languages.contains(lang) {
            report.add(
                &path,
                None,
                format!("\"{lang}\" is not among the pack's languages"),
            );
        }
        if let Err((_, errors)) = fluent_syntax::parser::parse(text.as_str()) {
            for error in errors {
                let line = line_of(text, error.pos.start);
                report.add(&path, Some(line), format!("Fluent syntax: {}", error.kind));
            }
        }
    }
    let Some(reference) = texts
        .get(REFERENCE_LANGUAGE)
        .map(|text| message_ids(text).into_iter().collect::<BTreeSet<_>>())
    else {
        if !texts.is_empty() {
            report.add(
                "texts/de.ftl",
                None,
                "missing: German is the reference for the texts",
            );
        }
        return;
    };
    for lang in languages {
        let path = format!("texts/{lang}.ftl");
        let Some(text) = texts.get(lang) else {
            report.add(
                &path,
                None,
                "missing: every language of the pack needs its texts",
            );
            continue;
        };
        let ids: BTreeSet<String> = message_ids(text).into_iter().collect();
        for id in reference.difference(&ids) {
            report.add(&path, None, format!("message \"{id}\" is missing"));
        }
        for id in ids.difference(&reference) {
            report.add(
                &path,
                None,
                format!("message \"{id}\" is not in the German texts"),
            );
        }
    }
}

fn check_pages(report: &mut Report, pages: &[Page], languages: &[String]) {
    let slugs: BTreeSet<&str> = pages.iter().map(|page| page.slug.as_str()).collect();
    for page in pages {
        if !languages.contains(&page.lang) {
            let path = format!("pages/{}/{}.md", page.lang, page.slug);
            report.add(
                &path,
                None,
                format!("\"{}\" is not among the pack's languages", page.lang),
            );
        }
    }
    for slug in slugs {
        for lang in languages {
            if !pages
                .iter()
                .any(|page| page.slug == slug && &page.lang == lang)
            {
                let path = format!("pages/{lang}/{slug}.md");
                report.add(
                    &path,
                    None,
                    "missing: every page is given in every language of the pack",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;

//! Guided forms as content: editors write XLSForm workbooks
//! (`forms/ID.xlsx`, `forms/ID.ods`, or `forms/ID/survey.csv` with
//! `choices.csv` and `settings.csv`); [`compile`] turns each into a checked
//! definition `forms/ID.json`, which is what a pack carries and the kiosk
//! reads. An official fillable PDF may sit beside it (`forms/ID.pdf`).

use std::collections::BTreeMap;
use std::path::Path;

use crate::source::{Files, Problem, Problems};

pub mod check;
pub mod expr;
pub mod model;
pub mod types;
pub mod workbook;
pub mod xlsform;

pub use model::FormDef;

use workbook::Workbook;

/// The CSV sheets of a workbook directory.
const CSV_SHEETS: &[&str] = &["survey", "choices", "settings"];

fn problem(file: &str, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_owned(),
        line: None,
        message: message.into(),
    }
}

/// Replaces every XLSForm workbook among `files` by its checked definition
/// `forms/ID.json`, or reports every problem of every workbook.
pub fn compile(files: &mut Files) -> Result<(), Problems> {
    let mut workbooks: BTreeMap<String, (String, Result<Workbook, String>)> = BTreeMap::new();
    let mut csv: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for path in files.keys() {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["forms", name] if name.ends_with(".xlsx") || name.ends_with(".ods") => {
                let id = name.rsplit_once('.').map(|(id, _)| id).unwrap_or(name);
                workbooks.insert(id.to_owned(), (path.clone(), spreadsheet(&files[path])));
            }
            ["forms", id, sheet] if sheet.ends_with(".csv") => {
                csv.entry((*id).to_owned())
                    .or_default()
                    .push((sheet.trim_end_matches(".csv").to_owned(), path.clone()));
            }
            _ => {}
        }
    }
    let mut problems = Vec::new();
    for (id, sheets) in &csv {
        let dir = format!("forms/{id}/");
        for (sheet, path) in sheets {
            if !CSV_SHEETS.contains(&sheet.as_str()) {
                problems.push(problem(path, "unknown sheet: a form directory holds survey.csv, choices.csv and settings.csv"));
            }
        }
        let book = Workbook::from_csv(
            sheets
                .iter()
                .map(|(sheet, path)| (sheet.as_str(), files[path].as_slice())),
        )
        .map_err(|e| e.to_string());
        if workbooks.insert(id.clone(), (dir.clone(), book)).is_some() {
            problems.push(problem(
                &dir,
                format!("the form {id} is there twice, as a spreadsheet and as CSV sheets"),
            ));
        }
    }
    let mut compiled = Vec::new();
    for (id, (source, book)) in workbooks {
        let form = match book {
            Ok(book) => xlsform::convert(&book),
            Err(message) => {
                problems.push(problem(&source, message));
                continue;
            }
        };
        match form {
            Ok(form) if form.id != id => problems.push(problem(
                &source,
                format!("the settings sheet's form_id is {}, the file is named {id}: make them the same", form.id),
            )),
            Ok(form) => compiled.push((source, form)),
            Err(form_problems) => problems.extend(
                form_problems
                    .into_iter()
                    .map(|p| problem(&source, p.to_string())),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    for (source, form) in compiled {
        files.retain(|path, _| {
            !(path == &source || path.starts_with(&source) && source.ends_with('/'))
        });
        let json = serde_json::to_vec_pretty(&form)
            .map_err(|e| Problems(vec![problem(&source, e.to_string())]))?;
        files.insert(format!("forms/{}.json", form.id), json);
    }
    Ok(())
}

#[cfg(feature = "sync")]
fn spreadsheet(bytes: &[u8]) -> Result<Workbook, String> {
    Workbook::from_spreadsheet(bytes).map_err(|e| e.to_string())
}

#[cfg(not(feature = "sync"))]
fn spreadsheet(_: &[u8]) -> Result<Workbook, String> {
    Err("spreadsheets are read by the publisher (content-sync publish)".to_owned())
}

/// Reading the forms of an installed generation failed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The forms directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// Where.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A definition is not valid JSON of the expected shape.
    #[error("{path}: {message}")]
    Invalid {
        /// Which.
        path: String,
        /// Why.
        message: String,
    },
}

/// The forms of a generation's file tree (`FILES/forms/*.json`), sorted by
/// id. The store checked them when it activated the generation.
pub fn load(files_dir: &Path) -> Result<Vec<FormDef>, LoadError> {
    let dir = files_dir.join("forms");
    let io = |source| LoadError::Io {
        path: dir.display().to_string(),
        source,
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(io(error)),
    };
    let mut forms = Vec::new();
    for entry in entries {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(&path).map_err(|source| LoadError::Io {
                path: path.display().to_string(),
                source,
            })?;
            let form: FormDef = serde_json::from_slice(&bytes).map_err(|e| LoadError::Invalid {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
            forms.push(form);
        }
    }
    forms.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(forms)
}

/// Checks `forms/ID.json` as a device reads it.
pub fn parse_definition(
    id: &str,
    bytes: &[u8],
    languages: &[String],
) -> Result<FormDef, Vec<String>> {
    let form: FormDef =
        serde_json::from_slice(bytes).map_err(|e| vec![format!("not a form definition: {e}")])?;
    let problems = check::definition(&form, id, languages);
    if problems.is_empty() {
        Ok(form)
    } else {
        Err(problems)
    }
}

//! XLSForm (survey, choices and settings sheets, as ODK and KoboToolbox
//! use them) converted into a [`FormDef`]. Every problem is reported with
//! its sheet, row and column, unknown types and columns included, so that
//! an editor fixes all of them in one round.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::expr::{self, Expr};
use super::model::{
    Choice, FORM_FORMAT, Field, FormDef, Item, Kind, ProfileKey, Repeat, Step, Texts,
};
use super::workbook::Workbook;

/// One problem of a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    /// The sheet.
    pub sheet: String,
    /// The spreadsheet row (1-based, the header is row 1).
    pub row: Option<usize>,
    /// The column's header.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FormProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sheet {}", self.sheet)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The most entries of a repeat when the editor names none.
pub const DEFAULT_REPEAT_MAX: u32 = 10;

/// Survey columns that carry a text per language.
const SURVEY_TEXTS: &[&str] = &[
    "label",
    "hint",
    "privacy",
    "required_message",
    "constraint_message",
];
/// Survey columns with one value.
const SURVEY_PLAIN: &[&str] = &[
    "type",
    "name",
    "required",
    "relevant",
    "constraint",
    "calculation",
    "default",
    "appearance",
    "choice_filter",
    "repeat_count",
    "profile",
    "fim_id",
    "pdf_field",
];
const SETTINGS_TEXTS: &[&str] = &["form_title", "summary", "keywords"];
const SETTINGS_PLAIN: &[&str] = &[
    "form_id",
    "version",
    "default_language",
    "pictogram",
    "online_service",
    "official_pdf",
    "documents",
];

/// A header cell: its column name and, for texts, its language.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Header {
    name: String,
    lang: Option<String>,
    text: String,
}

/// `label::Deutsch (de)` and `label::de` give `de`; `label` gives none.
fn parse_header(cell: &str) -> Header {
    let text = cell.trim().to_owned();
    match text.split_once("::") {
        Some((name, lang)) => {
            let lang = lang.trim();
            let tag = match (lang.rfind('('), lang.ends_with(')')) {
                (Some(open), true) => &lang[open + 1..lang.len() - 1],
                _ => lang,
            };
            Header {
                name: name.trim().to_lowercase(),
                lang: Some(tag.trim().to_owned()),
                text,
            }
        }
        None => Header {
            name: text.to_lowercase(),
            lang: None,
            text,
        },
    }
}

/// A sheet's rows as maps from header to cell.
struct Sheet {
    name: String,
    headers: Vec<Header>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    fn read(
        workbook: &Workbook,
        name: &str,
        texts: &[&str],
        plain: &[&str],
        open: bool,
        problems: &mut Vec<FormProblem>,
    ) -> Option<Sheet> {
        let rows = workbook.sheets.get(name)?;
        let mut iter = rows.iter().enumerate().skip_while(|(_, r)| blank(r));
        let Some((header_index, header_row)) = iter.next() else {
            return Some(Sheet {
                name: name.to_owned(),
                headers: Vec::new(),
                rows: Vec::new(),
            });
        };
        let headers: Vec<Header> = header_row.iter().map(|c| parse_header(c)).collect();
        let mut seen = BTreeSet::new();
        for (column, header) in headers.iter().enumerate() {
            if header.text.is_empty() {
                continue;
            }
            let known = if header.lang.is_some() {
                texts.contains(&header.name.as_str())
            } else {
                texts.contains(&header.name.as_str()) || plain.contains(&header.name.as_str())
            };
            let problem = |message: String| FormProblem {
                sheet: name.to_owned(),
                row: Some(header_index + 1),
                column: Some(column_letter(column)),
                message,
            };
            if !known && !open {
                problems.push(problem(format!(
                    "unknown column \"{}\" (known: {})",
                    header.text,
                    texts
                        .iter()
                        .map(|t| format!("{t}::LANG"))
                        .chain(plain.iter().map(|p| p.to_string()))
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            if !seen.insert((header.name.clone(), header.lang.clone())) {
                problems.push(problem(format!("column \"{}\" appears twice", header.text)));
            }
        }
        let rows = rows
            .iter()
            .enumerate()
            .skip(header_index + 1)
            .filter(|(_, row)| !blank(row))
            .map(|(index, row)| (index + 1, row.clone()))
            .collect();
        Some(Sheet {
            name: name.to_owned(),
            headers,
            rows,
        })
    }

    fn cell<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.headers
            .iter()
            .position(|h| h.name == name && h.lang.is_none())
            .and_then(|i| row.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    fn texts(&self, row: &[String], name: &str, default_lang: &str) -> Texts {
        self.headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.name == name)
            .filter_map(|(i, h)| {
                let value = row.get(i)?.trim();
                (!value.is_empty()).then(|| {
                    let lang = h.lang.clone().unwrap_or_else(|| default_lang.to_owned());
                    (lang, value.to_owned())
                })
            })
            .collect()
    }

    fn column_of(&self, name: &str) -> String {
        self.headers
            .iter()
            .find(|h| h.name == name)
            .map(|h| h.text.clone())
            .unwrap_or_else(|| name.to_owned())
    }
}

fn blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// `A`, `B`, …, `Z`, `AA`: how spreadsheets name column `index` (0-based).
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// What the converter keeps while it walks the survey sheet.
struct Builder<'a> {
    survey: &'a Sheet,
    default_lang: String,
    problems: Vec<FormProblem>,
    steps: Vec<Step>,
    /// Open groups: their relevant condition and the row they begin on.
    groups: Vec<(Option<Expr>, usize)>,
    repeat: Option<(Repeat, usize)>,
    loose: Vec<Item>,
    names: BTreeMap<String, usize>,
}

impl Builder<'_> {
    fn problem(&mut self, row: usize, column: Option<&str>, message: impl Into<String>) {
        self.problems.push(FormProblem {
            sheet: self.survey.name.clone(),
            row: Some(row),
            column: column.map(|c| self.survey.column_of(c)),
            message: message.into(),
        });
    }

    fn expression(&mut self, row: usize, cells: &[String], column: &str) -> Option<Expr> {
        let source = self.survey.cell(cells, column);
        if source.is_empty() {
            return None;
        }
        let parsed = if column == "choice_filter" {
            expr::parse_filter(source)
        } else {
            expr::parse(source)
        };
        match parsed {
            Ok(expr) => Some(expr),
            Err(error) => {
                self.problem(row, Some(column), error.to_string());
                None
            }
        }
    }

    fn push_item(&mut self, item: Item) {
        if self.groups.is_empty() {
            self.loose.push(item);
        } else if let Some(step) = self.steps.last_mut() {
            step.items.push(item);
        }
    }

    /// Questions outside any group become a step of their own.
    fn flush_loose(&mut self, title: &Texts) {
        if !self.loose.is_empty() {
            let index = self.steps.len() + 1;
            self.steps.push(Step {
                name: format!("step_{index}"),
                label: title.clone(),
                relevant: None,
                items: std::mem::take(&mut self.loose),
            });
        }
    }
}

/// Converts a workbook into a form definition, or gives every problem.
pub fn convert(workbook: &Workbook) -> Result<FormDef, Vec<FormProblem>> {
    let mut problems = Vec::new();
    let Some(survey) = Sheet::read(
        workbook,
        "survey",
        SURVEY_TEXTS,
        SURVEY_PLAIN,
        false,
        &mut problems,
    ) else {
        return Err(vec![FormProblem {
            sheet: "survey".into(),
            row: None,
            column: None,
            message: "the workbook has no survey sheet".into(),
        }]);
    };
    let settings = Sheet::read(
        workbook,
        "settings",
        SETTINGS_TEXTS,
        SETTINGS_PLAIN,
        false,
        &mut problems,
    );
    let choices_sheet = Sheet::read(
        workbook,
        "choices",
        &["label"],
        &["list_name", "name"],
        true,
        &mut problems,
    );
    for name in workbook.sheets.keys() {
        if !["survey", "settings", "choices"].contains(&name.as_str()) {
            problems.push(FormProblem {
                sheet: name.clone(),
                row: None,
                column: None,
                message: "unknown sheet: an XLSForm has the sheets survey, choices and settings"
                    .into(),
            });
        }
    }

    let settings_row = settings
        .as_ref()
        .and_then(|s| s.rows.first().map(|(row, cells)| (s, *row, cells.clone())));
    let setting = |name: &str| {
        settings_row
            .as_ref()
            .map(|(sheet, _, cells)| sheet.cell(cells, name).to_owned())
            .unwrap_or_default()
    };
    let default_lang = match setting("default_language") {
        lang if lang.is_empty() => crate::source::REFERENCE_LANGUAGE.to_owned(),
        lang => parse_header(&format!("x::{lang}")).lang.unwrap_or(lang),
    };
    let setting_texts = |name: &str| {
        settings_row
            .as_ref()
            .map(|(sheet, _, cells)| sheet.texts(cells, name, &default_lang))
            .unwrap_or_default()
    };
    let id = setting("form_id");
    let settings_problem = |problems: &mut Vec<FormProblem>, column: &str, message: &str| {
        problems.push(FormProblem {
            sheet: "settings".into(),
            row: settings_row.as_ref().map(|(_, row, _)| *row).or(Some(2)),
            column: Some(column.into()),
            message: message.into(),
        })
    };
    if id.is_empty() {
        settings_problem(
            &mut problems,
            "form_id",
            "every form needs a form_id (letters, digits, - and _)",
        );
    } else if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        settings_problem(
            &mut problems,
            "form_id",
            "a form_id has only letters, digits, - and _",
        );
    }
    let title = setting_texts("form_title");
    if title.is_empty() {
        settings_problem(&mut problems, "form_title", "every form needs a title");
    }

    // Choices.
    let mut choices: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    if let Some(sheet) = &choices_sheet {
        for (row, cells) in &sheet.rows {
            let list = sheet.cell(cells, "list_name");
            let name = sheet.cell(cells, "name");
            let problem = |column: &str, message: &str| FormProblem {
                sheet: sheet.name.clone(),
                row: Some(*row),
                column: Some(sheet.column_of(column)),
                message: message.into(),
            };
            if list.is_empty() {
                problems.push(problem("list_name", "a choice needs its list_name"));
                continue;
            }
            if name.is_empty() || name.contains(char::is_whitespace) {
                problems.push(problem("name", "a choice needs a name without spaces"));
                continue;
            }
            let entries = choices.entry(list.to_owned()).or_default();
            if entries.iter().any(|c| c.name == name) {
                problems.push(problem(
                    "name",
                    &format!("the list {list} has \"{name}\" twice"),
                ));
            }
            let columns = sheet
                .headers
                .iter()
                .enumerate()
                .filter(|(_, h)| {
                    h.lang.is_none()
                        && !["list_name", "name", "label"].contains(&h.name.as_str())
                        && !h.name.is_empty()
                })
                .map(|(i, h)| {
                    (
                        h.name.clone(),
                        cells
                            .get(i)
                            .map(|c| c.trim().to_owned())
                            .unwrap_or_default(),
                    )
                })
                .collect();
            entries.push(Choice {
                name: name.to_owned(),
                label: sheet.texts(cells, "label", &default_lang),
                columns,
            });
        }
    }

    let mut builder = Builder {
        survey: &survey,
        default_lang: default_lang.clone(),
        problems,
        steps: Vec::new(),
        groups: Vec::new(),
        repeat: None,
        loose: Vec::new(),
        names: BTreeMap::new(),
    };
    for (row, cells) in &survey.rows {
        convert_row(&mut builder, *row, cells, &choices, &title);
    }
    if let Some((_, row)) = builder.repeat.take() {
        builder.problem(row, Some("type"), "begin repeat without end repeat");
    }
    if let Some(&(_, row)) = builder.groups.last() {
        builder.problem(row, Some("type"), "begin group without end group");
    }
    builder.flush_loose(&title);
    let mut problems = std::mem::take(&mut builder.problems);
    let steps = std::mem::take(&mut builder.steps);
    let names = std::mem::take(&mut builder.names);
    if steps.is_empty() && problems.is_empty() {
        problems.push(FormProblem {
            sheet: "survey".into(),
            row: None,
            column: None,
            message: "the form asks nothing".into(),
        });
    }

    let documents_list = setting("documents");
    let documents = if documents_list.is_empty() {
        Vec::new()
    } else if let Some(list) = choices.get(&documents_list) {
        list.iter().map(|c| c.label.clone()).collect()
    } else {
        settings_problem(
            &mut problems,
            "documents",
            &format!("no choice list named {documents_list}"),
        );
        Vec::new()
    };
    let online_service = Some(setting("online_service")).filter(|s| !s.is_empty());
    if let Some(url) = &online_service
        && !url.starts_with("https://")
    {
        settings_problem(
            &mut problems,
            "online_service",
            "the online service's address starts with https://",
        );
    }
    let official_pdf = Some(setting("official_pdf")).filter(|s| !s.is_empty());
    let pictogram = match setting("pictogram") {
        p if p.is_empty() => "documents-post".to_owned(),
        p => p,
    };
    if crate::model::Category::from_id(&pictogram).is_none() {
        settings_problem(
            &mut problems,
            "pictogram",
            &format!("no pictogram named {pictogram} (use a category id)"),
        );
    }

    let form = FormDef {
        format: FORM_FORMAT,
        id,
        version: setting("version"),
        title,
        summary: setting_texts("summary"),
        pictogram,
        keywords: setting_texts("keywords"),
        online_service,
        official_pdf,
        documents,
        steps,
        choices,
    };
    // References are checked once every name is known.
    for message in super::check::references(&form) {
        let row = names.get(&message.0).copied();
        problems.push(FormProblem {
            sheet: "survey".into(),
            row,
            column: Some(survey.column_of(&message.1)),
            message: message.2,
        });
    }
    if problems.is_empty() {
        Ok(form)
    } else {
        Err(problems)
    }
}

fn convert_row(
    b: &mut Builder<'_>,
    row: usize,
    cells: &[String],
    choices: &BTreeMap<String, Vec<Choice>>,
    title: &Texts,
) {
    let survey = b.survey;
    let kind_text = survey.cell(cells, "type").to_owned();
    let name = survey.cell(cells, "name").to_owned();
    let words: Vec<&str> = kind_text.split_whitespace().collect();
    let label = survey.texts(cells, "label", &b.default_lang);
    match words.as_slice() {
        ["begin", "group"] | ["begin_group"] => {
            if b.repeat.is_some() {
                b.problem(
                    row,
                    Some("type"),
                    "a group inside a repeat is not supported",
                );
                return;
            }
            let relevant = b.expression(row, cells, "relevant");
            if b.groups.is_empty() {
                b.flush_loose(title);
                b.steps.push(Step {
                    name,
                    label,
                    relevant: relevant.clone(),
                    items: Vec::new(),
                });
            }
            b.groups.push((relevant, row));
            return;
        }
        ["end", "group"] | ["end_group"] => {
            if b.repeat.is_some() {
                b.problem(
                    row,
                    Some("type"),
                    "end group inside a repeat: end the repeat first",
                );
            } else if b.groups.pop().is_none() {
                b.problem(row, Some("type"), "end group without begin group");
            }
            return;
        }
        ["begin", "repeat"] | ["begin_repeat"] => {
            if b.repeat.is_some() {
                b.problem(
                    row,
                    Some("type"),
                    "a repeat inside a repeat is not supported",
                );
                return;
            }
            let max = match survey.cell(cells, "repeat_count") {
                "" => DEFAULT_REPEAT_MAX,
                count => match count.parse::<u32>() {
                    Ok(n) if (1..=100).contains(&n) => n,
                    _ => {
                        b.problem(
                            row,
                            Some("repeat_count"),
                            "repeat_count is the most entries, a number from 1 to 100",
                        );
                        DEFAULT_REPEAT_MAX
                    }
                },
            };
            let mut relevant = group_conditions(b);
            relevant.extend(b.expression(row, cells, "relevant"));
            check_name(b, row, &name);
            b.repeat = Some((
                Repeat {
                    name,
                    label,
                    relevant,
                    max,
                    fields: Vec::new(),
                },
                row,
            ));
            return;
        }
        ["end", "repeat"] | ["end_repeat"] => {
            match b.repeat.take() {
                Some((repeat, _)) => b.push_item(Item::Repeat(repeat)),
                None => b.problem(row, Some("type"), "end repeat without begin repeat"),
            }
            return;
        }
        _ => {}
    }
    let kind = match words.as_slice() {
        ["text"] => Kind::Text,
        ["integer"] => Kind::Integer,
        ["decimal"] => Kind::Decimal,
        ["date"] => Kind::Date,
        ["note"] => Kind::Note,
        ["calculate"] => Kind::Calculate,
        ["iban"] => Kind::Iban,
        ["tax_id"] => Kind::TaxId,
        ["social_insurance"] => Kind::SocialInsurance,
        ["postcode"] => Kind::Postcode,
        ["phone"] => Kind::Phone,
        ["email"] => Kind::Email,
        ["birth_date"] => Kind::BirthDate,
        ["select_one", list] | ["select_multiple", list] => {
            if !choices.contains_key(*list) {
                b.problem(
                    row,
                    Some("type"),
                    format!("no choice list named {list} on the choices sheet"),
                );
            }
            if words[0] == "select_one" {
                Kind::SelectOne((*list).to_owned())
            } else {
                Kind::SelectMultiple((*list).to_owned())
            }
        }
        [] => {
            b.problem(row, Some("type"), "this row has no type");
            return;
        }
        _ => {
            b.problem(
                row,
                Some("type"),
                format!(
                    "unknown type \"{kind_text}\" (supported: text, integer, decimal, date, \
                     select_one LIST, select_multiple LIST, note, calculate, begin/end group, \
                     begin/end repeat, iban, tax_id, social_insurance, postcode, phone, email, birth_date)"
                ),
            );
            return;
        }
    };
    check_name(b, row, &name);
    let mut field = Field::new(&name, kind.clone());
    field.label = label;
    field.hint = survey.texts(cells, "hint", &b.default_lang);
    field.privacy = survey.texts(cells, "privacy", &b.default_lang);
    field.required_message = survey.texts(cells, "required_message", &b.default_lang);
    field.constraint_message = survey.texts(cells, "constraint_message", &b.default_lang);
    field.required = match survey.cell(cells, "required").to_lowercase().as_str() {
        "" | "no" | "false" | "false()" => None,
        "yes" | "true" | "true()" => expr::parse("true()").ok(),
        _ => b.expression(row, cells, "required"),
    };
    field.relevant = group_conditions(b);
    field.relevant.extend(b.expression(row, cells, "relevant"));
    field.constraint = b.expression(row, cells, "constraint");
    field.calculation = b.expression(row, cells, "calculation");
    field.default = match survey.cell(cells, "default") {
        "" => None,
        // XLSForm defaults are plain values unless they are expressions.
        text if text.contains("${") || text.contains('(') => b.expression(row, cells, "default"),
        text => expr::parse(&format!("'{}'", text.replace('\'', "’"))).ok(),
    };
    field.choice_filter = b.expression(row, cells, "choice_filter");
    field.appearance = Some(survey.cell(cells, "appearance").to_owned()).filter(|a| !a.is_empty());
    field.fim_id = Some(survey.cell(cells, "fim_id").to_owned()).filter(|a| !a.is_empty());
    field.pdf_field = Some(survey.cell(cells, "pdf_field").to_owned()).filter(|a| !a.is_empty());
    let profile = survey.cell(cells, "profile");
    if !profile.is_empty() {
        field.profile = ProfileKey::from_name(profile);
        if field.profile.is_none() {
            let known: Vec<&str> = ProfileKey::ALL.iter().map(|(n, _)| *n).collect();
            b.problem(
                row,
                Some("profile"),
                format!(
                    "unknown profile key \"{profile}\" (known: {})",
                    known.join(", ")
                ),
            );
        }
    }
    if let Some(fim) = &field.fim_id
        && !(fim.len() >= 2 && fim.starts_with('F') && fim[1..].bytes().all(|c| c.is_ascii_digit()))
    {
        b.problem(
            row,
            Some("fim_id"),
            "a FIM field id is F followed by digits, for example F60000227",
        );
    }
    if kind == Kind::Calculate && field.calculation.is_none() {
        b.problem(
            row,
            Some("calculation"),
            "a calculate row needs a calculation",
        );
    }
    if kind != Kind::Calculate && field.label.is_empty() {
        b.problem(row, Some("label"), "this question has no label");
    }
    if field.choice_filter.is_some()
        && !matches!(kind, Kind::SelectOne(_) | Kind::SelectMultiple(_))
    {
        b.problem(
            row,
            Some("choice_filter"),
            "only select questions have a choice_filter",
        );
    }
    match &mut b.repeat {
        Some((repeat, _)) => {
            field.relevant.retain(|e| !repeat.relevant.contains(e));
            repeat.fields.push(field);
        }
        None => b.push_item(Item::Field(field)),
    }
}

/// The relevant conditions of the open groups.
fn group_conditions(b: &Builder<'_>) -> Vec<Expr> {
    // The step's own condition is checked with the step.
    b.groups
        .iter()
        .skip(1)
        .filter_map(|(relevant, _)| relevant.clone())
        .collect()
}

fn check_name(b: &mut Builder<'_>, row: usize, name: &str) {
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
    if !valid {
        b.problem(row, Some("name"), format!("\"{name}\" is not a valid name (letters, digits, _, - and ., starting with a letter)"));
    } else if let Some(first) = b.names.insert(name.to_owned(), row) {
        b.problem(
            row,
            Some("name"),
            format!("the name {name} is also used in row {first}"),
        );
    }
}

#[cfg(test)]
mod tests;

//! Checks of a form definition that hold whatever it was written in: the
//! publisher runs them on what it converted, the device again on what it
//! downloaded.

use std::collections::BTreeSet;

use super::expr::Expr;
use super::model::{FORM_FORMAT, Field, FormDef, Item, Kind, Texts};

/// Problems with expressions' references: `(field, column, message)`.
pub fn references(form: &FormDef) -> Vec<(String, String, String)> {
    let names: BTreeSet<&str> = form
        .steps
        .iter()
        .flat_map(|step| &step.items)
        .flat_map(|item| match item {
            Item::Field(field) => vec![field.name.as_str()],
            Item::Repeat(repeat) => std::iter::once(repeat.name.as_str())
                .chain(repeat.fields.iter().map(|f| f.name.as_str()))
                .collect(),
        })
        .collect();
    let mut problems = Vec::new();
    let mut check = |owner: &str, column: &str, expr: &Expr, current_allowed: bool| {
        for name in expr.references() {
            if !names.contains(name.as_str()) {
                problems.push((
                    owner.to_owned(),
                    column.to_owned(),
                    format!("${{{name}}} names no question of this form"),
                ));
            }
        }
        if expr.uses_current() && !current_allowed {
            problems.push((
                owner.to_owned(),
                column.to_owned(),
                "`.` (this question's answer) can only be used in a constraint".to_owned(),
            ));
        }
    };
    for step in &form.steps {
        if let Some(relevant) = &step.relevant {
            check(&step.name, "relevant", relevant, false);
        }
        for item in &step.items {
            if let Item::Repeat(repeat) = item {
                for relevant in &repeat.relevant {
                    check(&repeat.name, "relevant", relevant, false);
                }
            }
        }
    }
    for field in form.fields() {
        let name = field.name.as_str();
        for relevant in &field.relevant {
            check(name, "relevant", relevant, false);
        }
        for (column, expr) in [
            ("required", &field.required),
            ("calculation", &field.calculation),
            ("default", &field.default),
            ("choice_filter", &field.choice_filter),
        ] {
            if let Some(expr) = expr {
                check(name, column, expr, false);
            }
        }
        if let Some(constraint) = &field.constraint {
            check(name, "constraint", constraint, true);
        }
    }
    problems
}

/// Problems of a form as a device reads it: the format, its id against
/// its file name, references, choice lists, and every text in every one of
/// `languages` (where the reference language has it).
pub fn definition(form: &FormDef, file_id: &str, languages: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    if form.format != FORM_FORMAT {
        problems.push(format!(
            "form format {} is not the one this version reads ({FORM_FORMAT})",
            form.format
        ));
    }
    if form.id != file_id {
        problems.push(format!(
            "the form_id {} differs from the file name",
            form.id
        ));
    }
    for (owner, column, message) in references(form) {
        problems.push(format!("{owner}, {column}: {message}"));
    }
    let mut missing = |what: &str, texts: &Texts, required: bool| {
        if texts.is_empty() && !required {
            return;
        }
        for lang in languages {
            if !texts.contains_key(lang) {
                problems.push(format!("{what} has no text in {lang}"));
            }
        }
        for lang in texts.keys() {
            if !languages.contains(lang) {
                problems.push(format!(
                    "{what} has a text in {lang}, which the pack does not ship"
                ));
            }
        }
    };
    missing("form_title", &form.title, true);
    missing("summary", &form.summary, true);
    for (index, document) in form.documents.iter().enumerate() {
        missing(&format!("document {}", index + 1), document, true);
    }
    for step in &form.steps {
        missing(&format!("{} label", step.name), &step.label, true);
    }
    for field in form.fields() {
        field_texts(field, &mut missing);
    }
    for (list, choices) in &form.choices {
        for choice in choices {
            missing(
                &format!("choice {list}/{}", choice.name),
                &choice.label,
                true,
            );
        }
    }
    let lists: Vec<String> = form
        .fields()
        .filter_map(|field| match &field.kind {
            Kind::SelectOne(list) | Kind::SelectMultiple(list) => Some(list.clone()),
            _ => None,
        })
        .filter(|list| !form.choices.contains_key(list))
        .collect();
    for list in lists {
        problems.push(format!("no choice list named {list}"));
    }
    problems
}

fn field_texts(field: &Field, missing: &mut impl FnMut(&str, &Texts, bool)) {
    let name = &field.name;
    missing(
        &format!("{name} label"),
        &field.label,
        field.kind != Kind::Calculate,
    );
    missing(&format!("{name} hint"), &field.hint, false);
    missing(&format!("{name} privacy"), &field.privacy, false);
    missing(
        &format!("{name} required_message"),
        &field.required_message,
        false,
    );
    missing(
        &format!("{name} constraint_message"),
        &field.constraint_message,
        false,
    );
}

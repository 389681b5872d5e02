//! The wizard: which step is shown, which questions of it apply, the check
//! of an answer when its field is left, Next and Back, and the summary.

use std::collections::BTreeMap;
use std::sync::Arc;

use content_sync::forms::expr::{self, Env, Expr, Value};
use content_sync::forms::model::{Choice, Field, FormDef, Item, Kind, ProfileKey, Repeat, Texts};
use content_sync::forms::types::{self, Invalid};
use jiff::civil::Date;
use zeroize::Zeroize;

use super::answers::{Answers, Scope, Slot};
use super::profile::Profile;

/// Where the wizard is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardStep {
    /// A step of the form (its index in the definition).
    Step(usize),
    /// The summary to check before the end.
    Summary,
}

/// Why an answer cannot stay as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldError {
    /// The field must be answered; the form's own message, if it has one.
    Required(Texts),
    /// The answer does not fit the field's type.
    Invalid(Invalid),
    /// The form's check failed; its message, if it has one.
    Constraint(Texts),
}

/// One thing the current step shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown<'a> {
    /// A question or a note.
    Field {
        /// The field.
        field: &'a Field,
        /// Where its answer goes.
        slot: Slot,
    },
    /// The heading of entry `entry` of a repeat, with a remove button.
    Entry {
        /// The repeat.
        repeat: &'a Repeat,
        /// The entry (0-based).
        entry: usize,
    },
    /// The button that adds an entry to a repeat (absent at its maximum).
    AddEntry {
        /// The repeat.
        repeat: &'a Repeat,
    },
}

/// One answered question, for the summary and the printed form.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryLine {
    /// The step it belongs to.
    pub step: usize,
    /// Where the answer is.
    pub slot: Slot,
    /// The question in the visitor's language.
    pub label: String,
    /// The question in German.
    pub label_de: String,
    /// The answer as the visitor reads it.
    pub answer: String,
    /// The answer in German.
    pub answer_de: String,
    /// The FIM field id, if the form names one.
    pub fim_id: Option<String>,
    /// The AcroForm field of the official PDF, if any.
    pub pdf_field: Option<String>,
}

/// A form being filled in.
#[derive(Debug, Clone)]
pub struct Wizard {
    form: Arc<FormDef>,
    answers: Answers,
    at: WizardStep,
    today: Date,
    errors: BTreeMap<Slot, FieldError>,
}

impl Zeroize for Wizard {
    fn zeroize(&mut self) {
        self.answers.zeroize();
        self.errors.clear();
    }
}

impl Drop for Wizard {
    fn drop(&mut self) {
        self.zeroize();
    }
}

fn eval_bool(expr: &Expr, scope: &Scope<'_>) -> bool {
    expr::eval_bool(expr, scope).unwrap_or(false)
}

impl Wizard {
    /// Starts `form` on `today`, its defaults filled in, at its first step
    /// that applies.
    pub fn new(form: Arc<FormDef>, today: Date) -> Wizard {
        let mut wizard = Wizard {
            form,
            answers: Answers::default(),
            at: WizardStep::Step(0),
            today,
            errors: BTreeMap::new(),
        };
        let defaults: Vec<(String, String)> = wizard
            .form
            .steps
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|item| match item {
                Item::Field(field) => Some(field),
                Item::Repeat(_) => None,
            })
            .filter_map(|field| {
                let value = expr::eval(
                    field.default.as_ref()?,
                    &wizard.scope(None, Some(&field.name)),
                )
                .ok()?;
                Some((field.name.clone(), value.to_text()))
            })
            .collect();
        let form = Arc::clone(&wizard.form);
        for (name, value) in defaults {
            wizard.answers.set(&form, &Slot::top(&name), &value);
        }
        wizard.recalculate();
        wizard.at = match wizard.visible_steps().first() {
            Some(&first) => WizardStep::Step(first),
            None => WizardStep::Summary,
        };
        wizard
    }

    /// The form.
    pub fn form(&self) -> &Arc<FormDef> {
        &self.form
    }

    /// Where the wizard is.
    pub fn at(&self) -> WizardStep {
        self.at
    }

    fn scope<'a>(&'a self, entry: Option<usize>, current: Option<&'a str>) -> Scope<'a> {
        Scope {
            form: &self.form,
            answers: &self.answers,
            entry,
            current,
            today: self.today,
        }
    }

    /// The steps that apply with the answers so far.
    pub fn visible_steps(&self) -> Vec<usize> {
        self.form
            .steps
            .iter()
            .enumerate()
            .filter(|(_, step)| {
                step.relevant
                    .as_ref()
                    .is_none_or(|r| eval_bool(r, &self.scope(None, None)))
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// Step `n` of `m` for the progress bar (the summary is `m` of `m`).
    pub fn progress(&self) -> (usize, usize) {
        let visible = self.visible_steps();
        let total = visible.len() + 1;
        match self.at {
            WizardStep::Step(index) => (
                visible.iter().position(|&s| s == index).unwrap_or(0) + 1,
                total,
            ),
            WizardStep::Summary => (total, total),
        }
    }

    fn applies(&self, field: &Field, entry: Option<usize>) -> bool {
        let scope = self.scope(entry, Some(&field.name));
        field.relevant.iter().all(|r| eval_bool(r, &scope))
    }

    fn repeat_applies(&self, repeat: &Repeat) -> bool {
        let scope = self.scope(None, None);
        repeat.relevant.iter().all(|r| eval_bool(r, &scope))
    }

    /// What step `index` shows with the answers so far.
    pub fn shown_in(&self, index: usize) -> Vec<Shown<'_>> {
        let Some(step) = self.form.steps.get(index) else {
            return Vec::new();
        };
        let mut shown = Vec::new();
        for item in &step.items {
            match item {
                Item::Field(field)
                    if field.kind != Kind::Calculate && self.applies(field, None) =>
                {
                    shown.push(Shown::Field {
                        field,
                        slot: Slot::top(&field.name),
                    });
                }
                Item::Field(_) => {}
                Item::Repeat(repeat) if self.repeat_applies(repeat) => {
                    let entries = self.answers.entries(&repeat.name);
                    for entry in 0..entries {
                        shown.push(Shown::Entry { repeat, entry });
                        for field in &repeat.fields {
                            if field.kind != Kind::Calculate && self.applies(field, Some(entry)) {
                                shown.push(Shown::Field {
                                    field,
                                    slot: Slot::entry(&field.name, entry),
                                });
                            }
                        }
                    }
                    if entries < repeat.max as usize {
                        shown.push(Shown::AddEntry { repeat });
                    }
                }
                Item::Repeat(_) => {}
            }
        }
        shown
    }

    /// What the current step shows (nothing on the summary).
    pub fn shown(&self) -> Vec<Shown<'_>> {
        match self.at {
            WizardStep::Step(index) => self.shown_in(index),
            WizardStep::Summary => Vec::new(),
        }
    }

    /// The answer in `slot` as it stands.
    pub fn answer(&self, slot: &Slot) -> &str {
        self.answers.get(&self.form, slot).unwrap_or("")
    }

    /// The problem of the answer in `slot`, since it was last checked.
    pub fn error(&self, slot: &Slot) -> Option<&FieldError> {
        self.errors.get(slot)
    }

    /// Sets the answer in `slot` as typed; it is checked when the field is
    /// left.
    pub fn set(&mut self, slot: &Slot, text: &str) {
        let form = Arc::clone(&self.form);
        self.answers.set(&form, slot, text);
        self.recalculate();
    }

    /// For a select_multiple: adds or removes `choice`.
    pub fn toggle(&mut self, slot: &Slot, choice: &str) {
        let mut selected: Vec<String> = self
            .answer(slot)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        if let Some(index) = selected.iter().position(|c| c == choice) {
            selected.remove(index);
        } else {
            selected.push(choice.to_owned());
        }
        let joined = selected.join(" ");
        self.set(slot, &joined);
    }

    /// The choices of a select field in `slot`, after its choice filter.
    pub fn choices(&self, slot: &Slot) -> Vec<&Choice> {
        let Some(field) = self.form.field(&slot.field) else {
            return Vec::new();
        };
        let (Kind::SelectOne(list) | Kind::SelectMultiple(list)) = &field.kind else {
            return Vec::new();
        };
        let Some(choices) = self.form.choices.get(list) else {
            return Vec::new();
        };
        match &field.choice_filter {
            None => choices.iter().collect(),
            Some(filter) => choices
                .iter()
                .filter(|choice| {
                    let scope = ChoiceScope {
                        inner: self.scope(slot.entry, Some(&field.name)),
                        choice,
                    };
                    expr::eval_bool(filter, &scope).unwrap_or(false)
                })
                .collect(),
        }
    }

    /// Checks the answer in `slot` as its field is left: required, type,
    /// then the form's own constraint. A good answer is stored normalised.
    pub fn leave(&mut self, slot: &Slot) -> Result<(), FieldError> {
        let result = self.check(slot);
        match &result {
            Ok(Some(normalised)) => {
                let normalised = normalised.clone();
                self.set(slot, &normalised);
                self.errors.remove(slot);
            }
            Ok(None) => {
                self.errors.remove(slot);
            }
            Err(error) => {
                self.errors.insert(slot.clone(), error.clone());
            }
        }
        result.map(|_| ())
    }

    fn check(&self, slot: &Slot) -> Result<Option<String>, FieldError> {
        let Some(field) = self.form.field(&slot.field) else {
            return Ok(None);
        };
        if !field.kind.is_input() {
            return Ok(None);
        }
        let text = self.answer(slot).trim().to_owned();
        if text.is_empty() {
            let scope = self.scope(slot.entry, Some(&field.name));
            let required = field
                .required
                .as_ref()
                .is_some_and(|r| eval_bool(r, &scope));
            return if required {
                Err(FieldError::Required(field.required_message.clone()))
            } else {
                Ok(None)
            };
        }
        if let Kind::SelectOne(_) | Kind::SelectMultiple(_) = &field.kind {
            let names: Vec<&str> = self.choices(slot).iter().map(|c| c.name.as_str()).collect();
            if !text.split_whitespace().all(|c| names.contains(&c)) {
                return Err(FieldError::Constraint(Texts::new()));
            }
        }
        let normalised =
            types::check(&field.kind, &text, self.today).map_err(FieldError::Invalid)?;
        if let Some(constraint) = &field.constraint {
            let mut answers = self.answers.clone();
            answers.set(&self.form, slot, &normalised);
            let scope = Scope {
                form: &self.form,
                answers: &answers,
                entry: slot.entry,
                current: Some(&field.name),
                today: self.today,
            };
            let ok = expr::eval_bool(constraint, &scope).unwrap_or(false);
            answers.zeroize();
            if !ok {
                return Err(FieldError::Constraint(field.constraint_message.clone()));
            }
        }
        Ok(Some(normalised))
    }

    /// Checks every question of the current step; on success moves to the
    /// next step that applies, or to the summary. Returns whether it moved.
    pub fn forward(&mut self) -> bool {
        let WizardStep::Step(index) = self.at else {
            return false;
        };
        let slots: Vec<Slot> = self
            .shown_in(index)
            .into_iter()
            .filter_map(|shown| match shown {
                Shown::Field { slot, .. } => Some(slot),
                _ => None,
            })
            .collect();
        let mut ok = true;
        for slot in &slots {
            ok &= self.leave(slot).is_ok();
        }
        if !ok {
            return false;
        }
        self.at = match self.visible_steps().into_iter().find(|&s| s > index) {
            Some(next) => WizardStep::Step(next),
            None => WizardStep::Summary,
        };
        true
    }

    /// Goes to the previous step that applies, keeping every answer.
    /// Returns false on the first step (the caller leaves the form).
    pub fn back(&mut self) -> bool {
        let visible = self.visible_steps();
        let previous = match self.at {
            WizardStep::Summary => visible.last().copied(),
            WizardStep::Step(index) => visible.into_iter().rev().find(|&s| s < index),
        };
        match previous {
            Some(step) => {
                self.at = WizardStep::Step(step);
                true
            }
            None => false,
        }
    }

    /// Opens step `index` from the summary, to correct an answer.
    pub fn go_to(&mut self, index: usize) {
        if self.visible_steps().contains(&index) {
            self.at = WizardStep::Step(index);
        }
    }

    /// Adds an entry to `repeat` unless it is full.
    pub fn add_entry(&mut self, repeat: &str) {
        let max = self.form.repeat(repeat).map(|r| r.max as usize);
        if max.is_some_and(|max| self.answers.entries(repeat) < max) {
            self.answers.add_entry(repeat);
            self.recalculate();
        }
    }

    /// Removes entry `entry` of `repeat`.
    pub fn remove_entry(&mut self, repeat: &str, entry: usize) {
        self.answers.remove_entry(repeat, entry);
        self.errors.retain(|slot, _| slot.entry.is_none());
        self.recalculate();
    }

    /// What the session remembers for `field` (once only), when the field is
    /// still empty.
    pub fn offer(&self, slot: &Slot, profile: &Profile) -> Option<String> {
        let key = self.form.field(&slot.field)?.profile?;
        if !self.answer(slot).is_empty() {
            return None;
        }
        profile.get(key).map(str::to_owned)
    }

    /// Copies the answered personal-data fields into the session's profile.
    pub fn remember(&self, profile: &mut Profile) {
        let keyed: Vec<(ProfileKey, String)> = self
            .form
            .fields()
            .filter(|f| self.form.repeat_of(&f.name).is_none())
            .filter_map(|f| Some((f.profile?, f.name.clone())))
            .collect();
        for (key, name) in keyed {
            let slot = Slot::top(&name);
            if self.error(&slot).is_none() && !self.answer(&slot).is_empty() {
                profile.set(key, self.answer(&slot));
            }
        }
    }

    fn recalculate(&mut self) {
        let form = Arc::clone(&self.form);
        // Twice, so that a calculation may use one written below it.
        for _ in 0..2 {
            for step in &form.steps {
                for item in &step.items {
                    match item {
                        Item::Field(field) if field.kind == Kind::Calculate => {
                            let value = self.calculated(field, None);
                            self.answers.set(&form, &Slot::top(&field.name), &value);
                        }
                        Item::Repeat(repeat) => {
                            for entry in 0..self.answers.entries(&repeat.name) {
                                for field in
                                    repeat.fields.iter().filter(|f| f.kind == Kind::Calculate)
                                {
                                    let value = self.calculated(field, Some(entry));
                                    self.answers.set(
                                        &form,
                                        &Slot::entry(&field.name, entry),
                                        &value,
                                    );
                                }
                            }
                        }
                        Item::Field(_) => {}
                    }
                }
            }
        }
    }

    fn calculated(&self, field: &Field, entry: Option<usize>) -> String {
        let Some(calculation) = &field.calculation else {
            return String::new();
        };
        match expr::eval(calculation, &self.scope(entry, Some(&field.name))) {
            Ok(Value::Number(n)) if !n.is_finite() => String::new(),
            Ok(value) => value.to_text(),
            Err(_) => String::new(),
        }
    }

    /// The answer in `slot` as a reader of `lang` sees it: choice labels,
    /// dates as day.month.year, German decimal commas.
    pub fn display(&self, slot: &Slot, lang: &str) -> String {
        let Some(field) = self.form.field(&slot.field) else {
            return String::new();
        };
        let text = self.answer(slot);
        match &field.kind {
            Kind::SelectOne(list) | Kind::SelectMultiple(list) => text
                .split_whitespace()
                .filter_map(|name| {
                    let choice = self
                        .form
                        .choices
                        .get(list)?
                        .iter()
                        .find(|c| c.name == name)?;
                    Some(FormDef::text(&choice.label, lang).to_owned())
                })
                .collect::<Vec<_>>()
                .join(", "),
            Kind::Date | Kind::BirthDate => match text.parse::<Date>() {
                Ok(date) => date.strftime("%d.%m.%Y").to_string(),
                Err(_) => text.to_owned(),
            },
            Kind::Decimal if lang == "de" || lang == "de-x-ls" => text.replace('.', ","),
            _ => text.to_owned(),
        }
    }

    /// Every answered question that applies, in order, in `lang` and German.
    pub fn summary(&self, lang: &str) -> Vec<SummaryLine> {
        let mut lines = Vec::new();
        for step in self.visible_steps() {
            for shown in self.shown_in(step) {
                let Shown::Field { field, slot } = shown else {
                    continue;
                };
                if !field.kind.is_input() || self.answer(&slot).is_empty() {
                    continue;
                }
                let label = |l: &str| match slot.entry {
                    Some(entry) => format!("{} ({})", FormDef::text(&field.label, l), entry + 1),
                    None => FormDef::text(&field.label, l).to_owned(),
                };
                lines.push(SummaryLine {
                    step,
                    label: label(lang),
                    label_de: label("de"),
                    answer: self.display(&slot, lang),
                    answer_de: self.display(&slot, "de"),
                    fim_id: field.fim_id.clone(),
                    pdf_field: field.pdf_field.clone(),
                    slot,
                });
            }
        }
        lines
    }
}

/// The scope of a choice filter: the answers, and a choice's columns by
/// their bare names (`region = ${state}`).
struct ChoiceScope<'a> {
    inner: Scope<'a>,
    choice: &'a Choice,
}

impl Env for ChoiceScope<'_> {
    fn field(&self, name: &str) -> Value {
        self.inner.field(name)
    }

    fn current(&self) -> Value {
        self.inner.current()
    }

    fn today(&self) -> Date {
        self.inner.today()
    }

    fn column(&self, name: &str) -> Value {
        if name == "name" {
            return Value::Text(self.choice.name.clone());
        }
        self.choice
            .columns
            .get(name)
            .map(|v| Value::Text(v.clone()))
            .unwrap_or(Value::Empty)
    }
}

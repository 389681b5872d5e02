//! A visitor's answers to one form, in memory only, and the environment
//! the form's expressions read them through.

use std::collections::BTreeMap;
use std::sync::Arc;

use content_sync::forms::expr::{Env, Value};
use content_sync::forms::model::{FormDef, Kind};
use jiff::civil::Date;
use zeroize::Zeroize;

/// Where an answer lives: a field, and for fields of a repeat the entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot {
    /// The field's name.
    pub field: String,
    /// The entry of its repeat (0-based), for fields inside a repeat.
    pub entry: Option<usize>,
}

impl Slot {
    /// A field outside any repeat.
    pub fn top(field: &str) -> Slot {
        Slot {
            field: field.to_owned(),
            entry: None,
        }
    }

    /// A field of entry `entry` of its repeat.
    pub fn entry(field: &str, entry: usize) -> Slot {
        Slot {
            field: field.to_owned(),
            entry: Some(entry),
        }
    }
}

/// The answers, as the visitor typed them once checked (normalised).
#[derive(Debug, Clone, Default)]
pub struct Answers {
    top: BTreeMap<String, String>,
    /// Entries of each repeat, by repeat name.
    repeats: BTreeMap<String, Vec<BTreeMap<String, String>>>,
}

impl Zeroize for Answers {
    fn zeroize(&mut self) {
        for value in self.top.values_mut() {
            value.zeroize();
        }
        for entries in self.repeats.values_mut() {
            for entry in entries.iter_mut() {
                for value in entry.values_mut() {
                    value.zeroize();
                }
            }
        }
        self.top.clear();
        self.repeats.clear();
    }
}

impl Answers {
    /// The answer in `slot`, if any.
    pub fn get(&self, form: &FormDef, slot: &Slot) -> Option<&str> {
        match (slot.entry, form.repeat_of(&slot.field)) {
            (Some(entry), Some(repeat)) => self
                .repeats
                .get(&repeat.name)?
                .get(entry)?
                .get(&slot.field)
                .map(String::as_str),
            (None, None) => self.top.get(&slot.field).map(String::as_str),
            _ => None,
        }
    }

    /// Sets or clears (empty text) the answer in `slot`.
    pub fn set(&mut self, form: &FormDef, slot: &Slot, value: &str) {
        let map = match (slot.entry, form.repeat_of(&slot.field)) {
            (Some(entry), Some(repeat)) => {
                match self
                    .repeats
                    .get_mut(&repeat.name)
                    .and_then(|entries| entries.get_mut(entry))
                {
                    Some(map) => map,
                    None => return,
                }
            }
            (None, None) => &mut self.top,
            _ => return,
        };
        if value.is_empty() {
            if let Some(mut old) = map.remove(&slot.field) {
                old.zeroize();
            }
        } else if let Some(old) = map.get_mut(&slot.field) {
            old.zeroize();
            old.push_str(value);
        } else {
            map.insert(slot.field.clone(), value.to_owned());
        }
    }

    /// How many entries repeat `name` has.
    pub fn entries(&self, repeat: &str) -> usize {
        self.repeats.get(repeat).map_or(0, Vec::len)
    }

    /// Adds an entry to repeat `name`; returns its index.
    pub fn add_entry(&mut self, repeat: &str) -> usize {
        let entries = self.repeats.entry(repeat.to_owned()).or_default();
        entries.push(BTreeMap::new());
        entries.len() - 1
    }

    /// Removes entry `index` of repeat `name`.
    pub fn remove_entry(&mut self, repeat: &str, index: usize) {
        if let Some(entries) = self.repeats.get_mut(repeat)
            && index < entries.len()
        {
            let mut entry = entries.remove(index);
            for value in entry.values_mut() {
                value.zeroize();
            }
        }
    }
}

/// The value of an answer as expressions see it.
fn value_of(kind: &Kind, text: Option<&str>) -> Value {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return Value::Empty;
    };
    match kind {
        Kind::Integer | Kind::Decimal => text
            .parse::<f64>()
            .map(Value::Number)
            .unwrap_or(Value::Empty),
        Kind::Date | Kind::BirthDate => text
            .parse::<Date>()
            .map(Value::Date)
            .unwrap_or_else(|_| Value::Text(text.to_owned())),
        _ => Value::Text(text.to_owned()),
    }
}

/// The environment of an expression: the answers, the entry of the repeat
/// it is evaluated in, the current field and today's date.
pub struct Scope<'a> {
    /// The form.
    pub form: &'a Arc<FormDef>,
    /// The answers.
    pub answers: &'a Answers,
    /// The repeat entry the expression belongs to.
    pub entry: Option<usize>,
    /// The field `.` names.
    pub current: Option<&'a str>,
    /// The date `today()` gives.
    pub today: Date,
}

impl Env for Scope<'_> {
    fn field(&self, name: &str) -> Value {
        if let Some(repeat) = self.form.repeat(name) {
            // The repeat itself: one value per entry, for count().
            return Value::Many(
                (0..self.answers.entries(&repeat.name))
                    .map(|_| Value::Bool(true))
                    .collect(),
            );
        }
        let Some(field) = self.form.field(name) else {
            return Value::Empty;
        };
        match (self.form.repeat_of(name), self.entry) {
            (None, _) => value_of(&field.kind, self.answers.get(self.form, &Slot::top(name))),
            (Some(repeat), Some(entry))
                if self.current_repeat().is_some_and(|r| r == repeat.name) =>
            {
                value_of(
                    &field.kind,
                    self.answers.get(self.form, &Slot::entry(name, entry)),
                )
            }
            (Some(repeat), _) => Value::Many(
                (0..self.answers.entries(&repeat.name))
                    .map(|entry| {
                        value_of(
                            &field.kind,
                            self.answers.get(self.form, &Slot::entry(name, entry)),
                        )
                    })
                    .collect(),
            ),
        }
    }

    fn current(&self) -> Value {
        match self.current.and_then(|name| self.form.field(name)) {
            Some(field) => {
                let slot = Slot {
                    field: field.name.clone(),
                    entry: self.entry,
                };
                value_of(&field.kind, self.answers.get(self.form, &slot))
            }
            None => Value::Empty,
        }
    }

    fn today(&self) -> Date {
        self.today
    }
}

impl Scope<'_> {
    /// The repeat the current field belongs to.
    fn current_repeat(&self) -> Option<&str> {
        self.current
            .and_then(|name| self.form.repeat_of(name))
            .map(|r| r.name.as_str())
    }
}

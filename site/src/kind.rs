//! Reading one TOML value as a [`Kind`]: the value, or every flaw in it.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::{UpdateWindow, WifiNetwork};
use crate::rules;
use crate::schema::Kind;

/// A value that passed its kind's checks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Integer(i64),
    Number(f64),
    Bool(bool),
    List(Vec<String>),
    Window(UpdateWindow),
    Networks(Vec<WifiNetwork>),
}

/// Something wrong in a value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flaw {
    /// Appended to the setting's `section.key`: `""`, `"[2]"` or `"[2].psk"`
    /// (entries counted from 1).
    pub suffix: String,
    /// Byte offset of the part that is wrong; `None`: the value's start.
    pub at: Option<usize>,
    pub message: String,
}

impl Flaw {
    fn whole(message: String) -> Vec<Flaw> {
        vec![Flaw {
            suffix: String::new(),
            at: None,
            message,
        }]
    }
}

/// Reads `value` as `kind`.
pub(crate) fn read(kind: Kind, value: &Spanned<DeValue<'_>>) -> Result<Value, Vec<Flaw>> {
    let raw = value.get_ref();
    let expected = || Flaw::whole(kind.expected());
    let checked = |text: &str, rule: fn(&str) -> Result<(), String>| {
        if text.is_empty() {
            return Ok(Value::Text(String::new()));
        }
        rule(text)
            .map(|()| Value::Text(text.to_owned()))
            .map_err(Flaw::whole)
    };
    match kind {
        Kind::Text | Kind::Path | Kind::BuildFile => text(raw)
            .map(|t| Value::Text(t.to_owned()))
            .ok_or_else(expected),
        Kind::Name => {
            let name = text(raw).ok_or_else(expected)?.trim();
            if name.is_empty() {
                return Err(Flaw::whole("the name is empty".to_owned()));
            }
            Ok(Value::Text(name.to_owned()))
        }
        Kind::Integer { min, max } => {
            let number = integer(raw).ok_or_else(expected)?;
            if !(min..=max).contains(&number) {
                return Err(Flaw::whole(format!("{number} is outside {min} to {max}")));
            }
            Ok(Value::Integer(number))
        }
        Kind::Number { min, max } => {
            let number = number(raw).ok_or_else(expected)?;
            if !(min..=max).contains(&number) {
                return Err(Flaw::whole(format!("{number} is outside {min} to {max}")));
            }
            Ok(Value::Number(number))
        }
        Kind::Bool => match raw {
            DeValue::Boolean(flag) => Ok(Value::Bool(*flag)),
            _ => Err(expected()),
        },
        Kind::Choice(words) => {
            let word = text(raw).ok_or_else(expected)?;
            if !words.contains(&word) {
                return Err(Flaw::whole(format!(
                    "\"{word}\": choose {}",
                    or_list(&words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>())
                )));
            }
            Ok(Value::Text(word.to_owned()))
        }
        Kind::IntegerChoice(numbers) => {
            let number = integer(raw).ok_or_else(expected)?;
            if !numbers.contains(&number) {
                return Err(Flaw::whole(format!(
                    "{number} is not {}",
                    or_list(&numbers.iter().map(i64::to_string).collect::<Vec<_>>())
                )));
            }
            Ok(Value::Integer(number))
        }
        Kind::Language => {
            let code = text(raw).ok_or_else(expected)?;
            rules::language(code)
                .map(|tag| Value::Text(tag.to_owned()))
                .map_err(Flaw::whole)
        }
        Kind::LanguageList => languages(kind, raw),
        Kind::Url { optional } => {
            let url = text(raw).ok_or_else(expected)?;
            if url.is_empty() && !optional {
                return Err(Flaw::whole("a URL is needed here".to_owned()));
            }
            checked(url, rules::url)
        }
        Kind::TimeZone => {
            let name = text(raw).ok_or_else(expected)?;
            if name.is_empty() {
                return Err(Flaw::whole(kind.expected()));
            }
            checked(name, rules::time_zone)
        }
        Kind::Hostname => checked(text(raw).ok_or_else(expected)?, rules::hostname),
        Kind::Snapshot => checked(text(raw).ok_or_else(expected)?, rules::snapshot),
        Kind::PinHash => checked(text(raw).ok_or_else(expected)?, rules::pin_hash),
        Kind::TimeWindow => rules::window(text(raw).ok_or_else(expected)?)
            .map(Value::Window)
            .map_err(Flaw::whole),
        Kind::SshKeys => ssh_keys(kind, raw),
        Kind::WifiNetworks => networks(kind, value),
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn text<'a>(value: &'a DeValue<'_>) -> Option<&'a str> {
    match value {
        DeValue::String(text) => Some(text.as_ref()),
        _ => None,
    }
}

fn integer(value: &DeValue<'_>) -> Option<i64> {
    let DeValue::Integer(raw) = value else {
        return None;
    };
    let digits = raw.as_str().replace('_', "");
    let digits = digits
        .trim_start_matches("0x")
        .trim_start_matches("0o")
        .trim_start_matches("0b");
    i64::from_str_radix(digits, raw.radix()).ok()
}

fn number(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(raw) => raw.as_str().replace('_', "").parse::<f64>().ok(),
        DeValue::Float(raw) => raw.as_str().replace('_', "").parse::<f64>().ok(),
        _ => None,
    }
    .filter(|number| number.is_finite())
}

fn item(index: usize, field: Option<&str>, at: usize, message: String) -> Flaw {
    let suffix = match field {
        Some(field) => format!("[{}].{field}", index + 1),
        None => format!("[{}]", index + 1),
    };
    Flaw {
        suffix,
        at: Some(at),
        message,
    }
}

fn languages(kind: Kind, raw: &DeValue<'_>) -> Result<Value, Vec<Flaw>> {
    let DeValue::Array(items) = raw else {
        return Err(Flaw::whole(kind.expected()));
    };
    let mut tags: Vec<String> = Vec::new();
    let mut flaws = Vec::new();
    for entry in items {
        let Some(code) = text(entry.get_ref()) else {
            flaws.push(Flaw {
                suffix: String::new(),
                at: Some(entry.span().start),
                message: kind.expected(),
            });
            continue;
        };
        match rules::language(code) {
            Ok(tag) if !tags.iter().any(|known| known == tag) => tags.push(tag.to_owned()),
            Ok(_) => {}
            Err(message) => flaws.push(Flaw {
                suffix: String::new(),
                at: Some(entry.span().start),
                message,
            }),
        }
    }
    if !flaws.is_empty() {
        return Err(flaws);
    }
    if tags.is_empty() {
        return Err(Flaw::whole("the list is empty".to_owned()));
    }
    Ok(Value::List(tags))
}

fn ssh_keys(kind: Kind, raw: &DeValue<'_>) -> Result<Value, Vec<Flaw>> {
    let DeValue::Array(items) = raw else {
        return Err(Flaw::whole(kind.expected()));
    };
    let mut keys = Vec::new();
    let mut flaws = Vec::new();
    for (index, entry) in items.iter().enumerate() {
        let at = entry.span().start;
        let Some(line) = text(entry.get_ref()) else {
            flaws.push(item(
                index,
                None,
                at,
                "expected a key line in quotes".to_owned(),
            ));
            continue;
        };
        match rules::ssh_key(line) {
            Ok(()) => keys.push(line.trim().to_owned()),
            Err(message) => flaws.push(item(index, None, at, message)),
        }
    }
    if flaws.is_empty() {
        Ok(Value::List(keys))
    } else {
        Err(flaws)
    }
}

fn networks(kind: Kind, value: &Spanned<DeValue<'_>>) -> Result<Value, Vec<Flaw>> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(Flaw::whole(kind.expected()));
    };
    let mut networks: Vec<WifiNetwork> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut flaws = Vec::new();
    for (index, entry) in items.iter().enumerate() {
        let DeValue::Table(table) = entry.get_ref() else {
            flaws.push(item(index, None, entry.span().start, kind.expected()));
            continue;
        };
        if let Some(ssid) = table.get("ssid")
            && let Some(name) = text(ssid.get_ref())
        {
            if let Some(first) = names.iter().position(|known| *known == name) {
                flaws.push(item(
                    index,
                    Some("ssid"),
                    ssid.span().start,
                    format!("the same network as wifi.network[{}]", first + 1),
                ));
            }
            names.push(name);
        }
        match network(index, entry.span().start, table) {
            Ok(network) => networks.push(network),
            Err(more) => flaws.extend(more),
        }
    }
    if flaws.is_empty() {
        Ok(Value::Networks(networks))
    } else {
        Err(flaws)
    }
}

/// One `[[wifi.network]]` table; `at` is where it starts.
fn network(index: usize, at: usize, table: &DeTable<'_>) -> Result<WifiNetwork, Vec<Flaw>> {
    let mut flaws = Vec::new();
    for (key, _) in table {
        if !matches!(key.get_ref().as_ref(), "ssid" | "psk") {
            flaws.push(item(
                index,
                Some(key.get_ref()),
                key.span().start,
                "unknown key (a network has ssid and psk)".to_owned(),
            ));
        }
    }
    let mut field = |name: &str, rule: fn(&str) -> Result<(), String>, missing: &str| {
        let Some(value) = table.get(name) else {
            flaws.push(item(index, Some(name), at, missing.to_owned()));
            return None;
        };
        let at = value.span().start;
        let Some(content) = text(value.get_ref()) else {
            flaws.push(item(
                index,
                Some(name),
                at,
                "expected text in quotes".to_owned(),
            ));
            return None;
        };
        match rule(content) {
            Ok(()) => Some(content.to_owned()),
            Err(message) => {
                flaws.push(item(index, Some(name), at, message));
                None
            }
        }
    };
    let ssid = field(
        "ssid",
        rules::ssid,
        "missing: every network needs its name (ssid)",
    );
    let psk = field(
        "psk",
        rules::psk,
        "missing: give the passphrase, or psk = \"\" for an open network",
    );
    match (ssid, psk) {
        (Some(ssid), Some(psk)) if flaws.is_empty() => Ok(WifiNetwork {
            ssid,
            psk: (!psk.is_empty()).then_some(psk),
        }),
        _ => Err(flaws),
    }
}

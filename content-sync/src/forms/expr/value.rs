//! XPath conversions of [`Value`] and date helpers.

use jiff::civil::Date;

use super::Value;

impl Value {
    /// XPath `boolean()`: false for [`Value::Empty`], `""`, 0 and NaN and an
    /// empty [`Value::Many`]; true otherwise (also for the text `"false"`,
    /// as in XPath).
    pub fn truthy(&self) -> bool {
        match self {
            Value::Empty => false,
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0 && !n.is_nan(),
            Value::Text(s) => !s.is_empty(),
            Value::Date(_) => true,
            Value::Many(values) => !values.is_empty(),
        }
    }

    /// XPath `number()`: NaN for [`Value::Empty`] and text that is not a
    /// number (`"12"`, `" -3.5 "` and `".5"` are numbers; exponents are
    /// not), 1/0 for booleans, and days since 1970-01-01 for dates. As in
    /// ODK, text of the form `YYYY-MM-DD` also converts to its day number.
    /// A [`Value::Many`] converts its first entry (NaN when empty).
    pub fn to_number(&self) -> f64 {
        match self {
            Value::Empty => f64::NAN,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Number(n) => *n,
            Value::Text(s) => {
                let n = parse_number(s);
                if n.is_nan()
                    && let Some(date) = parse_date(s)
                {
                    return date_to_days(date) as f64;
                }
                n
            }
            Value::Date(d) => date_to_days(*d) as f64,
            Value::Many(values) => values.first().map_or(f64::NAN, Value::to_number),
        }
    }

    /// XPath `string()`: `""` for [`Value::Empty`], `"true"`/`"false"`,
    /// numbers without a trailing `.0` and without exponent (`"NaN"`,
    /// `"Infinity"`), dates as `YYYY-MM-DD`. A [`Value::Many`] converts its
    /// first entry (`""` when empty).
    pub fn to_text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => format_number(*n),
            Value::Text(s) => s.clone(),
            Value::Date(d) => d.to_string(),
            Value::Many(values) => values.first().map_or_else(String::new, Value::to_text),
        }
    }

    /// Whether the value counts as unanswered: [`Value::Empty`], `""` or a
    /// [`Value::Many`] without entries.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.is_empty(),
            Value::Many(values) => values.is_empty(),
            Value::Bool(_) | Value::Number(_) | Value::Date(_) => false,
        }
    }
}

/// XPath number syntax: optional whitespace, optional `-`, digits with an
/// optional fraction (or `.digits`), optional whitespace. Otherwise NaN.
pub(super) fn parse_number(s: &str) -> f64 {
    let s = s.trim();
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let dots = body.chars().filter(|&c| c == '.').count();
    if digits == 0 || dots > 1 || digits + dots != body.chars().count() {
        return f64::NAN;
    }
    match body.parse::<f64>() {
        Ok(n) if negative => -n,
        Ok(n) => n,
        Err(_) => f64::NAN,
    }
}

/// XPath number to string.
pub(super) fn format_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".to_owned()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if n == 0.0 {
        "0".to_owned()
    } else {
        // Rust prints the shortest representation that round-trips, without
        // exponent and without a trailing `.0`.
        format!("{n}")
    }
}

/// Parses `YYYY-MM-DD` (surrounding whitespace and a time part starting
/// with `T` are ignored).
pub(super) fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let date = s.get(..10)?;
    let rest = s.get(10..)?;
    if !(rest.is_empty() || rest.starts_with('T')) {
        return None;
    }
    let bytes = date.as_bytes();
    let shape_ok = bytes.iter().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !shape_ok {
        return None;
    }
    let year: i16 = date.get(0..4)?.parse().ok()?;
    let month: i8 = date.get(5..7)?.parse().ok()?;
    let day: i8 = date.get(8..10)?.parse().ok()?;
    Date::new(year, month, day).ok()
}

/// Days since 1970-01-01 (negative before).
pub(super) fn date_to_days(date: Date) -> i64 {
    // Howard Hinnant's days_from_civil; |year| <= 9999 so nothing overflows.
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01, if representable.
pub(super) fn days_to_date(days: i64) -> Option<Date> {
    if !(-5_000_000..=5_000_000).contains(&days) {
        return None;
    }
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// The date a day number (possibly fractional: the day is its floor)
/// denotes, if finite and representable.
pub(super) fn number_to_date(n: f64) -> Option<Date> {
    let n = n.floor();
    if !n.is_finite() || n.abs() > 5_000_000.0 {
        return None;
    }
    days_to_date(n as i64)
}

/// The date a value denotes: a [`Value::Date`] or text `YYYY-MM-DD`.
pub(super) fn as_date(value: &Value) -> Option<Date> {
    match value {
        Value::Date(d) => Some(*d),
        Value::Text(s) => parse_date(s),
        _ => None,
    }
}

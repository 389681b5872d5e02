//! Evaluation of [`Expr`] trees with XPath semantics.

use jiff::civil::Date;

use super::regex::{Regex, STEP_BUDGET};
use super::value::{
    as_date, date_to_days, days_to_date, format_number, number_to_date, parse_date,
};
use super::{BinOp, Env, EvalError, Expr, Func, MAX_DEPTH, Value};

/// Trees deeper than this are refused by [`eval`] (parsed trees are never
/// this deep; deserialised ones might be).
const MAX_EVAL_DEPTH: usize = 4 * MAX_DEPTH;

/// Evaluates an expression.
///
/// Type mix-ups follow XPath (NaN, false, `""`) rather than failing; errors
/// are limited to the cases listed in [`EvalError`].
pub fn eval(expr: &Expr, env: &dyn Env) -> Result<Value, EvalError> {
    Evaluator { env }.eval(expr, 0)
}

/// Evaluates an expression and converts the result with [`Value::truthy`]
/// (for `relevant` and `constraint`).
pub fn eval_bool(expr: &Expr, env: &dyn Env) -> Result<bool, EvalError> {
    Ok(eval(expr, env)?.truthy())
}

struct Evaluator<'a> {
    env: &'a dyn Env,
}

impl Evaluator<'_> {
    fn eval(&self, expr: &Expr, depth: usize) -> Result<Value, EvalError> {
        if depth > MAX_EVAL_DEPTH {
            return Err(EvalError::TooDeep);
        }
        let depth = depth + 1;
        Ok(match expr {
            Expr::Number(n) => Value::Number(*n),
            Expr::Text(s) => Value::Text(s.clone()),
            Expr::Field(name) => self.env.field(name),
            Expr::Column(name) => self.env.column(name),
            Expr::Current => self.env.current(),
            Expr::Neg(inner) => Value::Number(-self.eval(inner, depth)?.to_number()),
            Expr::Binary { op, left, right } => self.binary(*op, left, right, depth)?,
            Expr::Call { func, args } => self.call(*func, args, depth)?,
        })
    }

    fn binary(
        &self,
        op: BinOp,
        left: &Expr,
        right: &Expr,
        depth: usize,
    ) -> Result<Value, EvalError> {
        match op {
            BinOp::And => {
                let result = self.eval(left, depth)?.truthy() && self.eval(right, depth)?.truthy();
                return Ok(Value::Bool(result));
            }
            BinOp::Or => {
                let result = self.eval(left, depth)?.truthy() || self.eval(right, depth)?.truthy();
                return Ok(Value::Bool(result));
            }
            _ => {}
        }
        let l = self.eval(left, depth)?;
        let r = self.eval(right, depth)?;
        Ok(match op {
            BinOp::Eq => Value::Bool(equals(&l, &r, false)),
            BinOp::Ne => Value::Bool(equals(&l, &r, true)),
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => Value::Bool(compare(op, &l, &r)),
            BinOp::Add => add(&l, &r),
            BinOp::Sub => subtract(&l, &r),
            BinOp::Mul => Value::Number(l.to_number() * r.to_number()),
            BinOp::Div => Value::Number(l.to_number() / r.to_number()),
            BinOp::Mod => Value::Number(l.to_number() % r.to_number()),
            BinOp::And | BinOp::Or => Value::Bool(l.truthy() && r.truthy()),
        })
    }

    fn call(&self, func: Func, args: &[Expr], depth: usize) -> Result<Value, EvalError> {
        let arg = |i: usize| -> Result<Value, EvalError> {
            match args.get(i) {
                Some(e) => self.eval(e, depth),
                None => Ok(Value::Empty),
            }
        };
        Ok(match func {
            Func::Not => Value::Bool(!arg(0)?.truthy()),
            Func::True => Value::Bool(true),
            Func::False => Value::Bool(false),
            Func::Selected => {
                let list = arg(0)?.to_text();
                let wanted = arg(1)?.to_text();
                let wanted = wanted.trim();
                Value::Bool(!wanted.is_empty() && list.split_whitespace().any(|v| v == wanted))
            }
            Func::CountSelected => {
                Value::Number(count_f64(arg(0)?.to_text().split_whitespace().count()))
            }
            Func::StringLength => Value::Number(count_f64(arg(0)?.to_text().chars().count())),
            Func::Regex => regex(&arg(0)?.to_text(), &arg(1)?.to_text())?,
            Func::If => {
                if arg(0)?.truthy() {
                    arg(1)?
                } else {
                    arg(2)?
                }
            }
            Func::Coalesce => {
                let first = arg(0)?;
                if first.is_empty() { arg(1)? } else { first }
            }
            Func::Concat => {
                let mut out = String::new();
                for e in args {
                    match self.eval(e, depth)? {
                        Value::Many(items) => items.iter().for_each(|v| out.push_str(&v.to_text())),
                        v => out.push_str(&v.to_text()),
                    }
                }
                Value::Text(out)
            }
            Func::Today => Value::Date(self.env.today()),
            Func::Date => to_date(&arg(0)?)?,
            Func::Int => Value::Number(arg(0)?.to_number().trunc()),
            Func::Round => {
                let digits = if args.len() > 1 {
                    arg(1)?.to_number()
                } else {
                    0.0
                };
                Value::Number(round(arg(0)?.to_number(), digits))
            }
            Func::Number => Value::Number(arg(0)?.to_number()),
            Func::String => Value::Text(arg(0)?.to_text()),
            // An entry left unanswered adds nothing (a household member
            // without income), as a person filling the form expects.
            Func::Sum => Value::Number(
                nodes(arg(0)?)
                    .iter()
                    .filter(|v| !v.is_empty())
                    .fold(0.0, |acc, v| acc + v.to_number()),
            ),
            Func::Count => Value::Number(count_f64(nodes(arg(0)?).len())),
            Func::Min | Func::Max => {
                let mut values = Vec::new();
                for e in args {
                    match self.eval(e, depth)? {
                        Value::Many(items) => values.extend(items),
                        v => values.push(v),
                    }
                }
                Value::Number(min_max(func == Func::Min, &values))
            }
            Func::Contains => Value::Bool(arg(0)?.to_text().contains(&arg(1)?.to_text())),
            Func::StartsWith => Value::Bool(arg(0)?.to_text().starts_with(&arg(1)?.to_text())),
            Func::Substr => {
                let text = arg(0)?.to_text();
                let start = arg(1)?.to_number();
                let end = if args.len() > 2 {
                    Some(arg(2)?.to_number())
                } else {
                    None
                };
                Value::Text(substr(&text, start, end))
            }
            Func::Age => match value_date(&arg(0)?) {
                Some(born) => Value::Number(f64::from(age(born, self.env.today()))),
                None => Value::Number(f64::NAN),
            },
            Func::FormatDate => {
                let date = value_date(&arg(0)?);
                let pattern = arg(1)?.to_text();
                Value::Text(date.map_or_else(String::new, |d| format_date(d, &pattern)))
            }
        })
    }
}

/// Counts are far below 2^53, so the conversion is exact.
fn count_f64(n: usize) -> f64 {
    n as f64
}

/// `=` (or `!=` when `negate`): booleans compare as booleans, a
/// [`Value::Many`] matches if any entry does, numbers numerically, dates as
/// dates (text is parsed), everything else as strings.
fn equals(l: &Value, r: &Value, negate: bool) -> bool {
    match (l, r) {
        (Value::Bool(_), _) | (_, Value::Bool(_)) => (l.truthy() == r.truthy()) != negate,
        (Value::Many(items), other) => items.iter().any(|v| equals(v, other, negate)),
        (other, Value::Many(items)) => items.iter().any(|v| equals(other, v, negate)),
        (Value::Number(_), _) | (_, Value::Number(_)) => {
            let (a, b) = (l.to_number(), r.to_number());
            if negate { a != b } else { a == b }
        }
        (Value::Date(a), other) | (other, Value::Date(a)) => match as_date(other) {
            Some(b) => (*a == b) != negate,
            None => negate,
        },
        _ => (l.to_text() == r.to_text()) != negate,
    }
}

/// `<`, `<=`, `>`, `>=`: numeric (dates as day numbers); NaN compares false.
fn compare(op: BinOp, l: &Value, r: &Value) -> bool {
    match (l, r) {
        (Value::Many(items), other) => items.iter().any(|v| compare(op, v, other)),
        (other, Value::Many(items)) => items.iter().any(|v| compare(op, other, v)),
        _ => {
            let (a, b) = (l.to_number(), r.to_number());
            match op {
                BinOp::Lt => a < b,
                BinOp::Le => a <= b,
                BinOp::Gt => a > b,
                BinOp::Ge => a >= b,
                _ => false,
            }
        }
    }
}

fn add(l: &Value, r: &Value) -> Value {
    match (l, r) {
        (Value::Date(d), other) | (other, Value::Date(d)) if as_date(other).is_none() => {
            shift(*d, other.to_number())
        }
        _ => Value::Number(l.to_number() + r.to_number()),
    }
}

fn subtract(l: &Value, r: &Value) -> Value {
    match (l, r) {
        (Value::Date(d), other) if as_date(other).is_none() => shift(*d, -other.to_number()),
        _ => Value::Number(l.to_number() - r.to_number()),
    }
}

/// A date moved by a whole number of days; otherwise (fractional, NaN or
/// out of range) the day number plus `days`.
fn shift(date: Date, days: f64) -> Value {
    let base = date_to_days(date);
    let shifted = if days.is_finite() && days.fract() == 0.0 && days.abs() <= 5_000_000.0 {
        days_to_date(base + days as i64)
    } else {
        None
    };
    shifted.map_or(Value::Number(base as f64 + days), Value::Date)
}

fn regex(text: &str, pattern: &str) -> Result<Value, EvalError> {
    let re = Regex::new(pattern).map_err(|e| EvalError::InvalidRegex {
        pattern: pattern.to_owned(),
        message: e.message,
    })?;
    match re.is_match(text, STEP_BUDGET) {
        Ok(matched) => Ok(Value::Bool(matched)),
        Err(_) => Err(EvalError::RegexTooComplex {
            pattern: pattern.to_owned(),
        }),
    }
}

fn to_date(value: &Value) -> Result<Value, EvalError> {
    match value {
        Value::Empty => Ok(Value::Empty),
        Value::Date(d) => Ok(Value::Date(*d)),
        Value::Text(s) if s.trim().is_empty() => Ok(Value::Empty),
        Value::Text(s) => parse_date(s)
            .map(Value::Date)
            .ok_or_else(|| EvalError::InvalidDate(s.clone())),
        Value::Number(n) => number_to_date(*n)
            .map(Value::Date)
            .ok_or_else(|| EvalError::InvalidDate(format_number(*n))),
        Value::Bool(b) => Err(EvalError::InvalidDate(b.to_string())),
        Value::Many(items) => items.first().map_or(Ok(Value::Empty), to_date),
    }
}

/// A date, date text or day number as a date.
fn value_date(value: &Value) -> Option<Date> {
    match value {
        Value::Number(n) => number_to_date(*n),
        Value::Many(items) => items.first().and_then(value_date),
        other => as_date(other),
    }
}

/// The entries of a node-set: a [`Value::Many`]'s entries, nothing for
/// [`Value::Empty`], otherwise the value itself.
fn nodes(value: Value) -> Vec<Value> {
    match value {
        Value::Many(items) => items,
        Value::Empty => Vec::new(),
        other => vec![other],
    }
}

fn min_max(min: bool, values: &[Value]) -> f64 {
    let mut result: Option<f64> = None;
    for v in values {
        let n = v.to_number();
        if n.is_nan() {
            return f64::NAN;
        }
        result = Some(match result {
            None => n,
            Some(r) if min => r.min(n),
            Some(r) => r.max(n),
        });
    }
    result.unwrap_or(f64::NAN)
}

/// Rounds half away from zero to `digits` decimal places (negative:
/// tens, hundreds, …). Decimal places are rounded on the shortest decimal
/// representation, so `round(2.675, 2)` is 2.68 as a person expects.
fn round(x: f64, digits: f64) -> f64 {
    if digits.is_nan() {
        return f64::NAN;
    }
    if !x.is_finite() {
        return x;
    }
    let digits = digits.trunc();
    if digits >= 0.0 {
        if digits > 400.0 {
            return x;
        }
        round_decimal(x, digits as usize)
    } else if digits < -400.0 {
        0.0
    } else {
        let factor = 10f64.powi(-(digits as i32));
        let rounded = (x / factor).round() * factor;
        if rounded.is_finite() { rounded } else { 0.0 }
    }
}

fn round_decimal(x: f64, digits: usize) -> f64 {
    let text = format!("{}", x.abs());
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
    if frac.len() <= digits {
        return x;
    }
    let mut kept: Vec<u8> = int_part.bytes().chain(frac.bytes().take(digits)).collect();
    if frac.as_bytes().get(digits).is_some_and(|b| *b >= b'5') {
        let mut carry = true;
        for b in kept.iter_mut().rev() {
            if *b == b'9' {
                *b = b'0';
            } else {
                *b += 1;
                carry = false;
                break;
            }
        }
        if carry {
            kept.insert(0, b'1');
        }
    }
    let split = kept.len().saturating_sub(digits);
    let (int_digits, frac_digits) = kept.split_at(split);
    let rebuilt = format!(
        "{}.{}0",
        String::from_utf8_lossy(int_digits),
        String::from_utf8_lossy(frac_digits)
    );
    let magnitude = rebuilt.parse::<f64>().unwrap_or(f64::NAN);
    if x.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    }
}

/// Characters `start` (0-based) up to, excluding, `end` (default: the end).
fn substr(text: &str, start: f64, end: Option<f64>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    let clamp = |n: f64| -> usize {
        let n = n.trunc();
        if n.is_nan() || n <= 0.0 {
            0
        } else if n >= count_f64(len) {
            len
        } else {
            n as usize
        }
    };
    let start = clamp(start);
    let end = end.map_or(len, clamp);
    chars.get(start..end).unwrap_or(&[]).iter().collect()
}

/// Whole years from `born` to `today` (negative if `born` is later).
fn age(born: Date, today: Date) -> i32 {
    if born > today {
        return -age(today, born);
    }
    let mut years = i32::from(today.year()) - i32::from(born.year());
    if (today.month(), today.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years
}

/// Replaces `%Y`, `%m` and `%d`; everything else is copied.
fn format_date(date: Date, pattern: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let replacement = match (c, chars.peek()) {
            ('%', Some('Y')) => format!("{:04}", date.year()),
            ('%', Some('m')) => format!("{:02}", date.month()),
            ('%', Some('d')) => format!("{:02}", date.day()),
            _ => {
                out.push(c);
                continue;
            }
        };
        chars.next();
        out.push_str(&replacement);
    }
    out
}

//! The expression language of XLSForm columns (`relevant`, `constraint`,
//! `calculation`, `choice_filter`, `default`).
//!
//! This is the subset of XPath 1.0 that ODK forms use, restricted to what a
//! kiosk form needs:
//!
//! * field references `${name}` and `.` (the value of the field the
//!   expression belongs to, used in constraints),
//! * number literals (`12`, `3.5`; negative numbers are unary minus applied
//!   to a literal) and string literals in `'…'` or `"…"` (XPath has no
//!   escapes: a string cannot contain its own quote character),
//! * the operators `or`, `and`, `=`, `!=`, `<`, `<=`, `>`, `>=`, `+`, `-`,
//!   `*`, `div`, `mod` and unary `-` with XPath precedence, and parentheses,
//! * calls of the functions listed in [`Func`].
//!
//! Expressions are parsed once with [`parse`] (at publish time; the tree is
//! serialisable so it can be stored in a JSON form definition) and evaluated
//! on the device with [`eval`] against an [`Env`] that supplies field values.
//!
//! ```ignore
//! use your_crate::forms::expr::{eval_bool, parse, MapEnv, Value};
//! let e = parse("${age} >= 18 and ${age} < 120").unwrap();
//! let today = jiff::civil::date(2024, 5, 1);
//! let env = MapEnv::new(today).with("age", Value::Number(42.0));
//! assert!(eval_bool(&e, &env).unwrap());
//! assert_eq!(e.to_string(), "${age} >= 18 and ${age} < 120");
//! ```
//!
//! No input makes any function of this module panic: nesting is limited to
//! [`MAX_DEPTH`] levels at parse time, arithmetic is done in `f64` (division
//! by zero gives infinity or NaN as in XPath) and the built-in regular
//! expression matcher works with an explicit stack and a step budget.

#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

mod eval;
mod lexer;
mod parser;
mod print;
mod regex;
mod regex_syntax;
mod value;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use jiff::civil::Date;

pub use eval::{eval, eval_bool};
pub use parser::{parse, parse_filter};

/// Maximum depth of an expression tree accepted by [`parse`].
///
/// Every operator, unary minus and function call adds one level, so
/// `1 + 2 + 3` has depth 3 and `not(not(${a}))` has depth 3 as well.
/// Parentheses alone do not add a level, but they are limited to the same
/// number of nesting levels.
pub const MAX_DEPTH: usize = 64;

/// A parsed expression.
///
/// Trees produced by [`parse`] are printed back to an equivalent canonical
/// source by `Display` (`parse(&e.to_string()) == Ok(e)`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expr {
    /// A number literal. [`parse`] only produces finite, non-negative values
    /// (`-2` is `Neg(Number(2.0))`).
    Number(f64),
    /// A string literal.
    Text(String),
    /// A field reference `${name}`.
    Field(String),
    /// `.`: the current field's own value.
    Current,
    /// A bare name in a `choice_filter`: that column of the choice being
    /// filtered (`region = ${state}`). Only [`parse_filter`] makes these.
    Column(String),
    /// Unary minus.
    Neg(Box<Expr>),
    /// A binary operator.
    Binary {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// A function call; the number of arguments matches [`Func::arity`]
    /// for trees produced by [`parse`].
    Call { func: Func, args: Vec<Expr> },
}

/// Binary operators, see [`BinOp::precedence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

impl BinOp {
    /// The operator as written in source (`or`, `=`, `div`, …).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "=",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "div",
            BinOp::Mod => "mod",
        }
    }

    /// XPath precedence, 1 (`or`, binds loosest) to 6 (`*`, `div`, `mod`).
    /// All binary operators are left-associative. Unary minus binds tighter
    /// than all of them.
    pub fn precedence(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Eq | BinOp::Ne => 3,
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 4,
            BinOp::Add | BinOp::Sub => 5,
            BinOp::Mul | BinOp::Div | BinOp::Mod => 6,
        }
    }
}

/// The supported functions. Serialised with their XPath names
/// (`"count-selected"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Func {
    /// `not(x)`: boolean negation.
    Not,
    /// `true()`.
    True,
    /// `false()`.
    False,
    /// `selected(list, 'value')`: whether the space-separated list contains
    /// the value (select_multiple answers).
    Selected,
    /// `count-selected(list)`: number of entries in a space-separated list.
    CountSelected,
    /// `string-length(s)`: length in characters.
    StringLength,
    /// `regex(s, pattern)`: whether the pattern matches somewhere in `s`
    /// (use `^…$` for a full match).
    Regex,
    /// `if(cond, a, b)`; only the chosen branch is evaluated.
    If,
    /// `coalesce(a, b)`: `a` unless it is empty, else `b`.
    Coalesce,
    /// `concat(a, …)`: one or more arguments joined as strings.
    Concat,
    /// `today()`.
    Today,
    /// `date(x)`: a date from 'YYYY-MM-DD' (or a day number).
    Date,
    /// `int(x)`: truncation towards zero.
    Int,
    /// `round(x)` / `round(x, digits)`: rounding half away from zero.
    Round,
    /// `number(x)`.
    Number,
    /// `string(x)`.
    String,
    /// `sum(nodeset)`.
    Sum,
    /// `count(nodeset)`.
    Count,
    /// `min(a, …)`.
    Min,
    /// `max(a, …)`.
    Max,
    /// `contains(s, t)`.
    Contains,
    /// `starts-with(s, t)`.
    StartsWith,
    /// `substr(s, start)` / `substr(s, start, end)`: characters `start`
    /// (0-based) up to, excluding, `end`.
    Substr,
    /// `age(date)`: whole years from the date to `today()`.
    Age,
    /// `format-date(date, pattern)` with `%Y`, `%m`, `%d`.
    FormatDate,
}

impl Func {
    /// Every supported function.
    pub const ALL: [Func; 25] = [
        Func::Not,
        Func::True,
        Func::False,
        Func::Selected,
        Func::CountSelected,
        Func::StringLength,
        Func::Regex,
        Func::If,
        Func::Coalesce,
        Func::Concat,
        Func::Today,
        Func::Date,
        Func::Int,
        Func::Round,
        Func::Number,
        Func::String,
        Func::Sum,
        Func::Count,
        Func::Min,
        Func::Max,
        Func::Contains,
        Func::StartsWith,
        Func::Substr,
        Func::Age,
        Func::FormatDate,
    ];

    /// The name used in source.
    pub fn name(self) -> &'static str {
        match self {
            Func::Not => "not",
            Func::True => "true",
            Func::False => "false",
            Func::Selected => "selected",
            Func::CountSelected => "count-selected",
            Func::StringLength => "string-length",
            Func::Regex => "regex",
            Func::If => "if",
            Func::Coalesce => "coalesce",
            Func::Concat => "concat",
            Func::Today => "today",
            Func::Date => "date",
            Func::Int => "int",
            Func::Round => "round",
            Func::Number => "number",
            Func::String => "string",
            Func::Sum => "sum",
            Func::Count => "count",
            Func::Min => "min",
            Func::Max => "max",
            Func::Contains => "contains",
            Func::StartsWith => "starts-with",
            Func::Substr => "substr",
            Func::Age => "age",
            Func::FormatDate => "format-date",
        }
    }

    /// Looks a function up by its source name.
    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Minimum and maximum number of arguments (`None`: no maximum).
    pub fn arity(self) -> (usize, Option<usize>) {
        match self {
            Func::True | Func::False | Func::Today => (0, Some(0)),
            Func::Not
            | Func::CountSelected
            | Func::StringLength
            | Func::Date
            | Func::Int
            | Func::Number
            | Func::String
            | Func::Sum
            | Func::Count
            | Func::Age => (1, Some(1)),
            Func::Selected
            | Func::Regex
            | Func::Coalesce
            | Func::Contains
            | Func::StartsWith
            | Func::FormatDate => (2, Some(2)),
            Func::If => (3, Some(3)),
            Func::Round => (1, Some(2)),
            Func::Substr => (2, Some(3)),
            Func::Concat | Func::Min | Func::Max => (1, None),
        }
    }
}

/// A syntax error found by [`parse`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} (at character {offset})")]
pub struct ParseError {
    /// Index (0-based, counted in characters, not bytes) in the source
    /// where the problem was found.
    pub offset: usize,
    /// A plain-English description, e.g. "unknown function `lenght`".
    pub message: String,
}

/// An error while evaluating an expression. Type mix-ups are not errors;
/// they give NaN or false as in XPath.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvalError {
    /// The regular expression needed more steps than the matcher allows.
    #[error("regular expression `{pattern}` is too complex for this input")]
    RegexTooComplex { pattern: String },
    /// A pattern that is not a literal (so could not be checked at parse
    /// time) is not a valid regular expression.
    #[error("invalid regular expression `{pattern}`: {message}")]
    InvalidRegex { pattern: String, message: String },
    /// `date()` got a value that is not a date.
    #[error("invalid date `{0}` (expected YYYY-MM-DD)")]
    InvalidDate(String),
    /// The tree (e.g. deserialised, not produced by [`parse`]) is nested too
    /// deeply to evaluate safely.
    #[error("expression is nested too deeply to evaluate")]
    TooDeep,
}

/// A value during evaluation.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An unanswered field.
    Empty,
    Bool(bool),
    Number(f64),
    /// Text; a select_multiple answer is a space-separated list of choice
    /// names.
    Text(String),
    Date(Date),
    /// The values of a field inside a repeat, referenced from outside it.
    Many(Vec<Value>),
}

/// Supplies field values during evaluation.
pub trait Env {
    /// The value of `${name}`; [`Value::Empty`] when unanswered or unknown.
    fn field(&self, name: &str) -> Value;
    /// The value of `.`.
    fn current(&self) -> Value;
    /// The date `today()` returns.
    fn today(&self) -> Date;
    /// The value of a choice's column in a choice filter; [`Value::Empty`]
    /// elsewhere.
    fn column(&self, name: &str) -> Value {
        let _ = name;
        Value::Empty
    }
}

/// A simple [`Env`] backed by a map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapEnv {
    pub fields: HashMap<String, Value>,
    pub current: Value,
    pub today: Date,
}

impl MapEnv {
    /// An environment without fields, with `.` empty.
    pub fn new(today: Date) -> MapEnv {
        MapEnv {
            fields: HashMap::new(),
            current: Value::Empty,
            today,
        }
    }

    /// Sets a field (builder style).
    pub fn with(mut self, name: &str, value: Value) -> MapEnv {
        self.fields.insert(name.to_owned(), value);
        self
    }

    /// Sets the value of `.` (builder style).
    pub fn with_current(mut self, value: Value) -> MapEnv {
        self.current = value;
        self
    }
}

impl Env for MapEnv {
    fn field(&self, name: &str) -> Value {
        self.fields.get(name).cloned().unwrap_or(Value::Empty)
    }

    fn current(&self) -> Value {
        self.current.clone()
    }

    fn today(&self) -> Date {
        self.today
    }
}

impl Expr {
    /// The distinct field names referenced with `${…}`, in order of first
    /// appearance (left to right in the source).
    pub fn references(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        self.walk(&mut |e| {
            if let Expr::Field(name) = e
                && !out.iter().any(|n| n == name)
            {
                out.push(name.clone());
            }
        });
        out
    }

    /// Whether `.` (the current field's value) appears.
    pub fn uses_current(&self) -> bool {
        let mut found = false;
        self.walk(&mut |e| found |= matches!(e, Expr::Current));
        found
    }

    /// Visits every node in source order (pre-order, left to right) without
    /// recursion, so arbitrarily deep trees are fine.
    fn walk(&self, visit: &mut dyn FnMut(&Expr)) {
        let mut stack: Vec<&Expr> = vec![self];
        while let Some(e) = stack.pop() {
            visit(e);
            match e {
                Expr::Number(_)
                | Expr::Text(_)
                | Expr::Field(_)
                | Expr::Current
                | Expr::Column(_) => {}
                Expr::Neg(inner) => stack.push(inner),
                Expr::Binary { left, right, .. } => {
                    stack.push(right);
                    stack.push(left);
                }
                Expr::Call { args, .. } => stack.extend(args.iter().rev()),
            }
        }
    }
}

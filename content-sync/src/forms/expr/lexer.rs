//! Splits expression source into tokens. Offsets are character indices.

use super::ParseError;

/// The kinds of tokens.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Number(f64),
    Str(String),
    Field(String),
    /// `.`
    Dot,
    /// A bare name: a function name or one of `and`, `or`, `div`, `mod`.
    Name(String),
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Star,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Eof,
}

/// A token with its position: characters `start..end` of the source.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

pub(super) fn error(offset: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        offset,
        message: message.into(),
    }
}

/// Whether `c` may start a field or function name.
pub(super) fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

/// Whether `name` is a valid field name for `${name}`: a letter or `_`
/// followed by letters, digits, `_`, `-` and `.`.
pub(super) fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if is_name_start(c) => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Tokenises the whole source. The last token is always [`Tok::Eof`].
pub(super) fn tokenize(chars: &[char]) -> Result<Vec<Token>, ParseError> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let next = chars.get(i + 1).copied();
        let (tok, end) = match c {
            '(' => (Tok::LParen, i + 1),
            ')' => (Tok::RParen, i + 1),
            ',' => (Tok::Comma, i + 1),
            '+' => (Tok::Plus, i + 1),
            '-' => (Tok::Minus, i + 1),
            '*' => (Tok::Star, i + 1),
            '=' if next == Some('=') => {
                return Err(error(start, "`==` is not an operator; use `=` to compare"));
            }
            '=' => (Tok::Eq, i + 1),
            '!' if next == Some('=') => (Tok::Ne, i + 2),
            '!' => {
                return Err(error(
                    start,
                    "unexpected character `!`; use `!=` to compare or `not(…)` to negate",
                ));
            }
            '<' if next == Some('=') => (Tok::Le, i + 2),
            '<' => (Tok::Lt, i + 1),
            '>' if next == Some('=') => (Tok::Ge, i + 2),
            '>' => (Tok::Gt, i + 1),
            '\'' | '"' => lex_string(chars, start, c)?,
            '$' => lex_field(chars, start)?,
            '.' if next.is_some_and(|d| d.is_ascii_digit()) => lex_number(chars, start)?,
            '.' => (Tok::Dot, i + 1),
            d if d.is_ascii_digit() => lex_number(chars, start)?,
            n if is_name_start(n) => lex_name(chars, start),
            '&' => return Err(error(start, "unexpected character `&`; use `and`")),
            '|' => return Err(error(start, "unexpected character `|`; use `or`")),
            '/' => {
                return Err(error(
                    start,
                    "unexpected character `/`; use `div` to divide (paths are not supported)",
                ));
            }
            other => return Err(error(start, format!("unexpected character `{other}`"))),
        };
        out.push(Token { tok, start, end });
        i = end;
    }
    out.push(Token {
        tok: Tok::Eof,
        start: chars.len(),
        end: chars.len(),
    });
    Ok(out)
}

fn lex_string(chars: &[char], start: usize, quote: char) -> Result<(Tok, usize), ParseError> {
    let body = chars.get(start + 1..).unwrap_or(&[]);
    match body.iter().position(|&c| c == quote) {
        Some(len) => {
            let text: String = body.iter().take(len).collect();
            Ok((Tok::Str(text), start + len + 2))
        }
        None => Err(error(start, format!("string has no closing `{quote}`"))),
    }
}

fn lex_field(chars: &[char], start: usize) -> Result<(Tok, usize), ParseError> {
    if chars.get(start + 1) != Some(&'{') {
        return Err(error(
            start,
            "`$` must start a field reference like `${name}`",
        ));
    }
    let body = chars.get(start + 2..).unwrap_or(&[]);
    let Some(len) = body.iter().position(|&c| c == '}') else {
        return Err(error(start, "`${` without closing `}`"));
    };
    let name: String = body.iter().take(len).collect();
    if name.is_empty() {
        return Err(error(start, "empty field name in `${}`"));
    }
    if !is_field_name(&name) {
        return Err(error(
            start,
            format!(
                "invalid field name `{name}`: names start with a letter or `_` \
                 and contain only letters, digits, `_`, `-` and `.`"
            ),
        ));
    }
    Ok((Tok::Field(name), start + len + 3))
}

fn lex_number(chars: &[char], start: usize) -> Result<(Tok, usize), ParseError> {
    let mut end = start;
    let mut seen_dot = false;
    while let Some(&c) = chars.get(end) {
        if c.is_ascii_digit() {
            end += 1;
        } else if c == '.' && !seen_dot {
            seen_dot = true;
            end += 1;
        } else {
            break;
        }
    }
    let text: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok((Tok::Number(n), end)),
        Ok(_) => Err(error(start, "number is too large")),
        Err(_) => Err(error(start, format!("invalid number `{text}`"))),
    }
}

/// Names are letters, digits and `_`, with `-` allowed when a letter
/// follows it (`count-selected`), so `1 mod-2` still lexes as `mod`, `-`, `2`.
fn lex_name(chars: &[char], start: usize) -> (Tok, usize) {
    let mut end = start;
    while let Some(&c) = chars.get(end) {
        let continues = c.is_alphanumeric()
            || c == '_'
            || (c == '-' && chars.get(end + 1).is_some_and(|n| n.is_alphabetic()));
        if !continues {
            break;
        }
        end += 1;
    }
    let name: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
    (Tok::Name(name), end)
}

//! Recursive-descent (precedence climbing) parser producing [`Expr`] trees.

use super::lexer::{self, Tok, Token, error};
use super::regex::Regex;
use super::value::parse_date;
use super::{BinOp, Expr, Func, MAX_DEPTH, ParseError};

/// Parses an expression.
///
/// Function names and argument counts are checked, string-literal regular
/// expressions in `regex()` and string-literal dates in `date()` are
/// validated, and trees deeper than [`MAX_DEPTH`] are rejected.
///
/// Errors carry a character offset into `src` and a plain-English message
/// such as "unknown function `lenght`", "expected `)`" or
/// "`${` without closing `}`".
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    parse_with(src, false)
}

/// Parses a `choice_filter`, where a bare name is a column of the choice
/// being filtered ([`Expr::Column`]).
pub fn parse_filter(src: &str) -> Result<Expr, ParseError> {
    parse_with(src, true)
}

fn parse_with(src: &str, columns: bool) -> Result<Expr, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let tokens = lexer::tokenize(&chars)?;
    if matches!(tokens.first().map(|t| &t.tok), None | Some(Tok::Eof)) {
        return Err(error(0, "expression is empty"));
    }
    let mut parser = Parser {
        chars: &chars,
        tokens: &tokens,
        pos: 0,
        nesting: 0,
        columns,
    };
    let node = parser.parse_binary(1)?;
    let tok = parser.peek();
    match tok.tok {
        Tok::Eof => Ok(node.expr),
        Tok::RParen => Err(error(tok.start, "unmatched `)`")),
        _ => Err(error(
            tok.start,
            format!(
                "expected an operator or the end of the expression, found {}",
                parser.describe(tok)
            ),
        )),
    }
}

static EOF: Token = Token {
    tok: Tok::Eof,
    start: 0,
    end: 0,
};

/// A parsed subtree with its depth.
struct Node {
    expr: Expr,
    depth: usize,
}

fn leaf(expr: Expr) -> Node {
    Node { expr, depth: 1 }
}

fn too_deep(offset: usize) -> ParseError {
    error(
        offset,
        format!("expression is nested too deeply (more than {MAX_DEPTH} levels)"),
    )
}

fn binop(tok: &Tok) -> Option<BinOp> {
    Some(match tok {
        Tok::Eq => BinOp::Eq,
        Tok::Ne => BinOp::Ne,
        Tok::Lt => BinOp::Lt,
        Tok::Le => BinOp::Le,
        Tok::Gt => BinOp::Gt,
        Tok::Ge => BinOp::Ge,
        Tok::Plus => BinOp::Add,
        Tok::Minus => BinOp::Sub,
        Tok::Star => BinOp::Mul,
        Tok::Name(name) => match name.as_str() {
            "or" => BinOp::Or,
            "and" => BinOp::And,
            "div" => BinOp::Div,
            "mod" => BinOp::Mod,
            _ => return None,
        },
        _ => return None,
    })
}

struct Parser<'a> {
    chars: &'a [char],
    tokens: &'a [Token],
    pos: usize,
    /// Current nesting of parentheses and calls, bounding the recursion.
    nesting: usize,
    /// Whether bare names are choice columns.
    columns: bool,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> &'a Token {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> &'a Token {
        self.tokens
            .get(self.pos.saturating_add(ahead))
            .or(self.tokens.last())
            .unwrap_or(&EOF)
    }

    fn advance(&mut self) {
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
    }

    /// How a token is shown in messages: "`foo`" or "end of expression".
    fn describe(&self, tok: &Token) -> String {
        if tok.tok == Tok::Eof {
            return "end of expression".to_owned();
        }
        let text: String = self
            .chars
            .get(tok.start..tok.end)
            .unwrap_or(&[])
            .iter()
            .collect();
        if text.chars().count() > 30 {
            let short: String = text.chars().take(27).collect();
            format!("`{short}…`")
        } else {
            format!("`{text}`")
        }
    }

    fn node(&self, expr: Expr, depth: usize, offset: usize) -> Result<Node, ParseError> {
        if depth > MAX_DEPTH {
            Err(too_deep(offset))
        } else {
            Ok(Node { expr, depth })
        }
    }

    fn enter(&mut self, offset: usize) -> Result<(), ParseError> {
        if self.nesting >= MAX_DEPTH {
            return Err(too_deep(offset));
        }
        self.nesting += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }

    /// Parses operators of precedence `min_prec` and higher (precedence
    /// climbing; all operators are left-associative).
    fn parse_binary(&mut self, min_prec: u8) -> Result<Node, ParseError> {
        let mut left = self.parse_unary()?;
        loop {
            let tok = self.peek();
            let Some(op) = binop(&tok.tok) else { break };
            if op.precedence() < min_prec {
                break;
            }
            self.advance();
            let right = self.parse_binary(op.precedence() + 1)?;
            let depth = 1 + left.depth.max(right.depth);
            let expr = Expr::Binary {
                op,
                left: Box::new(left.expr),
                right: Box::new(right.expr),
            };
            left = self.node(expr, depth, tok.start)?;
        }
        Ok(left)
    }

    /// Unary minus, handled iteratively so `------x` cannot recurse deeply.
    fn parse_unary(&mut self) -> Result<Node, ParseError> {
        let mut minus_offsets = Vec::new();
        while self.peek().tok == Tok::Minus {
            let start = self.peek().start;
            if minus_offsets.len() >= MAX_DEPTH {
                return Err(too_deep(start));
            }
            minus_offsets.push(start);
            self.advance();
        }
        let mut node = self.parse_primary()?;
        for offset in minus_offsets.into_iter().rev() {
            let depth = node.depth + 1;
            node = self.node(Expr::Neg(Box::new(node.expr)), depth, offset)?;
        }
        Ok(node)
    }

    fn parse_primary(&mut self) -> Result<Node, ParseError> {
        let tok = self.peek();
        let node = match &tok.tok {
            Tok::Number(n) => leaf(Expr::Number(*n)),
            Tok::Str(s) => leaf(Expr::Text(s.clone())),
            Tok::Field(name) => leaf(Expr::Field(name.clone())),
            Tok::Dot => leaf(Expr::Current),
            Tok::LParen => {
                self.enter(tok.start)?;
                self.advance();
                let inner = self.parse_binary(1)?;
                self.expect_rparen()?;
                self.leave();
                return Ok(inner);
            }
            Tok::Name(name) => return self.parse_name(tok, name),
            _ => {
                return Err(error(
                    tok.start,
                    format!("expected a value, found {}", self.describe(tok)),
                ));
            }
        };
        self.advance();
        Ok(node)
    }

    fn expect_rparen(&mut self) -> Result<(), ParseError> {
        let tok = self.peek();
        match tok.tok {
            Tok::RParen => {
                self.advance();
                Ok(())
            }
            Tok::Eof => Err(error(tok.start, "expected `)`")),
            _ => Err(error(
                tok.start,
                format!("expected `)`, found {}", self.describe(tok)),
            )),
        }
    }

    /// A bare name in operand position: must be a function call.
    fn parse_name(&mut self, tok: &'a Token, name: &str) -> Result<Node, ParseError> {
        if self.peek_at(1).tok != Tok::LParen {
            if self.columns && binop(&tok.tok).is_none() && Func::from_name(name).is_none() {
                self.advance();
                return Ok(leaf(Expr::Column(name.to_owned())));
            }
            let message = if binop(&tok.tok).is_some() {
                format!("expected a value, found `{name}`")
            } else if let Some(func) = Func::from_name(name) {
                let parens = if func.arity().1 == Some(0) {
                    "()"
                } else {
                    "(…)"
                };
                format!("`{name}` is a function; call it as `{name}{parens}`")
            } else {
                format!("unknown name `{name}`; refer to a field as `${{{name}}}`")
            };
            return Err(error(tok.start, message));
        }
        let Some(func) = Func::from_name(name) else {
            return Err(error(tok.start, format!("unknown function `{name}`")));
        };
        self.enter(tok.start)?;
        self.advance();
        self.advance();
        let mut args: Vec<(usize, Node)> = Vec::new();
        if self.peek().tok == Tok::RParen {
            self.advance();
        } else {
            loop {
                let arg_start = self.peek().start;
                args.push((arg_start, self.parse_binary(1)?));
                let next = self.peek();
                match next.tok {
                    Tok::Comma => self.advance(),
                    Tok::RParen => {
                        self.advance();
                        break;
                    }
                    Tok::Eof => return Err(error(next.start, "expected `,` or `)`")),
                    _ => {
                        return Err(error(
                            next.start,
                            format!("expected `,` or `)`, found {}", self.describe(next)),
                        ));
                    }
                }
            }
        }
        self.leave();
        check_arity(func, args.len(), tok.start)?;
        check_literals(func, &args)?;
        let depth = 1 + args.iter().map(|(_, a)| a.depth).max().unwrap_or(0);
        let args = args.into_iter().map(|(_, a)| a.expr).collect();
        self.node(Expr::Call { func, args }, depth, tok.start)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "argument" } else { "arguments" }
}

fn check_arity(func: Func, given: usize, offset: usize) -> Result<(), ParseError> {
    let (min, max) = func.arity();
    if given >= min && max.is_none_or(|m| given <= m) {
        return Ok(());
    }
    let expected = match max {
        Some(0) => "no arguments".to_owned(),
        Some(m) if m == min => format!("{min} {}", plural(min)),
        Some(m) if m == min + 1 => format!("{min} or {m} arguments"),
        Some(m) => format!("{min} to {m} arguments"),
        None => format!("at least {min} {}", plural(min)),
    };
    let was = if given == 1 { "was" } else { "were" };
    Err(error(
        offset,
        format!(
            "function `{}` takes {expected}, but {given} {was} given",
            func.name()
        ),
    ))
}

/// Validates string-literal arguments whose syntax is known in advance.
fn check_literals(func: Func, args: &[(usize, Node)]) -> Result<(), ParseError> {
    match (func, args) {
        (Func::Regex, [_, (offset, pattern)]) => {
            if let Expr::Text(pattern) = &pattern.expr
                && let Err(e) = Regex::new(pattern)
            {
                return Err(error(
                    offset + 1 + e.offset,
                    format!("invalid regular expression: {}", e.message),
                ));
            }
        }
        (Func::Date, [(offset, date)]) => {
            if let Expr::Text(text) = &date.expr
                && !text.trim().is_empty()
                && parse_date(text).is_none()
            {
                return Err(error(
                    *offset,
                    format!("invalid date `{text}`: expected YYYY-MM-DD"),
                ));
            }
        }
        _ => {}
    }
    Ok(())
}

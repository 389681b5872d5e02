//! Canonical printing of [`Expr`] trees.

use std::fmt;

use super::Expr;

/// Precedence of unary minus (binds tighter than every binary operator).
const UNARY: u8 = 7;
/// Precedence of literals, references and calls.
const ATOM: u8 = 8;

fn precedence(expr: &Expr) -> u8 {
    match expr {
        Expr::Binary { op, .. } => op.precedence(),
        Expr::Neg(_) => UNARY,
        _ => ATOM,
    }
}

/// Prints the canonical source: single spaces around binary operators,
/// `, ` between arguments, parentheses only where precedence or (left)
/// associativity requires them, strings in `'…'` (or `"…"` if they contain
/// `'`).
///
/// For every tree produced by [`parse`](super::parse),
/// `parse(&e.to_string()) == Ok(e)`. Trees built by hand can contain values
/// the syntax cannot express; they print as equivalent expressions that
/// parse to a different tree: a string containing both quote characters
/// prints as a `concat(…)` of pieces, infinite and NaN numbers as
/// `(1 div 0)`, `(-1 div 0)` and `(0 div 0)`, negative numbers as unary
/// minus.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_expr(f, self, 0)
    }
}

/// Writes `expr`, parenthesised if it binds looser than `min_prec`.
fn write_expr(f: &mut fmt::Formatter<'_>, expr: &Expr, min_prec: u8) -> fmt::Result {
    let parens = precedence(expr) < min_prec;
    if parens {
        f.write_str("(")?;
    }
    match expr {
        Expr::Number(n) => write_number(f, *n)?,
        Expr::Text(s) => write_string(f, s)?,
        Expr::Field(name) => write!(f, "${{{name}}}")?,
        Expr::Column(name) => write!(f, "{name}")?,
        Expr::Current => f.write_str(".")?,
        Expr::Neg(inner) => {
            f.write_str("-")?;
            write_expr(f, inner, UNARY)?;
        }
        Expr::Binary { op, left, right } => {
            let p = op.precedence();
            write_expr(f, left, p)?;
            write!(f, " {} ", op.symbol())?;
            // Left-associative: an equal-precedence right operand needs
            // parentheses.
            write_expr(f, right, p + 1)?;
        }
        Expr::Call { func, args } => {
            write!(f, "{}(", func.name())?;
            for (i, arg) in args.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_expr(f, arg, 0)?;
            }
            f.write_str(")")?;
        }
    }
    if parens {
        f.write_str(")")?;
    }
    Ok(())
}

fn write_number(f: &mut fmt::Formatter<'_>, n: f64) -> fmt::Result {
    if n.is_nan() {
        f.write_str("(0 div 0)")
    } else if n.is_infinite() {
        f.write_str(if n > 0.0 { "(1 div 0)" } else { "(-1 div 0)" })
    } else if n.is_sign_negative() {
        // Not produced by the parser; keep it a valid (equivalent) operand.
        write!(f, "(-{})", -n)
    } else {
        // Shortest representation that round-trips, never with exponent.
        write!(f, "{n}")
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    if !s.contains('\'') {
        write!(f, "'{s}'")
    } else if !s.contains('"') {
        write!(f, "\"{s}\"")
    } else {
        // XPath strings have no escapes: split into pieces that each avoid
        // one of the quote characters.
        f.write_str("concat(")?;
        let mut first = true;
        let mut rest = s;
        while !rest.is_empty() {
            let quote = if rest.starts_with('\'') { '"' } else { '\'' };
            let end = rest.find(quote).unwrap_or(rest.len());
            let (piece, tail) = rest.split_at(end);
            if !first {
                f.write_str(", ")?;
            }
            write!(f, "{quote}{piece}{quote}")?;
            first = false;
            rest = tail;
        }
        f.write_str(")")
    }
}

use super::super::{BinOp, Expr, Func, MAX_DEPTH, ParseError, parse};
use super::parse_err;

fn num(n: f64) -> Expr {
    Expr::Number(n)
}

fn field(name: &str) -> Expr {
    Expr::Field(name.to_owned())
}

fn bin(op: BinOp, left: Expr, right: Expr) -> Expr {
    Expr::Binary {
        op,
        left: Box::new(left),
        right: Box::new(right),
    }
}

fn call(func: Func, args: Vec<Expr>) -> Expr {
    Expr::Call { func, args }
}

/// Parses, checks the canonical print and that it re-parses to the same tree.
fn canonical(src: &str) -> String {
    let e = parse(src).unwrap();
    let printed = e.to_string();
    assert_eq!(parse(&printed), Ok(e), "{src:?} printed as {printed:?}");
    printed
}

#[test]
fn precedence_mul_over_add() {
    assert_eq!(
        parse("1 + 2 * 3").unwrap(),
        bin(BinOp::Add, num(1.0), bin(BinOp::Mul, num(2.0), num(3.0)))
    );
}

#[test]
fn precedence_and_over_or() {
    let not_a = call(Func::Not, vec![field("a")]);
    assert_eq!(
        parse("not(${a}) and ${b} or ${c}").unwrap(),
        bin(BinOp::Or, bin(BinOp::And, not_a, field("b")), field("c"))
    );
}

#[test]
fn precedence_full_ladder() {
    // or < and < equality < relational < additive < multiplicative < unary
    let e = parse("1 or 2 and 3 = 4 < 5 + 6 * -7").unwrap();
    let expected = bin(
        BinOp::Or,
        num(1.0),
        bin(
            BinOp::And,
            num(2.0),
            bin(
                BinOp::Eq,
                num(3.0),
                bin(
                    BinOp::Lt,
                    num(4.0),
                    bin(
                        BinOp::Add,
                        num(5.0),
                        bin(BinOp::Mul, num(6.0), Expr::Neg(Box::new(num(7.0)))),
                    ),
                ),
            ),
        ),
    );
    assert_eq!(e, expected);
}

#[test]
fn left_associativity() {
    assert_eq!(
        parse("10 - 4 - 3").unwrap(),
        bin(BinOp::Sub, bin(BinOp::Sub, num(10.0), num(4.0)), num(3.0))
    );
    assert_eq!(canonical("10 - (4 - 3)"), "10 - (4 - 3)");
    assert_eq!(canonical("(10 - 4) - 3"), "10 - 4 - 3");
    assert_eq!(canonical("8 div (4 div 2)"), "8 div (4 div 2)");
    assert_eq!(canonical("1 = (2 = 3)"), "1 = (2 = 3)");
}

#[test]
fn unary_minus() {
    assert_eq!(parse("-2").unwrap(), Expr::Neg(Box::new(num(2.0))));
    assert_eq!(canonical("- -2"), "--2");
    assert_eq!(canonical("-(1 + 2)"), "-(1 + 2)");
    assert_eq!(canonical("3 - -2"), "3 - -2");
    assert_eq!(canonical("-${a} * 2"), "-${a} * 2");
    assert_eq!(canonical("1 mod-2"), "1 mod -2");
    assert_eq!(canonical("1 div-2"), "1 div -2");
}

#[test]
fn literals() {
    assert_eq!(parse("12").unwrap(), num(12.0));
    assert_eq!(parse("3.5").unwrap(), num(3.5));
    assert_eq!(parse(".5").unwrap(), num(0.5));
    assert_eq!(parse("5.").unwrap(), num(5.0));
    assert_eq!(parse("'it'").unwrap(), Expr::Text("it".into()));
    assert_eq!(parse("\"it's\"").unwrap(), Expr::Text("it's".into()));
    assert_eq!(parse("''").unwrap(), Expr::Text(String::new()));
    assert_eq!(canonical("\"it's\""), "\"it's\"");
    assert_eq!(canonical("\"plain\""), "'plain'");
    assert_eq!(canonical("0.1"), "0.1");
    assert_eq!(
        canonical("1000000000000000000000000"),
        "1000000000000000000000000"
    );
}

#[test]
fn fields_and_current() {
    assert_eq!(parse("${a.b-c_1}").unwrap(), field("a.b-c_1"));
    assert_eq!(parse("${_x}").unwrap(), field("_x"));
    assert_eq!(parse("${größe}").unwrap(), field("größe"));
    assert_eq!(parse(".").unwrap(), Expr::Current);
    assert_eq!(canonical(". >= 0"), ". >= 0");
}

#[test]
fn function_names_with_dashes() {
    assert_eq!(
        parse("count-selected(${x})").unwrap(),
        call(Func::CountSelected, vec![field("x")])
    );
    assert_eq!(
        canonical("string-length( . )>starts-with('a','b')"),
        "string-length(.) > starts-with('a', 'b')"
    );
}

#[test]
fn canonical_spacing() {
    assert_eq!(
        canonical("  ${a}=1  or(${b}!=2)and not(.)"),
        "${a} = 1 or ${b} != 2 and not(.)"
    );
    assert_eq!(canonical("(((${a})))"), "${a}");
    assert_eq!(canonical("(1 + 2) * 3"), "(1 + 2) * 3");
    assert_eq!(canonical("concat('a', \"b\", 1)"), "concat('a', 'b', 1)");
    assert_eq!(canonical("(1 or 2) and 3"), "(1 or 2) and 3");
    assert_eq!(canonical("-(-1)"), "--1");
}

#[test]
fn printing_unparseable_values_stays_valid() {
    let both = Expr::Text("it's \"x\"".into());
    let printed = both.to_string();
    assert_eq!(printed, r#"concat('it', "'s ", '"x"')"#);
    assert!(parse(&printed).is_ok());
    for n in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -2.5] {
        assert!(parse(&Expr::Number(n).to_string()).is_ok(), "{n}");
    }
}

#[test]
fn references_and_current() {
    let e = parse("${b} + ${a} * ${b} + count-selected(${c}) + .").unwrap();
    assert_eq!(e.references(), vec!["b", "a", "c"]);
    assert!(e.uses_current());
    let e = parse("concat('${x}', 1)").unwrap();
    assert!(e.references().is_empty());
    assert!(!e.uses_current());
}

#[test]
fn references_on_very_deep_hand_built_tree() {
    let mut e = Expr::Field("x".into());
    for _ in 0..2000 {
        e = Expr::Neg(Box::new(e));
    }
    assert_eq!(e.references(), vec!["x"]);
    assert!(!e.uses_current());
}

#[test]
fn error_display_format() {
    let e = ParseError {
        offset: 4,
        message: "unknown function `lenght`".into(),
    };
    assert_eq!(e.to_string(), "unknown function `lenght` (at character 4)");
}

#[test]
fn error_unknown_function() {
    assert_eq!(
        parse_err("lenght(.)"),
        (0, "unknown function `lenght`".into())
    );
    assert_eq!(
        parse_err("1 + lenght(.)"),
        (4, "unknown function `lenght`".into())
    );
}

#[test]
fn error_wrong_arity() {
    let cases = [
        (
            "not(${a}, ${b})",
            "function `not` takes 1 argument, but 2 were given",
        ),
        ("not()", "function `not` takes 1 argument, but 0 were given"),
        (
            "today(1)",
            "function `today` takes no arguments, but 1 was given",
        ),
        (
            "round()",
            "function `round` takes 1 or 2 arguments, but 0 were given",
        ),
        (
            "concat()",
            "function `concat` takes at least 1 argument, but 0 were given",
        ),
        (
            "substr('a')",
            "function `substr` takes 2 or 3 arguments, but 1 was given",
        ),
        (
            "if(1, 2)",
            "function `if` takes 3 arguments, but 2 were given",
        ),
    ];
    for (src, message) in cases {
        assert_eq!(parse_err(src), (0, message.to_owned()), "{src}");
    }
    assert_eq!(
        parse_err("1 = selected(.)").0,
        4,
        "offset points at the function name"
    );
}

#[test]
fn error_unclosed_paren() {
    assert_eq!(parse_err("(1 + 2"), (6, "expected `)`".into()));
    assert_eq!(parse_err("(1 + 2 3"), (7, "expected `)`, found `3`".into()));
    assert_eq!(parse_err("concat('a'"), (10, "expected `,` or `)`".into()));
    assert_eq!(
        parse_err("not(1 2)"),
        (6, "expected `,` or `)`, found `2`".into())
    );
}

#[test]
fn error_unclosed_string() {
    assert_eq!(parse_err("'abc"), (0, "string has no closing `'`".into()));
    assert_eq!(
        parse_err("1 = \"abc'"),
        (4, "string has no closing `\"`".into())
    );
}

#[test]
fn error_unclosed_field() {
    assert_eq!(
        parse_err("${age > 3"),
        (0, "`${` without closing `}`".into())
    );
    assert_eq!(parse_err("1 + ${a"), (4, "`${` without closing `}`".into()));
    assert_eq!(parse_err("${}"), (0, "empty field name in `${}`".into()));
    assert_eq!(
        parse_err("$a"),
        (0, "`$` must start a field reference like `${name}`".into())
    );
    assert!(parse_err("${1a}").1.starts_with("invalid field name `1a`"));
    assert!(
        parse_err("${a b}")
            .1
            .starts_with("invalid field name `a b`")
    );
}

#[test]
fn error_empty_input() {
    assert_eq!(parse_err(""), (0, "expression is empty".into()));
    assert_eq!(parse_err("  \n\t "), (0, "expression is empty".into()));
}

#[test]
fn error_trailing_garbage() {
    assert_eq!(
        parse_err("1 2"),
        (
            2,
            "expected an operator or the end of the expression, found `2`".into()
        )
    );
    assert_eq!(
        parse_err("${a} = 1 ${b}"),
        (
            9,
            "expected an operator or the end of the expression, found `${b}`".into()
        )
    );
    assert_eq!(parse_err("(1))"), (3, "unmatched `)`".into()));
}

#[test]
fn error_bad_regex_literal() {
    // The offset points into the pattern: the string starts at 9, its text at 10.
    assert_eq!(
        parse_err("regex(., '[0-9')"),
        (
            10,
            "invalid regular expression: unclosed character class `[`".into()
        )
    );
    assert_eq!(
        parse_err("regex(., 'a**')"),
        (
            12,
            "invalid regular expression: nothing to repeat before `*`".into()
        )
    );
    // A pattern from a field cannot be checked in advance.
    assert!(parse("regex(., ${pattern})").is_ok());
}

#[test]
fn error_bad_date_literal() {
    assert_eq!(
        parse_err("date('2024-13-01')"),
        (5, "invalid date `2024-13-01`: expected YYYY-MM-DD".into())
    );
    assert!(parse("date('2024-02-29')").is_ok());
    assert!(parse("date('')").is_ok());
}

#[test]
fn error_nesting_too_deep() {
    let message = format!("expression is nested too deeply (more than {MAX_DEPTH} levels)");
    let ok = format!("{}1{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = format!(
        "{}1{}",
        "(".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    assert_eq!(parse_err(&deep), (MAX_DEPTH, message.clone()));

    // Every operator adds a level: 63 additions are fine, 64 are too many.
    let chain = |n: usize| format!("1{}", " + 1".repeat(n));
    assert!(parse(&chain(MAX_DEPTH - 1)).is_ok());
    let (offset, msg) = parse_err(&chain(MAX_DEPTH));
    assert_eq!(msg, message);
    assert_eq!(offset, 2 + 4 * (MAX_DEPTH - 1));

    assert_eq!(parse_err(&format!("{}1", "-".repeat(100))).1, message);
    let calls = format!("{}1{}", "not(".repeat(100), ")".repeat(100));
    assert_eq!(parse_err(&calls).1, message);
    // Huge inputs fail fast instead of overflowing the stack.
    assert_eq!(parse_err(&"(".repeat(1_000_000)).1, message);
    assert_eq!(parse_err(&"-".repeat(1_000_000)).1, message);
}

#[test]
fn error_helpful_messages() {
    let cases: [(&str, usize, &str); 10] = [
        ("true", 0, "`true` is a function; call it as `true()`"),
        (
            "${a} = today",
            7,
            "`today` is a function; call it as `today()`",
        ),
        ("not ${a}", 0, "`not` is a function; call it as `not(…)`"),
        ("age > 3", 0, "`age` is a function; call it as `age(…)`"),
        (
            "foo > 3",
            0,
            "unknown name `foo`; refer to a field as `${foo}`",
        ),
        ("1 +", 3, "expected a value, found end of expression"),
        ("and 1", 0, "expected a value, found `and`"),
        (
            "${a} == 1",
            5,
            "`==` is not an operator; use `=` to compare",
        ),
        ("1 & 2", 2, "unexpected character `&`; use `and`"),
        ("1 # 2", 2, "unexpected character `#`"),
    ];
    for (src, offset, message) in cases {
        assert_eq!(parse_err(src), (offset, message.to_owned()), "{src}");
    }
}

#[test]
fn error_number_too_large() {
    let huge = format!("1 + {}", "9".repeat(400));
    assert_eq!(parse_err(&huge), (4, "number is too large".into()));
}

#[test]
fn error_offsets_count_characters_not_bytes() {
    assert_eq!(parse_err("'äöü' = lenght(.)").0, 8);
    assert_eq!(parse_err("${größe} = 'ß").0, 11);
}

#[test]
fn func_table_is_consistent() {
    for f in Func::ALL {
        assert_eq!(Func::from_name(f.name()), Some(f));
        let (min, max) = f.arity();
        assert!(max.is_none_or(|m| m >= min));
    }
    assert_eq!(Func::from_name("lenght"), None);
}

#[test]
fn expr_is_serde() {
    fn assert_serde<T: serde::Serialize + serde::de::DeserializeOwned>() {}
    assert_serde::<Expr>();
}

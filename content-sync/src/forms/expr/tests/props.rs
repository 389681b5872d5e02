//! Property tests: printing round-trips, and nothing panics on any input.

use jiff::civil::Date;
use proptest::collection::vec;
use proptest::prelude::*;

use super::super::regex::Regex;
use super::super::{BinOp, Expr, Func, MapEnv, Value, eval, parse};

fn arb_binop() -> impl Strategy<Value = BinOp> {
    prop::sample::select(vec![
        BinOp::Or,
        BinOp::And,
        BinOp::Eq,
        BinOp::Ne,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::Div,
        BinOp::Mod,
    ])
}

fn arb_func() -> impl Strategy<Value = Func> {
    prop::sample::select(Func::ALL.to_vec())
}

/// Numbers as the parser produces them: finite and not negative.
fn arb_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..1000).prop_map(f64::from),
        0.0f64..1e6,
        any::<f64>()
            .prop_map(f64::abs)
            .prop_filter("finite", |n| n.is_finite()),
    ]
}

/// Strings that can be written as XPath literals (not both quote kinds).
fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 äöüß'%$(){}.,-]{0,10}",
        "[a-z0-9 \"]{0,10}",
        "\\PC{0,6}".prop_filter("no double quote", |s: &String| !s.contains('"')),
    ]
}

fn arb_field_name() -> impl Strategy<Value = String> {
    "[a-zA-Z_ä][a-zA-Z0-9_.ß-]{0,8}"
}

/// A call with an argument count the parser accepts, and literal
/// arguments the parser validates replaced by valid ones.
fn make_call(func: Func, mut args: Vec<Expr>) -> Expr {
    let (min, max) = func.arity();
    while args.len() < min {
        args.push(Expr::Number(1.0));
    }
    if let Some(max) = max {
        args.truncate(max);
    }
    match (func, args.as_mut_slice()) {
        (Func::Regex, [_, pattern @ Expr::Text(_)]) => *pattern = Expr::Text("^[a-z]{2,}$".into()),
        (Func::Date, [date @ Expr::Text(_)]) => *date = Expr::Text("2024-01-31".into()),
        _ => {}
    }
    Expr::Call { func, args }
}

fn arb_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        arb_number().prop_map(Expr::Number),
        arb_text().prop_map(Expr::Text),
        arb_field_name().prop_map(Expr::Field),
        Just(Expr::Current),
    ];
    leaf.prop_recursive(6, 64, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Expr::Neg(Box::new(e))),
            (arb_binop(), inner.clone(), inner.clone()).prop_map(|(op, l, r)| Expr::Binary {
                op,
                left: Box::new(l),
                right: Box::new(r),
            }),
            (arb_func(), vec(inner, 0..4)).prop_map(|(f, args)| make_call(f, args)),
        ]
    })
}

fn arb_date() -> impl Strategy<Value = Date> {
    (-9999i16..=9999, 1i8..=12, 1i8..=31)
        .prop_filter_map("valid date", |(y, m, d)| Date::new(y, m, d).ok())
}

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Empty),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        "[a-z0-9 .-]{0,12}".prop_map(Value::Text),
        "\\PC{0,8}".prop_map(Value::Text),
        arb_date().prop_map(|d| Value::Text(d.to_string())),
        arb_date().prop_map(Value::Date),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| vec(inner, 0..4).prop_map(Value::Many))
}

fn arb_env(names: Vec<String>) -> impl Strategy<Value = MapEnv> {
    let n = names.len();
    (vec(arb_value(), n), arb_value(), arb_date()).prop_map(move |(values, current, today)| {
        MapEnv {
            fields: names.iter().cloned().zip(values).collect(),
            current,
            today,
        }
    })
}

/// An expression together with an environment giving its fields values.
fn arb_expr_and_env() -> impl Strategy<Value = (Expr, MapEnv)> {
    arb_expr().prop_flat_map(|e| {
        let names = e.references();
        (Just(e), arb_env(names))
    })
}

/// Source-like strings built from expression tokens (reaches far more
/// parser states than arbitrary strings).
fn arb_token_soup() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "(",
        ")",
        ",",
        "+",
        "-",
        "*",
        "=",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        " and ",
        " or ",
        " div ",
        " mod ",
        ".",
        "1",
        "2.5",
        ".5",
        "'a'",
        "\"b\"",
        "'",
        "${x}",
        "${y}",
        "${",
        "}",
        "not(",
        "today()",
        "selected(",
        "regex(",
        "'[a-z]+'",
        "'(a|b)*'",
        "date(",
        "'2024-01-01'",
        "concat(",
        "if(",
        "sum(",
        "count(",
        "round(",
        "substr(",
        "age(",
        "format-date(",
        "'%Y'",
        "min(",
        "max(",
        "coalesce(",
        "lenght(",
        "ä",
        " ",
    ]);
    vec(token, 0..24).prop_map(|tokens| tokens.concat())
}

fn arb_pattern() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ab.()|*+?{}\\[\\]^$\\\\0-9,dwsDWS:-]{0,16}",
        "\\PC{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printing_round_trips(e in arb_expr()) {
        let printed = e.to_string();
        prop_assert_eq!(parse(&printed), Ok(e), "printed: {}", printed);
    }

    #[test]
    fn printing_is_stable(e in arb_expr()) {
        let printed = e.to_string();
        let reparsed = parse(&printed).unwrap();
        prop_assert_eq!(reparsed.to_string(), printed);
    }

    #[test]
    fn parse_never_panics_on_arbitrary_strings(src in any::<String>()) {
        let _ = parse(&src);
    }

    #[test]
    fn parse_and_eval_never_panic_on_token_soup(
        src in arb_token_soup(),
        env in arb_env(vec!["x".into(), "y".into()]),
    ) {
        if let Ok(e) = parse(&src) {
            let _ = eval(&e, &env);
            // Whatever parses also round-trips through printing.
            prop_assert_eq!(parse(&e.to_string()), Ok(e));
        }
    }

    #[test]
    fn eval_never_panics((e, env) in arb_expr_and_env()) {
        let parsed = parse(&e.to_string()).unwrap();
        let _ = eval(&parsed, &env);
    }

    #[test]
    fn regex_never_panics(pattern in arb_pattern(), text in "\\PC{0,24}") {
        if let Ok(re) = Regex::new(&pattern) {
            let _ = re.is_match(&text, 10_000);
        }
    }

    #[test]
    fn regex_literal_patterns_match_themselves(text in "[a-z0-9 ]{0,12}") {
        let re = Regex::new(&format!("^{text}$")).unwrap();
        prop_assert_eq!(re.is_match(&text, 100_000), Ok(true));
    }
}

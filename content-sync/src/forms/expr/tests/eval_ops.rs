use jiff::civil::date;

use super::super::{Env, EvalError, Expr, MapEnv, Value, eval, eval_bool, parse};
use super::{env, ev, ev_in, n, num, t, today, truth, truth_in};

#[test]
fn truthy_conversion() {
    assert!(!Value::Empty.truthy());
    assert!(!t("").truthy());
    assert!(t("false").truthy(), "non-empty text is true, as in XPath");
    assert!(!n(0.0).truthy());
    assert!(!n(f64::NAN).truthy());
    assert!(n(-0.5).truthy());
    assert!(Value::Bool(true).truthy());
    assert!(Value::Date(today()).truthy());
    assert!(!Value::Many(vec![]).truthy());
    assert!(Value::Many(vec![Value::Empty]).truthy());
}

#[test]
fn number_conversion() {
    assert!(Value::Empty.to_number().is_nan());
    assert!(t("").to_number().is_nan());
    assert_eq!(t("12").to_number(), 12.0);
    assert_eq!(t(" -3.5 ").to_number(), -3.5);
    assert_eq!(t(".5").to_number(), 0.5);
    assert!(t("1e3").to_number().is_nan(), "no exponents in XPath");
    assert!(t("12abc").to_number().is_nan());
    assert!(t("+1").to_number().is_nan());
    assert!(t("-").to_number().is_nan());
    assert_eq!(Value::Bool(true).to_number(), 1.0);
    assert_eq!(Value::Bool(false).to_number(), 0.0);
    assert_eq!(Value::Date(date(1970, 1, 1)).to_number(), 0.0);
    assert_eq!(Value::Date(date(1970, 1, 2)).to_number(), 1.0);
    assert_eq!(Value::Date(date(1969, 12, 31)).to_number(), -1.0);
    assert_eq!(Value::Date(date(2000, 3, 1)).to_number(), 11_017.0);
    assert_eq!(t("2000-03-01").to_number(), 11_017.0);
    assert_eq!(Value::Many(vec![n(4.0), n(5.0)]).to_number(), 4.0);
    assert!(Value::Many(vec![]).to_number().is_nan());
}

#[test]
fn text_conversion() {
    assert_eq!(Value::Empty.to_text(), "");
    assert_eq!(n(12.0).to_text(), "12");
    assert_eq!(n(-0.0).to_text(), "0");
    assert_eq!(n(3.25).to_text(), "3.25");
    assert_eq!(n(1e21).to_text(), "1000000000000000000000");
    assert_eq!(n(0.1 + 0.2).to_text(), "0.30000000000000004");
    assert_eq!(n(f64::NAN).to_text(), "NaN");
    assert_eq!(n(f64::INFINITY).to_text(), "Infinity");
    assert_eq!(n(f64::NEG_INFINITY).to_text(), "-Infinity");
    assert_eq!(Value::Bool(true).to_text(), "true");
    assert_eq!(Value::Bool(false).to_text(), "false");
    assert_eq!(Value::Date(date(2024, 1, 5)).to_text(), "2024-01-05");
    assert_eq!(Value::Many(vec![t("a"), t("b")]).to_text(), "a");
}

#[test]
fn emptiness() {
    assert!(Value::Empty.is_empty());
    assert!(t("").is_empty());
    assert!(Value::Many(vec![]).is_empty());
    assert!(!t(" ").is_empty());
    assert!(!n(0.0).is_empty());
    assert!(!Value::Bool(false).is_empty());
}

#[test]
fn map_env() {
    let e = env().with("a", n(1.0)).with_current(t("c"));
    assert_eq!(e.field("a"), n(1.0));
    assert_eq!(e.field("missing"), Value::Empty);
    assert_eq!(e.current(), t("c"));
    assert_eq!(Env::today(&e), today());
}

#[test]
fn or_and() {
    assert!(truth("1 or 0"));
    assert!(!truth("0 or ''"));
    assert!(truth("1 and 'x'"));
    assert!(!truth("1 and 0"));
    // Short-circuit: the failing right-hand side is never evaluated.
    let bad = env().with("bad", t("not a date"));
    assert!(!truth_in("false() and date(${bad})", &bad));
    assert!(truth_in("true() or date(${bad})", &bad));
    let err = eval(&parse("true() and date(${bad})").unwrap(), &bad);
    assert_eq!(err, Err(EvalError::InvalidDate("not a date".into())));
}

#[test]
fn equality() {
    assert!(truth("1 = 1.0"));
    assert!(truth("'1' = 1"));
    assert!(truth("'abc' = 'abc'"));
    assert!(!truth("'abc' = 'ABC'"));
    assert!(truth("'a' != 'b'"));
    let e = env().with("x", Value::Empty);
    assert!(truth_in("${x} = ''", &e), "empty equals the empty string");
    assert!(!truth_in("${x} = 0", &e));
    assert!(truth_in("${x} != 0", &e));
    assert!(truth_in("${x} = ${missing}", &e));
    // NaN: never equal, always unequal.
    assert!(!truth("number('x') = number('x')"));
    assert!(truth("number('x') != number('x')"));
    // Booleans compare as booleans.
    let e = env().with("s", t("yes"));
    assert!(truth_in("${s} = true()", &e));
    assert!(truth_in("${missing} = false()", &e));
    assert!(truth("0 = false()"));
}

#[test]
fn equality_dates() {
    let e = env()
        .with("d", Value::Date(date(2024, 6, 15)))
        .with("s", t("2024-06-15"));
    assert!(truth_in("${d} = '2024-06-15'", &e));
    assert!(truth_in("'2024-06-15' = today()", &e));
    assert!(truth_in("${s} = today()", &e));
    assert!(!truth_in("${d} = 'soon'", &e));
    assert!(truth_in("${d} != 'soon'", &e));
    assert!(!truth_in("${d} = ''", &e));
    assert!(
        truth_in("${d} = 19889", &e),
        "date vs number compares day numbers"
    );
}

#[test]
fn equality_many() {
    let e = env().with("m", Value::Many(vec![n(1.0), n(2.0)]));
    assert!(truth_in("${m} = 2", &e));
    assert!(!truth_in("${m} = 3", &e));
    assert!(truth_in("${m} != 1", &e), "XPath: some entry differs");
    assert!(truth_in("${m} = true()", &e));
    let empty = env().with("m", Value::Many(vec![]));
    assert!(!truth_in("${m} = 2", &empty));
    assert!(!truth_in("${m} != 2", &empty));
}

#[test]
fn relational() {
    assert!(truth("1 < 2"));
    assert!(!truth("2 < 2"));
    assert!(truth("2 <= 2"));
    assert!(truth("3 > 2"));
    assert!(truth("2 >= 2"));
    assert!(!truth("1 >= 2"));
    assert!(truth("'10' > '9'"), "numeric, not lexical");
    assert!(truth("date('2024-01-01') < today()"));
    assert!(truth("'2024-01-01' < today()"));
    let e = env().with("x", Value::Empty);
    assert!(!truth_in("${x} < 5", &e));
    assert!(!truth_in("${x} >= 5", &e));
    assert!(!truth("'abc' < 5"));
    assert!(truth("1 < true() + 1"));
    let m = env().with("m", Value::Many(vec![n(1.0), n(10.0)]));
    assert!(truth_in("${m} > 5", &m));
    assert!(truth_in("${m} < 5", &m));
}

#[test]
fn arithmetic() {
    assert_eq!(num("1 + 2"), 3.0);
    assert_eq!(num("'1' + '2'"), 3.0);
    assert!(num("'a' + 1").is_nan());
    assert!(num("${missing} + 1").is_nan());
    assert_eq!(num("5 - 7"), -2.0);
    assert_eq!(num("6 * 7"), 42.0);
    assert_eq!(num("7 div 2"), 3.5);
    assert_eq!(num("1 div 0"), f64::INFINITY);
    assert_eq!(num("-1 div 0"), f64::NEG_INFINITY);
    assert!(num("0 div 0").is_nan());
    assert_eq!(num("7 mod 3"), 1.0);
    assert_eq!(num("-7 mod 3"), -1.0);
    assert_eq!(num("5.5 mod 2"), 1.5);
    assert!(num("5 mod 0").is_nan());
    assert_eq!(num("true() + true()"), 2.0);
}

#[test]
fn unary_minus() {
    assert_eq!(num("-2"), -2.0);
    assert_eq!(num("--2"), 2.0);
    assert_eq!(num("-'3'"), -3.0);
    assert!(num("-'x'").is_nan());
    assert_eq!(num("-2 * 3"), -6.0);
}

#[test]
fn date_arithmetic() {
    assert_eq!(ev("today() + 1"), Value::Date(date(2024, 6, 16)));
    assert_eq!(ev("1 + today()"), Value::Date(date(2024, 6, 16)));
    assert_eq!(ev("today() - 15"), Value::Date(date(2024, 5, 31)));
    assert_eq!(ev("date('2024-02-28') + 1"), Value::Date(date(2024, 2, 29)));
    assert_eq!(num("today() - date('2024-06-01')"), 14.0);
    assert_eq!(num("today() - '2024-06-01'"), 14.0);
    assert_eq!(num("'2024-06-01' - today()"), -14.0);
    assert_eq!(
        num("today() + 0.5"),
        19_889.5,
        "fractional days give a number"
    );
    assert!(num("today() + 'x'").is_nan());
    assert!(num("today() - ${missing}").is_nan());
    let e = env().with("dob", Value::Date(date(2024, 6, 1)));
    assert!(truth_in("today() - ${dob} = 14", &e));
}

#[test]
fn precedence_evaluation() {
    assert!(truth("1 + 2 * 3 = 7"));
    assert_eq!(num("2 + 3 * 4 - 6 div 2"), 11.0);
    assert_eq!(num("10 - 4 - 3"), 3.0);
    assert_eq!(num("2 * (3 + 4)"), 14.0);
    assert!(truth("1 < 2 = true()"));
    assert!(truth("1 = 1 and 2 < 3"));
    let src = "not(${a}) and ${b} or ${c}";
    for (a, b, c) in [
        (false, false, false),
        (false, true, false),
        (true, true, false),
        (false, false, true),
        (true, true, true),
    ] {
        let e = env()
            .with("a", Value::Bool(a))
            .with("b", Value::Bool(b))
            .with("c", Value::Bool(c));
        assert_eq!(truth_in(src, &e), (!a && b) || c, "{a} {b} {c}");
    }
}

#[test]
fn current_value() {
    let e = env().with_current(t("12345"));
    assert_eq!(ev_in(".", &e), t("12345"));
    assert!(truth_in(". > 100", &e));
    assert_eq!(ev_in(".", &env()), Value::Empty);
}

#[test]
fn eval_bool_converts() {
    let e = parse("concat('a', '')").unwrap();
    assert_eq!(eval_bool(&e, &env()), Ok(true));
    let e = parse("${missing}").unwrap();
    assert_eq!(eval_bool(&e, &env()), Ok(false));
}

#[test]
fn eval_refuses_trees_too_deep_for_the_stack() {
    let mut e = Expr::Number(1.0);
    for _ in 0..2000 {
        e = Expr::Neg(Box::new(e));
    }
    assert_eq!(eval(&e, &env()), Err(EvalError::TooDeep));
}

#[test]
fn map_env_with_many() {
    let e: MapEnv = env().with("m", Value::Many(vec![t("x")]));
    assert_eq!(ev_in("${m}", &e), Value::Many(vec![t("x")]));
}

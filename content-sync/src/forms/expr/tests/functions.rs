use jiff::civil::date;

use super::super::{EvalError, Value, eval, parse};
use super::{env, ev, ev_in, n, num, t, text, truth, truth_in};

fn eval_err(src: &str, env: &super::super::MapEnv) -> EvalError {
    eval(&parse(src).unwrap(), env).unwrap_err()
}

#[test]
fn not_true_false() {
    assert!(truth("not(0)"));
    assert!(!truth("not('x')"));
    assert!(truth("not(${missing})"));
    assert!(truth("true()"));
    assert!(!truth("false()"));
    assert!(truth("not(false())"));
}

#[test]
fn selected() {
    let e = env().with("b", t("kindergeld  wohngeld"));
    assert!(truth_in("selected(${b}, 'wohngeld')", &e));
    assert!(truth_in("selected(${b}, ' kindergeld ')", &e));
    assert!(!truth_in("selected(${b}, 'wohn')", &e));
    assert!(!truth_in("selected(${b}, '')", &e));
    assert!(!truth_in("selected(${missing}, 'x')", &e));
}

#[test]
fn count_selected() {
    let e = env().with("b", t(" a b  c "));
    assert_eq!(ev_in("count-selected(${b})", &e), n(3.0));
    assert_eq!(num("count-selected(${missing})"), 0.0);
}

#[test]
fn string_length() {
    assert_eq!(num("string-length('Straße')"), 6.0, "characters, not bytes");
    assert_eq!(num("string-length(${missing})"), 0.0);
    assert_eq!(num("string-length(12.50)"), 4.0, "number printed as 12.5");
}

#[test]
fn regex() {
    assert!(truth("regex('12345', '^[0-9]{5}$')"));
    assert!(!truth("regex('1234', '^[0-9]{5}$')"));
    assert!(truth("regex('ab12', '[0-9]')"), "searches anywhere");
    assert!(truth("regex(${missing}, '^$')"));
    let e = env().with("p", t("[a-"));
    assert!(matches!(
        eval_err("regex('x', ${p})", &e),
        EvalError::InvalidRegex { .. }
    ));
}

#[test]
fn regex_budget_is_an_error_not_a_hang() {
    let e = env().with("long", t(&"a".repeat(60_000)));
    assert_eq!(
        eval_err("regex(${long}, '(a|b)*c')", &e),
        EvalError::RegexTooComplex {
            pattern: "(a|b)*c".into()
        }
    );
}

#[test]
fn if_function() {
    assert_eq!(text("if(1 > 0, 'yes', 'no')"), "yes");
    assert_eq!(text("if(${missing}, 'yes', 'no')"), "no");
    // Only the chosen branch is evaluated.
    let e = env().with("bad", t("nope"));
    assert_eq!(ev_in("if(true(), 1, date(${bad}))", &e), n(1.0));
}

#[test]
fn coalesce() {
    assert_eq!(text("coalesce('a', 'b')"), "a");
    assert_eq!(text("coalesce('', 'b')"), "b");
    assert_eq!(text("coalesce(${missing}, 'b')"), "b");
    assert_eq!(ev("coalesce(0, 'b')"), n(0.0), "zero is not empty");
}

#[test]
fn concat() {
    assert_eq!(text("concat('a', 1, true(), ${missing}, 2.5)"), "a1true2.5");
    assert_eq!(text("concat('only')"), "only");
    let e = env().with("m", Value::Many(vec![t("x"), t("y")]));
    assert_eq!(ev_in("concat(${m}, '!')", &e), t("xy!"));
}

#[test]
fn today_and_date() {
    assert_eq!(ev("today()"), Value::Date(date(2024, 6, 15)));
    assert_eq!(ev("date('2024-02-29')"), Value::Date(date(2024, 2, 29)));
    assert_eq!(
        ev("date(' 2024-02-29T10:00:00 ')"),
        Value::Date(date(2024, 2, 29))
    );
    assert_eq!(ev("date(0)"), Value::Date(date(1970, 1, 1)));
    assert_eq!(ev("date(today())"), Value::Date(date(2024, 6, 15)));
    assert_eq!(ev("date(${missing})"), Value::Empty);
    let e = env().with("d", t("2023-02-29"));
    assert_eq!(
        eval_err("date(${d})", &e),
        EvalError::InvalidDate("2023-02-29".into())
    );
    assert_eq!(
        eval_err("date(1 div 0)", &e),
        EvalError::InvalidDate("Infinity".into())
    );
    assert_eq!(
        eval_err("date(true())", &e),
        EvalError::InvalidDate("true".into())
    );
}

#[test]
fn int() {
    assert_eq!(num("int(3.7)"), 3.0);
    assert_eq!(num("int(-3.7)"), -3.0);
    assert_eq!(num("int('12.9')"), 12.0);
    assert!(num("int('x')").is_nan());
}

#[test]
fn round() {
    assert_eq!(num("round(2.5)"), 3.0);
    assert_eq!(num("round(-2.5)"), -3.0, "half away from zero");
    assert_eq!(num("round(2.675, 2)"), 2.68);
    assert_eq!(num("round(1.005, 2)"), 1.01);
    assert_eq!(num("round(9.995, 2)"), 10.0);
    assert_eq!(num("round(1.23456, 3)"), 1.235);
    assert_eq!(num("round(1234.5, -2)"), 1200.0);
    assert_eq!(num("round(1.5, 10)"), 1.5);
    assert_eq!(num("round(7, 1000000)"), 7.0);
    assert_eq!(num("round(7, -1000000)"), 0.0);
    assert!(num("round('x')").is_nan());
    assert!(num("round(1, 'x')").is_nan());
    assert_eq!(num("round(1 div 0)"), f64::INFINITY);
}

#[test]
fn number_and_string() {
    assert_eq!(num("number(' 42 ')"), 42.0);
    assert!(num("number('4 2')").is_nan());
    assert_eq!(num("number(true())"), 1.0);
    assert_eq!(num("number(date('1970-01-11'))"), 10.0);
    assert_eq!(text("string(12)"), "12");
    assert_eq!(text("string(1 div 0)"), "Infinity");
    assert_eq!(text("string(today())"), "2024-06-15");
    assert_eq!(text("string(${missing})"), "");
}

#[test]
fn sum() {
    let e = env().with("m", Value::Many(vec![n(100.0), t("250.5"), n(49.5)]));
    assert_eq!(ev_in("sum(${m})", &e), n(400.0));
    let e = env().with("m", Value::Many(vec![]));
    assert_eq!(ev_in("sum(${m})", &e), n(0.0));
    let e = env().with("m", Value::Many(vec![n(1.0), Value::Empty, t("")]));
    assert_eq!(
        ev_in("sum(${m})", &e),
        n(1.0),
        "unanswered entries add nothing"
    );
    let e = env().with("m", Value::Many(vec![n(1.0), t("abc")]));
    assert!(
        ev_in("sum(${m})", &e).to_number().is_nan(),
        "NaN entries propagate"
    );
    assert_eq!(num("sum(${missing})"), 0.0);
    assert_eq!(num("sum(5)"), 5.0);
}

#[test]
fn count() {
    let e = env().with("m", Value::Many(vec![t("a"), Value::Empty, t("c")]));
    assert_eq!(ev_in("count(${m})", &e), n(3.0));
    assert_eq!(num("count(${missing})"), 0.0);
    assert_eq!(num("count('x')"), 1.0);
    let e = env().with("m", Value::Many(vec![]));
    assert_eq!(ev_in("count(${m})", &e), n(0.0));
}

#[test]
fn min_max() {
    assert_eq!(num("min(3, 1, 2)"), 1.0);
    assert_eq!(num("max(3, 1, 2)"), 3.0);
    assert_eq!(num("max(-1)"), -1.0);
    let e = env().with("m", Value::Many(vec![n(4.0), t("7")]));
    assert_eq!(ev_in("max(${m}, 5)", &e), n(7.0));
    assert_eq!(ev_in("min(${m})", &e), n(4.0));
    assert!(num("min(1, ${missing})").is_nan());
    let e = env().with("m", Value::Many(vec![]));
    assert!(ev_in("max(${m})", &e).to_number().is_nan());
}

#[test]
fn contains_and_starts_with() {
    assert!(truth("contains('Wohngeld', 'hng')"));
    assert!(!truth("contains('Wohngeld', 'x')"));
    assert!(truth("contains('abc', '')"));
    assert!(truth("starts-with('Wohngeld', 'Wohn')"));
    assert!(!truth("starts-with('Wohngeld', 'geld')"));
    assert!(truth("starts-with(${missing}, '')"));
}

#[test]
fn substr() {
    assert_eq!(text("substr('Straße', 2, 5)"), "raß");
    assert_eq!(text("substr('Straße', 2)"), "raße");
    assert_eq!(text("substr('abc', -5, 99)"), "abc");
    assert_eq!(text("substr('abc', 2, 1)"), "");
    assert_eq!(text("substr('abc', 'x')"), "abc");
    assert_eq!(text("substr('abc', 1 div 0)"), "");
}

#[test]
fn age() {
    let born = |d: &str| env().with("dob", t(d));
    assert_eq!(ev_in("age(${dob})", &born("2006-06-15")), n(18.0));
    assert_eq!(ev_in("age(${dob})", &born("2006-06-16")), n(17.0));
    assert_eq!(ev_in("age(${dob})", &born("2024-06-15")), n(0.0));
    assert_eq!(ev_in("age(${dob})", &born("2025-06-16")), n(-1.0));
    let e = env().with("dob", Value::Date(date(2000, 2, 29)));
    assert_eq!(ev_in("age(${dob})", &e), n(24.0));
    assert!(num("age(${missing})").is_nan());
    assert!(num("age('soon')").is_nan());
}

#[test]
fn format_date() {
    assert_eq!(text("format-date(today(), '%d.%m.%Y')"), "15.06.2024");
    assert_eq!(
        text("format-date('2024-01-05', '%Y/%m/%d %H %')"),
        "2024/01/05 %H %"
    );
    assert_eq!(text("format-date(${missing}, '%Y')"), "");
    assert_eq!(text("format-date('x', '%Y')"), "");
}

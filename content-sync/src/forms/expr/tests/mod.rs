#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod eval_ops;
mod functions;
mod parse;
mod props;
mod regex_engine;
mod xlsform;

use jiff::civil::{Date, date};

use super::{MapEnv, Value, eval, parse};

/// The date `today()` returns in tests.
fn today() -> Date {
    date(2024, 6, 15)
}

fn env() -> MapEnv {
    MapEnv::new(today())
}

fn ev_in(src: &str, env: &MapEnv) -> Value {
    let expr = parse(src).unwrap_or_else(|e| panic!("{src:?}: {e}"));
    eval(&expr, env).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

fn ev(src: &str) -> Value {
    ev_in(src, &env())
}

fn num(src: &str) -> f64 {
    match ev(src) {
        Value::Number(n) => n,
        other => panic!("{src:?} gave {other:?}, not a number"),
    }
}

fn text(src: &str) -> String {
    match ev(src) {
        Value::Text(s) => s,
        other => panic!("{src:?} gave {other:?}, not text"),
    }
}

fn truth(src: &str) -> bool {
    match ev(src) {
        Value::Bool(b) => b,
        other => panic!("{src:?} gave {other:?}, not a boolean"),
    }
}

fn truth_in(src: &str, env: &MapEnv) -> bool {
    match ev_in(src, env) {
        Value::Bool(b) => b,
        other => panic!("{src:?} gave {other:?}, not a boolean"),
    }
}

/// The offset and message of a parse error.
fn parse_err(src: &str) -> (usize, String) {
    match parse(src) {
        Ok(e) => panic!("{src:?} parsed as {e:?}"),
        Err(e) => (e.offset, e.message),
    }
}

fn t(s: &str) -> Value {
    Value::Text(s.to_owned())
}

fn n(x: f64) -> Value {
    Value::Number(x)
}

#[test]
fn choice_filters_read_bare_names_as_columns() {
    use super::{Env, Expr, MapEnv, Value, eval_bool, parse, parse_filter};
    struct Choice(MapEnv);
    impl Env for Choice {
        fn field(&self, name: &str) -> Value {
            self.0.field(name)
        }
        fn current(&self) -> Value {
            Value::Empty
        }
        fn today(&self) -> jiff::civil::Date {
            self.0.today
        }
        fn column(&self, name: &str) -> Value {
            if name == "region" {
                Value::Text("sn".into())
            } else {
                Value::Empty
            }
        }
    }
    let filter = parse_filter("region = ${state} and not(name = 'x')").unwrap();
    assert_eq!(filter.to_string(), "region = ${state} and not(name = 'x')");
    assert!(
        matches!(&filter, Expr::Binary { left, .. } if matches!(&**left, Expr::Binary { left, .. } if **left == Expr::Column("region".into())))
    );
    let env =
        Choice(MapEnv::new(jiff::civil::date(2026, 1, 1)).with("state", Value::Text("sn".into())));
    assert!(eval_bool(&filter, &env).unwrap());
    // Elsewhere a bare name is an error that says how to name a field.
    assert_eq!(
        parse("region = 'sn'").unwrap_err().to_string(),
        "unknown name `region`; refer to a field as `${region}` (at character 0)"
    );
}

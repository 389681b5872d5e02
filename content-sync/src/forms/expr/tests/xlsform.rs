//! Typical XLSForm expressions end to end.

use jiff::civil::date;

use super::super::{Value, parse};
use super::{env, ev_in, n, t, truth_in};

#[test]
fn age_range() {
    let src = "${age} >= 18 and ${age} < 120";
    assert!(truth_in(src, &env().with("age", n(42.0))));
    assert!(truth_in(src, &env().with("age", t("18"))));
    assert!(!truth_in(src, &env().with("age", n(17.0))));
    assert!(!truth_in(src, &env().with("age", n(120.0))));
    assert!(!truth_in(src, &env()));
    assert_eq!(parse(src).unwrap().references(), vec!["age"]);
}

#[test]
fn selected_benefit() {
    let src = "selected(${benefits}, 'wohngeld')";
    assert!(truth_in(
        src,
        &env().with("benefits", t("kindergeld wohngeld"))
    ));
    assert!(!truth_in(src, &env().with("benefits", t("wohngeld2"))));
    assert!(!truth_in(src, &env()));
}

#[test]
fn postal_code_constraint() {
    let src = "string-length(.) = 5 and regex(., '^[0-9]{5}$')";
    let check = |v: &str| truth_in(src, &env().with_current(t(v)));
    assert!(check("12345"));
    assert!(!check("1234a"));
    assert!(!check("123456"));
    assert!(!check(""));
    assert!(parse(src).unwrap().uses_current());
}

#[test]
fn people_label() {
    let src = "if(${n} > 1, concat(${n}, ' Personen'), 'eine Person')";
    assert_eq!(ev_in(src, &env().with("n", n(3.0))), t("3 Personen"));
    assert_eq!(ev_in(src, &env().with("n", t("2"))), t("2 Personen"));
    assert_eq!(ev_in(src, &env().with("n", n(1.0))), t("eine Person"));
    assert_eq!(ev_in(src, &env()), t("eine Person"));
}

#[test]
fn adult_by_date_of_birth() {
    let src = "today() - ${dob} > 365 * 18";
    assert!(truth_in(src, &env().with("dob", t("2000-01-01"))));
    assert!(truth_in(
        src,
        &env().with("dob", Value::Date(date(2000, 1, 1)))
    ));
    assert!(!truth_in(
        src,
        &env().with("dob", Value::Date(date(2010, 1, 1)))
    ));
    assert!(!truth_in(src, &env()));
    assert!(!truth_in(src, &env().with("dob", t("garbage"))));
}

#[test]
fn coalesce_default() {
    let src = "coalesce(${a}, 'x')";
    assert_eq!(ev_in(src, &env()), t("x"));
    assert_eq!(ev_in(src, &env().with("a", t(""))), t("x"));
    assert_eq!(ev_in(src, &env().with("a", t("y"))), t("y"));
}

#[test]
fn sum_over_repeat() {
    let src = "sum(${income})";
    let incomes = Value::Many(vec![n(1200.0), t("300"), n(0.5)]);
    assert_eq!(ev_in(src, &env().with("income", incomes)), n(1500.5));
    assert_eq!(
        ev_in(src, &env().with("income", Value::Many(vec![]))),
        n(0.0)
    );
}

#[test]
fn count_repeat_members() {
    let src = "count(${member})";
    let members = Value::Many(vec![t("anna"), t("ben"), t("cem")]);
    assert_eq!(ev_in(src, &env().with("member", members)), n(3.0));
    assert_eq!(ev_in(src, &env()), n(0.0));
    assert!(truth_in(
        "count(${member}) >= 2",
        &env().with("member", Value::Many(vec![t("a"), t("b")]))
    ));
}

#[test]
fn choice_filter_and_calculations() {
    let e = env().with("region", t("nord")).with("kids", n(2.0));
    assert!(truth_in("${region} = 'nord' or ${region} = 'ost'", &e));
    assert_eq!(ev_in("${kids} * 250 + 100", &e), n(600.0));
    assert_eq!(
        ev_in("format-date(today() + 14, '%d.%m.%Y')", &e),
        t("29.06.2024")
    );
}

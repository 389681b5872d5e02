use super::super::regex::{BudgetExceeded, Regex, STEP_BUDGET};

fn is_match(pattern: &str, text: &str) -> bool {
    Regex::new(pattern)
        .unwrap_or_else(|e| panic!("{pattern:?}: {e:?}"))
        .is_match(text, STEP_BUDGET)
        .unwrap()
}

fn error(pattern: &str) -> (usize, String) {
    let e = Regex::new(pattern).unwrap_err();
    (e.offset, e.message)
}

#[test]
fn literals_and_search() {
    assert!(is_match("abc", "xxabcxx"));
    assert!(!is_match("abd", "xxabcxx"));
    assert!(is_match("", "anything"));
    assert!(is_match("", ""));
    assert!(is_match("äö", "xäöx"));
}

#[test]
fn anchors() {
    assert!(is_match("^abc$", "abc"));
    assert!(!is_match("^abc$", "abcd"));
    assert!(!is_match("^abc$", "xabc"));
    assert!(is_match("^$", ""));
    assert!(is_match("c$", "abc"));
    assert!(!is_match("a^b", "ab"));
}

#[test]
fn dot() {
    assert!(is_match("^a.c$", "abc"));
    assert!(is_match("^a.c$", "aßc"));
    assert!(!is_match("^a.c$", "ac"));
    assert!(!is_match("^a.c$", "a\nc"));
}

#[test]
fn classes() {
    assert!(is_match("^[a-z0-9]+$", "abc123"));
    assert!(!is_match("^[a-z0-9]+$", "abC"));
    assert!(is_match("^[^0-9]+$", "abc"));
    assert!(!is_match("^[^0-9]+$", "ab1"));
    assert!(is_match("^[-a]+$", "-a-"));
    assert!(is_match("^[a-]+$", "-a-"));
    assert!(is_match("^[.*+]+$", ".*+"));
    assert!(is_match("^[\\]\\\\]+$", "]\\"));
    assert!(is_match("^[\\d_]+$", "1_2"));
    assert!(is_match("^[äöüß]+$", "üß"));
    assert!(!is_match("[]", "a"), "empty class matches nothing");
    assert!(
        is_match("^[^]$", "x"),
        "negated empty class matches anything"
    );
}

#[test]
fn perl_classes() {
    assert!(is_match("^\\d{3}$", "123"));
    assert!(!is_match("^\\d{3}$", "12a"));
    assert!(is_match("^\\D+$", "abc"));
    assert!(is_match("^\\w+@\\w+\\.de$", "max_1@web.de"));
    assert!(!is_match("^\\w+$", "a-b"));
    assert!(is_match("^\\W$", "-"));
    assert!(is_match("^a\\sb$", "a b"));
    assert!(is_match("^a\\sb$", "a\tb"));
    assert!(is_match("^\\S+$", "ab"));
}

#[test]
fn escapes() {
    assert!(is_match("^a\\.b$", "a.b"));
    assert!(!is_match("^a\\.b$", "axb"));
    assert!(is_match(
        "^\\(\\)\\[\\]\\{\\}\\*\\+\\?\\|\\^\\$\\\\$",
        "()[]{}*+?|^$\\"
    ));
    assert!(is_match("^a\\nb$", "a\nb"));
    assert!(is_match("^\\/$", "/"));
}

#[test]
fn quantifiers() {
    assert!(is_match("^ab*c$", "ac"));
    assert!(is_match("^ab*c$", "abbbc"));
    assert!(!is_match("^ab+c$", "ac"));
    assert!(is_match("^ab+c$", "abc"));
    assert!(is_match("^ab?c$", "ac"));
    assert!(!is_match("^ab?c$", "abbc"));
    assert!(is_match("^a{3}$", "aaa"));
    assert!(!is_match("^a{3}$", "aa"));
    assert!(is_match("^a{2,3}$", "aaa"));
    assert!(!is_match("^a{2,3}$", "aaaa"));
    assert!(is_match("^a{2,}$", "aaaaaa"));
    assert!(!is_match("^a{2,}$", "a"));
    assert!(is_match("^a{0}b$", "b"));
    assert!(is_match("^a*?b$", "aab"), "lazy quantifier");
    assert!(is_match("^(ab)+$", "ababab"));
    assert!(!is_match("^(ab)+$", "ababa"));
}

#[test]
fn braces_that_are_not_quantifiers_are_literals() {
    assert!(is_match("^a{$", "a{"));
    assert!(is_match("^a{1,x}$", "a{1,x}"));
    assert!(is_match("^}$", "}"));
}

#[test]
fn alternation_and_groups() {
    assert!(is_match("^(cat|dog)$", "dog"));
    assert!(!is_match("^(cat|dog)$", "cow"));
    assert!(is_match("^cat|dog$", "catfish"));
    assert!(is_match("^(a|)$", ""));
    assert!(is_match("^(?:ja|nein)$", "nein"));
    assert!(is_match("^((a|b)c)+$", "acbc"));
}

#[test]
fn pathological_patterns_stay_fast() {
    // Exponential for naive backtracking; the visited set keeps it linear.
    let text = format!("{}b", "a".repeat(30));
    assert!(!is_match("^(a+)+$", &text));
    assert!(!is_match("^(a|a)*$", &text));
    assert!(!is_match("(a*)*c", &"a".repeat(200)));
    assert!(is_match("^(a*)*$", &"a".repeat(200)));
    assert!(is_match("(|a)*b", "aab"));
}

#[test]
fn step_budget() {
    let re = Regex::new("(a|b)*c").unwrap();
    assert_eq!(re.is_match(&"a".repeat(1000), 100), Err(BudgetExceeded));
    assert_eq!(re.is_match("ababc", 100), Ok(true));
    assert_eq!(
        re.is_match(&"a".repeat(60_000), STEP_BUDGET),
        Err(BudgetExceeded)
    );
}

#[test]
fn syntax_errors() {
    let cases: [(&str, usize, &str); 16] = [
        ("(ab", 0, "unclosed group `(`"),
        ("a(b(c)", 1, "unclosed group `(`"),
        ("ab)", 2, "unmatched `)`"),
        ("[a-z", 0, "unclosed character class `[`"),
        ("*a", 0, "nothing to repeat before `*`"),
        ("a|+", 2, "nothing to repeat before `+`"),
        ("a**", 2, "nothing to repeat before `*`"),
        ("a{2}{3}", 4, "nothing to repeat before `{`"),
        ("{2}", 0, "nothing to repeat before `{`"),
        ("^*", 1, "cannot repeat the anchor `^`"),
        ("a{5,2}", 1, "invalid repetition: 5 is more than 2"),
        ("a{1001}", 2, "repetition count too large (at most 1000)"),
        ("\\q", 0, "unsupported escape `\\q`"),
        ("ab\\", 2, "pattern ends with `\\`"),
        ("[z-a]", 1, "invalid range `z-a`"),
        ("(?=a)", 0, "unsupported group syntax `(?`"),
    ];
    for (pattern, offset, message) in cases {
        assert_eq!(error(pattern), (offset, message.to_owned()), "{pattern}");
    }
    assert_eq!(
        error("[a-\\d]"),
        (1, "invalid range in character class".into())
    );
    assert!(
        is_match("^[\\d-z]+$", "1-z"),
        "a class escape before `-` is no range"
    );
}

#[test]
fn size_limits() {
    let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
    assert_eq!(error(&deep).1, "groups are nested too deeply");
    assert_eq!(error("(a{1000}){1000}").1, "pattern is too large");
    assert!(Regex::new(&format!("{}a{}", "(".repeat(30), ")".repeat(30))).is_ok());
    assert_eq!(
        error(&"a".repeat(1001)),
        (1000, "pattern is too long (at most 1000 characters)".into())
    );
}

#[test]
fn repeating_empty_things_compiles_fast() {
    let nested = format!("{}a{{0}}{}", "(".repeat(30), "){1000}".repeat(30));
    assert!(is_match(&nested, "b"));
    let stars = format!("{}a{}", "(".repeat(30), ")*".repeat(30));
    assert!(is_match(&format!("^{stars}$"), "aaaa"));
    assert!(!is_match(&format!("^{stars}$"), "aab"));
    assert!(is_match("^(){1000}(|){5}x{0}$", ""));
}

//! Search quality: questions in every shipped language, as visitors type
//! them, each with the services that must be among the first three
//! results. The test prints every miss and the share found, and fails
//! below the bar.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use content_sync::find::{Filters, Query};
use content_sync::model::Position;
use content_sync::store::Store;
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    question: Vec<Question>,
}

#[derive(Deserialize)]
struct Question {
    lang: String,
    text: String,
    expect: Vec<String>,
}

/// Share of questions whose expected services must all be in the first
/// three results.
const BAR: f64 = 0.9;

#[test]
fn questions_in_every_language_find_their_services_in_the_first_three() {
    let table: Table = toml::from_str(include_str!("fixtures/search-questions.toml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let generation = store
        .activate_files(&content_sync::demo::files(), 1)
        .unwrap();
    let content = generation.open().unwrap();
    let ids: Vec<String> = content
        .services()
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    // The terminal at Leipzig's market square on a Wednesday afternoon.
    let now: jiff::Zoned = "2026-11-25T15:00[Europe/Berlin]".parse().unwrap();
    let origin = Position {
        lat: 51.3397,
        lon: 12.3731,
    };
    let filters = Filters::default();
    let languages = content.info().languages.clone();
    let mut found = 0;
    let mut misses = Vec::new();
    for question in &table.question {
        assert!(languages.contains(&question.lang), "{}", question.lang);
        for id in &question.expect {
            assert!(ids.contains(id), "{}: no service {id}", question.text);
        }
        let hits = content
            .find(&Query {
                text: &question.text,
                category: None,
                filters: &filters,
                origin: Some(origin),
                now: &now,
                limit: 3,
            })
            .unwrap()
            .hits;
        let top: Vec<&str> = hits.iter().map(|h| h.service.id.as_str()).collect();
        if question.expect.iter().all(|id| top.contains(&id.as_str())) {
            found += 1;
        } else {
            misses.push(format!(
                "  [{}] {:?}: want {:?}, got {top:?}",
                question.lang, question.text, question.expect
            ));
        }
    }
    let total = table.question.len();
    let share = found as f64 / total as f64;
    eprintln!(
        "search quality: {found} of {total} questions ({:.0} %) find their services in the first three",
        share * 100.0
    );
    for miss in &misses {
        eprintln!("{miss}");
    }
    assert!(
        total >= 60,
        "the table has {total} questions, at least 60 wanted"
    );
    for lang in &languages {
        let n = table.question.iter().filter(|q| &q.lang == lang).count();
        assert!(n >= 5, "only {n} questions in {lang}");
    }
    assert!(share >= BAR, "share {share:.2} below {BAR}");
}

//! The search's filters and order on the demo pack: each filter keeps only
//! what it says and drops something, no question lists the nearest first,
//! and everyday words find their category.

use super::*;
use crate::model::Audience;
use crate::store::Store;

const LEIPZIG: Position = Position {
    lat: 51.3397,
    lon: 12.3731,
};

fn demo() -> (tempfile::TempDir, Content) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let content = store
        .activate_files(&crate::demo::files(), 1)
        .unwrap()
        .open()
        .unwrap();
    (dir, content)
}

fn find(content: &Content, text: &str, category: Option<Category>, filters: &Filters) -> Vec<Hit> {
    let now: Zoned = "2026-11-25T15:00[Europe/Berlin]".parse().unwrap();
    content
        .find(&Query {
            text,
            category,
            filters,
            origin: Some(LEIPZIG),
            now: &now,
            limit: 100,
        })
        .unwrap()
        .hits
}

#[test]
fn every_filter_keeps_only_what_it_says_and_drops_something() {
    let (_dir, content) = demo();
    let all = find(&content, "", None, &Filters::default());
    assert!(all.len() > 50, "{}", all.len());
    type Check = fn(&Service) -> bool;
    let cases: [(Filters, Check); 6] = [
        (
            Filters {
                free: true,
                ..Filters::default()
            },
            |s| s.free == Some(true),
        ),
        (
            Filters {
                walk_in: true,
                ..Filters::default()
            },
            |s| s.appointment == Some(false),
        ),
        (
            Filters {
                wheelchair: true,
                ..Filters::default()
            },
            |s| s.wheelchair == Some(true),
        ),
        (
            Filters {
                speaks: Some("ar".into()),
                ..Filters::default()
            },
            |s| s.languages.iter().any(|l| l == "ar"),
        ),
        (
            Filters {
                women: true,
                ..Filters::default()
            },
            |s| s.audience.contains(&Audience::Women),
        ),
        (
            Filters {
                young: true,
                ..Filters::default()
            },
            |s| s.audience.contains(&Audience::Young),
        ),
    ];
    for (filters, check) in cases {
        let hits = find(&content, "", None, &filters);
        assert!(!hits.is_empty(), "{filters:?} found nothing");
        assert!(hits.len() < all.len(), "{filters:?} dropped nothing");
        for hit in &hits {
            assert!(
                check(&hit.service),
                "{filters:?} let {} through",
                hit.service.id
            );
        }
        let expected = all.iter().filter(|h| check(&h.service)).count();
        assert_eq!(hits.len(), expected, "{filters:?} lost some");
    }
    let none = find(
        &content,
        "",
        None,
        &Filters {
            speaks: Some("xx".into()),
            ..Filters::default()
        },
    );
    assert!(none.is_empty(), "a language nobody speaks");
}

#[test]
fn no_question_lists_the_nearest_first_and_a_category_keeps_to_itself() {
    let (_dir, content) = demo();
    let hits = find(&content, "", None, &Filters::default());
    for open in [true, false] {
        let distances: Vec<f64> = hits
            .iter()
            .filter(|h| h.openness.is_open() == open)
            .filter_map(|h| h.distance)
            .collect();
        assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    }
    let food = find(&content, "", Some(Category::Food), &Filters::default());
    assert!(!food.is_empty());
    for hit in &food {
        let s = &hit.service;
        assert!(
            s.category == Category::Food || s.also.contains(&Category::Food),
            "{}",
            s.id
        );
    }
    let sleep = find(&content, "Schlafplatz", None, &Filters::default());
    let first = &sleep[0].service;
    assert!(
        first.category == Category::Sleep || first.also.contains(&Category::Sleep),
        "{}",
        first.id
    );
    assert!(sleep[0].relevance >= sleep.last().map_or(0, |h| h.relevance));
}

//! Headless tests of the help finder: typing on the on-screen keyboard,
//! topics, filters, a service in full, the map moved by a finger and
//! zoomed by two, and the
//! slip, in German and Arabic.

use iced::{Point, Vector};

use kiosk_app::content::Category;
use kiosk_app::language::Language;

use super::screen::{Screen, help, map, service};
use super::tests::{WIDE, bounds_of, gesture, kiosk, lifted, moved, pressed, t, tap, tap_key};
use super::{Kiosk, Message};

/// A kiosk in `language` on the help finder, at a fixed moment (Wednesday
/// 25 November 2026, 15:00 in Leipzig).
fn finder(language: Language) -> Kiosk {
    let mut kiosk = kiosk();
    kiosk.ctx.clock = Some("2026-11-25T15:00[Europe/Berlin]".parse().unwrap());
    tap_key(&mut kiosk, WIDE, "attract-touch");
    kiosk.apply(Message::Language(super::screen::language::Message::Choose(
        language,
    )));
    tap_key(&mut kiosk, WIDE, "tile-find-help");
    kiosk
}

fn state(kiosk: &Kiosk) -> &help::State {
    match kiosk.screen() {
        Screen::Help(state) => state,
        other => panic!("not the help finder: {other:?}"),
    }
}

fn ids(kiosk: &Kiosk) -> Vec<String> {
    state(kiosk)
        .found
        .hits
        .iter()
        .map(|hit| hit.service.id.clone())
        .collect()
}

fn type_on_keyboard(kiosk: &mut Kiosk, text: &str) {
    tap_key(kiosk, WIDE, "help-search-placeholder");
    for c in text.chars() {
        tap(kiosk, WIDE, &c.to_string());
    }
    tap_key(kiosk, WIDE, "osk-done");
}

#[test]
fn a_question_typed_on_the_keyboard_finds_the_night_shelter_first() {
    let mut kiosk = finder(Language::German);
    type_on_keyboard(&mut kiosk, "schlafplatz");
    assert_eq!(kiosk.session().search, "schlafplatz");
    let found = ids(&kiosk);
    assert!(
        state(&kiosk).found.asked.contains(&Category::Sleep),
        "{found:?}"
    );
    let first = &state(&kiosk).found.hits[0].service;
    assert!(first.is_in(Category::Sleep), "{found:?}");
    // The card says whether it is open and which way it is.
    bounds_of(&kiosk, WIDE, &first.name);
}

#[test]
fn a_topic_and_a_filter_narrow_the_list_and_nothing_found_shows_crisis_lines() {
    let mut kiosk = finder(Language::German);
    let all = ids(&kiosk).len();
    tap_key(&mut kiosk, WIDE, "category-food");
    let food = state(&kiosk).found.hits.clone();
    assert!(!food.is_empty() && food.len() < all);
    assert!(food.iter().all(|hit| hit.service.is_in(Category::Food)));
    tap_key(&mut kiosk, WIDE, "filter-open-now");
    let open = &state(&kiosk).found.hits;
    assert!(open.len() <= food.len());
    assert!(open.iter().all(|hit| hit.openness.is_open()));
    // A question that finds nothing: kind words, the topics, crisis lines.
    tap_key(&mut kiosk, WIDE, "filter-open-now");
    tap_key(&mut kiosk, WIDE, "help-all");
    type_on_keyboard(&mut kiosk, "qqxz");
    assert!(ids(&kiosk).is_empty());
    bounds_of(&kiosk, WIDE, &t(&kiosk, "help-none"));
    bounds_of(&kiosk, WIDE, &t(&kiosk, "help-crisis-title"));
    assert!(!state(&kiosk).crisis.is_empty());
}

fn open_first(kiosk: &mut Kiosk) -> String {
    // A topic chosen: the other topics step aside and the first card shows.
    tap_key(kiosk, WIDE, "category-sleep");
    let name = state(kiosk).found.hits[0].service.name.clone();
    tap(kiosk, WIDE, &name);
    match kiosk.screen() {
        Screen::Service(state) => assert_eq!(state.service.name, name),
        other => panic!("not the service page: {other:?}"),
    }
    name
}

#[test]
fn in_arabic_a_service_opens_in_full_and_its_map_moves_under_a_finger() {
    let mut kiosk = finder(Language::Arabic);
    let name = open_first(&mut kiosk);
    bounds_of(&kiosk, WIDE, &t(&kiosk, "detail-hours"));
    assert!(kiosk.speech_text().contains(&name));
    tap_key(&mut kiosk, WIDE, "detail-map");
    let before = match kiosk.screen() {
        Screen::Map(state) => state.view,
        other => panic!("not the map: {other:?}"),
    };
    let from = Point::new(600.0, 450.0);
    let to = from + Vector::new(120.0, 40.0);
    gesture(
        &mut kiosk,
        WIDE,
        &[(pressed, from), (moved, to), (lifted, to)],
    );
    let Screen::Map(state) = kiosk.screen() else {
        panic!("left the map");
    };
    assert!(
        state.view.center.lon < before.center.lon,
        "dragged east shows the west"
    );
    assert!(
        state.view.center.lat > before.center.lat,
        "dragged down shows the north"
    );
    let zoom = state.view.zoom;
    tap_key(&mut kiosk, WIDE, "map-zoom-out");
    let Screen::Map(state) = kiosk.screen() else {
        panic!("left the map");
    };
    assert_eq!(state.view.zoom, zoom - 1);
    let _: &map::State = state;

    // Two fingers spread apart zoom in one level; pinched together, out.
    let zoom_after = |kiosk: &mut Kiosk, from: f32, to: f32| {
        let one = iced::touch::Finger(1);
        let two = iced::touch::Finger(2);
        let at = |x: f32| Point::new(x, 450.0);
        let messages: Vec<Message> = {
            let mut ui = super::tests::simulator(kiosk, WIDE);
            let events = [
                pressed(one, at(600.0 - from)),
                pressed(two, at(600.0 + from)),
                moved(two, at(600.0 + (from + to) / 2.0)),
                moved(two, at(600.0 + to)),
                lifted(two, at(600.0 + to)),
                lifted(one, at(600.0 - from)),
            ];
            for event in events {
                ui.simulate([iced::Event::Touch(event)]);
            }
            ui.into_messages().collect()
        };
        for message in messages {
            kiosk.apply(message);
        }
        match kiosk.screen() {
            Screen::Map(state) => state.view.zoom,
            other => panic!("left the map: {other:?}"),
        }
    };
    assert_eq!(zoom_after(&mut kiosk, 60.0, 150.0), zoom);
    assert_eq!(zoom_after(&mut kiosk, 150.0, 40.0), zoom - 1);
    assert_eq!(
        zoom_after(&mut kiosk, 100.0, 120.0),
        zoom - 1,
        "a small spread is not a zoom"
    );
}

#[test]
fn a_slip_is_made_saved_for_the_printer_and_gone_with_the_session() {
    let mut kiosk = finder(Language::German);
    let dir = tempfile::tempdir().unwrap();
    kiosk.ctx.slip_dir = dir.path().join("slips");
    open_first(&mut kiosk);
    let task = kiosk.update(Message::Service(service::Message::PrintSlip));
    let messages = super::tests::run_task(task);
    let [Message::SlipDone(Ok(path))] = messages.as_slice() else {
        panic!("{messages:?}");
    };
    let pdf = std::fs::read(path).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    kiosk.apply(messages[0].clone());
    bounds_of(&kiosk, WIDE, &t(&kiosk, "slip-saved"));
    // Ending the session removes the slips.
    kiosk.apply(Message::Bar(super::topbar::Action::EndSession));
    tap_key(&mut kiosk, WIDE, "confirm-end-yes");
    assert!(!kiosk.ctx.slip_dir.exists());
}

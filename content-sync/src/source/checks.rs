//! The checks an editor's services and pack description must pass: what a
//! kiosk could not show correctly is refused at publish time, naming the
//! record, rather than shown wrong to a visitor.

use crate::hours::Calendar;
use crate::model::{Hours, PackInfo, Service, Texts};

use super::{is_id, is_language_tag};

/// What is wrong with `info` beyond its syntax.
pub(super) fn info_problems(info: &PackInfo) -> Vec<String> {
    let mut problems = Vec::new();
    if let Err(error) = Calendar::new(&info.timezone, Vec::new()) {
        problems.push(format!("timezone \"{}\": {error}", info.timezone));
    }
    if let Some([south, west, north, east]) = info.bounds {
        let lat = |v: f64| (-90.0..=90.0).contains(&v);
        let lon = |v: f64| (-180.0..=180.0).contains(&v);
        if !(lat(south) && lat(north) && lon(west) && lon(east)) || south >= north || west >= east {
            problems.push("bounds must be [south, west, north, east] in degrees".to_owned());
        }
    }
    for landmark in &info.landmark {
        let id = &landmark.id;
        if !is_id(id) {
            problems.push(format!("landmark \"{id}\": use a-z, 0-9 and -"));
        }
        if !info.covers(landmark.position) {
            problems.push(format!("landmark \"{id}\": its position is outside bounds"));
        }
        for lang in &info.languages {
            if landmark.name.get(lang).is_none_or(|n| n.trim().is_empty()) {
                problems.push(format!("landmark \"{id}\": no name in \"{lang}\""));
            }
        }
    }
    problems
}

/// What is wrong with `service` in a pack described by `info`.
pub(super) fn service_problems(service: &Service, info: &PackInfo) -> Vec<String> {
    let mut problems = Vec::new();
    if !is_id(&service.id) {
        problems.push("the id may use a-z, 0-9 and - only".to_owned());
    }
    if service.name.trim().is_empty() {
        problems.push("the name is empty".to_owned());
    }
    if service.address.trim().is_empty() {
        problems.push("the address is empty".to_owned());
    }
    if let Some(position) = service.position
        && !info.covers(position)
    {
        problems.push(format!(
            "position [{}, {}] is outside the pack's region (bounds in pack.toml)",
            position.lat, position.lon
        ));
    }
    texts(&mut problems, "summary", &service.summary, info, true);
    texts(&mut problems, "bring", &service.bring, info, false);
    texts(&mut problems, "way", &service.way, info, false);
    texts(
        &mut problems,
        "fees",
        &service.fees,
        info,
        service.free == Some(false),
    );
    hours(&mut problems, &service.hours);
    if service.hours.is_empty() && service.appointment != Some(true) {
        problems.push(
            "no opening hours: give hours, or set appointment = true for a service by \
             appointment only"
                .to_owned(),
        );
    }
    for lang in &service.languages {
        if !is_language_tag(lang) {
            problems.push(format!("languages: \"{lang}\" is not a language tag"));
        }
    }
    if service.also.contains(&service.category) {
        problems.push("also repeats the main category".to_owned());
    }
    problems
}

/// Texts in every language of the pack when `required` or when given at
/// all, and in none that the pack does not list.
fn texts(problems: &mut Vec<String>, field: &str, texts: &Texts, info: &PackInfo, required: bool) {
    if !required && texts.is_empty() {
        return;
    }
    for lang in &info.languages {
        if texts.get(lang).is_none_or(|text| text.trim().is_empty()) {
            problems.push(format!("no {field} in \"{lang}\""));
        }
    }
    for lang in texts.keys() {
        if !info.languages.contains(lang) {
            problems.push(format!(
                "{field} in \"{lang}\", which pack.toml does not list"
            ));
        }
    }
}

/// Times that are not times, ranges of no length, and ranges of one
/// service that overlap on a day.
fn hours(problems: &mut Vec<String>, hours: &[Hours]) {
    let mut spans = Vec::new();
    for h in hours {
        let mut good = true;
        for time in [&h.opens, &h.closes] {
            if crate::model::minutes(time).is_none() {
                problems.push(format!(
                    "hours: \"{time}\" is not a time HH:MM (00:00 to 23:59)"
                ));
                good = false;
            }
        }
        if h.days.is_empty() {
            problems.push("hours: no days".to_owned());
            good = false;
        }
        if good && h.opens == h.closes && h.opens != "00:00" {
            problems.push(format!(
                "hours: {} opens and closes at {}; write 00:00 to 00:00 for a whole day",
                h.days, h.opens
            ));
            good = false;
        }
        if good && let Some(span) = h.span() {
            spans.push((h, span));
        }
    }
    // Compare every pair on a common week of minutes, ranges past midnight
    // carried into the next day.
    for (i, (a, (a_open, a_close))) in spans.iter().enumerate() {
        for (b, (b_open, b_close)) in &spans[i + 1..] {
            let same_day = a.days.overlaps(b.days) && a_open < b_close && b_open < a_close;
            if same_day {
                problems.push(format!(
                    "hours: {} {}-{} and {} {}-{} overlap",
                    a.days, a.opens, a.closes, b.days, b.opens, b.closes
                ));
            }
        }
    }
}

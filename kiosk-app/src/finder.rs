//! The help finder's words: opening hours, "open now / opens at", distance
//! and direction, who may come and what it costs, put into the visitor's
//! language from a [`Hit`] or a [`Service`]. Plain Rust, no UI: the help
//! screen, read aloud and `kioskctl search` all say the same.

use jiff::Zoned;
use jiff::civil::{Date, Weekday};

use crate::content::{
    Audience, Content, Days, Filters, Found, Hit, MAX_RESULTS, Openness, Position, Query, Service,
    geo, spoken,
};
use crate::i18n::{Arg, Catalog};
use crate::language::Language;

/// The translation key of a weekday's name.
pub fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "weekday-mon",
        Weekday::Tuesday => "weekday-tue",
        Weekday::Wednesday => "weekday-wed",
        Weekday::Thursday => "weekday-thu",
        Weekday::Friday => "weekday-fri",
        Weekday::Saturday => "weekday-sat",
        Weekday::Sunday => "weekday-sun",
    }
}

/// Speaks for one visitor's language.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    /// Translations.
    pub catalog: &'a Catalog,
    /// The visitor's language.
    pub language: Language,
}

impl Words<'_> {
    fn t(&self, key: &str) -> String {
        self.catalog.text(self.language, key)
    }

    fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.catalog.text_with(self.language, key, args)
    }

    /// "Monday to Friday", "every day", "Monday, Wednesday, Friday".
    pub fn days(&self, days: Days) -> String {
        if days == Days::DAILY {
            return self.t("days-daily");
        }
        days.runs()
            .into_iter()
            .map(|(first, last)| {
                if first == last {
                    self.t(weekday_key(first))
                } else if first.next() == last {
                    format!(
                        "{}, {}",
                        self.t(weekday_key(first)),
                        self.t(weekday_key(last))
                    )
                } else {
                    self.t_with(
                        "days-range",
                        &[
                            ("first", Arg::Text(self.t(weekday_key(first)))),
                            ("last", Arg::Text(self.t(weekday_key(last)))),
                        ],
                    )
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The opening hours, one line each, with whether the line applies today.
    pub fn hours(&self, service: &Service, today: Weekday) -> Vec<(String, bool)> {
        service
            .hours
            .iter()
            .map(|hours| {
                let days = Arg::Text(self.days(hours.days));
                let line = if hours.opens == "00:00" && hours.closes == "00:00" {
                    self.t_with("hours-whole-day", &[("days", days)])
                } else {
                    self.t_with(
                        "hours-range",
                        &[
                            ("days", days),
                            ("opens", Arg::Text(hours.opens.clone())),
                            ("closes", Arg::Text(hours.closes.clone())),
                        ],
                    )
                };
                (line, hours.days.contains(today))
            })
            .collect()
    }

    /// Holiday rule and closure dates from `from` on, as sentences.
    pub fn closures(&self, service: &Service, from: Date) -> Vec<String> {
        let mut lines = Vec::new();
        if !service.hours.is_empty() {
            lines.push(self.t(match service.holidays {
                content_sync::model::HolidayRule::Closed => "hours-holidays-closed",
                content_sync::model::HolidayRule::Open => "hours-holidays-open",
            }));
        }
        let dates: Vec<String> = service
            .closed
            .iter()
            .filter(|date| **date >= from)
            .map(|date| date.strftime("%d.%m.%Y").to_string())
            .collect();
        if !dates.is_empty() {
            lines.push(self.t_with("hours-closed-on", &[("dates", Arg::Text(dates.join(", ")))]));
        }
        lines
    }

    /// "Open now, until 14:00", "Opens in 20 minutes", "Closed, opens
    /// tomorrow at 09:00".
    pub fn status(&self, openness: &Openness, appointment: Option<bool>, now: &Zoned) -> String {
        match openness {
            Openness::Open { until: None } => self.t("status-open-always"),
            Openness::Open { until: Some(until) } => self.t_with(
                "status-open-until",
                &[("time", Arg::Text(until.strftime("%H:%M").to_string()))],
            ),
            Openness::Closed { next: Some(next) } => {
                let time = Arg::Text(next.strftime("%H:%M").to_string());
                let minutes = openness.opens_in_minutes(now).unwrap_or(i64::MAX);
                let today = now.date();
                if minutes <= 60 {
                    self.t_with(
                        "status-opens-in",
                        &[("minutes", Arg::Number(minutes as f64))],
                    )
                } else if next.date() == today {
                    self.t_with("status-opens-today", &[("time", time)])
                } else if today.tomorrow().is_ok_and(|t| t == next.date()) {
                    self.t_with("status-opens-tomorrow", &[("time", time)])
                } else {
                    let day = Arg::Text(self.t(weekday_key(next.weekday())));
                    self.t_with("status-opens-on", &[("day", day), ("time", time)])
                }
            }
            Openness::Closed { next: None } => self.t("status-closed"),
            Openness::Unknown if appointment == Some(true) => self.t("status-appointment"),
            Openness::Unknown => self.t("status-closed"),
        }
    }

    /// "600 m", "1,2 km".
    pub fn distance(&self, metres: f64) -> String {
        let rounded = geo::rounded_metres(metres);
        if rounded < 1000.0 {
            self.t_with(
                "distance-metres",
                &[("metres", Arg::Text(format!("{rounded:.0}")))],
            )
        } else {
            let km = format!("{:.1}", rounded / 1000.0);
            let km = if self.language == Language::English {
                km
            } else {
                km.replace('.', ",")
            };
            self.t_with("distance-km", &[("km", Arg::Text(km))])
        }
    }

    /// "600 m, towards the main station" or "600 m to the north-east".
    pub fn direction(
        &self,
        from: Position,
        service: &Service,
        content: &Content,
    ) -> Option<String> {
        let to = service.position?;
        let direction = geo::direction(from, to, &content.info().landmark);
        let distance = Arg::Text(self.distance(direction.metres));
        Some(match direction.towards {
            Some(landmark) => {
                let name = content_sync::model::text_in(&landmark.name, self.language.tag(), "de");
                self.t_with(
                    "distance-towards",
                    &[
                        ("distance", distance),
                        ("landmark", Arg::Text(name.to_owned())),
                    ],
                )
            }
            None => self.t_with(
                "distance-compass",
                &[
                    ("distance", distance),
                    ("compass", Arg::Text(self.t(direction.compass.label_key()))),
                ],
            ),
        })
    }

    /// Who may come.
    pub fn who(&self, service: &Service) -> String {
        let mut lines = Vec::new();
        if service.audience.contains(&Audience::Women) {
            lines.push(self.t("who-women"));
        }
        if service.audience.contains(&Audience::Young) {
            lines.push(self.t("who-young"));
        }
        if lines.is_empty() {
            lines.push(self.t("who-everyone"));
        }
        lines.join(" ")
    }

    /// What it costs.
    pub fn costs(&self, service: &Service) -> String {
        match service.free {
            Some(true) => self.t("cost-free"),
            _ if !service.fees.is_empty() => self.text_of(&service.fees).to_owned(),
            _ => self.t("cost-unknown"),
        }
    }

    /// Appointment and access, as sentences.
    pub fn access(&self, service: &Service) -> Vec<String> {
        let mut lines = Vec::new();
        match service.appointment {
            Some(true) => lines.push(self.t("access-appointment")),
            Some(false) => lines.push(self.t("access-walk-in")),
            None => {}
        }
        match service.wheelchair {
            Some(true) => lines.push(self.t("access-wheelchair")),
            Some(false) => lines.push(self.t("access-steps")),
            None => {}
        }
        lines
    }

    /// The languages spoken there, named in the visitor's language.
    pub fn languages(&self, service: &Service) -> String {
        service
            .languages
            .iter()
            .map(|tag| match tag.parse::<Language>() {
                Ok(language) => self.t(language.name_key()),
                Err(_) => tag.to_uppercase(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A service text in the visitor's language, German where missing.
    pub fn text_of<'s>(&self, texts: &'s content_sync::model::Texts) -> &'s str {
        content_sync::model::text_in(texts, self.language.tag(), Language::German.tag())
    }
}

/// What the help finder asks the directory for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The category chosen, if any.
    pub category: Option<content_sync::model::Category>,
    /// The filters switched on; `speaks` follows the visitor's language.
    pub filters: Filters,
    /// Whether "speaks my language" is on.
    pub my_language: bool,
}

impl Search {
    /// Runs the search for `text` in `language` at `now` from `origin`.
    pub fn run(
        &self,
        content: &Content,
        text: &str,
        language: Language,
        origin: Position,
        now: &Zoned,
    ) -> Found {
        let mut filters = self.filters.clone();
        filters.speaks = self.my_language.then(|| spoken(language).to_owned());
        content.find(&Query {
            text,
            category: self.category,
            filters: &filters,
            origin: Some(origin),
            now,
            limit: MAX_RESULTS,
        })
    }
}

/// A result card's lines, in the visitor's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The service's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it offers, in one line.
    pub summary: String,
    /// Open now or when.
    pub status: String,
    /// Whether it is open now.
    pub open: bool,
    /// Distance and direction, where known.
    pub direction: Option<String>,
    /// Languages spoken.
    pub languages: String,
}

impl Card {
    /// The card of `hit`.
    pub fn of(
        hit: &Hit,
        words: Words<'_>,
        content: &Content,
        origin: Position,
        now: &Zoned,
    ) -> Card {
        let service = &hit.service;
        Card {
            id: service.id.clone(),
            name: service.name.clone(),
            summary: words.text_of(&service.summary).to_owned(),
            status: words.status(&hit.openness, service.appointment, now),
            open: hit.openness.is_open(),
            direction: words.direction(origin, service, content),
            languages: words.languages(service),
        }
    }
}

//! Opening hours: whether a service is open at a moment, until when, and
//! when it opens next, in the region's time zone (daylight-saving changes,
//! ranges past midnight, public holidays and closure dates included).

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{ToSpan, Zoned};

use crate::model::{HolidayRule, Hours, Schedule, Service};

/// Whether a service is open, and what changes next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Openness {
    /// Open now; closes at `until` (`None`: open around the clock for at
    /// least the coming week).
    Open {
        /// When it closes.
        until: Option<Zoned>,
    },
    /// Closed now; opens at `next` (`None`: not within the coming week).
    Closed {
        /// When it opens next.
        next: Option<Zoned>,
    },
    /// The service gives no opening hours.
    Unknown,
}

impl Openness {
    /// Whether it is open.
    pub fn is_open(&self) -> bool {
        matches!(self, Openness::Open { .. })
    }

    /// Minutes until it opens, where it is closed and opens within the week.
    pub fn opens_in_minutes(&self, now: &Zoned) -> Option<i64> {
        match self {
            Openness::Closed { next: Some(next) } => {
                Some((next.timestamp().as_second() - now.timestamp().as_second() + 59) / 60)
            }
            _ => None,
        }
    }
}

/// A schedule's parts, borrowed from a service or a stored schedule.
#[derive(Clone, Copy)]
struct Parts<'a> {
    hours: &'a [Hours],
    closed: &'a [Date],
    holidays: HolidayRule,
}

/// How far ahead the next opening is looked for.
const DAYS_AHEAD: i64 = 8;

/// The rules a schedule is read with: the region's time zone and public
/// holidays.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// The region's time zone.
    pub tz: TimeZone,
    /// Its public holidays.
    pub holidays: Vec<Date>,
}

impl Calendar {
    /// A calendar for the IANA zone `name`, or an error naming it.
    pub fn new(name: &str, holidays: Vec<Date>) -> Result<Calendar, jiff::Error> {
        Ok(Calendar {
            tz: TimeZone::get(name)?,
            holidays,
        })
    }

    /// Whether `service` is closed all of `date` (a holiday it keeps, or
    /// one of its closure dates). A range that starts the evening before
    /// runs on into it.
    pub fn is_closed_on(&self, service: &Service, date: Date) -> bool {
        self.closed(&service.closed, service.holidays, date)
    }

    fn closed(&self, closed: &[Date], rule: HolidayRule, date: Date) -> bool {
        closed.contains(&date) || (rule == HolidayRule::Closed && self.holidays.contains(&date))
    }

    /// The ranges open that start on `date`, as instants.
    fn ranges_on(&self, schedule: Parts<'_>, date: Date) -> Vec<(Zoned, Zoned)> {
        if self.closed(schedule.closed, schedule.holidays, date) {
            return Vec::new();
        }
        schedule
            .hours
            .iter()
            .filter(|hours| hours.days.contains(date.weekday()))
            .filter_map(|hours| self.range(hours, date))
            .collect()
    }

    fn range(&self, hours: &Hours, date: Date) -> Option<(Zoned, Zoned)> {
        let (opens, closes) = hours.span()?;
        let at = |minutes: u16| -> Option<Zoned> {
            let day = date.checked_add(i64::from(minutes / 1440).days()).ok()?;
            let time = Time::new((minutes % 1440 / 60) as i8, (minutes % 60) as i8, 0, 0).ok()?;
            // Times that a daylight-saving change skips move forward; times
            // it repeats take the earlier instant.
            self.tz.to_zoned(DateTime::from_parts(day, time)).ok()
        };
        Some((at(opens)?, at(closes)?))
    }

    /// Whether `service` is open at `now`, and what changes next.
    pub fn openness(&self, service: &Service, now: &Zoned) -> Openness {
        self.openness_parts(
            Parts {
                hours: &service.hours,
                closed: &service.closed,
                holidays: service.holidays,
            },
            now,
        )
    }

    /// Whether a service with `schedule` is open at `now`.
    pub fn openness_of(&self, schedule: &Schedule, now: &Zoned) -> Openness {
        self.openness_parts(
            Parts {
                hours: &schedule.hours,
                closed: &schedule.closed,
                holidays: schedule.holidays,
            },
            now,
        )
    }

    fn openness_parts(&self, schedule: Parts<'_>, now: &Zoned) -> Openness {
        if schedule.hours.is_empty() {
            return Openness::Unknown;
        }
        let now = now.with_time_zone(self.tz.clone());
        let today = now.date();
        let mut ranges: Vec<(Zoned, Zoned)> = (-1..=DAYS_AHEAD)
            .filter_map(|offset| today.checked_add(offset.days()).ok())
            .flat_map(|date| self.ranges_on(schedule, date))
            .collect();
        ranges.sort();
        let Some(current) = ranges
            .iter()
            .position(|(start, end)| *start <= now && now < *end)
        else {
            let next = ranges
                .into_iter()
                .map(|(start, _)| start)
                .find(|start| *start > now);
            return Openness::Closed { next };
        };
        // Ranges that meet or overlap the current one keep it open.
        let mut until = ranges[current].1.clone();
        for (start, end) in &ranges[current + 1..] {
            if *start <= until && *end > until {
                until = end.clone();
            }
        }
        let horizon = today.checked_add((DAYS_AHEAD - 1).days()).unwrap_or(today);
        if until.date() >= horizon {
            Openness::Open { until: None }
        } else {
            Openness::Open { until: Some(until) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    fn service(hours: &[(&str, &str, &str)]) -> Service {
        Service {
            id: "s".into(),
            name: "S".into(),
            organization: String::new(),
            category: Category::Sleep,
            also: Vec::new(),
            address: "A".into(),
            position: None,
            phone: String::new(),
            hours: hours
                .iter()
                .map(|(days, opens, closes)| Hours {
                    days: toml::Value::String((*days).into()).try_into().unwrap(),
                    opens: (*opens).into(),
                    closes: (*closes).into(),
                })
                .collect(),
            closed: Vec::new(),
            holidays: HolidayRule::Closed,
            languages: Vec::new(),
            free: None,
            appointment: None,
            wheelchair: None,
            audience: Vec::new(),
            crisis_line: false,
            summary: Default::default(),
            bring: Default::default(),
            fees: Default::default(),
            way: Default::default(),
        }
    }

    fn calendar(holidays: &[&str]) -> Calendar {
        Calendar::new(
            "Europe/Berlin",
            holidays.iter().map(|d| d.parse().unwrap()).collect(),
        )
        .unwrap()
    }

    fn at(text: &str) -> Zoned {
        format!("{text}[Europe/Berlin]").parse().unwrap()
    }

    fn time(openness: &Openness) -> String {
        match openness {
            Openness::Open { until: Some(t) } | Openness::Closed { next: Some(t) } => {
                t.strftime("%a %Y-%m-%d %H:%M %Z").to_string()
            }
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn an_overnight_shelter_is_open_after_midnight_and_closed_at_noon() {
        let shelter = service(&[("daily", "20:00", "08:00")]);
        let cal = calendar(&[]);
        // Wednesday 25 November 2026.
        let night = cal.openness(&shelter, &at("2026-11-26T03:00"));
        assert!(night.is_open());
        assert_eq!(time(&night), "Thu 2026-11-26 08:00 CET");
        let noon = cal.openness(&shelter, &at("2026-11-25T12:00"));
        assert_eq!(time(&noon), "Wed 2026-11-25 20:00 CET");
        assert!(!noon.is_open());
        // Open until the morning, also when the range began the day before.
        let evening = cal.openness(&shelter, &at("2026-11-25T20:00"));
        assert_eq!(time(&evening), "Thu 2026-11-26 08:00 CET");
    }

    #[test]
    fn a_range_past_midnight_on_friday_only_runs_into_saturday() {
        let bar = service(&[("fri", "22:00", "02:00")]);
        let cal = calendar(&[]);
        assert!(cal.openness(&bar, &at("2026-11-28T01:59")).is_open()); // Saturday
        assert!(!cal.openness(&bar, &at("2026-11-29T01:00")).is_open()); // Sunday
        let closed = cal.openness(&bar, &at("2026-11-28T02:00"));
        assert_eq!(time(&closed), "Fri 2026-12-04 22:00 CET");
    }

    #[test]
    fn opens_in_twenty_minutes() {
        let kitchen = service(&[("mon-fri", "11:30", "14:00")]);
        let cal = calendar(&[]);
        let now = at("2026-11-25T11:10");
        let state = cal.openness(&kitchen, &now);
        assert_eq!(state.opens_in_minutes(&now), Some(20));
        // Lunch on Friday, then Monday.
        let friday = at("2026-11-27T14:00");
        assert_eq!(
            time(&cal.openness(&kitchen, &friday)),
            "Mon 2026-11-30 11:30 CET"
        );
    }

    #[test]
    fn holidays_close_services_that_keep_them_and_not_the_others() {
        let mut kitchen = service(&[("daily", "11:30", "14:00")]);
        let cal = calendar(&["2026-12-25", "2026-12-26"]);
        let christmas = at("2026-12-25T12:00");
        assert_eq!(
            time(&cal.openness(&kitchen, &christmas)),
            "Sun 2026-12-27 11:30 CET"
        );
        kitchen.holidays = HolidayRule::Open;
        assert!(cal.openness(&kitchen, &christmas).is_open());
        // A closure date of its own.
        kitchen.closed = vec!["2026-12-25".parse().unwrap()];
        assert!(!cal.openness(&kitchen, &christmas).is_open());
    }

    #[test]
    fn a_shelter_closed_on_new_years_eve_still_ends_the_night_before() {
        let mut shelter = service(&[("daily", "20:00", "08:00")]);
        shelter.closed = vec!["2026-12-31".parse().unwrap()];
        let cal = calendar(&[]);
        assert!(cal.openness(&shelter, &at("2026-12-31T07:00")).is_open());
        assert!(!cal.openness(&shelter, &at("2026-12-31T21:00")).is_open());
        assert_eq!(
            time(&cal.openness(&shelter, &at("2026-12-31T21:00"))),
            "Fri 2027-01-01 20:00 CET"
        );
    }

    #[test]
    fn daylight_saving_changes_keep_wall_clock_hours() {
        let shelter = service(&[("daily", "20:00", "08:00")]);
        let cal = calendar(&[]);
        // Clocks go forward at 02:00 on 29 March 2026: the night is an hour
        // shorter but still ends at 08:00 local time.
        let spring = cal.openness(&shelter, &at("2026-03-29T01:30"));
        assert_eq!(time(&spring), "Sun 2026-03-29 08:00 CEST");
        // And back at 03:00 on 25 October 2026.
        let autumn = cal.openness(&shelter, &at("2026-10-25T02:30"));
        assert_eq!(time(&autumn), "Sun 2026-10-25 08:00 CET");
        // A range that starts in the skipped hour moves forward with the clock.
        let early = service(&[("sun", "02:30", "05:00")]);
        let state = cal.openness(&early, &at("2026-03-29T01:00"));
        assert_eq!(time(&state), "Sun 2026-03-29 03:30 CEST");
    }

    #[test]
    fn around_the_clock_and_lunch_breaks() {
        let always = service(&[("daily", "00:00", "00:00")]);
        let cal = calendar(&[]);
        assert_eq!(
            cal.openness(&always, &at("2026-11-25T03:00")),
            Openness::Open { until: None }
        );
        let office = service(&[("mon-fri", "09:00", "12:00"), ("mon-fri", "13:00", "16:00")]);
        let lunch = cal.openness(&office, &at("2026-11-25T12:30"));
        assert_eq!(time(&lunch), "Wed 2026-11-25 13:00 CET");
        assert_eq!(lunch.opens_in_minutes(&at("2026-11-25T12:30")), Some(30));
        assert_eq!(
            cal.openness(&service(&[]), &at("2026-11-25T12:30")),
            Openness::Unknown
        );
    }
}

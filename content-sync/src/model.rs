//! The content a pack carries, as the kiosk reads it: services shaped after
//! Open Referral HSDS (organisation, service, location, schedule, taxonomy,
//! languages, accessibility, fees, eligibility) with their texts per language.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

macro_rules! categories {
    ($($variant:ident => $id:literal, $doc:literal;)*) => {
        /// The category of a service (the pack's taxonomy); its label and
        /// pictogram come from the kiosk.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Category { $(#[doc = $doc] #[serde(rename = $id)] $variant,)* }

        impl Category {
            /// Every category, in the order the kiosk shows them.
            pub const ALL: &[Category] = &[$(Category::$variant,)*];

            /// The identifier used in pack sources and the database.
            pub fn id(self) -> &'static str {
                match self { $(Category::$variant => $id,)* }
            }

            /// The kiosk's translation key of the category's label.
            pub fn label_key(self) -> &'static str {
                match self { $(Category::$variant => concat!("category-", $id),)* }
            }
        }
    };
}

categories! {
    Sleep => "sleep", "A bed tonight.";
    Food => "food", "Meals and food.";
    ClothesShowers => "clothes-showers", "Clothes and showers.";
    Health => "health", "Health care.";
    Money => "money", "Money and benefits.";
    Debts => "debts", "Debt advice.";
    Housing => "housing", "Housing.";
    Family => "family", "Family and children.";
    Migration => "migration", "Migration and asylum.";
    Addiction => "addiction", "Addiction.";
    ViolenceCrisis => "violence-crisis", "Violence and crisis.";
    Legal => "legal", "Legal advice.";
    Work => "work", "Work.";
    DocumentsPost => "documents-post", "Documents and a postal address.";
}

impl Category {
    /// The category with identifier `id`.
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL
            .iter()
            .copied()
            .find(|category| category.id() == id)
    }
}

/// The days of the week as pack sources write them, Monday first.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

/// A set of weekdays, written `daily`, `mon-fri`, `sat-sun`, `wed` or
/// `mon,wed,fri` (ranges and single days joined by commas).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Days(u8);

impl Days {
    /// Every day.
    pub const DAILY: Days = Days(0x7f);

    /// The set holding `days`.
    pub fn of(days: &[Weekday]) -> Days {
        Days(
            days.iter()
                .fold(0, |bits, day| bits | 1 << day.to_monday_zero_offset()),
        )
    }

    /// Whether `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.to_monday_zero_offset()) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether both sets share a day.
    pub fn overlaps(self, other: Days) -> bool {
        self.0 & other.0 != 0
    }

    /// The days as runs of consecutive days, Monday first: `mon,tue,wed,fri`
    /// is `[(mon, wed), (fri, fri)]`.
    pub fn runs(self) -> Vec<(Weekday, Weekday)> {
        let mut runs: Vec<(Weekday, Weekday)> = Vec::new();
        let mut previous: Option<usize> = None;
        for (index, (_, day)) in WEEKDAYS.iter().enumerate() {
            if !self.contains(*day) {
                continue;
            }
            match runs.last_mut() {
                Some(run) if previous == Some(index.wrapping_sub(1)) => run.1 = *day,
                _ => runs.push((*day, *day)),
            }
            previous = Some(index);
        }
        runs
    }

    fn parse(text: &str) -> Result<Days, String> {
        let text = text.trim();
        if text == "daily" {
            return Ok(Days::DAILY);
        }
        let day = |name: &str| {
            WEEKDAYS
                .iter()
                .position(|(short, _)| *short == name.trim())
                .ok_or_else(|| {
                    format!("\"{name}\" is not a day (mon, tue, wed, thu, fri, sat, sun)")
                })
        };
        let mut bits = 0u8;
        for part in text.split(',') {
            let (first, last) = match part.split_once('-') {
                Some((first, last)) => (day(first)?, day(last)?),
                None => (day(part)?, day(part)?),
            };
            if last < first {
                return Err(format!("\"{part}\" runs backwards; write it Monday first"));
            }
            for index in first..=last {
                bits |= 1 << index;
            }
        }
        Ok(Days(bits))
    }
}

impl std::str::FromStr for Days {
    type Err = String;

    fn from_str(text: &str) -> Result<Days, String> {
        Days::parse(text)
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Days::DAILY {
            return f.write_str("daily");
        }
        let short = |day: Weekday| WEEKDAYS[usize::from(day.to_monday_zero_offset() as u8)].0;
        let parts: Vec<String> = self
            .runs()
            .into_iter()
            .map(|(first, last)| {
                if first == last {
                    short(first).to_owned()
                } else {
                    format!("{}-{}", short(first), short(last))
                }
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}

impl fmt::Debug for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Days({self})")
    }
}

impl Serialize for Days {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Days {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Days::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Opening hours on some days. `closes` before `opens` runs past midnight;
/// `00:00` to `00:00` is the whole day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// The days.
    pub days: Days,
    /// Opening time, `HH:MM`.
    pub opens: String,
    /// Closing time, `HH:MM`.
    pub closes: String,
}

/// A time of day `HH:MM` as minutes after midnight.
pub fn minutes(time: &str) -> Option<u16> {
    let (hours, mins) = time.split_once(':')?;
    if hours.len() != 2 || mins.len() != 2 {
        return None;
    }
    let hours: u16 = hours.parse().ok().filter(|h| *h < 24)?;
    let mins: u16 = mins.parse().ok().filter(|m| *m < 60)?;
    Some(hours * 60 + mins)
}

impl Hours {
    /// Opening and closing as minutes after midnight; closing is past 24 h
    /// when the range runs over midnight (a whole day is 0 to 1440).
    pub fn span(&self) -> Option<(u16, u16)> {
        let opens = minutes(&self.opens)?;
        let closes = minutes(&self.closes)?;
        Some(if closes <= opens {
            (opens, closes + 24 * 60)
        } else {
            (opens, closes)
        })
    }
}

/// Whether a service keeps to the region's public holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HolidayRule {
    /// Closed on public holidays.
    #[default]
    Closed,
    /// Open on public holidays as on any other day.
    Open,
}

/// When a service is open: what the search reads to rank by "open now"
/// without reading the whole service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Opening hours.
    pub hours: Vec<Hours>,
    /// Closure dates.
    pub closed: Vec<Date>,
    /// Whether it keeps public holidays.
    pub holidays: HolidayRule,
}

/// Who a service is only for, where it is not open to everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Women (and their children).
    Women,
    /// Young people up to 27.
    Young,
}

/// A place on the map, written `[latitude, longitude]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct Position {
    /// Degrees north.
    pub lat: f64,
    /// Degrees east.
    pub lon: f64,
}

impl From<[f64; 2]> for Position {
    fn from([lat, lon]: [f64; 2]) -> Self {
        Position { lat, lon }
    }
}

impl From<Position> for [f64; 2] {
    fn from(position: Position) -> Self {
        [position.lat, position.lon]
    }
}

/// Texts per language tag.
pub type Texts = BTreeMap<String, String>;

/// The text in `tag`, or in `fallback` where it is missing or empty.
pub fn text_in<'a>(texts: &'a Texts, tag: &str, fallback: &str) -> &'a str {
    texts
        .get(tag)
        .filter(|text| !text.trim().is_empty())
        .or_else(|| texts.get(fallback))
        .map(String::as_str)
        .unwrap_or_default()
}

/// One service of the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// A stable identifier: lower-case letters, digits and dashes.
    pub id: String,
    /// The service's proper name (not translated).
    pub name: String,
    /// The organisation that runs it.
    #[serde(default)]
    pub organization: String,
    /// Its main category.
    pub category: Category,
    /// Further categories it belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Category>,
    /// Street address.
    pub address: String,
    /// Where it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Phone number.
    #[serde(default)]
    pub phone: String,
    /// Opening hours.
    #[serde(default)]
    pub hours: Vec<Hours>,
    /// Dates it is closed besides public holidays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<Date>,
    /// Whether it closes on public holidays.
    #[serde(default)]
    pub holidays: HolidayRule,
    /// Languages its staff speak (language tags).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Free of charge, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free: Option<bool>,
    /// Whether an appointment is needed, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment: Option<bool>,
    /// Step-free access, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wheelchair: Option<bool>,
    /// Who it is only for; empty when open to everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<Audience>,
    /// A phone line that is always listed, also when nothing was found.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub crisis_line: bool,
    /// What it offers, in one or two plain sentences, per language tag.
    pub summary: Texts,
    /// What to bring.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub bring: Texts,
    /// What it costs, where it is not free.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub fees: Texts,
    /// How to find the door.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub way: Texts,
}

impl Service {
    /// The summary in the language tagged `tag`, or in `fallback` where it
    /// is missing.
    pub fn summary_in(&self, tag: &str, fallback: &str) -> &str {
        text_in(&self.summary, tag, fallback)
    }

    /// Whether the summary exists in the language tagged `tag` itself.
    pub fn has_summary(&self, tag: &str) -> bool {
        self.summary
            .get(tag)
            .is_some_and(|text| !text.trim().is_empty())
    }

    /// When it is open.
    pub fn schedule(&self) -> Schedule {
        Schedule {
            hours: self.hours.clone(),
            closed: self.closed.clone(),
            holidays: self.holidays,
        }
    }

    /// Whether the service belongs to `category` (main or further).
    pub fn is_in(&self, category: Category) -> bool {
        self.category == category || self.also.contains(&category)
    }

    /// The texts of every language, for searching.
    pub fn all_texts(&self) -> impl Iterator<Item = &str> {
        [&self.summary, &self.bring, &self.fees, &self.way]
            .into_iter()
            .flat_map(|texts| texts.values().map(String::as_str))
    }
}

/// A curated page in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// The page's identifier (its file name without `.md`).
    pub slug: String,
    /// The language tag.
    pub lang: String,
    /// The title (the page's first heading).
    pub title: String,
    /// The page in Markdown, title line included.
    pub markdown: String,
}

/// A place everyone knows, to say which way a service lies ("towards the
/// main station").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Landmark {
    /// A stable identifier.
    pub id: String,
    /// Where it is.
    pub position: Position,
    /// Its name per language, as it reads after "towards".
    pub name: Texts,
}

/// The time zone packs use unless they name another.
pub const DEFAULT_TIMEZONE: &str = "Europe/Berlin";

fn default_timezone() -> String {
    DEFAULT_TIMEZONE.to_owned()
}

/// What `pack.toml` says of a pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    /// A name for people: "Leipzig Mitte".
    pub name: String,
    /// The region the pack covers.
    pub region: String,
    /// The language tags every text of the pack is given in; German (`de`)
    /// is the reference and must be among them.
    pub languages: Vec<String>,
    /// The region's time zone (IANA name), in which opening hours are given.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// The region's bounds `[south, west, north, east]` in degrees; every
    /// service's position must lie inside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounds: Option<[f64; 4]>,
    /// The region's public holidays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Date>,
    /// Places to give directions by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub landmark: Vec<Landmark>,
}

impl PackInfo {
    /// A pack description with only the required fields.
    pub fn new(name: &str, region: &str, languages: Vec<String>) -> PackInfo {
        PackInfo {
            name: name.to_owned(),
            region: region.to_owned(),
            languages,
            timezone: default_timezone(),
            bounds: None,
            holidays: Vec::new(),
            landmark: Vec::new(),
        }
    }

    /// Whether `position` lies inside the pack's bounds (always, without).
    pub fn covers(&self, position: Position) -> bool {
        self.bounds.is_none_or(|[south, west, north, east]| {
            (south..=north).contains(&position.lat) && (west..=east).contains(&position.lon)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_and_write_back() {
        for (text, canonical) in [
            ("daily", "daily"),
            ("mon-fri", "mon-fri"),
            ("mon,tue,wed,thu,fri,sat,sun", "daily"),
            ("mon,wed,fri", "mon,wed,fri"),
            ("sat-sun", "sat-sun"),
            ("mon-wed, fri", "mon-wed,fri"),
            ("tue", "tue"),
        ] {
            let days = Days::parse(text).unwrap();
            assert_eq!(days.to_string(), canonical, "{text}");
            assert_eq!(Days::parse(canonical).unwrap(), days);
        }
        assert!(Days::parse("fri-mon").is_err());
        assert!(Days::parse("monday").is_err());
        assert!(Days::parse("mon-fri").unwrap().contains(Weekday::Friday));
        assert!(!Days::parse("mon-fri").unwrap().contains(Weekday::Sunday));
    }

    #[test]
    fn spans_run_past_midnight() {
        let hours = |opens: &str, closes: &str| Hours {
            days: Days::DAILY,
            opens: opens.into(),
            closes: closes.into(),
        };
        assert_eq!(hours("09:00", "12:30").span(), Some((540, 750)));
        assert_eq!(hours("20:00", "08:00").span(), Some((1200, 1920)));
        assert_eq!(hours("00:00", "00:00").span(), Some((0, 1440)));
        assert_eq!(hours("25:00", "08:00").span(), None);
        assert_eq!(hours("9:00", "12:00").span(), None);
    }

    #[test]
    fn every_category_reads_back_from_its_id() {
        assert_eq!(Category::ALL.len(), 14);
        for category in Category::ALL {
            assert_eq!(Category::from_id(category.id()), Some(*category));
        }
    }
}

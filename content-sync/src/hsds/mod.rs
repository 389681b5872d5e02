//! `content-sync import-hsds`: an Open Referral HSDS 3.0 dataset becomes a
//! pack source (`pack.toml` and `services/hsds.toml`).
//!
//! Input is either the JSON form (a file holding an array of services in
//! HSDS 3.0's compiled form, with nested `organization`,
//! `service_at_locations[].location.addresses[]`, `phones[]`, `schedules[]`,
//! `attributes[].taxonomy_term`, `cost_options[]`, `required_documents[]`
//! and `service_at_locations[].location.accessibility[]`) or the tabular
//! form (a directory with `datapackage.json` and `services.csv`,
//! `phones.csv`, `schedules.csv`, `service_at_location.csv` (or `..._locations.csv`),
//! `locations.csv`, `addresses.csv`, `attributes.csv`, `taxonomy_terms.csv`,
//! `languages.csv`, `cost_options.csv`, `required_documents.csv`,
//! `accessibility.csv`; the ones a dataset lacks are simply empty).
//!
//! Besides name, address, phone, position, languages and weekly hours, a
//! service's `fees_description` becomes its fees, its cost options whether
//! it is free, its locations' accessibility whether it is step-free, its
//! `eligibility_description` and `maximum_age` whom it is only for, and its
//! required documents what to bring (`fields.rs` has the rules and word
//! lists). HSDS 3.0 has no closure dates (2.0's `holiday_schedules` is
//! gone; an exceptional schedule is a weekly one limited by `valid_to`), so
//! `closed` stays empty and such schedules are reported.
//!
//! **Anlauf profile.** HSDS is extended, not forked, by two optional fields
//! (columns) on `service`:
//! - `x_anlauf_category`: one of the pack's categories, taking precedence
//!   over the taxonomy terms;
//! - `x_anlauf_translations`: a JSON object of language tag to
//!   `{"description": "…", "fees_description": "…", "required_documents":
//!   ["…"]}` (the last two optional), for the languages besides German (the
//!   fields themselves are German).
//!
//! Every service that cannot be carried over is reported with the reason:
//! no category, no address, a description missing in one of the pack's
//! languages. A schedule that the pack cannot express (other days than the
//! pack's day groups, not weekly) is dropped and reported, never guessed.

pub(crate) mod csv;
mod fields;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use jiff::civil::Weekday;

use crate::model::{Category, Days, Hours, PackInfo, Position, Service};
use crate::source::{Files, Pack, Problems};

/// An import problem.
#[derive(Debug, thiserror::Error)]
pub enum HsdsError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The JSON form does not parse.
    #[error("{path}:{line}: not HSDS JSON: {message}")]
    Json {
        /// Where.
        path: PathBuf,
        /// The line.
        line: usize,
        /// Why.
        message: String,
    },
    /// A CSV file does not parse.
    #[error("{path}:{line}: {message}")]
    Csv {
        /// Where.
        path: PathBuf,
        /// The line.
        line: usize,
        /// Why.
        message: String,
    },
    /// Neither form was found.
    #[error("{0} is neither an HSDS JSON file nor a directory with datapackage.json")]
    NotHsds(PathBuf),
    /// The output directory holds files already.
    #[error("{0} is not empty; import into a new directory")]
    NotEmpty(PathBuf),
    /// Writing the source failed.
    #[error("writing the pack source: {0}")]
    Toml(String),
    /// What was imported does not make a valid pack.
    #[error("{0}")]
    Invalid(#[from] Problems),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> HsdsError + '_ {
    move |source| HsdsError::Io {
        path: path.to_owned(),
        source,
    }
}

/// A service that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The HSDS id.
    pub id: String,
    /// Why.
    pub reason: String,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Import {
    /// The pack source's files.
    pub files: Files,
    /// Services carried over.
    pub imported: usize,
    /// Services (and schedules) left out, with the reason.
    pub skipped: Vec<Skipped>,
}

/// Which category a taxonomy term (code or name, lower case) points to.
const CATEGORY_WORDS: [(&str, Category); 22] = [
    ("shelter", Category::Sleep),
    ("sleep", Category::Sleep),
    ("night", Category::Sleep),
    ("notübernachtung", Category::Sleep),
    ("food", Category::Food),
    ("meal", Category::Food),
    ("essen", Category::Food),
    ("soup", Category::Food),
    ("cloth", Category::ClothesShowers),
    ("shower", Category::ClothesShowers),
    ("hygiene", Category::ClothesShowers),
    ("kleidung", Category::ClothesShowers),
    ("health", Category::Health),
    ("medical", Category::Health),
    ("gesundheit", Category::Health),
    ("debt", Category::Debts),
    ("schulden", Category::Debts),
    ("financial counsel", Category::Debts),
    ("mail", Category::DocumentsPost),
    ("postal", Category::DocumentsPost),
    ("document", Category::DocumentsPost),
    ("post", Category::DocumentsPost),
];

fn category_of(terms: &[String]) -> Option<Category> {
    terms.iter().find_map(|term| {
        let term = term.to_lowercase();
        Category::from_id(&term).or_else(|| {
            // Whole words that begin with a keyword ("clothing" for "cloth"),
            // so that "Email" is not "mail" and "Compost" not "post".
            let words: Vec<&str> = term
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            CATEGORY_WORDS
                .iter()
                .find(|(keyword, _)| {
                    let parts: Vec<&str> = keyword.split(' ').collect();
                    words.windows(parts.len()).any(|window| {
                        window
                            .iter()
                            .zip(&parts)
                            .all(|(word, part)| word.starts_with(part))
                    })
                })
                .map(|(_, c)| *c)
        })
    })
}

/// One schedule as HSDS gives it.
#[derive(Debug, Clone, Default)]
struct Schedule {
    freq: String,
    byday: String,
    opens_at: String,
    closes_at: String,
    /// The fields of [`SCHEDULE_LIMITS`] with their values.
    limits: Vec<(&'static str, String)>,
}

/// Schedule fields that narrow a weekly repetition; any of them set (an
/// interval other than 1) makes a schedule the pack cannot express.
const SCHEDULE_LIMITS: [&str; 6] = [
    "interval",
    "valid_to",
    "until",
    "count",
    "bymonthday",
    "byweekno",
];

/// A service gathered from either form.
#[derive(Debug, Clone, Default)]
struct Record {
    id: String,
    name: String,
    description: String,
    category: String,
    translations: String,
    terms: Vec<String>,
    address: Option<String>,
    phone: Option<String>,
    schedules: Vec<Schedule>,
    organization: String,
    position: Option<Position>,
    languages: Vec<String>,
    /// `fees_description` (or the deprecated `fees`), German.
    fees_description: String,
    cost_options: Vec<fields::CostOption>,
    /// `eligibility_description`.
    eligibility: String,
    maximum_age: String,
    /// The `document` of each required document, German.
    documents: Vec<String>,
    /// The `description` and `details` of each accessibility record of the
    /// service's locations.
    accessibility: Vec<String>,
}

/// A location's latitude and longitude, given as numbers or as text.
fn position_of(location: &Value) -> Option<Position> {
    let number = |key: &str| match location.get(key) {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(text)) => text.trim().parse().ok(),
        _ => None,
    };
    Some(Position {
        lat: number("latitude")?,
        lon: number("longitude")?,
    })
}

/// The days of an iCalendar `BYDAY` list ("MO,WE,FR").
fn days_of(byday: &str) -> Option<Days> {
    const CODES: [(&str, Weekday); 7] = [
        ("MO", Weekday::Monday),
        ("TU", Weekday::Tuesday),
        ("WE", Weekday::Wednesday),
        ("TH", Weekday::Thursday),
        ("FR", Weekday::Friday),
        ("SA", Weekday::Saturday),
        ("SU", Weekday::Sunday),
    ];
    let days: Vec<Weekday> = byday
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|code| {
            CODES
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(code))
                .map(|(_, day)| *day)
        })
        .collect::<Option<_>>()?;
    let days = Days::of(&days);
    (!days.is_empty()).then_some(days)
}

/// "09:00", "09:00:00" or "9:00" as HH:MM.
fn time_of(text: &str) -> Option<String> {
    let mut parts = text.trim().split(':');
    let hours: u8 = parts.next()?.parse().ok()?;
    let minutes: u8 = parts.next()?.parse().ok()?;
    (hours < 24 && minutes < 60).then(|| format!("{hours:02}:{minutes:02}"))
}

fn hours_of(schedule: &Schedule) -> Result<Vec<Hours>, String> {
    if !schedule.freq.is_empty() && !schedule.freq.eq_ignore_ascii_case("weekly") {
        return Err(format!(
            "schedule repeats {}, only weekly schedules are carried over",
            schedule.freq
        ));
    }
    for (field, value) in &schedule.limits {
        let value = value.trim();
        let harmless = value.is_empty() || (*field == "interval" && value == "1");
        if !harmless {
            return Err(format!(
                "schedule has {field} = {value}, which the pack cannot express"
            ));
        }
    }
    let days = days_of(&schedule.byday).ok_or_else(|| {
        format!(
            "schedule on days \"{}\" has no equivalent in the pack",
            schedule.byday
        )
    })?;
    let opens = time_of(&schedule.opens_at)
        .ok_or_else(|| format!("opening time \"{}\" is not a time", schedule.opens_at))?;
    let closes = time_of(&schedule.closes_at)
        .ok_or_else(|| format!("closing time \"{}\" is not a time", schedule.closes_at))?;
    Ok(vec![Hours {
        days,
        opens,
        closes,
    }])
}

/// A pack id from an HSDS id.
fn slug(id: &str, taken: &mut BTreeSet<String>) -> String {
    let mut slug: String = id
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    slug.truncate(56);
    if slug.is_empty() {
        slug.push_str("service");
    }
    let mut unique = slug.clone();
    let mut n = 2;
    while !taken.insert(unique.clone()) {
        unique = format!("{slug}-{n}");
        n += 1;
    }
    unique
}

fn convert(
    records: Vec<Record>,
    info: &PackInfo,
) -> Result<(Vec<Service>, Vec<Skipped>), HsdsError> {
    let mut services = Vec::new();
    let mut skipped = Vec::new();
    let mut taken = BTreeSet::new();
    for record in records {
        let skip = |reason: String| Skipped {
            id: record.id.clone(),
            reason,
        };
        let category = if record.category.is_empty() {
            category_of(&record.terms)
        } else {
            Category::from_id(&record.category)
        };
        let Some(category) = category else {
            skipped.push(skip(
                "no category: no taxonomy term maps to one of the pack's categories".into(),
            ));
            continue;
        };
        let Some(address) = record.address.clone() else {
            skipped.push(skip("no physical address".into()));
            continue;
        };
        let translations = if record.translations.trim().is_empty() {
            serde_json::Map::new()
        } else {
            let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&record.translations) else {
                skipped.push(skip("x_anlauf_translations is not a JSON object".into()));
                continue;
            };
            map
        };
        let summary = fields::texts_of(
            &record.description,
            &translations,
            "description",
            &info.languages,
        );
        if let Some(lang) = fields::missing(&summary, &info.languages) {
            skipped.push(skip(format!("no description in \"{lang}\"")));
            continue;
        }
        let extras = fields::extras_of(&record, &translations, &info.languages);
        skipped.extend(extras.notes.iter().cloned().map(skip));
        let mut hours = Vec::new();
        for schedule in &record.schedules {
            match hours_of(schedule) {
                Ok(h) => hours.extend(h),
                Err(reason) => skipped.push(skip(format!(
                    "{reason} (the service is imported without it)"
                ))),
            }
        }
        if hours.is_empty() {
            skipped.push(skip(
                "no opening hours the pack can express (imported as by appointment)".into(),
            ));
        }
        let position = record.position.filter(|p| info.covers(*p));
        if record.position.is_some() && position.is_none() {
            skipped.push(skip(
                "its position lies outside the pack's bounds (imported without it)".into(),
            ));
        }
        services.push(Service {
            organization: record.organization.trim().to_owned(),
            also: Vec::new(),
            position,
            closed: Vec::new(),
            holidays: Default::default(),
            languages: record.languages.clone(),
            free: extras.free,
            appointment: hours.is_empty().then_some(true),
            wheelchair: extras.wheelchair,
            audience: extras.audience,
            crisis_line: false,
            bring: extras.bring,
            fees: extras.fees,
            way: Default::default(),
            id: slug(&record.id, &mut taken),
            name: record.name.trim().to_owned(),
            category,
            address,
            phone: record.phone.clone().unwrap_or_default(),
            hours,
            summary,
        });
    }
    Ok((services, skipped))
}

fn str_of(value: &Value, key: &str) -> String {
    match value.get(key) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn array<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn address_line(address: &Value) -> Option<String> {
    let kind = str_of(address, "address_type");
    if !kind.is_empty() && kind != "physical" {
        return None;
    }
    let street = str_of(address, "address_1");
    if street.trim().is_empty() {
        return None;
    }
    Some(format!(
        "{}, {} {}",
        street.trim(),
        str_of(address, "postal_code").trim(),
        str_of(address, "city").trim()
    ))
}

fn schedule_of(value: &Value) -> Schedule {
    Schedule {
        freq: str_of(value, "freq"),
        byday: str_of(value, "byday"),
        opens_at: str_of(value, "opens_at"),
        closes_at: str_of(value, "closes_at"),
        limits: SCHEDULE_LIMITS
            .iter()
            .map(|field| (*field, str_of(value, field)))
            .collect(),
    }
}

fn cost_option_of(value: &Value) -> fields::CostOption {
    fields::CostOption {
        amount: str_of(value, "amount"),
        currency: str_of(value, "currency"),
        option: str_of(value, "option"),
        amount_description: str_of(value, "amount_description"),
    }
}

/// An accessibility record's `description` and `details` as one text.
fn accessibility_of(value: &Value) -> String {
    format!(
        "{}\n{}",
        str_of(value, "description"),
        str_of(value, "details")
    )
}

/// `fees_description`, or the deprecated `fees` where it is empty.
fn fees_of(service: &Value) -> String {
    let fees = str_of(service, "fees_description");
    if fees.trim().is_empty() {
        str_of(service, "fees")
    } else {
        fees
    }
}

fn from_json(path: &Path) -> Result<Vec<Record>, HsdsError> {
    let text = std::fs::read_to_string(path).map_err(io(path))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| HsdsError::Json {
        path: path.to_owned(),
        line: e.line(),
        message: e.to_string(),
    })?;
    let services = match &value {
        Value::Array(items) => items.clone(),
        // A page of the HSDS API.
        Value::Object(map) if map.get("contents").is_some_and(Value::is_array) => map
            .get("contents")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => {
            return Err(HsdsError::Json {
                path: path.to_owned(),
                line: 1,
                message: "expected an array of services or an object with \"contents\"".into(),
            });
        }
    };
    let mut records = Vec::new();
    for service in &services {
        let locations: Vec<&Value> = array(service, "service_at_locations")
            .filter_map(|sal| sal.get("location"))
            .collect();
        let address = locations
            .iter()
            .flat_map(|l| array(l, "addresses"))
            .find_map(address_line);
        let phone = array(service, "phones")
            .chain(locations.iter().flat_map(|l| array(l, "phones")))
            .map(|p| str_of(p, "number"))
            .find(|n| !n.trim().is_empty());
        let mut schedules: Vec<Schedule> = array(service, "schedules").map(schedule_of).collect();
        if schedules.is_empty() {
            schedules = locations
                .iter()
                .flat_map(|l| array(l, "schedules"))
                .map(schedule_of)
                .collect();
        }
        let terms = array(service, "attributes")
            .filter_map(|a| a.get("taxonomy_term"))
            .flat_map(|t| [str_of(t, "code"), str_of(t, "name")])
            .filter(|t| !t.is_empty())
            .collect();
        let position = locations.iter().find_map(|l| position_of(l));
        let languages = array(service, "languages")
            .map(|l| str_of(l, "code"))
            .filter(|code| !code.is_empty())
            .collect();
        let organization = service
            .get("organization")
            .map(|o| str_of(o, "name"))
            .unwrap_or_default();
        records.push(Record {
            organization,
            position,
            languages,
            fees_description: fees_of(service),
            cost_options: array(service, "cost_options").map(cost_option_of).collect(),
            eligibility: str_of(service, "eligibility_description"),
            maximum_age: str_of(service, "maximum_age"),
            documents: array(service, "required_documents")
                .map(|d| str_of(d, "document"))
                .collect(),
            accessibility: locations
                .iter()
                .flat_map(|l| array(l, "accessibility"))
                .map(accessibility_of)
                .collect(),
            id: str_of(service, "id"),
            name: str_of(service, "name"),
            description: str_of(service, "description"),
            category: str_of(service, "x_anlauf_category"),
            translations: match service.get("x_anlauf_translations") {
                Some(Value::String(text)) => text.clone(),
                Some(Value::Object(map)) => Value::Object(map.clone()).to_string(),
                _ => String::new(),
            },
            terms,
            address,
            phone,
            schedules,
        });
    }
    Ok(records)
}

/// A CSV row as the JSON object the JSON form would have.
fn row_value(row: &BTreeMap<String, String>) -> Value {
    Value::Object(
        row.iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

fn from_tables(dir: &Path) -> Result<Vec<Record>, HsdsError> {
    let table = |name: &str| csv::read_table(&dir.join(name));
    let services_csv = dir.join("services.csv");
    if !services_csv.exists() {
        return Err(HsdsError::Io {
            path: services_csv,
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "a tabular dataset needs services.csv",
            ),
        });
    }
    let services = table("services.csv")?;
    let phones = table("phones.csv")?;
    let schedules = table("schedules.csv")?;
    // The specification's data package calls the link table
    // service_at_location.csv; some exports use the plural.
    let mut at_locations = table("service_at_location.csv")?;
    at_locations.extend(table("service_at_locations.csv")?);
    let addresses = table("addresses.csv")?;
    let attributes = table("attributes.csv")?;
    let terms = table("taxonomy_terms.csv")?;
    let location_rows = table("locations.csv")?;
    let language_rows = table("languages.csv")?;
    let cost_rows = table("cost_options.csv")?;
    let document_rows = table("required_documents.csv")?;
    let accessibility_rows = table("accessibility.csv")?;
    let get = |row: &BTreeMap<String, String>, key: &str| row.get(key).cloned().unwrap_or_default();
    let mut records = Vec::new();
    for service in &services {
        let id = get(service, "id");
        let locations: Vec<String> = at_locations
            .iter()
            .filter(|row| get(row, "service_id") == id)
            .map(|row| get(row, "location_id"))
            .collect();
        let address = addresses
            .iter()
            .filter(|row| locations.contains(&get(row, "location_id")))
            .find_map(|row| address_line(&row_value(row)));
        let phone = phones
            .iter()
            .filter(|row| {
                get(row, "service_id") == id || locations.contains(&get(row, "location_id"))
            })
            .map(|row| get(row, "number"))
            .find(|n| !n.trim().is_empty());
        let own = |row: &&BTreeMap<String, String>| get(row, "service_id") == id;
        let schedules = schedules
            .iter()
            .filter(own)
            .map(|row| schedule_of(&row_value(row)))
            .collect();
        let term_ids: Vec<String> = attributes
            .iter()
            .filter(|row| get(row, "link_id") == id)
            .map(|row| get(row, "taxonomy_term_id"))
            .collect();
        let service_terms = terms
            .iter()
            .filter(|row| term_ids.contains(&get(row, "id")))
            .flat_map(|row| [get(row, "code"), get(row, "name")])
            .filter(|t| !t.is_empty())
            .collect();
        let position = location_rows
            .iter()
            .filter(|row| locations.contains(&get(row, "id")))
            .find_map(|row| position_of(&row_value(row)));
        let languages = language_rows
            .iter()
            .filter(|row| get(row, "service_id") == id)
            .map(|row| get(row, "code"))
            .filter(|code| !code.is_empty())
            .collect();
        let service_value = row_value(service);
        records.push(Record {
            organization: String::new(),
            position,
            languages,
            fees_description: fees_of(&service_value),
            cost_options: cost_rows
                .iter()
                .filter(own)
                .map(|row| cost_option_of(&row_value(row)))
                .collect(),
            eligibility: get(service, "eligibility_description"),
            maximum_age: get(service, "maximum_age"),
            documents: document_rows
                .iter()
                .filter(own)
                .map(|row| get(row, "document"))
                .collect(),
            accessibility: accessibility_rows
                .iter()
                .filter(|row| locations.contains(&get(row, "location_id")))
                .map(|row| accessibility_of(&row_value(row)))
                .collect(),
            id: id.clone(),
            name: get(service, "name"),
            description: get(service, "description"),
            category: get(service, "x_anlauf_category"),
            translations: get(service, "x_anlauf_translations"),
            terms: service_terms,
            address,
            phone,
            schedules,
        });
    }
    Ok(records)
}

/// Reads the dataset at `input` and makes a pack source of it.
pub fn import(input: &Path, info: &PackInfo) -> Result<Import, HsdsError> {
    let records = if input.is_dir() {
        if !input.join("datapackage.json").exists() {
            return Err(HsdsError::NotHsds(input.to_owned()));
        }
        from_tables(input)?
    } else if input.is_file() {
        from_json(input)?
    } else {
        return Err(HsdsError::NotHsds(input.to_owned()));
    };
    let (services, skipped) = convert(records, info)?;
    #[derive(serde::Serialize)]
    struct ServicesFile<'a> {
        service: &'a [Service],
    }
    let mut files = Files::new();
    files.insert("pack.toml".into(), to_toml(info)?.into_bytes());
    files.insert(
        "services/hsds.toml".into(),
        format!(
            "# Imported from Open Referral HSDS ({}) by content-sync import-hsds.\n\n{}",
            input.display(),
            to_toml(&ServicesFile { service: &services })?
        )
        .into_bytes(),
    );
    Pack::parse(&files)?;
    Ok(Import {
        files,
        imported: services.len(),
        skipped,
    })
}

fn to_toml<T: serde::Serialize>(value: &T) -> Result<String, HsdsError> {
    toml::to_string_pretty(value).map_err(|e| HsdsError::Toml(e.to_string()))
}

/// Writes an import's files into `out`, which must be new or empty.
pub fn write(import: &Import, out: &Path) -> Result<(), HsdsError> {
    if out.exists() && std::fs::read_dir(out).map_err(io(out))?.next().is_some() {
        return Err(HsdsError::NotEmpty(out.to_owned()));
    }
    for (path, bytes) in &import.files {
        let target = out.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&target, bytes).map_err(io(&target))?;
    }
    Ok(())
}

//! The content a pack carries, as the kiosk reads it: services with their
//! category, opening hours and a summary per language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The category of a service; its label and pictogram come from the kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A bed tonight.
    Sleep,
    /// Meals.
    Food,
    /// Clothes and showers.
    ClothesShowers,
    /// Health care.
    Health,
    /// Debt advice.
    Debts,
    /// Documents and a postal address.
    DocumentsPost,
}

impl Category {
    /// Every category, in the order the kiosk shows them.
    pub const ALL: [Category; 6] = [
        Category::Sleep,
        Category::Food,
        Category::ClothesShowers,
        Category::Health,
        Category::Debts,
        Category::DocumentsPost,
    ];

    /// The identifier used in pack sources and the database.
    pub fn id(self) -> &'static str {
        match self {
            Category::Sleep => "sleep",
            Category::Food => "food",
            Category::ClothesShowers => "clothes-showers",
            Category::Health => "health",
            Category::Debts => "debts",
            Category::DocumentsPost => "documents-post",
        }
    }

    /// The category with identifier `id`.
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|category| category.id() == id)
    }

    /// The kiosk's translation key of the category's label.
    pub fn label_key(self) -> &'static str {
        match self {
            Category::Sleep => "category-sleep",
            Category::Food => "category-food",
            Category::ClothesShowers => "category-clothes-showers",
            Category::Health => "category-health",
            Category::Debts => "category-debts",
            Category::DocumentsPost => "category-documents-post",
        }
    }
}

/// Which days a time range applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Days {
    /// Every day.
    Daily,
    /// Monday to Friday.
    MonFri,
    /// Monday to Thursday.
    MonThu,
    /// Saturday and Sunday.
    SatSun,
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
}

impl Days {
    /// The kiosk's translation key of the days' label.
    pub fn label_key(self) -> &'static str {
        match self {
            Days::Daily => "days-daily",
            Days::MonFri => "days-mon-fri",
            Days::MonThu => "days-mon-thu",
            Days::SatSun => "days-sat-sun",
            Days::Mon => "days-mon",
            Days::Tue => "days-tue",
            Days::Wed => "days-wed",
            Days::Thu => "days-thu",
            Days::Fri => "days-fri",
        }
    }
}

/// Opening hours on some days (`closes` before `opens` runs past midnight).
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

/// One service of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// A stable identifier: lower-case letters, digits and dashes.
    pub id: String,
    /// The service's proper name (not translated).
    pub name: String,
    /// Its category.
    pub category: Category,
    /// Street address.
    pub address: String,
    /// Phone number.
    pub phone: String,
    /// Opening hours.
    #[serde(default)]
    pub hours: Vec<Hours>,
    /// What it offers, in one or two plain sentences, per language tag.
    pub summary: BTreeMap<String, String>,
}

impl Service {
    /// The summary in the language tagged `tag`, or in `fallback` where it
    /// is missing.
    pub fn summary_in(&self, tag: &str, fallback: &str) -> &str {
        self.summary
            .get(tag)
            .filter(|text| !text.trim().is_empty())
            .or_else(|| self.summary.get(fallback))
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// Whether the summary exists in the language tagged `tag` itself.
    pub fn has_summary(&self, tag: &str) -> bool {
        self.summary
            .get(tag)
            .is_some_and(|text| !text.trim().is_empty())
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

/// What `pack.toml` says of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    /// A name for people: "Leipzig Mitte".
    pub name: String,
    /// The region the pack covers.
    pub region: String,
    /// The language tags every text of the pack is given in; German (`de`)
    /// is the reference and must be among them.
    pub languages: Vec<String>,
}

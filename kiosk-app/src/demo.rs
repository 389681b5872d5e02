//! The built-in demo content: a handful of services compiled into the binary,
//! so that the kiosk runs anywhere without a content pack. Everything the
//! kiosk shows of services comes through [`demo_content`]; the content-pack
//! store replaces it behind the same function.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::language::Language;

/// The category of a service; its label and pictogram come from the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
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
    /// Every category, in the order the screen shows them.
    pub const ALL: [Category; 6] = [
        Category::Sleep,
        Category::Food,
        Category::ClothesShowers,
        Category::Health,
        Category::Debts,
        Category::DocumentsPost,
    ];

    /// The translation key of the category's label.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
    /// The translation key of the days' label.
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Hours {
    /// The days.
    pub days: Days,
    /// Opening time, `HH:MM`.
    pub opens: String,
    /// Closing time, `HH:MM`.
    pub closes: String,
}

/// One service of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Service {
    /// A stable identifier.
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
    pub hours: Vec<Hours>,
    /// What it offers, in one or two plain sentences, per language tag.
    summary: BTreeMap<String, String>,
}

impl Service {
    /// The summary in `language`, or in German where it is missing.
    pub fn summary(&self, language: Language) -> &str {
        self.summary
            .get(language.tag())
            .or_else(|| self.summary.get(Language::German.tag()))
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// Whether the summary exists in `language` itself.
    pub fn has_summary(&self, language: Language) -> bool {
        self.summary
            .get(language.tag())
            .is_some_and(|text| !text.trim().is_empty())
    }
}

/// The content the kiosk shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Content {
    /// The services.
    #[serde(rename = "service")]
    pub services: Vec<Service>,
}

/// A problem in the built-in content.
#[derive(Debug, thiserror::Error)]
#[error("built-in demo content: {0}")]
pub struct ContentError(#[from] toml::de::Error);

/// The built-in demo content.
pub fn demo_content() -> Result<Content, ContentError> {
    Ok(toml::from_str(include_str!("../demo/services.toml"))?)
}

/// Folds text for matching: lower case, umlauts and ß spelled out plainly, so
/// that "Schuldnerberatung", "schuldnerberatung" and "Schuldnerbératung" meet.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' | 'á' | 'à' | 'â' | 'ă' | 'ą' => folded.push('a'),
            'ö' | 'ó' | 'ò' | 'ô' => folded.push('o'),
            'ü' | 'ú' | 'ù' | 'û' => folded.push('u'),
            'é' | 'è' | 'ê' | 'ę' => folded.push('e'),
            'ß' => folded.push_str("ss"),
            'ș' | 'ş' | 'ś' => folded.push('s'),
            'ț' | 'ţ' => folded.push('t'),
            other => folded.push(other),
        }
    }
    folded
}

impl Content {
    /// Services whose name, summary (in `language` and German) or category
    /// label contains every word of `query`; an empty query matches all.
    /// `label` gives a category's label in a language.
    pub fn search<'a>(
        &'a self,
        query: &str,
        language: Language,
        category: Option<Category>,
        label: impl Fn(Category, Language) -> String,
    ) -> Vec<&'a Service> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
        self.services
            .iter()
            .filter(|service| category.is_none_or(|category| service.category == category))
            .filter(|service| {
                if words.is_empty() {
                    return true;
                }
                let haystack = fold(&format!(
                    "{} {} {} {} {}",
                    service.name,
                    service.summary(language),
                    service.summary(Language::German),
                    label(service.category, language),
                    label(service.category, Language::German),
                ));
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(category: Category, _: Language) -> String {
        category.label_key().to_owned()
    }

    #[test]
    fn demo_content_parses_with_a_handful_of_services() {
        let content = demo_content().unwrap();
        assert!((5..=12).contains(&content.services.len()));
    }

    #[test]
    fn every_service_is_summarised_in_every_language() {
        let content = demo_content().unwrap();
        for service in &content.services {
            for language in Language::ALL {
                assert!(
                    service.has_summary(language),
                    "{} lacks a {language} summary",
                    service.id
                );
            }
        }
    }

    #[test]
    fn search_tolerates_case_and_umlauts() {
        let content = demo_content().unwrap();
        for query in ["Ärztliche", "arztliche", "ÄRZTLICHE hilfe"] {
            let found = content.search(query, Language::German, None, label);
            assert_eq!(found.len(), 1, "{query}");
            assert_eq!(found[0].id, "praxis-ohne-grenzen");
        }
    }

    #[test]
    fn search_finds_german_text_from_another_language_and_filters_by_category() {
        let content = demo_content().unwrap();
        let found = content.search("Schulden", Language::Arabic, None, label);
        assert_eq!(
            found.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["schuldnerberatung"]
        );
        let sleep = content.search("", Language::German, Some(Category::Sleep), label);
        assert!(sleep.iter().all(|s| s.category == Category::Sleep) && !sleep.is_empty());
        assert!(
            content
                .search("zzzz", Language::German, None, label)
                .is_empty()
        );
    }
}

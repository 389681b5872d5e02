//! What a service says besides its name, place and hours: what it costs
//! (`fees_description`, `cost_options`), whether its door is step-free (the
//! `accessibility` records of its locations), who it is only for
//! (`eligibility_description`, `maximum_age`) and what to bring
//! (`required_documents`).
//!
//! Free text is read with small word lists, one clause at a time (the text
//! between `.`, `,`, `;`, `:`, `!`, `?` and line breaks). Longer phrases are
//! read before shorter ones, so "nicht barrierefrei" is a no before
//! "barrierefrei" could be a yes. A clause that says yes but holds a
//! negation no phrase explains ("Rollstuhlfahrer kommen leider nicht
//! hinein"), a hedge ("eingeschränkt barrierefrei"), or clauses that
//! contradict each other leave the field unknown: nothing is guessed.

use serde_json::{Map, Value};

use crate::model::{Audience, Texts};

use super::Record;

/// Phrases (words separated by spaces; a word ending in `*` matches every
/// word that begins with it) that say yes, no, or "it depends".
struct Phrases {
    yes: &'static [&'static str],
    no: &'static [&'static str],
    unsure: &'static [&'static str],
}

/// Step-free access, as `accessibility` describes a location.
const STEP_FREE: Phrases = Phrases {
    yes: &[
        "rollstuhl*",
        "barrierefrei*",
        "stufenlos*",
        "ebenerdig*",
        "ohne stufen",
        "ohne treppe*",
        "ramp*",
        "wheelchair*",
        "step free",
        "without steps",
        "accessible",
    ],
    no: &[
        "nicht barrierefrei*",
        "nicht rollstuhl*",
        "nicht stufenlos*",
        "nicht ebenerdig*",
        "kein* barrierefrei*",
        "kein* rollstuhl*",
        "kein* ramp*",
        "stufe",
        "stufen",
        "treppe",
        "treppen",
        "not wheelchair*",
        "not wheelchair* accessible",
        "no wheelchair*",
        "not accessible",
        "inaccessible",
        "not step free",
        "no ramp*",
        "steps",
        "stairs",
    ],
    unsure: &[
        "eingeschränkt barrierefrei*",
        "teilweise barrierefrei*",
        "bedingt barrierefrei*",
        "partially accessible",
        "partly accessible",
        "limited wheelchair*",
        "limited access*",
    ],
};

/// Free of charge, in `fees_description` or a cost option's text. Prices
/// say no: a currency sign or word ("2 € pro Nacht").
const FREE: Phrases = Phrases {
    yes: &[
        "kostenlos*",
        "kostenfrei*",
        "gebührenfrei*",
        "unentgeltlich*",
        "gratis",
        "umsonst",
        "keine kosten",
        "kein* gebühr*",
        "eintritt frei",
        "free",
        "no charge",
        "no cost*",
        "no fee*",
    ],
    no: &[
        "nicht kostenlos*",
        "nicht kostenfrei*",
        "nicht gratis",
        "nicht umsonst",
        "kostenpflichtig*",
        "gebühr*",
        "not free",
        "eur",
        "euro",
        "euros",
        "cent",
        "cents",
        "ct",
        "gbp",
        "usd",
    ],
    unsure: &[],
};

/// Only for women, in `eligibility_description`.
const WOMEN: Phrases = Phrases {
    yes: &[
        "frau",
        "frauen*",
        "mädchen",
        "weiblich*",
        "women*",
        "woman",
        "girls",
        "female*",
    ],
    no: &[
        "mann",
        "männer*",
        "männlich*",
        "jungs",
        "men",
        "male",
        "males",
        "boys",
    ],
    unsure: &["nicht nur", "not only", "auch für", "also for"],
};

/// Only for young people (up to 27), in `eligibility_description`, with
/// the usual age limits.
const YOUNG: Phrases = Phrases {
    yes: &[
        "junge* mensch*",
        "junge* erwachsene*",
        "junge* leute",
        "jugendliche*",
        "heranwachsende*",
        "young people",
        "young person*",
        "young adult*",
        "youth*",
        "teen*",
        "unter 18",
        "unter 21",
        "unter 25",
        "unter 27",
        "under 18",
        "under 21",
        "under 25",
        "under 27",
        "u18",
        "u21",
        "u25",
        "u27",
    ],
    no: &[],
    unsure: &["nicht nur", "not only", "auch für", "also for"],
};

/// Words that turn a clause around; a clause that says yes and holds one
/// that no phrase explains is not read.
const NEGATIONS: [&str; 6] = ["nicht", "kein*", "not", "no", "without", "ohne"];

/// The lower-case words of a text (runs of letters and digits).
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether `word` is `part`, or begins with it where `part` ends in `*`.
fn word_is(word: &str, part: &str) -> bool {
    match part.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == part,
    }
}

/// Blanks every occurrence of `phrase` in `words`; whether there was one.
fn take(words: &mut [String], phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    let mut found = false;
    for start in 0..words.len() {
        let Some(window) = words.get(start..start + parts.len()) else {
            break;
        };
        if window.iter().zip(&parts).all(|(w, p)| word_is(w, p)) {
            words[start..start + parts.len()]
                .iter_mut()
                .for_each(String::clear);
            found = true;
        }
    }
    found
}

/// What `text` says by `phrases`: `Some(true)` or `Some(false)` when its
/// clauses agree, `None` when they say nothing, contradict each other,
/// hedge or say yes beside a negation the lists do not explain.
fn judge(text: &str, phrases: &Phrases) -> Option<bool> {
    let mut all: Vec<(&str, Option<bool>)> = phrases
        .yes
        .iter()
        .map(|p| (*p, Some(true)))
        .chain(phrases.no.iter().map(|p| (*p, Some(false))))
        .chain(phrases.unsure.iter().map(|p| (*p, None)))
        .collect();
    // Longer phrases first: "nicht barrierefrei" before "barrierefrei".
    all.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.split(' ').count()));
    let (mut yes, mut no) = (false, false);
    for clause in text.split(['.', ',', ';', ':', '!', '?', '\n']) {
        let mut words = words(clause);
        let mut said_yes = false;
        for (phrase, meaning) in &all {
            if take(&mut words, phrase) {
                match meaning {
                    Some(true) => said_yes = true,
                    Some(false) => no = true,
                    None => return None,
                }
            }
        }
        let negated = words
            .iter()
            .any(|w| NEGATIONS.iter().any(|n| word_is(w, n)));
        if said_yes && negated {
            return None;
        }
        yes |= said_yes;
    }
    match (yes, no) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Whether a text about costs says "free", with currency signs read as the
/// prices they are.
fn says_free(text: &str) -> Option<bool> {
    let text = text
        .replace('€', " eur ")
        .replace('£', " gbp ")
        .replace('$', " usd ");
    judge(&text, &FREE)
}

/// Step-free access, from the texts of a service's `accessibility`
/// records: `None` when they say nothing about it or disagree.
pub(super) fn wheelchair_of(texts: &[String]) -> Option<bool> {
    judge(&texts.join("\n"), &STEP_FREE)
}

/// Who a service is only for, from `eligibility_description` and
/// `maximum_age` (27 or less is young people). `Err` when the age is not a
/// number.
pub(super) fn audience_of(eligibility: &str, maximum_age: &str) -> Result<Vec<Audience>, String> {
    let mut audience = Vec::new();
    if judge(eligibility, &WOMEN) == Some(true) {
        audience.push(Audience::Women);
    }
    let age = match maximum_age.trim() {
        "" => None,
        text => Some(
            text.parse::<f64>()
                .ok()
                .filter(|age| age.is_finite() && *age >= 0.0)
                .ok_or_else(|| format!("maximum_age \"{text}\" is not a number"))?,
        ),
    };
    let by_age = age.is_some_and(|age| age > 0.0 && age <= 27.0);
    if by_age || judge(eligibility, &YOUNG) == Some(true) {
        audience.push(Audience::Young);
    }
    Ok(audience)
}

/// One HSDS `cost_option`.
#[derive(Debug, Clone, Default)]
pub(super) struct CostOption {
    pub(super) amount: String,
    pub(super) currency: String,
    pub(super) option: String,
    pub(super) amount_description: String,
}

/// What a service's cost options and `fees_description` say.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Costs {
    /// Free of charge, where known.
    pub(super) free: Option<bool>,
    /// The amounts above zero, "2.50 EUR", language-neutral.
    pub(super) prices: Vec<String>,
    /// Cost options left out, and why.
    pub(super) problems: Vec<String>,
}

/// `free` is `Some(false)` when a cost option has an amount above zero;
/// `Some(true)` when every cost option has the amount 0, or none and a text
/// (`option`, `amount_description`) that says free; otherwise, with no cost
/// option that says or may say otherwise (an amount that is not a number,
/// a price in its text), `Some(true)` when `fees_description` says free.
pub(super) fn costs_of(options: &[CostOption], fees_description: &str) -> Costs {
    let mut costs = Costs::default();
    let mut all_free = !options.is_empty();
    let mut contrary = false;
    for option in options {
        let text = format!("{}\n{}", option.option, option.amount_description);
        match option.amount.trim() {
            "" => {
                let said = says_free(&text);
                all_free &= said == Some(true);
                contrary |= said == Some(false);
            }
            amount => match amount.parse::<f64>() {
                Ok(n) if n.is_finite() && n > 0.0 => {
                    let figure = if n.fract() == 0.0 {
                        format!("{n:.0}")
                    } else {
                        format!("{n:.2}")
                    };
                    let currency = option.currency.trim().to_uppercase();
                    costs
                        .prices
                        .push(format!("{figure} {currency}").trim().to_owned());
                    contrary = true;
                }
                Ok(0.0) => {}
                parsed => {
                    let why = if parsed.is_ok_and(|n| n < 0.0) {
                        "is below 0"
                    } else {
                        "is not a number"
                    };
                    costs
                        .problems
                        .push(format!("cost option amount \"{amount}\" {why}"));
                    all_free = false;
                    contrary = true;
                }
            },
        }
    }
    costs.free = if !costs.prices.is_empty() {
        Some(false)
    } else if all_free || (!contrary && says_free(fees_description) == Some(true)) {
        Some(true)
    } else {
        None
    };
    costs
}

/// Required documents as one text: "Ausweis, Meldebescheinigung", or
/// sentences where a document is one.
pub(super) fn documents_text(documents: &[String]) -> String {
    let documents: Vec<&str> = documents
        .iter()
        .map(|d| d.trim())
        .filter(|d| !d.is_empty())
        .collect();
    if documents
        .iter()
        .any(|d| d.contains(". ") || d.ends_with('.'))
    {
        documents
            .iter()
            .map(|d| {
                if d.ends_with(['.', '!', '?']) {
                    (*d).to_owned()
                } else {
                    format!("{d}.")
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        documents.join(", ")
    }
}

/// A translated value: a text, or a list of texts (documents).
fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.trim().to_owned()),
        Value::Array(items) => Some(documents_text(
            &items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        )),
        _ => None,
    }
}

/// A text per language of the pack: `german` in "de", and `key` of each
/// `x_anlauf_translations` entry.
pub(super) fn texts_of(
    german: &str,
    translations: &Map<String, Value>,
    key: &str,
    languages: &[String],
) -> Texts {
    let mut texts = Texts::new();
    texts.insert("de".to_owned(), german.trim().to_owned());
    for (lang, value) in translations {
        if let Some(text) = value.get(key).and_then(value_text) {
            texts.insert(lang.clone(), text);
        }
    }
    texts.retain(|lang, text| languages.contains(lang) && !text.is_empty());
    texts
}

/// The first of `languages` that `texts` lack.
pub(super) fn missing<'a>(texts: &Texts, languages: &'a [String]) -> Option<&'a String> {
    languages.iter().find(|lang| !texts.contains_key(*lang))
}

/// A service's fields besides name, place and hours.
#[derive(Debug, Clone, Default)]
pub(super) struct Extras {
    pub(super) free: Option<bool>,
    pub(super) wheelchair: Option<bool>,
    pub(super) audience: Vec<Audience>,
    pub(super) fees: Texts,
    pub(super) bring: Texts,
    /// What was left out, and why.
    pub(super) notes: Vec<String>,
}

/// Reads the fields of `record` besides name, place and hours.
///
/// Fees and what to bring are carried over in every language of the pack
/// or not at all (and reported), as the pack requires; a service that
/// costs something but has no fees text in a language gets its prices
/// ("2.50 EUR") there.
pub(super) fn extras_of(
    record: &Record,
    translations: &Map<String, Value>,
    languages: &[String],
) -> Extras {
    let mut extras = Extras::default();
    let costs = costs_of(&record.cost_options, &record.fees_description);
    for problem in costs.problems {
        extras
            .notes
            .push(format!("{problem} (the service is imported without it)"));
    }
    extras.free = costs.free;
    let mut fees = texts_of(
        &record.fees_description,
        translations,
        "fees_description",
        languages,
    );
    if extras.free == Some(false) {
        for lang in languages {
            fees.entry(lang.clone())
                .or_insert_with(|| costs.prices.join(", "));
        }
    }
    if let Some(lang) = missing(&fees, languages).filter(|_| !fees.is_empty()) {
        extras.notes.push(format!(
            "no fees_description in \"{lang}\" (imported without fees)"
        ));
    } else {
        extras.fees = fees;
    }
    let bring = texts_of(
        &documents_text(&record.documents),
        translations,
        "required_documents",
        languages,
    );
    if let Some(lang) = missing(&bring, languages).filter(|_| !bring.is_empty()) {
        extras.notes.push(format!(
            "no required_documents in \"{lang}\" (imported without what to bring)"
        ));
    } else {
        extras.bring = bring;
    }
    extras.wheelchair = wheelchair_of(&record.accessibility);
    match audience_of(&record.eligibility, &record.maximum_age) {
        Ok(audience) => extras.audience = audience,
        Err(problem) => {
            extras
                .notes
                .push(format!("{problem} (the service is imported without it)"));
            extras.audience = audience_of(&record.eligibility, "").unwrap_or_default();
        }
    }
    extras
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_free_is_read_and_negations_are_not_misread() {
        let one = |text: &str| wheelchair_of(&[text.to_owned()]);
        for yes in [
            "Rollstuhlgerechter Eingang",
            "Barrierefreier Zugang über den Hof.",
            "Eingang stufenlos",
            "Ebenerdiger Eingang, ohne Stufen",
            "Wheelchair access is possible on all levels.",
            "Step-free entrance",
            "Fully accessible",
        ] {
            assert_eq!(one(yes), Some(true), "{yes}");
        }
        for no in [
            "Leider nicht barrierefrei",
            "Keine Rampe, drei Stufen am Eingang",
            "Not wheelchair accessible",
            "The entrance is inaccessible",
            "Zugang nur über eine Treppe",
            "Kein rollstuhlgerechter Zugang",
        ] {
            assert_eq!(one(no), Some(false), "{no}");
        }
        for unknown in [
            "",
            "Induktionsschleife für Hörgeräte",
            "Eingeschränkt barrierefrei",
            "Rollstuhlfahrer kommen leider nicht hinein",
            "Eingang stufenlos, Toilette nicht barrierefrei",
        ] {
            assert_eq!(one(unknown), None, "{unknown}");
        }
        // Records of several locations agree or leave it open.
        let both = ["Stufenloser Eingang".to_owned(), "Aufzug".to_owned()];
        assert_eq!(wheelchair_of(&both), Some(true));
    }

    #[test]
    fn eligibility_names_women_and_young_people() {
        let of = |text: &str| audience_of(text, "").unwrap();
        assert_eq!(of("Nur für Frauen"), [Audience::Women]);
        assert_eq!(of("Women only"), [Audience::Women]);
        assert_eq!(of("Frauen und ihre Kinder"), [Audience::Women]);
        assert_eq!(of("Frauen und Männer"), []);
        assert_eq!(of("Nicht nur für Frauen"), []);
        assert_eq!(of("Junge Menschen unter 27"), [Audience::Young]);
        assert_eq!(of("Jugendliche"), [Audience::Young]);
        assert_eq!(of("Young people (U25)"), [Audience::Young]);
        assert_eq!(of("For youth"), [Audience::Young]);
        assert_eq!(
            of("Junge Frauen unter 25"),
            [Audience::Women, Audience::Young]
        );
        assert_eq!(of("Erwachsene ab 18"), []);
        assert_eq!(of("Termine bis 18 Uhr"), []);
        assert_eq!(audience_of("", "26").unwrap(), [Audience::Young]);
        assert_eq!(audience_of("", "65").unwrap(), []);
        assert!(
            audience_of("", "zwanzig")
                .unwrap_err()
                .contains("\"zwanzig\"")
        );
    }

    fn option(amount: &str, text: &str) -> CostOption {
        CostOption {
            amount: amount.into(),
            currency: "eur".into(),
            option: text.into(),
            amount_description: String::new(),
        }
    }

    #[test]
    fn cost_options_and_fees_text_say_whether_it_is_free() {
        let costs = costs_of(&[option("2.5", "Mittagessen"), option("0", "")], "");
        assert_eq!(costs.free, Some(false));
        assert_eq!(costs.prices, ["2.50 EUR"]);
        assert_eq!(costs_of(&[option("0", "")], "").free, Some(true));
        assert_eq!(costs_of(&[option("", "Kostenlos")], "").free, Some(true));
        assert_eq!(costs_of(&[option("", "Spende erbeten")], "").free, None);
        assert_eq!(costs_of(&[], "Kostenlos und anonym.").free, Some(true));
        assert_eq!(costs_of(&[], "Free of charge").free, Some(true));
        assert_eq!(
            costs_of(&[], "2 € pro Essen, für Kinder kostenlos").free,
            None
        );
        assert_eq!(costs_of(&[], "Nicht kostenlos").free, None);
        assert_eq!(costs_of(&[], "").free, None);
        // A cost option that is a price overrides the text.
        assert_eq!(costs_of(&[option("3", "")], "kostenlos").free, Some(false));
        // An amount that is not a number is reported, and keeps the text
        // from saying free.
        let costs = costs_of(&[option("2,50 €", "")], "kostenlos");
        assert_eq!(costs.free, None);
        assert_eq!(
            costs.problems,
            ["cost option amount \"2,50 €\" is not a number"]
        );
        assert_eq!(
            costs_of(&[option("-1", "")], "").problems,
            ["cost option amount \"-1\" is below 0"]
        );
    }

    #[test]
    fn documents_read_as_a_list_or_as_sentences() {
        let docs = |items: &[&str]| {
            documents_text(&items.iter().map(|d| (*d).to_owned()).collect::<Vec<_>>())
        };
        assert_eq!(
            docs(&["Ausweis", " Meldebescheinigung "]),
            "Ausweis, Meldebescheinigung"
        );
        assert_eq!(
            docs(&["Ein Ausweis. Oder ein Brief vom Amt", "Bescheid"]),
            "Ein Ausweis. Oder ein Brief vom Amt. Bescheid."
        );
        assert_eq!(docs(&[]), "");
    }
}

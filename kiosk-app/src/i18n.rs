//! Translations: one Fluent file per shipped language under `kiosk-app/i18n/<tag>/`,
//! compiled into the binary. German is the reference; a test checks that every
//! other language has exactly its keys.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::language::Language;

/// The Fluent source of every shipped language, as compiled into the binary.
pub fn source(language: Language) -> &'static str {
    match language {
        Language::German => include_str!("../i18n/de/kiosk.ftl"),
        Language::EasyGerman => include_str!("../i18n/de-x-ls/kiosk.ftl"),
        Language::English => include_str!("../i18n/en/kiosk.ftl"),
        Language::Arabic => include_str!("../i18n/ar/kiosk.ftl"),
        Language::Farsi => include_str!("../i18n/fa/kiosk.ftl"),
        Language::Ukrainian => include_str!("../i18n/uk/kiosk.ftl"),
        Language::Russian => include_str!("../i18n/ru/kiosk.ftl"),
        Language::Turkish => include_str!("../i18n/tr/kiosk.ftl"),
        Language::Romanian => include_str!("../i18n/ro/kiosk.ftl"),
        Language::Bulgarian => include_str!("../i18n/bg/kiosk.ftl"),
        Language::Polish => include_str!("../i18n/pl/kiosk.ftl"),
    }
}

/// A problem in a translation file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum I18nError {
    /// The Fluent source does not parse.
    #[error("translation file {language}: syntax error at byte {position}: {kind}")]
    Syntax {
        /// The file's language.
        language: Language,
        /// Byte offset of the error.
        position: usize,
        /// What the parser reported.
        kind: String,
    },
    /// A message is defined twice.
    #[error("translation file {language}: message {key:?} is defined twice")]
    Duplicate {
        /// The file's language.
        language: Language,
        /// The message id.
        key: String,
    },
}

/// Every shipped language's messages, ready to format.
pub struct Catalog {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("languages", &self.bundles.len())
            .finish()
    }
}

impl Catalog {
    /// Loads the translations compiled into the binary. Errors name the file
    /// and the problem; what parsed is still usable through [`Catalog::lenient`].
    pub fn builtin() -> Result<Self, Vec<I18nError>> {
        let (catalog, errors) = Self::lenient();
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// Loads the built-in translations, keeping every message that parsed and
    /// returning the problems beside it.
    pub fn lenient() -> (Self, Vec<I18nError>) {
        let mut errors = Vec::new();
        let mut bundles = HashMap::new();
        for language in Language::ALL {
            let resource = match FluentResource::try_new(source(language).to_owned()) {
                Ok(resource) => resource,
                Err((resource, parse_errors)) => {
                    errors.extend(parse_errors.into_iter().map(|error| I18nError::Syntax {
                        language,
                        position: error.pos.start,
                        kind: error.kind.to_string(),
                    }));
                    resource
                }
            };
            let mut bundle = FluentBundle::new_concurrent(vec![langid(language)]);
            // Placeables are not wrapped in bidi isolation marks: the text
            // renderer would show them as boxes, and our placeables are numbers.
            bundle.set_use_isolating(false);
            if let Err(add_errors) = bundle.add_resource(resource) {
                for error in add_errors {
                    if let fluent_bundle::FluentError::Overriding { id, .. } = error {
                        errors.push(I18nError::Duplicate { language, key: id });
                    }
                }
            }
            bundles.insert(language, bundle);
        }
        (Catalog { bundles }, errors)
    }

    /// The text of `key` in `language`, falling back to German, then to the key itself.
    pub fn text(&self, language: Language, key: &str) -> String {
        self.format(language, key, None)
    }

    /// The text of `key` with named arguments (numbers or strings).
    pub fn text_with(&self, language: Language, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Number(number) => FluentValue::from(*number),
                Arg::Text(text) => FluentValue::from(text.clone()),
            };
            fluent_args.set(*name, value);
        }
        self.format(language, key, Some(&fluent_args))
    }

    /// Whether `language` defines `key` itself (without fallback).
    pub fn has(&self, language: Language, key: &str) -> bool {
        self.bundles
            .get(&language)
            .is_some_and(|bundle| bundle.has_message(key))
    }

    fn format(&self, language: Language, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for candidate in [language, Language::German] {
            let Some(bundle) = self.bundles.get(&candidate) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
                continue;
            };
            if candidate != language {
                tracing::warn!(
                    key,
                    language = language.tag(),
                    "translation missing, using German"
                );
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    key,
                    language = candidate.tag(),
                    count = errors.len(),
                    "translation formatting problems"
                );
            }
            return text.into_owned();
        }
        tracing::error!(key, "translation key missing in every language");
        key.to_owned()
    }
}

/// An argument of a translated message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A number, formatted by Fluent (plural rules apply).
    Number(f64),
    /// A string inserted as it is.
    Text(String),
}

fn langid(language: Language) -> LanguageIdentifier {
    // Fluent's plural rules know `de` but not the private-use subtag.
    let tag = match language {
        Language::EasyGerman => "de",
        other => other.tag(),
    };
    tag.parse().unwrap_or_default()
}

/// The message ids defined in a Fluent source, in file order (for tests and tools).
pub use content_sync::source::message_ids;

//! The languages the kiosk ships, with their tags, scripts and writing direction.

use std::fmt;
use std::str::FromStr;

/// A language the kiosk ships. German is the reference language: every other
/// translation file has exactly its keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// German, the reference language.
    #[default]
    German,
    /// Easy Language German (*Leichte Sprache*), tag `de-x-ls`.
    EasyGerman,
    /// English.
    English,
    /// Arabic (right to left).
    Arabic,
    /// Farsi (right to left).
    Farsi,
    /// Ukrainian.
    Ukrainian,
    /// Russian.
    Russian,
    /// Turkish.
    Turkish,
    /// Romanian.
    Romanian,
    /// Bulgarian.
    Bulgarian,
    /// Polish.
    Polish,
}

/// The direction a language is written in; right-to-left languages mirror the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left: rows, alignment and arrows are mirrored.
    Rtl,
}

/// The script a language is written in; picks the keyboard and the font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Arabic letters (Arabic and Farsi).
    Arabic,
}

impl Script {
    /// Characters a font must have to serve this script for every shipped
    /// language written in it.
    pub fn sample(self) -> &'static str {
        match self {
            Script::Latin => "AaZzÄäÖöÜüßĞğŞşİıĂăȘșȚțŁłŻż",
            Script::Cyrillic => "АаЖжЩщЇїЄєҐґЁёЪъЫы",
            Script::Arabic => "ابتثجحخدذرزسشصضطظعغفقكلمنهويپچژگکیةءؤئ",
        }
    }
}

impl Language {
    /// Every shipped language, in the order the language picker shows them.
    pub const ALL: [Language; 11] = [
        Language::German,
        Language::EasyGerman,
        Language::English,
        Language::Arabic,
        Language::Farsi,
        Language::Ukrainian,
        Language::Russian,
        Language::Turkish,
        Language::Romanian,
        Language::Bulgarian,
        Language::Polish,
    ];

    /// The BCP 47 tag, as used in `site.toml` and for the translation folders.
    pub fn tag(self) -> &'static str {
        match self {
            Language::German => "de",
            Language::EasyGerman => "de-x-ls",
            Language::English => "en",
            Language::Arabic => "ar",
            Language::Farsi => "fa",
            Language::Ukrainian => "uk",
            Language::Russian => "ru",
            Language::Turkish => "tr",
            Language::Romanian => "ro",
            Language::Bulgarian => "bg",
            Language::Polish => "pl",
        }
    }

    /// The language speech synthesis is asked for (Easy German is spoken as German).
    pub fn speech_tag(self) -> &'static str {
        match self {
            Language::EasyGerman => "de",
            other => other.tag(),
        }
    }

    /// The writing direction.
    pub fn direction(self) -> Direction {
        match self {
            Language::Arabic | Language::Farsi => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// The script.
    pub fn script(self) -> Script {
        match self {
            Language::Arabic | Language::Farsi => Script::Arabic,
            Language::Ukrainian | Language::Russian | Language::Bulgarian => Script::Cyrillic,
            _ => Script::Latin,
        }
    }

    /// The translation key of this language's name (each file names every language).
    pub fn name_key(self) -> &'static str {
        match self {
            Language::German => "language-de",
            Language::EasyGerman => "language-de-x-ls",
            Language::English => "language-en",
            Language::Arabic => "language-ar",
            Language::Farsi => "language-fa",
            Language::Ukrainian => "language-uk",
            Language::Russian => "language-ru",
            Language::Turkish => "language-tr",
            Language::Romanian => "language-ro",
            Language::Bulgarian => "language-bg",
            Language::Polish => "language-pl",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag that names no shipped language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown language code {0:?}; shipped languages are de, de-x-ls, en, ar, fa, uk, ru, tr, ro, bg, pl"
)]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// Parses a tag case-insensitively; `_` is accepted for `-`.
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        let normal = tag.trim().replace('_', "-").to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|language| language.tag() == normal)
            .ok_or_else(|| UnknownLanguage(tag.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for language in Language::ALL {
            assert_eq!(language.tag().parse::<Language>(), Ok(language));
        }
        assert_eq!("DE_x_LS".parse::<Language>(), Ok(Language::EasyGerman));
    }

    #[test]
    fn unknown_tag_is_named_in_the_error() {
        let error = "xx".parse::<Language>().unwrap_err();
        assert!(error.to_string().contains("\"xx\""));
    }

    #[test]
    fn arabic_and_farsi_are_right_to_left() {
        let rtl: Vec<_> = Language::ALL
            .into_iter()
            .filter(|l| l.direction() == Direction::Rtl)
            .collect();
        assert_eq!(rtl, [Language::Arabic, Language::Farsi]);
    }
}

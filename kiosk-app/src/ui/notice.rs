//! Notices on screen: for staff (on the attract screen, where no visitor's
//! data is), and for the visitor (a banner under the top bar). Their words
//! come from the translation files; the technical detail of a staff notice
//! (a key, a line, a path) is shown as it is.

use kiosk_app::i18n::{Arg, Catalog};
use kiosk_app::language::{Language, Script};

/// Something staff should fix; the kiosk keeps running meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffNotice {
    /// A problem in the site configuration.
    Config {
        /// The file.
        path: String,
        /// The problem, with key and line.
        problem: String,
    },
    /// A translation file is broken.
    Translation(String),
    /// No font covers a script that an enabled language needs.
    Font(Script),
    /// Input devices cannot be read; idle detection uses window events only.
    Input(String),
    /// The screen is smaller than the layouts are made for.
    SmallDisplay {
        /// Logical width.
        width: u32,
        /// Logical height.
        height: u32,
    },
}

impl StaffNotice {
    /// The notice in a language.
    pub fn text(&self, catalog: &Catalog, language: Language) -> String {
        match self {
            StaffNotice::Config { path, problem } => catalog.text_with(
                language,
                "staff-config",
                &[
                    ("path", Arg::Text(path.clone())),
                    ("problem", Arg::Text(problem.clone())),
                ],
            ),
            StaffNotice::Translation(problem) => catalog.text_with(
                language,
                "staff-translation",
                &[("problem", Arg::Text(problem.clone()))],
            ),
            StaffNotice::Font(script) => {
                let script = catalog.text(language, script_key(*script));
                catalog.text_with(language, "staff-font", &[("script", Arg::Text(script))])
            }
            StaffNotice::Input(reason) => catalog.text_with(
                language,
                "staff-input",
                &[("reason", Arg::Text(reason.clone()))],
            ),
            StaffNotice::SmallDisplay { width, height } => catalog.text_with(
                language,
                "staff-display-small",
                &[
                    ("width", Arg::Number(f64::from(*width))),
                    ("height", Arg::Number(f64::from(*height))),
                ],
            ),
        }
    }
}

/// The translation key naming a script.
pub fn script_key(script: Script) -> &'static str {
    match script {
        Script::Latin => "script-latin",
        Script::Arabic => "script-arabic",
        Script::Cyrillic => "script-cyrillic",
    }
}

/// A message for the visitor, shown until they close it or move on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitorNotice {
    /// Read aloud has no voice for this language.
    NoVoice,
    /// Read aloud does not work at the moment.
    SpeechUnavailable,
    /// The slip was made (and waits for the printer).
    SlipSaved,
    /// The slip could not be made.
    SlipFailed,
    /// The filled form was made for the printer.
    FormPrinted,
}

impl VisitorNotice {
    /// The translation key of the notice.
    pub fn key(self) -> &'static str {
        match self {
            VisitorNotice::NoVoice => "speech-no-voice",
            VisitorNotice::SpeechUnavailable => "speech-unavailable",
            VisitorNotice::SlipSaved => "slip-saved",
            VisitorNotice::SlipFailed => "slip-failed",
            VisitorNotice::FormPrinted => "form-printed",
        }
    }
}

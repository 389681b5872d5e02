//! The visitor's session: every piece of visitor data lives in [`Session`],
//! which is wiped on drop, and [`Lifecycle`] decides when a session starts,
//! when the "Are you still there?" countdown shows, and when it ends.
//!
//! Wiping memory here is the second line of defence: the first is that every
//! session runs in its own process, which ends with the session (see
//! [`crate::supervisor`]), on a kernel that zeroes freed pages.

mod lifecycle;

pub use lifecycle::{EndReason, Lifecycle, Phase, Timings, Transition};

use zeroize::{DefaultIsZeroes, Zeroize, ZeroizeOnDrop};

use crate::display::DisplaySettings;
use crate::forms::{Profile, Wizard};
use crate::language::Language;

impl DefaultIsZeroes for Language {}

/// Everything one visitor chose or typed. Later features (forms, print jobs,
/// scans, the browser) hang their data here so that one wipe covers it all.
#[derive(Debug, Default, Clone, Zeroize, ZeroizeOnDrop)]
pub struct Session {
    /// The language the visitor reads.
    pub language: Language,
    /// Text size and contrast.
    pub display: DisplaySettings,
    /// What the visitor typed into the help finder's search.
    pub search: String,
    /// What the visitor typed into the forms list's search.
    pub forms_search: String,
    /// The form being filled in, with every answer.
    pub form: Option<Wizard>,
    /// Personal data entered in a form, offered again in the next one.
    pub profile: Profile,
}

impl Session {
    /// A fresh session in the site's default language.
    pub fn new(language: Language) -> Self {
        Session {
            language,
            display: DisplaySettings::default(),
            search: String::new(),
            forms_search: String::new(),
            form: None,
            profile: Profile::default(),
        }
    }

    /// Wipes everything in place, leaving a fresh session in `language`.
    pub fn wipe(&mut self, language: Language) {
        self.zeroize();
        self.language = language;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::{Contrast, TextSize};

    #[test]
    fn wipe_resets_every_choice() {
        let mut session = Session::new(Language::German);
        session.language = Language::Arabic;
        session.display.text_size = TextSize::Largest;
        session.display.contrast = Contrast::High;
        session.search.push_str("canary-7f3a");
        session.wipe(Language::German);
        assert_eq!(session.language, Language::German);
        assert_eq!(session.display, DisplaySettings::default());
        assert!(session.search.is_empty());
    }
}

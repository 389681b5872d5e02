//! The site configuration, `/etc/anlauf/site.toml`: what the kiosk takes
//! from the site file. The settings table and the parser are shared with the
//! image builder (crate `anlauf-site`); this module reads the file leniently
//! with it ([`parse`], [`load`]) and keeps the kiosk's part. A problem never
//! stops the kiosk: each bad value falls back to its default and is reported
//! with its key and line, so that staff can see it and nothing good in the
//! file is lost.

use content_sync::model::Position;

use crate::slip::Paper;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anlauf_site::Site;
use anlauf_site::section::SlipPaper;

use crate::language::Language;

/// The table of every setting (shared with the image builder).
pub use anlauf_site::schema;

/// The default place of the site configuration on a device.
pub const DEFAULT_PATH: &str = anlauf_site::DEFAULT_PATH;

/// Everything the kiosk takes from the site configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    /// The place's name, shown on the attract screen.
    pub site_name: String,
    /// Where the terminal stands.
    pub position: Position,
    /// The languages visitors can choose, in picker order (never empty).
    pub languages: Vec<Language>,
    /// The language every session starts in (always one of `languages`).
    pub default_language: Language,
    /// Idle time before the countdown.
    pub idle: Duration,
    /// Length of the countdown.
    pub countdown: Duration,
    /// Screen pixel density, for touch target sizes.
    pub dpi: f32,
    /// Where the fonts are.
    pub font_dir: PathBuf,
    /// Where the input devices are.
    pub input_dir: PathBuf,
    /// The speech-dispatcher socket, if not the usual one.
    pub speech_socket: Option<PathBuf>,
    /// The content store content-sync fills.
    pub content_store: PathBuf,
    /// The paper of the help finder's slips.
    pub slip_paper: Paper,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            site_name: "Anlauf".to_owned(),
            position: Position {
                lat: 51.3397,
                lon: 12.3731,
            },
            languages: Language::ALL.to_vec(),
            default_language: Language::German,
            idle: Duration::from_secs(120),
            countdown: Duration::from_secs(30),
            dpi: 96.0,
            font_dir: PathBuf::from("/usr/share/fonts/truetype/noto"),
            input_dir: PathBuf::from("/dev/input"),
            speech_socket: None,
            content_store: PathBuf::from("/var/lib/anlauf/content"),
            slip_paper: Paper::A4,
        }
    }
}

/// Something wrong in the site configuration; the kiosk runs on with the
/// default (the site crate's problem, with key and line).
pub use anlauf_site::Problem;

/// A parsed configuration and every problem found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The configuration, with defaults where the file was wrong or silent.
    pub config: SiteConfig,
    /// What staff should fix.
    pub problems: Vec<Problem>,
}

impl From<anlauf_site::Parsed> for Parsed {
    fn from(parsed: anlauf_site::Parsed) -> Self {
        Parsed {
            config: SiteConfig::from_site(&parsed.site),
            problems: parsed.problems,
        }
    }
}

/// Parses the text of a `site.toml` with the shared lenient parser; the
/// settings only the device or the image use are checked there and not kept.
pub fn parse(text: &str) -> Parsed {
    anlauf_site::parse(text).into()
}

impl SiteConfig {
    /// What the kiosk takes from a site file read by the site crate.
    pub fn from_site(site: &Site) -> Self {
        let languages: Vec<Language> = site
            .languages
            .enabled
            .iter()
            .filter_map(|tag| language(tag))
            .collect();
        let languages = if languages.is_empty() {
            Language::ALL.to_vec()
        } else {
            languages
        };
        let default_language = language(&site.languages.default)
            .filter(|language| languages.contains(language))
            .or_else(|| languages.first().copied())
            .unwrap_or_default();
        SiteConfig {
            site_name: site.name.clone(),
            position: Position {
                lat: site.latitude,
                lon: site.longitude,
            },
            languages,
            default_language,
            idle: Duration::from_secs(site.session.idle_seconds),
            countdown: Duration::from_secs(site.session.countdown_seconds),
            dpi: site.display.dpi as f32,
            font_dir: site.display.font_dir.clone(),
            input_dir: site.input.device_dir.clone(),
            speech_socket: site.speech.socket.clone(),
            content_store: site.content.store.clone(),
            slip_paper: match site.print.slip_paper {
                SlipPaper::A4 => Paper::A4,
                SlipPaper::Receipt => Paper::Receipt,
            },
        }
    }
}

/// The kiosk's language for a tag of the site crate's list (the two lists
/// agree; a test keeps them so).
fn language(tag: &str) -> Option<Language> {
    Language::ALL
        .into_iter()
        .find(|language| language.tag() == tag)
}

/// The configuration as loaded from disk, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The file that was read (or looked for).
    pub path: PathBuf,
    /// The configuration and its problems.
    pub parsed: Parsed,
}

/// Reads and parses the site configuration. A missing or unreadable file is a
/// problem like any other: the kiosk starts on defaults and says so.
pub fn load(path: &Path) -> Loaded {
    Loaded {
        path: path.to_owned(),
        parsed: anlauf_site::load(path).into(),
    }
}

#[cfg(test)]
mod tests;

//! The site configuration, `/etc/anlauf/site.toml`: a pure parser ([`parse`])
//! and a thin loader ([`load`]). A problem never stops the kiosk: each bad
//! value falls back to its default and is reported with its key and line, so
//! that staff can see it and nothing good in the file is lost.

pub mod schema;

use content_sync::model::Position;

use crate::slip::Paper;

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use toml::de::{DeTable, DeValue};

use crate::language::Language;
use schema::{Kind, Setting};

/// The default place of the site configuration on a device.
pub const DEFAULT_PATH: &str = "/etc/anlauf/site.toml";

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

/// Something wrong in the site configuration; the kiosk runs on with the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `section.key`, where the problem is about one setting.
    pub key: Option<String>,
    /// 1-based line in the file.
    pub line: Option<usize>,
    /// What is wrong and what the kiosk does instead.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.key, self.line) {
            (Some(key), Some(line)) => write!(f, "line {line}, {key}: {}", self.message),
            (Some(key), None) => write!(f, "{key}: {}", self.message),
            (None, Some(line)) => write!(f, "line {line}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

/// A parsed configuration and every problem found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The configuration, with defaults where the file was wrong or silent.
    pub config: SiteConfig,
    /// What staff should fix.
    pub problems: Vec<Problem>,
}

/// Parses the text of a `site.toml`.
pub fn parse(text: &str) -> Parsed {
    let mut config = SiteConfig::default();
    let mut problems = Vec::new();
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;

    let (document, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for error in errors {
            problems.push(Problem {
                key: None,
                line: error.span().map(|span| line_of(span.start)),
                message: format!(
                    "the file is not valid TOML ({}); every setting uses its default",
                    error.message().trim()
                ),
            });
        }
        return Parsed { config, problems };
    }

    for (section_name, section_value) in document.get_ref() {
        let section_line = line_of(section_name.span().start);
        let DeValue::Table(table) = section_value.get_ref() else {
            problems.push(Problem {
                key: Some(section_name.get_ref().to_string()),
                line: Some(section_line),
                message: "expected a [section] table; ignored".to_owned(),
            });
            continue;
        };
        for (key, value) in table {
            let path = format!("{}.{}", section_name.get_ref(), key.get_ref());
            let line = Some(line_of(key.span().start));
            let Some(setting) = schema::find(section_name.get_ref(), key.get_ref()) else {
                problems.push(Problem {
                    key: Some(path),
                    line,
                    message: "unknown setting; ignored".to_owned(),
                });
                continue;
            };
            if let Err(message) = apply(&mut config, setting, value.get_ref()) {
                problems.push(Problem {
                    key: Some(path),
                    line: Some(line_of(value.span().start)),
                    message: format!("{message}; using the default {}", setting.default),
                });
            }
        }
    }

    if !config.languages.contains(&config.default_language) {
        let fallback = config.languages[0];
        problems.push(Problem {
            key: Some("languages.default".to_owned()),
            line: None,
            message: format!(
                "{} is not one of languages.enabled; sessions start in {} instead",
                config.default_language, fallback
            ),
        });
        config.default_language = fallback;
    }
    Parsed { config, problems }
}

/// Sets one setting from its TOML value, or says why the value is wrong.
fn apply(config: &mut SiteConfig, setting: &Setting, value: &DeValue<'_>) -> Result<(), String> {
    let expected = || format!("expected a {}", setting.kind.describe());
    match (setting.section, setting.key) {
        ("site", "name") => {
            let name = text(value).ok_or_else(expected)?;
            if name.trim().is_empty() {
                return Err("the name is empty".to_owned());
            }
            config.site_name = name.trim().to_owned();
        }
        ("languages", "enabled") => {
            let DeValue::Array(items) = value else {
                return Err(expected());
            };
            let mut languages = Vec::new();
            for item in items {
                let tag = text(item.get_ref()).ok_or_else(expected)?;
                let language: Language = tag.parse().map_err(|e| format!("{e}"))?;
                if !languages.contains(&language) {
                    languages.push(language);
                }
            }
            if languages.is_empty() {
                return Err("the list is empty".to_owned());
            }
            config.languages = languages;
        }
        ("languages", "default") => {
            let tag = text(value).ok_or_else(expected)?;
            config.default_language = tag.parse().map_err(|e| format!("{e}"))?;
        }
        ("session", "idle_seconds") => {
            config.idle = Duration::from_secs(integer(value, setting.kind)?);
        }
        ("session", "countdown_seconds") => {
            config.countdown = Duration::from_secs(integer(value, setting.kind)?);
        }
        ("site", "latitude") => config.position.lat = number(value, setting.kind)?,
        ("site", "longitude") => config.position.lon = number(value, setting.kind)?,
        ("display", "dpi") => config.dpi = number(value, setting.kind)? as f32,
        ("display", "font_dir") => config.font_dir = path(value).ok_or_else(expected)?,
        ("input", "device_dir") => config.input_dir = path(value).ok_or_else(expected)?,
        ("print", "slip_paper") => {
            config.slip_paper = match text(value).ok_or_else(expected)? {
                "a4" => Paper::A4,
                "receipt" => Paper::Receipt,
                other => return Err(format!("\"{other}\": choose \"a4\" or \"receipt\"")),
            }
        }
        ("content", "store") => config.content_store = path(value).ok_or_else(expected)?,
        ("speech", "socket") => {
            let socket = path(value).ok_or_else(expected)?;
            config.speech_socket = (!socket.as_os_str().is_empty()).then_some(socket);
        }
        _ => return Err("this setting is in the table but not read by the kiosk".to_owned()),
    }
    Ok(())
}

fn text<'a>(value: &'a DeValue<'_>) -> Option<&'a str> {
    match value {
        DeValue::String(text) => Some(text.as_ref()),
        _ => None,
    }
}

fn path(value: &DeValue<'_>) -> Option<PathBuf> {
    text(value).map(PathBuf::from)
}

fn integer(value: &DeValue<'_>, kind: Kind) -> Result<u64, String> {
    let Kind::Integer { min, max } = kind else {
        return Err("internal: not an integer setting".to_owned());
    };
    let DeValue::Integer(raw) = value else {
        return Err(format!("expected a {}", kind.describe()));
    };
    let digits = raw.as_str().replace('_', "");
    let digits = digits
        .trim_start_matches("0x")
        .trim_start_matches("0o")
        .trim_start_matches("0b");
    let number = i64::from_str_radix(digits, raw.radix())
        .map_err(|_| format!("expected a {}", kind.describe()))?;
    if !(min..=max).contains(&number) {
        return Err(format!("{number} is outside {min} to {max}"));
    }
    u64::try_from(number).map_err(|_| format!("{number} is negative"))
}

fn number(value: &DeValue<'_>, kind: Kind) -> Result<f64, String> {
    let Kind::Number { min, max } = kind else {
        return Err("internal: not a number setting".to_owned());
    };
    let number = match value {
        DeValue::Integer(raw) => raw.as_str().replace('_', "").parse::<f64>().ok(),
        DeValue::Float(raw) => raw.as_str().replace('_', "").parse::<f64>().ok(),
        _ => None,
    }
    .filter(|number| number.is_finite())
    .ok_or_else(|| format!("expected a {}", kind.describe()))?;
    if !(min..=max).contains(&number) {
        return Err(format!("{number} is outside {min} to {max}"));
    }
    Ok(number)
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
    let parsed = match std::fs::read_to_string(path) {
        Ok(text) => parse(&text),
        Err(error) => Parsed {
            config: SiteConfig::default(),
            problems: vec![Problem {
                key: None,
                line: None,
                message: match error.kind() {
                    std::io::ErrorKind::NotFound => {
                        "the file does not exist; every setting uses its default".to_owned()
                    }
                    _ => {
                        format!("the file cannot be read ({error}); every setting uses its default")
                    }
                },
            }],
        },
    };
    Loaded {
        path: path.to_owned(),
        parsed,
    }
}

#[cfg(test)]
mod tests;

//! The parser, in two modes over the same walk: lenient ([`parse`], for the
//! kiosk: every bad value falls back to its default and is reported) and
//! strict ([`parse_strict`], for the image builder: any problem refuses the
//! file, and all of them are listed at once).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::kind::{self, Value};
use crate::model::Site;
use crate::schema::{self, Setting};
use crate::section::SlipPaper;

/// Something wrong in a site file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `section.key` (`wifi.network[2].psk` inside an entry), where the
    /// problem is about one setting.
    pub key: Option<String>,
    /// 1-based line in the file.
    pub line: Option<usize>,
    /// What is wrong (and, from the lenient parser, what is used instead).
    pub message: String,
}

impl fmt::Display for Problem {
    /// `line 5, session.idle_seconds: …`, as the kiosk shows it to staff.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.key, self.line) {
            (Some(key), Some(line)) => write!(f, "line {line}, {key}: {}", self.message),
            (Some(key), None) => write!(f, "{key}: {}", self.message),
            (None, Some(line)) => write!(f, "line {line}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl Problem {
    /// The problem as compilers write theirs: `FILE:LINE: key: message`.
    pub fn in_file<'a>(&'a self, file: &'a Path) -> InFile<'a> {
        InFile {
            problem: self,
            file,
        }
    }
}

/// A [`Problem`] shown with its file, from [`Problem::in_file`].
#[derive(Debug, Clone, Copy)]
pub struct InFile<'a> {
    problem: &'a Problem,
    file: &'a Path,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.problem.line {
            write!(f, ":{line}")?;
        }
        if let Some(key) = &self.problem.key {
            write!(f, ": {key}")?;
        }
        write!(f, ": {}", self.problem.message)
    }
}

/// A site file read by the lenient parser: always a [`Site`], and every
/// problem found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The site, with defaults where the file was wrong or silent.
    pub site: Site,
    /// What staff should fix.
    pub problems: Vec<Problem>,
}

/// Parses the text of a site file leniently: each bad value falls back to
/// its default and is reported with its key and line; unknown keys are
/// reported and ignored. Relative paths stay as written.
pub fn parse(text: &str) -> Parsed {
    let walked = walk(text, Mode::Lenient);
    Parsed {
        site: walked.site,
        problems: walked.problems,
    }
}

/// Parses the text of a site file strictly: the [`Site`] if the file has no
/// problem at all, else every problem, in line order. Files it names are not
/// looked at (that is [`check`](crate::check)'s part); relative paths stay
/// as written.
pub fn parse_strict(text: &str) -> Result<Site, Vec<Problem>> {
    let walked = walk(text, Mode::Strict);
    if walked.problems.is_empty() {
        Ok(walked.site)
    } else {
        Err(walked.problems)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Lenient,
    Strict,
}

/// What a walk over a file found.
pub(crate) struct Walked {
    pub site: Site,
    pub problems: Vec<Problem>,
    /// The line of each `section.key` the file sets.
    pub lines: BTreeMap<String, usize>,
}

/// Collects problems, adding in lenient mode what is done instead.
struct Report {
    mode: Mode,
    problems: Vec<Problem>,
}

impl Report {
    fn push(&mut self, key: Option<String>, line: Option<usize>, message: String, instead: &str) {
        let message = match self.mode {
            Mode::Lenient => format!("{message}; {instead}"),
            Mode::Strict => message,
        };
        self.problems.push(Problem { key, line, message });
    }
}

pub(crate) fn walk(text: &str, mode: Mode) -> Walked {
    let mut site = Site::default();
    let mut report = Report {
        mode,
        problems: Vec::new(),
    };
    let mut lines = BTreeMap::new();
    let line_of = |offset: usize| {
        text.get(..offset.min(text.len()))
            .unwrap_or(text)
            .matches('\n')
            .count()
            + 1
    };

    let (document, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for error in errors {
            let line = error.span().map(|span| line_of(span.start));
            let message = error.message().trim().to_owned();
            let message = match mode {
                Mode::Lenient => {
                    format!(
                        "the file is not valid TOML ({message}); every setting uses its default"
                    )
                }
                Mode::Strict => format!("not valid TOML: {message}"),
            };
            report.problems.push(Problem {
                key: None,
                line,
                message,
            });
        }
        return Walked {
            site,
            problems: report.problems,
            lines,
        };
    }

    for (section_name, section_value) in document.get_ref() {
        let section_line = line_of(section_name.span().start);
        let DeValue::Table(table) = section_value.get_ref() else {
            report.push(
                Some(section_name.get_ref().to_string()),
                Some(section_line),
                "expected a [section] table".to_owned(),
                "ignored",
            );
            continue;
        };
        for (key, value) in table {
            let path = format!("{}.{}", section_name.get_ref(), key.get_ref());
            let line = line_of(key.span().start);
            let Some(setting) = schema::find(section_name.get_ref(), key.get_ref()) else {
                let message = match suggestion(section_name.get_ref(), key.get_ref()) {
                    Some(near) => format!("unknown setting (did you mean {near}?)"),
                    None => "unknown setting".to_owned(),
                };
                report.push(Some(path), Some(line), message, "ignored");
                continue;
            };
            lines.insert(path.clone(), line);
            let instead = format!("using the default {}", setting.default);
            let applied = kind::read(setting.kind, value).and_then(|read| {
                apply(&mut site, setting, read).map_err(|message| {
                    vec![kind::Flaw {
                        suffix: String::new(),
                        at: None,
                        message,
                    }]
                })
            });
            if let Err(flaws) = applied {
                for flaw in flaws {
                    report.push(
                        Some(format!("{path}{}", flaw.suffix)),
                        Some(line_of(flaw.at.unwrap_or(value.span().start))),
                        flaw.message,
                        &instead,
                    );
                }
            }
        }
    }

    cross_checks(&mut site, &mut report, &lines);
    let mut problems = report.problems;
    if mode == Mode::Strict {
        problems.sort_by_key(|problem| problem.line.unwrap_or(0));
    }
    Walked {
        site,
        problems,
        lines,
    }
}

/// Rules between settings.
fn cross_checks(site: &mut Site, report: &mut Report, lines: &BTreeMap<String, usize>) {
    let line = |key: &str| lines.get(key).copied();

    if !site.languages.enabled.contains(&site.languages.default) {
        let fallback = site.languages.enabled.first().cloned().unwrap_or_default();
        report.push(
            Some("languages.default".to_owned()),
            line("languages.default"),
            format!("{} is not one of languages.enabled", site.languages.default),
            &format!("sessions start in {fallback} instead"),
        );
        site.languages.default = fallback;
    }

    if site.ssh.enabled && site.ssh.authorized_keys.is_empty() {
        report.push(
            Some("ssh.authorized_keys".to_owned()),
            line("ssh.authorized_keys").or_else(|| line("ssh.enabled")),
            "ssh.enabled is true but no key is given (key-only login needs at least one)"
                .to_owned(),
            "SSH stays off",
        );
        site.ssh.enabled = false;
    }

    if site.content.url.is_some() && site.content.trusted_root.is_none() {
        report.push(
            Some("content.trusted_root".to_owned()),
            line("content.trusted_root").or_else(|| line("content.url")),
            "content.url is set but no trusted root is given (the devices check the content's signatures against it)"
                .to_owned(),
            "the kiosk shows the built-in demo pack",
        );
        site.content.url = None;
    }
}

/// A known setting whose name is close to an unknown one (a typo, or the
/// right key in the wrong section).
fn suggestion(section: &str, key: &str) -> Option<String> {
    let wanted = format!("{section}.{key}");
    schema::SETTINGS
        .iter()
        .map(|setting| (distance(&wanted, &setting.path()), setting))
        .filter(|(distance, setting)| {
            *distance <= 2.max(wanted.chars().count() / 5) || setting.key == key
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, setting)| setting.path())
}

/// Levenshtein distance, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Puts a checked value into its field, or says why it does not fit there.
fn apply(site: &mut Site, setting: &Setting, value: Value) -> Result<(), String> {
    let unread = || format!("internal: {} is in the table but not read", setting.path());
    let count = |number: i64| u64::try_from(number).map_err(|_| format!("{number} is negative"));
    let optional = |text: String| (!text.is_empty()).then_some(text);
    match ((setting.section, setting.key), value) {
        (("site", "name"), Value::Text(name)) => site.name = name,
        (("site", "address"), Value::Text(address)) => site.address = address.trim().to_owned(),
        (("site", "latitude"), Value::Number(degrees)) => site.latitude = degrees,
        (("site", "longitude"), Value::Number(degrees)) => site.longitude = degrees,
        (("languages", "enabled"), Value::List(tags)) => site.languages.enabled = tags,
        (("languages", "default"), Value::Text(tag)) => site.languages.default = tag,
        (("session", "idle_seconds"), Value::Integer(n)) => site.session.idle_seconds = count(n)?,
        (("session", "countdown_seconds"), Value::Integer(n)) => {
            site.session.countdown_seconds = count(n)?;
        }
        (("display", "dpi"), Value::Number(dpi)) => site.display.dpi = dpi,
        (("display", "rotation"), Value::Integer(degrees)) => {
            site.display.rotation = u16::try_from(degrees).map_err(|_| unread())?;
        }
        (("display", "font_dir"), Value::Text(dir)) => site.display.font_dir = PathBuf::from(dir),
        (("input", "device_dir"), Value::Text(dir)) => site.input.device_dir = PathBuf::from(dir),
        (("speech", "socket"), Value::Text(socket)) => {
            site.speech.socket = optional(socket).map(PathBuf::from);
        }
        (("print", "slip_paper"), Value::Text(paper)) => {
            site.print.slip_paper = match paper.as_str() {
                "receipt" => SlipPaper::Receipt,
                _ => SlipPaper::A4,
            };
        }
        (("print", "quota_pages"), Value::Integer(pages)) => {
            site.print.quota_pages = u32::try_from(pages).map_err(|_| unread())?;
        }
        (("assist", "pin_hash"), Value::Text(hash)) => site.assist.pin_hash = optional(hash),
        (("content", "store"), Value::Text(store)) => site.content.store = PathBuf::from(store),
        (("content", "url"), Value::Text(url)) => site.content.url = optional(url),
        (("content", "trusted_root"), Value::Text(path)) => {
            site.content.trusted_root = optional(path).map(PathBuf::from);
        }
        (("system", "timezone"), Value::Text(zone)) => site.system.timezone = zone,
        (("system", "hostname"), Value::Text(name)) => site.system.hostname = optional(name),
        (("update", "url"), Value::Text(url)) => site.update.url = optional(url),
        (("update", "window"), Value::Window(window)) => site.update.window = window,
        (("wifi", "network"), Value::Networks(networks)) => site.wifi.networks = networks,
        (("ssh", "enabled"), Value::Bool(enabled)) => site.ssh.enabled = enabled,
        (("ssh", "authorized_keys"), Value::List(keys)) => site.ssh.authorized_keys = keys,
        (("image", "mirror"), Value::Text(mirror)) => site.image.mirror = mirror,
        (("image", "snapshot"), Value::Text(stamp)) => site.image.snapshot = optional(stamp),
        (("image", "size_mb"), Value::Integer(size)) => site.image.size_mb = count(size)?,
        _ => return Err(unread()),
    }
    Ok(())
}

/// Joins a relative `content.trusted_root` to the folder of the site file.
pub(crate) fn resolve(site: &mut Site, file: &Path) {
    if let Some(root) = &site.content.trusted_root
        && root.is_relative()
    {
        let folder = file.parent().unwrap_or(Path::new(""));
        site.content.trusted_root = Some(folder.join(root));
    }
}

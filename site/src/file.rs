//! The thin loaders around the parser: [`load`] for the kiosk, [`check`] for
//! the image builder.

use std::path::{Path, PathBuf};

use crate::model::Site;
use crate::parse::{self, Mode, Parsed, Problem};

/// The default place of the site file on a device.
pub const DEFAULT_PATH: &str = "/etc/anlauf/site.toml";

/// Every problem of a site file that [`check`] refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", render(file, problems))]
pub struct Problems {
    /// The site file, as it was named.
    pub file: PathBuf,
    /// The problems in line order; never empty.
    pub problems: Vec<Problem>,
}

fn render(file: &Path, problems: &[Problem]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|problem| problem.in_file(file).to_string())
        .collect();
    lines.join("\n")
}

impl Problems {
    /// One line per problem, `FILE:LINE: key: message`.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.problems
            .iter()
            .map(|problem| problem.in_file(&self.file).to_string())
    }
}

/// Reads a site file leniently, as the kiosk does: a missing or unreadable
/// file is a problem like any other and every setting keeps its default. A
/// relative `content.trusted_root` is joined to the file's folder.
pub fn load(path: &Path) -> Parsed {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let mut parsed = parse::parse(&text);
            parse::resolve(&mut parsed.site, path);
            parsed
        }
        Err(error) => Parsed {
            site: Site::default(),
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
    }
}

/// Checks a site file strictly, as the image builder does before it builds
/// anything: the [`Site`] when nothing is wrong, else every problem at once,
/// each with its key and line. Besides the values themselves, the files the
/// site names on the build machine must be there (`content.trusted_root`,
/// relative to the site file's folder, and joined to it in the result).
pub fn check(path: &Path) -> Result<Site, Problems> {
    let refuse = |problems| Problems {
        file: path.to_owned(),
        problems,
    };
    let text = std::fs::read_to_string(path).map_err(|error| {
        refuse(vec![Problem {
            key: None,
            line: None,
            message: format!("cannot read the site file: {error}"),
        }])
    })?;
    let walked = parse::walk(&text, Mode::Strict);
    let mut site = walked.site;
    let mut problems = walked.problems;
    parse::resolve(&mut site, path);
    if let Some(root) = &site.content.trusted_root {
        let line = walked.lines.get("content.trusted_root").copied();
        if let Some(message) = missing_file(root) {
            problems.push(Problem {
                key: Some("content.trusted_root".to_owned()),
                line,
                message,
            });
            problems.sort_by_key(|problem| problem.line.unwrap_or(0));
        }
    }
    if problems.is_empty() {
        Ok(site)
    } else {
        Err(refuse(problems))
    }
}

/// Why `path` is not a readable file, if it is not.
fn missing_file(path: &Path) -> Option<String> {
    let shown = path.display();
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Some(format!("{shown} does not exist"))
        }
        Err(error) => Some(format!("{shown} cannot be read: {error}")),
        Ok(meta) if !meta.is_file() => Some(format!("{shown} is not a file")),
        Ok(_) => match std::fs::File::open(path) {
            Ok(_) => None,
            Err(error) => Some(format!("{shown} cannot be read: {error}")),
        },
    }
}

//! Running the outside programs the build uses (mmdebstrap, mkfs, sfdisk,
//! mtools, syslinux, zstd), with their messages in the error when they fail.

use std::ffi::OsStr;
use std::process::{Command, Output};

use super::ImageError;

/// Runs `command` to its end; a failure names `what` and carries the
/// program's last lines of error output.
pub fn run(command: &mut Command, what: &str) -> Result<Output, ImageError> {
    tracing::debug!(?command, "running");
    let output = command.output().map_err(|source| ImageError::Program {
        what: what.to_owned(),
        program: program_name(command),
        detail: source.to_string(),
    })?;
    if !output.status.success() {
        return Err(ImageError::Program {
            what: what.to_owned(),
            program: program_name(command),
            detail: format!("{}: {}", output.status, tail(&output.stderr, 12)),
        });
    }
    Ok(output)
}

fn program_name(command: &Command) -> String {
    command
        .get_program()
        .to_string_lossy()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The last `lines` lines of a program's output, for messages.
pub fn tail(bytes: &[u8], lines: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let all: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Whether `program` can be found on `PATH`.
pub fn available(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// `Command::new(program)` with `args`.
pub fn command<I, S>(program: &str, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(program);
    command.args(args);
    command
}

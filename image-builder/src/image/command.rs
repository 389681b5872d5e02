//! Running the outside programs the build uses (mmdebstrap, mkfs, sfdisk,
//! mtools, syslinux, zstd), with their messages in the error when they fail.

use std::ffi::OsStr;
use std::process::{Command, Output};

use super::ImageError;

/// Runs `command` to its end; a failure names `what` and carries the
/// program's last lines of error output.
pub fn run(command: &mut Command, what: &str) -> Result<Output, ImageError> {
    run_with_input(command, None, what)
}

/// [`run`] with `input` written to the program's standard input.
pub fn run_with_input(
    command: &mut Command,
    input: Option<&[u8]>,
    what: &str,
) -> Result<Output, ImageError> {
    use std::io::Write as _;
    use std::process::Stdio;
    tracing::debug!(?command, "running");
    let program = program_name(command);
    let failed = |source: std::io::Error| ImageError::Program {
        what: what.to_owned(),
        program: program.clone(),
        detail: source.to_string(),
    };
    let output = match input {
        None => command.output().map_err(failed)?,
        Some(bytes) => {
            command
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut child = command.spawn().map_err(failed)?;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(bytes).map_err(failed)?;
            }
            child.wait_with_output().map_err(failed)?
        }
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_reaches_the_program_and_a_failure_names_it() {
        let output = run_with_input(
            &mut command("cat", [] as [&str; 0]),
            Some(b"label: gpt\n"),
            "echoing",
        )
        .map(|o| o.stdout);
        assert_eq!(output.ok().as_deref(), Some(&b"label: gpt\n"[..]));
        let error = run(
            &mut command("sh", ["-c", "echo broken >&2; exit 3"]),
            "testing",
        );
        let message = error.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.starts_with("testing: sh failed"), "{message}");
        assert!(message.contains("broken"), "{message}");
    }
}

//! Running the outside programs the repository is made with (gpg,
//! apt-ftparchive, dpkg-deb, gzip, xz), with their error output kept.

use std::path::Path;
use std::process::{Command, Output};

use super::RepoError;

/// The Debian package that provides `program`, for the error message.
fn package_of(program: &str) -> &'static str {
    match program {
        "gpg" | "gpgconf" => "gnupg",
        "apt-ftparchive" => "apt-utils",
        "dpkg-deb" => "dpkg",
        "xz" => "xz-utils",
        _ => "gzip",
    }
}

/// Runs `program` with `args` (in `dir` when given) and returns its output
/// when it succeeds.
pub(super) fn run(
    program: &'static str,
    args: &[&str],
    dir: Option<&Path>,
) -> Result<Output, RepoError> {
    let mut command = Command::new(program);
    command.args(args).env("LC_ALL", "C.UTF-8");
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    tracing::debug!(program, ?args, "running");
    let output = command.output().map_err(|source| RepoError::Missing {
        program,
        package: package_of(program),
        source,
    })?;
    if !output.status.success() {
        return Err(RepoError::Command {
            program,
            args: args.join(" "),
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        });
    }
    Ok(output)
}

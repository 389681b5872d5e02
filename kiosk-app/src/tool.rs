//! What the kiosk's programs (`kiosk-app`, `kioskctl`, `anlauf-idle`,
//! `anlauf-update`) share around their work: logs on stderr, a
//! current-thread runtime, and an error printed with its causes and a
//! non-zero exit.

use std::future::Future;
use std::io::IsTerminal as _;
use std::process::{ExitCode, Termination};

use anyhow::Context as _;
use tracing_subscriber::EnvFilter;

/// Sends the program's logs to stderr, filtered by `RUST_LOG` or else by
/// `default_filter`. Under systemd (stderr is the journal) the lines carry
/// neither a time, which the journal adds, nor colours.
pub fn logs(default_filter: &str) {
    let journal = std::env::var_os("JOURNAL_STREAM").is_some();
    let logs = tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter)),
        )
        .with_writer(std::io::stderr)
        .with_ansi(!journal && std::io::stderr().is_terminal());
    if journal {
        logs.without_time().init();
    } else {
        logs.init();
    }
}

/// Runs `work` to its end on a runtime of the calling thread.
pub fn block_on<T>(work: impl Future<Output = anyhow::Result<T>>) -> anyhow::Result<T> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the runtime")?
        .block_on(work)
}

/// The program's exit: the result's own code, or the error with its causes
/// on stderr after the program's `name`, and failure.
pub fn exit<T: Termination>(name: &str, result: anyhow::Result<T>) -> ExitCode {
    match result {
        Ok(done) => done.report(),
        Err(error) => {
            eprintln!("{name}: {error:#}");
            ExitCode::FAILURE
        }
    }
}

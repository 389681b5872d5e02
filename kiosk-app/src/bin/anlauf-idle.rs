//! `anlauf-idle`: the idle watcher service of an Anlauf kiosk.
//!
//! It reads every input device under `/dev/input` through evdev (never
//! grabbing one, never looking at which key or where) and, while someone
//! touches the terminal, calls `org.anlauf.Kiosk1.Activity` on the system
//! bus at most once a second. It runs as its own user (`anlauf-idle`, in
//! group `input`) so that the kiosk's user needs no right to read input
//! devices (`systemd/units/anlauf-idle.service`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;

use kiosk_app::idle::report::{REPORT_EVERY, report};
use kiosk_app::idle::{self, WatchEvent};
use kiosk_app::tool;

/// The idle watcher service: tells the kiosk over D-Bus that someone is there.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Where the input devices are (their `event*` nodes).
    #[arg(long, value_name = "DIR", default_value = "/dev/input")]
    device_dir: PathBuf,
}

fn main() -> ExitCode {
    tool::logs("info");
    let cli = Cli::parse();
    tool::exit("anlauf-idle", tool::block_on(run(cli)))
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
    let connection = zbus::Connection::system()
        .await
        .context("cannot reach the system bus")?;
    let kiosk = kiosk_app::bus::proxy(&connection)
        .await
        .context("cannot make a proxy of org.anlauf.Kiosk1")?;
    let (sender, receiver) = tokio::sync::mpsc::channel(1);
    let watch = idle::watch(cli.device_dir, REPORT_EVERY, move |event| {
        // A full channel: a call is still under way, this report is not needed.
        if event == WatchEvent::Activity && sender.try_send(()).is_err() {
            tracing::trace!("activity report skipped: the last one is still being sent");
        }
    });
    tokio::select! {
        () = watch => Ok(()),
        reported = report(receiver, &kiosk) => {
            reported.context("the connection to the system bus broke")
        }
        _ = terminate.recv() => Ok(()),
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

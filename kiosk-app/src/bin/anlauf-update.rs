//! `anlauf-update`: installs a new version of the device's system from the
//! site's apt repository into the other root slot, and reboots into it
//! between sessions (`kiosk_app::update`; run nightly by
//! `anlauf-update.timer`).
//!
//! Inside the site's update window (or any time with `--now`) it waits
//! until no visitor's session runs (`org.anlauf.Kiosk1.SessionActive`),
//! has `anlauf-update-fetch.service` download the upgrade (`anlauf-update
//! fetch`, unprivileged, the only part with a network) and stops when
//! nothing is to be upgraded; otherwise it installs the upgrade into the
//! other slot, makes that slot the boot loaders' default and reboots once
//! no session runs. Without `--now` it gives up when the window closes; an
//! installed update then starts at the next boot (or the next window's run
//! reboots into it).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use kiosk_app::bus::{self, Kiosk1Proxy};
use kiosk_app::tool;
use kiosk_app::update::apt::{self, Apt};
use kiosk_app::update::disk::Disk;
use kiosk_app::update::{install, mirror, window};

/// The unit that runs `anlauf-update fetch`.
const FETCH_UNIT: &str = "anlauf-update-fetch.service";

/// How often the kiosk is asked whether a session runs.
const POLL: Duration = Duration::from_secs(10);

/// Updates the device from the site's repository, between sessions.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Update now, outside the site's update window (still never during a
    /// session, and never rebooting during one).
    #[arg(long)]
    now: bool,
    /// The site file (for the update window).
    #[arg(long, value_name = "FILE", default_value = "/etc/anlauf/site.toml")]
    site: PathBuf,
    /// The runtime folder for the mounts.
    #[arg(long, value_name = "DIR", default_value = "/run/anlauf-update")]
    work: PathBuf,
    /// The fetcher's folder, which holds the downloaded update.
    #[arg(long, value_name = "DIR", default_value = "/var/cache/anlauf-update")]
    fetched: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Download an upgrade from the site's repository into a mirror of it
    /// in the fetcher's folder (run by anlauf-update-fetch.service, without
    /// privileges); nothing when the system is up to date.
    Fetch {
        /// The fetcher's folder: apt's lists, cache and the mirror.
        #[arg(long, value_name = "DIR", default_value = "/var/cache/anlauf-update")]
        work: PathBuf,
        /// The site's update repository.
        #[arg(long, value_name = "FILE", default_value = apt::SOURCES)]
        sources: PathBuf,
    },
}

fn main() -> ExitCode {
    tool::logs("info");
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Fetch { work, sources }) => fetch(work, sources),
        None => tool::block_on(run(cli)),
    };
    tool::exit("anlauf-update", result)
}

/// `anlauf-update fetch`.
fn fetch(work: &std::path::Path, sources: &std::path::Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(work).with_context(|| format!("cannot make {}", work.display()))?;
    let apt = Apt::new(work, sources);
    match mirror::fetch(&apt, work).context("cannot download the update")? {
        None => tracing::info!("the system is up to date"),
        Some(path) => tracing::info!(
            packages = mirror::packages(&path),
            mirror = %path.display(),
            "downloaded the update"
        ),
    }
    Ok(())
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let parsed = anlauf_site::load(&cli.site);
    if !parsed.problems.is_empty() {
        tracing::warn!(
            problems = parsed.problems.len(),
            "the site file has problems; their settings use defaults"
        );
    }
    let update_window = parsed.site.update.window;
    let deadline = if cli.now {
        None
    } else {
        match window::minutes_left(&update_window, window::now()) {
            Some(minutes) => Some(Instant::now() + Duration::from_secs(u64::from(minutes) * 60)),
            None => {
                tracing::info!(window = %update_window, "outside the update window; nothing to do");
                return Ok(());
            }
        }
    };
    if !std::path::Path::new(apt::SOURCES).is_file() {
        tracing::info!(
            sources = apt::SOURCES,
            "no update repository is set; nothing to do"
        );
        return Ok(());
    }
    let disk = Disk::find().context("cannot find the root slots")?;
    tracing::info!(running = %disk.running, "the device runs from slot");
    std::fs::create_dir_all(&cli.work)
        .with_context(|| format!("cannot make {}", cli.work.display()))?;

    let connection = zbus::Connection::system()
        .await
        .context("cannot reach the system bus")?;
    let kiosk = bus::proxy(&connection)
        .await
        .context("cannot make a proxy of org.anlauf.Kiosk1")?;

    let work = cli.work.clone();
    let found = disk.clone();
    let pending = tokio::task::spawn_blocking(move || install::pending(&found, &work))
        .await
        .context("the boot check ended")?
        .context("cannot read the boot loaders' default")?;
    if let Some(slot) = pending {
        tracing::info!(%slot, "an installed update waits for a reboot");
        return reboot_between_sessions(&kiosk, deadline).await;
    }

    if !no_session(&kiosk, deadline).await? {
        tracing::info!("the window closed during a session; no update tonight");
        return Ok(());
    }
    tracing::info!("downloading the update");
    let status = tokio::process::Command::new("systemctl")
        .args(["start", FETCH_UNIT])
        .status()
        .await
        .context("cannot run systemctl start")?;
    anyhow::ensure!(
        status.success(),
        "the download failed ({status}); journalctl -u {FETCH_UNIT} says why"
    );
    let fetched = cli.fetched.join(mirror::MIRROR);
    if !fetched.is_dir() {
        tracing::info!("the system is up to date");
        return Ok(());
    }
    tracing::info!(
        packages = mirror::packages(&fetched),
        to = %disk.target(),
        "installing an update"
    );
    let work = cli.work.clone();
    tokio::task::spawn_blocking(move || install::install(&disk, &fetched, &work))
        .await
        .context("the installation ended")?
        .context("the update failed; the device keeps booting the running slot")?;
    reboot_between_sessions(&kiosk, deadline).await
}

/// Waits until no session runs; `false` when `deadline` came first.
async fn no_session(kiosk: &Kiosk1Proxy<'_>, deadline: Option<Instant>) -> anyhow::Result<bool> {
    let mut said = false;
    loop {
        match kiosk.session_active().await {
            Ok(false) => return Ok(true),
            // The supervisor holds the name for as long as it runs: without
            // it no session can run.
            Err(error) if bus::is_not_running(&error) => return Ok(true),
            Ok(true) => {
                if !said {
                    tracing::info!("a session runs; waiting until it ends");
                    said = true;
                }
            }
            Err(error) => tracing::warn!(%error, "cannot ask the kiosk about its session"),
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(false);
        }
        tokio::time::sleep(POLL).await;
    }
}

async fn reboot_between_sessions(
    kiosk: &Kiosk1Proxy<'_>,
    deadline: Option<Instant>,
) -> anyhow::Result<()> {
    if !no_session(kiosk, deadline).await? {
        tracing::info!("the window closed during a session; the update starts at the next boot");
        return Ok(());
    }
    tracing::info!("rebooting into the new version");
    let status = tokio::process::Command::new("systemctl")
        .arg("reboot")
        .status()
        .await
        .context("cannot run systemctl reboot")?;
    anyhow::ensure!(status.success(), "systemctl reboot: {status}");
    Ok(())
}

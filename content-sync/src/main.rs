//! `content-sync`: keys, publishing, and the device's sync.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use content_sync::client::{self, Options, Outcome, Remote};
use content_sync::publish::{self, Expiry};
use content_sync::status::Status;
use content_sync::store::{self, Store};
use content_sync::{daemon, keys, source};
use tough::schema::RoleType;

#[derive(Debug, Parser)]
#[command(version, about = "Anlauf content packs: publish, sync and inspect")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Args)]
struct DeviceArgs {
    /// The device's content store.
    #[arg(
        long,
        env = "ANLAUF_CONTENT_STORE",
        default_value = "/var/lib/anlauf/content"
    )]
    store: PathBuf,
}

#[derive(Debug, clap::Args)]
struct SyncArgs {
    #[command(flatten)]
    device: DeviceArgs,
    /// The repository's base URL (it serves metadata/ and targets/).
    #[arg(long, env = "ANLAUF_CONTENT_URL")]
    url: url::Url,
    /// The trusted root metadata the device was installed with.
    #[arg(
        long,
        env = "ANLAUF_CONTENT_ROOT",
        default_value = "/etc/anlauf/content-root.json"
    )]
    trusted_root: PathBuf,
    /// Limit the download rate, in bytes per second.
    #[arg(long)]
    max_rate: Option<u64>,
    /// Seconds a request may stall before it is tried again.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
}

impl SyncArgs {
    fn remote(&self) -> Remote {
        Remote {
            base: self.url.clone(),
            trusted_root: self.trusted_root.clone(),
        }
    }

    fn options(&self) -> Options {
        Options {
            max_rate: self.max_rate,
            timeout: Duration::from_secs(self.timeout.max(1)),
            ..Options::default()
        }
    }
}

#[derive(Debug, clap::Args)]
struct KeyArgs {
    /// The keys directory (offline/ and online/ below it).
    #[arg(long)]
    keys: PathBuf,
    /// The repository directory.
    #[arg(long)]
    repo: PathBuf,
    /// How long the (new) root metadata is valid, e.g. 365d.
    #[arg(long, default_value = "365d", value_parser = parse_duration)]
    root_expires: Duration,
}

#[derive(Debug, Subcommand)]
enum KeysCommand {
    /// Make the root, targets, snapshot and timestamp keys and the first
    /// root metadata.
    Init(KeyArgs),
    /// Replace the key of one role and publish new root metadata that
    /// devices follow.
    Rotate {
        /// root, targets, snapshot or timestamp.
        role: String,
        #[command(flatten)]
        args: KeyArgs,
    },
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Keys and root metadata.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Check a pack source and list every problem.
    Check {
        /// The source directory.
        source: PathBuf,
    },
    /// Check a pack source and publish it as the repository's next version.
    Publish {
        /// The source directory.
        source: PathBuf,
        /// The repository directory.
        #[arg(long)]
        repo: PathBuf,
        /// The keys directory.
        #[arg(long)]
        keys: PathBuf,
        /// How long the pack stays valid (targets metadata), e.g. 90d.
        #[arg(long, default_value = "90d", value_parser = parse_duration)]
        expires: Duration,
        /// How long the timestamp metadata stays valid, e.g. 7d.
        #[arg(long, default_value = "7d", value_parser = parse_duration)]
        timestamp_expires: Duration,
    },
    /// Re-sign the timestamp with the online key (run it from a timer on the
    /// publishing server, more often than the timestamp expires).
    RefreshTimestamp {
        /// The repository directory.
        #[arg(long)]
        repo: PathBuf,
        /// The keys directory (only online/timestamp.pk8 is used).
        #[arg(long)]
        keys: PathBuf,
        /// How long the new timestamp stays valid, e.g. 7d.
        #[arg(long, default_value = "7d", value_parser = parse_duration)]
        expires: Duration,
    },
    /// Convert an Open Referral HSDS 3.0 dataset (JSON file or tabular
    /// datapackage directory) into a pack source.
    ImportHsds {
        /// The dataset.
        input: PathBuf,
        /// The new pack source directory.
        #[arg(long)]
        out: PathBuf,
        /// The pack's name.
        #[arg(long)]
        name: String,
        /// The region it covers.
        #[arg(long, default_value = "")]
        region: String,
        /// Language tags, comma-separated; German first.
        #[arg(long, value_delimiter = ',', default_value = "de")]
        languages: Vec<String>,
    },
    /// Sync once and exit.
    Once(SyncArgs),
    /// Run the sync daemon.
    Run {
        #[command(flatten)]
        sync: SyncArgs,
        /// Time between checks, e.g. 6h.
        #[arg(long, default_value = "6h", value_parser = parse_duration)]
        interval: Duration,
        /// Largest random delay added to each wait, e.g. 30m.
        #[arg(long, default_value = "30m", value_parser = parse_duration)]
        jitter: Duration,
        /// Longest wait after failures.
        #[arg(long, default_value = "1h", value_parser = parse_duration)]
        max_backoff: Duration,
        /// Serve on the session bus instead of the system bus.
        #[arg(long)]
        session_bus: bool,
    },
    /// Ask the running daemon over D-Bus to check for a new pack now
    /// (root and the daemon's own user may; the hourly timer does).
    SyncNow {
        /// Ask on the session bus instead of the system bus.
        #[arg(long)]
        session_bus: bool,
    },
    /// Show the store's current generation and the last sync.
    Status {
        #[command(flatten)]
        device: DeviceArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Make the previous generation current again.
    Rollback {
        #[command(flatten)]
        device: DeviceArgs,
    },
    /// Re-hash every cached chunk and report the damaged ones.
    Verify {
        #[command(flatten)]
        device: DeviceArgs,
    },
}

/// Parses "90d", "12h", "30m", "45s" or plain seconds.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 90d"))?;
    let seconds = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("{text:?}: use s, m, h or d")),
    };
    Ok(Duration::from_secs(number.saturating_mul(seconds)))
}

fn after(duration: Duration) -> Result<jiff::Timestamp> {
    let span = jiff::SignedDuration::try_from(duration).context("duration too long")?;
    jiff::Timestamp::now()
        .checked_add(span)
        .context("expiry out of range")
}

fn role(name: &str) -> Result<RoleType> {
    Ok(match name {
        "root" => RoleType::Root,
        "targets" => RoleType::Targets,
        "snapshot" => RoleType::Snapshot,
        "timestamp" => RoleType::Timestamp,
        other => bail!("{other:?} is not a role: use root, targets, snapshot or timestamp"),
    })
}

fn print(line: impl std::fmt::Display) {
    #[allow(clippy::print_stdout)]
    {
        println!("{line}");
    }
}

async fn once(args: &SyncArgs) -> Result<()> {
    let store = Store::open(&args.device.store)?;
    let mut status = Status::load(&args.device.store);
    status.checking();
    let result = client::sync(&store, &args.remote(), &args.options()).await;
    match &result {
        Ok(report) => status.succeeded(report.version),
        Err(error) => status.failed(error),
    }
    status
        .save(&args.device.store)
        .context("saving the sync status")?;
    let report = result?;
    match report.outcome {
        Outcome::UpToDate => print(format!(
            "content is up to date (version {})",
            report.version
        )),
        Outcome::Activated(generation) => print(format!(
            "activated version {}: {} bytes downloaded, {} chunks fetched, {} from cache, pack {} bytes",
            generation.version,
            report.downloaded,
            report.chunks_fetched,
            report.chunks_cached,
            report.pack_bytes
        )),
    }
    Ok(())
}

fn show_status(store_dir: &Path, json: bool) -> Result<()> {
    let current = store::current(store_dir)?;
    let previous = store::generation_at(store_dir, "previous")?;
    let status = Status::load(store_dir);
    let (name, services) = match &current {
        Some(generation) => {
            let content = generation.open()?;
            (content.info().name.clone(), content.service_count()?)
        }
        None => (String::new(), 0),
    };
    if json {
        let value = serde_json::json!({
            "current": current.as_ref().map(|g| g.version),
            "previous": previous.as_ref().map(|g| g.version),
            "pack": name,
            "services": services,
            "state": status.state,
            "last_check": status.last_check,
            "last_success": status.last_success,
            "last_error": status.last_error,
            "offered_version": status.offered_version,
        });
        print(value);
        return Ok(());
    }
    match &current {
        Some(generation) => print(format!(
            "current: version {} ({name}, {services} services)",
            generation.version
        )),
        None => print("current: none (no content activated yet)"),
    }
    if let Some(previous) = previous {
        print(format!("previous: version {}", previous.version));
    }
    print(format!("state: {}", status.state));
    let time = |t: Option<u64>| t.map_or("never".to_owned(), |t| format!("{t} (Unix time)"));
    print(format!("last check: {}", time(status.last_check)));
    print(format!("last success: {}", time(status.last_success)));
    if !status.last_error.is_empty() {
        print(format!("last error: {}", status.last_error));
    }
    Ok(())
}

async fn main_inner(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Keys(KeysCommand::Init(KeyArgs {
            keys: dir,
            repo,
            root_expires,
        })) => {
            let root = keys::init(&dir, &repo, after(root_expires)?).await?;
            print(format!("keys made under {}", dir.display()));
            print(format!(
                "keep {} apart (offline); {} go to the publishing server",
                dir.join("offline").display(),
                dir.join("online").display()
            ));
            print(format!(
                "give devices this trusted root: {}",
                root.display()
            ));
        }
        Command::Keys(KeysCommand::Rotate {
            role: name,
            args:
                KeyArgs {
                    keys: dir,
                    repo,
                    root_expires,
                },
        }) => {
            let version = keys::rotate(&dir, &repo, role(&name)?, after(root_expires)?).await?;
            print(format!(
                "root metadata version {version} names the new {name} key; publish again"
            ));
        }
        Command::Check { source: dir } => {
            let files = source::read_source(&dir)?;
            let pack = source::Pack::parse(&files)?;
            print(format!(
                "{}: {} services, {} languages, {} pages, {} tile sets, {} forms: no problems",
                pack.info.name,
                pack.services.len(),
                pack.info.languages.len(),
                pack.pages.len(),
                pack.tiles.len(),
                pack.forms.len()
            ));
        }
        Command::Publish {
            source: dir,
            repo,
            keys: key_dir,
            expires,
            timestamp_expires,
        } => {
            let expiry = Expiry {
                targets: after(expires)?,
                snapshot: after(expires)?,
                timestamp: after(timestamp_expires)?,
            };
            let done = publish::publish(&dir, &repo, &key_dir, expiry).await?;
            print(format!(
                "published version {}: {} files, {} bytes in {} chunks ({} new, {} bytes)",
                done.version, done.files, done.bytes, done.chunks, done.new_chunks, done.new_bytes
            ));
        }
        Command::RefreshTimestamp {
            repo,
            keys: key_dir,
            expires,
        } => {
            let version = publish::refresh_timestamp(&repo, &key_dir, after(expires)?).await?;
            print(format!(
                "timestamp version {version}, valid until {}",
                after(expires)?
            ));
        }
        Command::ImportHsds {
            input,
            out,
            name,
            region,
            languages,
        } => {
            let info = content_sync::model::PackInfo::new(&name, &region, languages);
            let import = content_sync::hsds::import(&input, &info)?;
            content_sync::hsds::write(&import, &out)?;
            print(format!(
                "imported {} services into {}; {} left out or shortened:",
                import.imported,
                out.display(),
                import.skipped.len()
            ));
            for skipped in &import.skipped {
                print(format!("  {}: {}", skipped.id, skipped.reason));
            }
        }
        Command::Once(args) => once(&args).await?,
        Command::Run {
            sync,
            interval,
            jitter,
            max_backoff,
            session_bus,
        } => {
            daemon::run(daemon::Config {
                store: sync.device.store.clone(),
                remote: sync.remote(),
                options: sync.options(),
                interval,
                jitter,
                max_backoff,
                session_bus,
            })
            .await?;
        }
        Command::SyncNow { session_bus } => {
            if daemon::ask_sync_now(session_bus).await? {
                print("the content daemon checks for a new pack now");
            } else {
                print("a check is already waiting in the content daemon");
            }
        }
        Command::Status { device, json } => show_status(&device.store, json)?,
        Command::Rollback { device } => {
            let generation = Store::open(&device.store)?.rollback()?;
            print(format!("current: version {}", generation.version));
        }
        Command::Verify { device } => {
            let store = Store::open(&device.store)?;
            let (bytes, damaged) = client::verify_cache(&store)?;
            print(format!(
                "{bytes} bytes of chunks verified, {damaged} damaged and removed"
            ));
            if damaged > 0 {
                bail!("{damaged} damaged chunks were removed; the next sync fetches them again");
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    content_sync::cli::main("content-sync", "info", main_inner(Cli::parse()))
}

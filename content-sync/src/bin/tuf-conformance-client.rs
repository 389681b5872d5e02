//! The client-under-test CLI of the TUF conformance suite
//! (theupdateframework/tuf-conformance, `CLIENT-CLI.md`): `init`, `refresh`
//! and `download`, on the same TUF client (`tough`) and transport as
//! `content-sync`, so that the suite can be run against our client.
//!
//! ```text
//! tuf-conformance-client --metadata-dir DIR init TRUSTED_ROOT
//! tuf-conformance-client --metadata-dir DIR --metadata-url URL refresh
//! tuf-conformance-client --metadata-dir DIR --metadata-url URL --target-name NAME… \
//!     --target-base-url URL --target-dir DIR download
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use content_sync::client::Options;
use content_sync::transport::Metered;
use tough::{ExpirationEnforcement, IntoVec, Repository, RepositoryLoader, TargetName};
use url::Url;

#[derive(Debug, Parser)]
#[command(about = "TUF conformance suite client on Anlauf's TUF client")]
struct Cli {
    /// Where the trusted metadata is kept (root.json, timestamp.json, …).
    #[arg(long)]
    metadata_dir: PathBuf,
    /// The repository's metadata URL.
    #[arg(long)]
    metadata_url: Option<Url>,
    /// A target to download (repeatable, processed in order).
    #[arg(long = "target-name")]
    target_names: Vec<String>,
    /// The repository's targets URL.
    #[arg(long)]
    target_base_url: Option<Url>,
    /// Where downloaded targets go.
    #[arg(long)]
    target_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Trust the given root metadata (no network).
    Init {
        /// The initial root.json.
        trusted_root: PathBuf,
    },
    /// Update the top-level metadata.
    Refresh,
    /// Update the metadata and download the targets.
    Download,
}

/// `url` with a trailing slash, so that file names join below it.
fn directory(url: &Url) -> Url {
    let mut url = url.clone();
    if !url.path().ends_with('/') {
        url.set_path(&format!("{}/", url.path()));
    }
    url
}

/// tough keeps its datastore (which also holds a clock file) below the
/// metadata directory; the suite reads the roles' files directly in it.
fn datastore(cli: &Cli) -> PathBuf {
    cli.metadata_dir.join("tough")
}

/// Makes `METADATA_DIR/ROLE.json` mirror what tough trusts now.
fn publish_trusted(cli: &Cli) -> Result<()> {
    let store = datastore(cli);
    let mut trusted = Vec::new();
    for entry in std::fs::read_dir(&store)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && name != "latest_known_time.json" {
            std::fs::copy(store.join(&name), cli.metadata_dir.join(&name))?;
            trusted.push(name);
        }
    }
    for entry in std::fs::read_dir(&cli.metadata_dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && !trusted.contains(&name) {
            std::fs::remove_file(cli.metadata_dir.join(&name))?;
        }
    }
    Ok(())
}

async fn load(cli: &Cli) -> Result<Repository> {
    let loaded = load_inner(cli).await;
    publish_trusted(cli)?;
    loaded
}

async fn load_inner(cli: &Cli) -> Result<Repository> {
    let metadata_url = cli
        .metadata_url
        .as_ref()
        .context("--metadata-url is needed")?;
    let targets_url = cli.target_base_url.as_ref().unwrap_or(metadata_url);
    let root = std::fs::read(datastore(cli).join("root.json")).with_context(|| {
        format!(
            "no trusted root in {} (run init)",
            cli.metadata_dir.display()
        )
    })?;
    let options = Options::default();
    let transport = Metered::new(Duration::from_secs(30), None, 1).map_err(anyhow::Error::msg)?;
    let repo = RepositoryLoader::new(&root, directory(metadata_url), directory(targets_url))
        .transport(transport)
        .limits(options.limits)
        .datastore(datastore(cli))
        .expiration_enforcement(ExpirationEnforcement::Safe)
        .load()
        .await?;
    Ok(repo)
}

/// Where a target is stored: its name with `/` encoded, so that any name
/// maps to one file directly in the target directory.
fn target_file(dir: &Path, name: &str) -> PathBuf {
    dir.join(name.replace('%', "%25").replace('/', "%2F"))
}

async fn download(cli: &Cli) -> Result<()> {
    let dir = cli.target_dir.as_ref().context("--target-dir is needed")?;
    std::fs::create_dir_all(dir)?;
    let repo = load(cli).await?;
    for name in &cli.target_names {
        let target_name = TargetName::new(name.as_str())?;
        let target = repo
            .targets()
            .signed
            .find_target(&target_name, false)
            .with_context(|| format!("{name} is not a target"))?;
        let path = target_file(dir, name);
        if let Ok(bytes) = std::fs::read(&path) {
            let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &bytes);
            if bytes.len() as u64 == target.length
                && digest.as_ref() == target.hashes.sha256.as_ref()
            {
                continue;
            }
        }
        let stream = repo
            .read_target(&target_name)
            .await?
            .with_context(|| format!("{name} is not a target"))?;
        let bytes = stream.into_vec().await?;
        std::fs::write(&path, bytes)?;
    }
    Ok(())
}

async fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Command::Init { trusted_root } => {
            std::fs::create_dir_all(datastore(&cli))?;
            let bytes = std::fs::read(trusted_root)
                .with_context(|| format!("reading {}", trusted_root.display()))?;
            if bytes.is_empty() {
                bail!("{} is empty", trusted_root.display());
            }
            std::fs::write(datastore(&cli).join("root.json"), &bytes)?;
            std::fs::write(cli.metadata_dir.join("root.json"), bytes)?;
        }
        Command::Refresh => {
            load(&cli).await?;
        }
        Command::Download => download(&cli).await?,
    }
    Ok(())
}

fn main() -> ExitCode {
    content_sync::cli::main("tuf-conformance-client", "warn", run(Cli::parse()))
}

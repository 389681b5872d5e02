//! `image-builder build SITE.toml --out DIR`: the whole way from a checked
//! site file to the site package, the signed apt repository and the disk
//! image, with a report.
//!
//! `DIR` afterwards holds:
//!
//! - `packages/`: the Debian packages (the kiosk's and content-sync's, built
//!   once for all sites, and the site's own);
//! - `repo/`: the signed apt repository devices update from (copy it to the
//!   web server of `update.url`);
//! - `anlauf-<site>.img`, `anlauf-<site>.img.zst`, `SHA256SUMS`,
//!   `report.txt`, `report.json`.
//!
//! The repository's signing key lives in its own folder (`--key`, by
//! default `DIR/signing-key`); only its public part enters the image.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::image::{self, Plan};
use crate::{repo, site_package};

/// What `build` is given besides the site file.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where everything goes.
    pub out: PathBuf,
    /// The signing key's folder.
    pub key: PathBuf,
    /// Ready-made `anlauf-kiosk` and `anlauf-content-sync` packages; when
    /// `None` they are built from the source tree with cargo-deb.
    pub packages: Option<PathBuf>,
    /// The Unix time stamped on the build and the site package's version.
    pub epoch: u64,
}

/// The Anlauf packages every image has.
pub const PACKAGES: &[(&str, &str)] = &[
    ("anlauf-kiosk", "kiosk-app"),
    ("anlauf-content-sync", "content-sync"),
];

/// Builds everything for `site_file`.
pub fn build(site_file: &Path, options: &Options) -> Result<image::Built> {
    let site = anlauf_site::check(site_file).map_err(|problems| {
        anyhow::anyhow!("the site file has problems (nothing was built):\n{problems}")
    })?;
    image::check_host()?;
    let out = &options.out;
    std::fs::create_dir_all(out).with_context(|| format!("making {}", out.display()))?;
    let packages_dir = out.join("packages");
    let mut debs = match &options.packages {
        Some(dir) => find_packages(dir)?,
        None => build_packages(&packages_dir)?,
    };

    let key = repo::SigningKey::open_or_create(
        &options.key,
        &format!("Anlauf updates for {}", site.name),
    )
    .context("the repository's signing key")?;
    let site_text = std::fs::read_to_string(site_file)
        .with_context(|| format!("reading {}", site_file.display()))?;
    let root = match &site.content.trusted_root {
        Some(path) => {
            Some(std::fs::read(path).with_context(|| format!("reading {}", path.display()))?)
        }
        None => None,
    };
    let files = site_package::files(&site, &site_text, root.as_deref(), &key.public_key());
    let version = format!("1.{}", options.epoch);
    let work = out.join("work");
    let site_deb = site_package::build(&site, &files, &version, &work, &packages_dir)?;
    debs.push(site_deb);

    let repository =
        repo::Repository::publish(&out.join("repo"), image::rootfs::SUITE, &debs, &key)
            .context("publishing the apt repository")?;
    tracing::info!(repo = %repository.dir().display(), fingerprint = repository.fingerprint(), "repository signed");

    let mut archive_packages = Vec::new();
    if site.ssh.enabled {
        archive_packages.push("openssh-server".to_owned());
    }
    let plan = Plan {
        name: site_package::package_name(&site)
            .trim_start_matches("anlauf-site-")
            .to_owned(),
        hostname: site.hostname(),
        timezone: site.system.timezone.clone(),
        mirror: site.image.mirror.clone(),
        snapshot: site.image.snapshot.clone(),
        min_size_mib: site.image.size_mb,
        packages: debs,
        archive_packages,
        files: Vec::new(),
        epoch: options.epoch,
    };
    let built = image::build(&plan, &work.join("image"), out)?;
    let _ = std::fs::remove_dir_all(&work);
    Ok(built)
}

/// The `.deb` files of the Anlauf packages in `dir` (newest version of
/// each when several are there).
pub fn find_packages(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for (package, _) in PACKAGES {
        let mut candidates: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{package}_")) && n.ends_with(".deb"))
            })
            .collect();
        candidates.sort();
        match candidates.pop() {
            Some(deb) => found.push(deb),
            None => bail!("no {package}_*.deb in {}", dir.display()),
        }
    }
    Ok(found)
}

/// Builds the Anlauf packages from the source tree (cargo build --release
/// and cargo-deb) into `out`.
fn build_packages(out: &Path) -> Result<Vec<PathBuf>> {
    let workspace = source_tree()?;
    let status = std::process::Command::new("cargo")
        .current_dir(&workspace)
        .args([
            "build",
            "--release",
            "--locked",
            "-p",
            "kiosk-app",
            "-p",
            "content-sync",
            "--bins",
        ])
        .status()
        .context(
            "cargo (the Anlauf source tree is needed to build the packages; or pass --packages)",
        )?;
    if !status.success() {
        bail!("cargo build --release failed");
    }
    std::fs::create_dir_all(out)?;
    for (_, crate_name) in PACKAGES {
        let status = std::process::Command::new("cargo")
            .current_dir(&workspace)
            .args(["deb", "--no-build", "--locked", "-p", crate_name, "-o"])
            .arg(out)
            .status()
            .context("cargo deb (install it: cargo install cargo-deb --locked --version 3.8.0)")?;
        if !status.success() {
            bail!("cargo deb -p {crate_name} failed");
        }
    }
    find_packages(out)
}

/// The Anlauf source tree: the current folder or one above it with the
/// workspace's Cargo.toml and image-builder in it.
fn source_tree() -> Result<PathBuf> {
    let here = std::env::current_dir()?;
    for dir in here.ancestors() {
        if dir.join("Cargo.toml").is_file()
            && dir.join("image-builder").is_dir()
            && dir.join("kiosk-app").is_dir()
        {
            return Ok(dir.to_owned());
        }
    }
    bail!(
        "not inside the Anlauf source tree ({}): run build from it, or pass --packages DIR with anlauf-kiosk and anlauf-content-sync .deb files",
        here.display()
    )
}

//! apt for updates, from the site's repository only
//! (`/etc/apt/sources.list.d/anlauf.sources`, written by the site package).
//!
//! [`Apt`] is the fetcher's: it runs unprivileged with its package lists,
//! its cache and the downloaded packages in its own folder, never on the
//! running system ([`super::mirror`] lays them out as a repository).
//! [`update_in`] and [`upgrade_in`] are the installer's: apt inside the new
//! slot, reading that mirror as a `file:` repository without a network.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::mirror::{self, IndexTarget};
use super::{UpdateError, run};

/// The site's update repository on the device.
pub const SOURCES: &str = "/etc/apt/sources.list.d/anlauf.sources";

/// apt working in `work` (the fetcher's folder).
#[derive(Debug, Clone)]
pub struct Apt {
    work: PathBuf,
    sources: PathBuf,
}

impl Apt {
    /// apt with its lists and cache under `work`, reading the site's
    /// repository from `sources` (normally [`SOURCES`]).
    pub fn new(work: &Path, sources: &Path) -> Apt {
        Apt {
            work: work.to_owned(),
            sources: sources.to_owned(),
        }
    }

    /// Where the package lists are.
    pub fn lists(&self) -> PathBuf {
        self.work.join("lists")
    }

    /// Where downloaded packages land.
    pub fn archives(&self) -> PathBuf {
        self.work.join("cache/archives")
    }

    fn command(&self) -> Command {
        let mut command = Command::new("apt-get");
        command
            .args(["-q", "-o"])
            .arg(format!("Dir::State::Lists={}", self.lists().display()));
        command
            .arg("-o")
            .arg(format!("Dir::Cache={}", self.work.join("cache").display()))
            .arg("-o")
            .arg(format!(
                "Dir::Cache::Archives={}/",
                self.archives().display()
            ));
        // The running system's dpkg database is read, never written, so
        // its locks (which only root may take) are not taken.
        command.args(["-o", "Debug::NoLocking=1"]);
        // The lists stay as the repository signed them, uncompressed, so
        // that the mirror can serve them again.
        command.args(["-o", "Acquire::GzipIndexes=false"]);
        site_only(&mut command, &self.sources);
        command.env("LC_ALL", "C.UTF-8");
        command
    }

    /// Downloads the site repository's package lists; fails when any cannot
    /// be fetched or verified.
    pub fn refresh(&self) -> Result<(), UpdateError> {
        for dir in [
            self.lists().join("partial"),
            self.archives().join("partial"),
        ] {
            std::fs::create_dir_all(&dir).map_err(UpdateError::io("making apt's folders", &dir))?;
        }
        let mut command = self.command();
        command.args(["--error-on=any", "update"]);
        run(&mut command, "refreshing the package lists", &[]).map(|_| ())
    }

    /// The package lists apt keeps for the site's repository.
    pub fn index_targets(&self) -> Result<Vec<IndexTarget>, UpdateError> {
        let mut command = self.command();
        command.arg("indextargets");
        let text = run(&mut command, "listing the package lists", &[])?;
        Ok(mirror::parse_index_targets(&text))
    }

    /// The address and archive file name of every package a dist-upgrade
    /// downloads: with the archive emptied, every package it would install
    /// or upgrade, so an empty list means the system is up to date.
    pub fn package_uris(&self) -> Result<Vec<(String, String)>, UpdateError> {
        let mut command = self.command();
        command.args(["-qq", "--print-uris", "dist-upgrade"]);
        let text = run(&mut command, "listing the packages to download", &[])?;
        mirror::parse_print_uris(&text)
    }

    /// Downloads what a dist-upgrade needs into [`Apt::archives`].
    pub fn download(&self) -> Result<(), UpdateError> {
        let mut command = self.command();
        command.args(["-y", "--download-only", "dist-upgrade"]);
        run(&mut command, "downloading the packages", &[]).map(|_| ())
    }
}

/// Limits an apt command to the repository in `sources`.
fn site_only(command: &mut Command, sources: &Path) {
    command
        .arg("-o")
        .arg(format!("Dir::Etc::SourceList={}", sources.display()))
        .args(["-o", "Dir::Etc::SourceParts=-"]);
}

/// Reads the mirror's lists inside `root` (a mounted slot with the mirror
/// at [`mirror::MIRROR_IN_SLOT`] and its sources at
/// [`mirror::SOURCES_IN_SLOT`]): apt checks the `InRelease` against the
/// site's key and every list against it, and fails on any problem.
pub fn update_in(root: &Path) -> Result<(), UpdateError> {
    let mut command = apt_in(root);
    command.args(["-q", "--error-on=any"]);
    site_only(&mut command, Path::new(mirror::SOURCES_IN_SLOT));
    command.arg("update");
    run(
        &mut command,
        "reading the downloaded update in the new slot",
        &[],
    )
    .map(|_| ())
}

/// Upgrades the system in `root` (a mounted slot with `/dev`, `/proc`,
/// `/sys` and `/run` in place, after [`update_in`]) from the mirror, whose
/// packages apt checks against the signed lists: keeps changed
/// configuration files, starts no service.
pub fn upgrade_in(root: &Path) -> Result<(), UpdateError> {
    let mut command = apt_in(root);
    command.args([
        "-q",
        "-y",
        "-o",
        "Dpkg::Options::=--force-confold",
        "-o",
        "Dpkg::Options::=--force-confdef",
        "-o",
        "Dpkg::Use-Pty=0",
    ]);
    site_only(&mut command, Path::new(mirror::SOURCES_IN_SLOT));
    command.arg("dist-upgrade");
    run(&mut command, "upgrading the new slot", &[]).map(|_| ())
}

/// `apt-get` inside `root`, as Debian runs it: umask 022 (the updater's
/// own is 077) and a clean environment, reading the mirror
/// ([`mirror::READ_OPTIONS`]: its downloads stay root, as the updater may
/// not change users).
fn apt_in(root: &Path) -> Command {
    let mut command = Command::new("chroot");
    command
        .arg(root)
        .args([
            "/bin/sh",
            "-c",
            "umask 022 && exec \"$0\" \"$@\"",
            "/usr/bin/apt-get",
        ])
        .args(mirror::READ_OPTIONS);
    chroot_env(&mut command);
    command
}

/// Empties apt's cache and lists in `root`, as the image is built.
pub fn clean_in(root: &Path) -> Result<(), UpdateError> {
    let mut command = apt_in(root);
    command.arg("clean");
    run(&mut command, "cleaning apt's cache in the new slot", &[])?;
    let lists = root.join("var/lib/apt/lists");
    if let Ok(entries) = std::fs::read_dir(&lists) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_file()) {
                std::fs::remove_file(entry.path())
                    .map_err(UpdateError::io("emptying the package lists", &entry.path()))?;
            }
        }
    }
    Ok(())
}

fn chroot_env(command: &mut Command) {
    command
        .env_clear()
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .env("LC_ALL", "C.UTF-8")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .env("HOME", "/root");
}

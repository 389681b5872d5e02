//! apt for updates, from the site's repository only
//! (`/etc/apt/sources.list.d/anlauf.sources`, written by the site package):
//! package lists and the package cache live in the updater's runtime folder,
//! never on the running system, and packages are downloaded straight into
//! the new slot, which then installs them in a chroot without a network.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{UpdateError, run};

/// The site's update repository on the device.
pub const SOURCES: &str = "/etc/apt/sources.list.d/anlauf.sources";

/// apt working in `work` (the updater's runtime folder).
#[derive(Debug, Clone)]
pub struct Apt {
    work: PathBuf,
}

impl Apt {
    /// apt with its lists and cache under `work`.
    pub fn new(work: &Path) -> Apt {
        Apt {
            work: work.to_owned(),
        }
    }

    /// Where the package lists are.
    pub fn lists(&self) -> PathBuf {
        self.work.join("lists")
    }

    fn command(&self) -> Command {
        let mut command = Command::new("apt-get");
        command
            .args(["-q", "-o"])
            .arg(format!("Dir::State::Lists={}", self.lists().display()));
        command
            .arg("-o")
            .arg(format!("Dir::Cache={}", self.work.join("cache").display()));
        // The running system's dpkg database is read, never written, so
        // its locks (on a read-only file system under the unit) are not taken.
        command.args(["-o", "Debug::NoLocking=1"]);
        site_only(&mut command);
        command.env("LC_ALL", "C.UTF-8");
        command
    }

    /// Downloads the site repository's package lists; fails when any cannot
    /// be fetched or verified.
    pub fn refresh(&self) -> Result<(), UpdateError> {
        for dir in [
            self.lists().join("partial"),
            self.work.join("cache/archives/partial"),
        ] {
            std::fs::create_dir_all(&dir).map_err(UpdateError::io("making apt's folders", &dir))?;
        }
        let mut command = self.command();
        command.args(["--error-on=any", "update"]);
        run(&mut command, "refreshing the package lists", &[]).map(|_| ())
    }

    /// The packages a dist-upgrade would install or upgrade.
    pub fn upgrades(&self) -> Result<Vec<String>, UpdateError> {
        let mut command = self.command();
        command.args(["-s", "dist-upgrade"]);
        let text = run(&mut command, "looking for upgrades", &[])?;
        Ok(simulated_installs(&text))
    }

    /// Downloads what a dist-upgrade needs into `archives` (the new slot's
    /// `/var/cache/apt/archives`).
    pub fn download(&self, archives: &Path) -> Result<(), UpdateError> {
        let partial = archives.join("partial");
        std::fs::create_dir_all(&partial)
            .map_err(UpdateError::io("making apt's folders", &partial))?;
        let mut command = self.command();
        command
            .arg("-o")
            .arg(format!("Dir::Cache::Archives={}/", archives.display()))
            .args(["-y", "--download-only", "dist-upgrade"]);
        run(&mut command, "downloading the packages", &[]).map(|_| ())
    }
}

/// Limits an apt command to the site's repository.
fn site_only(command: &mut Command) {
    command
        .arg("-o")
        .arg(format!("Dir::Etc::SourceList={SOURCES}"))
        .args(["-o", "Dir::Etc::SourceParts=-"]);
}

/// Upgrades the system in `root` (a mounted slot with `/dev`, `/proc`,
/// `/sys` and `/run` in place) from the packages already in its cache:
/// keeps changed configuration files, starts no service.
pub fn upgrade_in(root: &Path) -> Result<(), UpdateError> {
    let mut command = Command::new("chroot");
    command.arg(root).args([
        "/usr/bin/apt-get",
        "-q",
        "-y",
        "--no-download",
        "-o",
        "Dpkg::Options::=--force-confold",
        "-o",
        "Dpkg::Options::=--force-confdef",
        "-o",
        "Dpkg::Use-Pty=0",
    ]);
    site_only(&mut command);
    command.arg("dist-upgrade");
    chroot_env(&mut command);
    run(&mut command, "upgrading the new slot", &[]).map(|_| ())
}

/// Empties apt's cache and lists in `root`, as the image is built.
pub fn clean_in(root: &Path) -> Result<(), UpdateError> {
    let mut command = Command::new("chroot");
    command.arg(root).args(["/usr/bin/apt-get", "clean"]);
    chroot_env(&mut command);
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

/// The packages of the `Inst` lines of a simulated run.
pub fn simulated_installs(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("Inst "))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_packages_of_a_simulation() {
        let text = "Reading package lists...\nCalculating upgrade...\n\
                    The following packages will be upgraded:\n  anlauf-kiosk\n\
                    Inst anlauf-kiosk [0.1.0-1] (0.1.0-2 anlauf:trixie [amd64])\n\
                    Conf anlauf-kiosk (0.1.0-2 anlauf:trixie [amd64])\n";
        assert_eq!(simulated_installs(text), ["anlauf-kiosk"]);
        assert!(simulated_installs("0 upgraded, 0 newly installed\n").is_empty());
    }
}

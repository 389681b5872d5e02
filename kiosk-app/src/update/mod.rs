//! The device's own updates (`anlauf-update`, `systemd/units/anlauf-update.service`
//! and `anlauf-update-fetch.service`): a new version of the system is
//! installed into the root slot that is not running, and the device boots
//! into it between sessions.
//!
//! The disk has two root slots (`anlauf-root-a`, `anlauf-root-b`) and an ESP
//! whose boot files are named after their slot (`vmlinuz-a`, `initrd-a.img`,
//! `loader/entries/anlauf-a.conf`, syslinux label `anlauf-a`). An update:
//!
//! 1. the fetcher (no privileges, the only part with a network) refreshes
//!    the package lists of the site's repository and, when something is to
//!    be upgraded, downloads it into a [`mirror`] of that repository;
//! 2. the installer (root, no network) copies the running slot (read-only
//!    under its overlay, so the copy is consistent) block by block onto
//!    the other slot and checks it;
//! 3. upgrades the copy in a chroot from the mirror, which apt there checks
//!    against the site's key (services are never started there);
//! 4. puts the new slot's kernel, initramfs and boot entries on the ESP;
//! 5. only then switches the boot loaders' default to the new slot, each by
//!    writing a new file and renaming it over the old one, and syncs.
//!
//! A power loss before step 5 leaves the running slot as the default and
//! its files untouched; after it, the new slot is complete on disk.
//!
//! [`boot`] holds the ESP's formats (pure, tested), [`window`] the nightly
//! window, [`disk`] finds the slots, [`install`] does steps 2 to 5, [`apt`]
//! runs apt.

pub mod apt;
pub mod boot;
pub mod disk;
pub mod install;
pub mod mirror;
pub mod window;

use std::path::{Path, PathBuf};

/// One of the two root slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// `anlauf-root-a`, the slot an image boots first.
    A,
    /// `anlauf-root-b`.
    B,
}

impl Slot {
    /// `a` or `b`, as in the ESP's file names.
    pub fn name(self) -> &'static str {
        match self {
            Slot::A => "a",
            Slot::B => "b",
        }
    }

    /// The slot that is not this one.
    pub fn other(self) -> Slot {
        match self {
            Slot::A => Slot::B,
            Slot::B => Slot::A,
        }
    }

    /// The slot named `a` or `b`.
    pub fn from_name(name: &str) -> Option<Slot> {
        match name {
            "a" => Some(Slot::A),
            "b" => Some(Slot::B),
            _ => None,
        }
    }

    /// The GPT partition name of the slot.
    pub fn partlabel(self) -> String {
        format!("anlauf-root-{}", self.name())
    }
}

impl std::fmt::Display for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Why an update could not be made.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    /// The disk is not laid out as an Anlauf image (two slots, an ESP).
    #[error("this is not an Anlauf disk: {0}")]
    Disk(String),
    /// A program failed.
    #[error("{what}: {program} failed: {detail}")]
    Program {
        /// What the update was doing.
        what: String,
        /// The program.
        program: String,
        /// Its exit status and last lines of output.
        detail: String,
    },
    /// Reading or writing a file failed.
    #[error("{what} ({path}): {source}")]
    Io {
        /// What the update was doing.
        what: String,
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The fetched update cannot be laid out or read as a repository.
    #[error("the downloaded update: {0}")]
    Mirror(String),
    /// The ESP's boot files are not what an image writes.
    #[error("the boot files on the ESP are not as expected: {0}")]
    Boot(String),
}

impl UpdateError {
    /// A closure that wraps an I/O error of `path`.
    pub fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> UpdateError {
        let what = what.to_owned();
        let path = path.to_owned();
        move |source| UpdateError::Io { what, path, source }
    }
}

/// Runs `command` and returns its standard output; fails with the last lines
/// of its output unless it exits 0 (or with a code in `accepted`).
pub fn run(
    command: &mut std::process::Command,
    what: &str,
    accepted: &[i32],
) -> Result<String, UpdateError> {
    let program = command.get_program().to_string_lossy().into_owned();
    tracing::debug!(program, what, "running");
    let output = command
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| UpdateError::Program {
            what: what.to_owned(),
            program: program.clone(),
            detail: e.to_string(),
        })?;
    let code = output.status.code();
    if output.status.success() || code.is_some_and(|c| accepted.contains(&c)) {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(12)..].join("\n");
    Err(UpdateError::Program {
        what: what.to_owned(),
        program,
        detail: format!("{}: {tail}", output.status),
    })
}

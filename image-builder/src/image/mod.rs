//! The bootable disk image: a Debian 13 root made by `mmdebstrap` from
//! Debian's archive with the Anlauf packages in it, put on a GPT disk that
//! boots on UEFI (systemd-boot) and on legacy BIOS (syslinux), with a
//! read-only root under a tmpfs overlay and one persistent partition for
//! the content store.
//!
//! The disk, in order:
//!
//! | # | GPT name | size | what |
//! |---|---|---|---|
//! | 1 | `esp` | 256 MiB | FAT32 EFI system partition, also booted by syslinux on BIOS machines (legacy BIOS bootable): kernel, initramfs, both boot loaders |
//! | 2 | `anlauf-root-a` | the root slot | ext4, the system, mounted read-only with a tmpfs overlay |
//! | 3 | `anlauf-root-b` | the root slot | empty: the second slot updates are written into, so that a device cut off mid-update still boots the first |
//! | 4 | `anlauf-content` | 256 MiB, grows | ext4, `/var/lib/anlauf`: the content store and nothing else; grows to the end of the disk on the first boot |
//!
//! Nothing is mounted while building: the file systems are made from
//! directories (`mkfs.ext4 -d`, mtools) and copied into the disk file.

mod command;
pub mod disk;
pub mod report;
pub mod rootfs;
mod times;

use std::path::{Path, PathBuf};

pub use disk::Layout;
pub use report::Report;

/// Why an image could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// An outside program failed or is missing.
    #[error("{what}: {program} failed: {detail}")]
    Program {
        /// What the build was doing.
        what: String,
        /// The program.
        program: String,
        /// Its exit status and last messages.
        detail: String,
    },
    /// Reading or writing a file of the build failed.
    #[error("{what} ({path}): {source}")]
    Io {
        /// What the build was doing.
        what: String,
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The made root file system is not what a device can boot.
    #[error("the Debian root is incomplete: {0}")]
    Root(String),
    /// The host lacks a program the build needs.
    #[error(
        "{program} is missing on this machine (Debian package {package}); install it with: apt-get install {package}"
    )]
    Missing {
        /// The program.
        program: String,
        /// The Debian package that has it.
        package: String,
    },
    /// The build needs root (mmdebstrap, device files, ownership).
    #[error(
        "building an image needs root (mmdebstrap makes device files and sets owners); run it with sudo"
    )]
    NotRoot,
}

impl ImageError {
    fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> ImageError {
        let what = what.to_owned();
        let path = path.to_owned();
        move |source| ImageError::Io { what, path, source }
    }
}

/// A file the build puts into the root, beside what the packages install.
#[derive(Debug, Clone)]
pub struct ExtraFile {
    /// Absolute path inside the root.
    pub path: String,
    /// The content.
    pub content: Vec<u8>,
    /// The file mode.
    pub mode: u32,
}

/// Everything one image is made from.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The site's short name, for file names (`anlauf-<name>.img`).
    pub name: String,
    /// The device's host name.
    pub hostname: String,
    /// The IANA time zone.
    pub timezone: String,
    /// The Debian mirror (`http://deb.debian.org/debian`).
    pub mirror: String,
    /// A snapshot.debian.org timestamp (`20261201T000000Z`) for a
    /// reproducible package set; `None` takes the mirror as it is now.
    pub snapshot: Option<String>,
    /// The smallest raw image, in MiB; the image is larger when the system
    /// needs it.
    pub min_size_mib: u64,
    /// Local Debian packages to install (the kiosk, content-sync, the site
    /// package).
    pub packages: Vec<PathBuf>,
    /// Debian packages from the archive beyond the base set (for example
    /// openssh-server when the site enables SSH).
    pub archive_packages: Vec<String>,
    /// Files written into the root after the packages (host name, network).
    pub files: Vec<ExtraFile>,
    /// The Unix time stamped on the build (`SOURCE_DATE_EPOCH`).
    pub epoch: u64,
}

impl Plan {
    /// The snapshot's mirror when a snapshot is set, else the mirror.
    pub fn effective_mirror(&self) -> String {
        match &self.snapshot {
            Some(stamp) => format!("http://snapshot.debian.org/archive/debian/{stamp}"),
            None => self.mirror.clone(),
        }
    }

    /// The apt lines the image is made from: the release, its updates and
    /// its security updates (from the snapshot when one is set).
    pub fn archive_lines(&self) -> Vec<String> {
        let suite = rootfs::SUITE;
        let security = match &self.snapshot {
            Some(stamp) => format!("http://snapshot.debian.org/archive/debian-security/{stamp}"),
            None => "http://security.debian.org/debian-security".to_owned(),
        };
        let mirror = self.effective_mirror();
        vec![
            format!("deb {mirror} {suite} main"),
            format!("deb {mirror} {suite}-updates main"),
            format!("deb {security} {suite}-security main"),
        ]
    }
}

/// Programs the build needs on the host, with their Debian packages.
pub const HOST_PROGRAMS: &[(&str, &str)] = &[
    ("mmdebstrap", "mmdebstrap"),
    ("mkfs.ext4", "e2fsprogs"),
    ("mkfs.vfat", "dosfstools"),
    ("mcopy", "mtools"),
    ("syslinux", "syslinux"),
    ("sfdisk", "fdisk"),
    ("zstd", "zstd"),
    ("sha256sum", "coreutils"),
];

/// The syslinux files of the host (Debian package syslinux-common).
pub const SYSLINUX_GPTMBR: &str = "/usr/lib/syslinux/mbr/gptmbr.bin";

/// Checks that every program the build needs is there, before anything
/// is downloaded.
pub fn check_host() -> Result<(), ImageError> {
    for (program, package) in HOST_PROGRAMS {
        if !command::available(program) {
            return Err(ImageError::Missing {
                program: (*program).to_owned(),
                package: (*package).to_owned(),
            });
        }
    }
    if !Path::new(SYSLINUX_GPTMBR).is_file() {
        return Err(ImageError::Missing {
            program: SYSLINUX_GPTMBR.to_owned(),
            package: "syslinux-common".to_owned(),
        });
    }
    if !running_as_root() {
        return Err(ImageError::NotRoot);
    }
    Ok(())
}

fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// What a build made.
#[derive(Debug, Clone)]
pub struct Built {
    /// The raw disk image.
    pub image: PathBuf,
    /// Its zstd-compressed copy.
    pub compressed: PathBuf,
    /// Sizes and packages.
    pub report: Report,
}

/// Builds the image of `plan` into `out`, using `work` for the root and the
/// file systems (removed afterwards).
pub fn build(plan: &Plan, work: &Path, out: &Path) -> Result<Built, ImageError> {
    check_host()?;
    let started = std::time::Instant::now();
    std::fs::create_dir_all(out).map_err(ImageError::io("making the output folder", out))?;
    if work.exists() {
        rootfs::unmount_below(work);
        std::fs::remove_dir_all(work).map_err(ImageError::io("clearing the work folder", work))?;
    }
    std::fs::create_dir_all(work).map_err(ImageError::io("making the work folder", work))?;

    let root = work.join("root");
    tracing::info!(mirror = %plan.effective_mirror(), "making the Debian root");
    rootfs::bootstrap(plan, work, &root)?;
    let ids = disk::Ids::for_site(&plan.name);
    rootfs::customize(plan, &root)?;
    let packages = report::packages(&root)?;
    let root_bytes = report::tree_size(&root)?;

    let layout = disk::Layout::for_root(root_bytes, plan.min_size_mib);
    tracing::info!(?layout, "making the file systems");
    let image = out.join(format!("anlauf-{}.img", plan.name));
    disk::assemble(plan, &root, work, &layout, &ids, &image)?;

    tracing::info!("compressing and summing");
    let compressed = report::compress(&image)?;
    report::write_sums(out, &[&image, &compressed])?;
    let report = Report::new(
        plan,
        &image,
        &compressed,
        &layout,
        packages,
        started.elapsed(),
    )?;
    report.write(out)?;
    std::fs::remove_dir_all(work).map_err(ImageError::io("removing the work folder", work))?;
    Ok(Built {
        image,
        compressed,
        report,
    })
}

//! Writing a raw disk image to a disk, then reading it back and comparing
//! SHA-256 hashes.
//!
//! Before anything is written, [`check`] refuses: a device that is not a
//! block device or is a partition, the disk the running system is on (`/`,
//! `/boot`, `/boot/efi`, `/usr`), a disk of which anything is mounted or
//! used as swap, a disk smaller than the image, and a compressed image
//! (zstd, xz, gzip: decompress it first; the image builder's `.zst` copy is
//! for transport). Then [`write_and_verify`] writes in 4 MiB blocks,
//! flushes, drops the device's page cache and reads the image's length back.

mod blockdev;
pub mod mountinfo;
mod progress;
pub mod system;
mod verify;

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};
use std::path::{Path, PathBuf};

pub use blockdev::{BlockDevice, BlockTree};
pub use mountinfo::DevId;
pub use progress::{Progress, mb};
pub use system::{SystemDisk, SystemError, SystemView, Usage};
pub use verify::{BLOCK, Verified, write_and_verify};

/// Why a flash was refused or failed. Each message is one line naming
/// the device (or the image) and the reason.
#[derive(Debug, thiserror::Error)]
pub enum FlashError {
    /// The image is not a regular file.
    #[error("{}: the image must be a regular file, not {what}", image.display())]
    ImageNotFile {
        /// The image.
        image: PathBuf,
        /// What it is.
        what: &'static str,
    },
    /// The image is empty.
    #[error("{}: the image is empty", image.display())]
    ImageEmpty {
        /// The image.
        image: PathBuf,
    },
    /// A compressed image.
    #[error("{}: this is a {format}-compressed image, not a raw disk image; decompress it first: {command}", image.display())]
    Compressed {
        /// The image.
        image: PathBuf,
        /// zstd, xz, gzip.
        format: &'static str,
        /// The command that decompresses it.
        command: String,
    },
    /// The device does not exist or cannot be looked at.
    #[error("refusing {}: {source}", device.display())]
    NoDevice {
        /// The device.
        device: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Not a block device.
    #[error("refusing {}: it is {what}, not a disk; pass a whole disk such as /dev/sdb (see lsblk)", device.display())]
    NotBlockDevice {
        /// The device.
        device: PathBuf,
        /// What it is.
        what: &'static str,
    },
    /// A block device sysfs does not know: nothing could be checked.
    #[error("refusing {}: block device {dev} is not in /sys/class/block, so whether it is in use cannot be checked", device.display())]
    UnknownDevice {
        /// The device.
        device: PathBuf,
        /// Its number.
        dev: DevId,
    },
    /// A partition, not a disk.
    #[error("refusing {}: it is a partition of /dev/{disk}; pass the whole disk, /dev/{disk}", device.display())]
    Partition {
        /// The device.
        device: PathBuf,
        /// Its disk's kernel name.
        disk: String,
    },
    /// The running system is on it.
    #[error("refusing {}: it is the disk the running system is on ({} is on it)", device.display(), mount_point.display())]
    SystemDisk {
        /// The device.
        device: PathBuf,
        /// The system mount point on it.
        mount_point: PathBuf,
    },
    /// Something on it is mounted.
    #[error("refusing {}: /dev/{part} is mounted on {}; unmount it first", device.display(), mount_point.display())]
    Mounted {
        /// The device.
        device: PathBuf,
        /// The mounted device's kernel name.
        part: String,
        /// Where.
        mount_point: PathBuf,
    },
    /// Something on it is swap.
    #[error("refusing {}: /dev/{part} is in use as swap; swapoff it first", device.display())]
    Swap {
        /// The device.
        device: PathBuf,
        /// The swap device's kernel name.
        part: String,
    },
    /// Smaller than the image.
    #[error(
        "refusing {}: the device holds {} bytes ({:.1} MB), less than the image's {} bytes ({:.1} MB)",
        device.display(), device_size, mb(*device_size), image_size, mb(*image_size)
    )]
    TooSmall {
        /// The device.
        device: PathBuf,
        /// Its size in bytes.
        device_size: u64,
        /// The image's size in bytes.
        image_size: u64,
    },
    /// The kernel refused exclusive use.
    #[error("refusing {}: the kernel reports it in use (mounted, swap, RAID, LVM or held by another program)", device.display())]
    Busy {
        /// The device.
        device: PathBuf,
    },
    /// Reading the system's mounts and devices failed.
    #[error("cannot check {}: {source}", device.display())]
    System {
        /// The device.
        device: PathBuf,
        /// Why.
        source: SystemError,
    },
    /// Reading or writing failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The image or device.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The device ended before the image's length.
    #[error("{}: reading back ended after {read} of {expected} bytes", device.display())]
    ShortReadBack {
        /// The device.
        device: PathBuf,
        /// Bytes read.
        read: u64,
        /// Bytes expected.
        expected: u64,
    },
    /// What was read back is not the image.
    #[error(
        "{}: what was read back differs from the image (image sha256 {image_sha256}, device sha256 {device_sha256}); the disk may be failing, do not use it",
        device.display()
    )]
    Mismatch {
        /// The device.
        device: PathBuf,
        /// The image's hash.
        image_sha256: String,
        /// The read-back's hash.
        device_sha256: String,
    },
}

impl FlashError {
    fn io(action: &'static str, path: &Path, source: std::io::Error) -> FlashError {
        FlashError::Io {
            action,
            path: path.to_owned(),
            source,
        }
    }
}

/// A write that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The raw image.
    pub image: PathBuf,
    /// The disk, as given.
    pub device: PathBuf,
    /// The disk's kernel name.
    pub name: String,
    /// The image's size in bytes.
    pub image_size: u64,
    /// The disk's size in bytes.
    pub device_size: u64,
}

/// Checks that `image` may be written to `device` on this system; writes
/// nothing.
pub fn check(image: &Path, device: &Path) -> Result<Plan, FlashError> {
    let view = SystemView::read().map_err(|source| FlashError::System {
        device: device.to_owned(),
        source,
    })?;
    check_with(&view, image, device)
}

/// [`check`] against a given view of the system.
pub fn check_with(view: &SystemView, image: &Path, device: &Path) -> Result<Plan, FlashError> {
    let image_size = check_image(image)?;
    let name = check_device(view, device)?;
    let device_size = File::open(device)
        .and_then(|mut file| file.seek(SeekFrom::End(0)))
        .map_err(|source| FlashError::io("open", device, source))?;
    if device_size < image_size {
        return Err(FlashError::TooSmall {
            device: device.to_owned(),
            device_size,
            image_size,
        });
    }
    Ok(Plan {
        image: image.to_owned(),
        device: device.to_owned(),
        name,
        image_size,
        device_size,
    })
}

/// The image's size; refuses what is not a raw image.
fn check_image(image: &Path) -> Result<u64, FlashError> {
    let metadata =
        std::fs::metadata(image).map_err(|source| FlashError::io("open", image, source))?;
    if !metadata.is_file() {
        return Err(FlashError::ImageNotFile {
            image: image.to_owned(),
            what: kind_of(&metadata.file_type()),
        });
    }
    if metadata.len() == 0 {
        return Err(FlashError::ImageEmpty {
            image: image.to_owned(),
        });
    }
    let mut head = [0u8; 6];
    let mut file = File::open(image).map_err(|source| FlashError::io("open", image, source))?;
    let read = file
        .read(&mut head)
        .map_err(|source| FlashError::io("read", image, source))?;
    if let Some((format, program)) = compression(&head[..read]) {
        let command = format!("{program} -dk {}", image.display());
        return Err(FlashError::Compressed {
            image: image.to_owned(),
            format,
            command,
        });
    }
    Ok(metadata.len())
}

/// The compression a file starts with: its name and its program.
pub fn compression(head: &[u8]) -> Option<(&'static str, &'static str)> {
    const MAGICS: [(&[u8], &str, &str); 4] = [
        (&[0x28, 0xb5, 0x2f, 0xfd], "zstd", "zstd"),
        (&[0xfd, b'7', b'z', b'X', b'Z', 0x00], "xz", "xz"),
        (&[0x1f, 0x8b], "gzip", "gzip"),
        (b"BZh", "bzip2", "bzip2"),
    ];
    MAGICS
        .iter()
        .find(|(magic, _, _)| head.starts_with(magic))
        .map(|(_, format, program)| (*format, *program))
}

/// The disk's kernel name, once it is known to be a whole disk the system
/// does not use.
fn check_device(view: &SystemView, device: &Path) -> Result<String, FlashError> {
    let metadata = std::fs::metadata(device).map_err(|source| FlashError::NoDevice {
        device: device.to_owned(),
        source,
    })?;
    if !metadata.file_type().is_block_device() {
        return Err(FlashError::NotBlockDevice {
            device: device.to_owned(),
            what: kind_of(&metadata.file_type()),
        });
    }
    let rdev = metadata.rdev();
    let dev = DevId {
        major: nix::sys::stat::major(rdev),
        minor: nix::sys::stat::minor(rdev),
    };
    let Some(block) = view.tree().by_dev(dev) else {
        return Err(FlashError::UnknownDevice {
            device: device.to_owned(),
            dev,
        });
    };
    if let Some(disk) = &block.disk {
        return Err(FlashError::Partition {
            device: device.to_owned(),
            disk: disk.clone(),
        });
    }
    if let Some(system) = view
        .system_disks()
        .into_iter()
        .find(|d| d.disk == block.name)
    {
        return Err(FlashError::SystemDisk {
            device: device.to_owned(),
            mount_point: system.mount_point,
        });
    }
    match view.usage(&block.name) {
        Some(Usage::Mounted {
            device: part,
            mount_point,
        }) => Err(FlashError::Mounted {
            device: device.to_owned(),
            part,
            mount_point,
        }),
        Some(Usage::Swap { device: part }) => Err(FlashError::Swap {
            device: device.to_owned(),
            part,
        }),
        None => Ok(block.name.clone()),
    }
}

/// What a file type is, in words.
fn kind_of(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        "a directory"
    } else if kind.is_file() {
        "a regular file"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_fifo() {
        "a pipe"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_images_are_recognised_by_their_magic() {
        assert_eq!(
            compression(&[0x28, 0xb5, 0x2f, 0xfd, 0, 0]),
            Some(("zstd", "zstd"))
        );
        assert_eq!(compression(b"\xfd7zXZ\x00"), Some(("xz", "xz")));
        assert_eq!(compression(&[0x1f, 0x8b, 8]), Some(("gzip", "gzip")));
        assert_eq!(compression(&[0; 6]), None);
        assert_eq!(compression(b"\xeb\x63\x90"), None);
    }
}

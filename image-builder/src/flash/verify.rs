//! The write itself: 4 MiB blocks, fsync, the device's page cache
//! dropped, the image's length read back, SHA-256 of both compared.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt as _;

use aws_lc_rs::digest;
use nix::fcntl::{OFlag, PosixFadviseAdvice, posix_fadvise};

use super::{FlashError, Plan, Progress};

/// The size of each write and read.
pub const BLOCK: usize = 4 << 20;

/// Blocks between flushes while writing (64 MiB): the progress shows what
/// reached the disk, not what the page cache took, and the last flush is
/// short.
const FLUSH_EVERY: u64 = 16;

/// A write that was read back equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// Bytes written and read back.
    pub bytes: u64,
    /// SHA-256 of the image, hex.
    pub image_sha256: String,
    /// SHA-256 of what was read back, hex (the same).
    pub device_sha256: String,
}

/// Writes the checked `plan`, reports progress, then reads the image's
/// length back from the device and compares hashes.
pub fn write_and_verify<W: Write>(
    plan: &Plan,
    progress: &mut Progress<W>,
) -> Result<Verified, FlashError> {
    let device_path = &plan.device;
    let image =
        File::open(&plan.image).map_err(|source| FlashError::io("open", &plan.image, source))?;
    // O_EXCL on a block device: the kernel refuses it while anything holds
    // the device (a mount, swap, device mapper), closing the gap since the
    // check.
    let mut device = OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(OFlag::O_EXCL.bits())
        .open(device_path)
        .map_err(|source| match source.raw_os_error() {
            Some(code) if code == nix::errno::Errno::EBUSY as i32 => FlashError::Busy {
                device: device_path.clone(),
            },
            _ => FlashError::io("open for writing", device_path, source),
        })?;
    tracing::debug!(
        image = %plan.image.display(), device = %device_path.display(),
        bytes = plan.image_size, "writing"
    );

    let mut buffer = vec![0u8; BLOCK];
    let mut image = image.take(plan.image_size);
    let mut hash = digest::Context::new(&digest::SHA256);
    let mut written = 0u64;
    progress.start(
        &format!("writing {}", device_path.display()),
        plan.image_size,
    );
    loop {
        let n =
            fill(&mut image, &mut buffer).map_err(|e| FlashError::io("read", &plan.image, e))?;
        if n == 0 {
            break;
        }
        hash.update(&buffer[..n]);
        device
            .write_all(&buffer[..n])
            .map_err(|source| FlashError::io("write", device_path, source))?;
        written += n as u64;
        if (written / BLOCK as u64).is_multiple_of(FLUSH_EVERY) {
            device
                .sync_data()
                .map_err(|source| FlashError::io("flush", device_path, source))?;
        }
        progress.update(written);
    }
    progress.finish();
    if written != plan.image_size {
        return Err(FlashError::io(
            "read all of",
            &plan.image,
            std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!("the image shrank to {written} bytes while it was written"),
            ),
        ));
    }
    device
        .sync_all()
        .map_err(|source| FlashError::io("flush", device_path, source))?;
    // Read back from the disk, not from the cache the write filled.
    posix_fadvise(&device, 0, 0, PosixFadviseAdvice::POSIX_FADV_DONTNEED)
        .map_err(|errno| FlashError::io("drop the page cache of", device_path, errno.into()))?;
    let image_sha256 = hex::encode(hash.finish().as_ref());

    device
        .seek(SeekFrom::Start(0))
        .map_err(|source| FlashError::io("seek", device_path, source))?;
    let mut back = (&mut device).take(plan.image_size);
    let mut hash = digest::Context::new(&digest::SHA256);
    let mut read = 0u64;
    progress.start(
        &format!("verifying {}", device_path.display()),
        plan.image_size,
    );
    loop {
        let n = fill(&mut back, &mut buffer)
            .map_err(|e| FlashError::io("read back", device_path, e))?;
        if n == 0 {
            break;
        }
        hash.update(&buffer[..n]);
        read += n as u64;
        progress.update(read);
    }
    progress.finish();
    if read != plan.image_size {
        return Err(FlashError::ShortReadBack {
            device: device_path.clone(),
            read,
            expected: plan.image_size,
        });
    }
    let device_sha256 = hex::encode(hash.finish().as_ref());
    if device_sha256 != image_sha256 {
        return Err(FlashError::Mismatch {
            device: device_path.clone(),
            image_sha256,
            device_sha256,
        });
    }
    tracing::debug!(device = %device_path.display(), sha256 = %image_sha256, "verified");
    Ok(Verified {
        bytes: written,
        image_sha256,
        device_sha256,
    })
}

/// Reads until `buffer` is full or the input ends; the bytes read.
fn fill(input: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match input.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

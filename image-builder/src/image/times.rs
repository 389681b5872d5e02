//! Time stamps that do not depend on when the image was built. Every file
//! of the boot partition and of the root file system carries the build's
//! `SOURCE_DATE_EPOCH` (or an older modification time of its own), so two
//! builds of the same inputs give the same bytes where their files are the
//! same. `mkfs.ext4 -d` copies each source file's times, and a change time
//! cannot be set on a file, so the root's times are set in the finished
//! file system with `debugfs`.

use std::fmt::Write as _;
use std::fs::{File, FileTimes};
use std::os::unix::fs::MetadataExt as _;
use std::path::Path;
use std::time::{Duration, UNIX_EPOCH};

use super::ImageError;

/// Sets every file and folder under `dir` (links are not followed, and
/// `dir` holds none) to `epoch`: the boot files staged for `mcopy -m`.
pub fn settle(dir: &Path, epoch: u64) -> Result<(), ImageError> {
    let time = UNIX_EPOCH + Duration::from_secs(epoch);
    let times = FileTimes::new().set_accessed(time).set_modified(time);
    for entry in std::fs::read_dir(dir).map_err(ImageError::io("listing boot files", dir))? {
        let path = entry
            .map_err(ImageError::io("listing boot files", dir))?
            .path();
        if path.is_dir() {
            settle(&path, epoch)?;
        }
        File::open(&path)
            .and_then(|file| file.set_times(times))
            .map_err(ImageError::io("setting a boot file's time", &path))?;
    }
    File::open(dir)
        .and_then(|file| file.set_times(times))
        .map_err(ImageError::io("setting a boot folder's time", dir))
}

/// `debugfs` commands that give every inode of a file system made from
/// `root` the access and change time `epoch` and a modification time no
/// later than it. Names `debugfs` cannot quote (with `"`, `\` or control
/// characters) are left out and returned beside the commands.
pub fn debugfs_commands(root: &Path, epoch: u64) -> Result<(String, Vec<String>), ImageError> {
    let mut commands = String::new();
    let mut skipped = Vec::new();
    stamp(root, "/", epoch, &mut commands, &mut skipped)?;
    Ok((commands, skipped))
}

fn stamp(
    path: &Path,
    name: &str,
    epoch: u64,
    commands: &mut String,
    skipped: &mut Vec<String>,
) -> Result<(), ImageError> {
    let metadata =
        std::fs::symlink_metadata(path).map_err(ImageError::io("reading a file's times", path))?;
    let _ = writeln!(commands, "sif \"{name}\" atime @{epoch}");
    let _ = writeln!(commands, "sif \"{name}\" ctime @{epoch}");
    if metadata.mtime() > epoch as i64 || metadata.mtime_nsec() != 0 {
        let mtime = (metadata.mtime().max(0) as u64).min(epoch);
        let _ = writeln!(commands, "sif \"{name}\" mtime @{mtime}");
    }
    if !metadata.is_dir() {
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(ImageError::io("listing the root", path))?
        .collect::<Result<_, _>>()
        .map_err(ImageError::io("listing the root", path))?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let file_name = entry.file_name();
        let child = match file_name.to_str() {
            Some(text) if !text.contains(['"', '\\']) && !text.chars().any(char::is_control) => {
                if name == "/" {
                    format!("/{text}")
                } else {
                    format!("{name}/{text}")
                }
            }
            _ => {
                skipped.push(entry.path().display().to_string());
                continue;
            }
        };
        stamp(&entry.path(), &child, epoch, commands, skipped)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPOCH: u64 = 1_796_083_200;

    #[test]
    fn every_inode_gets_the_epoch_and_no_later_modification_time() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("etc/default")).unwrap();
        std::fs::write(root.join("etc/hostname"), "anlauf\n").unwrap();
        let old = File::create(root.join("etc/default/old")).unwrap();
        old.set_times(FileTimes::new().set_modified(UNIX_EPOCH + Duration::from_secs(1000)))
            .unwrap();
        std::os::unix::fs::symlink("hostname", root.join("etc/name")).unwrap();
        std::fs::write(root.join("etc/bad\"name"), "").unwrap();

        let (commands, skipped) = debugfs_commands(root, EPOCH).unwrap();
        let lines: Vec<&str> = commands.lines().collect();
        for name in [
            "/",
            "/etc",
            "/etc/default",
            "/etc/default/old",
            "/etc/hostname",
            "/etc/name",
        ] {
            assert!(
                lines.contains(&format!("sif \"{name}\" atime @{EPOCH}").as_str()),
                "{name}"
            );
            assert!(
                lines.contains(&format!("sif \"{name}\" ctime @{EPOCH}").as_str()),
                "{name}"
            );
        }
        // Written now: clamped to the epoch; an old file keeps its time.
        assert!(lines.contains(&format!("sif \"/etc/hostname\" mtime @{EPOCH}").as_str()));
        assert!(!commands.contains("sif \"/etc/default/old\" mtime"));
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].ends_with("bad\"name"));
    }

    #[test]
    fn settled_boot_files_carry_the_epoch() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("EFI/BOOT")).unwrap();
        std::fs::write(dir.path().join("EFI/BOOT/BOOTX64.EFI"), "x").unwrap();
        settle(dir.path(), EPOCH).unwrap();
        for path in ["", "EFI", "EFI/BOOT", "EFI/BOOT/BOOTX64.EFI"] {
            let metadata = std::fs::metadata(dir.path().join(path)).unwrap();
            assert_eq!(metadata.mtime(), EPOCH as i64, "{path}");
        }
    }
}

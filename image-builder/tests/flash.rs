//! `image-builder flash` against real loop devices: a good write is read
//! back equal; a device too small, a mounted one, a partition, a regular
//! file and a compressed image are refused with one clear line and left as
//! they were; the disk of the running system is refused by the checks.
//!
//! Loop devices need root (losetup); where they cannot be had, the cases
//! that need them are skipped with the reason printed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use image_builder::flash::{self, FlashError, SystemView};

const MIB: usize = 1 << 20;

/// A loop device over a file, detached when dropped.
struct Loop {
    device: PathBuf,
}

impl Loop {
    /// Attaches `file` (with `--partscan` when asked); the reason when
    /// loop devices cannot be had here.
    fn attach(file: &Path, partscan: bool) -> Result<Loop, String> {
        let mut command = Command::new("losetup");
        if partscan {
            command.arg("--partscan");
        }
        let output = command
            .args(["--find", "--show"])
            .arg(file)
            .output()
            .map_err(|e| format!("losetup: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "losetup --find --show: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        let device = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        Ok(Loop {
            device: PathBuf::from(device),
        })
    }
}

impl Drop for Loop {
    fn drop(&mut self) {
        let detached = Command::new("losetup").arg("-d").arg(&self.device).status();
        if !detached.is_ok_and(|s| s.success()) {
            eprintln!("could not detach {}", self.device.display());
        }
    }
}

/// A file system mounted on a directory, unmounted when dropped.
struct Mounted {
    dir: PathBuf,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let unmounted = Command::new("umount").arg(&self.dir).status();
        if !unmounted.is_ok_and(|s| s.success()) {
            eprintln!("could not unmount {}", self.dir.display());
        }
    }
}

/// A loop device over a new file of `size` bytes filled with `fill`, or
/// `None` (after printing why) when loop devices cannot be had.
fn loop_device(dir: &Path, name: &str, size: usize, fill: u8) -> Option<(Loop, PathBuf)> {
    let file = dir.join(name);
    std::fs::write(&file, vec![fill; size]).unwrap();
    match Loop::attach(&file, false) {
        Ok(device) => Some((device, file)),
        Err(reason) => {
            eprintln!("skipped: no loop device ({reason})");
            None
        }
    }
}

/// A raw image of `size` random bytes.
fn random_image(dir: &Path, size: usize) -> PathBuf {
    let mut bytes = vec![0u8; size];
    aws_lc_rs::rand::fill(&mut bytes).unwrap();
    let image = dir.join("anlauf-test.img");
    std::fs::write(&image, bytes).unwrap();
    image
}

fn image_builder_flash(image: &Path, device: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_image-builder"))
        .arg("flash")
        .arg(image)
        .arg(device)
        .env("ANLAUF_LOG", "warn")
        .output()
        .expect("image-builder")
}

/// Asserts the command failed with one line on standard error holding
/// every one of `parts`, and returns that line.
fn refused(output: &Output, parts: &[&str]) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    assert!(!output.status.success(), "not refused: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr}");
    for part in parts {
        assert!(stderr.contains(part), "{part:?} missing in: {stderr}");
    }
    assert!(output.stdout.is_empty());
    stderr
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes).as_ref())
}

#[test]
fn an_image_is_written_and_read_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let Some((device, backing)) = loop_device(dir.path(), "disk", 64 * MIB, 0) else {
        return;
    };
    let image = random_image(dir.path(), 64 * MIB);
    let started = std::time::Instant::now();
    let output = image_builder_flash(&image, &device.device);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}{stderr}");
    eprintln!("flash of 64 MiB: {:.1} s", started.elapsed().as_secs_f64());

    let expected = sha256(&std::fs::read(&image).unwrap());
    let shown = device.device.display();
    assert!(
        stdout.contains(&format!("image  sha256 {expected}")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("device sha256 {expected}")),
        "{stdout}"
    );
    assert!(stdout.contains(&format!(
        "verified: {shown} holds the image (67108864 bytes)"
    )));
    // Not a terminal: a line at every tenth, for writing and for reading back.
    let writing: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("writing "))
        .collect();
    assert_eq!(writing.len(), 10, "{stderr}");
    assert!(writing[9].starts_with(&format!("writing {shown}: 100 %  67.1 of 67.1 MB")));
    assert!(writing[9].ends_with(" MB/s"), "{stderr}");
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("verifying "))
            .count(),
        10
    );

    // What the device and its backing file hold is the image.
    let on_device = std::fs::read(&device.device).unwrap();
    assert_eq!(sha256(&on_device), expected);
    drop(device);
    assert_eq!(sha256(&std::fs::read(&backing).unwrap()), expected);
}

#[test]
fn a_device_smaller_than_the_image_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let Some((device, backing)) = loop_device(dir.path(), "small", 32 * MIB, 0xab) else {
        return;
    };
    let image = random_image(dir.path(), 64 * MIB);
    let output = image_builder_flash(&image, &device.device);
    refused(
        &output,
        &[
            &format!("refusing {}", device.device.display()),
            "holds 33554432 bytes (33.6 MB), less than the image's 67108864 bytes (67.1 MB)",
        ],
    );
    drop(device);
    let content = std::fs::read(&backing).unwrap();
    assert!(
        content.iter().all(|b| *b == 0xab),
        "the small device was written"
    );
}

#[test]
fn a_device_with_a_mounted_file_system_is_refused_naming_the_mount_point() {
    let dir = tempfile::tempdir().unwrap();
    let Some((device, _backing)) = loop_device(dir.path(), "mounted", 64 * MIB, 0) else {
        return;
    };
    let mkfs = Command::new("mkfs.ext4")
        .arg("-q")
        .arg(&device.device)
        .output()
        .unwrap();
    assert!(
        mkfs.status.success(),
        "{}",
        String::from_utf8_lossy(&mkfs.stderr)
    );
    let point = dir.path().join("mount point");
    std::fs::create_dir(&point).unwrap();
    let mount = Command::new("mount")
        .arg(&device.device)
        .arg(&point)
        .output()
        .unwrap();
    assert!(
        mount.status.success(),
        "{}",
        String::from_utf8_lossy(&mount.stderr)
    );
    let mounted = Mounted { dir: point.clone() };
    std::fs::write(point.join("kept"), "still here").unwrap();

    let image = random_image(dir.path(), 16 * MIB);
    let output = image_builder_flash(&image, &device.device);
    let name = device.device.display().to_string();
    refused(
        &output,
        &[
            &format!("refusing {name}: {name} is mounted on {}", point.display()),
            "unmount it first",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(point.join("kept")).unwrap(),
        "still here"
    );
    drop(mounted);
    drop(device);
}

#[test]
fn a_partition_is_refused_asking_for_the_whole_disk() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("partitioned");
    std::fs::write(&file, vec![0u8; 64 * MIB]).unwrap();
    let table = Command::new("sfdisk")
        .arg("--quiet")
        .arg(&file)
        .stdin(std::fs::File::open(write(dir.path(), "table", "label: gpt\n,,L\n")).unwrap())
        .output()
        .expect("sfdisk (Debian package fdisk)");
    assert!(
        table.status.success(),
        "{}",
        String::from_utf8_lossy(&table.stderr)
    );
    let device = match Loop::attach(&file, true) {
        Ok(device) => device,
        Err(reason) => {
            eprintln!("skipped: no loop device ({reason})");
            return;
        }
    };
    let partition = PathBuf::from(format!("{}p1", device.device.display()));
    if !partition.exists() {
        // A kernel without GPT support scans nothing; partx adds the
        // partitions it reads itself.
        let partx = Command::new("partx")
            .arg("--add")
            .arg(&device.device)
            .output();
        if let Err(error) = partx {
            eprintln!("partx: {error}");
        }
    }
    if !partition.exists() {
        eprintln!(
            "skipped: the kernel made no {} (no devtmpfs?)",
            partition.display()
        );
        return;
    }
    let image = random_image(dir.path(), MIB);
    let output = image_builder_flash(&image, &partition);
    let disk = device.device.display().to_string();
    refused(
        &output,
        &[
            &format!(
                "refusing {}: it is a partition of {disk}",
                partition.display()
            ),
            &format!("pass the whole disk, {disk}"),
        ],
    );
}

#[test]
fn a_regular_file_as_device_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = write(dir.path(), "not-a-disk", "keep me");
    let image = random_image(dir.path(), MIB);
    let output = image_builder_flash(&image, &target);
    refused(
        &output,
        &[
            &format!(
                "refusing {}: it is a regular file, not a disk",
                target.display()
            ),
            "pass a whole disk such as /dev/sdb",
        ],
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    let missing = dir.path().join("missing");
    refused(
        &image_builder_flash(&image, &missing),
        &["refusing", "No such file"],
    );
}

#[test]
fn a_zstd_compressed_image_is_refused_with_the_command_that_decompresses_it() {
    let dir = tempfile::tempdir().unwrap();
    let image = random_image(dir.path(), MIB);
    let zstd = Command::new("zstd")
        .args(["-q", "-1"])
        .arg(&image)
        .status()
        .expect("zstd (Debian package zstd)");
    assert!(zstd.success());
    let compressed = dir.path().join("anlauf-test.img.zst");
    let target = loop_device(dir.path(), "disk", 4 * MIB, 0x5a);
    let device = target
        .as_ref()
        .map_or_else(|| write(dir.path(), "file", "x"), |(d, _)| d.device.clone());
    let output = image_builder_flash(&compressed, &device);
    refused(
        &output,
        &[
            &format!("{}: this is a zstd-compressed image", compressed.display()),
            &format!("decompress it first: zstd -dk {}", compressed.display()),
        ],
    );
    if let Some((device, backing)) = target {
        drop(device);
        assert!(std::fs::read(&backing).unwrap().iter().all(|b| *b == 0x5a));
    }
}

#[test]
fn the_disk_of_the_running_system_is_refused() {
    let view = match SystemView::read() {
        Ok(view) => view,
        Err(error) => {
            eprintln!(
                "skipped: cannot read this system's mounts ({error}); the resolution is tested on synthetic input in src/flash/system.rs"
            );
            return;
        }
    };
    let disks = view.system_disks();
    let Some(system) = disks.first() else {
        eprintln!(
            "skipped: no disk could be resolved under / here (an overlay in a container?); \
             the resolution is tested on synthetic mountinfo and sysfs in src/flash/system.rs"
        );
        return;
    };
    let device = PathBuf::from(format!("/dev/{}", system.disk));
    eprintln!(
        "the running system is on {} ({} on it)",
        device.display(),
        system.mount_point.display()
    );
    if !device.exists() {
        eprintln!("skipped: {} has no device node here", device.display());
        return;
    }
    // Only the checks: they never write, whatever they decide.
    let dir = tempfile::tempdir().unwrap();
    let image = write(dir.path(), "tiny.img", "x");
    match flash::check(&image, &device) {
        Err(error @ FlashError::SystemDisk { .. }) => {
            let message = error.to_string();
            assert!(
                message.starts_with(&format!(
                    "refusing {}: it is the disk the running system is on",
                    device.display()
                )),
                "{message}"
            );
        }
        other => panic!(
            "the system disk {} was not refused as such: {other:?}",
            device.display()
        ),
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

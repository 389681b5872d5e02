//! The disk: its partition layout (pure arithmetic, tested), the file
//! systems made from directories without mounting anything, and the raw
//! image put together with sfdisk.

use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::Path;

use super::command::{command, run, run_with_input};
use super::rootfs::kernel_command_line;
use super::times;
use super::{ImageError, Plan, SYSLINUX_GPTMBR};

const MIB: u64 = 1024 * 1024;
const SECTOR: u64 = 512;

/// The EFI system partition's size.
pub const ESP_MIB: u64 = 256;
/// The content partition's size in the image (it grows on the device).
pub const CONTENT_MIB: u64 = 256;
/// The smallest root slot.
pub const MIN_SLOT_MIB: u64 = 1536;

/// GPT partition type of the EFI system partition.
const TYPE_ESP: &str = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";
/// GPT partition type "Linux root (x86-64)".
const TYPE_ROOT: &str = "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709";
/// GPT partition type "Linux file system".
const TYPE_LINUX: &str = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";

/// One partition: where it starts and how long it is, in MiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    /// First MiB.
    pub start_mib: u64,
    /// Length in MiB.
    pub size_mib: u64,
}

impl Extent {
    fn end_mib(&self) -> u64 {
        self.start_mib + self.size_mib
    }
}

/// Where every partition lies on the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The EFI system partition (also booted by syslinux on BIOS).
    pub esp: Extent,
    /// The first root slot (the system).
    pub root_a: Extent,
    /// The second root slot (updates).
    pub root_b: Extent,
    /// The content partition.
    pub content: Extent,
    /// The whole disk.
    pub total_mib: u64,
}

impl Layout {
    /// The layout for a root tree of `root_bytes`, on a disk of at least
    /// `min_total_mib`. A root slot has room for the system to grow by
    /// half again in updates; the content partition takes what is left.
    pub fn for_root(root_bytes: u64, min_total_mib: u64) -> Layout {
        let used_mib = root_bytes.div_ceil(MIB);
        let slot = (used_mib * 3 / 2).div_ceil(256) * 256;
        let slot_mib = slot.max(MIN_SLOT_MIB);
        let esp = Extent {
            start_mib: 1,
            size_mib: ESP_MIB,
        };
        let root_a = Extent {
            start_mib: esp.end_mib(),
            size_mib: slot_mib,
        };
        let root_b = Extent {
            start_mib: root_a.end_mib(),
            size_mib: slot_mib,
        };
        // One MiB at the end for the backup GPT.
        let needed = root_b.end_mib() + CONTENT_MIB + 1;
        let total_mib = needed.max(min_total_mib);
        let content = Extent {
            start_mib: root_b.end_mib(),
            size_mib: total_mib - 1 - root_b.end_mib(),
        };
        Layout {
            esp,
            root_a,
            root_b,
            content,
            total_mib,
        }
    }

    /// The sfdisk script of this layout.
    pub fn sfdisk_script(&self, ids: &Ids) -> String {
        let line = |extent: &Extent, kind: &str, uuid: &str, name: &str, attrs: &str| {
            format!(
                "start={}, size={}, type={kind}, uuid={uuid}, name=\"{name}\"{attrs}\n",
                extent.start_mib * MIB / SECTOR,
                extent.size_mib * MIB / SECTOR
            )
        };
        let mut script = format!(
            "label: gpt\nlabel-id: {}\nunit: sectors\nfirst-lba: 2048\n",
            ids.disk
        );
        script.push_str(&line(
            &self.esp,
            TYPE_ESP,
            &ids.esp,
            "esp",
            ", attrs=\"LegacyBIOSBootable\"",
        ));
        script.push_str(&line(
            &self.root_a,
            TYPE_ROOT,
            &ids.root_a,
            "anlauf-root-a",
            "",
        ));
        script.push_str(&line(
            &self.root_b,
            TYPE_ROOT,
            &ids.root_b,
            "anlauf-root-b",
            "",
        ));
        script.push_str(&line(
            &self.content,
            TYPE_LINUX,
            &ids.content,
            "anlauf-content",
            "",
        ));
        script
    }
}

/// The fixed identities of a site's disks: the same site gives the same
/// ids, so builds compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids {
    /// The GPT disk id.
    pub disk: String,
    /// The ESP's partition id.
    pub esp: String,
    /// The first root slot's partition id.
    pub root_a: String,
    /// The second root slot's partition id.
    pub root_b: String,
    /// The content partition's id.
    pub content: String,
    /// The root file system's UUID.
    pub root_fs: String,
    /// The content file system's UUID.
    pub content_fs: String,
    /// The FAT volume id of the ESP (8 hex digits).
    pub esp_volume: String,
}

impl Ids {
    /// The ids of site `name`.
    pub fn for_site(name: &str) -> Ids {
        let uuid = |role: &str| uuid_from(&format!("anlauf:{name}:{role}"));
        Ids {
            disk: uuid("disk"),
            esp: uuid("esp"),
            root_a: uuid("root-a"),
            root_b: uuid("root-b"),
            content: uuid("content"),
            root_fs: uuid("root-fs"),
            content_fs: uuid("content-fs"),
            esp_volume: uuid("esp-volume")[..8].to_uppercase(),
        }
    }
}

/// A version-4-shaped UUID from the SHA-256 of `text`.
fn uuid_from(text: &str) -> String {
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, text.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest.as_ref()[..16]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The slot an image boots first. Every boot file on the ESP is named after
/// its slot (`vmlinuz-a`, `initrd-a.img`, `anlauf-a.conf`, label `anlauf-a`),
/// so that the device's updater (`anlauf-update`, package anlauf-kiosk) can
/// put the other slot's files beside them and switch the default last.
pub const FIRST_SLOT: &str = "a";

/// The ESP's kernel of `slot`.
pub fn kernel_name(slot: &str) -> String {
    format!("vmlinuz-{slot}")
}

/// The ESP's initramfs of `slot`.
pub fn initrd_name(slot: &str) -> String {
    format!("initrd-{slot}.img")
}

/// The systemd-boot settings: no menu, no editing of the command line.
fn loader_conf() -> String {
    format!(
        "default anlauf-{FIRST_SLOT}.conf\ntimeout 0\neditor no\nauto-entries no\nauto-firmware no\n"
    )
}

fn systemd_boot_entry(ids: &Ids) -> String {
    format!(
        "title Anlauf ({FIRST_SLOT})\nlinux /{}\ninitrd /{}\noptions {}\n",
        kernel_name(FIRST_SLOT),
        initrd_name(FIRST_SLOT),
        kernel_command_line(&ids.root_a)
    )
}

fn syslinux_cfg(ids: &Ids) -> String {
    format!(
        "# Anlauf on legacy BIOS machines: no menu, no prompt, no editing.\n\
         DEFAULT anlauf-{FIRST_SLOT}\nPROMPT 0\nTIMEOUT 0\nNOESCAPE 1\n\
         LABEL anlauf-{FIRST_SLOT}\n  LINUX /{}\n  INITRD /{}\n  APPEND {}\n",
        kernel_name(FIRST_SLOT),
        initrd_name(FIRST_SLOT),
        kernel_command_line(&ids.root_a)
    )
}

/// Makes the file systems and puts them on the disk `image`.
pub fn assemble(
    plan: &Plan,
    root: &Path,
    work: &Path,
    layout: &Layout,
    ids: &Ids,
    image: &Path,
) -> Result<(), ImageError> {
    let epoch = plan.epoch.to_string();
    let esp = work.join("esp.img");
    make_esp(root, &esp, ids, plan.epoch)?;

    let root_img = work.join("root.img");
    let mut mkfs = command(
        "mkfs.ext4",
        [
            "-q",
            "-F",
            "-L",
            "anlauf-root",
            "-U",
            &ids.root_fs,
            "-b",
            "4096",
        ],
    );
    mkfs.arg("-E")
        .arg(format!("root_owner=0:0,hash_seed={}", ids.root_fs))
        .arg("-d")
        .arg(root)
        .arg(&root_img)
        .arg(format!("{}M", layout.root_a.size_mib))
        .env("E2FSPROGS_FAKE_TIME", &epoch);
    run(&mut mkfs, "making the root file system")?;
    stamp_times(root, &root_img, work, plan.epoch)?;

    let content_img = work.join("content.img");
    let mut mkfs = command(
        "mkfs.ext4",
        [
            "-q",
            "-F",
            "-L",
            "anlauf-content",
            "-U",
            &ids.content_fs,
            "-b",
            "4096",
        ],
    );
    mkfs.arg("-E")
        .arg(format!("root_owner=0:0,hash_seed={}", ids.content_fs))
        .arg(&content_img)
        .arg(format!("{}M", layout.content.size_mib))
        .env("E2FSPROGS_FAKE_TIME", &epoch);
    run(&mut mkfs, "making the content file system")?;

    let _ = std::fs::remove_file(image);
    let file = std::fs::File::create(image).map_err(ImageError::io("making the image", image))?;
    file.set_len(layout.total_mib * MIB)
        .map_err(ImageError::io("sizing the image", image))?;
    drop(file);
    let mut sfdisk = command("sfdisk", ["--quiet", "--no-reread", "--no-tell-kernel"]);
    sfdisk.arg(image);
    run_with_input(
        &mut sfdisk,
        Some(layout.sfdisk_script(ids).as_bytes()),
        "partitioning the image",
    )?;

    copy_into(&esp, image, layout.esp.start_mib * MIB)?;
    copy_into(&root_img, image, layout.root_a.start_mib * MIB)?;
    copy_into(&content_img, image, layout.content.start_mib * MIB)?;
    // The BIOS boot code: syslinux's GPT MBR starts the partition marked
    // legacy BIOS bootable (the ESP). Only the first 440 bytes: the rest of
    // the sector is the protective MBR sfdisk wrote.
    let mbr = std::fs::read(SYSLINUX_GPTMBR).map_err(ImageError::io(
        "reading gptmbr.bin",
        Path::new(SYSLINUX_GPTMBR),
    ))?;
    let code = mbr
        .get(..440)
        .ok_or_else(|| ImageError::Root(format!("{SYSLINUX_GPTMBR} is shorter than 440 bytes")))?;
    let mut disk = std::fs::OpenOptions::new()
        .write(true)
        .open(image)
        .map_err(ImageError::io("opening the image", image))?;
    disk.write_all(code)
        .map_err(ImageError::io("writing the boot code", image))?;
    disk.sync_all()
        .map_err(ImageError::io("writing the image", image))?;
    for file in [&esp, &root_img, &content_img] {
        let _ = std::fs::remove_file(file);
    }
    Ok(())
}

/// Gives every inode of the root file system `image`, made from `root`,
/// the build's time ([`times`]).
fn stamp_times(root: &Path, image: &Path, work: &Path, epoch: u64) -> Result<(), ImageError> {
    let (commands, skipped) = times::debugfs_commands(root, epoch)?;
    if !skipped.is_empty() {
        tracing::warn!(
            files = skipped.len(),
            first = %skipped[0],
            "names debugfs cannot quote keep the build's time"
        );
    }
    let script = work.join("root-times.debugfs");
    std::fs::write(&script, commands)
        .map_err(ImageError::io("writing the time stamps", &script))?;
    let mut debugfs = command("debugfs", ["-w", "-f"]);
    debugfs
        .arg(&script)
        .arg(image)
        .env("E2FSPROGS_FAKE_TIME", epoch.to_string());
    let output = run(&mut debugfs, "setting the root's time stamps")?;
    // debugfs exits 0 whatever its commands did: anything on stderr but
    // its banner is a failed command.
    let stderr = String::from_utf8_lossy(&output.stderr);
    let failed: Vec<&str> = stderr
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with("debugfs "))
        .take(3)
        .collect();
    if !failed.is_empty() {
        return Err(ImageError::Program {
            what: "setting the root's time stamps".to_owned(),
            program: "debugfs".to_owned(),
            detail: failed.join("; "),
        });
    }
    let _ = std::fs::remove_file(&script);
    Ok(())
}

fn make_esp(root: &Path, esp: &Path, ids: &Ids, epoch: u64) -> Result<(), ImageError> {
    let _ = std::fs::remove_file(esp);
    let mut mkfs = command(
        "mkfs.vfat",
        // No volume label: mkfs.fat stamps its directory entry with the
        // time of the build. The partition is found by its GPT name.
        ["-F", "32", "-i", &ids.esp_volume, "-C"],
    );
    mkfs.arg(esp).arg((ESP_MIB * 1024).to_string());
    mkfs.env("SOURCE_DATE_EPOCH", epoch.to_string());
    run(&mut mkfs, "making the EFI system partition")?;

    let staging = esp.with_extension("d");
    let _ = std::fs::remove_dir_all(&staging);
    let put = |relative: &str, content: &[u8]| -> Result<(), ImageError> {
        let path = staging.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(ImageError::io("making a folder", parent))?;
        }
        std::fs::write(&path, content).map_err(ImageError::io("staging a boot file", &path))
    };
    let read = |relative: &str| -> Result<Vec<u8>, ImageError> {
        let path = root.join(relative);
        std::fs::read(&path).map_err(ImageError::io("reading a boot file", &path))
    };
    let kernel = kernel_name(FIRST_SLOT);
    let initrd = initrd_name(FIRST_SLOT);
    put(&kernel, &read("vmlinuz")?)?;
    put(&initrd, &read("initrd.img")?)?;
    put(
        "EFI/BOOT/BOOTX64.EFI",
        &read("usr/lib/systemd/boot/efi/systemd-bootx64.efi")?,
    )?;
    put("loader/loader.conf", loader_conf().as_bytes())?;
    put(
        &format!("loader/entries/anlauf-{FIRST_SLOT}.conf"),
        systemd_boot_entry(ids).as_bytes(),
    )?;
    put("syslinux/syslinux.cfg", syslinux_cfg(ids).as_bytes())?;
    times::settle(&staging, epoch)?;

    let mut mcopy = command("mcopy", ["-s", "-m", "-i"]);
    mcopy.arg(esp);
    for entry in [
        kernel.as_str(),
        initrd.as_str(),
        "EFI",
        "loader",
        "syslinux",
    ] {
        mcopy.arg(staging.join(entry));
    }
    mcopy.arg("::/");
    mcopy.env("MTOOLS_SKIP_CHECK", "1");
    run(&mut mcopy, "copying the boot files")?;
    let mut syslinux = command("syslinux", ["--install", "--directory", "/syslinux"]);
    syslinux.arg(esp);
    run(&mut syslinux, "installing syslinux")?;
    std::fs::remove_dir_all(&staging)
        .map_err(ImageError::io("removing the staging folder", &staging))?;
    Ok(())
}

/// Copies `part` into `image` at `offset`, skipping runs of zeros so the
/// image stays sparse.
fn copy_into(part: &Path, image: &Path, offset: u64) -> Result<(), ImageError> {
    let mut from =
        std::fs::File::open(part).map_err(ImageError::io("reading a file system", part))?;
    let mut to = std::fs::OpenOptions::new()
        .write(true)
        .open(image)
        .map_err(ImageError::io("opening the image", image))?;
    let mut buffer = vec![0u8; MIB as usize];
    let mut position = offset;
    loop {
        let mut filled = 0;
        while filled < buffer.len() {
            let n = from
                .read(&mut buffer[filled..])
                .map_err(ImageError::io("reading a file system", part))?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        if filled == 0 {
            break;
        }
        let chunk = &buffer[..filled];
        if chunk.iter().any(|&b| b != 0) {
            to.seek(SeekFrom::Start(position))
                .map_err(ImageError::io("writing the image", image))?;
            to.write_all(chunk)
                .map_err(ImageError::io("writing the image", image))?;
        }
        position += filled as u64;
        if filled < buffer.len() {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boot_files_and_entries_are_named_after_the_first_slot() {
        let ids = Ids::for_site("leipzig");
        assert!(loader_conf().starts_with("default anlauf-a.conf\n"));
        let entry = systemd_boot_entry(&ids);
        assert!(entry.contains("linux /vmlinuz-a\ninitrd /initrd-a.img\n"));
        assert!(entry.contains(&format!("root=PARTUUID={} ", ids.root_a)));
        let cfg = syslinux_cfg(&ids);
        assert!(cfg.contains("DEFAULT anlauf-a\n"));
        assert!(cfg.contains("LABEL anlauf-a\n  LINUX /vmlinuz-a\n  INITRD /initrd-a.img\n"));
        assert!(cfg.contains(&format!("APPEND root=PARTUUID={} ", ids.root_a)));
    }

    #[test]
    fn partitions_follow_each_other_aligned_and_fit_the_disk() {
        for (root_mib, min) in [(0, 0), (700, 0), (1900, 0), (700, 8192), (5000, 1024)] {
            let layout = Layout::for_root(root_mib * MIB, min);
            let parts = [layout.esp, layout.root_a, layout.root_b, layout.content];
            assert_eq!(parts[0].start_mib, 1);
            for pair in parts.windows(2) {
                assert_eq!(pair[0].end_mib(), pair[1].start_mib, "{layout:?}");
            }
            assert_eq!(layout.content.end_mib() + 1, layout.total_mib);
            assert!(layout.total_mib >= min);
            assert!(layout.root_a.size_mib * MIB >= root_mib * MIB * 3 / 2);
            assert!(layout.root_a.size_mib >= MIN_SLOT_MIB);
            assert_eq!(layout.root_a.size_mib, layout.root_b.size_mib);
            assert!(layout.content.size_mib >= CONTENT_MIB);
        }
    }

    #[test]
    fn the_sfdisk_script_names_every_partition_in_sectors() {
        let layout = Layout::for_root(700 * MIB, 0);
        let ids = Ids::for_site("leipzig");
        let script = layout.sfdisk_script(&ids);
        assert!(script.starts_with("label: gpt\n"));
        assert!(script.contains(&format!("start=2048, size={}, type={TYPE_ESP}", 256 * 2048)));
        assert!(script.contains("name=\"anlauf-content\""));
        assert!(script.contains("attrs=\"LegacyBIOSBootable\""));
        assert_eq!(script.matches("type=").count(), 4);
    }

    #[test]
    fn ids_are_stable_per_site_and_differ_between_sites() {
        let a = Ids::for_site("leipzig");
        assert_eq!(a, Ids::for_site("leipzig"));
        assert_ne!(a.root_a, Ids::for_site("halle").root_a);
        assert_ne!(a.root_a, a.root_b);
        assert_eq!(a.root_a.len(), 36);
        assert_eq!(&a.root_a[14..15], "4");
        assert_eq!(a.esp_volume.len(), 8);
    }

    /// debugfs's `stat` of `path` in `image`: the lines with times.
    fn inode_times(image: &Path, path: &str) -> String {
        let output = std::process::Command::new("debugfs")
            .arg("-R")
            .arg(format!("stat {path}"))
            .arg(image)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter(|line| line.contains("time:"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_root_file_system_carries_the_build_time_not_the_clock() {
        let epoch = 1_796_083_200;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir_all(root.join("etc")).unwrap();
        std::fs::write(root.join("etc/hostname"), "anlauf\n").unwrap();
        std::os::unix::fs::symlink("hostname", root.join("etc/name")).unwrap();
        let image = dir.path().join("root.img");
        let mut mkfs = command("mkfs.ext4", ["-q", "-F", "-d"]);
        mkfs.arg(&root)
            .arg(&image)
            .arg("8M")
            .env("E2FSPROGS_FAKE_TIME", epoch.to_string());
        run(&mut mkfs, "mkfs").unwrap();
        // mkfs.ext4 -d took the source's times (crtime is the fake one).
        assert!(!inode_times(&image, "/etc/hostname").contains("ctime: 0x6b0e0e00"));

        stamp_times(&root, &image, dir.path(), epoch).unwrap();
        for path in ["/", "/etc", "/etc/hostname", "/etc/name"] {
            let times = inode_times(&image, path);
            // 0x6b0e0e00 is the epoch: 2026-12-01 00:00 UTC.
            for field in [
                "ctime: 0x6b0e0e00",
                "atime: 0x6b0e0e00",
                "mtime: 0x6b0e0e00",
            ] {
                assert!(times.contains(field), "{path}: {field} in\n{times}");
            }
        }
        assert!(!dir.path().join("root-times.debugfs").exists());

        // A command debugfs refuses is an error, though debugfs exits 0.
        std::fs::write(root.join("etc/not-in-the-image"), "").unwrap();
        let error = stamp_times(&root, &image, dir.path(), epoch).unwrap_err();
        assert!(error.to_string().contains("time stamps"), "{error}");
    }
}

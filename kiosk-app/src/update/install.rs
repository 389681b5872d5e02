//! Installing an update into the other slot and switching the boot
//! loaders to it, in an order that a power loss at any moment cannot turn
//! into a device that does not boot: the running slot's files and the
//! default stay untouched until the new slot is complete and synced.

use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::apt;
use super::boot;
use super::disk::Disk;
use super::mirror;
use super::{Slot, UpdateError, run};

const BLOCK: usize = 4 << 20;

/// A `policy-rc.d` that forbids starting any service (Debian's
/// invoke-rc.d and deb-systemd-invoke ask it): nothing of the new slot runs
/// before it boots.
const POLICY_RC_D: &str =
    "#!/bin/sh\n# anlauf-update: no service starts inside the slot being updated.\nexit 101\n";

/// File systems mounted for an update, unmounted in reverse order.
#[derive(Debug, Default)]
struct Mounts(Vec<PathBuf>);

impl Mounts {
    fn mount(&mut self, args: &[&str], source: &str, point: &Path) -> Result<(), UpdateError> {
        std::fs::create_dir_all(point).map_err(UpdateError::io("making a mount point", point))?;
        let mut command = Command::new("mount");
        command.args(args).arg(source).arg(point);
        run(&mut command, "mounting", &[])?;
        self.0.push(point.to_owned());
        Ok(())
    }

    fn unmount_all(&mut self) -> Result<(), UpdateError> {
        while let Some(point) = self.0.pop() {
            let mut command = Command::new("umount");
            command.arg("-R").arg(&point);
            run(&mut command, "unmounting", &[])?;
        }
        Ok(())
    }
}

impl Drop for Mounts {
    fn drop(&mut self) {
        while let Some(point) = self.0.pop() {
            let unmounted = Command::new("umount")
                .args(["-R", "-l"])
                .arg(&point)
                .status()
                .is_ok_and(|s| s.success());
            if !unmounted {
                tracing::warn!(point = %point.display(), "could not unmount");
            }
        }
    }
}

/// The slot the boot loaders start by default when it is not the running
/// one: an update is installed and waits for a reboot.
pub fn pending(disk: &Disk, work: &Path) -> Result<Option<Slot>, UpdateError> {
    let mut mounts = Mounts::default();
    let esp = work.join("esp");
    mounts.mount(
        &["-t", "vfat", "-o", "ro"],
        &path_str(&disk.esp_device),
        &esp,
    )?;
    let read = |relative: &str| std::fs::read_to_string(esp.join(relative)).unwrap_or_default();
    let defaults = [
        boot::loader_default(&read(boot::LOADER_CONF)),
        boot::syslinux_default(&read(boot::SYSLINUX_CFG)),
    ];
    mounts.unmount_all()?;
    Ok(defaults
        .into_iter()
        .flatten()
        .find(|slot| *slot != disk.running))
}

/// Installs the update into the other slot and makes it the default:
/// copy, check, upgrade from the fetcher's `mirror` (which apt in the new
/// slot verifies against the site's key), boot files, switch. `work` is
/// the updater's runtime folder.
pub fn install(disk: &Disk, mirror: &Path, work: &Path) -> Result<(), UpdateError> {
    let target = disk.target();
    tracing::info!(from = %disk.running, to = %target, "copying the running slot onto the other");
    copy_partition(&disk.running_device, &disk.other_device)?;
    let mut fsck = Command::new("e2fsck");
    fsck.args(["-f", "-p"]).arg(&disk.other_device);
    // 1: errors were corrected; the copy is usable.
    run(&mut fsck, "checking the copy", &[1])?;

    let slot = work.join("slot");
    let mut mounts = Mounts::default();
    mounts.mount(&["-t", "ext4"], &path_str(&disk.other_device), &slot)?;
    let mut chroot = Mounts::default();
    chroot.mount(&["--rbind"], "/dev", &slot.join("dev"))?;
    chroot.mount(&["-t", "proc"], "proc", &slot.join("proc"))?;
    chroot.mount(&["--rbind"], "/sys", &slot.join("sys"))?;
    // A fresh /run: nothing in the slot reaches the running system's
    // sockets (its systemd, its bus) or runtime state.
    chroot.mount(
        &["-t", "tmpfs", "-o", "mode=0755"],
        "tmpfs",
        &slot.join("run"),
    )?;
    let policy = slot.join("usr/sbin/policy-rc.d");
    write_file(&policy, POLICY_RC_D.as_bytes(), 0o755)?;

    // The mirror, read-only, and the site's sources pointed at it; both on
    // the slot's fresh /run, so nothing of them stays in the slot.
    let site_sources = slot.join(apt::SOURCES.trim_start_matches('/'));
    let site = std::fs::read_to_string(&site_sources).map_err(UpdateError::io(
        "reading the update repository",
        &site_sources,
    ))?;
    let sources = mirror::file_sources(&site, mirror::MIRROR_IN_SLOT)?;
    write_file(
        &slot.join(mirror::SOURCES_IN_SLOT.trim_start_matches('/')),
        sources.as_bytes(),
        0o644,
    )?;
    chroot.mount(
        &["--bind", "-o", "ro"],
        &path_str(mirror),
        &slot.join(mirror::MIRROR_IN_SLOT.trim_start_matches('/')),
    )?;
    tracing::info!("checking the downloaded update against the site's key");
    apt::update_in(&slot)?;
    tracing::info!("upgrading the new slot");
    apt::upgrade_in(&slot)?;
    apt::clean_in(&slot)?;
    std::fs::remove_file(&policy).map_err(UpdateError::io("removing policy-rc.d", &policy))?;
    chroot.unmount_all()?;

    let kernel = inside(&slot, "vmlinuz")?;
    let initrd = inside(&slot, "initrd.img")?;
    let esp = work.join("esp");
    mounts.mount(&["-t", "vfat"], &path_str(&disk.esp_device), &esp)?;
    put_boot_files(disk, &esp, &kernel, &initrd)?;
    sync();
    mounts.unmount_all()?;
    sync();
    tracing::info!(slot = %target, "the new slot is the default from the next boot");
    Ok(())
}

/// Puts `target`'s kernel, initramfs and entries on the ESP, then switches
/// the defaults, each file written beside and renamed over the old one.
fn put_boot_files(
    disk: &Disk,
    esp: &Path,
    kernel: &Path,
    initrd: &Path,
) -> Result<(), UpdateError> {
    let running = disk.running;
    let target = disk.target();
    let read = |relative: &str| {
        let path = esp.join(relative);
        std::fs::read_to_string(&path).map_err(UpdateError::io("reading a boot file", &path))
    };
    let syslinux = read(boot::SYSLINUX_CFG)?;
    let running_options = read(&boot::entry_path(running))
        .ok()
        .and_then(|entry| boot::entry_options(&entry))
        .or_else(|| boot::syslinux_append(&syslinux, running))
        .ok_or_else(|| UpdateError::Boot(format!("no kernel command line for slot {running}")))?;
    let target_options = boot::with_root(&running_options, &disk.other_partuuid)
        .ok_or_else(|| UpdateError::Boot("the command line names no root=PARTUUID=".to_owned()))?;
    let syslinux_running =
        boot::syslinux_append(&syslinux, running).unwrap_or_else(|| running_options.clone());

    // The new slot's files: nothing boots them yet.
    let copy = |from: &Path, name: &str| -> Result<(), UpdateError> {
        let bytes = std::fs::read(from).map_err(UpdateError::io("reading a boot file", from))?;
        write_file(&esp.join(name), &bytes, 0o644)
    };
    copy(kernel, &boot::kernel_name(target))?;
    copy(initrd, &boot::initrd_name(target))?;
    write_file(
        &esp.join(boot::entry_path(target)),
        boot::systemd_boot_entry(target, &target_options).as_bytes(),
        0o644,
    )?;
    sync();

    // The switch, last: UEFI, then legacy BIOS.
    write_file(
        &esp.join(boot::LOADER_CONF),
        boot::loader_conf(target).as_bytes(),
        0o644,
    )?;
    let mut entries = vec![(running, syslinux_running), (target, target_options)];
    entries.sort_by_key(|(slot, _)| slot.name());
    write_file(
        &esp.join(boot::SYSLINUX_CFG),
        boot::syslinux_cfg(&entries, target).as_bytes(),
        0o644,
    )?;
    Ok(())
}

/// The file `name` of the slot mounted at `root` (`/vmlinuz`, a link into
/// `/boot`), with links resolved inside the slot.
fn inside(root: &Path, name: &str) -> Result<PathBuf, UpdateError> {
    let mut path = root.join(name);
    for _ in 0..8 {
        let Ok(target) = std::fs::read_link(&path) else {
            return Ok(path);
        };
        path = if target.is_absolute() {
            root.join(target.strip_prefix("/").unwrap_or(&target))
        } else {
            path.parent().unwrap_or(root).join(target)
        };
    }
    Err(UpdateError::Boot(format!(
        "/{name} in the new slot is a loop of links"
    )))
}

/// Writes `content` to `path` through a file beside it, synced, renamed over
/// `path`, and syncs the folder.
fn write_file(path: &Path, content: &[u8], mode: u32) -> Result<(), UpdateError> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let parent = path.parent().unwrap_or(Path::new("/"));
    std::fs::create_dir_all(parent).map_err(UpdateError::io("making a folder", parent))?;
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".new");
    let fresh = parent.join(name);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(&fresh)
        .map_err(UpdateError::io("writing a file", &fresh))?;
    file.write_all(content)
        .and_then(|()| file.sync_all())
        .map_err(UpdateError::io("writing a file", &fresh))?;
    drop(file);
    std::fs::rename(&fresh, path).map_err(UpdateError::io("renaming a file into place", path))?;
    std::fs::File::open(parent)
        .and_then(|dir| dir.sync_all())
        .map_err(UpdateError::io("syncing a folder", parent))
}

/// Copies the partition `from` block by block onto `to`, then flushes it.
fn copy_partition(from: &Path, to: &Path) -> Result<(), UpdateError> {
    let mut source =
        std::fs::File::open(from).map_err(UpdateError::io("opening the running slot", from))?;
    let mut target = std::fs::OpenOptions::new()
        .write(true)
        .open(to)
        .map_err(UpdateError::io("opening the other slot", to))?;
    let size = source
        .seek(SeekFrom::End(0))
        .and_then(|size| source.seek(SeekFrom::Start(0)).map(|_| size))
        .map_err(UpdateError::io("sizing the running slot", from))?;
    let room = target
        .seek(SeekFrom::End(0))
        .and_then(|room| target.seek(SeekFrom::Start(0)).map(|_| room))
        .map_err(UpdateError::io("sizing the other slot", to))?;
    if room < size {
        return Err(UpdateError::Disk(format!(
            "the other slot ({} MiB) is smaller than the running one ({} MiB)",
            room >> 20,
            size >> 20
        )));
    }
    let mut buffer = vec![0u8; BLOCK];
    let mut copied: u64 = 0;
    let mut reported = 0;
    loop {
        let n = source
            .read(&mut buffer)
            .map_err(UpdateError::io("reading the running slot", from))?;
        if n == 0 {
            break;
        }
        target
            .write_all(&buffer[..n])
            .map_err(UpdateError::io("writing the other slot", to))?;
        copied += n as u64;
        let percent = copied * 100 / size.max(1);
        if percent >= reported + 25 {
            reported = percent;
            tracing::info!(percent, "copying");
        }
    }
    target
        .sync_all()
        .map_err(UpdateError::io("flushing the other slot", to))
}

fn sync() {
    nix::unistd::sync();
}

fn path_str(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_inside_the_slot() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("boot")).unwrap();
        std::fs::write(root.path().join("boot/vmlinuz-6.12.0-1-amd64"), b"k").unwrap();
        std::os::unix::fs::symlink("boot/vmlinuz-6.12.0-1-amd64", root.path().join("vmlinuz"))
            .unwrap();
        std::os::unix::fs::symlink("/boot/vmlinuz-6.12.0-1-amd64", root.path().join("abs"))
            .unwrap();
        for name in ["vmlinuz", "abs"] {
            let found = inside(root.path(), name).unwrap();
            assert_eq!(std::fs::read(found).unwrap(), b"k");
        }
    }

    #[test]
    fn a_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("loader/loader.conf");
        write_file(&path, b"default anlauf-a.conf\n", 0o644).unwrap();
        write_file(&path, b"default anlauf-b.conf\n", 0o644).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"default anlauf-b.conf\n");
        assert!(!dir.path().join("loader/loader.conf.new").exists());
    }
}

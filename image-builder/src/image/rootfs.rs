//! The Debian root: `mmdebstrap` from Debian's archive with the base set,
//! the site's packages and the initramfs overlay script, then the device's
//! own settings (host name, time zone, mounts, no login prompts, network).

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use super::command::{command, run};
use super::{ImageError, Plan};

/// The Debian suite every image is made of.
pub const SUITE: &str = "trixie";

/// Packages every device has beside the Anlauf packages' own dependencies.
pub const BASE_PACKAGES: &[&str] = &[
    // Booting: the kernel, its initramfs, the UEFI boot loader's files.
    "linux-image-amd64",
    "initramfs-tools",
    "zstd",
    "systemd-boot-efi",
    // systemd as init, devices, the system bus.
    "systemd-sysv",
    "udev",
    "dbus",
    // Clock for TLS and signatures, the site's time zone, Wi-Fi,
    // certificates for HTTPS.
    "systemd-timesyncd",
    "tzdata",
    "iwd",
    "ca-certificates",
    // Checking and growing the content partition.
    "e2fsprogs",
    "fdisk",
    // Lets `image-builder boot-test` look inside a booted image. It starts
    // only inside a QEMU VM that offers its channel, never on real hardware.
    "qemu-guest-agent",
];

/// Files the initramfs needs before the kernel is installed.
const INITRAMFS_FILES: &[(&str, &str)] = &[
    (
        "etc/initramfs-tools/scripts/init-bottom/anlauf-overlay",
        include_str!("../../files/anlauf-overlay"),
    ),
    (
        "etc/initramfs-tools/hooks/anlauf-overlay",
        include_str!("../../files/anlauf-overlay-hook"),
    ),
];

/// Runs mmdebstrap into `root` (a directory).
pub fn bootstrap(plan: &Plan, work: &Path, root: &Path) -> Result<(), ImageError> {
    // The overlay script and its hook go in before the kernel, so the
    // kernel's first initramfs has them.
    let early = work.join("early");
    for (path, text) in INITRAMFS_FILES {
        write(&early.join(path), text.as_bytes(), 0o755)?;
    }

    let mut includes: Vec<String> = BASE_PACKAGES.iter().map(|p| (*p).to_owned()).collect();
    includes.extend(plan.archive_packages.iter().cloned());
    let mut mm = command(
        "mmdebstrap",
        [
            "--variant=apt",
            "--mode=root",
            "--format=directory",
            "--quiet",
            // Documentation, manuals and message translations of the system
            // are never read on a kiosk; also for later updates.
            "--dpkgopt=path-exclude=/usr/share/doc/*",
            "--dpkgopt=path-include=/usr/share/doc/*/copyright",
            "--dpkgopt=path-exclude=/usr/share/man/*",
            "--dpkgopt=path-exclude=/usr/share/info/*",
            "--dpkgopt=path-exclude=/usr/share/locale/*",
            "--hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount",
        ],
    );
    mm.arg(format!("--include={}", includes.join(",")));
    let mut mounted = Vec::new();
    for deb in &plan.packages {
        let absolute =
            std::fs::canonicalize(deb).map_err(ImageError::io("finding a package", deb))?;
        mm.arg(format!("--include={}", absolute.display()));
        mounted.push(absolute);
    }
    mm.arg(format!("--essential-hook=sync-in {} /", early.display()));
    if plan.snapshot.is_some() {
        mm.arg("--aptopt=Acquire::Check-Valid-Until \"false\"");
    }
    mm.env("SOURCE_DATE_EPOCH", plan.epoch.to_string());
    mm.arg(SUITE).arg(root);
    for line in plan.archive_lines() {
        mm.arg(line);
    }
    let made = run(&mut mm, "making the Debian root");
    // mmdebstrap can leave its bind mounts (the packages, /dev, /proc) in
    // the root; a CI run once found /proc there while other chroots were
    // being made. Nothing may stay mounted: the folder is removed after a
    // failure, and the file system is made from it as it is.
    unmount_below(root);
    made?;
    remove_mount_points(root, &mounted);
    Ok(())
}

/// Removes what mmdebstrap leaves of the local packages it mounted one by
/// one: an empty file for each at the build machine's path
/// (`/work/…/packages/x.deb`) and the folders up to it. Folders that a
/// package owns (`/tmp`) stay.
fn remove_mount_points(root: &Path, mounted: &[PathBuf]) {
    let mut owned = std::collections::HashSet::new();
    if let Ok(lists) = std::fs::read_dir(root.join("var/lib/dpkg/info")) {
        for list in lists.flatten() {
            if list.path().extension().is_some_and(|e| e == "list")
                && let Ok(text) = std::fs::read_to_string(list.path())
            {
                owned.extend(text.lines().map(PathBuf::from));
            }
        }
    }
    for deb in mounted {
        let Ok(relative) = deb.strip_prefix("/") else {
            continue;
        };
        let left = root.join(relative);
        if std::fs::symlink_metadata(&left).is_ok_and(|m| m.is_file() && m.len() == 0) {
            let _ = std::fs::remove_file(&left);
        }
        let Some(mut inside) = deb.parent() else {
            continue;
        };
        while inside != Path::new("/") && !owned.contains(inside) {
            let Ok(relative) = inside.strip_prefix("/") else {
                break;
            };
            match std::fs::remove_dir(root.join(relative)) {
                Ok(()) => {}
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                // Not empty: something else lives there.
                Err(_) => break,
            }
            let Some(parent) = inside.parent() else {
                break;
            };
            inside = parent;
        }
    }
}

/// Unmounts everything mounted at or below `root`, deepest first.
pub fn unmount_below(root: &Path) {
    let Ok(mounts) = std::fs::read_to_string("/proc/self/mounts") else {
        return;
    };
    let mut points: Vec<&str> = mounts
        .lines()
        .filter_map(|line| line.split(' ').nth(1))
        .filter(|point| Path::new(point).starts_with(root))
        .collect();
    points.sort_by_key(|point| std::cmp::Reverse(point.len()));
    for point in points {
        let status = std::process::Command::new("umount")
            .arg("--lazy")
            .arg(point)
            .status();
        if !status.is_ok_and(|s| s.success()) {
            tracing::warn!(point, "could not unmount a leftover of mmdebstrap");
        }
    }
}

/// The kernel command line of the boot entry of the root slot whose GPT
/// partition id is `root_partuuid`. The device's updater copies it for the
/// other slot, with only the `root=PARTUUID=` changed.
pub fn kernel_command_line(root_partuuid: &str) -> String {
    [
        &format!("root=PARTUUID={root_partuuid}"),
        "ro",
        "rootwait",
        "quiet",
        "loglevel=3",
        "vt.global_cursor_default=0",
        // The serial port is the last console: systemd's status lines go
        // there (boot tests read them), the screen stays for the kiosk.
        "console=tty1",
        "console=ttyS0,115200",
        "systemd.show_status=1",
        // No prompts, no automatic mounts from partition types, no login
        // prompts on any terminal.
        "systemd.firstboot=off",
        "systemd.gpt_auto=0",
        "systemd.getty_auto=0",
    ]
    .join(" ")
}

/// The device's own settings, written into the root after the packages.
pub fn customize(plan: &Plan, root: &Path) -> Result<(), ImageError> {
    let hostname = &plan.hostname;
    write(
        &root.join("etc/hostname"),
        format!("{hostname}\n").as_bytes(),
        0o644,
    )?;
    write(
        &root.join("etc/hosts"),
        format!("127.0.0.1\tlocalhost\n127.0.1.1\t{hostname}\n::1\tlocalhost ip6-localhost ip6-loopback\n")
            .as_bytes(),
        0o644,
    )?;
    // A fresh machine id at every boot: the device keeps nothing of a boot.
    write(&root.join("etc/machine-id"), b"", 0o444)?;
    let zoneinfo = Path::new("/usr/share/zoneinfo").join(&plan.timezone);
    if !root
        .join(zoneinfo.strip_prefix("/").unwrap_or(&zoneinfo))
        .exists()
    {
        return Err(ImageError::Root(format!(
            "no time zone {} in the root",
            plan.timezone
        )));
    }
    symlink(&zoneinfo, &root.join("etc/localtime"))?;
    write(
        &root.join("etc/timezone"),
        format!("{}\n", plan.timezone).as_bytes(),
        0o644,
    )?;

    write(&root.join("etc/fstab"), fstab().as_bytes(), 0o644)?;
    std::fs::create_dir_all(root.join("var/lib/anlauf"))
        .map_err(ImageError::io("making the content mount point", root))?;

    // The content partition grows to the disk before it is mounted.
    write(
        &root.join("usr/lib/anlauf/grow-content"),
        include_bytes!("../../files/grow-content"),
        0o755,
    )?;
    write(
        &root.join("etc/systemd/system/anlauf-grow-content.service"),
        include_bytes!("../../files/anlauf-grow-content.service"),
        0o644,
    )?;
    symlink(
        Path::new("/etc/systemd/system/anlauf-grow-content.service"),
        &root.join("etc/systemd/system/var-lib-anlauf.mount.requires/anlauf-grow-content.service"),
    )?;

    // Never a login prompt: no getty on any terminal or serial port.
    for unit in [
        "getty@.service",
        "serial-getty@.service",
        "autovt@.service",
        "console-getty.service",
        "getty.target",
    ] {
        symlink(
            Path::new("/dev/null"),
            &root.join("etc/systemd/system").join(unit),
        )?;
    }

    // Wired and wireless networks by DHCP; iwd joins the site's Wi-Fi.
    write(
        &root.join("etc/systemd/network/20-anlauf-wired.network"),
        b"[Match]\nType=ether\n\n[Network]\nDHCP=yes\n",
        0o644,
    )?;
    write(
        &root.join("etc/systemd/network/25-anlauf-wireless.network"),
        b"[Match]\nType=wlan\n\n[Network]\nDHCP=yes\nIgnoreCarrierLoss=3s\n",
        0o644,
    )?;
    symlink(
        Path::new("/usr/lib/systemd/system/systemd-networkd.service"),
        &root.join("etc/systemd/system/multi-user.target.wants/systemd-networkd.service"),
    )?;

    // Debian's own archive for security updates beside the site's.
    let _ = std::fs::remove_file(root.join("etc/apt/sources.list"));
    write(
        &root.join("etc/apt/sources.list.d/debian.sources"),
        debian_sources(&plan.mirror).as_bytes(),
        0o644,
    )?;

    for file in &plan.files {
        let relative = file.path.trim_start_matches('/');
        write(&root.join(relative), &file.content, file.mode)?;
    }

    // What a build leaves behind that a device must not carry.
    for dir in [
        "var/log",
        "var/cache/apt",
        "var/lib/apt/lists",
        "tmp",
        "var/tmp",
    ] {
        empty_dir(&root.join(dir))?;
    }
    for key in [
        "ssh_host_rsa_key",
        "ssh_host_ecdsa_key",
        "ssh_host_ed25519_key",
    ] {
        for suffix in ["", ".pub"] {
            let _ = std::fs::remove_file(root.join("etc/ssh").join(format!("{key}{suffix}")));
        }
    }

    // The boot files the disk needs.
    let boot = root.join("boot");
    for name in ["vmlinuz", "initrd.img"] {
        if !boot.join(name).exists() && !root.join(name).exists() {
            return Err(ImageError::Root(format!(
                "no /{name} (the kernel package is missing)"
            )));
        }
    }
    if !root
        .join("usr/lib/systemd/boot/efi/systemd-bootx64.efi")
        .is_file()
    {
        return Err(ImageError::Root(
            "no systemd-bootx64.efi (systemd-boot-efi)".to_owned(),
        ));
    }
    Ok(())
}

/// The mounts of a device: the root comes from the initramfs (read-only
/// with its overlay); only the content partition persists.
pub fn fstab() -> String {
    "# Anlauf: the root is mounted read-only by the initramfs, with a tmpfs laid\n\
     # over it; a reboot forgets everything written at run time. Only the content\n\
     # store persists, on its own partition, grown to the disk on the first boot.\n\
     PARTLABEL=anlauf-content /var/lib/anlauf ext4 defaults,nodev,nosuid,noexec,x-systemd.growfs 0 2\n"
        .to_owned()
}

/// Debian's sources for a device (deb822).
pub fn debian_sources(mirror: &str) -> String {
    format!(
        "Types: deb\nURIs: {mirror}\nSuites: {SUITE} {SUITE}-updates\nComponents: main\n\
         Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n\
         Types: deb\nURIs: http://security.debian.org/debian-security\nSuites: {SUITE}-security\n\
         Components: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
    )
}

fn write(path: &Path, content: &[u8], mode: u32) -> Result<(), ImageError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(ImageError::io("making a folder", parent))?;
    }
    // A link (etc/hostname may be one) is replaced, not followed.
    if path.is_symlink() {
        std::fs::remove_file(path).map_err(ImageError::io("replacing a link", path))?;
    }
    std::fs::write(path, content).map_err(ImageError::io("writing a file of the root", path))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(ImageError::io("setting a file's mode", path))
}

fn symlink(target: &Path, link: &Path) -> Result<(), ImageError> {
    if let Some(parent) = link.parent() {
        std::fs::create_dir_all(parent).map_err(ImageError::io("making a folder", parent))?;
    }
    if link.symlink_metadata().is_ok() {
        std::fs::remove_file(link).map_err(ImageError::io("replacing a link", link))?;
    }
    std::os::unix::fs::symlink(target, link).map_err(ImageError::io("making a link", link))
}

fn empty_dir(dir: &Path) -> Result<(), ImageError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(ImageError::io("emptying a folder", &path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_machines_package_folders_leave_no_trace_but_owned_folders_stay() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in [
            "work/main/out/packages",
            "tmp/build/debs",
            "var/lib/dpkg/info",
        ] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        // mmdebstrap's mount points: an empty file for each package.
        for deb in [
            "work/main/out/packages/a.deb",
            "work/main/out/packages/b.deb",
            "tmp/build/debs/c.deb",
        ] {
            std::fs::write(root.join(deb), "").unwrap();
        }
        std::fs::create_dir_all(root.join("work/keep")).unwrap();
        std::fs::write(root.join("work/keep/file"), "").unwrap();
        std::fs::write(
            root.join("var/lib/dpkg/info/base-files.list"),
            "/.\n/tmp\n/var\n",
        )
        .unwrap();
        remove_mount_points(
            root,
            &[
                PathBuf::from("/work/main/out/packages/a.deb"),
                PathBuf::from("/work/main/out/packages/b.deb"),
                PathBuf::from("/tmp/build/debs/c.deb"),
            ],
        );
        assert!(!root.join("work/main").exists());
        // Not empty: stays.
        assert!(root.join("work/keep/file").exists());
        assert!(!root.join("tmp/build").exists());
        // Owned by a package, though empty: stays.
        assert!(root.join("tmp").is_dir());
    }
}

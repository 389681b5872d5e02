//! The ESP's boot files, as `image-builder` writes them for slot a and the
//! updater for either slot: systemd-boot's `loader/loader.conf` and
//! `loader/entries/anlauf-<slot>.conf` (UEFI), syslinux's
//! `syslinux/syslinux.cfg` (legacy BIOS). Pure text in, text out.

use super::Slot;

/// systemd-boot's settings, relative to the ESP.
pub const LOADER_CONF: &str = "loader/loader.conf";
/// syslinux's settings, relative to the ESP.
pub const SYSLINUX_CFG: &str = "syslinux/syslinux.cfg";

/// The systemd-boot entry of `slot`, relative to the ESP.
pub fn entry_path(slot: Slot) -> String {
    format!("loader/entries/anlauf-{slot}.conf")
}

/// The kernel of `slot` on the ESP.
pub fn kernel_name(slot: Slot) -> String {
    format!("vmlinuz-{slot}")
}

/// The initramfs of `slot` on the ESP.
pub fn initrd_name(slot: Slot) -> String {
    format!("initrd-{slot}.img")
}

/// systemd-boot's entry of `slot` with the kernel command line `options`.
pub fn systemd_boot_entry(slot: Slot, options: &str) -> String {
    format!(
        "title Anlauf ({slot})\nlinux /{}\ninitrd /{}\noptions {options}\n",
        kernel_name(slot),
        initrd_name(slot)
    )
}

/// systemd-boot's settings with `default` booted: no menu, no editing.
pub fn loader_conf(default: Slot) -> String {
    format!(
        "default anlauf-{default}.conf\ntimeout 0\neditor no\nauto-entries no\nauto-firmware no\n"
    )
}

/// syslinux's settings: a label for each of `entries` (slot, kernel command
/// line), `default` booted, no menu, no prompt, no editing.
pub fn syslinux_cfg(entries: &[(Slot, String)], default: Slot) -> String {
    let mut text = format!(
        "# Anlauf on legacy BIOS machines: no menu, no prompt, no editing.\n\
         DEFAULT anlauf-{default}\nPROMPT 0\nTIMEOUT 0\nNOESCAPE 1\n"
    );
    for (slot, options) in entries {
        text.push_str(&format!(
            "LABEL anlauf-{slot}\n  LINUX /{}\n  INITRD /{}\n  APPEND {options}\n",
            kernel_name(*slot),
            initrd_name(*slot)
        ));
    }
    text
}

/// The kernel command line of a systemd-boot entry.
pub fn entry_options(entry: &str) -> Option<String> {
    entry
        .lines()
        .find_map(|line| line.trim().strip_prefix("options "))
        .map(|options| options.trim().to_owned())
}

/// The slot systemd-boot boots by default.
pub fn loader_default(conf: &str) -> Option<Slot> {
    conf.lines()
        .find_map(|line| line.trim().strip_prefix("default "))
        .and_then(|entry| entry.trim().strip_prefix("anlauf-"))
        .and_then(|rest| rest.strip_suffix(".conf"))
        .and_then(Slot::from_name)
}

/// The slot syslinux boots by default.
pub fn syslinux_default(cfg: &str) -> Option<Slot> {
    cfg.lines()
        .find_map(|line| line.trim().strip_prefix("DEFAULT "))
        .and_then(|label| label.trim().strip_prefix("anlauf-"))
        .and_then(Slot::from_name)
}

/// The kernel command line of `slot`'s label in syslinux's settings.
pub fn syslinux_append(cfg: &str, slot: Slot) -> Option<String> {
    let label = format!("LABEL anlauf-{slot}");
    let mut lines = cfg.lines().skip_while(|line| line.trim() != label).skip(1);
    lines
        .by_ref()
        .take_while(|line| !line.trim().starts_with("LABEL "))
        .find_map(|line| line.trim().strip_prefix("APPEND "))
        .map(|options| options.trim().to_owned())
}

/// `options` with its root (`root=PARTUUID=...`) replaced by `partuuid`;
/// `None` when it names no root by partition id.
pub fn with_root(options: &str, partuuid: &str) -> Option<String> {
    let mut found = false;
    let words: Vec<String> = options
        .split_whitespace()
        .map(|word| {
            if word.starts_with("root=PARTUUID=") {
                found = true;
                format!("root=PARTUUID={partuuid}")
            } else {
                word.to_owned()
            }
        })
        .collect();
    found.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTIONS: &str = "root=PARTUUID=1111 ro rootwait quiet console=ttyS0,115200";

    #[test]
    fn entries_name_the_slots_files_and_round_trip() {
        let entry = systemd_boot_entry(Slot::B, OPTIONS);
        assert!(entry.contains("linux /vmlinuz-b\ninitrd /initrd-b.img\n"));
        assert_eq!(entry_options(&entry).as_deref(), Some(OPTIONS));
        assert_eq!(entry_path(Slot::B), "loader/entries/anlauf-b.conf");
        assert_eq!(loader_default(&loader_conf(Slot::B)), Some(Slot::B));
        assert_eq!(loader_default(&loader_conf(Slot::A)), Some(Slot::A));
        assert_eq!(loader_default("default anlauf.conf\n"), None);
    }

    #[test]
    fn syslinux_keeps_both_labels_and_switches_the_default() {
        let b = with_root(OPTIONS, "2222").unwrap();
        let cfg = syslinux_cfg(
            &[(Slot::A, OPTIONS.to_owned()), (Slot::B, b.clone())],
            Slot::B,
        );
        assert_eq!(syslinux_default(&cfg), Some(Slot::B));
        assert_eq!(syslinux_append(&cfg, Slot::A).as_deref(), Some(OPTIONS));
        assert_eq!(syslinux_append(&cfg, Slot::B), Some(b));
        assert!(cfg.contains("LABEL anlauf-b\n  LINUX /vmlinuz-b\n  INITRD /initrd-b.img\n"));
        assert!(cfg.contains("PROMPT 0\nTIMEOUT 0\nNOESCAPE 1\n"));
    }

    #[test]
    fn reads_what_the_image_builder_writes() {
        let image = "# Anlauf on legacy BIOS machines: no menu, no prompt, no editing.\n\
                     DEFAULT anlauf-a\nPROMPT 0\nTIMEOUT 0\nNOESCAPE 1\n\
                     LABEL anlauf-a\n  LINUX /vmlinuz-a\n  INITRD /initrd-a.img\n  APPEND root=PARTUUID=1111 ro\n";
        assert_eq!(syslinux_default(image), Some(Slot::A));
        assert_eq!(
            syslinux_append(image, Slot::A).as_deref(),
            Some("root=PARTUUID=1111 ro")
        );
        assert_eq!(syslinux_append(image, Slot::B), None);
        let loader =
            "default anlauf-a.conf\ntimeout 0\neditor no\nauto-entries no\nauto-firmware no\n";
        assert_eq!(loader_default(loader), Some(Slot::A));
        assert_eq!(loader, loader_conf(Slot::A));
    }

    #[test]
    fn only_the_root_word_changes() {
        assert_eq!(
            with_root(OPTIONS, "2222").as_deref(),
            Some("root=PARTUUID=2222 ro rootwait quiet console=ttyS0,115200")
        );
        assert_eq!(with_root("root=/dev/sda2 ro", "2222"), None);
    }
}

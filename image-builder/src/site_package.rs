//! The site's own Debian package, `anlauf-site-<name>`: the site file and
//! everything made from it that a device needs (content server and its
//! trusted root, the update repository and its key, Wi-Fi networks, SSH
//! for IT staff, screen rotation). It is published in the site's apt
//! repository with the other packages, so a changed site file reaches the
//! devices as an update.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use anlauf_site::Site;

use crate::repo;

/// Why the site package could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SitePackageError {
    /// A file could not be read or written.
    #[error("{what} ({path}): {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// dpkg-deb failed.
    #[error("dpkg-deb --build failed: {0}")]
    Build(String),
}

fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> SitePackageError {
    let what = what.to_owned();
    let path = path.to_owned();
    move |source| SitePackageError::Io { what, path, source }
}

/// The package's name for a site: `anlauf-site-` and the host name's
/// letters.
pub fn package_name(site: &Site) -> String {
    let slug: String = site
        .hostname()
        .trim_start_matches("anlauf-")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    format!(
        "anlauf-site-{}",
        if slug.is_empty() {
            "default".to_owned()
        } else {
            slug
        }
    )
}

/// One file of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageFile {
    /// Absolute path on the device.
    pub path: String,
    /// Content.
    pub content: Vec<u8>,
    /// Mode.
    pub mode: u32,
    /// Whether dpkg treats it as a configuration file (kept when changed
    /// by hand).
    pub conffile: bool,
}

/// The iwd file name of a network: the name itself when it is plain,
/// otherwise `=` and its bytes in hex (iwd's rule).
pub fn iwd_file_name(ssid: &str, open: bool) -> String {
    let plain = ssid
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ' ');
    let base = if plain {
        ssid.to_owned()
    } else {
        format!("={}", hex::encode(ssid.as_bytes()))
    };
    format!("{base}.{}", if open { "open" } else { "psk" })
}

/// The drop-in that puts the device's update timer (`anlauf-update.timer`,
/// package anlauf-kiosk) into the site's update window.
pub const UPDATE_TIMER_DROP_IN: &str =
    "/usr/lib/systemd/system/anlauf-update.timer.d/anlauf-site.conf";

/// The update timer's drop-in for `window`: it fires at the window's start
/// (local time), each device after its own random delay within the first
/// half of the window, so that a fleet does not arrive at once and each
/// device has the rest of the window to finish.
pub fn update_timer(window: &anlauf_site::UpdateWindow) -> String {
    let delay = (window.minutes() / 2).max(1);
    format!(
        "# Made from update.window in the site file ({window}).\n[Timer]\nOnCalendar=\n\
         OnCalendar=*-*-* {}:00\nRandomizedDelaySec={delay}min\n",
        window.start
    )
}

/// Every file of the site package. `site_text` is the site file as
/// written; `trusted_root` the content of the TUF root when content comes
/// from a server; `keyring` the update repository's public key.
pub fn files(
    site: &Site,
    site_text: &str,
    trusted_root: Option<&[u8]>,
    keyring: &[u8],
) -> Vec<PackageFile> {
    let file = |path: &str, content: Vec<u8>, mode: u32, conffile: bool| PackageFile {
        path: path.to_owned(),
        content,
        mode,
        conffile,
    };
    // The site file holds Wi-Fi passphrases and the assist PIN's hash:
    // readable by root and the kiosk's group only (postinst sets the group).
    let mut files = vec![file(
        "/etc/anlauf/site.toml",
        site_text.as_bytes().to_vec(),
        0o640,
        true,
    )];
    if let (Some(url), Some(root)) = (&site.content.url, trusted_root) {
        files.push(file(
            "/etc/anlauf/content-root.json",
            root.to_vec(),
            0o644,
            true,
        ));
        files.push(file(
            "/etc/anlauf/content-sync.env",
            format!(
                "ANLAUF_CONTENT_URL={url}\nANLAUF_CONTENT_ROOT=/etc/anlauf/content-root.json\n"
            )
            .into_bytes(),
            0o644,
            true,
        ));
    }
    if let Some(url) = &site.update.url {
        files.push(file(
            "/etc/apt/sources.list.d/anlauf.sources",
            repo::sources_file(
                url,
                crate::image::rootfs::SUITE,
                repo::KEYRING_PATH_ON_DEVICE,
            )
            .into_bytes(),
            0o644,
            true,
        ));
        files.push(file(
            repo::KEYRING_PATH_ON_DEVICE,
            keyring.to_vec(),
            0o644,
            false,
        ));
        files.push(file(
            UPDATE_TIMER_DROP_IN,
            update_timer(&site.update.window).into_bytes(),
            0o644,
            false,
        ));
    }
    for network in &site.wifi.networks {
        let name = iwd_file_name(&network.ssid, network.psk.is_none());
        let content = match &network.psk {
            Some(psk) => format!("[Security]\nPassphrase={psk}\n"),
            None => "[Settings]\nAutoConnect=true\n".to_owned(),
        };
        files.push(file(
            &format!("/var/lib/iwd/{name}"),
            content.into_bytes(),
            0o600,
            false,
        ));
    }
    // The screen's rotation, read by the kiosk's sway.
    let transform = match site.display.rotation {
        90 | 180 | 270 => site.display.rotation.to_string(),
        _ => "normal".to_owned(),
    };
    files.push(file(
        "/etc/anlauf/sway/display.conf",
        format!("# Made from display.rotation in the site file.\noutput * transform {transform}\n")
            .into_bytes(),
        0o644,
        false,
    ));
    if site.ssh.enabled {
        files.push(file(
            "/etc/ssh/sshd_config.d/anlauf.conf",
            b"# Anlauf: IT staff log in as root with their keys only.\n\
              PasswordAuthentication no\nKbdInteractiveAuthentication no\n\
              PermitRootLogin prohibit-password\nAuthorizedKeysFile /etc/anlauf/ssh/authorized_keys\n\
              X11Forwarding no\nAllowTcpForwarding no\n"
                .to_vec(),
            0o644,
            true,
        ));
        let mut keys = site.ssh.authorized_keys.join("\n");
        keys.push('\n');
        files.push(file(
            "/etc/anlauf/ssh/authorized_keys",
            keys.into_bytes(),
            0o644,
            false,
        ));
    }
    files
}

/// Builds the package into `out`; returns the `.deb`.
pub fn build(
    site: &Site,
    files: &[PackageFile],
    version: &str,
    work: &Path,
    out: &Path,
) -> Result<PathBuf, SitePackageError> {
    let name = package_name(site);
    let tree = work.join(&name);
    if tree.exists() {
        std::fs::remove_dir_all(&tree).map_err(io("clearing the package tree", &tree))?;
    }
    let debian = tree.join("DEBIAN");
    std::fs::create_dir_all(&debian).map_err(io("making the package tree", &debian))?;
    for file in files {
        let path = tree.join(file.path.trim_start_matches('/'));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io("making a folder", parent))?;
        }
        std::fs::write(&path, &file.content).map_err(io("writing a package file", &path))?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(file.mode))
            .map_err(io("setting a mode", &path))?;
    }
    let mut depends = vec!["anlauf-kiosk", "anlauf-content-sync"];
    if site.ssh.enabled {
        depends.push("openssh-server");
    }
    if !site.wifi.networks.is_empty() {
        depends.push("iwd");
    }
    let control = format!(
        "Package: {name}\nVersion: {version}\nArchitecture: all\nMaintainer: Anlauf image builder <anlauf@example.invalid>\n\
         Section: misc\nPriority: optional\nDepends: {}\n\
         Description: Anlauf site configuration for {}\n The site file and what is made from it: content server, update\n repository, Wi-Fi, SSH, screen rotation. Made by image-builder.\n",
        depends.join(", "),
        site.name.replace('\n', " ")
    );
    write(&debian.join("control"), control.as_bytes(), 0o644)?;
    let conffiles: String = files
        .iter()
        .filter(|f| f.conffile)
        .map(|f| format!("{}\n", f.path))
        .collect();
    write(&debian.join("conffiles"), conffiles.as_bytes(), 0o644)?;
    write(
        &debian.join("postinst"),
        b"#!/bin/sh\n# The kiosk reads the site file; nobody else but root may.\nset -e\n\
          if [ \"$1\" = configure ] && getent group anlauf-kiosk >/dev/null; then\n\
          \tchgrp anlauf-kiosk /etc/anlauf/site.toml\nfi\n",
        0o755,
    )?;
    std::fs::create_dir_all(out).map_err(io("making the packages folder", out))?;
    let deb = out.join(format!("{name}_{version}_all.deb"));
    let output = std::process::Command::new("dpkg-deb")
        .args(["--root-owner-group", "-Zxz", "--build"])
        .arg(&tree)
        .arg(&deb)
        .output()
        .map_err(io("running dpkg-deb", &deb))?;
    if !output.status.success() {
        return Err(SitePackageError::Build(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ));
    }
    Ok(deb)
}

fn write(path: &Path, content: &[u8], mode: u32) -> Result<(), SitePackageError> {
    std::fs::write(path, content).map_err(io("writing a package file", path))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(io("setting a mode", path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_update_timer_opens_with_the_window_and_spreads_over_its_first_half() {
        let window = anlauf_site::UpdateWindow {
            start: anlauf_site::TimeOfDay {
                hour: 1,
                minute: 30,
            },
            end: anlauf_site::TimeOfDay { hour: 4, minute: 0 },
        };
        let text = update_timer(&window);
        assert!(text.contains("[Timer]\nOnCalendar=\nOnCalendar=*-*-* 01:30:00\n"));
        assert!(text.contains("RandomizedDelaySec=75min\n"));
    }

    #[test]
    fn iwd_names_plain_networks_by_name_and_others_in_hex() {
        assert_eq!(
            iwd_file_name("Tagestreff Gast", false),
            "Tagestreff Gast.psk"
        );
        assert_eq!(iwd_file_name("Café", true), "=436166c3a9.open");
        assert_eq!(iwd_file_name("a/b", false), "=612f62.psk");
    }
}

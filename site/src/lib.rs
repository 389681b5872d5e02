//! The site file of Anlauf: one TOML file describes a site (its name and
//! place, languages, screen, printing, assist PIN, content and update
//! sources, Wi-Fi, SSH, and how its disk image is built). IT staff check it
//! on their laptop with `image-builder check`; the image installs it on every
//! device as `/etc/anlauf/site.toml`, where the kiosk reads it.
//!
//! - [`schema`]: the one table of settings (section, key, type, default,
//!   help); the docs and `image-builder config` are made from it.
//! - [`parse`] and [`load`]: the kiosk's lenient reading. A bad value falls
//!   back to its default and is reported with key and line; the kiosk never
//!   stops over its site file.
//! - [`parse_strict`] and [`check`]: the image builder's strict reading.
//!   Every problem at once, each with key and line (`site.toml:7:
//!   ssh.authorized_keys: …`), including files named by the site that are
//!   missing on the build machine; a [`Site`] only when there is none.
//! - [`pin`]: hashing and verifying the assist-mode PIN.
//!
//! [`Site`] holds every setting, typed: `[section] key` is
//! `site.section.key`, the keys of `[site]` are on `Site` itself, and
//! [`Site::hostname`] resolves the device's host name.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = std::env::temp_dir().join(format!("anlauf-site-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir)?;
//! # let path = dir.join("site.toml");
//! # std::fs::write(&path, "[site]\nname = \"Tagestreff Ost\"\n\n[[wifi.network]]\nssid = \"Treff\"\npsk = \"eine lange Passphrase\"\n")?;
//! let site = match anlauf_site::check(&path) {
//!     Ok(site) => site,
//!     Err(problems) => {
//!         // One line per problem: FILE:LINE: key: message
//!         eprintln!("{problems}");
//!         return Err(problems.into());
//!     }
//! };
//! assert_eq!(site.name, "Tagestreff Ost");
//! assert_eq!(site.hostname(), "anlauf-tagestreff-ost");
//! assert_eq!(site.system.timezone, "Europe/Berlin");
//! assert_eq!(site.wifi.networks[0].ssid, "Treff");
//! assert_eq!(site.update.window.to_string(), "02:00-05:00");
//! assert_eq!(site.image.size_mb, 4096);
//! assert!(!site.ssh.enabled);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok(())
//! # }
//! ```

mod file;
mod kind;
mod model;
mod parse;
pub mod pin;
mod rules;
pub mod schema;
pub mod section;

pub use file::{DEFAULT_PATH, Problems, check, load};
pub use model::{Site, TimeOfDay, UpdateWindow, WifiNetwork};
pub use parse::{InFile, Parsed, Problem, parse, parse_strict};

#[cfg(test)]
mod tests;

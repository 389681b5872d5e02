//! [`Site`]: everything one site file says, typed, with the defaults of the
//! settings table where the file is silent.

use std::fmt;
use std::path::PathBuf;

use crate::section::{
    Assist, Content, Display, Image, Input, Languages, Print, Session, SlipPaper, Speech, Ssh,
    System, Update, Wifi,
};

/// A site file, read and checked. `[section] key` is the field
/// `site.section.key`; the keys of `[site]` are fields of `Site` itself.
///
/// Every field holds a good value: the file's where it was good, the
/// setting's default otherwise (or, from [`check`](crate::check), no `Site`
/// at all while any problem is left).
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// `site.name`: the place's name, never empty.
    pub name: String,
    /// `site.address`: the postal address in one line, or empty.
    pub address: String,
    /// `site.latitude`: degrees north.
    pub latitude: f64,
    /// `site.longitude`: degrees east.
    pub longitude: f64,
    /// `[languages]`.
    pub languages: Languages,
    /// `[session]`.
    pub session: Session,
    /// `[display]`.
    pub display: Display,
    /// `[input]`.
    pub input: Input,
    /// `[speech]`.
    pub speech: Speech,
    /// `[print]`.
    pub print: Print,
    /// `[assist]`.
    pub assist: Assist,
    /// `[content]`.
    pub content: Content,
    /// `[system]`; the host name to use is [`Site::hostname`].
    pub system: System,
    /// `[update]`.
    pub update: Update,
    /// `[[wifi.network]]`.
    pub wifi: Wifi,
    /// `[ssh]`.
    pub ssh: Ssh,
    /// `[image]`.
    pub image: Image,
}

impl Default for Site {
    /// Every setting at the default of the settings table (a test parses the
    /// generated reference to check that the two agree).
    fn default() -> Self {
        Site {
            name: "Anlauf".to_owned(),
            address: String::new(),
            latitude: 51.3397,
            longitude: 12.3731,
            languages: Languages {
                enabled: crate::schema::LANGUAGE_TAGS
                    .iter()
                    .map(|tag| (*tag).to_owned())
                    .collect(),
                default: "de".to_owned(),
            },
            session: Session {
                idle_seconds: 120,
                countdown_seconds: 30,
            },
            display: Display {
                dpi: 96.0,
                rotation: 0,
                font_dir: PathBuf::from("/usr/share/fonts/truetype/noto"),
            },
            input: Input {
                device_dir: PathBuf::from("/dev/input"),
            },
            speech: Speech { socket: None },
            print: Print {
                slip_paper: SlipPaper::A4,
                quota_pages: 10,
            },
            assist: Assist { pin_hash: None },
            content: Content {
                store: PathBuf::from("/var/lib/anlauf/content"),
                url: None,
                trusted_root: None,
            },
            system: System {
                timezone: "Europe/Berlin".to_owned(),
                hostname: None,
            },
            update: Update {
                url: None,
                window: UpdateWindow {
                    start: TimeOfDay { hour: 2, minute: 0 },
                    end: TimeOfDay { hour: 5, minute: 0 },
                },
            },
            wifi: Wifi {
                networks: Vec::new(),
            },
            ssh: Ssh {
                enabled: false,
                authorized_keys: Vec::new(),
            },
            image: Image {
                mirror: "http://deb.debian.org/debian".to_owned(),
                snapshot: None,
                size_mb: 4096,
            },
        }
    }
}

impl Site {
    /// The device's host name: `system.hostname` when set, else "anlauf-"
    /// and a slug of the site's name ("Tagestreff Mitte" ->
    /// "anlauf-tagestreff-mitte"); always a valid RFC 1123 label.
    pub fn hostname(&self) -> String {
        match &self.system.hostname {
            Some(hostname) => hostname.clone(),
            None => crate::rules::hostname_from_name(&self.name),
        }
    }
}

/// One Wi-Fi network the device joins.
#[derive(Clone, PartialEq, Eq)]
pub struct WifiNetwork {
    /// The network's name, 1 to 32 bytes.
    pub ssid: String,
    /// The WPA passphrase, 8 to 63 printable ASCII characters; `None` for an
    /// open network.
    pub psk: Option<String>,
}

impl fmt::Debug for WifiNetwork {
    /// Never shows the passphrase (logs and test output stay clean).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WifiNetwork")
            .field("ssid", &self.ssid)
            .field("psk", &self.psk.as_ref().map(|_| "(hidden)"))
            .finish()
    }
}

/// A time of day, local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeOfDay {
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
}

impl fmt::Display for TimeOfDay {
    /// `HH:MM`, as systemd's `OnCalendar=` takes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// The daily window in which devices install updates, local time. It may
/// cross midnight (`end` before `start`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpdateWindow {
    /// When the window opens.
    pub start: TimeOfDay,
    /// When it closes.
    pub end: TimeOfDay,
}

impl UpdateWindow {
    /// The window's length in minutes (1 to 1439), across midnight where it
    /// crosses it: a timer starting at `start` with a random delay of up to
    /// this many minutes spreads a fleet over the window.
    pub fn minutes(&self) -> u32 {
        let at = |t: TimeOfDay| u32::from(t.hour) * 60 + u32::from(t.minute);
        (at(self.end) + 24 * 60 - at(self.start)) % (24 * 60)
    }
}

impl fmt::Display for UpdateWindow {
    /// `HH:MM-HH:MM`, as in the site file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

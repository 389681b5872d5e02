//! One struct per section of the site file; each field is the key of the
//! same name. See the settings table ([`crate::schema::SETTINGS`]) for every
//! key's help and default.

use std::path::PathBuf;

use crate::model::{UpdateWindow, WifiNetwork};

/// `[languages]`: what visitors can choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    /// `enabled`: shipped tags (see [`crate::schema::LANGUAGE_TAGS`]) in
    /// picker order, lowercase, without repeats; never empty.
    pub enabled: Vec<String>,
    /// `default`: the tag every session starts in, always one of `enabled`.
    pub default: String,
}

/// `[session]`: when an idle session ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    /// `idle_seconds`: seconds without a touch before the countdown.
    pub idle_seconds: u64,
    /// `countdown_seconds`: seconds of countdown before the session ends.
    pub countdown_seconds: u64,
}

/// `[display]`: the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Display {
    /// `dpi`: the screen's pixel density.
    pub dpi: f64,
    /// `rotation`: degrees clockwise, one of 0, 90, 180, 270.
    pub rotation: u16,
    /// `font_dir`: where the Noto fonts are on the device.
    pub font_dir: PathBuf,
}

/// `[input]`: where the kiosk watches for touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// `device_dir`: the input devices' folder on the device.
    pub device_dir: PathBuf,
}

/// `[speech]`: reading aloud.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    /// `socket`: the speech-dispatcher socket; `None` for its usual place.
    pub socket: Option<PathBuf>,
}

/// The paper of the help finder's slips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipPaper {
    /// `"a4"`: an A4 sheet.
    A4,
    /// `"receipt"`: an 80 mm receipt roll.
    Receipt,
}

/// `[print]`: slips and the print quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Print {
    /// `slip_paper`.
    pub slip_paper: SlipPaper,
    /// `quota_pages`: pages a visitor may print per session (0 to 200).
    pub quota_pages: u32,
}

/// `[assist]`: the staff mode.
#[derive(Clone, PartialEq, Eq)]
pub struct Assist {
    /// `pin_hash`: the argon2id PHC string of the staff PIN (check a PIN
    /// with [`crate::pin::verify`]); `None`: assist mode is off.
    pub pin_hash: Option<String>,
}

impl std::fmt::Debug for Assist {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Assist")
            .field("pin_hash", &self.pin_hash.as_ref().map(|_| "(set)"))
            .finish()
    }
}

/// `[content]`: the content packs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    /// `store`: the content store on the device.
    pub store: PathBuf,
    /// `url`: the content repository; `None`: only the built-in demo pack.
    pub url: Option<String>,
    /// `trusted_root`: the repository's TUF root metadata on the build
    /// machine, relative paths already joined to the site file's folder
    /// (when the file was read by [`crate::check`] or [`crate::load`]).
    /// Always `Some` when `url` is.
    pub trusted_root: Option<PathBuf>,
}

/// `[system]`: the device's own settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct System {
    /// `timezone`: an IANA name known to the time zone database.
    pub timezone: String,
    /// `hostname` as written; `None` when empty. Use
    /// [`crate::Site::hostname`] for the name to give the device.
    pub hostname: Option<String>,
}

/// `[update]`: package updates of the devices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// `url`: the site's apt repository; `None`: no automatic updates.
    pub url: Option<String>,
    /// `window`: when updates are installed, local time.
    pub window: UpdateWindow,
}

/// `[[wifi.network]]`: the Wi-Fi networks, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wifi {
    /// One entry per `[[wifi.network]]` table; SSIDs are unique.
    pub networks: Vec<WifiNetwork>,
}

/// `[ssh]`: remote maintenance, key-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ssh {
    /// `enabled`: whether sshd runs; when true, `authorized_keys` is not
    /// empty.
    pub enabled: bool,
    /// `authorized_keys`: OpenSSH public key lines, trimmed, one per key
    /// (ready for `~/.ssh/authorized_keys`).
    pub authorized_keys: Vec<String>,
}

/// `[image]`: how the disk image is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// `mirror`: the Debian mirror URL.
    pub mirror: String,
    /// `snapshot`: a snapshot.debian.org time stamp
    /// (`"20261201T000000Z"`); `None`: the mirror's current state.
    pub snapshot: Option<String>,
    /// `size_mb`: the raw image's size in MiB (1024 to 65536).
    pub size_mb: u64,
}

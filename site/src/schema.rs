//! The table of every site setting: section, key, type, default and help in
//! one place, so that the parser, the docs, `kiosk-app --print-site-reference`
//! and `image-builder config` all come from the same rows (like mkosi's
//! settings table).

/// The language tags the kiosk ships, in the order its language picker shows
/// them. The kiosk maps each to its own `Language` (a kiosk test keeps the two
/// lists in step).
pub const LANGUAGE_TAGS: [&str; 11] = [
    "de", "de-x-ls", "en", "ar", "fa", "uk", "ru", "tr", "ro", "bg", "pl",
];

/// The OpenSSH key types `ssh.authorized_keys` accepts.
pub const SSH_KEY_TYPES: [&str; 4] = [
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "sk-ssh-ed25519@openssh.com",
];

/// The type of a setting's value, with its limits. Each kind has one reader
/// that checks a value from the file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Free text, may be empty.
    Text,
    /// Text that is not empty (surrounding spaces are removed).
    Name,
    /// A whole number within bounds (inclusive).
    Integer {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// A number within bounds (inclusive).
    Number {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// `true` or `false`.
    Bool,
    /// One of a few words.
    Choice(&'static [&'static str]),
    /// One of a few whole numbers.
    IntegerChoice(&'static [i64]),
    /// One shipped language tag.
    Language,
    /// A list of shipped language tags.
    LanguageList,
    /// A path on the device; `""` where the help says so.
    Path,
    /// A file on the build machine, relative to the site file's folder; `""`
    /// for none. The strict check also looks that it exists.
    BuildFile,
    /// An `http://` or `https://` URL.
    Url {
        /// Whether `""` is allowed (and means "none").
        optional: bool,
    },
    /// An IANA time zone name such as `Europe/Berlin`.
    TimeZone,
    /// `""` or a host name: one RFC 1123 label.
    Hostname,
    /// A daily window of local time, `"HH:MM-HH:MM"`.
    TimeWindow,
    /// `""` or a snapshot.debian.org time stamp such as `"20261201T000000Z"`.
    Snapshot,
    /// `""` or an argon2id PHC string made by `image-builder pin`.
    PinHash,
    /// A list of OpenSSH public key lines.
    SshKeys,
    /// `[[wifi.network]]` tables, each with `ssid` and `psk`.
    WifiNetworks,
}

impl Kind {
    /// How the type is named in docs.
    pub fn describe(&self) -> String {
        match self {
            Kind::Text => "text".to_owned(),
            Kind::Name => "text, not empty".to_owned(),
            Kind::Integer { min, max } => format!("whole number from {min} to {max}"),
            Kind::Number { min, max } => format!("number from {min} to {max}"),
            Kind::Bool => "true or false".to_owned(),
            Kind::Choice(words) => format!("one of {}", quoted_list(words)),
            Kind::IntegerChoice(numbers) => format!("one of {}", number_list(numbers)),
            Kind::Language => "language code".to_owned(),
            Kind::LanguageList => "list of language codes".to_owned(),
            Kind::Path => "path".to_owned(),
            Kind::BuildFile => "path on the build machine, relative to the site file".to_owned(),
            Kind::Url { optional: false } => "http(s) URL".to_owned(),
            Kind::Url { optional: true } => "http(s) URL or \"\"".to_owned(),
            Kind::TimeZone => "IANA time zone name".to_owned(),
            Kind::Hostname => {
                "host name: lowercase letters, digits and '-', at most 63; or \"\"".to_owned()
            }
            Kind::TimeWindow => "time window \"HH:MM-HH:MM\"".to_owned(),
            Kind::Snapshot => "snapshot time \"YYYYMMDDTHHMMSSZ\" or \"\"".to_owned(),
            Kind::PinHash => "argon2id hash from `image-builder pin`, or \"\"".to_owned(),
            Kind::SshKeys => "list of OpenSSH public keys".to_owned(),
            Kind::WifiNetworks => {
                "[[wifi.network]] tables: ssid 1 to 32 bytes, psk 8 to 63 printable ASCII characters or \"\""
                    .to_owned()
            }
        }
    }

    /// "expected …", for a value of the wrong TOML type.
    pub fn expected(&self) -> String {
        match self {
            Kind::Bool => "expected true or false".to_owned(),
            Kind::Choice(_) | Kind::IntegerChoice(_) => format!("expected {}", self.describe()),
            Kind::Url { optional: false } => "expected an http(s) URL".to_owned(),
            Kind::Url { optional: true } => "expected an http(s) URL or \"\"".to_owned(),
            Kind::TimeZone => "expected an IANA time zone name".to_owned(),
            Kind::PinHash => {
                "expected an argon2id hash from `image-builder pin`, or \"\"".to_owned()
            }
            Kind::WifiNetworks => {
                "expected [[wifi.network]] tables, each with ssid and psk".to_owned()
            }
            _ => format!("expected a {}", self.describe()),
        }
    }
}

/// `"a4", "receipt"` or `"a4" or "receipt"`.
pub(crate) fn quoted_list(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|word| format!("\"{word}\"")).collect();
    quoted.join(", ")
}

fn number_list(numbers: &[i64]) -> String {
    let texts: Vec<String> = numbers.iter().map(i64::to_string).collect();
    texts.join(", ")
}

/// One setting of `site.toml`.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// The table the key lives in (`[session]`).
    pub section: &'static str,
    /// The key inside its table.
    pub key: &'static str,
    /// The value's type and limits.
    pub kind: Kind,
    /// The default, written as it would be in the file.
    pub default: &'static str,
    /// One or two sentences for IT staff.
    pub help: &'static str,
}

impl Setting {
    /// `section.key`, as messages name it.
    pub fn path(&self) -> String {
        format!("{}.{}", self.section, self.key)
    }
}

const fn setting(
    section: &'static str,
    key: &'static str,
    kind: Kind,
    default: &'static str,
    help: &'static str,
) -> Setting {
    Setting {
        section,
        key,
        kind,
        default,
        help,
    }
}

/// Every setting of the site file, grouped by section.
pub const SETTINGS: &[Setting] = &[
    setting(
        "site",
        "name",
        Kind::Name,
        "\"Anlauf\"",
        "The name of the place, shown on the attract screen (for example \"Tagestreff Mitte\"). The device's host name is made from it unless system.hostname is set.",
    ),
    setting(
        "site",
        "address",
        Kind::Text,
        "\"\"",
        "The place's postal address, in one line (for example \"Eisenbahnstraße 1, 04315 Leipzig\"): which device stands where, for staff and IT.",
    ),
    setting(
        "site",
        "latitude",
        Kind::Number {
            min: -90.0,
            max: 90.0,
        },
        "51.3397",
        "Where the terminal stands, degrees north: the help finder measures distances and directions from here. The default is Leipzig's market square, the demo pack's town.",
    ),
    setting(
        "site",
        "longitude",
        Kind::Number {
            min: -180.0,
            max: 180.0,
        },
        "12.3731",
        "Where the terminal stands, degrees east.",
    ),
    setting(
        "languages",
        "enabled",
        Kind::LanguageList,
        "[\"de\", \"de-x-ls\", \"en\", \"ar\", \"fa\", \"uk\", \"ru\", \"tr\", \"ro\", \"bg\", \"pl\"]",
        "The languages visitors can choose, in picker order. Shipped: de, de-x-ls (Easy German), en, ar, fa, uk, ru, tr, ro, bg, pl.",
    ),
    setting(
        "languages",
        "default",
        Kind::Language,
        "\"de\"",
        "The language every session starts in. Must be one of `enabled`.",
    ),
    setting(
        "session",
        "idle_seconds",
        Kind::Integer { min: 15, max: 3600 },
        "120",
        "Seconds without any touch before the \"Are you still there?\" countdown appears.",
    ),
    setting(
        "session",
        "countdown_seconds",
        Kind::Integer { min: 5, max: 300 },
        "30",
        "Seconds the countdown runs before the session ends and everything is wiped.",
    ),
    setting(
        "display",
        "dpi",
        Kind::Number {
            min: 60.0,
            max: 400.0,
        },
        "96",
        "The screen's pixel density. Touch targets are at least 9 mm at this density.",
    ),
    setting(
        "display",
        "rotation",
        Kind::IntegerChoice(&[0, 90, 180, 270]),
        "0",
        "Turns the picture clockwise by this many degrees, for a screen mounted upright or upside down. Used by the device's session (sway), not the kiosk.",
    ),
    setting(
        "display",
        "font_dir",
        Kind::Path,
        "\"/usr/share/fonts/truetype/noto\"",
        "Where the Noto fonts for Latin, Cyrillic and Arabic script are (Debian package fonts-noto-core).",
    ),
    setting(
        "input",
        "device_dir",
        Kind::Path,
        "\"/dev/input\"",
        "Where the input devices are that the idle watcher listens to (touch, mouse, keys).",
    ),
    setting(
        "speech",
        "socket",
        Kind::Path,
        "\"\"",
        "The speech-dispatcher socket; empty means its usual place under $XDG_RUNTIME_DIR.",
    ),
    setting(
        "print",
        "slip_paper",
        Kind::Choice(&["a4", "receipt"]),
        "\"a4\"",
        "The paper of the help finder's slips: \"a4\" or \"receipt\" (an 80 mm roll).",
    ),
    setting(
        "print",
        "quota_pages",
        Kind::Integer { min: 0, max: 200 },
        "10",
        "Pages a visitor may print in one session; staff can raise it for a session in assist mode. 0 turns printing off.",
    ),
    setting(
        "assist",
        "pin_hash",
        Kind::PinHash,
        "\"\"",
        "The hash of the staff PIN that unlocks assist mode: run `image-builder pin` and paste the line it prints. Never the PIN itself. \"\" turns assist mode off.",
    ),
    setting(
        "content",
        "store",
        Kind::Path,
        "\"/var/lib/anlauf/content\"",
        "The content store that content-sync fills; the kiosk reads its current generation and shows the built-in demo pack while it has none.",
    ),
    setting(
        "content",
        "url",
        Kind::Url { optional: true },
        "\"\"",
        "The content repository the devices fetch signed content packs from (for example \"https://content.example.org/leipzig/\"). \"\" = no content updates: the kiosk shows its built-in demo pack.",
    ),
    setting(
        "content",
        "trusted_root",
        Kind::BuildFile,
        "\"\"",
        "The repository's TUF root metadata (REPO/metadata/1.root.json from `content-sync keys init`), a file on the machine that builds the image; a relative path is relative to the site file. Required when content.url is set; the image installs it on the device.",
    ),
    setting(
        "system",
        "timezone",
        Kind::TimeZone,
        "\"Europe/Berlin\"",
        "The device's time zone (an IANA name such as \"Europe/Berlin\"): opening hours and the update window are in this local time.",
    ),
    setting(
        "system",
        "hostname",
        Kind::Hostname,
        "\"\"",
        "The device's host name on the network. \"\" = \"anlauf-\" and the site's name in lowercase letters, digits and '-' (\"Tagestreff Mitte\" becomes \"anlauf-tagestreff-mitte\").",
    ),
    setting(
        "update",
        "url",
        Kind::Url { optional: true },
        "\"\"",
        "The site's apt repository (made by `image-builder build`) the devices update their packages from. \"\" = no automatic updates.",
    ),
    setting(
        "update",
        "window",
        Kind::TimeWindow,
        "\"02:00-05:00\"",
        "When devices install updates, local time; it may cross midnight (\"22:00-04:00\"). An update never interrupts a visitor: it waits until no session runs.",
    ),
    setting(
        "wifi",
        "network",
        Kind::WifiNetworks,
        "[]",
        "The Wi-Fi networks the device joins, one [[wifi.network]] table each with ssid (the network's name) and psk (its WPA passphrase, or \"\" for an open network). None: the device uses wired network only. Messages count the networks from 1. The site file holds the passphrases: keep it private.",
    ),
    setting(
        "ssh",
        "enabled",
        Kind::Bool,
        "false",
        "Whether the device accepts SSH logins for remote maintenance. Login is by key only (no passwords), so ssh.authorized_keys must name at least one key.",
    ),
    setting(
        "ssh",
        "authorized_keys",
        Kind::SshKeys,
        "[]",
        "The public keys that may log in, one OpenSSH line each (the content of a .pub file: \"ssh-ed25519 AAAA… name@laptop\"). Types: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, sk-ssh-ed25519@openssh.com.",
    ),
    setting(
        "image",
        "mirror",
        Kind::Url { optional: false },
        "\"http://deb.debian.org/debian\"",
        "The Debian mirror the image builder takes the system's packages from.",
    ),
    setting(
        "image",
        "snapshot",
        Kind::Snapshot,
        "\"\"",
        "A snapshot.debian.org time stamp such as \"20261201T000000Z\": the image is built from Debian exactly as it was then, so that a build can be repeated. \"\" = the mirror's current state.",
    ),
    setting(
        "image",
        "size_mb",
        Kind::Integer {
            min: 1024,
            max: 65536,
        },
        "4096",
        "The size of the disk image in MiB. Keep it at most the size of the smallest disk it goes on; on first boot the content partition grows to fill the real disk.",
    ),
];

/// The setting at `section.key`, if there is one.
pub fn find(section: &str, key: &str) -> Option<&'static Setting> {
    SETTINGS
        .iter()
        .find(|setting| setting.section == section && setting.key == key)
}

/// A commented `site.toml` with every setting at its default, made from the
/// table: what `image-builder config` and `kiosk-app --print-site-reference`
/// print, and what the README shows.
pub fn reference() -> String {
    let mut out = String::from(
        "# Anlauf site file: checked with `image-builder check SITE.toml`, then\n\
         # installed on every device as /etc/anlauf/site.toml.\n",
    );
    let mut section = "";
    for setting in SETTINGS {
        if setting.section != section {
            section = setting.section;
            out.push_str(&format!("\n[{section}]\n"));
        }
        let help = format!("{} ({})", setting.help, setting.kind.describe());
        for line in wrap(&help, 78) {
            out.push_str(&format!("# {line}\n"));
        }
        if setting.kind == Kind::WifiNetworks {
            out.push_str(
                "# [[wifi.network]]\n# ssid = \"Treff-Gaeste\"\n# psk = \"a long passphrase\"\n",
            );
        } else {
            out.push_str(&format!("{} = {}\n", setting.key, setting.default));
        }
    }
    out
}

/// Splits `text` at spaces into lines of at most `width` characters (a word
/// longer than that stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

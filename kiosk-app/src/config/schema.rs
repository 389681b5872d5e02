//! The table of every site setting the kiosk reads: section, key, type, default
//! and help in one place, so that the parser, the docs and `--help-config`
//! all come from the same rows.

/// The type of a setting's value, with its limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Free text.
    Text,
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
    /// One shipped language tag.
    Language,
    /// A list of shipped language tags.
    LanguageList,
    /// A file system path.
    Path,
}

impl Kind {
    /// How the type is named in messages and docs.
    pub fn describe(&self) -> String {
        match self {
            Kind::Text => "text".to_owned(),
            Kind::Integer { min, max } => format!("whole number from {min} to {max}"),
            Kind::Number { min, max } => format!("number from {min} to {max}"),
            Kind::Language => "language code".to_owned(),
            Kind::LanguageList => "list of language codes".to_owned(),
            Kind::Path => "path".to_owned(),
        }
    }
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

/// Every setting the kiosk knows, grouped by section.
pub const SETTINGS: &[Setting] = &[
    Setting {
        section: "site",
        key: "name",
        kind: Kind::Text,
        default: "\"Anlauf\"",
        help: "The name of the place, shown on the attract screen (for example \"Tagestreff Mitte\").",
    },
    Setting {
        section: "site",
        key: "latitude",
        kind: Kind::Number {
            min: -90.0,
            max: 90.0,
        },
        default: "51.3397",
        help: "Where the terminal stands, degrees north: the help finder measures distances and directions from here. The default is Leipzig's market square, the demo pack's town.",
    },
    Setting {
        section: "site",
        key: "longitude",
        kind: Kind::Number {
            min: -180.0,
            max: 180.0,
        },
        default: "12.3731",
        help: "Where the terminal stands, degrees east.",
    },
    Setting {
        section: "languages",
        key: "enabled",
        kind: Kind::LanguageList,
        default: "[\"de\", \"de-x-ls\", \"en\", \"ar\", \"fa\", \"uk\", \"ru\", \"tr\", \"ro\", \"bg\", \"pl\"]",
        help: "The languages visitors can choose, in picker order. Shipped: de, de-x-ls (Easy German), en, ar, fa, uk, ru, tr, ro, bg, pl.",
    },
    Setting {
        section: "languages",
        key: "default",
        kind: Kind::Language,
        default: "\"de\"",
        help: "The language every session starts in. Must be one of `enabled`.",
    },
    Setting {
        section: "session",
        key: "idle_seconds",
        kind: Kind::Integer { min: 15, max: 3600 },
        default: "120",
        help: "Seconds without any touch before the \"Are you still there?\" countdown appears.",
    },
    Setting {
        section: "session",
        key: "countdown_seconds",
        kind: Kind::Integer { min: 5, max: 300 },
        default: "30",
        help: "Seconds the countdown runs before the session ends and everything is wiped.",
    },
    Setting {
        section: "display",
        key: "dpi",
        kind: Kind::Number {
            min: 60.0,
            max: 400.0,
        },
        default: "96",
        help: "The screen's pixel density. Touch targets are at least 9 mm at this density.",
    },
    Setting {
        section: "display",
        key: "font_dir",
        kind: Kind::Path,
        default: "\"/usr/share/fonts/truetype/noto\"",
        help: "Where the Noto fonts for Latin, Cyrillic and Arabic script are (Debian package fonts-noto-core).",
    },
    Setting {
        section: "input",
        key: "device_dir",
        kind: Kind::Path,
        default: "\"/dev/input\"",
        help: "Where the input devices are that the idle watcher listens to (touch, mouse, keys).",
    },
    Setting {
        section: "speech",
        key: "socket",
        kind: Kind::Path,
        default: "\"\"",
        help: "The speech-dispatcher socket; empty means its usual place under $XDG_RUNTIME_DIR.",
    },
    Setting {
        section: "print",
        key: "slip_paper",
        kind: Kind::Text,
        default: "\"a4\"",
        help: "The paper of the help finder's slips: \"a4\" or \"receipt\" (an 80 mm roll).",
    },
    Setting {
        section: "content",
        key: "store",
        kind: Kind::Path,
        default: "\"/var/lib/anlauf/content\"",
        help: "The content store that content-sync fills; the kiosk reads its current generation and shows the built-in demo pack while it has none.",
    },
];

/// The setting at `section.key`, if the kiosk knows it.
pub fn find(section: &str, key: &str) -> Option<&'static Setting> {
    SETTINGS
        .iter()
        .find(|setting| setting.section == section && setting.key == key)
}

/// A commented `site.toml` with every setting at its default, made from the table.
pub fn reference() -> String {
    let mut out = String::from("# Anlauf site configuration (/etc/anlauf/site.toml)\n");
    let mut section = "";
    for setting in SETTINGS {
        if setting.section != section {
            section = setting.section;
            out.push_str(&format!("\n[{section}]\n"));
        }
        out.push_str(&format!(
            "# {} ({})\n{} = {}\n",
            setting.help,
            setting.kind.describe(),
            setting.key,
            setting.default
        ));
    }
    out
}

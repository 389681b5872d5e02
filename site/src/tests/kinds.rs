//! Each kind of setting with good and bad values: `[section]` on line 1, the
//! key on line 2, so every problem is on line 2.

use super::*;

/// `(section, key, value as written in TOML, None = good | Some(message))`.
type Case<'a> = (&'a str, &'a str, &'a str, Option<&'a str>);

fn run(cases: &[Case<'_>]) {
    let mut failures = Vec::new();
    for (section, key, value, expected) in cases {
        let text = format!("[{section}]\n{key} = {value}\n");
        let got = strict(&text);
        let want: Vec<String> = expected
            .iter()
            .map(|message| format!("site.toml:2: {section}.{key}: {message}"))
            .collect();
        if got != want {
            failures.push(format!(
                "{section}.{key} = {value}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn text_and_names() {
    run(&[
        ("site", "name", "\"Tagestreff Ost\"", None),
        ("site", "name", "\"  \"", Some("the name is empty")),
        ("site", "name", "7", Some("expected a text, not empty")),
        (
            "site",
            "address",
            "\"Eisenbahnstraße 66, 04315 Leipzig\"",
            None,
        ),
        ("site", "address", "\"\"", None),
        ("site", "address", "[\"a\"]", Some("expected a text")),
    ]);
}

#[test]
fn whole_numbers_within_bounds() {
    run(&[
        ("print", "quota_pages", "0", None),
        ("print", "quota_pages", "200", None),
        (
            "print",
            "quota_pages",
            "201",
            Some("201 is outside 0 to 200"),
        ),
        ("print", "quota_pages", "-1", Some("-1 is outside 0 to 200")),
        (
            "print",
            "quota_pages",
            "\"10\"",
            Some("expected a whole number from 0 to 200"),
        ),
        (
            "print",
            "quota_pages",
            "2.5",
            Some("expected a whole number from 0 to 200"),
        ),
        ("image", "size_mb", "1024", None),
        ("image", "size_mb", "65_536", None),
        ("image", "size_mb", "0x1000", None),
        (
            "image",
            "size_mb",
            "512",
            Some("512 is outside 1024 to 65536"),
        ),
        (
            "session",
            "idle_seconds",
            "2",
            Some("2 is outside 15 to 3600"),
        ),
    ]);
}

#[test]
fn numbers_bools_and_choices() {
    run(&[
        ("site", "latitude", "51.3", None),
        ("site", "latitude", "91", Some("91 is outside -90 to 90")),
        (
            "site",
            "longitude",
            "nan",
            Some("expected a number from -180 to 180"),
        ),
        ("display", "dpi", "120", None),
        ("ssh", "enabled", "false", None),
        ("ssh", "enabled", "\"no\"", Some("expected true or false")),
        ("display", "rotation", "270", None),
        (
            "display",
            "rotation",
            "45",
            Some("45 is not 0, 90, 180 or 270"),
        ),
        (
            "display",
            "rotation",
            "\"90\"",
            Some("expected one of 0, 90, 180, 270"),
        ),
        ("print", "slip_paper", "\"receipt\"", None),
        (
            "print",
            "slip_paper",
            "\"a5\"",
            Some("\"a5\": choose \"a4\" or \"receipt\""),
        ),
    ]);
}

#[test]
fn languages() {
    run(&[
        (
            "languages",
            "enabled",
            "[\"de\", \"AR\", \"de_x_ls\"]",
            None,
        ),
        ("languages", "enabled", "[]", Some("the list is empty")),
        (
            "languages",
            "enabled",
            "[\"de\", \"xx\"]",
            Some(
                "unknown language code \"xx\"; shipped languages are de, de-x-ls, en, ar, fa, uk, ru, tr, ro, bg, pl",
            ),
        ),
        (
            "languages",
            "enabled",
            "\"de\"",
            Some("expected a list of language codes"),
        ),
    ]);
}

#[test]
fn urls() {
    run(&[
        (
            "update",
            "url",
            "\"https://updates.example.org/anlauf/\"",
            None,
        ),
        ("content", "url", "\"\"", None),
        ("update", "url", "\"http://192.168.1.10:8080/apt\"", None),
        (
            "update",
            "url",
            "\"ftp://example.org/apt\"",
            Some("\"ftp://example.org/apt\" is not an http:// or https:// URL"),
        ),
        (
            "update",
            "url",
            "\"https:///apt\"",
            Some("\"https:///apt\" names no host"),
        ),
        (
            "update",
            "url",
            "\"https://example.org/my apt\"",
            Some("\"https://example.org/my apt\": a URL cannot contain spaces"),
        ),
        (
            "image",
            "mirror",
            "\"https://ftp.de.debian.org/debian\"",
            None,
        ),
        ("image", "mirror", "\"\"", Some("a URL is needed here")),
        ("image", "mirror", "5", Some("expected an http(s) URL")),
    ]);
}

#[test]
fn time_zones() {
    run(&[
        ("system", "timezone", "\"Europe/Berlin\"", None),
        ("system", "timezone", "\"UTC\"", None),
        (
            "system",
            "timezone",
            "\"America/Argentina/Buenos_Aires\"",
            None,
        ),
        (
            "system",
            "timezone",
            "\"Europe/Leipzig\"",
            Some(
                "\"Europe/Leipzig\" is not a time zone name (IANA, for example \"Europe/Berlin\")",
            ),
        ),
        (
            "system",
            "timezone",
            "\"europe/berlin\"",
            Some("\"europe/berlin\": write it as \"Europe/Berlin\""),
        ),
        (
            "system",
            "timezone",
            "\"\"",
            Some("expected an IANA time zone name"),
        ),
    ]);
}

#[test]
fn host_names() {
    run(&[
        ("system", "hostname", "\"\"", None),
        ("system", "hostname", "\"kiosk-1\"", None),
        ("system", "hostname", "\"a\"", None),
        (
            "system",
            "hostname",
            "\"Kiosk-1\"",
            Some(
                "\"Kiosk-1\": a host name has only lowercase letters a-z, digits and '-', not 'K'",
            ),
        ),
        (
            "system",
            "hostname",
            "\"kiosk.local\"",
            Some(
                "\"kiosk.local\": a host name has only lowercase letters a-z, digits and '-', not '.'",
            ),
        ),
        (
            "system",
            "hostname",
            "\"-kiosk\"",
            Some("\"-kiosk\": a host name cannot start or end with '-'"),
        ),
        (
            "system",
            "hostname",
            "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
            Some(
                "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is 64 characters long; a host name has at most 63",
            ),
        ),
    ]);
}

#[test]
fn update_windows() {
    run(&[
        ("update", "window", "\"02:00-05:00\"", None),
        ("update", "window", "\"22:30-04:00\"", None),
        (
            "update",
            "window",
            "\"2-5\"",
            Some("\"2-5\": expected \"HH:MM-HH:MM\", for example \"02:00-05:00\""),
        ),
        (
            "update",
            "window",
            "\"02:00-24:00\"",
            Some("24:00 is not a time of day (00:00 to 23:59)"),
        ),
        (
            "update",
            "window",
            "\"03:00-03:00\"",
            Some("\"03:00-03:00\": the window is empty (it starts when it ends)"),
        ),
    ]);
}

#[test]
fn snapshots() {
    run(&[
        ("image", "snapshot", "\"\"", None),
        ("image", "snapshot", "\"20261201T000000Z\"", None),
        (
            "image",
            "snapshot",
            "\"2026-12-01\"",
            Some(
                "\"2026-12-01\": expected a snapshot.debian.org time such as \"20261201T000000Z\"",
            ),
        ),
        (
            "image",
            "snapshot",
            "\"20260230T000000Z\"",
            Some("\"20260230T000000Z\" is not a real date and time"),
        ),
        (
            "image",
            "snapshot",
            "\"20040101T000000Z\"",
            Some("\"20040101T000000Z\" is before snapshot.debian.org began (March 2005)"),
        ),
    ]);
}

#[test]
fn pin_hashes() {
    let good = crate::pin::hash("4711").unwrap();
    let good_value = format!("\"{good}\"");
    // Hashes with the wrong variant or cut short.
    let argon2i = {
        use argon2::password_hash::{PasswordHasher, SaltString};
        let argon2 = argon2::Argon2::new(
            argon2::Algorithm::Argon2i,
            argon2::Version::V0x13,
            argon2::Params::default(),
        );
        let salt = SaltString::encode_b64(b"0123456789abcdef").unwrap();
        format!("\"{}\"", argon2.hash_password(b"4711", &salt).unwrap())
    };
    let cut = format!("\"{}\"", good.rsplit_once('$').unwrap().0);
    let cases: Vec<Case> = vec![
        ("assist", "pin_hash", "\"\"", None),
        ("assist", "pin_hash", good_value.as_str(), None),
        (
            "assist",
            "pin_hash",
            "\"4711\"",
            Some(
                "this looks like a PIN, not its hash: run `image-builder pin` and paste the line it prints",
            ),
        ),
        (
            "assist",
            "pin_hash",
            "\"$2b$12$abcdefghijklmnopqrstuv\"",
            Some(
                "expected an argon2id hash from `image-builder pin` (it starts with \"$argon2id$\")",
            ),
        ),
        (
            "assist",
            "pin_hash",
            argon2i.as_str(),
            Some(
                "the hash is made with argon2i, not argon2id: make a new one with `image-builder pin`",
            ),
        ),
        (
            "assist",
            "pin_hash",
            cut.as_str(),
            Some(
                "the argon2id hash is incomplete or damaged: make a new one with `image-builder pin`",
            ),
        ),
    ];
    run(&cases);
}

#[test]
fn ssh_keys() {
    let two = format!("[\"{ED25519}\", \"{ECDSA}\"]");
    let ecdsa_no_comment = format!("[\"{}\"]", ECDSA.rsplit_once(' ').unwrap().0);
    let cases: Vec<Case> = vec![
        ("ssh", "authorized_keys", "[]", None),
        ("ssh", "authorized_keys", two.as_str(), None),
        ("ssh", "authorized_keys", ecdsa_no_comment.as_str(), None),
        (
            "ssh",
            "authorized_keys",
            "\"ssh-ed25519 AAAA\"",
            Some("expected a list of OpenSSH public keys"),
        ),
    ];
    run(&cases);

    // Entries are named by their place in the list, counted from 1, on the
    // line they are written on.
    let text = format!(
        "[ssh]\nauthorized_keys = [\n  \"{ED25519}\",\n  \"ssh-dss AAAAB3NzaC1kc3M= old\",\n  \"{}\",\n  \"ssh-ed25519 AAAA!!!!\",\n  \"-----BEGIN OPENSSH PRIVATE KEY-----\",\n  \"\",\n  42,\n]\n",
        ED25519.replacen("ssh-ed25519", "ssh-rsa", 1),
    );
    assert_eq!(
        strict(&text),
        [
            "site.toml:4: ssh.authorized_keys[2]: key type \"ssh-dss\" is not accepted; use ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, sk-ssh-ed25519@openssh.com",
            "site.toml:5: ssh.authorized_keys[3]: the key data is a \"ssh-ed25519\" key, not \"ssh-rsa\" (a damaged or mixed-up line)",
            "site.toml:6: ssh.authorized_keys[4]: the key data after \"ssh-ed25519\" is missing or not base64 (it starts with AAAA)",
            "site.toml:7: ssh.authorized_keys[5]: this is a private key: give the public key (the .pub file) and keep the private one secret",
            "site.toml:8: ssh.authorized_keys[6]: the key is empty",
            "site.toml:9: ssh.authorized_keys[7]: expected a key line in quotes",
        ]
    );
}

#[test]
fn wifi_networks() {
    let good = "[[wifi.network]]\nssid = \"Treff-Gaeste\"\npsk = \"correct horse battery\"\n\n[[wifi.network]]\nssid = \"Café offen\"\npsk = \"\"\n";
    let site = parse_strict(good).unwrap();
    assert_eq!(
        site.wifi.networks,
        [
            WifiNetwork {
                ssid: "Treff-Gaeste".to_owned(),
                psk: Some("correct horse battery".to_owned()),
            },
            WifiNetwork {
                ssid: "Café offen".to_owned(),
                psk: None,
            },
        ]
    );
    // The passphrase never shows in debug output.
    assert!(!format!("{site:?}").contains("horse"));

    let bad = "\
[[wifi.network]]
ssid = \"Treff\"
psk = \"correct horse battery\"

[[wifi.network]]
ssid = \"Büro\"
psk = \"kurz\"

[[wifi.network]]
ssid = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"
psk = \"Straße und Platz\"
hidden = true

[[wifi.network]]
psk = \"correct horse battery\"

[[wifi.network]]
ssid = \"Treff\"
psk = 12345678
";
    assert_eq!(
        strict(bad),
        [
            "site.toml:7: wifi.network[2].psk: a passphrase has 8 to 63 characters; write psk = \"\" for an open network",
            "site.toml:10: wifi.network[3].ssid: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is 33 bytes long; a network name (SSID) has at most 32",
            "site.toml:11: wifi.network[3].psk: a passphrase has only printable ASCII characters (no umlauts, no tabs)",
            "site.toml:12: wifi.network[3].hidden: unknown key (a network has ssid and psk)",
            "site.toml:14: wifi.network[4].ssid: missing: every network needs its name (ssid)",
            "site.toml:18: wifi.network[5].ssid: the same network as wifi.network[1]",
            "site.toml:19: wifi.network[5].psk: expected text in quotes",
        ]
    );
    // No message repeats a passphrase.
    assert!(!strict(bad).concat().contains("kurz"));
    assert!(!strict(bad).concat().contains("Straße"));

    assert_eq!(
        strict("[wifi]\nnetwork = \"Treff\"\n"),
        ["site.toml:2: wifi.network: expected [[wifi.network]] tables, each with ssid and psk"]
    );
    assert_eq!(
        strict("[wifi]\nnetwork = [\"Treff\"]\n"),
        ["site.toml:2: wifi.network[1]: expected [[wifi.network]] tables, each with ssid and psk"]
    );
}

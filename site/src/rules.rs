//! What makes a single text value good: host names, URLs, time zones, the
//! update window, snapshot stamps, the PIN hash, SSH keys and Wi-Fi
//! credentials. Each rule returns the message IT staff read when it fails.
//! Messages never repeat a passphrase or a PIN: the kiosk shows its problems
//! on the attract screen.

use crate::model::{TimeOfDay, UpdateWindow};
use crate::schema::{LANGUAGE_TAGS, SSH_KEY_TYPES};

/// The shipped tag a language code names (case does not matter, `_` is read
/// as `-`).
pub(crate) fn language(code: &str) -> Result<&'static str, String> {
    let normal = code.trim().replace('_', "-").to_ascii_lowercase();
    LANGUAGE_TAGS
        .into_iter()
        .find(|tag| *tag == normal)
        .ok_or_else(|| {
            format!(
                "unknown language code \"{code}\"; shipped languages are {}",
                LANGUAGE_TAGS.join(", ")
            )
        })
}

/// An `http://` or `https://` URL with a host and no spaces.
pub(crate) fn url(text: &str) -> Result<(), String> {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return Err(format!("\"{text}\" is not an http:// or https:// URL"));
    };
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("\"{text}\": a URL cannot contain spaces"));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') {
        return Err(format!("\"{text}\" names no host"));
    }
    Ok(())
}

/// An IANA time zone name known to the time zone database, spelled exactly
/// (the device looks it up as a file name).
pub(crate) fn time_zone(name: &str) -> Result<(), String> {
    let zone = jiff::tz::db().get(name).map_err(|_| {
        format!("\"{name}\" is not a time zone name (IANA, for example \"Europe/Berlin\")")
    })?;
    match zone.iana_name() {
        Some(canonical) if canonical != name => {
            Err(format!("\"{name}\": write it as \"{canonical}\""))
        }
        _ => Ok(()),
    }
}

/// One RFC 1123 host name label: lowercase letters, digits and `-`, 1 to 63
/// characters, not starting or ending with `-`.
pub(crate) fn hostname(name: &str) -> Result<(), String> {
    if name.len() > 63 {
        return Err(format!(
            "\"{name}\" is {} characters long; a host name has at most 63",
            name.len()
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!(
            "\"{name}\": a host name has only lowercase letters a-z, digits and '-', not '{bad}'"
        ));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Err(format!(
            "\"{name}\": a host name cannot start or end with '-'"
        ));
    }
    Ok(())
}

/// "anlauf-" and a slug of the site's name: lowercase ASCII letters and
/// digits, German umlauts spelled out, everything else one `-`, at most 63
/// characters in all. Just "anlauf" when nothing of the name is left.
pub(crate) fn hostname_from_name(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let spelled = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        if spelled == "-" {
            if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        } else {
            slug.push_str(spelled);
        }
    }
    let mut host = format!("anlauf-{slug}");
    host.truncate(63);
    let host = host.trim_end_matches('-');
    host.to_owned()
}

/// `"HH:MM-HH:MM"`, two different times of day.
pub(crate) fn window(text: &str) -> Result<UpdateWindow, String> {
    let shape = || format!("\"{text}\": expected \"HH:MM-HH:MM\", for example \"02:00-05:00\"");
    let (start, end) = text.split_once('-').ok_or_else(shape)?;
    let start = time_of_day(start).ok_or_else(shape)??;
    let end = time_of_day(end).ok_or_else(shape)??;
    if start == end {
        return Err(format!(
            "\"{text}\": the window is empty (it starts when it ends)"
        ));
    }
    Ok(UpdateWindow { start, end })
}

/// `None` for a wrong shape, `Some(Err)` for a shape with impossible numbers.
fn time_of_day(text: &str) -> Option<Result<TimeOfDay, String>> {
    let (hour, minute) = text.trim().split_once(':')?;
    if hour.len() != 2 || minute.len() != 2 {
        return None;
    }
    let hour: u8 = hour.parse().ok()?;
    let minute: u8 = minute.parse().ok()?;
    if hour > 23 || minute > 59 {
        return Some(Err(format!(
            "{hour:02}:{minute:02} is not a time of day (00:00 to 23:59)"
        )));
    }
    Some(Ok(TimeOfDay { hour, minute }))
}

/// A snapshot.debian.org time stamp, `YYYYMMDDTHHMMSSZ`, that is a real
/// date and time.
pub(crate) fn snapshot(text: &str) -> Result<(), String> {
    let shape =
        || format!("\"{text}\": expected a snapshot.debian.org time such as \"20261201T000000Z\"");
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .filter(|part| part.iter().all(u8::is_ascii_digit))
            .and_then(|_| text.get(range))
            .and_then(|part| part.parse::<i16>().ok())
    };
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return Err(shape());
    }
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        digits(0..4),
        digits(4..6),
        digits(6..8),
        digits(9..11),
        digits(11..13),
        digits(13..15),
    ) else {
        return Err(shape());
    };
    let real = i8::try_from(month)
        .ok()
        .zip(i8::try_from(day).ok())
        .and_then(|(month, day)| jiff::civil::Date::new(year, month, day).ok())
        .is_some()
        && hour < 24
        && minute < 60
        && second < 60;
    if !real {
        return Err(format!("\"{text}\" is not a real date and time"));
    }
    if year < 2005 {
        return Err(format!(
            "\"{text}\" is before snapshot.debian.org began (March 2005)"
        ));
    }
    Ok(())
}

/// An argon2id PHC string such as `image-builder pin` prints. The value is
/// never repeated in a message (it may be a PIN typed in by mistake).
pub(crate) fn pin_hash(text: &str) -> Result<(), String> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return Err(
            "this looks like a PIN, not its hash: run `image-builder pin` and paste the line it prints"
                .to_owned(),
        );
    }
    let hash = argon2::PasswordHash::new(text).map_err(|_| {
        "expected an argon2id hash from `image-builder pin` (it starts with \"$argon2id$\")"
            .to_owned()
    })?;
    if hash.algorithm != argon2::Algorithm::Argon2id.ident() {
        return Err(format!(
            "the hash is made with {}, not argon2id: make a new one with `image-builder pin`",
            hash.algorithm
        ));
    }
    if argon2::Params::try_from(&hash).is_err() || hash.hash.is_none() || hash.salt.is_none() {
        return Err(
            "the argon2id hash is incomplete or damaged: make a new one with `image-builder pin`"
                .to_owned(),
        );
    }
    Ok(())
}

/// One OpenSSH public key line: `TYPE AAAA<base64> [comment]`, where the
/// base64 data names the same type.
pub(crate) fn ssh_key(line: &str) -> Result<(), String> {
    let line = line.trim();
    if line.is_empty() {
        return Err("the key is empty".to_owned());
    }
    if line.starts_with("-----BEGIN") {
        return Err(
            "this is a private key: give the public key (the .pub file) and keep the private one secret"
                .to_owned(),
        );
    }
    if line.contains(['\n', '\r']) {
        return Err("one key per list entry (this one has several lines)".to_owned());
    }
    let mut fields = line.split_whitespace();
    let kind = fields.next().unwrap_or_default();
    if !SSH_KEY_TYPES.contains(&kind) {
        return Err(format!(
            "key type \"{kind}\" is not accepted; use {}",
            SSH_KEY_TYPES.join(", ")
        ));
    }
    let data = fields.next().unwrap_or_default();
    let blob = data
        .starts_with("AAAA")
        .then(|| base64(data))
        .flatten()
        .ok_or_else(|| {
            format!("the key data after \"{kind}\" is missing or not base64 (it starts with AAAA)")
        })?;
    let inner = blob
        .get(..4)
        .and_then(|len| <[u8; 4]>::try_from(len).ok())
        .map(|len| u32::from_be_bytes(len) as usize)
        .and_then(|len| blob.get(4..4 + len))
        .map(String::from_utf8_lossy)
        .unwrap_or_default();
    if inner != kind {
        return Err(format!(
            "the key data is a \"{inner}\" key, not \"{kind}\" (a damaged or mixed-up line)"
        ));
    }
    Ok(())
}

/// Standard base64 with padding, as in OpenSSH public keys.
fn base64(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if text.is_empty() || !text.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let chunks = text.len() / 4;
    for (index, chunk) in text.chunks(4).enumerate() {
        let last = index + 1 == chunks;
        let pad = chunk.iter().rev().take_while(|c| **c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut bits = 0u32;
        for c in &chunk[..4 - pad] {
            bits = bits << 6 | value(*c)?;
        }
        bits <<= 6 * pad as u32;
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..4 - pad]);
    }
    Some(out)
}

/// A Wi-Fi network name: 1 to 32 bytes.
pub(crate) fn ssid(ssid: &str) -> Result<(), String> {
    match ssid.len() {
        0 => Err("the network name (SSID) is empty".to_owned()),
        1..=32 => Ok(()),
        bytes => Err(format!(
            "\"{ssid}\" is {bytes} bytes long; a network name (SSID) has at most 32"
        )),
    }
}

/// A WPA passphrase: 8 to 63 printable ASCII characters, or `""` for an open
/// network. The passphrase itself is never repeated.
pub(crate) fn psk(psk: &str) -> Result<(), String> {
    if psk.is_empty() {
        return Ok(());
    }
    if !psk.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return Err(
            "a passphrase has only printable ASCII characters (no umlauts, no tabs)".to_owned(),
        );
    }
    if !(8..=63).contains(&psk.len()) {
        return Err(
            "a passphrase has 8 to 63 characters; write psk = \"\" for an open network".to_owned(),
        );
    }
    Ok(())
}

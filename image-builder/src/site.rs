//! The site file for the image builder: checking it (`image-builder check`),
//! making the assist PIN's hash (`image-builder pin`) and the settings
//! reference (`image-builder config`). The settings table and the parser are
//! the kiosk's own, from the `anlauf-site` crate: the file IT staff check here
//! is the one every device reads as `/etc/anlauf/site.toml`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

pub use anlauf_site::{Problems, Site, check};

/// Why no PIN hash was made. Messages never repeat the PIN.
#[derive(Debug, thiserror::Error)]
pub enum PinInputError {
    /// The PIN is not 4 to 12 digits.
    #[error(transparent)]
    Format(#[from] anlauf_site::pin::PinError),
    /// The two PINs typed at the terminal differ.
    #[error("the two PINs differ; nothing was made, try again")]
    Mismatch,
    /// Standard input or the terminal failed.
    #[error("cannot read the PIN: {0}")]
    Read(#[from] std::io::Error),
    /// The terminal's echo could not be switched off.
    #[error("cannot switch off the terminal's echo: {0}")]
    Terminal(#[from] nix::Error),
}

/// The settings reference: every setting with its type, default and help,
/// grouped by section, as a commented site file.
pub fn reference() -> String {
    anlauf_site::schema::reference()
}

/// The one line `image-builder check` prints for a site without problems.
pub fn summary(file: &Path, site: &Site) -> String {
    let networks = match site.wifi.networks.len() {
        0 => "no Wi-Fi".to_owned(),
        1 => "1 Wi-Fi network".to_owned(),
        n => format!("{n} Wi-Fi networks"),
    };
    let ssh = match site.ssh.authorized_keys.len() {
        _ if !site.ssh.enabled => "SSH off".to_owned(),
        1 => "SSH with 1 key".to_owned(),
        n => format!("SSH with {n} keys"),
    };
    let assist = if site.assist.pin_hash.is_some() {
        "assist PIN set"
    } else {
        "assist mode off"
    };
    let content = match &site.content.url {
        Some(url) => format!("content from {url}"),
        None => "demo content only".to_owned(),
    };
    let updates = match &site.update.url {
        Some(url) => format!("updates from {url} at {}", site.update.window),
        None => "no automatic updates".to_owned(),
    };
    format!(
        "{}: OK: \"{}\" (host {}, {}, {networks}, {ssh}, {assist}, {content}, {updates})",
        file.display(),
        site.name,
        site.hostname(),
        site.system.timezone,
    )
}

/// The line to paste under `[assist]` in the site file.
pub fn pin_line(hash: &str) -> String {
    format!("pin_hash = \"{hash}\"")
}

/// Reads a PIN from standard input and hashes it. At a terminal the PIN is
/// asked for twice, without echo (prompts on standard error); from a pipe
/// the first line is the PIN.
pub fn read_pin_hash() -> Result<String, PinInputError> {
    let stdin = std::io::stdin();
    let pin = if stdin.is_terminal() {
        let first = read_hidden(&stdin, "Assist PIN (4 to 12 digits): ")?;
        anlauf_site::pin::check_format(&first)?;
        let second = read_hidden(&stdin, "The same PIN again: ")?;
        if first != second {
            return Err(PinInputError::Mismatch);
        }
        first
    } else {
        read_line(&stdin)?
    };
    Ok(anlauf_site::pin::hash(&pin)?)
}

/// One line of standard input without its line ending.
fn read_line(stdin: &std::io::Stdin) -> std::io::Result<String> {
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    let end = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(end);
    Ok(line)
}

/// Switches the terminal's echo off (the newline still shows), asks on
/// standard error and reads a line; the terminal is restored however it
/// ends (except when the process is killed, as by Ctrl-C: `stty echo` or
/// `reset` brings the echo back).
fn read_hidden(stdin: &std::io::Stdin, prompt: &str) -> Result<String, PinInputError> {
    use nix::sys::termios::{LocalFlags, SetArg, tcgetattr, tcsetattr};
    use std::os::fd::AsFd;

    /// Puts the terminal's settings back when dropped.
    struct Restore<'a> {
        fd: std::os::fd::BorrowedFd<'a>,
        original: nix::sys::termios::Termios,
    }
    impl Drop for Restore<'_> {
        fn drop(&mut self) {
            if let Err(error) = tcsetattr(self.fd, SetArg::TCSANOW, &self.original) {
                tracing::warn!(%error, "could not switch the terminal's echo back on");
            }
        }
    }

    let fd = stdin.as_fd();
    let original = tcgetattr(fd)?;
    let mut quiet = original.clone();
    quiet.local_flags.remove(LocalFlags::ECHO);
    quiet.local_flags.insert(LocalFlags::ECHONL);
    tcsetattr(fd, SetArg::TCSANOW, &quiet)?;
    let _restore = Restore { fd, original };
    // Echo is off before the prompt invites typing.
    let mut stderr = std::io::stderr();
    stderr.write_all(prompt.as_bytes())?;
    stderr.flush()?;
    Ok(read_line(stdin)?)
}

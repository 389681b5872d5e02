//! The pipe between the supervisor and the kiosk process it runs: single
//! bytes, no framing, no payload.
//!
//! | direction | byte | meaning |
//! |---|---|---|
//! | kiosk → supervisor (the kiosk's standard output) | `.` | heartbeat: the event loop turns (every [`HEARTBEAT_EVERY`](super::HEARTBEAT_EVERY)) |
//! | | `S` | a visitor's session started (the first touch on the attract screen) |
//! | | `E` | the session ended; the process is about to exit |
//! | supervisor → kiosk (the kiosk's standard input) | `a` | someone touched the terminal (the idle watcher over D-Bus): like input in the kiosk's own window for the idle countdown |
//! | | `e` | end the session (staff over D-Bus): wipe as on End session |
//!
//! Every byte from the kiosk counts as a heartbeat; a byte that is not in
//! the table is ignored apart from that, in both directions, so that either
//! side can be older than the other. A closed pipe means the other side is
//! gone: the supervisor then sees the process end, the kiosk stops
//! listening. Nothing a visitor typed, chose or saw is ever on the pipe:
//! only that a session runs and that someone is there.
//!
//! The protocol runs when the supervisor watches the kiosk
//! ([`HEARTBEAT_ENV`](super::HEARTBEAT_ENV) set in the kiosk's environment).
//! Programs the kiosk starts must not inherit the two pipes (give them
//! `Stdio::null()`): their bytes would count as the kiosk's.

use std::io::Write as _;

use tokio::io::AsyncReadExt as _;

/// What the kiosk process tells its supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FromKiosk {
    /// The event loop turns.
    Heartbeat,
    /// A visitor's session started.
    SessionStarted,
    /// The session ended; the process exits next.
    SessionEnded,
}

impl FromKiosk {
    /// The byte on the pipe.
    pub const fn byte(self) -> u8 {
        match self {
            FromKiosk::Heartbeat => b'.',
            FromKiosk::SessionStarted => b'S',
            FromKiosk::SessionEnded => b'E',
        }
    }

    /// The message of a byte; `None` for bytes this side does not know.
    pub const fn from_byte(byte: u8) -> Option<Self> {
        match byte {
            b'.' => Some(FromKiosk::Heartbeat),
            b'S' => Some(FromKiosk::SessionStarted),
            b'E' => Some(FromKiosk::SessionEnded),
            _ => None,
        }
    }
}

/// What the supervisor tells the kiosk process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToKiosk {
    /// Someone touched the terminal (in any window).
    Activity,
    /// End the session now, as on End session.
    EndSession,
}

impl ToKiosk {
    /// The byte on the pipe.
    pub const fn byte(self) -> u8 {
        match self {
            ToKiosk::Activity => b'a',
            ToKiosk::EndSession => b'e',
        }
    }

    /// The message of a byte; `None` for bytes this side does not know.
    pub const fn from_byte(byte: u8) -> Option<Self> {
        match byte {
            b'a' => Some(ToKiosk::Activity),
            b'e' => Some(ToKiosk::EndSession),
            _ => None,
        }
    }
}

/// Kiosk side: writes one message to the supervisor (standard output).
pub fn tell(message: FromKiosk) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(&[message.byte()])?;
    out.flush()
}

/// Kiosk side: the supervisor's requests on standard input, read without
/// blocking a thread (a blocking read cannot be cancelled and would hold up
/// the process's exit). Needs a tokio runtime; fails when standard input
/// is not a pipe.
pub fn stdin() -> std::io::Result<tokio::net::unix::pipe::Receiver> {
    use std::os::fd::AsFd as _;
    let fd = std::io::stdin().as_fd().try_clone_to_owned()?;
    tokio::net::unix::pipe::Receiver::from_owned_fd(fd)
}

/// Kiosk side: the next request from the supervisor on `input`; `None`
/// when the pipe closed.
pub async fn next_request(
    input: &mut (impl tokio::io::AsyncRead + Unpin),
) -> std::io::Result<Option<ToKiosk>> {
    let mut byte = [0u8; 1];
    loop {
        if input.read(&mut byte).await? == 0 {
            return Ok(None);
        }
        if let Some(request) = ToKiosk::from_byte(byte[0]) {
            return Ok(Some(request));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_survives_its_byte_and_the_two_directions_never_share_one() {
        for message in [
            FromKiosk::Heartbeat,
            FromKiosk::SessionStarted,
            FromKiosk::SessionEnded,
        ] {
            assert_eq!(FromKiosk::from_byte(message.byte()), Some(message));
            assert_eq!(ToKiosk::from_byte(message.byte()), None);
        }
        for message in [ToKiosk::Activity, ToKiosk::EndSession] {
            assert_eq!(ToKiosk::from_byte(message.byte()), Some(message));
            assert_eq!(FromKiosk::from_byte(message.byte()), None);
        }
        assert_eq!(FromKiosk::from_byte(b'x'), None);
        assert_eq!(ToKiosk::from_byte(b'\n'), None);
    }

    #[tokio::test]
    async fn the_kiosk_hears_known_bytes_in_order_and_skips_the_rest() {
        let mut input = &b"a?ae\n"[..];
        let mut heard = Vec::new();
        while let Some(request) = next_request(&mut input).await.unwrap() {
            heard.push(request);
        }
        assert_eq!(
            heard,
            [ToKiosk::Activity, ToKiosk::Activity, ToKiosk::EndSession]
        );
    }
}

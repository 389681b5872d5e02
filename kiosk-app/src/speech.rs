//! Read aloud through speech-dispatcher, spoken to over its SSIP socket.
//!
//! The kiosk never logs what it reads aloud. Before speaking it checks that
//! the synthesizer has a voice for the language, so that Farsi text is never
//! read with an English voice; where none exists the visitor gets a clear
//! message instead.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixStream;
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};

use crate::language::Language;

/// Why reading aloud did not work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpeechError {
    /// speech-dispatcher is not running and could not be started.
    #[error("speech-dispatcher is not reachable at {socket}: {reason}")]
    Unavailable {
        /// The socket tried.
        socket: PathBuf,
        /// What failed.
        reason: String,
    },
    /// The synthesizer has no voice for the language.
    #[error("no speech voice for language {0}")]
    NoVoice(Language),
    /// speech-dispatcher answered something unexpected.
    #[error("speech-dispatcher refused {command}: {reply}")]
    Refused {
        /// The command sent.
        command: String,
        /// The reply line.
        reply: String,
    },
    /// speech-dispatcher did not answer in time.
    #[error("speech-dispatcher did not answer within {0:?}")]
    Timeout(Duration),
}

/// Where speech-dispatcher listens when nothing else is configured.
pub fn default_socket() -> PathBuf {
    if let Ok(address) = std::env::var("SPEECHD_ADDRESS")
        && let Some(path) = address.strip_prefix("unix_socket:")
    {
        return PathBuf::from(path);
    }
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/run/user/0"));
    runtime.join("speech-dispatcher/speechd.sock")
}

/// The languages the synthesizer has voices for, as parsed from
/// `LIST SYNTHESIS_VOICES` (primary subtags, lower case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Voices(BTreeSet<String>);

impl Voices {
    /// Parses the reply lines of `LIST SYNTHESIS_VOICES` (`249-NAME\tLANG\tVARIANT`).
    pub fn parse(lines: &[String]) -> Voices {
        let languages = lines
            .iter()
            .filter_map(|line| line.strip_prefix("249-"))
            .filter_map(|voice| voice.split('\t').nth(1))
            .filter_map(|tag| tag.split(['-', '_']).next())
            .map(str::to_ascii_lowercase)
            .filter(|tag| !tag.is_empty())
            .collect();
        Voices(languages)
    }

    /// Whether some voice speaks `language`.
    pub fn speaks(&self, language: Language) -> bool {
        self.0.contains(language.speech_tag())
    }

    /// How many languages have a voice.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no voice at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Escapes text for SSIP's SPEAK: CRLF line ends, leading dots doubled, and
/// the terminating dot line.
pub fn speak_payload(text: &str) -> String {
    let mut payload = String::with_capacity(text.len() + 8);
    for line in text.lines() {
        if line.starts_with('.') {
            payload.push('.');
        }
        payload.push_str(line);
        payload.push_str("\r\n");
    }
    payload.push_str(".\r\n");
    payload
}

const ANSWER_TIMEOUT: Duration = Duration::from_secs(3);

/// One SSIP connection.
struct Connection {
    reader: BufReader<OwnedReadHalf>,
    writer: OwnedWriteHalf,
}

impl Connection {
    async fn open(socket: &Path) -> Result<Connection, SpeechError> {
        let stream = match UnixStream::connect(socket).await {
            Ok(stream) => stream,
            Err(first) => {
                if !spawn_daemon(socket).await {
                    return Err(SpeechError::Unavailable {
                        socket: socket.to_owned(),
                        reason: first.to_string(),
                    });
                }
                UnixStream::connect(socket)
                    .await
                    .map_err(|error| SpeechError::Unavailable {
                        socket: socket.to_owned(),
                        reason: error.to_string(),
                    })?
            }
        };
        let (read, writer) = stream.into_split();
        let mut connection = Connection {
            reader: BufReader::new(read),
            writer,
        };
        connection
            .command("SET self CLIENT_NAME anlauf:kiosk:main")
            .await?;
        Ok(connection)
    }

    /// Sends a line and reads the reply up to its final `NNN text` line.
    async fn command(&mut self, line: &str) -> Result<Vec<String>, SpeechError> {
        self.send(&format!("{line}\r\n"), line).await?;
        self.reply(line).await
    }

    async fn send(&mut self, data: &str, what: &str) -> Result<(), SpeechError> {
        self.writer
            .write_all(data.as_bytes())
            .await
            .map_err(|error| SpeechError::Refused {
                command: what.to_owned(),
                reply: error.to_string(),
            })
    }

    async fn reply(&mut self, command: &str) -> Result<Vec<String>, SpeechError> {
        let read = async {
            let mut lines = Vec::new();
            loop {
                let mut line = String::new();
                let count = self.reader.read_line(&mut line).await.map_err(|error| {
                    SpeechError::Refused {
                        command: command.to_owned(),
                        reply: error.to_string(),
                    }
                })?;
                if count == 0 {
                    return Err(SpeechError::Refused {
                        command: command.to_owned(),
                        reply: "connection closed".to_owned(),
                    });
                }
                let line = line.trim_end_matches(['\r', '\n']).to_owned();
                let last = line.as_bytes().get(3) == Some(&b' ');
                lines.push(line);
                if last {
                    return Ok(lines);
                }
            }
        };
        let lines = tokio::time::timeout(ANSWER_TIMEOUT, read)
            .await
            .map_err(|_| SpeechError::Timeout(ANSWER_TIMEOUT))??;
        match lines.last() {
            Some(last) if last.starts_with('2') => Ok(lines),
            other => Err(SpeechError::Refused {
                command: command.to_owned(),
                reply: other.cloned().unwrap_or_default(),
            }),
        }
    }
}

/// Starts speech-dispatcher the way its own clients do, when the socket is
/// its usual one; returns whether the socket appeared.
async fn spawn_daemon(socket: &Path) -> bool {
    if socket != default_socket() {
        return false;
    }
    let spawned = tokio::process::Command::new("speech-dispatcher")
        .arg("--spawn")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .await;
    if !spawned.is_ok_and(|status| status.success()) {
        return false;
    }
    for _ in 0..40 {
        if socket.exists() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

/// Lists the languages the synthesizer speaks.
pub async fn voices(socket: &Path) -> Result<Voices, SpeechError> {
    let mut connection = Connection::open(socket).await?;
    let lines = connection.command("LIST SYNTHESIS_VOICES").await?;
    Ok(Voices::parse(&lines))
}

/// Stops whatever is being read and reads `text` in `language`. `voices` is
/// what [`voices`] returned for this socket (callers cache it per process).
pub async fn speak(
    socket: &Path,
    voices: &Voices,
    language: Language,
    text: &str,
) -> Result<(), SpeechError> {
    if !voices.speaks(language) {
        return Err(SpeechError::NoVoice(language));
    }
    let mut connection = Connection::open(socket).await?;
    connection.command("CANCEL all").await?;
    connection
        .command(&format!("SET self LANGUAGE {}", language.speech_tag()))
        .await?;
    connection.command("SPEAK").await?;
    connection.send(&speak_payload(text), "SPEAK text").await?;
    connection.reply("SPEAK text").await?;
    Ok(())
}

/// Stops all speech now: used when a session ends, so that nothing of one
/// visitor is still being read when the next one walks up.
pub async fn cancel(socket: &Path) -> Result<(), SpeechError> {
    if !socket.exists() {
        return Ok(());
    }
    let mut connection = Connection::open(socket).await?;
    connection.command("CANCEL all").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voices_are_parsed_to_primary_languages() {
        let lines: Vec<String> = [
            "249-German\tde\tnone",
            "249-English (America)\ten-US\tnone",
            "249-Persian\tfa\tAlex",
            "249 OK VOICE LIST SENT",
        ]
        .map(String::from)
        .to_vec();
        let voices = Voices::parse(&lines);
        assert_eq!(voices.len(), 3);
        assert!(voices.speaks(Language::English));
        assert!(voices.speaks(Language::EasyGerman));
        assert!(voices.speaks(Language::Farsi));
        assert!(!voices.speaks(Language::Arabic));
    }

    #[test]
    fn payload_escapes_dots_and_ends_with_a_dot_line() {
        assert_eq!(
            speak_payload("Hallo\n.Punkt\nEnde"),
            "Hallo\r\n..Punkt\r\nEnde\r\n.\r\n"
        );
    }

    #[tokio::test]
    async fn a_missing_socket_is_unavailable_not_a_hang() {
        let socket = Path::new("/nonexistent/anlauf/speechd.sock");
        let error = voices(socket).await.unwrap_err();
        assert!(matches!(error, SpeechError::Unavailable { .. }), "{error}");
        assert!(cancel(socket).await.is_ok());
    }

    #[tokio::test]
    async fn no_voice_is_reported_before_connecting() {
        let error = speak(
            Path::new("/nonexistent"),
            &Voices::default(),
            Language::Farsi,
            "x",
        )
        .await
        .unwrap_err();
        assert_eq!(error, SpeechError::NoVoice(Language::Farsi));
    }
}

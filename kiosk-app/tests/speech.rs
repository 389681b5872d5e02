//! Read aloud against a real speech-dispatcher (with espeak-ng), started by
//! the test on its own socket with sound going to ALSA's null device.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kiosk_app::language::Language;
use kiosk_app::speech::{self, SpeechError};

struct SpeechDaemon {
    child: Child,
    dir: PathBuf,
}

impl SpeechDaemon {
    /// Starts speech-dispatcher whose default output module is `module`:
    /// "espeak-ng", or "only-english" (a generic module with one voice).
    fn start(module: &str) -> SpeechDaemon {
        let dir =
            std::env::temp_dir().join(format!("anlauf-speech-{}-{module}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in ["conf/modules", "run", "home"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        std::fs::write(dir.join("home/.asoundrc"), "pcm.!default { type null }\n").unwrap();
        std::fs::write(
            dir.join("conf/speechd.conf"),
            format!(
                "LogLevel 1\nLogDir \"{}\"\nAudioOutputMethod \"alsa\"\n\
                 AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n\
                 AddModule \"only-english\" \"sd_generic\" \"only-english.conf\"\n\
                 DefaultModule {module}\n",
                dir.display()
            ),
        )
        .unwrap();
        std::fs::write(
            dir.join("conf/modules/espeak-ng.conf"),
            "EspeakIndexing 1\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("conf/modules/only-english.conf"),
            "GenericExecuteSynth \"true\"\nGenericLanguage \"en\" \"en\" \"utf-8\"\nAddVoice \"en\" \"MALE1\" \"english\"\n",
        )
        .unwrap();
        let run = dir.join("run");
        set_private(&run);
        let child = Command::new("speech-dispatcher")
            .args([
                "--run-single",
                "--timeout",
                "0",
                "--communication-method",
                "unix_socket",
                "--socket-path",
            ])
            .arg(dir.join("sock"))
            .arg("--config-dir")
            .arg(dir.join("conf"))
            .env("HOME", dir.join("home"))
            .env("XDG_RUNTIME_DIR", &run)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("speech-dispatcher is installed (tests/run installs it)");
        let daemon = SpeechDaemon { child, dir };
        let deadline = Instant::now() + Duration::from_secs(10);
        // The socket file appears before the daemon listens on it: wait
        // until it takes a connection (a loaded machine shows the gap).
        while std::os::unix::net::UnixStream::connect(daemon.socket()).is_err() {
            assert!(
                Instant::now() < deadline,
                "speech-dispatcher did not open its socket"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        daemon
    }

    fn socket(&self) -> PathBuf {
        self.dir.join("sock")
    }
}

fn set_private(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
}

impl Drop for SpeechDaemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn espeak_ng_has_a_voice_for_every_shipped_language_and_speaks() {
    let daemon = SpeechDaemon::start("espeak-ng");
    let voices = speech::voices(&daemon.socket())
        .await
        .expect("voices listed");
    for language in Language::ALL {
        assert!(
            voices.speaks(language),
            "espeak-ng has no voice for {language}"
        );
    }
    speech::speak(
        &daemon.socket(),
        &voices,
        Language::Farsi,
        "سلام. این یک آزمایش است.",
    )
    .await
    .expect("spoken");
    speech::speak(
        &daemon.socket(),
        &voices,
        Language::German,
        ".Punkt am Anfang\nzweite Zeile",
    )
    .await
    .expect("spoken");
    speech::cancel(&daemon.socket()).await.expect("cancelled");
}

#[tokio::test]
async fn a_language_without_voice_is_refused_with_no_voice() {
    let daemon = SpeechDaemon::start("only-english");
    let voices = speech::voices(&daemon.socket())
        .await
        .expect("voices listed");
    assert!(voices.speaks(Language::English));
    let error = speech::speak(&daemon.socket(), &voices, Language::Farsi, "سلام")
        .await
        .unwrap_err();
    assert_eq!(error, SpeechError::NoVoice(Language::Farsi));
    assert_eq!(error.to_string(), "no speech voice for language fa");
    speech::speak(&daemon.socket(), &voices, Language::English, "Hello")
        .await
        .expect("spoken");
}

#[tokio::test]
async fn a_dead_daemon_is_unavailable() {
    let daemon = SpeechDaemon::start("only-english");
    let socket = daemon.socket();
    let voices = speech::voices(&socket).await.expect("voices listed");
    drop(daemon);
    let error = speech::speak(&socket, &voices, Language::English, "Hello")
        .await
        .unwrap_err();
    assert!(matches!(error, SpeechError::Unavailable { .. }), "{error}");
}

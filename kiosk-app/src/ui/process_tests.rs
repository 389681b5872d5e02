//! The real kiosk process under a real X server, touched where a headless
//! twin of the same kiosk (same site file, same content, same window size)
//! shows each button. A canary typed into a form on the on-screen keyboard
//! is in the kiosk's memory while the session runs; after End session it
//! is in no process that outlives the session (the supervisor, the fresh
//! kiosk, the X server, speech-dispatcher), in no log line and in no file
//! the kiosk could write.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anlauf_tests::process::{memory_hits, named, wait_for_child};
use anlauf_tests::{Frame, Xvfb};
use kiosk_app::forms::Slot;

use super::Kiosk;
use super::form_tests::{canary, found_in_files, title};
use super::tests::{WIDE, bounds_of, kiosk_with, t, tap};

const WIDTH: u32 = WIDE.width as u32;
const HEIGHT: u32 = WIDE.height as u32;
/// Colours of the normal palette (kiosk-app/src/display.rs).
const BACKGROUND: u32 = 0xF7F4EE;
const BAR: u32 = 0x1D4E6E;

const SITE: &str = "[site]\nname = \"Testtreff\"\n\n[input]\ndevice_dir = \"/nonexistent/input\"\n";

fn attract(frame: &Frame) -> bool {
    frame.share(0, 0, WIDTH, 60, BACKGROUND) > 0.9
        && frame.share(0, 0, WIDTH, HEIGHT, BACKGROUND) > 0.6
}

fn in_session(frame: &Frame) -> bool {
    frame.share(0, 0, WIDTH, 60, BAR) > 0.3
}

/// The kiosk binary beside this test binary (`target/debug/deps/..` ->
/// `target/debug/kiosk-app`); cargo builds it for the crate's integration
/// tests.
fn kiosk_binary() -> PathBuf {
    let binary = anlauf_tests::workspace::built("kiosk-app");
    assert!(
        binary.exists(),
        "{} is missing: build it first (cargo build -p kiosk-app)",
        binary.display()
    );
    binary
}

/// Stops the supervisor (and so its kiosk) when the test ends, even by panic.
struct Supervisor(Child);

impl Drop for Supervisor {
    fn drop(&mut self) {
        use nix::sys::signal::{Signal, kill};
        if self.0.try_wait().ok().flatten().is_none() {
            let pid = nix::unistd::Pid::from_raw(self.0.id() as i32);
            let _ = kill(pid, Signal::SIGTERM);
            let _ = self.0.wait();
        }
    }
}

/// The real kiosk on the X server and its headless twin: every touch is
/// found and applied on the twin, then made at the same place on screen.
struct Twin {
    kiosk: Kiosk,
    x: Xvfb,
}

impl Twin {
    /// Touches the text `content`; waits until the screen has changed when
    /// the touch leads somewhere else.
    fn tap(&mut self, content: &str, wait: bool) {
        let at = bounds_of(&self.kiosk, WIDE, content).center();
        let before = self.x.grab().unwrap();
        tap(&mut self.kiosk, WIDE, content);
        self.x.tap(at.x as u32, at.y as u32).unwrap();
        if wait {
            self.x
                .wait_for(content, Duration::from_secs(10), |frame| *frame != before)
                .unwrap();
            // Let the frame that follows the first change settle.
            std::thread::sleep(Duration::from_millis(300));
        } else {
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn tap_key(&mut self, key: &str, wait: bool) {
        let content = t(&self.kiosk, key);
        self.tap(&content, wait);
    }
}

/// Polls `pid`'s memory until `needle` is there (the kiosk handles the last
/// touches a little after they are made).
fn eventually_in_memory(pid: u32, needle: &[u8]) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let hits = memory_hits(pid, needle).unwrap();
        if !hits.is_empty() || Instant::now() > deadline {
            return hits;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_canary_typed_into_a_form_is_in_no_process_log_or_file_after_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.toml");
    std::fs::write(&site, SITE).unwrap();
    let log = dir.path().join("kiosk.log");
    let x = Xvfb::start(WIDTH, HEIGHT).unwrap();
    let supervisor = Command::new(kiosk_binary())
        .args(["--windowed", "--site"])
        .arg(&site)
        .env("DISPLAY", x.display())
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", dir.path())
        .env("RUST_LOG", "debug")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let supervisor = Supervisor(supervisor);
    let pid = supervisor.0.id();
    let first = wait_for_child(pid, None, Duration::from_secs(10)).expect("a kiosk process");
    x.wait_for("the attract screen", Duration::from_secs(30), attract)
        .unwrap();

    let mut twin = Twin {
        kiosk: kiosk_with(SITE).0,
        x,
    };
    twin.tap_key("attract-touch", false);
    twin.x
        .wait_for("the home screen", Duration::from_secs(10), in_session)
        .unwrap();
    twin.tap_key("tile-forms", true);
    let postadresse = title(&twin.kiosk, "postadresse");
    twin.tap(&postadresse, true);
    // The first empty answer field of the step is the given name.
    twin.tap(" ", true);
    let secret = canary();
    for c in secret.chars() {
        twin.tap(&c.to_string(), false);
    }
    twin.tap_key("osk-done", true);
    assert_eq!(
        twin.kiosk
            .session()
            .form
            .as_ref()
            .unwrap()
            .answer(&Slot::top("given_name")),
        secret,
        "the twin typed into the given name"
    );

    // While the session runs, the kiosk holds the name: the search below
    // can find it.
    let during = eventually_in_memory(first, secret.as_bytes());
    assert!(
        !during.is_empty(),
        "the canary never reached the kiosk's memory: the touches missed"
    );
    eprintln!("the canary in the running kiosk: {during:?}");

    twin.tap_key("bar-end", true);
    twin.tap_key("confirm-end-yes", false);
    assert!(twin.kiosk.ended());
    let second =
        wait_for_child(pid, Some(first), Duration::from_secs(10)).expect("a fresh kiosk process");
    assert!(!Path::new(&format!("/proc/{first}")).exists());
    twin.x
        .wait_for("the attract screen again", Duration::from_secs(20), attract)
        .unwrap();

    let mut outlivers = vec![("supervisor", pid), ("fresh kiosk", second)];
    outlivers.push(("X server", twin.x.pid()));
    outlivers.extend(named("speech-dispatch").into_iter().map(|p| ("speech", p)));
    outlivers.extend(named("sd_espeak").into_iter().map(|p| ("speech module", p)));
    for (what, pid) in outlivers {
        let hits = memory_hits(pid, secret.as_bytes()).unwrap_or_default();
        assert!(
            hits.is_empty(),
            "the canary is in the memory of the {what} ({pid}): {hits:?}"
        );
    }
    let logged = std::fs::read(&log).unwrap();
    assert!(
        !logged.windows(secret.len()).any(|w| w == secret.as_bytes()),
        "the canary is in the kiosk's log"
    );
    assert!(
        logged.len() > 1000,
        "the kiosk logged at debug level ({} bytes)",
        logged.len()
    );
    let mut places = vec![dir.path().to_owned(), PathBuf::from("/var/tmp")];
    places.extend(
        std::env::var_os("HOME")
            .map(|home| PathBuf::from(home).join(".cache"))
            .filter(|cache| cache.exists()),
    );
    for place in places {
        let hits = found_in_files(&place, secret.as_bytes());
        assert!(hits.is_empty(), "the canary is on disk: {hits:?}");
    }
    drop(supervisor);
}

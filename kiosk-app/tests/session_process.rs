//! The real kiosk under a real X server: the supervisor starts a kiosk
//! process, a touch starts a session, End session ends the process and a
//! fresh one shows the attract screen; a killed kiosk comes back; SIGTERM
//! stops everything.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Stdio};
use std::time::Duration;

use anlauf_tests::process::{children, wait_for_child};
use anlauf_tests::{Frame, Xvfb};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

const WIDTH: u32 = 1366;
const HEIGHT: u32 = 768;
/// Colours of the normal palette (kiosk-app/src/display.rs).
const BACKGROUND: u32 = 0xF7F4EE;
const BAR: u32 = 0x1D4E6E;
const DANGER: u32 = 0xA8322D;

fn attract(frame: &Frame) -> bool {
    frame.share(0, 0, WIDTH, 60, BACKGROUND) > 0.9
        && frame.share(0, 0, WIDTH, HEIGHT, BACKGROUND) > 0.6
}

fn in_session(frame: &Frame) -> bool {
    frame.share(0, 0, WIDTH, 60, BAR) > 0.3
}

fn site_file(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("site.toml");
    std::fs::write(
        &path,
        "[site]\nname = \"Testtreff\"\n\n[input]\ndevice_dir = \"/nonexistent/input\"\n",
    )
    .unwrap();
    path
}

/// Stops the supervisor (and so its kiosk) when the test ends, even by panic.
struct Stopped(std::process::Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = kill(Pid::from_raw(self.0.id() as i32), Signal::SIGTERM);
            let _ = self.0.wait();
        }
    }
}

#[test]
fn every_visitor_gets_a_fresh_process_and_a_killed_kiosk_comes_back() {
    let x = Xvfb::start(WIDTH, HEIGHT).expect("Xvfb");
    let dir = std::env::temp_dir().join(format!("anlauf-e2e-{}", std::process::id()));
    let site = site_file(&dir);
    let supervisor = Command::new(env!("CARGO_BIN_EXE_kiosk-app"))
        .args(["--windowed", "--site"])
        .arg(&site)
        .env("DISPLAY", x.display())
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", &dir)
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .spawn()
        .expect("kiosk-app starts");
    let mut supervisor = Stopped(supervisor);
    let pid = supervisor.0.id();

    let first = wait_for_child(pid, None, Duration::from_secs(10)).expect("a kiosk process");
    x.wait_for("the attract screen", Duration::from_secs(20), attract)
        .expect("attract");

    // A touch starts a session.
    x.tap(WIDTH / 2, HEIGHT / 2).unwrap();
    let (_, frame) = x
        .wait_for("the home screen", Duration::from_secs(10), in_session)
        .expect("session");

    // End session, then confirm in the dialog.
    let (ex, ey, ew, eh) = frame
        .find(DANGER, (WIDTH / 2, 0, WIDTH / 2, 80))
        .expect("End session in the bar");
    x.tap(ex + ew / 2, ey + eh / 2).unwrap();
    // The dialog dims everything behind it: the bar loses its colour, and
    // the only red left is the dialog's "Yes, end" button.
    let (_, frame) = x
        .wait_for("the confirmation", Duration::from_secs(10), |f| {
            !in_session(f) && f.find(DANGER, (0, 150, WIDTH, 500)).is_some()
        })
        .expect("dialog");
    let (cx, cy, cw, ch) = frame.find(DANGER, (0, 150, WIDTH, 500)).unwrap();
    x.tap(cx + cw / 2, cy + ch / 2).unwrap();

    // The process ends and a fresh one shows the attract screen.
    let second =
        wait_for_child(pid, Some(first), Duration::from_secs(10)).expect("a fresh kiosk process");
    assert_ne!(first, second);
    assert!(
        !std::path::Path::new(&format!("/proc/{first}")).exists(),
        "the old process is gone"
    );
    x.wait_for("the attract screen again", Duration::from_secs(10), attract)
        .expect("attract again");

    // A kiosk killed outright comes back on its attract screen within 5 s.
    kill(Pid::from_raw(second as i32), Signal::SIGKILL).unwrap();
    let third =
        wait_for_child(pid, Some(second), Duration::from_secs(5)).expect("restarted after SIGKILL");
    x.wait_for(
        "the attract screen after a crash",
        Duration::from_secs(5),
        attract,
    )
    .expect("attract after crash");

    // SIGTERM stops the supervisor and its kiosk.
    kill(Pid::from_raw(pid as i32), Signal::SIGTERM).unwrap();
    let status = supervisor.0.wait().unwrap();
    assert!(status.success(), "supervisor exit: {status:?}");
    assert!(children(pid).is_empty());
    std::thread::sleep(Duration::from_millis(100));
    assert!(
        !std::path::Path::new(&format!("/proc/{third}/exe")).exists(),
        "the kiosk outlived its supervisor"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

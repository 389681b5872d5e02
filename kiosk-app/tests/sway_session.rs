//! The locked-down compositor with the kiosk inside: sway started headless
//! (wlroots headless backend, pixman renderer) with the device's own
//! configuration (`systemd/sway/config`, only the program's path and the
//! headless output changed), as an unprivileged user. A screenshot shows
//! the attract screen; a window of a program that is not allowed (the
//! terminal `foot`) is closed within one second; the kiosk killed with
//! SIGKILL is back on the attract screen within 5 s; when the compositor
//! ends, the kiosk ends with it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::{PermissionsExt as _, chown};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anlauf_tests::process::Killed;

/// The user the compositor runs as (sway refuses root).
const NOBODY: u32 = 65534;
const WIDTH: u32 = 1366;
const HEIGHT: u32 = 768;
const BACKGROUND: [u8; 3] = [0xF7, 0xF4, 0xEE];

struct Session {
    log: PathBuf,
    runtime: PathBuf,
    site: PathBuf,
    socket: PathBuf,
    sway: Killed,
}

impl Drop for Session {
    /// Ends sway first; the kiosk's supervisor stops when its compositor
    /// ends. Whatever is left of this test's processes then is killed.
    fn drop(&mut self) {
        let _ = self.sway.0.kill();
        let _ = self.sway.0.wait();
        let deadline = Instant::now() + Duration::from_secs(5);
        while processes_of(&self.site).next().is_some() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        for (pid, line) in processes_of(&self.site) {
            eprintln!("left behind: {pid} {line}");
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    }
}

impl Session {
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("LANG", "C.UTF-8")
            .env("HOME", &self.runtime)
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env("WAYLAND_DISPLAY", "wayland-1")
            .env("SWAYSOCK", &self.socket)
            .uid(NOBODY)
            .gid(NOBODY);
        command
    }

    /// The share of the screen in the palette's background colour.
    fn background_share(&self) -> Option<f64> {
        let shot = self.runtime.join("shot.png");
        let _ = std::fs::remove_file(&shot);
        let status = self
            .command("grim")
            .arg(&shot)
            .stderr(Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).ok()?));
        let mut reader = decoder.read_info().ok()?;
        let mut pixels = vec![0; reader.output_buffer_size()?];
        let info = reader.next_frame(&mut pixels).ok()?;
        let channels = info.color_type.samples();
        let total = (info.width * info.height) as usize;
        let matching = pixels
            .chunks_exact(channels)
            .filter(|p| p[..3] == BACKGROUND)
            .count();
        Some(matching as f64 / total as f64)
    }

    fn wait_for_attract(&self, timeout: Duration) -> Duration {
        let started = Instant::now();
        loop {
            if self.background_share().is_some_and(|share| share > 0.6) {
                return started.elapsed();
            }
            assert!(
                started.elapsed() < timeout,
                "no attract screen within {timeout:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The app ids of the windows sway shows.
    fn windows(&self) -> Vec<String> {
        let output = self
            .command("swaymsg")
            .args(["-t", "get_tree", "-r"])
            .output()
            .unwrap();
        let tree: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
        kiosk_app::compositor::windows(&tree)
            .iter()
            .map(|n| n["app_id"].as_str().unwrap_or("").to_owned())
            .collect()
    }
}

fn start() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let runtime = dir.path().join("runtime");
    std::fs::create_dir(&runtime).unwrap();
    std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    chown(&runtime, Some(NOBODY), Some(NOBODY)).unwrap();
    let site = dir.path().join("site.toml");
    std::fs::write(
        &site,
        "[site]\nname = \"Testtreff\"\n\n[input]\ndevice_dir = \"/nonexistent/input\"\n",
    )
    .unwrap();
    let device = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../systemd/sway/config"),
    )
    .unwrap();
    let exec = "exec \"/usr/bin/kiosk-app; swaymsg exit\"";
    assert!(device.contains(exec), "the device config starts the kiosk");
    let config = device.replace(
        exec,
        &format!(
            "output HEADLESS-1 resolution {WIDTH}x{HEIGHT}\nexec \"{} --site {}; swaymsg exit\"",
            env!("CARGO_BIN_EXE_kiosk-app"),
            site.display()
        ),
    );
    let config_path = dir.path().join("sway.conf");
    std::fs::write(&config_path, config).unwrap();
    let sway = Command::new("sway")
        .arg("--config")
        .arg(&config_path)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("WLR_BACKENDS", "headless")
        .env("WLR_RENDERER", "pixman")
        .env("WLR_LIBINPUT_NO_DEVICES", "1")
        .env("RUST_LOG", "info")
        .uid(NOBODY)
        .gid(NOBODY)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.path().join("sway.log")).unwrap())
        .spawn()
        .expect("sway (Debian package sway)");
    let sway = Killed(sway);
    let deadline = Instant::now() + Duration::from_secs(20);
    let socket = loop {
        let found = std::fs::read_dir(&runtime)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("sway-ipc."));
        if let Some(entry) = found {
            break entry.path();
        }
        assert!(Instant::now() < deadline, "sway did not start");
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = dir.path().join("sway.log");
    (
        dir,
        Session {
            log,
            runtime,
            site,
            socket,
            sway,
        },
    )
}

/// The processes started with this test's site file.
fn processes_of(site: &Path) -> impl Iterator<Item = (u32, String)> + use<> {
    let site = site.to_string_lossy().into_owned();
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(move |pid| {
            let line = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
            let line = String::from_utf8_lossy(&line).replace('\0', " ");
            line.contains(&site).then_some((pid, line))
        })
}

/// The kiosk process of the moment: `--session-child` with this test's site
/// file (sway starts programs detached, so it is not in sway's process tree).
fn kiosk_process(site: &Path) -> Option<u32> {
    processes_of(site)
        .find(|(_, line)| line.contains("--session-child"))
        .map(|(pid, _)| pid)
}

#[test]
fn the_kiosk_runs_alone_in_the_locked_down_compositor_and_comes_back_when_killed() {
    let (_dir, session) = start();
    let first = session.wait_for_attract(Duration::from_secs(40));
    eprintln!("attract screen after {first:?}");
    assert_eq!(
        session.windows(),
        vec![kiosk_app::compositor::KIOSK_APP_ID.to_owned()],
        "the kiosk's window alone"
    );

    // A program that is not allowed opens a window: it is closed at once.
    let mut foot = Killed(
        session
            .command("foot")
            // Its own program runs for a minute: only closing its window
            // ends it sooner.
            .args(["sleep", "60"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("foot (Debian package foot)"),
    );
    let started = Instant::now();
    let (mut first_seen, mut last_seen) = (None, None);
    let ended = loop {
        if session.windows().iter().any(|w| w == "foot") {
            first_seen.get_or_insert(started.elapsed());
            last_seen = Some(started.elapsed());
        }
        if let Some(status) = foot.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the terminal is still running"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    eprintln!(
        "foot: window seen {first_seen:?} to {last_seen:?}, ended {ended:?} after {:?}",
        started.elapsed()
    );
    if let (Some(first), Some(last)) = (first_seen, last_seen) {
        assert!(
            last - first < Duration::from_secs(1),
            "open for {:?}",
            last - first
        );
    }
    assert!(session.windows().iter().all(|w| w != "foot"));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the terminal lived {:?}",
        started.elapsed()
    );
    // It was the kiosk's guard that closed it (its log goes to sway's).
    let log = std::fs::read_to_string(session.log.as_path()).unwrap();
    assert!(
        log.lines()
            .any(|l| l.contains("closing a window that is not allowed") && l.contains("foot")),
        "{log}"
    );
    assert!(
        session
            .windows()
            .contains(&kiosk_app::compositor::KIOSK_APP_ID.to_owned())
    );

    // The kiosk killed outright: its supervisor starts a fresh one.
    let kiosk = kiosk_process(&session.site).expect("the kiosk process under sway");
    let killed = Command::new("kill")
        .args(["-KILL", &kiosk.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let fresh = loop {
        if let Some(fresh) = kiosk_process(&session.site).filter(|p| *p != kiosk) {
            break fresh;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "no fresh kiosk");
        std::thread::sleep(Duration::from_millis(10));
    };
    session.wait_for_attract(Duration::from_secs(5).saturating_sub(started.elapsed()));
    let back = started.elapsed();
    eprintln!("back on the attract screen {back:?} after SIGKILL (process {fresh})");
    assert!(back <= Duration::from_secs(5), "{back:?}");
    assert_eq!(
        session.windows(),
        vec![kiosk_app::compositor::KIOSK_APP_ID.to_owned()]
    );

    // The compositor ends (on the device systemd then starts the session
    // again): the supervisor and its kiosk stop with it.
    let mut session = session;
    let _ = session.sway.0.kill();
    let _ = session.sway.0.wait();
    let started = Instant::now();
    while processes_of(&session.site).next().is_some() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the kiosk outlived its compositor: {:?}",
            processes_of(&session.site).collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

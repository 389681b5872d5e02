//! Benchmarks of the kiosk shell, on a real X server (Xvfb, 1366x768) with
//! iced's software renderer, each printed as one JSON line:
//!
//! - `kiosk.first_frame`: process start to the first frame of the attract
//!   screen on screen; Chromium in kiosk mode showing the same home screen as
//!   a static page is measured beside it where Chromium is installed.
//! - `kiosk.memory`: peak memory of the kiosk on its home screen after a
//!   series of taps; beside it Chromium's PSS for the same screen as HTML.
//! - `kiosk.tap_to_frame`: a tap to the next frame that shows its effect.
//! - `kiosk.session_handoff`: End session confirmed to the fresh process's
//!   attract screen on screen.
//!
//! Screens are told apart by the palette's exact colours; where the layout
//! changes, the fixed tap positions below must follow.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use serde_json::json;

use anlauf_tests::bench::{Stats, emit, round};
use anlauf_tests::process::{pss_kb, status_kb, tree, wait_for_child};
use anlauf_tests::{Frame, Xvfb};

const WIDTH: u32 = 1366;
const HEIGHT: u32 = 768;
const BACKGROUND: u32 = 0xF7F4EE;
const BAR: u32 = 0x1D4E6E;
const DANGER: u32 = 0xA8322D;
/// The Display tile and the Back button of the home screen at 1366x768.
const DISPLAY_TILE: (u32, u32) = (1124, 236);
const BACK_BUTTON: (u32, u32) = (217, 36);

fn attract(frame: &Frame) -> bool {
    frame.share(0, 0, frame.width, frame.height, BACKGROUND) > 0.95
}

fn corner(x: &Xvfb) -> anyhow::Result<Frame> {
    Ok(x.grab_region(0, 0, 200, 40)?)
}

struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        // SIGTERM first so that a supervisor stops its kiosk too.
        let pid = nix::unistd::Pid::from_raw(self.0.id() as i32);
        if nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).is_ok() {
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = self.0.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        let _killed = self.0.kill();
        let _status = self.0.wait();
    }
}

fn kiosk_command(kiosk: &Path, x: &Xvfb, site: &Path, child: bool) -> Command {
    let mut command = Command::new(kiosk);
    if child {
        command.arg("--session-child");
    }
    command
        .args(["--windowed", "--site"])
        .arg(site)
        .env("DISPLAY", x.display())
        .env_remove("WAYLAND_DISPLAY")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn wait_black(x: &Xvfb) -> anyhow::Result<()> {
    x.wait_for("an empty screen", Duration::from_secs(5), |_| true)?;
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if corner(x)?.share(0, 0, 200, 40, 0) > 0.9 {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    bail!("the screen did not clear")
}

fn first_frame(x: &Xvfb, kiosk: &Path, site: &Path, runs: usize) -> anyhow::Result<Stats> {
    let mut samples = Vec::new();
    for _ in 0..runs {
        wait_black(x)?;
        let start = Instant::now();
        let _child = Guard(
            kiosk_command(kiosk, x, site, true)
                .spawn()
                .context("start kiosk-app")?,
        );
        loop {
            if attract(&corner(x)?) {
                samples.push(start.elapsed());
                break;
            }
            if start.elapsed() > Duration::from_secs(20) {
                bail!("no attract screen after 20 s");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    Ok(Stats::of(&samples))
}

/// Taps at `at` and returns how long until the title region changes.
fn tap_to_change(x: &Xvfb, at: (u32, u32)) -> anyhow::Result<Duration> {
    let region = (24, 90, 600, 60);
    let before = x.grab_region(region.0, region.1, region.2, region.3)?;
    let start = Instant::now();
    x.tap(at.0, at.1)?;
    loop {
        let now = x.grab_region(region.0, region.1, region.2, region.3)?;
        if now != before {
            return Ok(start.elapsed());
        }
        if start.elapsed() > Duration::from_secs(5) {
            bail!("the tap at {at:?} changed nothing");
        }
    }
}

struct Session {
    taps: Stats,
    peak_kb: u64,
    pss_kb: u64,
}

fn session(x: &Xvfb, kiosk: &Path, site: &Path, taps: usize) -> anyhow::Result<Session> {
    wait_black(x)?;
    let child = Guard(
        kiosk_command(kiosk, x, site, true)
            .spawn()
            .context("start kiosk-app")?,
    );
    let pid = child.0.id();
    x.wait_for("attract", Duration::from_secs(20), |f| {
        attract(&f.crop(0, 0, 200, 40))
    })?;
    x.tap(WIDTH / 2, HEIGHT / 2)?;
    x.wait_for("home", Duration::from_secs(10), |f| {
        f.share(0, 0, WIDTH, 60, BAR) > 0.3
    })?;
    std::thread::sleep(Duration::from_millis(300));
    let mut samples = Vec::new();
    for _ in 0..taps {
        samples.push(tap_to_change(x, DISPLAY_TILE)?);
        std::thread::sleep(Duration::from_millis(30));
        samples.push(tap_to_change(x, BACK_BUTTON)?);
        std::thread::sleep(Duration::from_millis(30));
    }
    let peak_kb = status_kb(pid, "VmHWM").context("VmHWM")?;
    let pss_kb = pss_kb(pid).context("PSS")?;
    Ok(Session {
        taps: Stats::of(&samples),
        peak_kb,
        pss_kb,
    })
}

fn handoff(x: &Xvfb, kiosk: &Path, site: &Path, runs: usize) -> anyhow::Result<Stats> {
    wait_black(x)?;
    let supervisor = Guard(
        kiosk_command(kiosk, x, site, false)
            .spawn()
            .context("start the supervisor")?,
    );
    let pid = supervisor.0.id();
    let mut current =
        wait_for_child(pid, None, Duration::from_secs(10)).context("no kiosk process")?;
    let mut samples = Vec::new();
    for _ in 0..runs {
        x.wait_for("attract", Duration::from_secs(20), |f| {
            attract(&f.crop(0, 0, 200, 40))
        })?;
        x.tap(WIDTH / 2, HEIGHT / 2)?;
        let (_, frame) = x.wait_for("home", Duration::from_secs(10), |f| {
            f.share(0, 0, WIDTH, 60, BAR) > 0.3
        })?;
        let (ex, ey, ew, eh) = frame
            .find(DANGER, (WIDTH / 2, 0, WIDTH / 2, 80))
            .context("End session")?;
        x.tap(ex + ew / 2, ey + eh / 2)?;
        let (_, frame) = x.wait_for("dialog", Duration::from_secs(10), |f| {
            f.share(0, 0, WIDTH, 60, BAR) < 0.1 && f.find(DANGER, (0, 150, WIDTH, 500)).is_some()
        })?;
        let (cx, cy, cw, ch) = frame
            .find(DANGER, (0, 150, WIDTH, 500))
            .context("Yes, end")?;
        let start = Instant::now();
        x.tap(cx + cw / 2, cy + ch / 2)?;
        // The old window goes (the screen is empty), then the new one draws.
        let deadline = start + Duration::from_secs(10);
        while corner(x)?.share(0, 0, 200, 40, 0) < 0.9 {
            if Instant::now() > deadline {
                bail!("the old kiosk window stayed");
            }
        }
        while !attract(&corner(x)?) {
            if Instant::now() > deadline {
                bail!("no fresh attract screen");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        samples.push(start.elapsed());
        let next = wait_for_child(pid, Some(current), Duration::from_secs(5))
            .context("no fresh process")?;
        current = next;
    }
    Ok(Stats::of(&samples))
}

/// The home screen as a static page, for Chromium.
fn home_html(dir: &Path) -> anyhow::Result<PathBuf> {
    let tiles: String = ["Hilfe finden", "Sprache", "Anzeige", "Vorlesen", "Sitzung beenden"]
        .iter()
        .map(|label| format!("<button class=tile><svg viewBox='0 0 64 64' width=56 height=56><circle cx=32 cy=32 r=26 fill=none stroke='#1f232b' stroke-width=5/></svg><span>{label}</span></button>"))
        .collect();
    let html = format!(
        "<!doctype html><html lang=de><meta charset=utf-8><style>\
         body{{margin:0;background:#F7F4EE;font-family:'Noto Sans',sans-serif;color:#1F232B}}\
         header{{height:72px;background:#1D4E6E;display:flex;gap:12px;padding:8px;box-sizing:border-box}}\
         header button{{background:#1D4E6E;color:#fff;border:2px solid #fff;border-radius:12px;font-size:24px}}\
         h1{{font-size:34px;font-weight:normal;margin:24px}}\
         main{{display:grid;grid-template-columns:repeat(3,1fr);gap:20px;margin:0 24px}}\
         .tile{{background:#fff;border:2px solid #8A8478;border-radius:12px;padding:22px;font-size:24px;display:flex;flex-direction:column;align-items:center;gap:14px}}\
         </style><header><button>Start</button><button>Zurück</button><span style=flex:1></span><button>Deutsch</button><button>Vorlesen</button><button style=background:#A8322D>Sitzung beenden</button></header>\
         <h1>Was möchten Sie tun?</h1><main>{tiles}</main></html>"
    );
    let path = dir.join("home.html");
    std::fs::write(&path, html)?;
    Ok(path)
}

struct Baseline {
    first_frame: Stats,
    pss_kb: u64,
    processes: usize,
}

fn chromium(x: &Xvfb, dir: &Path, runs: usize) -> anyhow::Result<Option<Baseline>> {
    let Some(program) = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        return Ok(None);
    };
    let page = home_html(dir)?;
    let mut samples = Vec::new();
    let mut memory = (0, 0);
    for run in 0..runs {
        wait_black(x)?;
        let profile = dir.join(format!("chromium-profile-{run}"));
        let start = Instant::now();
        let browser = Guard(
            Command::new(program)
                .args([
                    "--kiosk",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1366,768",
                    "--window-position=0,0",
                ])
                .arg(format!("--user-data-dir={}", profile.display()))
                .arg(format!("file://{}", page.display()))
                .env("DISPLAY", x.display())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .context("start chromium")?,
        );
        // Its first frame of the page: the bar's colour at the top left.
        loop {
            let frame = x.grab_region(0, 0, 400, 60)?;
            if frame.share(0, 0, 400, 60, BAR) > 0.3 {
                samples.push(start.elapsed());
                break;
            }
            if start.elapsed() > Duration::from_secs(60) {
                bail!("chromium showed nothing in 60 s");
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        if run == runs - 1 {
            std::thread::sleep(Duration::from_secs(5));
            let pids = tree(browser.0.id());
            memory = (
                pids.iter().filter_map(|pid| pss_kb(*pid)).sum::<u64>(),
                pids.len(),
            );
        }
        drop(browser);
        let _ = std::fs::remove_dir_all(&profile);
    }
    Ok(Some(Baseline {
        first_frame: Stats::of(&samples),
        pss_kb: memory.0,
        processes: memory.1,
    }))
}

fn main() -> anyhow::Result<()> {
    let kiosk = anlauf_tests::workspace::built("kiosk-app");
    if !kiosk.exists() {
        bail!(
            "{} is missing: build the workspace's binaries first (tests/bench does)",
            kiosk.display()
        );
    }
    let dir = std::env::temp_dir().join(format!("anlauf-bench-kiosk-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let site = dir.join("site.toml");
    std::fs::write(
        &site,
        "[site]\nname = \"Benchmark\"\n\n[input]\ndevice_dir = \"/nonexistent/input\"\n",
    )?;
    let x = Xvfb::start(WIDTH, HEIGHT)?;
    let profile = if kiosk.to_string_lossy().contains("/release/") {
        "release"
    } else {
        "debug"
    };

    let baseline = chromium(&x, &dir, 3)?;
    let first = first_frame(&x, &kiosk, &site, 15)?;
    emit(json!({
        "bench": "kiosk.first_frame", "unit": "ms", "value": round(first.p50),
        "p90": round(first.p90), "max": round(first.max), "n": first.n, "target": 150, "renderer": "tiny-skia",
        "size": "1366x768", "profile": profile,
        "baseline": baseline.as_ref().map(|b| json!({"name": "chromium --kiosk, same screen as static HTML", "value": round(b.first_frame.p50), "n": b.first_frame.n})),
    }));
    let session = session(&x, &kiosk, &site, 60)?;
    emit(json!({
        "bench": "kiosk.memory", "unit": "MB", "value": round(session.peak_kb as f64 / 1024.0), "pss": round(session.pss_kb as f64 / 1024.0),
        "what": "peak RSS (VmHWM) on the home screen after 120 taps", "target": 40, "profile": profile,
        "baseline": baseline.as_ref().map(|b| json!({"name": "chromium --kiosk, same screen as static HTML, PSS summed", "value": round(b.pss_kb as f64 / 1024.0), "processes": b.processes})),
    }));
    emit(json!({
        "bench": "kiosk.tap_to_frame", "unit": "ms", "value": round(session.taps.p99), "p50": round(session.taps.p50),
        "max": round(session.taps.max), "n": session.taps.n, "target_p99": 50, "profile": profile,
    }));
    let handoff = handoff(&x, &kiosk, &site, 10)?;
    emit(json!({
        "bench": "kiosk.session_handoff", "unit": "ms", "value": round(handoff.p50), "p90": round(handoff.p90),
        "max": round(handoff.max), "n": handoff.n, "target": 300, "profile": profile,
        "what": "End session confirmed to the fresh process's attract screen",
    }));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

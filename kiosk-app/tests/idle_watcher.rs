//! The idle watcher service (`anlauf-idle`) against `org.anlauf.Kiosk1`
//! served on a private bus (open policy: the policy has its own test, and
//! the kiosk's side counts every `Activity` that arrives).
//!
//! With `/dev/uinput`, the real binary reads a real (virtual) keyboard: one
//! key press is one `Activity` within a second, and a quiet keyboard sends
//! none. Without it (containers), the test says so and the throttled
//! sending is tested with a fake event source through the same code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::BufRead as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, watch};

use anlauf_tests::dbus::PrivateBus;
use anlauf_tests::process::Killed;
use kiosk_app::bus;
use kiosk_app::idle::report::{REPORT_EVERY, report};
use kiosk_app::idle::{EventSource, WatchEvent, watch_source};
use kiosk_app::supervisor::pipe::ToKiosk;
use kiosk_app::supervisor::{Remote, SessionState};

/// The kiosk's side: Kiosk1 served on `bus` with a session running (as
/// long as it is kept); every request it passes on arrives on `received`.
struct KioskSide {
    _served: zbus::Connection,
    _session: watch::Sender<SessionState>,
    received: mpsc::Receiver<ToKiosk>,
}

async fn kiosk_side(bus: &PrivateBus) -> KioskSide {
    let (requests, received) = mpsc::channel(64);
    let (state, session) = watch::channel(SessionState {
        active: true,
        since: 1,
    });
    let served = bus::serve(
        zbus::connection::Builder::address(bus.address()),
        Remote { requests, session },
    )
    .await
    .unwrap();
    KioskSide {
        _served: served,
        _session: state,
        received,
    }
}

/// The times of the requests that arrive within `window`.
async fn arrivals(received: &mut mpsc::Receiver<ToKiosk>, window: Duration) -> Vec<Duration> {
    let start = Instant::now();
    let mut times = Vec::new();
    while let Ok(Some(request)) =
        tokio::time::timeout(window.saturating_sub(start.elapsed()), received.recv()).await
    {
        assert_eq!(request, ToKiosk::Activity);
        times.push(start.elapsed());
    }
    times
}

/// Key events every 50 ms for `lasting`, then the device is unplugged.
struct Typing {
    until: Instant,
}

impl EventSource for Typing {
    async fn next_type(&mut self) -> std::io::Result<u16> {
        tokio::time::sleep(Duration::from_millis(50)).await;
        if Instant::now() < self.until {
            Ok(0x01) // EV_KEY; which key is never looked at
        } else {
            Err(std::io::Error::other("unplugged"))
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_watcher_sends_at_most_one_activity_a_second_from_a_fake_source() {
    let dir = tempfile::tempdir().unwrap();
    let bus = PrivateBus::open(dir.path()).unwrap();
    let mut kiosk_side = kiosk_side(&bus).await;
    let received = &mut kiosk_side.received;
    let client = zbus::connection::Builder::address(bus.address())
        .build()
        .await
        .unwrap();
    let kiosk = bus::proxy(&client).await.unwrap();

    // 2.5 s of typing, 50 events a second.
    let (sender, activity) = mpsc::channel(1);
    let source = Typing {
        until: Instant::now() + Duration::from_millis(2500),
    };
    let watcher = tokio::spawn(watch_source(source, REPORT_EVERY, move |event| {
        assert_eq!(event, WatchEvent::Activity);
        if sender.try_send(()).is_err() {
            panic!("a report while the last one was still being sent");
        }
    }));
    let reporter = tokio::spawn(async move { report(activity, &kiosk).await });
    let times = arrivals(received, Duration::from_millis(2700)).await;
    eprintln!("Activity calls at {times:?}");
    assert_eq!(times.len(), 3, "{times:?}");
    assert!(times[0] < Duration::from_millis(300), "{times:?}");
    for pair in times.windows(2) {
        assert!(pair[1] - pair[0] >= Duration::from_millis(900), "{times:?}");
    }

    // Quiet: nothing more.
    assert!(watcher.await.unwrap().is_err(), "the source ended");
    let quiet = arrivals(received, Duration::from_millis(1500)).await;
    assert!(quiet.is_empty(), "calls while quiet: {quiet:?}");
    reporter.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_watcher_reports_a_real_key_press_once_and_nothing_when_quiet() {
    use evdev::uinput::VirtualDevice;
    use evdev::{AttributeSet, EventType, InputEvent, KeyCode};

    if !std::path::Path::new("/dev/uinput").exists() {
        eprintln!(
            "skipped: /dev/uinput is missing (no uinput module here), so no virtual input \
             device can be made; the throttled sending is tested with a fake source \
             (idle_watcher_sends_at_most_one_activity_a_second_from_a_fake_source)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = PrivateBus::open(dir.path()).unwrap();
    let mut kiosk_side = kiosk_side(&bus).await;
    let received = &mut kiosk_side.received;

    let mut keyboard = VirtualDevice::builder()
        .unwrap()
        .name("Anlauf test keyboard")
        .with_keys(&AttributeSet::from_iter([KeyCode::KEY_A]))
        .unwrap()
        .build()
        .unwrap();
    // The watcher sees this device only, through a directory of its own.
    let node = {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let found = keyboard
                .enumerate_dev_nodes_blocking()
                .unwrap()
                .filter_map(Result::ok)
                .find(|path| path.exists());
            if let Some(node) = found {
                break node;
            }
            assert!(
                Instant::now() < deadline,
                "the virtual keyboard has no node"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    std::os::unix::fs::symlink(&node, input.join("event0")).unwrap();

    let mut watcher = Command::new(env!("CARGO_BIN_EXE_anlauf-idle"))
        .arg("--device-dir")
        .arg(&input)
        .env("DBUS_SYSTEM_BUS_ADDRESS", bus.address())
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = watcher.stderr.take().unwrap();
    let _watcher = Killed(watcher);
    let (lines, log) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            eprintln!("anlauf-idle: {line}");
            if lines.send(line).is_err() {
                return;
            }
        }
    });
    loop {
        let line = log
            .recv_timeout(Duration::from_secs(10))
            .expect("anlauf-idle listens to the keyboard");
        if line.contains("idle watcher listening") {
            break;
        }
    }

    // Quiet: nothing.
    let quiet = arrivals(received, Duration::from_millis(1500)).await;
    assert!(quiet.is_empty(), "calls while quiet: {quiet:?}");

    // One key press and release: one Activity within a second.
    let pressed = Instant::now();
    for value in [1, 0] {
        keyboard
            .emit(&[InputEvent::new(EventType::KEY.0, KeyCode::KEY_A.0, value)])
            .unwrap();
    }
    let times = arrivals(received, Duration::from_millis(2000)).await;
    eprintln!(
        "Activity calls after the key press: {times:?} (checked for {:?})",
        pressed.elapsed()
    );
    assert_eq!(times.len(), 1, "{times:?}");
    assert!(times[0] < Duration::from_secs(1), "{times:?}");
}

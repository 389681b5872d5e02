//! `org.anlauf.Kiosk1` with its real policy (`systemd/dbus-1/org.anlauf.Kiosk1.conf`)
//! on a private `dbus-daemon` with the system bus's default policy, served
//! by the real supervisor (`kiosk-app`) with a real kiosk process under
//! Xvfb, as the kiosk's user.
//!
//! The policy's users are mapped onto users every Debian system has: the
//! kiosk's `anlauf-kiosk` onto `nobody`, the idle watcher's `anlauf-idle`
//! onto `daemon`; the unprivileged caller is `bin`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::BufRead as _;
use std::os::unix::fs::{PermissionsExt as _, chown};
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anlauf_tests::dbus::{
    BIN, DAEMON, NOBODY, PrivateBus, ROOT, TestUser, policy_for_test, refused,
};
use anlauf_tests::process::wait_for_child;
use anlauf_tests::{Frame, Xvfb};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

const WIDTH: u32 = 1366;
const HEIGHT: u32 = 768;
/// Colours of the normal palette (kiosk-app/src/display.rs).
const BACKGROUND: u32 = 0xF7F4EE;
const BAR: u32 = 0x1D4E6E;

const OBJECT: [&str; 3] = [
    "org.anlauf.Kiosk1",
    "/org/anlauf/Kiosk1",
    "org.anlauf.Kiosk1",
];

fn attract(frame: &Frame) -> bool {
    frame.share(0, 0, WIDTH, 60, BACKGROUND) > 0.9
        && frame.share(0, 0, WIDTH, HEIGHT, BACKGROUND) > 0.6
}

fn in_session(frame: &Frame) -> bool {
    frame.share(0, 0, WIDTH, 60, BAR) > 0.3
}

/// Stops a supervisor (and so its kiosk) when the test ends, even by panic.
struct Stopped(Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = kill(Pid::from_raw(self.0.id() as i32), Signal::SIGTERM);
            let _ = self.0.wait();
        }
    }
}

/// The real supervisor as `user` on the bus at `address`, with a runtime
/// directory of its own.
fn supervisor(dir: &Path, address: &str, user: TestUser, display: Option<&str>) -> Command {
    let runtime = dir.join(format!("run-{}", user.name));
    std::fs::create_dir(&runtime).unwrap();
    chown(&runtime, Some(user.uid), Some(user.uid)).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_kiosk-app"));
    command
        .args(["--windowed", "--site"])
        .arg(dir.join("site.toml"))
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DISPLAY")
        .env("DBUS_SYSTEM_BUS_ADDRESS", address)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("HOME", &runtime)
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .uid(user.uid)
        .gid(user.uid);
    if let Some(display) = display {
        command.env("DISPLAY", display);
    }
    command
}

/// `busctl` on the kiosk's object as `user`: `verb` is `call`,
/// `get-property`, ...; `member` the method or property.
fn kiosk(bus: &PrivateBus, user: TestUser, verb: &str, member: &str) -> std::process::Output {
    let mut args = vec![verb];
    args.extend(OBJECT);
    args.push(member);
    bus.busctl(user, &args).unwrap()
}

fn answer(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "busctl failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// `kioskctl ARGS` as `user` on the bus at `address`.
fn kioskctl(address: &str, user: TestUser, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kioskctl"))
        .args(args)
        .env("DBUS_SYSTEM_BUS_ADDRESS", address)
        .uid(user.uid)
        .gid(user.uid)
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn wait_for_answer(bus: &PrivateBus, member: &str, wanted: &str, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    loop {
        let output = kiosk(bus, BIN, "get-property", member);
        if output.status.success() && answer(&output) == wanted {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{member} is not {wanted} within {timeout:?}: {} {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn dbus_policy_of_kiosk1_holds_with_the_real_supervisor_and_kiosk() {
    if !anlauf_tests::workspace::running_as_root() {
        eprintln!("skipped: switching users needs root");
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    // The shortest idle time the site file allows, and a long countdown
    // that does not end the session during the test.
    std::fs::write(
        dir.join("site.toml"),
        "[site]\nname = \"Testtreff\"\n\n[session]\nidle_seconds = 15\ncountdown_seconds = 300\n\n\
         [input]\ndevice_dir = \"/nonexistent/input\"\n",
    )
    .unwrap();
    let policy = dir.join("kiosk1.conf");
    policy_for_test(
        &anlauf_tests::workspace::root().join("systemd/dbus-1/org.anlauf.Kiosk1.conf"),
        &policy,
        &[("anlauf-kiosk", NOBODY), ("anlauf-idle", DAEMON)],
    )
    .unwrap();
    let bus = PrivateBus::system(dir, &[policy]).unwrap();
    let address = bus.address().to_owned();

    // No kiosk yet: kioskctl says so.
    let nothing = kioskctl(&address, BIN, &["status"]);
    assert!(!nothing.status.success());
    let why = String::from_utf8_lossy(&nothing.stderr);
    assert!(why.contains("the kiosk is not running"), "{why}");

    // Root is not the kiosk's user: the bus refuses it the name.
    let refusal = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let connection = zbus::connection::Builder::address(address.as_str())
                .build()
                .await
                .unwrap();
            connection.request_name("org.anlauf.Kiosk1").await
        })
        .expect_err("root took the kiosk's name");
    assert!(kiosk_app::bus::is_access_denied(&refusal), "{refusal}");

    // Neither may another unprivileged user: the real supervisor as `bin`
    // runs on without the bus and says so once.
    let mut intruder = supervisor(dir, &address, BIN, None)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = intruder.stderr.take().unwrap();
    let mut intruder = Stopped(intruder);
    let (lines, log) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if lines.send(line).is_err() {
                return;
            }
        }
    });
    let said = loop {
        let line = log
            .recv_timeout(Duration::from_secs(10))
            .expect("the intruding supervisor says why it runs without the bus");
        if line.contains("running without org.anlauf.Kiosk1") {
            break line;
        }
    };
    assert!(said.contains("AccessDenied"), "{said}");
    kill(Pid::from_raw(intruder.0.id() as i32), Signal::SIGTERM).unwrap();
    intruder.0.wait().unwrap();
    let _ = log.recv_timeout(Duration::from_millis(200));
    let repeated = log
        .try_iter()
        .filter(|l| l.contains("running without org.anlauf.Kiosk1"))
        .count();
    assert_eq!(repeated, 0, "the missing bus was logged more than once");

    // The kiosk's user owns it: the real supervisor with a real kiosk.
    let x = Xvfb::start(WIDTH, HEIGHT).expect("Xvfb");
    let display = x.display();
    let owner = Stopped(
        supervisor(dir, &address, NOBODY, Some(&display))
            .spawn()
            .unwrap(),
    );
    let first = wait_for_child(owner.0.id(), None, Duration::from_secs(10)).expect("a kiosk");
    x.wait_for("the attract screen", Duration::from_secs(30), attract)
        .expect("attract");
    wait_for_answer(&bus, "SessionActive", "b false", Duration::from_secs(10));
    assert_eq!(
        answer(&kiosk(&bus, BIN, "get-property", "SessionSince")),
        "t 0"
    );
    let introspection = answer(
        &bus.busctl(BIN, &["introspect", OBJECT[0], OBJECT[1]])
            .unwrap(),
    );
    for member in [
        ".Activity",
        ".EndSession",
        ".SessionActive",
        ".SessionSince",
    ] {
        assert!(introspection.contains(member), "{introspection}");
    }
    eprintln!("kiosk on the bus after {:?}", started.elapsed());

    // Who may call what.
    for (user, method, allowed) in [
        (BIN, "Activity", false),
        (BIN, "EndSession", false),
        (DAEMON, "EndSession", false),
        (ROOT, "Activity", false),
        (DAEMON, "Activity", true),
        (ROOT, "EndSession", true),
    ] {
        let output = kiosk(&bus, user, "call", method);
        if allowed {
            answer(&output);
        } else {
            assert!(
                refused(&output),
                "{} may call {method}: {}",
                user.name,
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    // Without a session there was nothing to end; kioskctl says the same.
    assert_eq!(answer(&kiosk(&bus, ROOT, "call", "EndSession")), "b false");
    assert_eq!(
        stdout(&kioskctl(&address, BIN, &["status"])),
        "session: none (the attract screen shows)"
    );
    let denied = kioskctl(&address, BIN, &["end-session"]);
    assert!(!denied.status.success());
    let why = String::from_utf8_lossy(&denied.stderr);
    assert!(why.contains("only root may"), "{why}");
    assert_eq!(
        stdout(&kioskctl(&address, ROOT, &["end-session"])),
        "no session was running"
    );

    // A touch starts a session: the bus says so.
    x.tap(WIDTH / 2, HEIGHT / 2).unwrap();
    x.wait_for("the home screen", Duration::from_secs(10), in_session)
        .expect("session");
    let touched = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    wait_for_answer(&bus, "SessionActive", "b true", Duration::from_secs(5));
    let since: u64 = answer(&kiosk(&bus, BIN, "get-property", "SessionSince"))
        .trim_start_matches("t ")
        .parse()
        .unwrap();
    assert!(since.abs_diff(touched) <= 5, "SessionSince {since}");
    assert_eq!(
        stdout(&kioskctl(&address, BIN, &["status", "--json"])),
        format!(r#"{{"session_active":true,"session_since":{since}}}"#)
    );
    assert!(stdout(&kioskctl(&address, BIN, &["status"])).starts_with("session: running since "));

    // After the idle time the countdown shows; the idle watcher's Activity
    // dismisses it, as a touch would.
    let idle_from = Instant::now();
    x.wait_for("the countdown", Duration::from_secs(30), |f| {
        !in_session(f) && !attract(f)
    })
    .expect("countdown");
    eprintln!("countdown after {:?} without activity", idle_from.elapsed());
    answer(&kiosk(&bus, DAEMON, "call", "Activity"));
    let activity = Instant::now();
    x.wait_for("the session again", Duration::from_secs(5), in_session)
        .expect("the countdown dismissed by Activity");
    eprintln!(
        "Activity dismissed the countdown in {:?}",
        activity.elapsed()
    );

    // Root ends the session (kioskctl end-session): the kiosk wipes it and
    // a fresh one shows the attract screen.
    let asked = Instant::now();
    assert_eq!(
        stdout(&kioskctl(&address, ROOT, &["end-session"])),
        "the session is ending; the attract screen comes back"
    );
    let second = wait_for_child(owner.0.id(), Some(first), Duration::from_secs(10))
        .expect("a fresh kiosk process");
    assert_ne!(first, second);
    x.wait_for("the attract screen again", Duration::from_secs(15), attract)
        .expect("attract after EndSession");
    wait_for_answer(&bus, "SessionActive", "b false", Duration::from_secs(5));
    eprintln!(
        "EndSession: fresh kiosk on the attract screen after {:?}; whole test {:?}",
        asked.elapsed(),
        started.elapsed()
    );
}

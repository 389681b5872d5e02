//! `image-builder boot-test IMAGE`: boots the image in QEMU, once with UEFI
//! (OVMF) and once with legacy BIOS (SeaBIOS), and checks what a device
//! must do: the kiosk service becomes active, the screen shows the attract
//! screen, a touch starts a session, a reboot forgets what was written
//! outside the content partition and keeps what is on it, and the content
//! partition has grown to the disk.
//!
//! The image itself is never changed: each boot runs on a copy-on-write
//! overlay (qcow2) that is larger than the image, like a real disk.

pub mod qemu;
pub mod screen;
pub mod update;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use qemu::Vm;
pub use qemu::{Accel, Firmware};
use serde::Serialize;

/// Why a boot test failed.
#[derive(Debug, thiserror::Error)]
pub enum BootError {
    /// QEMU could not start or ended.
    #[error("QEMU: {0}")]
    Qemu(String),
    /// The guest agent did not answer.
    #[error("guest agent: {0}")]
    Agent(String),
    /// Something did not happen in time.
    #[error("no {what} within {seconds} s; the serial console ended with:\n{serial_tail}")]
    Timeout {
        /// What was awaited.
        what: String,
        /// How long.
        seconds: u64,
        /// The last lines of the serial console.
        serial_tail: String,
    },
    /// A check inside the booted system failed.
    #[error("{what}: {detail}")]
    Check {
        /// What was checked.
        what: String,
        /// What was found.
        detail: String,
    },
    /// A file of the test could not be read or written.
    #[error("{what} ({path}): {source}")]
    Io {
        /// What the test was doing.
        what: String,
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

impl BootError {
    fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> BootError {
        let what = what.to_owned();
        let path = path.to_owned();
        move |source| BootError::Io { what, path, source }
    }
}

/// How long each boot may take before the test gives up.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// From QEMU's start to the kiosk service started.
    pub boot: Duration,
    /// From there to the attract screen.
    pub screen: Duration,
}

impl Limits {
    /// Generous limits for `accel`: software emulation is many times slower.
    pub fn for_accel(accel: Accel) -> Limits {
        match accel {
            Accel::Kvm => Limits {
                boot: Duration::from_secs(120),
                screen: Duration::from_secs(60),
            },
            Accel::Tcg => Limits {
                boot: Duration::from_secs(600),
                screen: Duration::from_secs(300),
            },
        }
    }
}

/// What one firmware's boot showed.
#[derive(Debug, Clone, Serialize)]
pub struct FirmwareReport {
    /// "uefi" or "bios".
    pub firmware: &'static str,
    /// "kvm" or "tcg".
    pub accel: &'static str,
    /// Seconds from QEMU's start to "Started anlauf-kiosk.service".
    pub kiosk_started_s: f64,
    /// Seconds from QEMU's start to the attract screen.
    pub attract_s: f64,
    /// Seconds from the touch to the session's first screen.
    pub touch_to_session_s: f64,
    /// The content partition's size after the first boot, in MiB.
    pub content_mib: u64,
    /// Seconds from the reboot to the attract screen again.
    pub reboot_attract_s: f64,
}

/// The virtual disk's size: larger than any image, so the content
/// partition has room to grow.
pub const DISK_GIB: u64 = 8;

/// Boots `image` with each of `firmwares` and checks it; `dir` holds the
/// overlays, logs and screen dumps.
pub fn run(
    image: &Path,
    firmwares: &[Firmware],
    accel: Option<Accel>,
    dir: &Path,
) -> Result<Vec<FirmwareReport>, BootError> {
    std::fs::create_dir_all(dir).map_err(BootError::io("making the test folder", dir))?;
    let accel = accel.unwrap_or_else(|| {
        if qemu::kvm_works(dir) {
            Accel::Kvm
        } else {
            tracing::warn!("KVM does not run guests here; booting with software emulation (slow)");
            Accel::Tcg
        }
    });
    let mut reports = Vec::new();
    for firmware in firmwares {
        tracing::info!(firmware = firmware.name(), accel = accel.name(), "booting");
        reports.push(boot_once(image, *firmware, accel, dir)?);
    }
    Ok(reports)
}

fn overlay(image: &Path, disk: &Path) -> Result<(), BootError> {
    let _ = std::fs::remove_file(disk);
    let image = std::fs::canonicalize(image).map_err(BootError::io("finding the image", image))?;
    let output = std::process::Command::new("qemu-img")
        .args(["create", "-q", "-f", "qcow2", "-F", "raw", "-b"])
        .arg(&image)
        .arg(disk)
        .arg(format!("{DISK_GIB}G"))
        .output()
        .map_err(|e| BootError::Qemu(format!("qemu-img (Debian package qemu-utils): {e}")))?;
    if !output.status.success() {
        return Err(BootError::Qemu(format!(
            "qemu-img create: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(())
}

const KIOSK_STARTED: &str = "Started \u{1b}[0;1;39manlauf-kiosk.service";
const WELCOME: &str = "Welcome to ";

/// Prints the kiosk's `SessionActive` (`b true` or `b false`) in the guest.
const SESSION_ACTIVE: &str =
    "busctl get-property org.anlauf.Kiosk1 /org/anlauf/Kiosk1 org.anlauf.Kiosk1 SessionActive";

/// Waits up to 30 s until the kiosk says on the bus that a session runs
/// (`active`) or that none does; fails as `what` otherwise.
fn wait_session(agent: &mut qemu::Agent, active: bool, what: &str) -> Result<String, BootError> {
    wait_session_for(agent, active, 60, what)
}

fn wait_session_for(
    agent: &mut qemu::Agent,
    active: bool,
    half_seconds: u32,
    what: &str,
) -> Result<String, BootError> {
    agent.check(
        &format!(
            "for i in $(seq {half_seconds}); do {SESSION_ACTIVE} | grep -q {active} && exit 0; \
             sleep 0.5; done; exit 1"
        ),
        what,
    )
}

/// Touches the middle of the screen until the kiosk says on the bus that a
/// session runs: up to three touches, 15 s apart. A touch can come before
/// the kiosk reads input (the attract screen is drawn a moment earlier),
/// and is then lost, as a visitor's would be; a visitor touches again.
fn touch_to_session(vm: &mut Vm, agent: &mut qemu::Agent, what: &str) -> Result<(), BootError> {
    const TOUCHES: u32 = 3;
    for touch in 1..=TOUCHES {
        vm.tap(0.5, 0.5)?;
        match wait_session_for(agent, true, 30, what) {
            Ok(_) => {
                if touch > 1 {
                    tracing::warn!(
                        touch,
                        "the kiosk started a session only after another touch"
                    );
                }
                return Ok(());
            }
            Err(error) if touch == TOUCHES => return Err(error),
            Err(_) => {}
        }
    }
    Ok(())
}

fn boot_once(
    image: &Path,
    firmware: Firmware,
    accel: Accel,
    dir: &Path,
) -> Result<FirmwareReport, BootError> {
    let limits = Limits::for_accel(accel);
    let disk = dir.join(format!("disk-{}.qcow2", firmware.name()));
    overlay(image, &disk)?;
    let mut vm = Vm::start(&disk, firmware, accel, dir)?;

    // 1. The kiosk service starts, and the screen shows the kiosk.
    vm.wait_serial(KIOSK_STARTED, 0, limits.boot)?;
    let kiosk_started_s = vm.started.elapsed().as_secs_f64();
    let attract = vm.wait_screen("attract screen", limits.screen, |f| f.shows_kiosk())?;
    let attract_s = vm.started.elapsed().as_secs_f64();

    let mut agent = vm.agent(limits.screen)?;
    agent.check(
        "systemctl is-active --quiet anlauf-kiosk.service",
        "the kiosk service is active",
    )?;
    agent.check(
        "test \"$(findmnt -no FSTYPE /)\" = overlay && findmnt -no OPTIONS /run/anlauf-root/lower | grep -qw ro",
        "the root is read-only under a tmpfs overlay",
    )?;
    agent.check(
        "! pgrep -x agetty && ! pgrep -x login",
        "no login prompt on any terminal",
    )?;

    // 2. A touch starts a session: the screen changes to the session's
    // first page, still the kiosk's.
    let touched = Instant::now();
    touch_to_session(
        &mut vm,
        &mut agent,
        "a touch starts a session (SessionActive on org.anlauf.Kiosk1)",
    )?;
    let touch_to_session_s = touched.elapsed().as_secs_f64();
    vm.wait_screen("session after a touch", limits.screen, |f| {
        f.shows_kiosk() && f.difference(&attract) > 0.05
    })?;
    // The session came up once and stayed: a compositor or kiosk that
    // crashes and comes back still shows the attract screen, so count.
    agent.check(
        "test \"$(systemctl show -P NRestarts anlauf-kiosk.service)\" = 0",
        "the kiosk session has run without a restart since boot",
    )?;

    // 3. What survives a reboot: the content partition, grown to the disk.
    let size = agent.check(
        "df -B1M --output=size /var/lib/anlauf | tail -1",
        "the content partition is mounted",
    )?;
    let content_mib: u64 = size.trim().parse().unwrap_or(0);
    if content_mib < 1024 {
        return Err(BootError::Check {
            what: "the content partition grows to the disk".to_owned(),
            detail: format!("{content_mib} MiB on a {DISK_GIB} GiB disk"),
        });
    }
    agent.check(
        "echo anlauf-boot-test > /home/anlauf-boot-test && echo anlauf-boot-test > /var/tmp/anlauf-boot-test \
         && echo kept > /var/lib/anlauf/boot-test && sync",
        "writing the files a reboot must lose and keep",
    )?;
    let before_reboot = vm.serial().len();
    agent.reboot()?;
    let rebooted = Instant::now();
    let welcome = vm.wait_serial(WELCOME, before_reboot, limits.boot)?;
    vm.wait_serial(KIOSK_STARTED, welcome, limits.boot)?;
    // The kiosk's screen again, and no session on the bus: the attract
    // screen. (Not compared with the first one by pixels: a staff notice,
    // such as a screen smaller than the site's, may come a moment later.)
    vm.wait_screen("attract screen after the reboot", limits.screen, |f| {
        f.shows_kiosk()
    })?;
    let reboot_attract_s = rebooted.elapsed().as_secs_f64();
    let mut agent = vm.agent(limits.screen)?;
    wait_session(
        &mut agent,
        false,
        "the kiosk is back without a session after the reboot",
    )?;
    agent.check(
        "test ! -e /home/anlauf-boot-test && test ! -e /var/tmp/anlauf-boot-test",
        "a reboot loses what was written to /home and /var/tmp",
    )?;
    agent.check(
        "grep -qx kept /var/lib/anlauf/boot-test",
        "the content partition keeps its data over a reboot",
    )?;
    vm.quit();
    let _ = std::fs::remove_file(&disk);
    Ok(FirmwareReport {
        firmware: firmware.name(),
        accel: accel.name(),
        kiosk_started_s,
        attract_s,
        touch_to_session_s,
        content_mib,
        reboot_attract_s,
    })
}

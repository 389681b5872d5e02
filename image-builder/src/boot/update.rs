//! The device's own update, proven in QEMU with real parts: the image's
//! `anlauf-update.service` (run with `--now` through a runtime drop-in, so
//! the hardened unit itself runs) has `anlauf-update-fetch.service` download
//! from a test repository that the VM reaches through QEMU's restricted user
//! network, installs into the other slot without a network and reboots into
//! it by itself. The scenario runs on UEFI; the updated disk then boots on
//! legacy BIOS too, into the new slot.
//!
//! The steps, on one VM:
//!
//! 1. v1 boots into the kiosk from slot a; an update with nothing new
//!    stops after refreshing the lists ("up to date").
//! 2. The caller publishes a new revision into the repository.
//! 3. Power loss: an update starts and the VM is reset while it copies
//!    slot a onto slot b; the device boots into the kiosk from slot a, the
//!    boot loader's default unchanged.
//! 4. An update started with no session installs into slot b, and the
//!    device reboots by itself into slot b with the new revision and shows
//!    the attract screen.
//! 5. A session holds an update back: after a touch started a session
//!    (`SessionActive` on the bus), an update waits, copies nothing and
//!    does not reboot until the session ends (`kioskctl end-session`); then
//!    it finds nothing newer and stops.
//! 6. The updated disk started again with legacy BIOS (SeaBIOS, syslinux)
//!    boots into the kiosk from slot b: the switch reached both boot
//!    loaders.

use std::time::{Duration, Instant};

use serde::Serialize;

use super::qemu::{Agent, Vm};
use super::{
    Accel, BootError, Firmware, KIOSK_STARTED, Limits, SESSION_ACTIVE, WELCOME, overlay,
    touch_to_session,
};

/// What the update scenario showed.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateReport {
    /// Seconds from QEMU's start to the attract screen of v1.
    pub attract_s: f64,
    /// Seconds from the reset during the copy to the attract screen again.
    pub power_loss_attract_s: f64,
    /// Seconds the update was seen waiting for the session.
    pub held_s: f64,
    /// Seconds from the update's start to the attract screen of the new
    /// version (copy, upgrade, boot files, reboot).
    pub update_attract_s: f64,
    /// Seconds from QEMU's start with legacy BIOS to the attract screen of
    /// the updated disk.
    pub bios_attract_s: f64,
}

const DROP_IN: &str = "mkdir -p /run/systemd/system/anlauf-update.service.d && \
    printf '[Service]\\nExecStart=\\nExecStart=/usr/bin/anlauf-update --now\\n' \
    > /run/systemd/system/anlauf-update.service.d/now.conf && systemctl daemon-reload";

/// The updater's journal: the installer and its download unit.
const JOURNAL: &str =
    "journalctl -u anlauf-update.service -u anlauf-update-fetch.service -o cat --no-pager";

/// Boots `image` on UEFI with its network forwarded to 127.0.0.1:`port`
/// (where the test serves the update repository, which the image's site
/// file names as `http://10.0.2.100/`) and runs the scenario; `publish`
/// puts the new revision into the repository. `new_version` is the
/// anlauf-kiosk version that must run at the end.
pub fn run(
    image: &std::path::Path,
    accel: Accel,
    dir: &std::path::Path,
    port: u16,
    publish: impl FnOnce() -> Result<(), String>,
    new_version: &str,
) -> Result<UpdateReport, BootError> {
    std::fs::create_dir_all(dir).map_err(BootError::io("making the test folder", dir))?;
    let limits = Limits::for_accel(accel);
    let disk = dir.join("disk-update.qcow2");
    overlay(image, &disk)?;
    let mut vm = Vm::start_with(&disk, Firmware::Uefi, accel, dir, Some(port))?;

    // 1. v1 on slot a; nothing to update yet.
    vm.wait_serial(KIOSK_STARTED, 0, limits.boot)?;
    vm.wait_screen("attract screen", limits.screen, |f| f.shows_kiosk())?;
    let attract_s = vm.started.elapsed().as_secs_f64();
    let mut agent = vm.agent(limits.screen)?;
    expect_slot(&mut agent, "a", "v1 runs from slot a")?;
    let nothing_new = agent.check(
        &format!(
            "{DROP_IN} && systemctl start anlauf-update.service && \
             journalctl -u anlauf-update-fetch.service -o cat --no-pager | grep -q 'up to date'"
        ),
        "an update with nothing new stops after the download unit refreshed the lists",
    );
    with_journal(&mut agent, nothing_new)?;

    // 2. A new revision in the repository.
    publish().map_err(|detail| BootError::Check {
        what: "publishing the new revision".to_owned(),
        detail,
    })?;

    // 3. Power loss while the update copies slot a onto slot b.
    agent.check(
        &format!("{DROP_IN} && systemctl start --no-block anlauf-update.service"),
        "starting an update",
    )?;
    wait_journal(&mut agent, "copying the running slot", limits.boot)?;
    std::thread::sleep(Duration::from_secs(3));
    // QEMU's agent socket serves one connection: let this one go first.
    drop(agent);
    let before = vm.serial().len();
    vm.reset()?;
    let reset = Instant::now();
    let welcome = vm.wait_serial(WELCOME, before, limits.boot)?;
    vm.wait_serial(KIOSK_STARTED, welcome, limits.boot)?;
    vm.wait_screen("attract screen after the power loss", limits.screen, |f| {
        f.shows_kiosk()
    })?;
    let power_loss_attract_s = reset.elapsed().as_secs_f64();
    let mut agent = vm.agent(limits.screen)?;
    expect_slot(
        &mut agent,
        "a",
        "after a power loss mid-update the device runs slot a",
    )?;
    expect_default(&mut agent, "a")?;

    // 4. The update installs into slot b and the device reboots by itself.
    let before = vm.serial().len();
    agent.check(
        &format!("{DROP_IN} && systemctl start --no-block anlauf-update.service"),
        "starting the update",
    )?;
    drop(agent);
    let started = Instant::now();
    let welcome = vm.wait_serial(WELCOME, before, limits.boot * 2)?;
    vm.wait_serial(KIOSK_STARTED, welcome, limits.boot)?;
    vm.wait_screen("attract screen of the new version", limits.screen, |f| {
        f.shows_kiosk()
    })?;
    let update_attract_s = started.elapsed().as_secs_f64();
    let mut agent = vm.agent(limits.screen)?;
    expect_slot(&mut agent, "b", "after the update the device runs slot b")?;
    expect_default(&mut agent, "b")?;
    let version = agent.check(
        "dpkg-query -W -f='${Version}' anlauf-kiosk",
        "the kiosk's package is installed",
    )?;
    if version.trim() != new_version {
        return Err(BootError::Check {
            what: "slot b has the new revision".to_owned(),
            detail: format!("anlauf-kiosk {} instead of {new_version}", version.trim()),
        });
    }
    agent.check(
        "systemctl is-active --quiet anlauf-kiosk.service",
        "the kiosk runs from the new slot",
    )?;

    // 5. A session holds an update back: it waits, copies nothing and does
    // not reboot until the session ends.
    touch_to_session(
        &mut vm,
        &mut agent,
        "a touch started a session (SessionActive on the bus)",
    )?;
    agent.check(
        &format!("{DROP_IN} && systemctl start --no-block anlauf-update.service"),
        "starting an update during a session",
    )?;
    let held = Instant::now();
    wait_journal(&mut agent, "a session runs; waiting", limits.screen)?;
    std::thread::sleep(Duration::from_secs(25));
    agent.check(
        &format!(
            "systemctl show -p ActiveState --value anlauf-update.service | grep -qx activating && \
             ! {JOURNAL} | grep -q 'copying the running slot' && {SESSION_ACTIVE} | grep -q true"
        ),
        "the update waits while the session runs (no copy, no reboot)",
    )?;
    let held_s = held.elapsed().as_secs_f64();
    agent.check("kioskctl end-session", "ending the session")?;
    wait_journal(&mut agent, "up to date", limits.screen)?;
    drop(agent);
    vm.quit();

    // 6. The same disk on a legacy BIOS machine runs the new slot.
    let mut vm = Vm::start_with(&disk, Firmware::Bios, accel, dir, None)?;
    vm.wait_serial(KIOSK_STARTED, 0, limits.boot)?;
    vm.wait_screen(
        "attract screen on BIOS after the update",
        limits.screen,
        |f| f.shows_kiosk(),
    )?;
    let bios_attract_s = vm.started.elapsed().as_secs_f64();
    let mut agent = vm.agent(limits.screen)?;
    expect_slot(
        &mut agent,
        "b",
        "on legacy BIOS the updated device runs slot b",
    )?;
    drop(agent);
    vm.quit();
    let _ = std::fs::remove_file(&disk);
    Ok(UpdateReport {
        attract_s,
        power_loss_attract_s,
        held_s,
        update_attract_s,
        bios_attract_s,
    })
}

/// Fails unless the system runs from slot `slot`.
fn expect_slot(agent: &mut Agent, slot: &str, what: &str) -> Result<(), BootError> {
    agent
        .check(
            &format!(
                "test \"$(readlink -f \"$(findmnt -no SOURCE /run/anlauf-root/lower)\")\" = \
                 \"$(readlink -f /dev/disk/by-partlabel/anlauf-root-{slot})\""
            ),
            what,
        )
        .map(|_| ())
}

/// Fails unless systemd-boot's default is slot `slot`.
fn expect_default(agent: &mut Agent, slot: &str) -> Result<(), BootError> {
    agent
        .check(
            &format!(
                "mkdir -p /run/esp-check && mount -o ro /dev/disk/by-partlabel/esp /run/esp-check && \
                 grep -qx 'default anlauf-{slot}.conf' /run/esp-check/loader/loader.conf; \
                 status=$?; umount /run/esp-check; exit $status"
            ),
            &format!("the boot loader's default is slot {slot}"),
        )
        .map(|_| ())
}

/// `result`, with the updater's journal added when it is a failed check.
fn with_journal(agent: &mut Agent, result: Result<String, BootError>) -> Result<String, BootError> {
    match result {
        Err(BootError::Check { what, detail }) => {
            let journal = agent
                .shell(&format!("{JOURNAL} | tail -30"))
                .map(|exec| exec.stdout)
                .unwrap_or_default();
            Err(BootError::Check {
                what,
                detail: format!("{detail}\nthe updater's journal:\n{journal}"),
            })
        }
        other => other,
    }
}

/// Waits until the updater's journal has `needle`.
fn wait_journal(agent: &mut Agent, needle: &str, timeout: Duration) -> Result<(), BootError> {
    let deadline = Instant::now() + timeout;
    loop {
        let exec = agent.shell(&format!("{JOURNAL} | grep -c '{needle}'"))?;
        if exec.code == 0 {
            return Ok(());
        }
        if Instant::now() > deadline {
            let journal = agent.shell(&format!("{JOURNAL} | tail -20"))?;
            return Err(BootError::Check {
                what: format!(
                    "\"{needle}\" from the updater within {} s",
                    timeout.as_secs()
                ),
                detail: journal.stdout,
            });
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

//! A private `dbus-daemon` for tests: either with the system bus's default
//! policy and the project's own policy files (what a device enforces), or
//! open to everyone (tests of behaviour, not of policy). Policies name the
//! device's users (`anlauf-kiosk`, ...); [`policy_for_test`] maps them onto
//! users every Debian system has, and tests switch to those users by uid.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::process::Killed;

/// A user every Debian system has, standing in for one of the device's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestUser {
    /// Its name in `/etc/passwd`.
    pub name: &'static str,
    /// Its uid, which is also its primary gid.
    pub uid: u32,
}

/// `nobody` (65534).
pub const NOBODY: TestUser = TestUser {
    name: "nobody",
    uid: 65534,
};
/// `daemon` (1).
pub const DAEMON: TestUser = TestUser {
    name: "daemon",
    uid: 1,
};
/// `bin` (2).
pub const BIN: TestUser = TestUser {
    name: "bin",
    uid: 2,
};
/// `root` (0).
pub const ROOT: TestUser = TestUser {
    name: "root",
    uid: 0,
};

/// The default policy of Debian's system bus (`/usr/share/dbus-1/system.conf`):
/// anyone may connect and receive, nobody may own a name, method calls are
/// denied unless a policy allows them.
const SYSTEM_DEFAULT: &str = r#"  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
  </policy>
"#;

/// Anyone may own any name and call anything (like a session bus).
const OPEN: &str = r#"  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
  </policy>
"#;

/// Why a private bus did not start.
#[derive(Debug, thiserror::Error)]
pub enum BusError {
    /// A file of its configuration could not be written.
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, std::io::Error),
    /// `dbus-daemon` could not be started.
    #[error("cannot start dbus-daemon (Debian package dbus): {0}")]
    Start(std::io::Error),
    /// Its socket did not take a connection.
    #[error("the bus did not come up within 10 s")]
    NotUp,
}

/// A `dbus-daemon` of its own, killed when dropped.
#[derive(Debug)]
pub struct PrivateBus {
    address: String,
    _daemon: Killed,
}

impl PrivateBus {
    /// A bus with the system bus's default policy and `policies` included,
    /// its socket and configuration in `dir` (which users the test
    /// switches to must be able to enter).
    pub fn system(dir: &Path, policies: &[PathBuf]) -> Result<PrivateBus, BusError> {
        let includes: String = policies
            .iter()
            .map(|p| format!("  <include>{}</include>\n", p.display()))
            .collect();
        Self::start(dir, &format!("{SYSTEM_DEFAULT}{includes}"))
    }

    /// A bus on which anyone may own any name and call anything.
    pub fn open(dir: &Path) -> Result<PrivateBus, BusError> {
        Self::start(dir, OPEN)
    }

    fn start(dir: &Path, policies: &str) -> Result<PrivateBus, BusError> {
        let socket = dir.join("bus");
        let config = dir.join("bus.conf");
        let text = format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
{policies}</busconfig>
"#,
            socket = socket.display()
        );
        std::fs::write(&config, text).map_err(|e| BusError::Write(config.clone(), e))?;
        let daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .arg("--nofork")
            .spawn()
            .map_err(BusError::Start)?;
        let daemon = Killed(daemon);
        let deadline = Instant::now() + Duration::from_secs(10);
        // The socket file appears when the daemon binds it and takes
        // connections only once it listens: wait for one to be accepted.
        while std::os::unix::net::UnixStream::connect(&socket).is_err() {
            if Instant::now() > deadline {
                return Err(BusError::NotUp);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(PrivateBus {
            address: format!("unix:path={}", socket.display()),
            _daemon: daemon,
        })
    }

    /// Its address, for `DBUS_SYSTEM_BUS_ADDRESS` or `busctl --address`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// `busctl ARGS` on this bus as `user`.
    pub fn busctl(&self, user: TestUser, args: &[&str]) -> std::io::Result<Output> {
        use std::os::unix::process::CommandExt as _;
        Command::new("busctl")
            .arg(format!("--address={}", self.address))
            .args(args)
            .uid(user.uid)
            .gid(user.uid)
            .output()
    }
}

/// Writes the policy file `source` to `target` with the device's users
/// replaced by test users (`("anlauf-kiosk", NOBODY)`, ...); fails when a
/// user to replace is not in the policy (the mapping is stale).
pub fn policy_for_test(
    source: &Path,
    target: &Path,
    users: &[(&str, TestUser)],
) -> Result<(), BusError> {
    let mut text =
        std::fs::read_to_string(source).map_err(|e| BusError::Write(source.to_owned(), e))?;
    for (device_user, test_user) in users {
        let attribute = format!(r#"user="{device_user}""#);
        if !text.contains(&attribute) {
            return Err(BusError::Write(
                source.to_owned(),
                std::io::Error::other(format!("{attribute} is not in the policy")),
            ));
        }
        text = text.replace(&attribute, &format!(r#"user="{}""#, test_user.name));
    }
    std::fs::write(target, text).map_err(|e| BusError::Write(target.to_owned(), e))
}

/// Whether busctl's answer is the bus refusing the call by its policy.
pub fn refused(output: &Output) -> bool {
    let why = String::from_utf8_lossy(&output.stderr);
    !output.status.success() && (why.contains("Access denied") || why.contains("AccessDenied"))
}

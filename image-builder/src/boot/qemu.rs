//! A QEMU virtual machine booting a disk image: its monitor (QMP) for
//! screen dumps, touches and quitting, its serial console, and the guest
//! agent for looking inside.

use std::io::{BufRead as _, BufReader, Write as _};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

use super::BootError;
use super::screen::Frame;

/// The firmware a VM boots with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Firmware {
    /// UEFI (OVMF).
    Uefi,
    /// Legacy BIOS (SeaBIOS).
    Bios,
}

impl Firmware {
    /// How reports name it.
    pub fn name(self) -> &'static str {
        match self {
            Firmware::Uefi => "uefi",
            Firmware::Bios => "bios",
        }
    }
}

/// How the VM's processor runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accel {
    /// Hardware virtualisation.
    Kvm,
    /// Software emulation (slow, works everywhere).
    Tcg,
}

impl Accel {
    /// How reports name it.
    pub fn name(self) -> &'static str {
        match self {
            Accel::Kvm => "kvm",
            Accel::Tcg => "tcg",
        }
    }
}

/// The address under which a VM started with a forward reaches this
/// machine's server (port 80).
pub const GUEST_SERVER: &str = "10.0.2.100";

/// OVMF's code and the template of its variables (Debian package ovmf).
pub const OVMF_CODE: &str = "/usr/share/OVMF/OVMF_CODE_4M.fd";
/// The template of OVMF's variable store.
pub const OVMF_VARS: &str = "/usr/share/OVMF/OVMF_VARS_4M.fd";
/// SeaBIOS (Debian package seabios).
pub const SEABIOS: &str = "/usr/share/seabios/bios-256k.bin";

/// Whether KVM really runs a guest here: `/dev/kvm` can exist where it
/// cannot run firmware (nested set-ups such as kvm-pvm, which fails on the
/// first FPU instruction OVMF runs). OVMF is started with KVM for a few
/// seconds and must neither stop nor report a KVM internal error.
pub fn kvm_works(dir: &Path) -> bool {
    if std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/kvm")
        .is_err()
    {
        return false;
    }
    let log = dir.join("kvm-probe.log");
    let vars = dir.join("kvm-probe-vars.fd");
    if std::fs::copy(OVMF_VARS, &vars).is_err() {
        return false;
    }
    let Ok(stderr) = std::fs::File::create(&log) else {
        return false;
    };
    let child = Command::new("qemu-system-x86_64")
        .args(["-machine", "q35,accel=kvm", "-cpu", "host", "-nodefaults"])
        .args(["-display", "none", "-m", "256"])
        .arg("-drive")
        .arg(format!("if=pflash,format=raw,readonly=on,file={OVMF_CODE}"))
        .arg("-drive")
        .arg(format!("if=pflash,format=raw,file={}", vars.display()))
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn();
    let Ok(mut child) = child else {
        return false;
    };
    std::thread::sleep(Duration::from_secs(6));
    let still_running = matches!(child.try_wait(), Ok(None));
    let _ = child.kill();
    let _ = child.wait();
    let messages = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_file(&vars);
    still_running && !messages.contains("internal error")
}

/// A running VM; killed when dropped.
#[derive(Debug)]
pub struct Vm {
    child: Child,
    qmp: Qmp,
    serial: PathBuf,
    dir: PathBuf,
    /// When QEMU was started.
    pub started: Instant,
}

impl Vm {
    /// Starts QEMU on `disk` (a qcow2 overlay) with `firmware`, its sockets
    /// and logs in `dir`. The VM has no network.
    pub fn start(
        disk: &Path,
        firmware: Firmware,
        accel: Accel,
        dir: &Path,
    ) -> Result<Vm, BootError> {
        Vm::start_with(disk, firmware, accel, dir, None)
    }

    /// Like [`Vm::start`], with a network when `forward` names a TCP port
    /// of this machine's 127.0.0.1: QEMU's user network, restricted so that
    /// the guest reaches nothing but [`GUEST_SERVER`] port 80, which
    /// QEMU forwards to that port (through `socat`, one process for each
    /// connection).
    pub fn start_with(
        disk: &Path,
        firmware: Firmware,
        accel: Accel,
        dir: &Path,
        forward: Option<u16>,
    ) -> Result<Vm, BootError> {
        let serial = dir.join(format!("serial-{}.log", firmware.name()));
        let qmp_path = dir.join("qmp.sock");
        let qga_path = dir.join("qga.sock");
        for path in [&serial, &qmp_path, &qga_path] {
            let _ = std::fs::remove_file(path);
        }
        let mut qemu = Command::new("qemu-system-x86_64");
        match accel {
            Accel::Kvm => qemu.args(["-machine", "q35,accel=kvm", "-cpu", "host"]),
            // Without AVX: QEMU 7.2's software AVX2 faults on the masked-off
            // lanes of a gather (VPGATHERDD), which real CPUs skip, and
            // llvmpipe's generated code uses gathers: the compositor then
            // crashed within seconds of starting, again and again, wherever
            // the VM had no GPU of its own to render with.
            Accel::Tcg => qemu.args([
                "-machine",
                "q35,accel=tcg",
                "-cpu",
                "max,avx=off,avx2=off,fma=off,f16c=off",
            ]),
        };
        qemu.args(["-m", "2048", "-smp", "2", "-nodefaults", "-display", "none"]);
        if firmware == Firmware::Uefi {
            let vars = dir.join("OVMF_VARS.fd");
            std::fs::copy(OVMF_VARS, &vars)
                .map_err(BootError::io("copying OVMF's variables", &vars))?;
            qemu.arg("-drive")
                .arg(format!("if=pflash,format=raw,readonly=on,file={OVMF_CODE}"))
                .arg("-drive")
                .arg(format!("if=pflash,format=raw,file={}", vars.display()));
        } else {
            qemu.args(["-bios", SEABIOS]);
        }
        qemu.arg("-drive")
            .arg(format!("file={},format=qcow2,if=virtio", disk.display()))
            .args(["-vga", "virtio", "-device", "virtio-tablet-pci", "-nic"])
            .arg(match forward {
                None => "none".to_owned(),
                Some(port) => format!(
                    "user,model=virtio-net-pci,restrict=on,\
                     guestfwd=tcp:{GUEST_SERVER}:80-cmd:socat - TCP:127.0.0.1:{port}"
                ),
            })
            .arg("-serial")
            .arg(format!("file:{}", serial.display()))
            .arg("-qmp")
            .arg(format!("unix:{},server=on,wait=off", qmp_path.display()))
            .arg("-chardev")
            .arg(format!(
                "socket,path={},server=on,wait=off,id=qga0",
                qga_path.display()
            ))
            .args(["-device", "virtio-serial"])
            .args([
                "-device",
                "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let started = Instant::now();
        let mut child = qemu.spawn().map_err(|e| {
            BootError::Qemu(format!(
                "qemu-system-x86_64 could not start (Debian package qemu-system-x86): {e}"
            ))
        })?;
        let qmp = loop {
            match Qmp::connect(&qmp_path) {
                Ok(qmp) => break qmp,
                Err(error) => {
                    if let Ok(Some(status)) = child.try_wait() {
                        let mut message = String::new();
                        if let Some(mut stderr) = child.stderr.take() {
                            let _ = std::io::Read::read_to_string(&mut stderr, &mut message);
                        }
                        return Err(BootError::Qemu(format!(
                            "QEMU ended ({status}): {}",
                            message.trim()
                        )));
                    }
                    if started.elapsed() > Duration::from_secs(20) {
                        let _ = child.kill();
                        return Err(error);
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        };
        Ok(Vm {
            child,
            qmp,
            serial,
            dir: dir.to_owned(),
            started,
        })
    }

    /// The serial console so far.
    pub fn serial(&self) -> String {
        std::fs::read(&self.serial)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }

    /// Waits until `needle` appears on the serial console after byte
    /// `from`; returns where it ends.
    pub fn wait_serial(
        &mut self,
        needle: &str,
        from: usize,
        timeout: Duration,
    ) -> Result<usize, BootError> {
        let deadline = Instant::now() + timeout;
        loop {
            let text = self.serial();
            if let Some(found) = text.get(from..).and_then(|rest| rest.find(needle)) {
                return Ok(from + found + needle.len());
            }
            self.check_running()?;
            if Instant::now() > deadline {
                return Err(BootError::Timeout {
                    what: format!("\"{needle}\" on the serial console"),
                    seconds: timeout.as_secs(),
                    serial_tail: tail(&text, 15),
                });
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn check_running(&mut self) -> Result<(), BootError> {
        if let Ok(Some(status)) = self.child.try_wait() {
            return Err(BootError::Qemu(format!(
                "QEMU ended ({status}); serial: {}",
                tail(&self.serial(), 15)
            )));
        }
        Ok(())
    }

    /// A dump of the screen.
    pub fn screen(&mut self) -> Result<Frame, BootError> {
        let path = self.dir.join("screen.ppm");
        let _ = std::fs::remove_file(&path);
        self.qmp
            .execute("screendump", json!({ "filename": path }))?;
        let bytes =
            std::fs::read(&path).map_err(BootError::io("reading the screen dump", &path))?;
        Frame::from_ppm(&bytes)
            .ok_or_else(|| BootError::Qemu("the screen dump is not a PPM picture".to_owned()))
    }

    /// Waits until `test` holds for the screen; returns that frame.
    pub fn wait_screen(
        &mut self,
        what: &str,
        timeout: Duration,
        test: impl Fn(&Frame) -> bool,
    ) -> Result<Frame, BootError> {
        let deadline = Instant::now() + timeout;
        loop {
            let frame = self.screen()?;
            if test(&frame) {
                return Ok(frame);
            }
            self.check_running()?;
            if Instant::now() > deadline {
                let path = self
                    .dir
                    .join(format!("timeout-{}.ppm", what.replace(' ', "-")));
                let _ = std::fs::write(&path, frame.to_ppm());
                return Err(BootError::Timeout {
                    what: format!("{what} (last screen: {})", path.display()),
                    seconds: timeout.as_secs(),
                    serial_tail: tail(&self.serial(), 15),
                });
            }
            std::thread::sleep(Duration::from_millis(500));
        }
    }

    /// Resets the VM at once, as a power loss and power on would: nothing
    /// the guest had not written to its disk survives.
    pub fn reset(&mut self) -> Result<(), BootError> {
        self.qmp.execute("system_reset", json!({})).map(|_| ())
    }

    /// Touches the screen at (`x`, `y`), fractions of its width and height,
    /// through the virtio tablet.
    pub fn tap(&mut self, x: f64, y: f64) -> Result<(), BootError> {
        let axis = |value: f64| (value.clamp(0.0, 1.0) * 32767.0).round() as i64;
        let events = |down: bool| {
            json!({ "events": [
                { "type": "abs", "data": { "axis": "x", "value": axis(x) } },
                { "type": "abs", "data": { "axis": "y", "value": axis(y) } },
                { "type": "btn", "data": { "down": down, "button": "left" } },
            ]})
        };
        self.qmp.execute("input-send-event", events(true))?;
        std::thread::sleep(Duration::from_millis(80));
        self.qmp.execute("input-send-event", events(false))?;
        Ok(())
    }

    /// A connection to the guest agent, once it answers.
    pub fn agent(&mut self, timeout: Duration) -> Result<Agent, BootError> {
        let deadline = Instant::now() + timeout;
        let path = self.dir.join("qga.sock");
        loop {
            match Agent::connect(&path) {
                Ok(agent) => return Ok(agent),
                Err(error) => {
                    self.check_running()?;
                    if Instant::now() > deadline {
                        return Err(error);
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
            }
        }
    }

    /// Stops the VM.
    pub fn quit(mut self) {
        let _ = self.qmp.execute("quit", json!({}));
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// A JSON line protocol over a Unix socket (QMP and the guest agent both
/// speak it).
#[derive(Debug)]
struct Wire {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
}

impl Wire {
    fn connect(path: &Path, timeout: Duration) -> std::io::Result<Wire> {
        let stream = UnixStream::connect(path)?;
        stream.set_read_timeout(Some(timeout))?;
        Ok(Wire {
            reader: BufReader::new(stream.try_clone()?),
            writer: stream,
        })
    }

    fn send(&mut self, message: &Value) -> std::io::Result<()> {
        let mut line = message.to_string();
        line.push('\n');
        self.writer.write_all(line.as_bytes())
    }

    fn receive(&mut self) -> std::io::Result<Value> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "closed",
            ));
        }
        serde_json::from_str(&line).map_err(std::io::Error::other)
    }
}

/// QEMU's monitor.
#[derive(Debug)]
struct Qmp(Wire);

impl Qmp {
    fn connect(path: &Path) -> Result<Qmp, BootError> {
        let fail = |e: std::io::Error| BootError::Qemu(format!("QMP ({}): {e}", path.display()));
        let mut wire = Wire::connect(path, Duration::from_secs(30)).map_err(fail)?;
        wire.receive().map_err(fail)?;
        let mut qmp = Qmp(wire);
        qmp.execute("qmp_capabilities", json!({}))?;
        Ok(qmp)
    }

    fn execute(&mut self, command: &str, arguments: Value) -> Result<Value, BootError> {
        let fail = |e: std::io::Error| BootError::Qemu(format!("QMP {command}: {e}"));
        self.0
            .send(&json!({ "execute": command, "arguments": arguments }))
            .map_err(fail)?;
        loop {
            let reply = self.0.receive().map_err(fail)?;
            if let Some(value) = reply.get("return") {
                return Ok(value.clone());
            }
            if let Some(error) = reply.get("error") {
                return Err(BootError::Qemu(format!("QMP {command}: {error}")));
            }
            // Anything else is an event; skip it.
        }
    }
}

/// What a command run by the guest agent did.
#[derive(Debug, Clone)]
pub struct Exec {
    /// Its exit code.
    pub code: i64,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
}

/// The QEMU guest agent inside the VM.
#[derive(Debug)]
pub struct Agent(Wire);

impl Agent {
    fn connect(path: &Path) -> Result<Agent, BootError> {
        let fail = |e: std::io::Error| BootError::Agent(format!("{}: {e}", path.display()));
        let mut wire = Wire::connect(path, Duration::from_secs(5)).map_err(fail)?;
        // Answers to an earlier connection may still be queued: wait for
        // the answer to this sync's own id.
        let id = std::process::id() as u64 * 1000
            + Instant::now().elapsed().subsec_nanos() as u64 % 1000;
        wire.send(&json!({ "execute": "guest-sync", "arguments": { "id": id } }))
            .map_err(fail)?;
        loop {
            let reply = wire.receive().map_err(fail)?;
            if reply.get("return").and_then(Value::as_u64) == Some(id) {
                break;
            }
        }
        wire.reader
            .get_ref()
            .set_read_timeout(Some(Duration::from_secs(120)))
            .map_err(fail)?;
        Ok(Agent(wire))
    }

    fn execute(&mut self, command: &str, arguments: Value) -> Result<Value, BootError> {
        let fail = |e: std::io::Error| BootError::Agent(format!("{command}: {e}"));
        self.0
            .send(&json!({ "execute": command, "arguments": arguments }))
            .map_err(fail)?;
        let reply = self.0.receive().map_err(fail)?;
        if let Some(error) = reply.get("error") {
            return Err(BootError::Agent(format!("{command}: {error}")));
        }
        Ok(reply.get("return").cloned().unwrap_or(Value::Null))
    }

    /// Runs `script` with `/bin/sh -c` in the guest, as root.
    pub fn shell(&mut self, script: &str) -> Result<Exec, BootError> {
        let started = self.execute(
            "guest-exec",
            json!({ "path": "/bin/sh", "arg": ["-c", script], "capture-output": true }),
        )?;
        let pid = started
            .get("pid")
            .and_then(Value::as_i64)
            .ok_or_else(|| BootError::Agent("guest-exec gave no pid".to_owned()))?;
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let status = self.execute("guest-exec-status", json!({ "pid": pid }))?;
            if status.get("exited").and_then(Value::as_bool) == Some(true) {
                let text = |key: &str| {
                    status
                        .get(key)
                        .and_then(Value::as_str)
                        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                        .map(|b| String::from_utf8_lossy(&b).into_owned())
                        .unwrap_or_default()
                };
                return Ok(Exec {
                    code: status.get("exitcode").and_then(Value::as_i64).unwrap_or(-1),
                    stdout: text("out-data"),
                    stderr: text("err-data"),
                });
            }
            if Instant::now() > deadline {
                return Err(BootError::Agent(format!(
                    "`{script}` did not end within 120 s"
                )));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Runs `script` and fails with its output unless it exits 0.
    pub fn check(&mut self, script: &str, what: &str) -> Result<String, BootError> {
        let exec = self.shell(script)?;
        if exec.code != 0 {
            return Err(BootError::Check {
                what: what.to_owned(),
                detail: format!(
                    "`{script}` exited {}: {}{}",
                    exec.code,
                    exec.stdout.trim(),
                    exec.stderr.trim()
                ),
            });
        }
        Ok(exec.stdout)
    }

    /// Reboots the guest (the agent answers nothing to this).
    pub fn reboot(mut self) -> Result<(), BootError> {
        let fail = |e: std::io::Error| BootError::Agent(format!("guest-shutdown: {e}"));
        self.0
            .send(&json!({ "execute": "guest-shutdown", "arguments": { "mode": "reboot" } }))
            .map_err(fail)
    }
}

//! The supervisor: every visitor gets a fresh kiosk process. It starts the
//! kiosk, waits for it to end, and starts the next one at once when a session
//! ended, or after a short back-off when it crashed. No cache, widget state or
//! freed heap of one visitor can then reach the next (the device's kernel
//! zeroes freed pages). The same supervisor runs in windowed development mode
//! and on the device, where systemd restarts the supervisor itself.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::PathBuf;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

/// The program to start for each kiosk process: this program's path. After
/// a package upgrade replaced the file while the supervisor runs, Linux
/// names the running one `PATH (deleted)`; the next visitor then gets the
/// new program at `PATH`.
pub fn program_path(exe: PathBuf) -> PathBuf {
    match exe.to_str().and_then(|s| s.strip_suffix(" (deleted)")) {
        Some(path) => PathBuf::from(path),
        None => exe,
    }
}

/// Exit code of a kiosk process whose session ended normally.
pub const EXIT_SESSION_ENDED: i32 = 0;
/// Exit code of a kiosk process whose window was closed (development only):
/// the supervisor stops too.
pub const EXIT_QUIT: i32 = 20;

/// How a kiosk process ended, as far as the supervisor cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChildEnd {
    /// A session ended: start the next process now.
    SessionEnded,
    /// The window was closed in development mode: stop supervising.
    Quit,
    /// The process failed: start it again after a back-off.
    Crashed(String),
}

/// Reads an exit status.
pub fn classify(status: ExitStatus) -> ChildEnd {
    match (status.code(), status.signal()) {
        (Some(EXIT_SESSION_ENDED), _) => ChildEnd::SessionEnded,
        (Some(EXIT_QUIT), _) => ChildEnd::Quit,
        (Some(code), _) => ChildEnd::Crashed(format!("exit code {code}")),
        (None, Some(signal)) => ChildEnd::Crashed(format!("killed by signal {signal}")),
        (None, None) => ChildEnd::Crashed("ended without status".to_owned()),
    }
}

/// How long to wait before restarting after crashes: nothing after the
/// first, then doubling up to a ceiling while crashes keep coming within
/// the window. The kiosk is never given up on.
#[derive(Debug, Clone)]
pub struct Backoff {
    window: Duration,
    ceiling: Duration,
    crashes: VecDeque<Instant>,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            window: Duration::from_secs(60),
            ceiling: Duration::from_secs(10),
            crashes: VecDeque::new(),
        }
    }
}

impl Backoff {
    /// Records a crash at `now` and returns how long to wait before the restart.
    pub fn crashed(&mut self, now: Instant) -> Duration {
        while self
            .crashes
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) > self.window)
        {
            self.crashes.pop_front();
        }
        self.crashes.push_back(now);
        let recent = self.crashes.len() as u32;
        if recent <= 1 {
            return Duration::ZERO;
        }
        let delay = Duration::from_millis(250).saturating_mul(1 << (recent - 2).min(10));
        delay.min(self.ceiling)
    }
}

/// The kiosk process to start each time.
#[derive(Debug, Clone)]
pub struct ChildSpec {
    /// The program (normally this same executable).
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<OsString>,
    /// Extra environment.
    pub env: Vec<(OsString, OsString)>,
    /// How long the kiosk may go without a heartbeat before it counts as
    /// hung and is restarted; `None`: it is not watched.
    pub heartbeat: Option<Duration>,
    /// systemd's notification socket (`$NOTIFY_SOCKET`): each heartbeat is
    /// passed on as `WATCHDOG=1`, so that systemd restarts the whole session
    /// if the supervisor itself stops turning.
    pub notify_socket: Option<PathBuf>,
}

/// The environment variable that tells a kiosk process to send heartbeats:
/// one byte on its standard output from its event loop, every
/// [`HEARTBEAT_EVERY`].
pub const HEARTBEAT_ENV: &str = "ANLAUF_HEARTBEAT";

/// How often a watched kiosk sends a heartbeat.
pub const HEARTBEAT_EVERY: Duration = Duration::from_secs(5);

/// How long a kiosk may be silent before it counts as hung.
pub const HUNG_AFTER: Duration = Duration::from_secs(30);

/// Tells systemd's watchdog that the session is alive (`WATCHDOG=1` on the
/// notification socket; the unit allows it from any of its processes).
fn notify_watchdog(socket: Option<&std::path::Path>) {
    let Some(socket) = socket else {
        return;
    };
    let Ok(sender) = std::os::unix::net::UnixDatagram::unbound() else {
        return;
    };
    // Never wait for systemd: a full queue just drops this ping.
    if sender.set_nonblocking(true).is_err() {
        return;
    }
    if let Err(error) = sender.send_to(b"WATCHDOG=1", socket) {
        tracing::debug!(%error, "cannot notify systemd's watchdog");
    }
}

/// Waits for the next heartbeat byte on `stdout`; never returns when there
/// is nothing to read (not watched, or the pipe closed: the exit shows).
async fn heartbeat(stdout: &mut Option<tokio::process::ChildStdout>) {
    use tokio::io::AsyncReadExt as _;
    let Some(pipe) = stdout.as_mut() else {
        return std::future::pending().await;
    };
    let mut byte = [0u8; 64];
    match pipe.read(&mut byte).await {
        Ok(n) if n > 0 => {}
        _ => {
            *stdout = None;
            std::future::pending::<()>().await;
        }
    }
}

/// A supervisor failure that cannot be retried.
#[derive(Debug, thiserror::Error)]
pub enum SupervisorError {
    /// The kiosk program cannot be started at all.
    #[error("cannot start the kiosk process {program}: {source}")]
    Spawn {
        /// What was started.
        program: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
    /// Signals cannot be handled.
    #[error("cannot listen for signals: {0}")]
    Signals(std::io::Error),
}

/// Runs kiosk processes one after another until SIGTERM or SIGINT, or until
/// one asks to quit. On a signal, the running kiosk gets SIGTERM, then
/// SIGKILL after a grace period.
pub async fn run(spec: ChildSpec) -> Result<(), SupervisorError> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate()).map_err(SupervisorError::Signals)?;
    let mut interrupt = signal(SignalKind::interrupt()).map_err(SupervisorError::Signals)?;
    let mut backoff = Backoff::default();
    let mut generation: u64 = 0;

    loop {
        generation += 1;
        let mut command = tokio::process::Command::new(&spec.program);
        command
            .args(&spec.args)
            .envs(spec.env.iter().cloned())
            .kill_on_drop(true);
        // Its own process group, so that whatever it started ends with it.
        command.as_std_mut().process_group(0);
        if spec.heartbeat.is_some() {
            command
                .env(HEARTBEAT_ENV, "1")
                .stdout(std::process::Stdio::piped());
        }
        let started = Instant::now();
        let mut child = command.spawn().map_err(|source| SupervisorError::Spawn {
            program: spec.program.clone(),
            source,
        })?;
        let pid = child.id();
        tracing::info!(generation, pid, "kiosk process started");
        let mut stdout = child.stdout.take();
        notify_watchdog(spec.notify_socket.as_deref());

        // Its start counts as the first heartbeat.
        let mut last_beat = tokio::time::Instant::now();
        let status = loop {
            let hung_at = spec.heartbeat.map(|limit| last_beat + limit);
            tokio::select! {
                status = child.wait() => break Some(status),
                _ = terminate.recv() => return stop(child, pid).await,
                _ = interrupt.recv() => return stop(child, pid).await,
                () = heartbeat(&mut stdout) => {
                    last_beat = tokio::time::Instant::now();
                    notify_watchdog(spec.notify_socket.as_deref());
                }
                () = async {
                    match hung_at {
                        Some(at) => tokio::time::sleep_until(at).await,
                        None => std::future::pending().await,
                    }
                } => break None,
            }
        };
        kill_group(pid, nix::sys::signal::Signal::SIGKILL);
        let end = match status {
            Some(Ok(status)) => classify(status),
            Some(Err(error)) => ChildEnd::Crashed(format!("cannot wait for it: {error}")),
            None => {
                if let Err(error) = child.wait().await {
                    tracing::warn!(%error, "hung kiosk process could not be reaped");
                }
                ChildEnd::Crashed(format!(
                    "hung: no heartbeat for {} s",
                    spec.heartbeat.unwrap_or_default().as_secs()
                ))
            }
        };
        match end {
            ChildEnd::SessionEnded => {
                tracing::info!(generation, "session ended; starting a fresh kiosk process");
            }
            ChildEnd::Quit => {
                tracing::info!(generation, "kiosk window closed; supervisor stops");
                return Ok(());
            }
            ChildEnd::Crashed(how) => {
                let delay = backoff.crashed(Instant::now());
                tracing::error!(generation, %how, ran_ms = started.elapsed().as_millis() as u64, delay_ms = delay.as_millis() as u64, "kiosk process failed; restarting");
                tokio::time::sleep(delay).await;
            }
        }
    }
}

async fn stop(mut child: tokio::process::Child, pid: Option<u32>) -> Result<(), SupervisorError> {
    tracing::info!("supervisor stopping");
    kill_group(pid, nix::sys::signal::Signal::SIGTERM);
    if tokio::time::timeout(Duration::from_secs(3), child.wait())
        .await
        .is_err()
    {
        kill_group(pid, nix::sys::signal::Signal::SIGKILL);
        if let Err(error) = child.wait().await {
            tracing::warn!(%error, "kiosk process could not be reaped");
        }
    }
    Ok(())
}

/// Signals the whole process group of a kiosk process; a group that is
/// already gone is fine.
fn kill_group(pid: Option<u32>, signal: nix::sys::signal::Signal) {
    let Some(pid) = pid.and_then(|pid| i32::try_from(pid).ok()) else {
        return;
    };
    match nix::sys::signal::killpg(nix::unistd::Pid::from_raw(pid), signal) {
        Ok(()) | Err(nix::errno::Errno::ESRCH) => {}
        Err(error) => tracing::warn!(%error, ?signal, "cannot signal the kiosk's process group"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A supervisor over `sh -c SCRIPT` (each start appends a line to
    /// `starts`), watched for heartbeats within `limit`, run for `run_for`.
    fn supervise(script: &str, limit: Duration, notify: Option<PathBuf>, run_for: Duration) {
        let spec = ChildSpec {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            env: Vec::new(),
            heartbeat: Some(limit),
            notify_socket: notify,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let _ = tokio::time::timeout(run_for, run(spec)).await;
        });
    }

    fn starts(file: &std::path::Path) -> usize {
        std::fs::read_to_string(file)
            .unwrap_or_default()
            .lines()
            .count()
    }

    #[test]
    fn a_kiosk_that_stops_beating_is_restarted_and_a_beating_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let hung = dir.path().join("hung");
        // One heartbeat, then the event loop "hangs".
        supervise(
            &format!("echo start >> {}; printf .; exec sleep 100", hung.display()),
            Duration::from_millis(600),
            None,
            Duration::from_millis(2000),
        );
        assert!(starts(&hung) >= 2, "the hung kiosk was not restarted");

        let alive = dir.path().join("alive");
        let socket_path = dir.path().join("notify");
        let systemd = std::os::unix::net::UnixDatagram::bind(&socket_path).unwrap();
        systemd.set_nonblocking(true).unwrap();
        supervise(
            &format!(
                "echo start >> {}; while true; do printf .; sleep 0.1; done",
                alive.display()
            ),
            Duration::from_millis(600),
            Some(socket_path),
            Duration::from_millis(2000),
        );
        assert_eq!(starts(&alive), 1, "a beating kiosk was restarted");
        let mut buffer = [0u8; 64];
        let mut pings = 0;
        while let Ok(n) = systemd.recv(&mut buffer) {
            assert_eq!(&buffer[..n], b"WATCHDOG=1");
            pings += 1;
        }
        assert!(pings >= 5, "systemd heard {pings} watchdog pings");
    }

    #[test]
    fn after_an_upgrade_the_next_kiosk_is_the_new_program() {
        assert_eq!(
            program_path("/usr/bin/kiosk-app (deleted)".into()),
            PathBuf::from("/usr/bin/kiosk-app")
        );
        assert_eq!(
            program_path("/usr/bin/kiosk-app".into()),
            PathBuf::from("/usr/bin/kiosk-app")
        );
    }

    #[test]
    fn exit_codes_are_read() {
        assert_eq!(classify(ExitStatus::from_raw(0)), ChildEnd::SessionEnded);
        assert_eq!(
            classify(ExitStatus::from_raw(EXIT_QUIT << 8)),
            ChildEnd::Quit
        );
        assert_eq!(
            classify(ExitStatus::from_raw(1 << 8)),
            ChildEnd::Crashed("exit code 1".into())
        );
        assert_eq!(
            classify(ExitStatus::from_raw(9)),
            ChildEnd::Crashed("killed by signal 9".into())
        );
    }

    #[test]
    fn backoff_grows_and_forgets() {
        let start = Instant::now();
        let mut backoff = Backoff::default();
        let delays: Vec<u64> = (0..8)
            .map(|i| backoff.crashed(start + Duration::from_secs(i)).as_millis() as u64)
            .collect();
        assert_eq!(delays, [0, 250, 500, 1000, 2000, 4000, 8000, 10000]);
        // A minute of calm later, a crash restarts at once again.
        assert_eq!(
            backoff.crashed(start + Duration::from_secs(200)),
            Duration::ZERO
        );
    }
}

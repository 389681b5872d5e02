//! The supervisor: every visitor gets a fresh kiosk process. It starts the
//! kiosk, waits for it to end, and starts the next one at once when a session
//! ended, or after a short back-off when it crashed. No cache, widget state or
//! freed heap of one visitor can then reach the next (the device's kernel
//! zeroes freed pages). The same supervisor runs in windowed development mode
//! and on the device, where systemd restarts the supervisor itself.
//!
//! It talks with the kiosk process over two pipes ([`pipe`]): heartbeats and
//! whether a session runs come in, activity from the idle watcher and a
//! request to end the session go out. Through a [`Link`] the same facts and
//! requests reach `org.anlauf.Kiosk1` on the system bus ([`crate::bus`]).

pub mod pipe;

use std::collections::VecDeque;
use std::ffi::OsString;
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::PathBuf;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt as _;
use tokio::sync::{mpsc, watch};

use pipe::{FromKiosk, ToKiosk};

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
    /// How long a kiosk asked to end its session may take before its
    /// process group is killed (which ends the session too).
    pub end_grace: Duration,
}

/// The environment variable that tells a kiosk process that it is watched:
/// it sends heartbeats (one byte on its standard output from its event
/// loop, every [`HEARTBEAT_EVERY`]) and speaks the rest of the [`pipe`]
/// protocol.
pub const HEARTBEAT_ENV: &str = "ANLAUF_HEARTBEAT";

/// The environment variable that tells a kiosk process that activity comes
/// from its supervisor (the idle watcher service over D-Bus): it does not
/// open the input devices itself.
pub const IDLE_FROM_SUPERVISOR_ENV: &str = "ANLAUF_IDLE_FROM_SUPERVISOR";

/// How long a kiosk asked to end its session gets before it is killed.
pub const END_GRACE: Duration = Duration::from_secs(5);

/// Whether a visitor's session runs, as the kiosk process reports it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionState {
    /// A session runs.
    pub active: bool,
    /// When it started, in Unix seconds; 0 when none runs.
    pub since: u64,
}

/// The supervisor's end of its link to the outside (`org.anlauf.Kiosk1`):
/// requests for the kiosk come in, the session's state goes out.
#[derive(Debug)]
pub struct Link {
    requests: mpsc::Receiver<ToKiosk>,
    session: watch::Sender<SessionState>,
}

/// The outside's end of the link: the bus service holds it.
#[derive(Debug, Clone)]
pub struct Remote {
    /// Requests for the running kiosk; a full queue drops them.
    pub requests: mpsc::Sender<ToKiosk>,
    /// The session's state, changed by the supervisor.
    pub session: watch::Receiver<SessionState>,
}

/// A new link between a supervisor and the bus. Dropping the [`Remote`]
/// is fine: the supervisor then runs on its own.
pub fn link() -> (Link, Remote) {
    let (requests_in, requests) = mpsc::channel(8);
    let (session, session_out) = watch::channel(SessionState::default());
    (
        Link { requests, session },
        Remote {
            requests: requests_in,
            session: session_out,
        },
    )
}

impl Link {
    fn active(&self) -> bool {
        self.session.borrow().active
    }

    fn started(&self) {
        let since = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.session.send_if_modified(|state| {
            let was = state.active;
            if !was {
                *state = SessionState {
                    active: true,
                    since,
                };
            }
            !was
        });
    }

    fn ended(&self) {
        self.session.send_if_modified(|state| {
            let was = state.active;
            *state = SessionState::default();
            was
        });
    }
}

/// How often a watched kiosk sends a heartbeat.
pub const HEARTBEAT_EVERY: Duration = Duration::from_secs(5);

/// How long a kiosk may be silent before it counts as hung.
pub const HUNG_AFTER: Duration = Duration::from_secs(30);

/// Bytes read from the kiosk at once.
type Bytes = ([u8; 64], usize);

/// Waits for the next bytes from the kiosk on `stdout`; never returns when
/// there is nothing to read (not watched, or the pipe closed: the exit
/// shows).
async fn from_kiosk(stdout: &mut Option<tokio::process::ChildStdout>) -> Bytes {
    use tokio::io::AsyncReadExt as _;
    let Some(pipe) = stdout.as_mut() else {
        return std::future::pending().await;
    };
    let mut bytes = [0u8; 64];
    match pipe.read(&mut bytes).await {
        Ok(n) if n > 0 => (bytes, n),
        _ => {
            *stdout = None;
            std::future::pending().await
        }
    }
}

/// Writes a request to the kiosk on `stdin`; a kiosk that does not take
/// it within a second (its event loop hangs: the heartbeat check deals
/// with that) loses it, one that closed the pipe gets no more.
async fn to_kiosk(stdin: &mut Option<tokio::process::ChildStdin>, request: ToKiosk) {
    let Some(pipe) = stdin.as_mut() else {
        return;
    };
    let write = async {
        pipe.write_all(&[request.byte()]).await?;
        pipe.flush().await
    };
    match tokio::time::timeout(Duration::from_secs(1), write).await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => {
            tracing::warn!(%error, ?request, "the kiosk process closed its pipe");
            *stdin = None;
        }
        Err(_) => tracing::warn!(?request, "the kiosk process does not read its pipe"),
    }
}

/// Sleeps until `at`, or forever without one.
async fn sleep_until(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// Why the supervisor stopped waiting for a kiosk process.
enum Stopped {
    /// It exited.
    Exited(std::io::Result<ExitStatus>),
    /// It sent no heartbeat in time.
    Hung,
    /// It did not end its session within the grace time after being asked.
    Unresponsive,
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
/// SIGKILL after a grace period. Through `link`, the session's state goes
/// out and requests for the kiosk come in.
pub async fn run(spec: ChildSpec, mut link: Link) -> Result<(), SupervisorError> {
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
                .stdin(std::process::Stdio::piped())
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
        let mut stdin = child.stdin.take();

        // Its start counts as the first heartbeat.
        let mut last_beat = tokio::time::Instant::now();
        let mut end_by: Option<tokio::time::Instant> = None;
        let stopped = loop {
            let hung_at = spec.heartbeat.map(|limit| last_beat + limit);
            let wake = hung_at.into_iter().chain(end_by).min();
            tokio::select! {
                status = child.wait() => break Stopped::Exited(status),
                _ = terminate.recv() => {
                    link.ended();
                    return stop(child, pid).await;
                }
                _ = interrupt.recv() => {
                    link.ended();
                    return stop(child, pid).await;
                }
                (bytes, n) = from_kiosk(&mut stdout) => {
                    last_beat = tokio::time::Instant::now();
                    for byte in &bytes[..n] {
                        match FromKiosk::from_byte(*byte) {
                            Some(FromKiosk::SessionStarted) => link.started(),
                            Some(FromKiosk::SessionEnded) => link.ended(),
                            Some(FromKiosk::Heartbeat) | None => {}
                        }
                    }
                }
                Some(request) = link.requests.recv() => {
                    // Outside a session there is nothing to keep alive or end.
                    if link.active() {
                        to_kiosk(&mut stdin, request).await;
                        if request == ToKiosk::EndSession && end_by.is_none() {
                            tracing::info!(generation, "ending the session on request");
                            end_by = Some(tokio::time::Instant::now() + spec.end_grace);
                        }
                    }
                }
                () = sleep_until(wake) => {
                    let now = tokio::time::Instant::now();
                    break if end_by.is_some_and(|at| at <= now) {
                        Stopped::Unresponsive
                    } else {
                        Stopped::Hung
                    };
                }
            }
        };
        kill_group(pid, nix::sys::signal::Signal::SIGKILL);
        link.ended();
        let end = match stopped {
            Stopped::Exited(Ok(status)) => classify(status),
            Stopped::Exited(Err(error)) => {
                ChildEnd::Crashed(format!("cannot wait for it: {error}"))
            }
            Stopped::Hung => {
                reap(&mut child).await;
                ChildEnd::Crashed(format!(
                    "hung: no heartbeat for {} s",
                    spec.heartbeat.unwrap_or_default().as_secs()
                ))
            }
            Stopped::Unresponsive => {
                reap(&mut child).await;
                tracing::warn!(
                    generation,
                    grace_s = spec.end_grace.as_secs(),
                    "the kiosk did not end its session when asked; killed"
                );
                ChildEnd::SessionEnded
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

/// Waits for a killed kiosk process.
async fn reap(child: &mut tokio::process::Child) {
    if let Err(error) = child.wait().await {
        tracing::warn!(%error, "killed kiosk process could not be reaped");
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
mod bus_tests;

#[cfg(test)]
mod tests {
    use super::*;

    /// A supervisor over `sh -c SCRIPT` (each start appends a line to
    /// `starts`), watched for heartbeats within `limit`, run for `run_for`.
    fn supervise(script: &str, limit: Duration, run_for: Duration) {
        let spec = ChildSpec {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            env: Vec::new(),
            heartbeat: Some(limit),
            end_grace: END_GRACE,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let (link, _remote) = link();
            let _ = tokio::time::timeout(run_for, run(spec, link)).await;
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
            Duration::from_millis(2000),
        );
        assert!(starts(&hung) >= 2, "the hung kiosk was not restarted");

        let alive = dir.path().join("alive");
        supervise(
            &format!(
                "echo start >> {}; while true; do printf .; sleep 0.1; done",
                alive.display()
            ),
            Duration::from_millis(600),
            Duration::from_millis(2000),
        );
        assert_eq!(starts(&alive), 1, "a beating kiosk was restarted");
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

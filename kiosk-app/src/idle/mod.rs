//! Hears that somebody touches the terminal, from every input device through
//! evdev, so that idle detection works whatever window is in front (the
//! browser included). It never grabs a device and never looks at which key or
//! where: only that activity happened.
//!
//! On a device this runs in the idle watcher service (`anlauf-idle`, its own
//! user in group `input`), which tells the kiosk over D-Bus ([`report`]);
//! the kiosk itself then has no right to read input devices. Without a
//! system bus (a developer's machine) the kiosk runs the same watcher in
//! its own process.

pub mod report;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Linux input event types that mean a person did something.
const EV_KEY: u16 = 0x01;
const EV_REL: u16 = 0x02;
const EV_ABS: u16 = 0x03;

/// Whether an input event of this type is a person's activity (keys, buttons,
/// touches, pointer motion) rather than bookkeeping (sync, LEDs, switches).
pub fn counts_as_activity(event_type: u16) -> bool {
    matches!(event_type, EV_KEY | EV_REL | EV_ABS)
}

/// Lets at most one activity report through per interval: the kiosk only
/// needs to know that someone is there, not how busy they are.
#[derive(Debug, Clone)]
pub struct Throttle {
    interval: Duration,
    last: Option<Instant>,
}

impl Throttle {
    /// A throttle passing one report per `interval`.
    pub fn new(interval: Duration) -> Self {
        Throttle {
            interval,
            last: None,
        }
    }

    /// Whether a report at `now` goes through.
    pub fn admit(&mut self, now: Instant) -> bool {
        match self.last {
            Some(last) if now.saturating_duration_since(last) < self.interval => false,
            _ => {
                self.last = Some(now);
                true
            }
        }
    }
}

/// What the watcher tells the kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// Somebody touched, typed or moved the pointer.
    Activity,
    /// The watcher listens to this many devices now.
    Watching(usize),
    /// No input device can be read; idle detection falls back to the
    /// kiosk's own window events. The reason is for staff.
    Unavailable(String),
}

/// Why no device could be read, in words for staff.
fn unavailable_reason(dir: &Path, errors: &[(PathBuf, std::io::Error)], found: usize) -> String {
    if found == 0 {
        return format!("no input devices in {}", dir.display());
    }
    match errors.first() {
        Some((path, error)) => format!("cannot read {} ({error})", path.display()),
        None => format!("no input devices in {}", dir.display()),
    }
}

/// The `event*` device nodes in `dir`.
pub fn device_nodes(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut nodes: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("event"))
        })
        .collect();
    nodes.sort();
    Ok(nodes)
}

enum DeviceMessage {
    Activity,
    Gone(PathBuf),
}

/// Watches every input device under `dir` until the future is dropped,
/// rescanning for new devices every few seconds, and hands each
/// [`WatchEvent`] to `emit`. Activity is reported at most every `throttle`.
pub async fn watch(dir: PathBuf, throttle: Duration, mut emit: impl FnMut(WatchEvent)) {
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<DeviceMessage>(64);
    let mut open: HashSet<PathBuf> = HashSet::new();
    let mut throttle = Throttle::new(throttle);
    let mut reported: Option<WatchEvent> = None;
    let mut rescan = tokio::time::interval(Duration::from_secs(5));

    loop {
        tokio::select! {
            _ = rescan.tick() => {
                let mut errors = Vec::new();
                let nodes = device_nodes(&dir).unwrap_or_default();
                for node in &nodes {
                    if open.contains(node) {
                        continue;
                    }
                    match evdev::Device::open(node).and_then(evdev::Device::into_event_stream) {
                        Ok(stream) => {
                            open.insert(node.clone());
                            tokio::spawn(read_device(node.clone(), stream, sender.clone()));
                        }
                        Err(error) => errors.push((node.clone(), error)),
                    }
                }
                let state = if open.is_empty() {
                    WatchEvent::Unavailable(unavailable_reason(&dir, &errors, nodes.len()))
                } else {
                    WatchEvent::Watching(open.len())
                };
                if reported.as_ref() != Some(&state) {
                    match &state {
                        WatchEvent::Watching(count) => tracing::info!(devices = count, "idle watcher listening"),
                        WatchEvent::Unavailable(reason) => tracing::warn!(%reason, "idle watcher has no input device"),
                        WatchEvent::Activity => {}
                    }
                    emit(state.clone());
                    reported = Some(state);
                }
            }
            Some(message) = receiver.recv() => match message {
                DeviceMessage::Activity => {
                    if throttle.admit(Instant::now()) {
                        emit(WatchEvent::Activity);
                    }
                }
                DeviceMessage::Gone(node) => {
                    open.remove(&node);
                }
            },
        }
    }
}

/// A source of raw input events: an evdev device, or synthetic events in tests.
pub trait EventSource {
    /// The type of the next event (`EV_KEY`, `EV_ABS`, ...); an error ends the source.
    fn next_type(&mut self) -> impl std::future::Future<Output = std::io::Result<u16>> + Send;
}

impl EventSource for evdev::EventStream {
    async fn next_type(&mut self) -> std::io::Result<u16> {
        Ok(self.next_event().await?.event_type().0)
    }
}

/// Reads one event source until it ends and hands its activity to `emit`,
/// at most once per `throttle` (the watcher's path for one device, for a
/// device that is not under a directory, and for tests' fake devices).
pub async fn watch_source(
    mut source: impl EventSource,
    throttle: Duration,
    mut emit: impl FnMut(WatchEvent),
) -> std::io::Result<()> {
    let mut throttle = Throttle::new(throttle);
    loop {
        if counts_as_activity(source.next_type().await?) && throttle.admit(Instant::now()) {
            emit(WatchEvent::Activity);
        }
    }
}

async fn read_device(
    node: PathBuf,
    mut stream: impl EventSource,
    sender: tokio::sync::mpsc::Sender<DeviceMessage>,
) {
    loop {
        match stream.next_type().await {
            Ok(event_type) => {
                if counts_as_activity(event_type)
                    && sender.send(DeviceMessage::Activity).await.is_err()
                {
                    return;
                }
            }
            Err(error) => {
                tracing::info!(device = %node.display(), %error, "input device gone");
                // The watcher may already be gone too; then nobody needs to know.
                if sender.send(DeviceMessage::Gone(node)).await.is_err() {
                    tracing::debug!("idle watcher stopped before a device closed");
                }
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_human_events_count() {
        assert!(counts_as_activity(EV_KEY));
        assert!(counts_as_activity(EV_REL));
        assert!(counts_as_activity(EV_ABS));
        assert!(!counts_as_activity(0x00)); // EV_SYN
        assert!(!counts_as_activity(0x04)); // EV_MSC
        assert!(!counts_as_activity(0x05)); // EV_SW (lid, dock)
        assert!(!counts_as_activity(0x11)); // EV_LED
    }

    #[test]
    fn throttle_passes_one_report_per_interval() {
        let start = Instant::now();
        let mut throttle = Throttle::new(Duration::from_millis(500));
        let passed: Vec<bool> = [0, 100, 499, 500, 900, 1001]
            .into_iter()
            .map(|ms| throttle.admit(start + Duration::from_millis(ms)))
            .collect();
        assert_eq!(passed, [true, false, false, true, false, true]);
    }

    /// Synthetic events: a list of event types, then the device disappears.
    struct Synthetic(std::vec::IntoIter<u16>);

    impl EventSource for Synthetic {
        async fn next_type(&mut self) -> std::io::Result<u16> {
            self.0
                .next()
                .ok_or_else(|| std::io::Error::other("unplugged"))
        }
    }

    #[tokio::test]
    async fn device_reader_reports_only_activity_then_its_end() {
        let (sender, mut receiver) = tokio::sync::mpsc::channel(16);
        // A touch: ABS x, ABS y, SYN; then a LED change and a SYN.
        let events = Synthetic(vec![EV_ABS, EV_ABS, 0x00, 0x11, 0x00, EV_KEY].into_iter());
        read_device(PathBuf::from("/dev/input/event7"), events, sender).await;
        let mut activity = 0;
        let mut gone = None;
        while let Ok(message) = receiver.try_recv() {
            match message {
                DeviceMessage::Activity => activity += 1,
                DeviceMessage::Gone(node) => gone = Some(node),
            }
        }
        assert_eq!(activity, 3);
        assert_eq!(gone, Some(PathBuf::from("/dev/input/event7")));
    }

    #[tokio::test]
    async fn empty_device_dir_is_reported_unavailable() {
        let dir = std::env::temp_dir().join(format!("anlauf-idle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A node that is not a device: present but not readable as evdev.
        std::fs::write(dir.join("event0"), b"not a device").unwrap();
        let mut events = Vec::new();
        let _ = tokio::time::timeout(
            Duration::from_millis(300),
            watch(dir.clone(), Duration::from_millis(1), |e| events.push(e)),
        )
        .await;
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(events.len(), 1, "{events:?}");
        let WatchEvent::Unavailable(reason) = &events[0] else {
            panic!("{events:?}")
        };
        assert!(
            reason.contains("cannot read") && reason.contains("event0"),
            "{reason}"
        );
    }

    #[tokio::test]
    async fn missing_device_dir_is_reported_unavailable() {
        let mut events = Vec::new();
        let _ = tokio::time::timeout(
            Duration::from_millis(200),
            watch(
                PathBuf::from("/nonexistent/input"),
                Duration::from_millis(1),
                |e| events.push(e),
            ),
        )
        .await;
        assert_eq!(
            events,
            [WatchEvent::Unavailable(
                "no input devices in /nonexistent/input".into()
            )]
        );
    }
}

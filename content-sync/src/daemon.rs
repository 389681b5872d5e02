//! `content-sync run`: syncs when NetworkManager reports full connectivity,
//! on a timer with random jitter, and when asked over D-Bus; backs off after
//! failures; serves `org.anlauf.ContentSync1`. `content-sync sync-now` asks
//! it through the proxy beside the interface ([`ContentSync1Proxy`]).

use std::path::PathBuf;
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::mpsc;
use zbus::object_server::{InterfaceRef, SignalEmitter};
use zbus::{Connection, interface, proxy};

use crate::client::{self, Options, Outcome, Remote};
use crate::status::Status;
use crate::store::{Store, StoreError};

/// The bus name the daemon owns.
pub const BUS_NAME: &str = "org.anlauf.ContentSync1";
/// The object path it serves.
pub const OBJECT_PATH: &str = "/org/anlauf/ContentSync1";

/// NetworkManager's `NM_CONNECTIVITY_FULL`.
pub const CONNECTIVITY_FULL: u32 = 4;

#[proxy(
    interface = "org.freedesktop.NetworkManager",
    default_service = "org.freedesktop.NetworkManager",
    default_path = "/org/freedesktop/NetworkManager"
)]
trait NetworkManager {
    /// The connectivity state (`NMConnectivityState`).
    #[zbus(property)]
    fn connectivity(&self) -> zbus::Result<u32>;

    /// Emitted when the overall networking state changes.
    #[zbus(signal)]
    fn state_changed(&self, state: u32) -> zbus::Result<()>;
}

/// How the daemon runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store.
    pub store: PathBuf,
    /// The repository.
    pub remote: Remote,
    /// Limits and rate.
    pub options: Options,
    /// Time between checks.
    pub interval: Duration,
    /// Largest random delay added to each wait.
    pub jitter: Duration,
    /// Longest wait after failures.
    pub max_backoff: Duration,
    /// Use the session bus instead of the system bus (for trying it out).
    pub session_bus: bool,
}

/// A daemon problem.
#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The bus refused.
    #[error("D-Bus: {0}")]
    Bus(#[from] zbus::Error),
}

/// What the bus sees of the daemon.
#[derive(Debug)]
struct SyncService {
    status: Status,
    version: u64,
    requests: mpsc::Sender<()>,
}

#[interface(name = "org.anlauf.ContentSync1")]
impl SyncService {
    /// The pack version of the current generation (0: none).
    #[zbus(property)]
    fn version(&self) -> u64 {
        self.version
    }

    /// When the last check started (Unix seconds; 0: never).
    #[zbus(property)]
    fn last_check(&self) -> u64 {
        self.status.last_check.unwrap_or(0)
    }

    /// The last check's error; empty after a success.
    #[zbus(property)]
    fn last_error(&self) -> String {
        self.status.last_error.clone()
    }

    /// "idle", "syncing", "failed" or "offline".
    #[zbus(property)]
    fn state(&self) -> String {
        self.status.state.clone()
    }

    /// Asks for a check now; returns at once: false when one is already
    /// waiting.
    fn sync_now(&self) -> bool {
        self.requests.try_send(()).is_ok()
    }

    /// A new generation became current.
    #[zbus(signal)]
    async fn activated(emitter: &SignalEmitter<'_>, version: u64) -> zbus::Result<()>;
}

/// The client side of `org.anlauf.ContentSync1`.
#[proxy(
    interface = "org.anlauf.ContentSync1",
    default_service = "org.anlauf.ContentSync1",
    default_path = "/org/anlauf/ContentSync1"
)]
pub trait ContentSync1 {
    /// The pack version of the current generation (0: none).
    #[zbus(property)]
    fn version(&self) -> zbus::Result<u64>;

    /// When the last check started (Unix seconds; 0: never).
    #[zbus(property)]
    fn last_check(&self) -> zbus::Result<u64>;

    /// The last check's error; empty after a success.
    #[zbus(property)]
    fn last_error(&self) -> zbus::Result<String>;

    /// "idle", "syncing", "failed" or "offline".
    #[zbus(property)]
    fn state(&self) -> zbus::Result<String>;

    /// Asks for a check now; false when one is already waiting.
    fn sync_now(&self) -> zbus::Result<bool>;

    /// A new generation became current.
    #[zbus(signal)]
    fn activated(&self, version: u64) -> zbus::Result<()>;
}

/// Why the daemon could not be asked for a check.
#[derive(Debug, thiserror::Error)]
pub enum AskError {
    /// No bus.
    #[error("cannot reach the bus: {0}")]
    Connect(zbus::Error),
    /// Nobody owns the name.
    #[error("the content daemon is not running ({BUS_NAME} is not on the bus)")]
    NotRunning,
    /// The bus policy refused the call.
    #[error("not allowed: only root and the daemon's user anlauf-content may ask for a sync")]
    Denied,
    /// The call failed otherwise.
    #[error("SyncNow failed: {0}")]
    Call(zbus::Error),
}

/// The D-Bus name of an error reply, if the error is one.
fn error_name(error: &zbus::Error) -> Option<String> {
    match error {
        zbus::Error::MethodError(name, _, _) => Some(name.to_string()),
        zbus::Error::FDO(error) => Some(zbus::DBusError::name(error.as_ref()).to_string()),
        _ => None,
    }
}

/// Asks the running daemon for a check now (on the system bus, which
/// honours `DBUS_SYSTEM_BUS_ADDRESS`, or the session bus); whether the
/// request was taken (false: one is already waiting).
pub async fn ask_sync_now(session_bus: bool) -> Result<bool, AskError> {
    let connection = if session_bus {
        Connection::session().await
    } else {
        Connection::system().await
    }
    .map_err(AskError::Connect)?;
    let daemon = ContentSync1Proxy::builder(&connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
        .map_err(AskError::Call)?;
    daemon.sync_now().await.map_err(|error| {
        match error_name(&error)
            .as_deref()
            .and_then(|n| n.rsplit('.').next())
        {
            Some("ServiceUnknown" | "NameHasNoOwner") => AskError::NotRunning,
            Some("AccessDenied") => AskError::Denied,
            _ => AskError::Call(error),
        }
    })
}

/// A random duration below `max`.
fn jitter(max: Duration) -> Duration {
    let mut bytes = [0u8; 8];
    if max.is_zero() || aws_lc_rs::rand::fill(&mut bytes).is_err() {
        return Duration::ZERO;
    }
    let nanos = u64::from_le_bytes(bytes) % max.as_nanos().max(1) as u64;
    Duration::from_nanos(nanos)
}

async fn publish(iface: &InterfaceRef<SyncService>, status: &Status, version: u64) {
    let mut service = iface.get_mut().await;
    service.status = status.clone();
    service.version = version;
    let emitter = iface.signal_emitter();
    let _ = service.state_changed(emitter).await;
    let _ = service.last_check_changed(emitter).await;
    let _ = service.last_error_changed(emitter).await;
    let _ = service.version_changed(emitter).await;
}

/// Runs until SIGTERM or SIGINT.
pub async fn run(config: Config) -> Result<(), DaemonError> {
    let store = Store::open(&config.store)?;
    store.rebuild_outdated()?;
    let mut status = Status::load(&config.store);
    let mut version = store.current()?.map_or(0, |g| g.version);
    let (requests, mut wakeups) = mpsc::channel(1);
    let service = SyncService {
        status: status.clone(),
        version,
        requests,
    };
    let builder = if config.session_bus {
        zbus::connection::Builder::session()
    } else {
        zbus::connection::Builder::system()
    };
    let connection: Connection = builder
        .name(BUS_NAME)
        .serve_at(OBJECT_PATH, service)
        .build()
        .await?;
    let iface = connection
        .object_server()
        .interface::<_, SyncService>(OBJECT_PATH)
        .await?;

    let network = NetworkManagerProxy::new(&connection).await.ok();
    let mut connectivity = match &network {
        Some(proxy) => Some(proxy.receive_connectivity_changed().await),
        None => None,
    };
    let mut state_changes = match &network {
        Some(proxy) => proxy.receive_state_changed().await.ok(),
        None => None,
    };
    let online = |value: Option<u32>| value.is_none_or(|c| c == CONNECTIVITY_FULL);
    let mut full = match &network {
        Some(proxy) => online(proxy.connectivity().await.ok()),
        None => true,
    };
    tracing::info!(version, network_manager = full, "content-sync running");

    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(|e| zbus::Error::Failure(e.to_string()))?;
    let mut failures: u32 = 0;
    let mut wait = jitter(config.jitter);
    loop {
        let asked = tokio::select! {
            () = tokio::time::sleep(wait) => full,
            Some(()) = wakeups.recv() => true,
            Some(change) = async { match connectivity.as_mut() { Some(s) => s.next().await, None => std::future::pending().await } } => {
                let was = full;
                full = online(change.get().await.ok());
                !was && full
            }
            Some(_) = async { match state_changes.as_mut() { Some(s) => s.next().await, None => std::future::pending().await } } => {
                let was = full;
                if let Some(proxy) = &network {
                    full = online(proxy.connectivity().await.ok());
                }
                !was && full
            }
            _ = terminate.recv() => break,
            _ = tokio::signal::ctrl_c() => break,
        };
        if !asked {
            if !full {
                status.state = "offline".into();
                let _ = status.save(&config.store);
                publish(&iface, &status, version).await;
            }
            wait = config.interval + jitter(config.jitter);
            continue;
        }
        status.checking();
        publish(&iface, &status, version).await;
        match client::sync(&store, &config.remote, &config.options).await {
            Ok(report) => {
                failures = 0;
                status.succeeded(report.version);
                if let Outcome::Activated(generation) = report.outcome {
                    version = generation.version;
                    publish(&iface, &status, version).await;
                    let _ = SyncService::activated(iface.signal_emitter(), version).await;
                }
                wait = config.interval + jitter(config.jitter);
            }
            Err(error) => {
                failures = failures.saturating_add(1);
                tracing::warn!(%error, failures, "content sync failed");
                status.failed(&error);
                let backoff = Duration::from_secs(10)
                    .saturating_mul(2u32.saturating_pow(failures.min(16)))
                    .min(config.max_backoff);
                wait = backoff + jitter(config.jitter);
            }
        }
        let _ = status.save(&config.store);
        publish(&iface, &status, version).await;
    }
    tracing::info!("content-sync stopping");
    Ok(())
}

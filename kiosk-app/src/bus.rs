//! `org.anlauf.Kiosk1`: the kiosk's own D-Bus interface, served by the
//! supervisor (the long-lived process of the kiosk session) on the system
//! bus, defined here once: the serving side ([`serve`]) and the proxy
//! ([`Kiosk1Proxy`]) that `kioskctl` and the idle watcher use.
//!
//! | member | kind | what |
//! |---|---|---|
//! | `SessionActive` | property `b` | a visitor's session runs (countdown included) |
//! | `SessionSince` | property `t` | when it started, Unix seconds; 0 when none runs |
//! | `Activity()` | method | someone touched the terminal (the idle watcher); keeps a running session from the idle countdown |
//! | `EndSession() → b` | method | ends the running session as End session does (wiped); `false` when none ran |
//!
//! A change of the session sends one
//! `org.freedesktop.DBus.Properties.PropertiesChanged` signal carrying both
//! properties. Who may own the name and call which method is the
//! policy's business (`systemd/dbus-1/org.anlauf.Kiosk1.conf`): only the
//! kiosk's user owns it, anyone reads the properties, only the idle
//! watcher's user calls `Activity`, only root calls `EndSession`. Nothing a
//! visitor does beyond "someone is there" crosses the bus.

use std::time::Duration;

use tokio::sync::mpsc;
use zbus::{Connection, interface, proxy};

use crate::supervisor::pipe::ToKiosk;
use crate::supervisor::{Remote, SessionState};

/// The bus name the kiosk's supervisor owns.
pub const BUS_NAME: &str = "org.anlauf.Kiosk1";
/// The object path it serves.
pub const OBJECT_PATH: &str = "/org/anlauf/Kiosk1";
/// How long connecting to the bus and taking the name may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the kiosk is not on the bus.
#[derive(Debug, thiserror::Error)]
pub enum BusError {
    /// No bus to connect to (a developer's machine without one), or it
    /// refused the connection.
    #[error("no system bus: {0}")]
    Connect(zbus::Error),
    /// The bus refused the name: the policy allows it to user
    /// `anlauf-kiosk` only, or another process owns it.
    #[error("the bus did not give the name {BUS_NAME}: {0}")]
    Name(zbus::Error),
    /// The bus did not answer in time.
    #[error("the bus did not answer within {} s", CONNECT_TIMEOUT.as_secs())]
    Timeout,
}

/// What the bus sees of the kiosk.
#[derive(Debug)]
struct KioskService {
    state: SessionState,
    requests: mpsc::Sender<ToKiosk>,
}

#[interface(name = "org.anlauf.Kiosk1")]
impl KioskService {
    /// Whether a visitor's session runs.
    #[zbus(property)]
    fn session_active(&self) -> bool {
        self.state.active
    }

    /// When the running session started (Unix seconds; 0: none runs).
    #[zbus(property)]
    fn session_since(&self) -> u64 {
        self.state.since
    }

    /// Someone touched the terminal: a running session is not idle.
    fn activity(&self) {
        if self.state.active && self.requests.try_send(ToKiosk::Activity).is_err() {
            tracing::debug!("activity dropped: the supervisor has reports to read");
        }
    }

    /// Ends the running session (wiped as on End session); whether one ran.
    fn end_session(&self) -> bool {
        if !self.state.active {
            return false;
        }
        match self.requests.try_send(ToKiosk::EndSession) {
            Ok(()) => {
                tracing::info!("end of the session asked for over D-Bus");
                true
            }
            Err(error) => {
                tracing::warn!(%error, "end of the session could not be passed on");
                false
            }
        }
    }
}

/// The client side of `org.anlauf.Kiosk1` (kioskctl, the idle watcher).
#[proxy(
    interface = "org.anlauf.Kiosk1",
    default_service = "org.anlauf.Kiosk1",
    default_path = "/org/anlauf/Kiosk1"
)]
pub trait Kiosk1 {
    /// Whether a visitor's session runs.
    #[zbus(property)]
    fn session_active(&self) -> zbus::Result<bool>;

    /// When the running session started (Unix seconds; 0: none runs).
    #[zbus(property)]
    fn session_since(&self) -> zbus::Result<u64>;

    /// Someone touched the terminal.
    fn activity(&self) -> zbus::Result<()>;

    /// Ends the running session; whether one ran.
    fn end_session(&self) -> zbus::Result<bool>;
}

/// A proxy without a property cache: every read asks the kiosk.
pub async fn proxy(connection: &Connection) -> zbus::Result<Kiosk1Proxy<'static>> {
    Kiosk1Proxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await
}

/// Serves `org.anlauf.Kiosk1` for a supervisor on the bus `builder`
/// connects to (`zbus::connection::Builder::system()` on a device; it
/// honours `DBUS_SYSTEM_BUS_ADDRESS`), then takes the name. The properties
/// follow the supervisor's session state for as long as the supervisor
/// runs; requests go to it.
pub async fn serve(
    builder: zbus::connection::Builder<'_>,
    remote: Remote,
) -> Result<Connection, BusError> {
    let Remote {
        requests,
        mut session,
    } = remote;
    let service = KioskService {
        state: *session.borrow_and_update(),
        requests,
    };
    let connect = async {
        let connection = builder
            .serve_at(OBJECT_PATH, service)
            .build()
            .await
            .map_err(BusError::Connect)?;
        connection
            .request_name(BUS_NAME)
            .await
            .map_err(BusError::Name)?;
        Ok::<_, BusError>(connection)
    };
    let connection = tokio::time::timeout(CONNECT_TIMEOUT, connect)
        .await
        .map_err(|_| BusError::Timeout)??;
    let iface = connection
        .object_server()
        .interface::<_, KioskService>(OBJECT_PATH)
        .await
        .map_err(BusError::Connect)?;
    tokio::spawn(async move {
        // Ends when the supervisor is gone.
        while session.changed().await.is_ok() {
            let state = *session.borrow_and_update();
            let mut service = iface.get_mut().await;
            if service.state == state {
                continue;
            }
            service.state = state;
            if let Err(error) = signal_change(iface.signal_emitter(), state).await {
                tracing::warn!(%error, "cannot signal the session's change");
            }
        }
    });
    tracing::info!(name = BUS_NAME, "serving the kiosk's interface on the bus");
    Ok(connection)
}

/// One `PropertiesChanged` signal with both properties, so that a client
/// never sees a running session without its start.
async fn signal_change(
    emitter: &zbus::object_server::SignalEmitter<'_>,
    state: SessionState,
) -> zbus::Result<()> {
    let changed = std::collections::HashMap::from([
        ("SessionActive", zbus::Variant::from(state.active)),
        ("SessionSince", zbus::Variant::from(state.since)),
    ]);
    zbus::fdo::Properties::properties_changed(
        emitter,
        zbus::names::InterfaceName::from_static_str_unchecked(BUS_NAME),
        changed,
        std::borrow::Cow::Borrowed(&[]),
    )
    .await
}

/// The D-Bus name of an error reply (`org.freedesktop.DBus.Error.AccessDenied`,
/// ...), if the error is one.
pub fn error_name(error: &zbus::Error) -> Option<String> {
    match error {
        zbus::Error::MethodError(name, _, _) => Some(name.to_string()),
        zbus::Error::FDO(error) => Some(zbus::DBusError::name(error.as_ref()).to_string()),
        _ => None,
    }
}

/// Whether a call failed because the policy refused it.
pub fn is_access_denied(error: &zbus::Error) -> bool {
    error_name(error).is_some_and(|name| name.ends_with(".AccessDenied"))
}

/// Whether a call failed because nobody owns the name (the kiosk does not run).
pub fn is_not_running(error: &zbus::Error) -> bool {
    error_name(error)
        .is_some_and(|name| name.ends_with(".ServiceUnknown") || name.ends_with(".NameHasNoOwner"))
}

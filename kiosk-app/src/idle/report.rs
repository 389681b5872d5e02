//! The idle watcher service's side of the bus: every activity report
//! becomes one call of `org.anlauf.Kiosk1.Activity`, which carries nothing
//! but the fact that someone is there.

use std::time::Duration;

use tokio::sync::mpsc;

use crate::bus::{self, Kiosk1Proxy};

/// How often at most the idle watcher service tells the kiosk.
pub const REPORT_EVERY: Duration = Duration::from_secs(1);

/// What the last call came to, so that each change is logged once.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Reached,
    NotRunning,
    Refused,
    Failed(String),
}

/// Calls `Activity` on the kiosk for every report on `activity` until the
/// channel closes. A kiosk that is not on the bus (between sessions of
/// the compositor) or a call the bus refuses is logged when it starts and
/// tried again with the next report; a broken connection ends the
/// reporting with its error (systemd starts the service again).
pub async fn report(
    mut activity: mpsc::Receiver<()>,
    kiosk: &Kiosk1Proxy<'_>,
) -> Result<(), zbus::Error> {
    let mut last: Option<Outcome> = None;
    while activity.recv().await.is_some() {
        let outcome = match kiosk.activity().await {
            Ok(()) => Outcome::Reached,
            Err(error) if bus::is_not_running(&error) => Outcome::NotRunning,
            Err(error) if bus::is_access_denied(&error) => Outcome::Refused,
            Err(error) if bus::error_name(&error).is_some() => Outcome::Failed(error.to_string()),
            Err(error) => return Err(error),
        };
        if last.as_ref() != Some(&outcome) {
            match &outcome {
                Outcome::Reached => tracing::info!("telling the kiosk about activity"),
                Outcome::NotRunning => {
                    tracing::info!("the kiosk is not on the bus; activity is not passed on")
                }
                Outcome::Refused => tracing::error!(
                    "the bus refuses Activity: only user anlauf-idle may call it \
                     (policy org.anlauf.Kiosk1.conf)"
                ),
                Outcome::Failed(error) => tracing::warn!(%error, "Activity failed"),
            }
        }
        last = Some(outcome);
    }
    Ok(())
}

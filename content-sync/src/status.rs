//! What the sync last did, kept in `ROOT/status.json` for `content-sync
//! status`, the daemon's D-Bus properties and staff. It names versions,
//! times and errors only.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The sync's state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// "idle", "syncing", "failed" or "offline".
    pub state: String,
    /// When the last check started (Unix seconds), if ever.
    pub last_check: Option<u64>,
    /// When a check last succeeded (Unix seconds), if ever.
    pub last_success: Option<u64>,
    /// The last check's error, empty after a success.
    pub last_error: String,
    /// The repository's version at the last successful check.
    pub offered_version: Option<u64>,
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

impl Status {
    /// The status saved under `root`, or a fresh one.
    pub fn load(root: &Path) -> Status {
        std::fs::read(root.join("status.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_else(|| Status {
                state: "idle".into(),
                ..Status::default()
            })
    }

    /// A check starts now.
    pub fn checking(&mut self) {
        self.state = "syncing".into();
        self.last_check = Some(now());
    }

    /// The check succeeded; the repository offers `version`.
    pub fn succeeded(&mut self, version: u64) {
        self.state = "idle".into();
        self.last_error.clear();
        self.last_success = self.last_check;
        self.offered_version = Some(version);
    }

    /// The check failed with `error`.
    pub fn failed(&mut self, error: &impl std::fmt::Display) {
        self.state = "failed".into();
        self.last_error = error.to_string();
    }

    /// Saves the status under `root` (write beside, then rename).
    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        let temporary = root.join(".status.json.new");
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(temporary, root.join("status.json"))
    }
}

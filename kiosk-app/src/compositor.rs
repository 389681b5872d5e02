//! The compositor guard: on the device the kiosk runs inside sway, and the
//! supervisor watches sway's windows through its IPC socket (`SWAYSOCK`).
//! Any window that is not the kiosk's own (or another allowed program's) is
//! closed the moment it appears, so that a pop-up or a stray program cannot
//! take the screen.
//!
//! The IPC protocol: each message is the magic `i3-ipc`, the payload's
//! length and the message type (both 32-bit, native byte order), then a
//! JSON payload. Events carry the high bit in their type.

use std::path::Path;

use serde_json::Value;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::UnixStream;

/// The kiosk window's application id (Wayland `app_id`).
pub const KIOSK_APP_ID: &str = "org.anlauf.Kiosk";

const MAGIC: &[u8; 6] = b"i3-ipc";
const RUN_COMMAND: u32 = 0;
const SUBSCRIBE: u32 = 2;
const GET_TREE: u32 = 4;
const EVENT_WINDOW: u32 = 0x8000_0003;

/// What can go wrong talking to the compositor.
#[derive(Debug, thiserror::Error)]
pub enum GuardError {
    /// The socket could not be reached or broke.
    #[error("compositor IPC: {0}")]
    Io(#[from] std::io::Error),
    /// A reply was not what the protocol says.
    #[error("compositor IPC: {0}")]
    Protocol(String),
}

/// A connection to sway's IPC socket.
#[derive(Debug)]
pub struct Ipc {
    stream: UnixStream,
}

impl Ipc {
    /// Connects to the socket at `path`.
    pub async fn connect(path: &Path) -> Result<Ipc, GuardError> {
        Ok(Ipc {
            stream: UnixStream::connect(path).await?,
        })
    }

    async fn send(&mut self, kind: u32, payload: &str) -> Result<(), GuardError> {
        let length = u32::try_from(payload.len())
            .map_err(|_| GuardError::Protocol("message too long".into()))?;
        let mut message = Vec::with_capacity(14 + payload.len());
        message.extend_from_slice(MAGIC);
        message.extend_from_slice(&length.to_ne_bytes());
        message.extend_from_slice(&kind.to_ne_bytes());
        message.extend_from_slice(payload.as_bytes());
        self.stream.write_all(&message).await?;
        Ok(())
    }

    /// The next message: its type and JSON payload.
    async fn receive(&mut self) -> Result<(u32, Value), GuardError> {
        let mut header = [0u8; 14];
        self.stream.read_exact(&mut header).await?;
        if &header[..6] != MAGIC {
            return Err(GuardError::Protocol("not an i3-ipc message".into()));
        }
        let length = u32::from_ne_bytes([header[6], header[7], header[8], header[9]]);
        let kind = u32::from_ne_bytes([header[10], header[11], header[12], header[13]]);
        if length > 64 << 20 {
            return Err(GuardError::Protocol(format!("a message of {length} bytes")));
        }
        let mut payload = vec![0u8; length as usize];
        self.stream.read_exact(&mut payload).await?;
        let value = serde_json::from_slice(&payload)
            .map_err(|e| GuardError::Protocol(format!("payload: {e}")))?;
        Ok((kind, value))
    }

    /// Sends a request and waits for its reply (events in between are
    /// dropped: the guard asks before it subscribes, or on its own socket).
    async fn request(&mut self, kind: u32, payload: &str) -> Result<Value, GuardError> {
        self.send(kind, payload).await?;
        loop {
            let (got, value) = self.receive().await?;
            if got == kind {
                return Ok(value);
            }
        }
    }
}

/// Whether a window may stay: its `app_id` (Wayland) or X11 class is in
/// `allowed`.
pub fn allowed_window(node: &Value, allowed: &[&str]) -> bool {
    let app_id = node.get("app_id").and_then(Value::as_str);
    let class = node
        .get("window_properties")
        .and_then(|p| p.get("class"))
        .and_then(Value::as_str);
    [app_id, class]
        .into_iter()
        .flatten()
        .any(|name| allowed.contains(&name))
}

/// The windows (views) of a tree: containers with a client behind them.
pub fn windows(tree: &Value) -> Vec<&Value> {
    let mut found = Vec::new();
    let mut stack = vec![tree];
    while let Some(node) = stack.pop() {
        if node.get("pid").and_then(Value::as_i64).is_some()
            && (node.get("app_id").is_some() || node.get("window_properties").is_some())
        {
            found.push(node);
        }
        for key in ["nodes", "floating_nodes"] {
            if let Some(children) = node.get(key).and_then(Value::as_array) {
                stack.extend(children);
            }
        }
    }
    found
}

/// Closes a window by its container id.
async fn close(commands: &mut Ipc, node: &Value) -> Result<(), GuardError> {
    let Some(id) = node.get("id").and_then(Value::as_i64) else {
        return Ok(());
    };
    let app_id = node
        .get("app_id")
        .and_then(Value::as_str)
        .unwrap_or("(none)");
    tracing::warn!(id, app_id, "closing a window that is not allowed");
    commands
        .request(RUN_COMMAND, &format!("[con_id={id}] kill"))
        .await?;
    Ok(())
}

/// Watches the compositor at `socket` and closes every window whose id is
/// not in `allowed`: those already there, then each one as it appears.
/// Returns only when the socket fails (the compositor ended).
pub async fn guard(socket: &Path, allowed: &[&str]) -> Result<(), GuardError> {
    let mut commands = Ipc::connect(socket).await?;
    let mut events = Ipc::connect(socket).await?;
    let reply = events.request(SUBSCRIBE, r#"["window"]"#).await?;
    if reply.get("success").and_then(Value::as_bool) != Some(true) {
        return Err(GuardError::Protocol(format!("subscribe refused: {reply}")));
    }
    let tree = commands.request(GET_TREE, "").await?;
    for node in windows(&tree) {
        if !allowed_window(node, allowed) {
            close(&mut commands, node).await?;
        }
    }
    loop {
        let (kind, event) = events.receive().await?;
        if kind != EVENT_WINDOW {
            continue;
        }
        let change = event.get("change").and_then(Value::as_str);
        let Some(container) = event.get("container") else {
            continue;
        };
        // A window shows itself by "new"; its id may come only with
        // "title" or "focus" a moment later, so those are checked too.
        if matches!(change, Some("new" | "title" | "focus" | "floating"))
            && !allowed_window(container, allowed)
            && container.get("pid").is_some()
        {
            close(&mut commands, container).await?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_found_in_tiled_and_floating_nodes_and_judged_by_their_id() {
        let tree: Value = serde_json::from_str(
            r#"{"id":1,"type":"root","nodes":[{"id":2,"type":"output","nodes":[
                {"id":3,"type":"workspace","nodes":[
                    {"id":4,"type":"con","pid":10,"app_id":"org.anlauf.Kiosk","nodes":[]}],
                 "floating_nodes":[
                    {"id":5,"type":"floating_con","pid":11,"app_id":"foot","nodes":[]},
                    {"id":6,"type":"floating_con","pid":12,"app_id":null,
                     "window_properties":{"class":"Xterm"},"nodes":[]}]}]}]}"#,
        )
        .unwrap();
        let found = windows(&tree);
        let ids: Vec<i64> = found.iter().filter_map(|n| n["id"].as_i64()).collect();
        assert_eq!(ids.len(), 3, "{ids:?}");
        let allowed = [KIOSK_APP_ID];
        let refused: Vec<i64> = found
            .iter()
            .filter(|n| !allowed_window(n, &allowed))
            .filter_map(|n| n["id"].as_i64())
            .collect();
        assert_eq!(refused.len(), 2);
        assert!(refused.contains(&5) && refused.contains(&6));
    }
}

//! Shared harness of Anlauf's end-to-end tests and benchmarks: a real X
//! server (Xvfb) to run the real kiosk in, screen grabs to see what it
//! shows, and XTest input to touch it; a static HTTP server with faults
//! for content packs; a private D-Bus bus with the device's policies.

pub mod bench;
pub mod dbus;
pub mod http;
pub mod process;
pub mod workspace;
pub mod xvfb;

pub use xvfb::{Frame, Xvfb};

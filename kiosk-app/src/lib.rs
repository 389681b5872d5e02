//! Anlauf's kiosk: the domain of the full-screen app a visitor touches.
//!
//! Everything here is plain Rust without any UI import, tested without a
//! display: the site configuration, translations, the session and its
//! lifecycle, display settings, the on-screen keyboard's layouts, idle
//! detection, read aloud, the supervisor that gives every visitor a fresh
//! process, and the kiosk's D-Bus interface `org.anlauf.Kiosk1`. The iced
//! screens live in the binary's `ui` module and only map this state to
//! widgets and messages to calls.

pub mod bus;
pub mod compositor;
pub mod config;
pub mod content;
pub mod display;
pub mod finder;
pub mod forms;
pub mod i18n;
pub mod idle;
pub mod keyboard;
pub mod language;
pub mod map;
pub mod session;
pub mod slip;
pub mod speech;
pub mod supervisor;
pub mod tool;
pub mod update;

pub use language::Language;

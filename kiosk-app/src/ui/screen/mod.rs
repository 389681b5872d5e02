//! The screens, one module each.

pub mod attract;
pub mod display;
pub mod form;
pub mod forms;
pub mod help;
pub mod home;
pub mod language;
pub mod map;
pub mod service;

/// The screen on show.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Nobody is using the terminal.
    Attract,
    /// The tiles.
    Home,
    /// The language picker.
    Language,
    /// Text size and contrast.
    Display,
    /// The help finder.
    Help(help::State),
    /// One service in full.
    Service(Box<service::State>),
    /// A service on the map.
    Map(Box<map::State>),
    /// The forms of the pack.
    Forms(forms::State),
    /// A form being filled in (its answers are in the session).
    Form(form::State),
}

//! Guided forms on the kiosk: the wizard that leads a visitor through a
//! form definition one step at a time, checks each answer when the field is
//! left, keeps every answer when the visitor goes back, and ends in a
//! summary. Answers live only in memory, in the [`crate::session::Session`].

mod answers;
mod official;
mod print;
mod profile;
pub mod sample;
mod wizard;

pub use answers::{Answers, Slot};
pub use official::{Filled, OfficialError, fill as fill_official, values as official_values};
pub use print::{PreparedForm, form_pdf, prepare};
pub use profile::Profile;
pub use wizard::{FieldError, Shown, SummaryLine, Wizard, WizardStep};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod walk_tests;

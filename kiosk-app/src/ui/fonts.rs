//! Checks that the fonts the text renderer found cover every script the
//! site's languages need, so that a missing font package shows up as a clear
//! notice for staff instead of boxes for a visitor.

use std::collections::BTreeSet;

use iced::advanced::graphics::text::cosmic_text::skrifa::{self, MetadataProvider as _};
use iced::advanced::graphics::text::font_system;

use kiosk_app::language::{Language, Script};

/// The scripts of `languages` that no loaded font covers, in a stable order.
pub fn missing_scripts(languages: &[Language]) -> Vec<Script> {
    let scripts: BTreeSet<Script> = languages.iter().map(|l| l.script()).collect();
    let mut system = match font_system().write() {
        Ok(system) => system,
        Err(poisoned) => poisoned.into_inner(),
    };
    let db = system.raw().db_mut();
    let faces: Vec<_> = db
        .faces()
        .map(|face| {
            (
                face.id,
                face.families.iter().any(|(f, _)| f.starts_with("Noto")),
            )
        })
        .collect();
    scripts
        .into_iter()
        .filter(|script| {
            let needed: Vec<char> = script.sample().chars().collect();
            // Noto first: that is what the kiosk ships with; then everything else.
            let covered = faces
                .iter()
                .filter(|(_, noto)| *noto)
                .chain(faces.iter().filter(|(_, noto)| !*noto))
                .any(|(id, _)| {
                    db.with_face_data(*id, |data, index| {
                        skrifa::FontRef::from_index(data, index)
                            .map(|font| {
                                let charmap = font.charmap();
                                needed.iter().all(|c| charmap.map(*c).is_some())
                            })
                            .unwrap_or(false)
                    })
                    .unwrap_or(false)
                });
            !covered
        })
        .collect()
}

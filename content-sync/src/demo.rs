//! The built-in demo pack: the source under `content-sync/demo-pack/`,
//! compiled in, so that a kiosk without content of its own still shows
//! something real, activated through the same store code as any pack.

use crate::source::Files;

/// The demo pack's version in a store: 0, below every published version,
/// so that the first real pack replaces it.
pub const VERSION: u64 = 0;

macro_rules! demo_files {
    ($($path:literal,)*) => {
        /// The demo pack's source files, as an editor wrote them.
        pub fn source_files() -> Files {
            [$(($path, include_bytes!(concat!("../demo-pack/", $path)).as_slice()),)*]
                .into_iter()
                .map(|(path, bytes)| (path.to_owned(), bytes.to_vec()))
                .collect()
        }

        /// The paths compiled in, for the test that none is forgotten.
        #[cfg(test)]
        const PATHS: &[&str] = &[$($path,)*];
    };
}

demo_files! {
    "pack.toml",
    "services/leipzig.toml",
    "services/essentials.toml",
    "services/counselling.toml",
    "search/de.toml",
    "search/de-x-ls.toml",
    "search/en.toml",
    "search/ar.toml",
    "search/fa.toml",
    "search/uk.toml",
    "search/ru.toml",
    "search/tr.toml",
    "search/ro.toml",
    "search/bg.toml",
    "search/pl.toml",
    "tiles/leipzig.mbtiles",
    "forms/buergergeld-weiterbewilligung/survey.csv",
    "forms/buergergeld-weiterbewilligung/choices.csv",
    "forms/buergergeld-weiterbewilligung/settings.csv",
    "forms/postadresse/survey.csv",
    "forms/postadresse.pdf",
    "forms/postadresse/choices.csv",
    "forms/postadresse/settings.csv",
    "forms/wohngeld/survey.csv",
    "forms/wohngeld/choices.csv",
    "forms/wohngeld/settings.csv",
}

/// The demo pack's files as published: its forms converted.
pub fn files() -> Files {
    let mut files = source_files();
    files.remove("README.md");
    // The demo's forms are checked by the tests; a form that failed to
    // convert would be left out rather than stop the kiosk.
    if let Err(problems) = crate::forms::compile(&mut files) {
        tracing::error!(%problems, "the demo pack's forms do not convert");
        files.retain(|path, _| !path.starts_with("forms/"));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_demo_pack_source_is_compiled_in() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("demo-pack");
        let on_disk = crate::source::read_dir(&dir).unwrap();
        let mut expected: Vec<&String> = on_disk.keys().filter(|p| *p != "README.md").collect();
        expected.sort();
        let mut compiled: Vec<&str> = PATHS.to_vec();
        compiled.sort_unstable();
        assert_eq!(expected, compiled, "list every demo-pack file in demo.rs");
    }

    #[test]
    fn the_demo_forms_convert_and_pass_the_device_checks() {
        let mut files = source_files();
        if let Err(problems) = crate::forms::compile(&mut files) {
            panic!("{problems}");
        }
        let pack = crate::source::Pack::parse(&files).unwrap();
        let ids: Vec<&str> = pack.forms.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            ["buergergeld-weiterbewilligung", "postadresse", "wohngeld"]
        );
        assert_eq!(files, super::files(), "the kiosk gets the same forms");
    }
}

//! The Typst world of a slip: one template, its data as virtual files, and
//! the Noto fonts of the site; no packages, no network, no other files.

use std::collections::HashMap;
use std::path::Path;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts a slip is set in, read once from the site's font directory.
#[derive(Debug)]
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// The font files a slip needs: Latin and Cyrillic, Arabic script.
const FONT_FILES: [&str; 4] = [
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
];

impl Fonts {
    /// The fonts in `dir`; those missing are left out (Typst then falls
    /// back to what remains and warns).
    pub fn load(dir: &Path) -> Fonts {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .filter_map(|name| {
                let path = dir.join(name);
                std::fs::read(&path)
                    .inspect_err(|error| {
                        tracing::warn!(path = %path.display(), %error, "slip font missing");
                    })
                    .ok()
            })
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// How many font faces were loaded.
    pub fn len(&self) -> usize {
        self.fonts.len()
    }

    /// Whether none could be loaded.
    pub fn is_empty(&self) -> bool {
        self.fonts.is_empty()
    }
}

/// The world one slip is compiled in.
pub struct SlipWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl<'a> SlipWorld<'a> {
    /// A world of `template` with `files` beside it.
    pub fn new(template: &str, files: Vec<(&str, Vec<u8>)>, fonts: &'a Fonts) -> Self {
        let main_id = FileId::new(None, VirtualPath::new("slip.typ"));
        SlipWorld {
            library: LazyHash::new(Library::default()),
            fonts,
            main: Source::new(main_id, template.to_owned()),
            files: files
                .into_iter()
                .map(|(name, bytes)| (FileId::new(None, VirtualPath::new(name)), Bytes::new(bytes)))
                .collect(),
        }
    }
}

impl std::fmt::Debug for SlipWorld<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SlipWorld")
            .field("files", &self.files.len())
            .finish()
    }
}

impl World for SlipWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().as_rootless_path().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        // A slip carries no date: it would say when a visitor was here.
        None
    }
}

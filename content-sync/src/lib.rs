//! Content packs (issue 3 builds this crate out).

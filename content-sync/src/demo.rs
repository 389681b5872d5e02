//! The built-in demo pack: the source under `content-sync/demo-pack/`,
//! compiled in, so that a kiosk without content of its own still shows
//! something real, activated through the same store code as any pack.

use crate::source::Files;

/// The demo pack's version in a store: 0, below every published version,
/// so that the first real pack replaces it.
pub const VERSION: u64 = 0;

/// The demo pack's files.
pub fn files() -> Files {
    [
        (
            "pack.toml",
            include_bytes!("../demo-pack/pack.toml").as_slice(),
        ),
        (
            "services/leipzig.toml",
            include_bytes!("../demo-pack/services/leipzig.toml").as_slice(),
        ),
        (
            "tiles/leipzig.mbtiles",
            include_bytes!("../demo-pack/tiles/leipzig.mbtiles").as_slice(),
        ),
    ]
    .into_iter()
    .map(|(path, bytes)| (path.to_owned(), bytes.to_vec()))
    .collect()
}

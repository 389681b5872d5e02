//! Map tiles from an MBTiles file (SQLite, raster tiles in the TMS row
//! order) and the Web Mercator arithmetic to place positions on them. The
//! kiosk reads the pack's tiles offline; nothing here draws.

use std::f64::consts::PI;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::model::Position;

/// The edge of a tile in pixels.
pub const TILE_SIZE: f64 = 256.0;

/// A tile set problem.
#[derive(Debug, thiserror::Error)]
pub enum TileError {
    /// SQLite refused, or the file is not an MBTiles file.
    #[error("map tiles: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file holds no tiles.
    #[error("map tiles: the file holds no tiles")]
    Empty,
}

/// An MBTiles file, opened read-only.
#[derive(Debug)]
pub struct TileSet {
    conn: Connection,
    /// The smallest zoom level it holds.
    pub min_zoom: u8,
    /// The largest zoom level it holds.
    pub max_zoom: u8,
}

impl TileSet {
    /// Opens the MBTiles file at `path`.
    pub fn open(path: &Path) -> Result<TileSet, TileError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let (min, max): (Option<i64>, Option<i64>) = conn.query_row(
            "SELECT min(zoom_level), max(zoom_level) FROM tiles",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let (Some(min), Some(max)) = (min, max) else {
            return Err(TileError::Empty);
        };
        let zoom = |z: i64| u8::try_from(z.clamp(0, 22)).unwrap_or(0);
        Ok(TileSet {
            conn,
            min_zoom: zoom(min),
            max_zoom: zoom(max),
        })
    }

    /// The image of tile `x`, `y` (counted from the north-west, as on the
    /// web) at zoom `z`, if the set has it.
    pub fn tile(&self, z: u8, x: u32, y: u32) -> Result<Option<Vec<u8>>, TileError> {
        let rows = 1u64 << z;
        let Some(row) = rows.checked_sub(u64::from(y) + 1) else {
            return Ok(None);
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
        )?;
        Ok(statement
            .query_row((i64::from(z), i64::from(x), row as i64), |r| r.get(0))
            .optional()?)
    }
}

/// The position in world pixels at zoom `zoom` (Web Mercator, 256-pixel
/// tiles, origin in the north-west).
pub fn world_pixel(position: Position, zoom: f64) -> (f64, f64) {
    let scale = TILE_SIZE * zoom.exp2();
    let lat = position.lat.clamp(-85.0511, 85.0511).to_radians();
    let x = (position.lon + 180.0) / 360.0 * scale;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0 * scale;
    (x, y)
}

/// The position at world pixel `x`, `y` at zoom `zoom`.
pub fn position_at(x: f64, y: f64, zoom: f64) -> Position {
    let scale = TILE_SIZE * zoom.exp2();
    let lon = x / scale * 360.0 - 180.0;
    let n = PI * (1.0 - 2.0 * y / scale);
    let lat = n.sinh().atan().to_degrees();
    Position { lat, lon }
}

/// One tile to draw: its address and where its north-west corner lands on
/// a view of the map, in view pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Zoom level.
    pub z: u8,
    /// Column.
    pub x: u32,
    /// Row from the north.
    pub y: u32,
    /// Left edge in the view.
    pub left: f64,
    /// Top edge in the view.
    pub top: f64,
}

/// The tiles of zoom `z` that cover a `width` x `height` view centred on
/// `center`.
pub fn covering(center: Position, z: u8, width: f64, height: f64) -> Vec<Placed> {
    let (cx, cy) = world_pixel(center, f64::from(z));
    let (left, top) = (cx - width / 2.0, cy - height / 2.0);
    let count = 1i64 << z;
    let first_x = (left / TILE_SIZE).floor() as i64;
    let last_x = ((left + width) / TILE_SIZE).floor() as i64;
    let first_y = (top / TILE_SIZE).floor() as i64;
    let last_y = ((top + height) / TILE_SIZE).floor() as i64;
    let mut placed = Vec::new();
    for ty in first_y.max(0)..=last_y.min(count - 1) {
        for tx in first_x.max(0)..=last_x.min(count - 1) {
            placed.push(Placed {
                z,
                x: tx as u32,
                y: ty as u32,
                left: tx as f64 * TILE_SIZE - left,
                top: ty as f64 * TILE_SIZE - top,
            });
        }
    }
    placed
}

/// Where `position` lands on a `width` x `height` view centred on `center`
/// at zoom `z`.
pub fn on_view(
    position: Position,
    center: Position,
    z: f64,
    width: f64,
    height: f64,
) -> (f64, f64) {
    let (px, py) = world_pixel(position, z);
    let (cx, cy) = world_pixel(center, z);
    (px - cx + width / 2.0, py - cy + height / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKT: Position = Position {
        lat: 51.3397,
        lon: 12.3731,
    };

    #[test]
    fn world_pixels_go_there_and_back() {
        for zoom in [0.0, 10.0, 15.0, 15.5] {
            let (x, y) = world_pixel(MARKT, zoom);
            let back = position_at(x, y, zoom);
            assert!((back.lat - MARKT.lat).abs() < 1e-9, "{zoom}");
            assert!((back.lon - MARKT.lon).abs() < 1e-9, "{zoom}");
        }
        // Leipzig's market square is in tile 17510, 10920 at zoom 15 (the
        // slippy-map numbering of OpenStreetMap).
        let (x, y) = world_pixel(MARKT, 15.0);
        assert_eq!(
            ((x / TILE_SIZE) as u32, (y / TILE_SIZE) as u32),
            (17510, 10920)
        );
    }

    #[test]
    fn the_view_is_covered_and_the_centre_lands_in_the_middle() {
        let tiles = covering(MARKT, 15, 800.0, 600.0);
        assert!((12..=20).contains(&tiles.len()), "{}", tiles.len());
        for tile in &tiles {
            assert!(tile.left < 800.0 && tile.left + TILE_SIZE > 0.0);
            assert!(tile.top < 600.0 && tile.top + TILE_SIZE > 0.0);
        }
        let (x, y) = on_view(MARKT, MARKT, 15.0, 800.0, 600.0);
        assert!((x - 400.0).abs() < 1e-6 && (y - 300.0).abs() < 1e-6);
    }
}

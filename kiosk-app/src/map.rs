//! The offline map: the pack's raster tiles composed into one picture
//! around a centre, with the terminal's position and a service's marker,
//! moved and zoomed by touch. Without tiles the same picture is a plain
//! schematic: both markers on a blank ground, joined by a line, so that
//! direction and distance still show. Plain Rust, no UI.

use std::collections::HashMap;
use std::path::Path;

use content_sync::model::Position;
use content_sync::tiles::{self, TILE_SIZE, TileSet};

/// The zoom levels a visitor can reach without tiles.
const SCHEMATIC_ZOOMS: (u8, u8) = (12, 17);

/// What the map shows and from where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// The centre.
    pub center: Position,
    /// The zoom level.
    pub zoom: u8,
}

/// A picture of the map, RGBA, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels.
    pub rgba: Vec<u8>,
}

/// A tile image decoded to RGBA (256 x 256).
type Decoded = Option<Vec<u8>>;

/// The map of a pack, with the tiles decoded so far.
#[derive(Debug)]
pub struct Map {
    tiles: Option<TileSet>,
    decoded: HashMap<(u8, u32, u32), Decoded>,
}

const GROUND: [u8; 4] = [242, 239, 233, 255];
const HERE: [u8; 4] = [30, 90, 170, 255];
const THERE: [u8; 4] = [190, 40, 40, 255];
const WHITE: [u8; 4] = [255, 255, 255, 255];

impl Map {
    /// The map of the MBTiles file at `path`, or the schematic when there
    /// is none or it cannot be read.
    pub fn open(path: Option<&Path>) -> Map {
        let tiles = path.and_then(|path| {
            TileSet::open(path)
                .inspect_err(
                    |error| tracing::error!(%error, "map tiles unreadable; showing a schematic"),
                )
                .ok()
        });
        Map {
            tiles,
            decoded: HashMap::new(),
        }
    }

    /// Whether real tiles are shown (not the schematic).
    pub fn has_tiles(&self) -> bool {
        self.tiles.is_some()
    }

    /// The zoom levels a visitor can choose.
    pub fn zooms(&self) -> (u8, u8) {
        self.tiles
            .as_ref()
            .map_or(SCHEMATIC_ZOOMS, |t| (t.min_zoom, t.max_zoom))
    }

    /// The view that shows both `here` and `there` (or `here` alone), as
    /// close as the zoom levels allow, on a `width` x `height` picture.
    pub fn fit(&self, here: Position, there: Option<Position>, width: f64, height: f64) -> View {
        let (min, max) = self.zooms();
        let Some(there) = there else {
            return View {
                center: here,
                zoom: max,
            };
        };
        let center = Position {
            lat: (here.lat + there.lat) / 2.0,
            lon: (here.lon + there.lon) / 2.0,
        };
        let margin = 60.0;
        let zoom = (min..=max)
            .rev()
            .find(|z| {
                let z = f64::from(*z);
                let (ax, ay) = tiles::world_pixel(here, z);
                let (bx, by) = tiles::world_pixel(there, z);
                (ax - bx).abs() + 2.0 * margin <= width && (ay - by).abs() + 2.0 * margin <= height
            })
            .unwrap_or(min);
        View { center, zoom }
    }

    /// Moves the view by a finger's drag of `dx`, `dy` pixels.
    pub fn pan(&self, view: View, dx: f64, dy: f64) -> View {
        let z = f64::from(view.zoom);
        let (x, y) = tiles::world_pixel(view.center, z);
        View {
            center: tiles::position_at(x - dx, y - dy, z),
            zoom: view.zoom,
        }
    }

    /// Zooms in (`steps` > 0) or out, within the levels there are.
    pub fn zoom(&self, view: View, steps: i8) -> View {
        let (min, max) = self.zooms();
        let zoom = (i16::from(view.zoom) + i16::from(steps)).clamp(i16::from(min), i16::from(max));
        View {
            center: view.center,
            zoom: u8::try_from(zoom).unwrap_or(min),
        }
    }

    fn tile(&mut self, z: u8, x: u32, y: u32) -> Option<&Vec<u8>> {
        let tiles = self.tiles.as_ref()?;
        self.decoded
            .entry((z, x, y))
            .or_insert_with(|| match tiles.tile(z, x, y) {
                Ok(Some(png)) => decode(&png),
                Ok(None) => None,
                Err(error) => {
                    tracing::error!(%error, "map tile unreadable");
                    None
                }
            })
            .as_ref()
    }

    /// The picture of `view`, `width` x `height` pixels, with the terminal
    /// at `here` and the service at `there`.
    pub fn render(
        &mut self,
        view: View,
        width: u32,
        height: u32,
        here: Position,
        there: Option<Position>,
    ) -> Picture {
        let mut picture = Picture {
            width,
            height,
            rgba: GROUND.repeat((width * height) as usize),
        };
        let (w, h) = (f64::from(width), f64::from(height));
        for placed in tiles::covering(view.center, view.zoom, w, h) {
            if let Some(tile) = self.tile(placed.z, placed.x, placed.y) {
                blit(&mut picture, tile, placed.left, placed.top);
            }
        }
        let z = f64::from(view.zoom);
        let at = |p: Position| tiles::on_view(p, view.center, z, w, h);
        let (hx, hy) = at(here);
        if let Some(there) = there {
            let (tx, ty) = at(there);
            if !self.has_tiles() {
                line(&mut picture, (hx, hy), (tx, ty), 4.0, THERE);
            }
            disc(&mut picture, (tx, ty), 16.0, WHITE);
            disc(&mut picture, (tx, ty), 12.0, THERE);
        }
        disc(&mut picture, (hx, hy), 14.0, WHITE);
        disc(&mut picture, (hx, hy), 10.0, HERE);
        picture
    }
}

fn decode(png_bytes: &[u8]) -> Decoded {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().ok()?;
    let mut buffer = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buffer).ok()?;
    if info.width != TILE_SIZE as u32 || info.height != TILE_SIZE as u32 {
        return None;
    }
    let pixels = (info.width * info.height) as usize;
    let rgba = match info.color_type {
        png::ColorType::Rgba => buffer[..pixels * 4].to_vec(),
        png::ColorType::Rgb => buffer[..pixels * 3]
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::Grayscale => buffer[..pixels]
            .iter()
            .flat_map(|g| [*g, *g, *g, 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buffer[..pixels * 2]
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Indexed => return None,
    };
    Some(rgba)
}

fn blit(picture: &mut Picture, tile: &[u8], left: f64, top: f64) {
    let size = TILE_SIZE as i64;
    let (left, top) = (left.round() as i64, top.round() as i64);
    for row in 0..size {
        let y = top + row;
        if y < 0 || y >= i64::from(picture.height) {
            continue;
        }
        let x0 = left.max(0);
        let x1 = (left + size).min(i64::from(picture.width));
        if x0 >= x1 {
            continue;
        }
        let src = ((row * size + (x0 - left)) * 4) as usize;
        let dst = ((y * i64::from(picture.width) + x0) * 4) as usize;
        let len = ((x1 - x0) * 4) as usize;
        picture.rgba[dst..dst + len].copy_from_slice(&tile[src..src + len]);
    }
}

fn put(picture: &mut Picture, x: i64, y: i64, color: [u8; 4]) {
    if x >= 0 && y >= 0 && x < i64::from(picture.width) && y < i64::from(picture.height) {
        let at = ((y * i64::from(picture.width) + x) * 4) as usize;
        picture.rgba[at..at + 4].copy_from_slice(&color);
    }
}

fn disc(picture: &mut Picture, (cx, cy): (f64, f64), radius: f64, color: [u8; 4]) {
    let r = radius.ceil() as i64;
    let (x0, y0) = (cx.round() as i64, cy.round() as i64);
    for dy in -r..=r {
        for dx in -r..=r {
            if ((dx * dx + dy * dy) as f64) <= radius * radius {
                put(picture, x0 + dx, y0 + dy, color);
            }
        }
    }
}

fn line(picture: &mut Picture, from: (f64, f64), to: (f64, f64), width: f64, color: [u8; 4]) {
    let length = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
    let steps = length.ceil().max(1.0) as usize;
    for i in 0..=steps {
        let t = i as f64 / steps as f64;
        let point = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
        disc(picture, point, width / 2.0, color);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKT: Position = Position {
        lat: 51.3397,
        lon: 12.3731,
    };
    const STATION: Position = Position {
        lat: 51.3455,
        lon: 12.3820,
    };

    fn pixel(picture: &Picture, x: u32, y: u32) -> [u8; 4] {
        let at = ((y * picture.width + x) * 4) as usize;
        [
            picture.rgba[at],
            picture.rgba[at + 1],
            picture.rgba[at + 2],
            picture.rgba[at + 3],
        ]
    }

    fn demo_tiles() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("leipzig.mbtiles");
        std::fs::write(&path, &content_sync::demo::files()["tiles/leipzig.mbtiles"]).unwrap();
        (dir, path)
    }

    #[test]
    fn the_demo_tiles_draw_a_map_with_both_markers() {
        let (_dir, path) = demo_tiles();
        let mut map = Map::open(Some(&path));
        assert!(map.has_tiles());
        let view = map.fit(MARKT, Some(STATION), 800.0, 500.0);
        assert!((12..=15).contains(&view.zoom));
        let picture = map.render(view, 800, 500, MARKT, Some(STATION));
        let (hx, hy) = tiles::on_view(MARKT, view.center, f64::from(view.zoom), 800.0, 500.0);
        assert_eq!(pixel(&picture, hx as u32, hy as u32), HERE);
        let (tx, ty) = tiles::on_view(STATION, view.center, f64::from(view.zoom), 800.0, 500.0);
        assert_eq!(pixel(&picture, tx as u32, ty as u32), THERE);
        // Tiles were drawn: not everything is plain ground.
        let ground = picture
            .rgba
            .chunks_exact(4)
            .filter(|p| *p == GROUND)
            .count();
        assert!(ground < (800 * 500) * 98 / 100, "{ground}");
    }

    #[test]
    fn a_drag_moves_the_map_with_the_finger_and_zoom_stays_in_bounds() {
        let (_dir, path) = demo_tiles();
        let map = Map::open(Some(&path));
        let view = View {
            center: MARKT,
            zoom: 14,
        };
        // Dragging the map to the right shows what lies to the west.
        let moved = map.pan(view, 100.0, 0.0);
        assert!(moved.center.lon < MARKT.lon);
        assert!((moved.center.lat - MARKT.lat).abs() < 1e-9);
        let back = map.pan(moved, -100.0, 0.0);
        assert!((back.center.lon - MARKT.lon).abs() < 1e-9);
        assert_eq!(map.zoom(view, 5).zoom, 15);
        assert_eq!(map.zoom(view, -5).zoom, 12);
    }

    #[test]
    fn without_tiles_a_schematic_joins_the_two_places() {
        let mut map = Map::open(None);
        assert!(!map.has_tiles());
        let view = map.fit(MARKT, Some(STATION), 400.0, 300.0);
        let picture = map.render(view, 400, 300, MARKT, Some(STATION));
        let z = f64::from(view.zoom);
        let (hx, hy) = tiles::on_view(MARKT, view.center, z, 400.0, 300.0);
        let (tx, ty) = tiles::on_view(STATION, view.center, z, 400.0, 300.0);
        let (mx, my) = ((hx + tx) / 2.0, (hy + ty) / 2.0);
        assert_eq!(
            pixel(&picture, mx as u32, my as u32),
            THERE,
            "the line between"
        );
        // A broken tile file also gives the schematic.
        let dir = tempfile::tempdir().unwrap();
        let broken = dir.path().join("x.mbtiles");
        std::fs::write(&broken, b"SQLite format 3\0garbage").unwrap();
        assert!(!Map::open(Some(&broken)).has_tiles());
    }
}

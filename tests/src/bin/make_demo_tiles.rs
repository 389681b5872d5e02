//! Makes the demo pack's map tiles: a schematic map of central Leipzig
//! (inner ring, main roads, railway, rivers and parks, drawn from a few
//! hand-placed coordinates) as PNG tiles in an MBTiles file, zoom 12 to 15.
//! Real packs carry tiles an editor rendered from OpenStreetMap; the demo
//! needs something offline and free of third-party data.
//!
//! Usage: make-demo-tiles OUT.mbtiles

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use content_sync::model::Position;
use content_sync::tiles::{TILE_SIZE, world_pixel};
use rusqlite::{Connection, params};
use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform,
};

/// The area the tiles cover: south, west, north, east.
const AREA: [f64; 4] = [51.300, 12.300, 51.375, 12.450];
const ZOOMS: std::ops::RangeInclusive<u8> = 12..=15;

type Line = &'static [(f64, f64)];

const RING: Line = &[
    (51.3447, 12.3688),
    (51.3452, 12.3745),
    (51.3450, 12.3800),
    (51.3436, 12.3842),
    (51.3395, 12.3848),
    (51.3358, 12.3812),
    (51.3352, 12.3752),
    (51.3362, 12.3700),
    (51.3400, 12.3676),
    (51.3447, 12.3688),
];

const ROADS: &[Line] = &[
    // Eisenbahnstraße to the east.
    &[
        (51.3452, 12.3860),
        (51.3465, 12.3980),
        (51.3478, 12.4120),
        (51.3490, 12.4300),
    ],
    // Karl-Liebknecht-Straße to the south.
    &[
        (51.3355, 12.3760),
        (51.3280, 12.3750),
        (51.3180, 12.3760),
        (51.3080, 12.3770),
    ],
    // Jahnallee and Lützner Straße to the west.
    &[
        (51.3400, 12.3676),
        (51.3405, 12.3550),
        (51.3370, 12.3400),
        (51.3355, 12.3200),
        (51.3340, 12.3050),
    ],
    // Prager Straße to the south-east.
    &[
        (51.3360, 12.3830),
        (51.3290, 12.3930),
        (51.3200, 12.4080),
        (51.3120, 12.4250),
    ],
    // Georg-Schumann-Straße to the north.
    &[
        (51.3447, 12.3688),
        (51.3550, 12.3640),
        (51.3650, 12.3580),
        (51.3740, 12.3520),
    ],
    // Dresdner Straße to the east.
    &[
        (51.3395, 12.3848),
        (51.3400, 12.3980),
        (51.3410, 12.4150),
        (51.3420, 12.4400),
    ],
    // Berliner Straße to the north-east.
    &[
        (51.3455, 12.3840),
        (51.3540, 12.3900),
        (51.3620, 12.3960),
        (51.3720, 12.4020),
    ],
    // Käthe-Kollwitz-Straße to the west.
    &[(51.3380, 12.3690), (51.3375, 12.3550), (51.3365, 12.3450)],
    // Kurt-Eisner-Straße across the south.
    &[(51.3230, 12.3500), (51.3230, 12.3760), (51.3240, 12.3950)],
];

const RAILWAY: &[Line] = &[
    &[
        (51.3455, 12.3820),
        (51.3520, 12.3850),
        (51.3600, 12.3880),
        (51.3720, 12.3950),
    ],
    &[
        (51.3455, 12.3820),
        (51.3500, 12.3950),
        (51.3540, 12.4150),
        (51.3580, 12.4400),
    ],
];

const RIVERS: &[Line] = &[
    // Weiße Elster and the Elsterflutbett.
    &[
        (51.3000, 12.3580),
        (51.3200, 12.3560),
        (51.3330, 12.3520),
        (51.3450, 12.3550),
        (51.3600, 12.3500),
        (51.3750, 12.3450),
    ],
    // Pleiße.
    &[
        (51.3000, 12.3700),
        (51.3150, 12.3660),
        (51.3280, 12.3620),
        (51.3360, 12.3590),
    ],
];

const PARKS: &[Line] = &[
    // Clara-Zetkin-Park.
    &[
        (51.3330, 12.3450),
        (51.3345, 12.3560),
        (51.3290, 12.3600),
        (51.3240, 12.3560),
        (51.3260, 12.3440),
    ],
    // Rosental.
    &[
        (51.3500, 12.3560),
        (51.3540, 12.3660),
        (51.3490, 12.3700),
        (51.3460, 12.3620),
    ],
    // Friedenspark.
    &[
        (51.3320, 12.3930),
        (51.3330, 12.4010),
        (51.3290, 12.4020),
        (51.3280, 12.3940),
    ],
];

fn rgb(r: u8, g: u8, b: u8) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(Color::from_rgba8(r, g, b, 255));
    paint.anti_alias = true;
    paint
}

/// The path of `line` in the pixels of tile `x`, `y` at zoom `z`.
fn path(line: Line, z: u8, x: u32, y: u32, close: bool) -> Option<tiny_skia::Path> {
    let mut builder = PathBuilder::new();
    for (i, (lat, lon)) in line.iter().enumerate() {
        let (px, py) = world_pixel(
            Position {
                lat: *lat,
                lon: *lon,
            },
            f64::from(z),
        );
        let (px, py) = (
            (px - f64::from(x) * TILE_SIZE) as f32,
            (py - f64::from(y) * TILE_SIZE) as f32,
        );
        if i == 0 {
            builder.move_to(px, py);
        } else {
            builder.line_to(px, py);
        }
    }
    if close {
        builder.close();
    }
    builder.finish()
}

fn stroke(pixmap: &mut Pixmap, line: Line, z: u8, x: u32, y: u32, width: f32, paint: &Paint<'_>) {
    if let Some(path) = path(line, z, x, y, false) {
        let stroke = Stroke {
            width,
            line_cap: LineCap::Round,
            line_join: LineJoin::Round,
            ..Stroke::default()
        };
        pixmap.stroke_path(&path, paint, &stroke, Transform::identity(), None);
    }
}

fn tile(z: u8, x: u32, y: u32) -> Result<Vec<u8>> {
    let mut pixmap = Pixmap::new(256, 256).context("pixmap")?;
    pixmap.fill(Color::from_rgba8(242, 239, 233, 255));
    let scale = f32::from(z.saturating_sub(11)).max(1.0);
    let park = rgb(200, 225, 190);
    for outline in PARKS {
        if let Some(path) = path(outline, z, x, y, true) {
            pixmap.fill_path(&path, &park, FillRule::Winding, Transform::identity(), None);
        }
    }
    let water = rgb(160, 200, 230);
    for river in RIVERS {
        stroke(&mut pixmap, river, z, x, y, 2.0 * scale, &water);
    }
    let rail = rgb(150, 150, 150);
    for line in RAILWAY {
        stroke(&mut pixmap, line, z, x, y, 1.5 * scale, &rail);
    }
    let casing = rgb(190, 180, 165);
    let road = rgb(255, 255, 255);
    for line in ROADS {
        stroke(&mut pixmap, line, z, x, y, 3.0 * scale, &casing);
        stroke(&mut pixmap, line, z, x, y, 2.0 * scale, &road);
    }
    let ring = rgb(250, 215, 140);
    stroke(&mut pixmap, RING, z, x, y, 4.5 * scale, &casing);
    stroke(&mut pixmap, RING, z, x, y, 3.5 * scale, &ring);
    pixmap.encode_png().context("PNG")
}

fn main() -> Result<()> {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        bail!("usage: make-demo-tiles OUT.mbtiles");
    };
    let _ = std::fs::remove_file(&out);
    let mut conn = Connection::open(&out).with_context(|| format!("{}", out.display()))?;
    let tx = conn.transaction()?;
    tx.execute_batch(
        "CREATE TABLE metadata (name TEXT, value TEXT);
         CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
         CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);",
    )?;
    let [south, west, north, east] = AREA;
    for (name, value) in [
        (
            "name",
            "Anlauf demo: central Leipzig (schematic)".to_owned(),
        ),
        ("format", "png".to_owned()),
        ("type", "baselayer".to_owned()),
        ("bounds", format!("{west},{south},{east},{north}")),
        ("minzoom", ZOOMS.start().to_string()),
        ("maxzoom", ZOOMS.end().to_string()),
        ("attribution", "Anlauf demo, drawn by hand".to_owned()),
    ] {
        tx.execute("INSERT INTO metadata VALUES (?1, ?2)", params![name, value])?;
    }
    let mut count = 0;
    let mut bytes = 0;
    for z in ZOOMS {
        let (x0, y0) = world_pixel(
            Position {
                lat: north,
                lon: west,
            },
            f64::from(z),
        );
        let (x1, y1) = world_pixel(
            Position {
                lat: south,
                lon: east,
            },
            f64::from(z),
        );
        let tiles = |a: f64, b: f64| (a / TILE_SIZE) as u32..=(b / TILE_SIZE) as u32;
        for y in tiles(y0, y1) {
            for x in tiles(x0, x1) {
                let png = tile(z, x, y)?;
                bytes += png.len();
                let row = (1u32 << z) - 1 - y;
                tx.execute(
                    "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)",
                    params![z, x, row, png],
                )?;
                count += 1;
            }
        }
    }
    tx.commit()?;
    conn.execute_batch("VACUUM")?;
    eprintln!(
        "make-demo-tiles: {count} tiles, {bytes} bytes of PNG in {}",
        out.display()
    );
    Ok(())
}

//! Distances and directions on the map: how far a service is from the
//! terminal and which way it lies, in words a visitor can follow.

use crate::model::{Landmark, Position};

const EARTH_RADIUS_M: f64 = 6_371_000.0;

/// The distance between two positions in metres (haversine).
pub fn distance(from: Position, to: Position) -> f64 {
    let (lat1, lat2) = (from.lat.to_radians(), to.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (to.lon - from.lon).to_radians();
    let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

/// The initial bearing from `from` to `to`, degrees clockwise from north.
pub fn bearing(from: Position, to: Position) -> f64 {
    let (lat1, lat2) = (from.lat.to_radians(), to.lat.to_radians());
    let dlon = (to.lon - from.lon).to_radians();
    let y = dlon.sin() * lat2.cos();
    let x = lat1.cos() * lat2.sin() - lat1.sin() * lat2.cos() * dlon.cos();
    (y.atan2(x).to_degrees() + 360.0) % 360.0
}

/// The eight points of the compass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compass {
    /// North.
    N,
    /// North-east.
    NE,
    /// East.
    E,
    /// South-east.
    SE,
    /// South.
    S,
    /// South-west.
    SW,
    /// West.
    W,
    /// North-west.
    NW,
}

impl Compass {
    /// The point nearest to `bearing` degrees.
    pub fn of(bearing: f64) -> Compass {
        const POINTS: [Compass; 8] = [
            Compass::N,
            Compass::NE,
            Compass::E,
            Compass::SE,
            Compass::S,
            Compass::SW,
            Compass::W,
            Compass::NW,
        ];
        let index = ((bearing.rem_euclid(360.0) + 22.5) / 45.0) as usize % 8;
        POINTS[index]
    }

    /// The kiosk's translation key ("direction-ne").
    pub fn label_key(self) -> &'static str {
        match self {
            Compass::N => "direction-n",
            Compass::NE => "direction-ne",
            Compass::E => "direction-e",
            Compass::SE => "direction-se",
            Compass::S => "direction-s",
            Compass::SW => "direction-sw",
            Compass::W => "direction-w",
            Compass::NW => "direction-nw",
        }
    }
}

/// Which way a service lies from the terminal.
#[derive(Debug, Clone, PartialEq)]
pub struct Direction<'a> {
    /// Metres as the crow flies.
    pub metres: f64,
    /// Degrees clockwise from north.
    pub bearing: f64,
    /// The point of the compass.
    pub compass: Compass,
    /// A landmark that lies the same way, to say "towards the station".
    pub towards: Option<&'a Landmark>,
}

/// How far a landmark's direction may differ from the service's to be
/// named for it, in degrees.
const LANDMARK_CONE: f64 = 30.0;

/// The direction from `from` to `to`, naming the landmark that lies most
/// nearly the same way, beyond a third of the distance (a landmark just
/// behind the terminal says nothing).
pub fn direction(from: Position, to: Position, landmarks: &[Landmark]) -> Direction<'_> {
    let metres = distance(from, to);
    let bearing = bearing(from, to);
    let towards = landmarks
        .iter()
        .filter(|l| distance(from, l.position) >= metres / 3.0 && metres >= 50.0)
        .map(|l| (angle_between(bearing, self::bearing(from, l.position)), l))
        .filter(|(difference, _)| *difference <= LANDMARK_CONE)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, l)| l);
    Direction {
        metres,
        bearing,
        compass: Compass::of(bearing),
        towards,
    }
}

fn angle_between(a: f64, b: f64) -> f64 {
    let difference = (a - b).rem_euclid(360.0);
    difference.min(360.0 - difference)
}

/// A distance rounded the way people say it: to 50 m below a kilometre,
/// to 100 m below ten, whole kilometres beyond.
pub fn rounded_metres(metres: f64) -> f64 {
    if metres < 1000.0 {
        ((metres / 50.0).round() * 50.0).max(50.0)
    } else if metres < 10_000.0 {
        (metres / 100.0).round() * 100.0
    } else {
        (metres / 1000.0).round() * 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKT: Position = Position {
        lat: 51.3397,
        lon: 12.3731,
    };
    const HAUPTBAHNHOF: Position = Position {
        lat: 51.3455,
        lon: 12.3820,
    };

    #[test]
    fn distances_and_bearings_in_leipzig() {
        let metres = distance(MARKT, HAUPTBAHNHOF);
        assert!((800.0..900.0).contains(&metres), "{metres}");
        let bearing = bearing(MARKT, HAUPTBAHNHOF);
        assert!((35.0..50.0).contains(&bearing), "{bearing}");
        assert_eq!(Compass::of(bearing), Compass::NE);
        assert_eq!(Compass::of(359.0), Compass::N);
        assert_eq!(Compass::of(200.0), Compass::S);
        assert_eq!(rounded_metres(612.0), 600.0);
        assert_eq!(rounded_metres(12.0), 50.0);
        assert_eq!(rounded_metres(2345.0), 2300.0);
    }

    #[test]
    fn a_landmark_the_same_way_is_named() {
        let station = Landmark {
            id: "hauptbahnhof".into(),
            position: HAUPTBAHNHOF,
            name: Default::default(),
        };
        let beyond = Position {
            lat: 51.3480,
            lon: 12.3870,
        };
        let towards = direction(MARKT, beyond, std::slice::from_ref(&station));
        assert_eq!(towards.towards.map(|l| l.id.as_str()), Some("hauptbahnhof"));
        // Due south is not towards the station.
        let south = Position {
            lat: 51.3300,
            lon: 12.3731,
        };
        let away = direction(MARKT, south, std::slice::from_ref(&station));
        assert_eq!(away.towards, None);
        assert_eq!(away.compass, Compass::S);
    }
}

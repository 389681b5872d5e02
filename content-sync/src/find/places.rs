//! What the search keeps in memory of every service: where it is and what
//! the filters ask of it, a few bytes each, read once per opened database.
//! Candidates are gathered and ranked here, so that the database is asked
//! only for the words of the question (the text index's row numbers) and,
//! at the end, for the rows of the few services ranked first.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::db::DbError;
use crate::model::{Category, Position};

/// One service as the ranking sees it.
#[derive(Debug, Clone, Copy)]
struct Place {
    /// Latitude and longitude; NaN where the service has no position.
    lat: f64,
    lon: f64,
    /// [`FREE`], [`WALK_IN`], ... bits.
    flags: u8,
    /// Bits of [`Places::languages`].
    languages: u64,
    /// Bits of [`Category::ALL`] positions.
    categories: u32,
}

pub(super) const FREE: u8 = 1;
pub(super) const WALK_IN: u8 = 2;
pub(super) const WHEELCHAIR: u8 = 4;
pub(super) const WOMEN: u8 = 8;
pub(super) const YOUNG: u8 = 16;

/// Every service's place and filter bits, by its number in the database.
#[derive(Debug, Default)]
pub struct Places {
    /// Index `n - 1` holds service `n`.
    places: Vec<Place>,
    /// Language tags staff speak, with their bit.
    languages: HashMap<String, u64>,
}

fn category_bit(category: Category) -> u32 {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .map_or(0, |i| 1 << i)
}

/// What a service must have to be a candidate at all.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Wanted {
    /// Flags every candidate has.
    pub flags: u8,
    /// Staff speak this language (a tag).
    pub speaks: Option<u64>,
    /// In this category.
    pub category: Option<u32>,
    /// Inside this box: (south, north, west, east).
    pub within: Option<(f64, f64, f64, f64)>,
}

/// A service gathered for ranking.
#[derive(Debug, Clone, Copy)]
pub(super) struct Gathered {
    pub n: i64,
    pub relevance: usize,
    /// Squared distance on a plane scaled for the latitude (ordering only).
    pub closeness: f64,
}

impl Places {
    /// Reads every service's place and filter bits.
    pub fn load(conn: &Connection) -> Result<Places, DbError> {
        let mut places = Places::default();
        let mut statement = conn.prepare(
            "SELECT n, lat, lon, free, appointment, wheelchair, women, young, languages \
             FROM service ORDER BY n",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let n: i64 = row.get(0)?;
            let mut flags = 0;
            for (column, flag, wanted) in [
                (3, FREE, true),
                (4, WALK_IN, false),
                (5, WHEELCHAIR, true),
                (6, WOMEN, true),
                (7, YOUNG, true),
            ] {
                if row.get::<_, Option<bool>>(column)? == Some(wanted) {
                    flags |= flag;
                }
            }
            let mut languages = 0;
            for tag in row.get::<_, String>(8)?.split_whitespace() {
                languages |= places.language_bit(tag);
            }
            let place = Place {
                lat: row.get::<_, Option<f64>>(1)?.unwrap_or(f64::NAN),
                lon: row.get::<_, Option<f64>>(2)?.unwrap_or(f64::NAN),
                flags,
                languages,
                categories: 0,
            };
            if usize::try_from(n).ok() != Some(places.places.len() + 1) {
                return Err(DbError::Value(format!("service number {n} out of order")));
            }
            places.places.push(place);
        }
        let mut statement = conn.prepare("SELECT category, n FROM service_category")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let n: i64 = row.get(1)?;
            let category = Category::from_id(&id)
                .ok_or_else(|| DbError::Value(format!("unknown category {id}")))?;
            if let Some(place) = places.get_mut(n) {
                place.categories |= category_bit(category);
            }
        }
        Ok(places)
    }

    /// The bit of a language tag; tags beyond 64 share the last bit.
    fn language_bit(&mut self, tag: &str) -> u64 {
        let next = self.languages.len().min(63);
        *self
            .languages
            .entry(tag.to_owned())
            .or_insert(1_u64 << next)
    }

    fn get_mut(&mut self, n: i64) -> Option<&mut Place> {
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        self.places.get_mut(index)
    }

    fn get(&self, n: i64) -> Option<&Place> {
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        self.places.get(index)
    }

    /// The bit of the language `tag`, if any service's staff speak it.
    pub(super) fn speaks(&self, tag: &str) -> u64 {
        self.languages.get(tag).copied().unwrap_or(0)
    }

    /// The bits of `categories`.
    pub(super) fn categories(categories: impl IntoIterator<Item = Category>) -> u32 {
        categories
            .into_iter()
            .map(category_bit)
            .fold(0, |a, b| a | b)
    }

    fn admits(place: &Place, wanted: &Wanted) -> bool {
        place.flags & wanted.flags == wanted.flags
            && wanted.speaks.is_none_or(|bit| place.languages & bit != 0)
            && wanted
                .category
                .is_none_or(|bits| place.categories & bits != 0)
            && wanted.within.is_none_or(|(south, north, west, east)| {
                (south..=north).contains(&place.lat) && (west..=east).contains(&place.lon)
            })
    }

    fn closeness(place: &Place, origin: Option<(Position, f64)>) -> f64 {
        match origin {
            Some((origin, scale)) if !place.lat.is_nan() => {
                let (dlat, dlon) = (place.lat - origin.lat, place.lon - origin.lon);
                dlat * dlat + dlon * dlon * scale
            }
            _ => f64::MAX,
        }
    }

    /// The services in `categories` inside the box `within` (all of them
    /// without a box).
    pub(super) fn in_categories(
        &self,
        categories: u32,
        within: Option<(f64, f64, f64, f64)>,
    ) -> impl Iterator<Item = i64> + '_ {
        let wanted = Wanted {
            category: Some(categories),
            within,
            ..Wanted::default()
        };
        (1_i64..)
            .zip(&self.places)
            .filter(move |(_, place)| Places::admits(place, &wanted))
            .map(|(n, _)| n)
    }

    /// Every service `wanted` admits, nearest first, at most `limit`.
    pub(super) fn nearest(
        &self,
        wanted: &Wanted,
        origin: Option<Position>,
        limit: usize,
    ) -> Vec<Gathered> {
        let origin = origin.map(|o| (o, o.lat.to_radians().cos().powi(2)));
        let all = (1_i64..)
            .zip(&self.places)
            .filter(|(_, place)| Places::admits(place, wanted))
            .map(|(n, place)| Gathered {
                n,
                relevance: 0,
                closeness: Places::closeness(place, origin),
            });
        best(all.collect(), limit)
    }

    /// Ranks services by relevance, then closeness: `answers` holds per
    /// service and concept what answering it is worth.
    pub(super) fn rank(
        &self,
        answers: HashMap<i64, usize>,
        wanted: &Wanted,
        origin: Option<Position>,
        limit: usize,
    ) -> Vec<Gathered> {
        let origin = origin.map(|o| (o, o.lat.to_radians().cos().powi(2)));
        let all = answers.into_iter().filter_map(|(n, relevance)| {
            let place = self.get(n)?;
            Places::admits(place, wanted).then(|| Gathered {
                n,
                relevance,
                closeness: Places::closeness(place, origin),
            })
        });
        best(all.collect(), limit)
    }
}

/// The `limit` best of `gathered`: most relevant, then closest, then by
/// number; sorted.
fn best(mut gathered: Vec<Gathered>, limit: usize) -> Vec<Gathered> {
    let order = |a: &Gathered, b: &Gathered| {
        b.relevance
            .cmp(&a.relevance)
            .then(a.closeness.total_cmp(&b.closeness))
            .then(a.n.cmp(&b.n))
    };
    if gathered.len() > limit && limit > 0 {
        gathered.select_nth_unstable_by(limit - 1, order);
        gathered.truncate(limit);
    }
    gathered.sort_unstable_by(order);
    gathered
}

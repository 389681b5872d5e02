//! The help finder's search over a generation's database: a visitor's
//! question read into concepts ([`crate::search`]), matched in the text
//! index and the categories, filtered, and ranked by what helps now:
//! relevance (how much of the question a service answers), then open now,
//! then distance from the terminal.

use std::collections::{BTreeSet, HashMap};

use jiff::Zoned;

use crate::db::{Content, DbError};
use crate::geo;
use crate::hours::{Calendar, Openness};
use crate::model::{Category, Position, Schedule, Service};
use crate::search::{self, Concept, Term};

mod places;

pub use places::Places;
use places::{Gathered, Wanted};

/// How many candidates the database ranks before opening hours are looked
/// at; more when only open services are wanted.
const CANDIDATES: usize = 300;
const CANDIDATES_OPEN_NOW: usize = 3000;

/// Most services one word of a question brings in: a word in more texts
/// than this says little, and reading them all would make every keystroke
/// slow on a large directory.
const PER_CONCEPT: usize = 2000;

/// How far around the terminal (degrees of latitude; longitude scaled) the
/// services of a named category are looked for: about 25 km.
const NEAR_DEGREES: f64 = 0.22;

/// What answering one concept of a question is worth: a word in the name,
/// a word in the texts, the category the words mean.
const WEIGHT_NAME: usize = 3;
const WEIGHT_TEXT: usize = 2;
const WEIGHT_CATEGORY: usize = 1;

/// How much less a place for women or for young people only counts where
/// the visitor did not ask for one.
const RESTRICTED: usize = 2;

/// The filters a visitor can switch on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only services open now.
    pub open_now: bool,
    /// Only free services.
    pub free: bool,
    /// Only services that need no appointment.
    pub walk_in: bool,
    /// Only services whose staff speak this language (a tag).
    pub speaks: Option<String>,
    /// Only services with step-free access.
    pub wheelchair: bool,
    /// Only services for women.
    pub women: bool,
    /// Only services for young people.
    pub young: bool,
}

/// A search.
#[derive(Debug, Clone)]
pub struct Query<'a> {
    /// What the visitor typed (may be empty).
    pub text: &'a str,
    /// The category chosen, if any.
    pub category: Option<Category>,
    /// The filters.
    pub filters: &'a Filters,
    /// Where the terminal stands.
    pub origin: Option<Position>,
    /// The moment that "open now" means.
    pub now: &'a Zoned,
    /// Most results.
    pub limit: usize,
}

/// One service found.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The service.
    pub service: Service,
    /// How well it answers the question: per concept of the question, 3
    /// for a word in its name or 2 in its texts, and 1 for its category.
    pub relevance: usize,
    /// Open now or when next.
    pub openness: Openness,
    /// Metres from the terminal, where both positions are known.
    pub distance: Option<f64>,
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// The services, best first.
    pub hits: Vec<Hit>,
    /// The categories the question named ("Schlafplatz": sleep).
    pub asked: BTreeSet<Category>,
}

struct Candidate {
    /// The service's number in this database.
    n: i64,
    name: String,
    relevance: usize,
    distance: Option<f64>,
    schedule: String,
    women: bool,
    young: bool,
}

impl Content {
    /// The region's calendar (time zone and public holidays).
    pub fn calendar(&self) -> Result<Calendar, DbError> {
        Calendar::new(&self.info().timezone, self.info().holidays.clone())
            .map_err(|e| DbError::Value(format!("time zone {}: {e}", self.info().timezone)))
    }

    /// Runs a search.
    pub fn find(&self, query: &Query<'_>) -> Result<Found, DbError> {
        let concepts = search::analyse(query.text, self.vocabulary()?);
        let asked = concepts
            .iter()
            .flat_map(|c| c.categories.iter().copied())
            .collect();
        let limit = if query.filters.open_now {
            CANDIDATES_OPEN_NOW
        } else {
            CANDIDATES
        };
        // Without a question, the nearest services: looked for around the
        // terminal first, everywhere when too few are near.
        let mut candidates = Vec::new();
        if concepts.is_empty() && query.origin.is_some() {
            candidates = self.candidates(&concepts, query, limit, true)?;
        }
        if candidates.len() < query.limit.min(limit) {
            candidates = self.candidates(&concepts, query, limit, false)?;
        }
        let calendar = self.calendar()?;
        // Rank on what the candidates' rows say (schedule, audience); read
        // whole services only for those shown.
        let mut ranked = Vec::with_capacity(candidates.len());
        for candidate in candidates {
            let schedule: Schedule = serde_json::from_str(&candidate.schedule)
                .map_err(|e| DbError::Value(format!("schedule of {}: {e}", candidate.name)))?;
            let openness = calendar.openness_of(&schedule, query.now);
            if query.filters.open_now && !openness.is_open() {
                continue;
            }
            // A place only for women or only for young people comes after
            // those open to all, unless the visitor asked for it.
            let restricted = (candidate.women && !query.filters.women)
                || (candidate.young && !query.filters.young);
            let rank = candidate
                .relevance
                .saturating_sub(if restricted { RESTRICTED } else { 0 });
            ranked.push((rank, openness, candidate));
        }
        ranked.sort_by(|(rank_a, open_a, a), (rank_b, open_b, b)| {
            rank_b
                .cmp(rank_a)
                .then(open_b.is_open().cmp(&open_a.is_open()))
                .then(
                    a.distance
                        .unwrap_or(f64::MAX)
                        .total_cmp(&b.distance.unwrap_or(f64::MAX)),
                )
                .then_with(|| a.name.cmp(&b.name))
        });
        ranked.truncate(query.limit);
        let ranked = ranked
            .into_iter()
            .map(|(_, openness, candidate)| {
                Ok(Hit {
                    service: self.service_numbered(candidate.n)?,
                    relevance: candidate.relevance,
                    openness,
                    distance: candidate.distance,
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        Ok(Found {
            hits: ranked,
            asked,
        })
    }

    /// The phone lines always listed, nearest first.
    pub fn crisis_lines(&self) -> Result<Vec<Service>, DbError> {
        let mut statement = self
            .conn
            .prepare("SELECT id FROM service WHERE crisis ORDER BY name")?;
        let ids: Vec<String> = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        ids.iter().map(|id| self.service(id)).collect()
    }

    /// The services matching the concepts and filters, in relevance and
    /// distance order, with their distance.
    fn candidates(
        &self,
        concepts: &[Concept],
        query: &Query<'_>,
        limit: usize,
        near_only: bool,
    ) -> Result<Vec<Candidate>, DbError> {
        let places = self.places()?;
        let f = query.filters;
        let mut flags = 0;
        for (on, flag) in [
            (f.free, places::FREE),
            (f.walk_in, places::WALK_IN),
            (f.wheelchair, places::WHEELCHAIR),
            (f.women, places::WOMEN),
            (f.young, places::YOUNG),
        ] {
            if on {
                flags |= flag;
            }
        }
        let near = query.origin.map(|origin| {
            (
                origin.lat - NEAR_DEGREES,
                origin.lat + NEAR_DEGREES,
                origin.lon - 1.6 * NEAR_DEGREES,
                origin.lon + 1.6 * NEAR_DEGREES,
            )
        });
        let wanted = Wanted {
            flags,
            speaks: f.speaks.as_deref().map(|tag| places.speaks(tag)),
            category: query.category.map(|c| Places::categories([c])),
            within: if near_only { near } else { None },
        };
        let gathered = if concepts.is_empty() {
            places.nearest(&wanted, query.origin, limit)
        } else {
            // Each concept a service answers adds to its relevance: most
            // when a word is in its name, less when in its texts, and one
            // more when its category is what the words mean (near the
            // terminal).
            let mut answers: HashMap<i64, usize> = HashMap::new();
            let mut statement = self.conn.prepare_cached(
                "SELECT rowid FROM service_search WHERE service_search MATCH ?1 LIMIT ?2",
            )?;
            for concept in concepts {
                let mut this: HashMap<i64, usize> = HashMap::new();
                if !concept.terms.is_empty() {
                    let expression = match_expression(&concept.terms);
                    let names_only = concept
                        .terms
                        .iter()
                        .all(|term| matches!(term, Term::NamePrefix(_)));
                    let mut lookups = vec![(format!("name : ({expression})"), WEIGHT_NAME)];
                    if !names_only {
                        lookups.push((expression, WEIGHT_TEXT));
                    }
                    for (expression, weight) in lookups {
                        let rows = statement.query_map(
                            rusqlite::params![expression, PER_CONCEPT as i64],
                            |row| row.get::<_, i64>(0),
                        )?;
                        for n in rows {
                            let best = this.entry(n?).or_insert(0);
                            *best = (*best).max(weight);
                        }
                    }
                }
                if !concept.categories.is_empty() {
                    let bits = Places::categories(concept.categories.iter().copied());
                    for n in places.in_categories(bits, near) {
                        *this.entry(n).or_insert(0) += WEIGHT_CATEGORY;
                    }
                }
                for (n, worth) in this {
                    *answers.entry(n).or_insert(0) += worth;
                }
            }
            places.rank(answers, &wanted, query.origin, limit)
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT name, schedule, women, young, lat, lon FROM service WHERE n = ?1",
        )?;
        let mut candidates = Vec::with_capacity(gathered.len());
        for Gathered { n, relevance, .. } in gathered {
            let (name, schedule, women, young, lat, lon) = statement.query_row([n], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, bool>(2)?,
                    row.get::<_, bool>(3)?,
                    row.get::<_, Option<f64>>(4)?,
                    row.get::<_, Option<f64>>(5)?,
                ))
            })?;
            let distance = match (query.origin, lat, lon) {
                (Some(origin), Some(lat), Some(lon)) => {
                    Some(geo::distance(origin, Position { lat, lon }))
                }
                _ => None,
            };
            candidates.push(Candidate {
                n,
                name,
                relevance,
                distance,
                schedule,
                women,
                young,
            });
        }
        Ok(candidates)
    }

    /// The ids of services whose texts contain every word of `text`, by a
    /// plain `LIKE` scan over the stored services: the baseline the search
    /// benchmark compares with.
    pub fn like_scan(&self, text: &str, limit: usize) -> Result<Vec<String>, DbError> {
        let words = search::words(text);
        let mut sql =
            String::from("SELECT s.id FROM service s JOIN service_data d ON d.n = s.n WHERE 1");
        for k in 1..=words.len() {
            sql.push_str(&format!(" AND d.data LIKE ?{k}"));
        }
        sql.push_str(&format!(" LIMIT {limit}"));
        let mut statement = self.conn.prepare_cached(&sql)?;
        let patterns: Vec<String> = words.iter().map(|w| format!("%{w}%")).collect();
        let ids = statement
            .query_map(rusqlite::params_from_iter(patterns.iter()), |row| {
                row.get(0)
            })?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }
}

/// An FTS5 expression that matches any of `terms`.
fn match_expression(terms: &BTreeSet<Term>) -> String {
    let quote = |word: &str| format!("\"{}\"", word.replace('"', "\"\""));
    terms
        .iter()
        .map(|term| match term {
            Term::Exact(word) => quote(word),
            Term::Prefix(word) | Term::NamePrefix(word) => format!("{}*", quote(word)),
        })
        .collect::<Vec<_>>()
        .join(" OR ")
}

#[cfg(test)]
mod tests;

//! The SQLite database of a generation: what the kiosk reads. It is built
//! once from a checked [`Pack`], checked, and from then on only read.
//! Searching it is in [`crate::find`].

use std::cell::OnceCell;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::model::{Category, PackInfo, Service};
use crate::search::{self, Vocabulary};
use crate::source::Pack;

pub use crate::search::fold;

/// The database's file name inside a generation.
pub const FILE: &str = "content.sqlite";

/// The schema version this code writes and reads.
pub const SCHEMA_VERSION: i64 = 4;

/// A database problem.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite refused.
    #[error("content database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// `PRAGMA integrity_check` found damage.
    #[error("content database is damaged: {0}")]
    Damaged(String),
    /// The database was written by another version of the schema.
    #[error("content database has schema {found}, this program reads {SCHEMA_VERSION}")]
    Schema {
        /// What the file says.
        found: i64,
    },
    /// A stored value does not parse.
    #[error("content database holds a bad value: {0}")]
    Value(String),
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, DbError> {
    serde_json::to_string(value).map_err(|e| DbError::Value(e.to_string()))
}

const SCHEMA: &str = "
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE service(
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, category TEXT NOT NULL,
    lat REAL, lon REAL, free INTEGER, appointment INTEGER, wheelchair INTEGER,
    women INTEGER NOT NULL, young INTEGER NOT NULL, crisis INTEGER NOT NULL,
    languages TEXT NOT NULL, schedule TEXT NOT NULL);
CREATE INDEX service_place ON service(lat);
CREATE INDEX service_crisis ON service(crisis) WHERE crisis;
CREATE TABLE service_data(n INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE service_category(
    category TEXT NOT NULL, n INTEGER NOT NULL, lat REAL, lon REAL,
    PRIMARY KEY(category, n)) WITHOUT ROWID;
CREATE INDEX service_category_place ON service_category(category, lat);
CREATE VIRTUAL TABLE service_search USING fts5(
    name, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TABLE term(term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE lexicon(
    lang TEXT NOT NULL, category TEXT, phrase TEXT NOT NULL);
CREATE TABLE text(lang TEXT PRIMARY KEY, ftl TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE page(
    slug TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL, markdown TEXT NOT NULL,
    PRIMARY KEY(slug, lang)) WITHOUT ROWID;
CREATE TABLE tiles(path TEXT PRIMARY KEY) WITHOUT ROWID;
";

/// Writes the database of `pack` at `path` (which must not exist yet) and
/// checks it.
pub fn build(pack: &Pack, version: u64, path: &Path) -> Result<(), DbError> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    let tx = conn.transaction()?;
    tx.execute_batch(SCHEMA)?;
    {
        let mut meta = tx.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)")?;
        for (key, value) in [
            ("schema", SCHEMA_VERSION.to_string()),
            ("version", version.to_string()),
            ("info", json(&pack.info)?),
        ] {
            meta.execute(params![key, value])?;
        }
        insert_services(&tx, &pack.services)?;
        let mut lexicon =
            tx.prepare("INSERT INTO lexicon(lang, category, phrase) VALUES (?1, ?2, ?3)")?;
        for (lang, entry) in &pack.lexicons {
            for word in &entry.stopwords {
                lexicon.execute(params![lang, Option::<&str>::None, word])?;
            }
            for (category, phrases) in &entry.synonyms {
                for phrase in phrases {
                    lexicon.execute(params![lang, category, phrase])?;
                }
            }
        }
        let mut text = tx.prepare("INSERT INTO text(lang, ftl) VALUES (?1, ?2)")?;
        for (lang, ftl) in &pack.texts {
            text.execute(params![lang, ftl])?;
        }
        let mut page =
            tx.prepare("INSERT INTO page(slug, lang, title, markdown) VALUES (?1, ?2, ?3, ?4)")?;
        for p in &pack.pages {
            page.execute(params![p.slug, p.lang, p.title, p.markdown])?;
        }
        let mut tiles = tx.prepare("INSERT INTO tiles(path) VALUES (?1)")?;
        for path in &pack.tiles {
            tiles.execute(params![path])?;
        }
    }
    // The directory's own words, for forgiving typos: read back from the
    // text index, without numbers and one- or two-letter words.
    tx.execute_batch(
        "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, service_search, 'row');
         INSERT INTO term(term) SELECT term FROM temp.words
             WHERE length(term) >= 3 AND term GLOB '*[^0-9]*';
         DROP TABLE temp.words;",
    )?;
    tx.commit()?;
    conn.execute_batch("INSERT INTO service_search(service_search) VALUES ('optimize');")?;
    integrity_check(&conn)?;
    Ok(())
}

fn insert_services(tx: &rusqlite::Transaction<'_>, services: &[Service]) -> Result<(), DbError> {
    // The rows the search ranks are kept slim, keyed by a number that the
    // text index and the category list share; the whole record lies apart
    // and is read only for the services shown.
    let mut service = tx.prepare(
        "INSERT INTO service(n, id, name, category, lat, lon, free, appointment, wheelchair, \
         women, young, crisis, languages, schedule) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut data = tx.prepare("INSERT INTO service_data(n, data) VALUES (?1, ?2)")?;
    let mut category = tx.prepare(
        "INSERT OR IGNORE INTO service_category(category, n, lat, lon) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut search =
        tx.prepare("INSERT INTO service_search(rowid, name, body) VALUES (?1, ?2, ?3)")?;
    for (n, s) in (1_i64..).zip(services) {
        let languages = format!(" {} ", s.languages.join(" "));
        service.execute(params![
            n,
            s.id,
            s.name,
            s.category.id(),
            s.position.map(|p| p.lat),
            s.position.map(|p| p.lon),
            s.free,
            s.appointment,
            s.wheelchair,
            s.audience.contains(&crate::model::Audience::Women),
            s.audience.contains(&crate::model::Audience::Young),
            s.crisis_line,
            languages,
            json(&s.schedule())?,
        ])?;
        data.execute(params![n, json(s)?])?;
        for c in std::iter::once(&s.category).chain(&s.also) {
            category.execute(params![
                c.id(),
                n,
                s.position.map(|p| p.lat),
                s.position.map(|p| p.lon)
            ])?;
        }
        let name = fold(&format!("{} {}", s.name, s.organization));
        let body = fold(&s.all_texts().collect::<Vec<_>>().join(" "));
        search.execute(params![n, name, body])?;
    }
    Ok(())
}

/// Runs `PRAGMA integrity_check` and fails unless it says "ok".
pub fn integrity_check(conn: &Connection) -> Result<(), DbError> {
    let mut statement = conn.prepare("PRAGMA integrity_check")?;
    let rows: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if rows == ["ok"] {
        Ok(())
    } else {
        Err(DbError::Damaged(rows.join("; ")))
    }
}

/// A generation's database, opened read-only.
#[derive(Debug)]
pub struct Content {
    pub(crate) conn: Connection,
    info: PackInfo,
    vocabulary: OnceCell<Vocabulary>,
    places: OnceCell<crate::find::Places>,
}

impl Content {
    /// Opens the database at `path` read-only and checks its schema.
    pub fn open(path: &Path) -> Result<Content, DbError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let found: i64 = meta(&conn, "schema")?
            .and_then(|schema| schema.parse().ok())
            .ok_or_else(|| DbError::Value("no schema version".into()))?;
        if found != SCHEMA_VERSION {
            return Err(DbError::Schema { found });
        }
        let info =
            meta(&conn, "info")?.ok_or_else(|| DbError::Value("no pack description".into()))?;
        let info = serde_json::from_str(&info).map_err(|e| DbError::Value(e.to_string()))?;
        Ok(Content {
            conn,
            info,
            vocabulary: OnceCell::new(),
            places: OnceCell::new(),
        })
    }

    /// Runs `PRAGMA integrity_check`.
    pub fn check(&self) -> Result<(), DbError> {
        integrity_check(&self.conn)
    }

    /// The pack version this database was built from.
    pub fn version(&self) -> Result<u64, DbError> {
        meta(&self.conn, "version")?
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| DbError::Value("no version".into()))
    }

    /// What `pack.toml` said.
    pub fn info(&self) -> &PackInfo {
        &self.info
    }

    /// How many services the directory holds.
    pub fn service_count(&self) -> Result<u64, DbError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM service", [], |row| row.get(0))?;
        Ok(count.unsigned_abs())
    }

    /// The words of the directory and the pack's lexicons, read once.
    pub fn vocabulary(&self) -> Result<&Vocabulary, DbError> {
        if let Some(vocabulary) = self.vocabulary.get() {
            return Ok(vocabulary);
        }
        let mut statement = self.conn.prepare("SELECT term FROM term")?;
        let terms: Vec<String> = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut statement = self.conn.prepare("SELECT category, phrase FROM lexicon")?;
        let mut synonyms = Vec::new();
        let mut stopwords = Vec::new();
        for row in statement.query_map([], |row| {
            Ok((row.get::<_, Option<String>>(0)?, row.get::<_, String>(1)?))
        })? {
            match row? {
                (Some(category), phrase) => {
                    let category = Category::from_id(&category)
                        .ok_or_else(|| DbError::Value(format!("unknown category {category}")))?;
                    synonyms.push((category, phrase));
                }
                (None, word) => stopwords.push(word),
            }
        }
        Ok(self
            .vocabulary
            .get_or_init(|| Vocabulary::new(terms, synonyms, stopwords)))
    }

    /// Every service's place and filter bits, read once (the search ranks
    /// on them).
    pub fn places(&self) -> Result<&crate::find::Places, DbError> {
        if let Some(places) = self.places.get() {
            return Ok(places);
        }
        let places = crate::find::Places::load(&self.conn)?;
        Ok(self.places.get_or_init(|| places))
    }

    /// The service `id`.
    pub fn service(&self, id: &str) -> Result<Service, DbError> {
        let data: String = self
            .conn
            .prepare_cached(
                "SELECT d.data FROM service s JOIN service_data d ON d.n = s.n WHERE s.id = ?1",
            )?
            .query_row([id], |row| row.get(0))?;
        serde_json::from_str(&data).map_err(|e| DbError::Value(format!("service {id}: {e}")))
    }

    /// The service numbered `n` in this database (the search's key).
    pub(crate) fn service_numbered(&self, n: i64) -> Result<Service, DbError> {
        let data: String = self
            .conn
            .prepare_cached("SELECT data FROM service_data WHERE n = ?1")?
            .query_row([n], |row| row.get(0))?;
        serde_json::from_str(&data).map_err(|e| DbError::Value(format!("service {n}: {e}")))
    }

    /// Every service, in id order (for staff tools and tests).
    pub fn services(&self) -> Result<Vec<Service>, DbError> {
        let mut statement = self.conn.prepare("SELECT id FROM service ORDER BY id")?;
        let ids: Vec<String> = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        ids.iter().map(|id| self.service(id)).collect()
    }

    /// The pack paths of its map tile sets (`tiles/NAME.mbtiles`).
    pub fn tile_paths(&self) -> Result<Vec<String>, DbError> {
        let mut statement = self.conn.prepare("SELECT path FROM tiles ORDER BY path")?;
        let paths = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(paths)
    }

    /// The content texts (Fluent) in `lang`.
    pub fn texts(&self, lang: &str) -> Result<Option<String>, DbError> {
        Ok(self
            .conn
            .query_row("SELECT ftl FROM text WHERE lang = ?1", [lang], |row| {
                row.get(0)
            })
            .optional()?)
    }
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

/// The words of `text` as the search reads them.
pub fn words(text: &str) -> Vec<String> {
    search::words(text)
}

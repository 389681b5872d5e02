//! The SQLite database of a generation: what the kiosk reads. It is built
//! once from a checked [`Pack`], checked, and from then on only read.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::model::{Category, Hours, PackInfo, Service};
use crate::source::{Pack, REFERENCE_LANGUAGE};

/// The database's file name inside a generation.
pub const FILE: &str = "content.sqlite";

/// The schema version this code writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

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

/// Folds text for matching: lower case, umlauts and ß spelled plainly, so
/// that "Schuldnerberatung", "schuldnerberatung" and "Schuldnerbératung" meet.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' | 'á' | 'à' | 'â' | 'ă' | 'ą' => folded.push('a'),
            'ö' | 'ó' | 'ò' | 'ô' => folded.push('o'),
            'ü' | 'ú' | 'ù' | 'û' => folded.push('u'),
            'é' | 'è' | 'ê' | 'ę' => folded.push('e'),
            'ß' => folded.push_str("ss"),
            'ș' | 'ş' | 'ś' => folded.push('s'),
            'ț' | 'ţ' => folded.push('t'),
            other => folded.push(other),
        }
    }
    folded
}

const SCHEMA: &str = "
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE service(
    id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL,
    address TEXT NOT NULL, phone TEXT NOT NULL, hours TEXT NOT NULL);
CREATE INDEX service_category ON service(category);
CREATE TABLE service_summary(
    service_id TEXT NOT NULL, lang TEXT NOT NULL, summary TEXT NOT NULL,
    PRIMARY KEY(service_id, lang)) WITHOUT ROWID;
CREATE VIRTUAL TABLE service_search USING fts5(
    folded, lang UNINDEXED, service_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
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
        let languages = pack.info.languages.join(" ");
        for (key, value) in [
            ("schema", SCHEMA_VERSION.to_string()),
            ("version", version.to_string()),
            ("name", pack.info.name.clone()),
            ("region", pack.info.region.clone()),
            ("languages", languages),
        ] {
            meta.execute(params![key, value])?;
        }
        let mut service = tx.prepare(
            "INSERT INTO service(id, name, category, address, phone, hours) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut summary = tx.prepare(
            "INSERT INTO service_summary(service_id, lang, summary) VALUES (?1, ?2, ?3)",
        )?;
        let mut search =
            tx.prepare("INSERT INTO service_search(folded, lang, service_id) VALUES (?1, ?2, ?3)")?;
        for s in &pack.services {
            let hours =
                serde_json::to_string(&s.hours).map_err(|e| DbError::Value(e.to_string()))?;
            service.execute(params![
                s.id,
                s.name,
                s.category.id(),
                s.address,
                s.phone,
                hours
            ])?;
            let reference = s.summary_in(REFERENCE_LANGUAGE, REFERENCE_LANGUAGE);
            for (lang, text) in &s.summary {
                summary.execute(params![s.id, lang, text])?;
                let folded = fold(&format!("{} {text} {reference}", s.name));
                search.execute(params![folded, lang, s.id])?;
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
    tx.commit()?;
    integrity_check(&conn)?;
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
    conn: Connection,
}

impl Content {
    /// Opens the database at `path` read-only and checks its schema.
    pub fn open(path: &Path) -> Result<Content, DbError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let content = Content { conn };
        let found: i64 = content
            .meta("schema")?
            .and_then(|schema| schema.parse().ok())
            .ok_or_else(|| DbError::Value("no schema version".into()))?;
        if found != SCHEMA_VERSION {
            return Err(DbError::Schema { found });
        }
        Ok(content)
    }

    /// Runs `PRAGMA integrity_check`.
    pub fn check(&self) -> Result<(), DbError> {
        integrity_check(&self.conn)
    }

    fn meta(&self, key: &str) -> Result<Option<String>, DbError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// The pack version this database was built from.
    pub fn version(&self) -> Result<u64, DbError> {
        self.meta("version")?
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| DbError::Value("no version".into()))
    }

    /// What `pack.toml` said.
    pub fn info(&self) -> Result<PackInfo, DbError> {
        let get = |key| self.meta(key).map(Option::unwrap_or_default);
        Ok(PackInfo {
            name: get("name")?,
            region: get("region")?,
            languages: get("languages")?
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        })
    }

    /// How many services the directory holds.
    pub fn service_count(&self) -> Result<u64, DbError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM service", [], |row| row.get(0))?;
        Ok(count.unsigned_abs())
    }

    /// Services in `lang` whose name or summary (in `lang` or German)
    /// contains every word of `query`, or whose category is one of
    /// `also_categories` (the kiosk's label of it matched); limited to
    /// `category` where given; at most `limit`, ordered by name.
    pub fn search(
        &self,
        query: &str,
        lang: &str,
        category: Option<Category>,
        also_categories: &[Category],
        limit: usize,
    ) -> Result<Vec<Service>, DbError> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
        let mut sql = String::from("SELECT id FROM service WHERE 1");
        let mut args: Vec<String> = Vec::new();
        if let Some(category) = category {
            args.push(category.id().to_owned());
            sql.push_str(&format!(" AND category = ?{}", args.len()));
        }
        if !words.is_empty() {
            args.push(lang.to_owned());
            let mut text = format!(
                "id IN (SELECT service_id FROM service_search WHERE lang = ?{}",
                args.len()
            );
            // Every word as a prefix: "schuld" finds "Schuldnerberatung".
            let terms: Vec<String> = words
                .iter()
                .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
                .collect();
            args.push(terms.join(" "));
            text.push_str(&format!(" AND service_search MATCH ?{}", args.len()));
            text.push(')');
            let mut or = Vec::new();
            for category in also_categories {
                args.push(category.id().to_owned());
                or.push(format!("category = ?{}", args.len()));
            }
            if or.is_empty() {
                sql.push_str(&format!(" AND {text}"));
            } else {
                sql.push_str(&format!(" AND ({text} OR {})", or.join(" OR ")));
            }
        }
        sql.push_str(&format!(" ORDER BY name, id LIMIT {limit}"));
        let mut statement = self.conn.prepare(&sql)?;
        let ids: Vec<String> = statement
            .query_map(rusqlite::params_from_iter(args.iter()), |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        ids.iter().map(|id| self.service(id)).collect()
    }

    /// The service `id`.
    pub fn service(&self, id: &str) -> Result<Service, DbError> {
        let (name, category, address, phone, hours): (String, String, String, String, String) =
            self.conn.query_row(
                "SELECT name, category, address, phone, hours FROM service WHERE id = ?1",
                [id],
                |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                    ))
                },
            )?;
        let category = Category::from_id(&category)
            .ok_or_else(|| DbError::Value(format!("unknown category {category}")))?;
        let hours: Vec<Hours> =
            serde_json::from_str(&hours).map_err(|e| DbError::Value(e.to_string()))?;
        let mut statement = self
            .conn
            .prepare("SELECT lang, summary FROM service_summary WHERE service_id = ?1")?;
        let summary = statement
            .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(Service {
            id: id.to_owned(),
            name,
            category,
            address,
            phone,
            hours,
            summary,
        })
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

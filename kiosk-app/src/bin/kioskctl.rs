//! `kioskctl`: staff and test commands for an Anlauf kiosk.
//!
//! `kioskctl search "QUESTION" --lang CODE [--json]` runs the help finder's
//! search against the installed content, exactly as the kiosk runs it: the
//! same question reading, filters, ranking and words. Nothing of the
//! question is logged.
//!
//! `kioskctl status` and `kioskctl end-session` ask the running kiosk over
//! the system bus (`org.anlauf.Kiosk1`) whether a visitor's session runs,
//! and end it (root only).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use kiosk_app::bus::{self, Kiosk1Proxy};
use kiosk_app::config;
use kiosk_app::content::{Category, Content, Filters, demo_store_dir};
use kiosk_app::finder::{Card, Search, Words};
use kiosk_app::i18n::Catalog;
use kiosk_app::language::Language;
use kiosk_app::tool;

/// Staff and test commands for an Anlauf kiosk.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// The site configuration (the terminal's position, the content store).
    #[arg(long, value_name = "PATH", default_value = config::DEFAULT_PATH, env = "ANLAUF_SITE", global = true)]
    site: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Whether a visitor's session runs on this kiosk (over the system bus).
    Status {
        /// Print one JSON object instead of a line for people.
        #[arg(long)]
        json: bool,
    },
    /// End the running session, wiped as on End session (root only).
    EndSession,
    /// Search the installed content as the help finder does.
    Search {
        /// The question, in the visitor's words.
        question: String,
        /// The visitor's language (a shipped language code).
        #[arg(long, default_value = "de")]
        lang: String,
        /// Print one JSON object instead of lines for people.
        #[arg(long)]
        json: bool,
        /// Only this category (its id, for example `sleep`).
        #[arg(long)]
        category: Option<String>,
        /// Only services open at the moment.
        #[arg(long)]
        open_now: bool,
        /// Only free services.
        #[arg(long)]
        free: bool,
        /// Only services that need no appointment.
        #[arg(long)]
        walk_in: bool,
        /// Only services whose staff speak --lang.
        #[arg(long)]
        my_language: bool,
        /// Only services with step-free access.
        #[arg(long)]
        wheelchair: bool,
        /// Only services for women.
        #[arg(long)]
        women: bool,
        /// Only services for young people.
        #[arg(long)]
        young: bool,
        /// The moment "open now" means, `2026-11-25T14:00` in the pack's
        /// time zone (default: now).
        #[arg(long, value_name = "DATETIME")]
        at: Option<String>,
        /// Read this content store instead of the site's.
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
        /// Most results shown.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
}

fn main() -> ExitCode {
    tool::logs("warn");
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Status { json } => tool::block_on(status(json)),
        Command::EndSession => tool::block_on(end_session()),
        Command::Search { .. } => run(cli),
    };
    tool::exit("kioskctl", result)
}

/// The kiosk on the system bus (`DBUS_SYSTEM_BUS_ADDRESS` if set).
async fn kiosk() -> anyhow::Result<(zbus::Connection, Kiosk1Proxy<'static>)> {
    let connection = zbus::Connection::system()
        .await
        .context("cannot reach the system bus")?;
    let proxy = bus::proxy(&connection).await?;
    Ok((connection, proxy))
}

/// A failed call in words for staff.
fn explain(error: zbus::Error, what: &str) -> anyhow::Error {
    if bus::is_not_running(&error) {
        anyhow::anyhow!(
            "the kiosk is not running ({} is not on the system bus)",
            bus::BUS_NAME
        )
    } else if bus::is_access_denied(&error) {
        anyhow::anyhow!("{what}: not allowed for this user (only root may; try sudo)")
    } else {
        anyhow::Error::new(error).context(what.to_owned())
    }
}

async fn status(json: bool) -> anyhow::Result<()> {
    let (_connection, kiosk) = kiosk().await?;
    let active = kiosk
        .session_active()
        .await
        .map_err(|e| explain(e, "cannot read SessionActive"))?;
    let since = kiosk
        .session_since()
        .await
        .map_err(|e| explain(e, "cannot read SessionSince"))?;
    let line = if json {
        serde_json::json!({ "session_active": active, "session_since": since }).to_string()
    } else if active {
        let started = jiff::Timestamp::from_second(i64::try_from(since).unwrap_or(0))
            .map(|t| t.to_zoned(jiff::tz::TimeZone::system()))
            .map(|t| t.strftime("%Y-%m-%d %H:%M:%S %Z").to_string())
            .unwrap_or_else(|_| format!("{since} (Unix time)"));
        format!("session: running since {started}")
    } else {
        "session: none (the attract screen shows)".to_owned()
    };
    #[allow(clippy::print_stdout)]
    {
        println!("{line}");
    }
    Ok(())
}

async fn end_session() -> anyhow::Result<()> {
    let (_connection, kiosk) = kiosk().await?;
    let ended = kiosk
        .end_session()
        .await
        .map_err(|e| explain(e, "cannot end the session"))?;
    #[allow(clippy::print_stdout)]
    {
        if ended {
            println!("the session is ending; the attract screen comes back");
        } else {
            println!("no session was running");
        }
    }
    Ok(())
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let Command::Search {
        question,
        lang,
        json,
        category,
        open_now,
        free,
        walk_in,
        my_language,
        wheelchair,
        women,
        young,
        at,
        store,
        limit,
    } = cli.command
    else {
        bail!("not a search");
    };
    let loaded = config::load(&cli.site);
    for problem in &loaded.parsed.problems {
        eprintln!("kioskctl: {}: {problem}", loaded.path.display());
    }
    let site = loaded.parsed.config;
    let language: Language = lang.parse().with_context(|| format!("--lang {lang}"))?;
    let category = match category {
        Some(id) => Some(Category::from_id(&id).with_context(|| {
            let ids: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
            format!("--category {id}: choose one of {}", ids.join(", "))
        })?),
        None => None,
    };
    let store = store.unwrap_or(site.content_store.clone());
    let content = Content::open(&store, &demo_store_dir())
        .with_context(|| format!("cannot open the content in {}", store.display()))?;
    let now = match at {
        Some(text) => {
            let calendar = content
                .calendar()
                .context("the content's time zone is unreadable")?;
            let civil: jiff::civil::DateTime = text
                .parse()
                .with_context(|| format!("--at {text}: expected 2026-11-25T14:00"))?;
            civil
                .to_zoned(calendar.tz)
                .with_context(|| format!("--at {text}"))?
        }
        None => content.now(),
    };
    let search = Search {
        category,
        filters: Filters {
            open_now,
            free,
            walk_in,
            speaks: None,
            wheelchair,
            women,
            young,
        },
        my_language,
    };
    let catalog = match Catalog::builtin() {
        Ok(catalog) => catalog,
        Err(errors) => bail!("the built-in translations are broken: {errors:?}"),
    };
    let words = Words {
        catalog: &catalog,
        language,
    };
    let mut found = search.run(&content, &question, language, site.position, &now);
    found.hits.truncate(limit);
    let cards: Vec<Card> = found
        .hits
        .iter()
        .map(|hit| Card::of(hit, words, &content, site.position, &now))
        .collect();
    #[allow(clippy::print_stdout)]
    if json {
        let results: Vec<serde_json::Value> = found
            .hits
            .iter()
            .zip(&cards)
            .map(|(hit, card)| {
                serde_json::json!({
                    "id": card.id,
                    "name": card.name,
                    "category": hit.service.category.id(),
                    "relevance": hit.relevance,
                    "open": card.open,
                    "status": card.status,
                    "distance_m": hit.distance.map(f64::round),
                    "direction": card.direction,
                    "summary": card.summary,
                })
            })
            .collect();
        let asked: Vec<&str> = found.asked.iter().map(|c| c.id()).collect();
        let crisis: Vec<String> = if found.hits.is_empty() {
            content.crisis_lines().into_iter().map(|s| s.id).collect()
        } else {
            Vec::new()
        };
        let out = serde_json::json!({
            "lang": language.tag(),
            "at": now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            "content_version": content.version,
            "asked": asked,
            "results": results,
            "crisis_lines": crisis,
        });
        println!("{out}");
    } else {
        if cards.is_empty() {
            println!("{}", catalog.text(language, "help-none"));
            for service in content.crisis_lines() {
                println!("  {}: {}", service.name, service.phone);
            }
        }
        for (n, card) in cards.iter().enumerate() {
            println!("{}. {} [{}]", n + 1, card.name, card.id);
            println!("   {}", card.summary);
            println!("   {}", card.status);
            if let Some(direction) = &card.direction {
                println!("   {direction}");
            }
        }
    }
    Ok(())
}

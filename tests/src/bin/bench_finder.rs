//! Benchmarks of the help finder on a synthetic directory of 100,000
//! services spread over Germany, with the demo pack's search lexicons:
//!
//! - search latency for one query per keystroke of 50 realistic questions
//!   (p50/p99), beside the same prefixes as a plain `LIKE` scan over the
//!   stored services in the same run;
//! - memory the open directory and its search add to the process.
//!
//! One JSON line per figure on stdout.

use std::path::Path;
use std::time::{Duration, Instant};

use anlauf_tests::bench::{Stats, emit, round};
use anyhow::{Context as _, Result};
use content_sync::find::{Filters, Query};
use content_sync::model::{Category, Position};
use content_sync::store::Store;
use serde_json::json;

const SERVICES: usize = 100_000;
const PER_FILE: usize = 2_000;
const LANGUAGES: [&str; 4] = ["de", "en", "ar", "uk"];

/// A small deterministic generator (xorshift), so every run builds the
/// same directory.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

/// Per category: German name words, and a summary in each language.
fn texts(category: Category) -> (&'static [&'static str], [&'static str; 4]) {
    use Category::*;
    match category {
        Sleep => (
            &["Notübernachtung", "Nachtcafé", "Übernachtungsstelle"],
            [
                "Notübernachtung mit Betten, Dusche und Abendessen. Ohne Anmeldung.",
                "Emergency shelter with beds, shower and dinner. No registration.",
                "مأوى طارئ مع أسرّة ودش وعشاء. بدون تسجيل.",
                "Нічліжка з ліжками, душем і вечерею. Без реєстрації.",
            ],
        ),
        Food => (
            &["Suppenküche", "Tafel", "Mittagstisch"],
            [
                "Warmes Mittagessen und Lebensmittel für wenig Geld.",
                "Hot lunch and groceries for little money.",
                "غداء ساخن ومواد غذائية بسعر زهيد.",
                "Гарячий обід і продукти за невеликі гроші.",
            ],
        ),
        ClothesShowers => (
            &["Kleiderkammer", "Duschmobil", "Kleiderladen"],
            [
                "Kleidung, Schuhe und Schlafsäcke. Duschen mit Handtuch.",
                "Clothes, shoes and sleeping bags. Showers with towel.",
                "ملابس وأحذية وأكياس نوم. استحمام مع منشفة.",
                "Одяг, взуття та спальники. Душ із рушником.",
            ],
        ),
        Health => (
            &["Praxis ohne Grenzen", "Straßenambulanz", "Zahnarztmobil"],
            [
                "Arzt und Medikamente ohne Krankenversicherung, anonym.",
                "Doctor and medicine without health insurance, anonymous.",
                "طبيب وأدوية بدون تأمين صحي، بشكل مجهول.",
                "Лікар і ліки без медичного страхування, анонімно.",
            ],
        ),
        Money => (
            &["Sozialberatung", "Bürgergeld-Beratung", "Leistungsberatung"],
            [
                "Hilfe bei Bürgergeld, Wohngeld und Anträgen beim Jobcenter.",
                "Help with citizen's income, housing benefit and job centre forms.",
                "مساعدة في إعانة المواطن وبدل السكن وطلبات مركز العمل.",
                "Допомога з громадянською допомогою, житловою допомогою та заявами.",
            ],
        ),
        Debts => (
            &["Schuldnerberatung", "Insolvenzberatung", "Schuldenhilfe"],
            [
                "Beratung bei Schulden, Mahnungen und Pfändung. Kostenlos.",
                "Advice on debts, reminders and seizure. Free of charge.",
                "استشارة بشأن الديون والإنذارات والحجز. مجانًا.",
                "Консультація щодо боргів, нагадувань і арешту. Безкоштовно.",
            ],
        ),
        Housing => (
            &[
                "Wohnungshilfe",
                "Fachstelle Wohnungsnotfall",
                "Mieterberatung",
            ],
            [
                "Hilfe bei Wohnungssuche, Räumung und Mietschulden.",
                "Help finding a flat, with eviction and rent arrears.",
                "مساعدة في البحث عن شقة والإخلاء وديون الإيجار.",
                "Допомога з пошуком житла, виселенням і боргами за оренду.",
            ],
        ),
        Family => (
            &["Familienberatung", "Erziehungsberatung", "Familienzentrum"],
            [
                "Beratung für Eltern, Kinder und Schwangere.",
                "Counselling for parents, children and pregnant women.",
                "استشارات للآباء والأطفال والحوامل.",
                "Консультації для батьків, дітей і вагітних.",
            ],
        ),
        Migration => (
            &["Migrationsberatung", "Flüchtlingshilfe", "Asylberatung"],
            [
                "Beratung zu Aufenthalt, Asyl und Sprachkursen.",
                "Advice on residence, asylum and language courses.",
                "استشارات حول الإقامة واللجوء ودورات اللغة.",
                "Консультації щодо перебування, притулку та мовних курсів.",
            ],
        ),
        Addiction => (
            &["Suchtberatung", "Drogenhilfe", "Kontaktladen"],
            [
                "Beratung bei Sucht, Alkohol und Drogen. Anonym.",
                "Counselling on addiction, alcohol and drugs. Anonymous.",
                "استشارات حول الإدمان والكحول والمخدرات. بشكل مجهول.",
                "Консультації щодо залежності, алкоголю та наркотиків. Анонімно.",
            ],
        ),
        ViolenceCrisis => (
            &["Krisendienst", "Frauenhaus", "Opferberatung"],
            [
                "Hilfe bei Gewalt und in Krisen, Tag und Nacht.",
                "Help with violence and in a crisis, day and night.",
                "مساعدة في حالات العنف والأزمات، ليلًا ونهارًا.",
                "Допомога при насильстві та в кризі, вдень і вночі.",
            ],
        ),
        Legal => (
            &["Rechtsberatung", "Anwaltssprechstunde", "Rechtshilfe"],
            [
                "Kostenlose Rechtsberatung zu Miete, Arbeit und Ämtern.",
                "Free legal advice on rent, work and authorities.",
                "استشارة قانونية مجانية حول الإيجار والعمل والسلطات.",
                "Безкоштовна юридична консультація щодо оренди, роботи та установ.",
            ],
        ),
        Work => (
            &["Arbeitsladen", "Beschäftigungsprojekt", "Jobberatung"],
            [
                "Hilfe bei Arbeitssuche, Bewerbung und Tagesjobs.",
                "Help finding work, applications and day jobs.",
                "مساعدة في البحث عن عمل والتقديم والأعمال اليومية.",
                "Допомога з пошуком роботи, резюме та підробітком.",
            ],
        ),
        DocumentsPost => (
            &["Postadresse", "Beratungsstelle Wohnungsnot", "Ausweishilfe"],
            [
                "Postadresse für Menschen ohne Wohnung. Hilfe bei Ausweis und Papieren.",
                "Postal address for people without a home. Help with ID and papers.",
                "عنوان بريدي للأشخاص بلا مأوى. مساعدة في الهوية والأوراق.",
                "Поштова адреса для людей без житла. Допомога з документами.",
            ],
        ),
    }
}

const CITIES: [(&str, f64, f64); 8] = [
    ("Leipzig", 51.3397, 12.3731),
    ("Berlin", 52.5200, 13.4050),
    ("Hamburg", 53.5511, 9.9937),
    ("München", 48.1351, 11.5820),
    ("Köln", 50.9375, 6.9603),
    ("Dresden", 51.0504, 13.7373),
    ("Frankfurt", 50.1109, 8.6821),
    ("Stuttgart", 48.7758, 9.1829),
];

const HOURS: [&str; 5] = [
    "[{ days = \"mon-fri\", opens = \"09:00\", closes = \"16:00\" }]",
    "[{ days = \"daily\", opens = \"20:00\", closes = \"08:00\" }]",
    "[{ days = \"mon-thu\", opens = \"08:00\", closes = \"12:00\" }, { days = \"mon-thu\", opens = \"13:00\", closes = \"17:00\" }]",
    "[{ days = \"sat-sun\", opens = \"11:00\", closes = \"15:00\" }]",
    "[{ days = \"daily\", opens = \"00:00\", closes = \"00:00\" }]",
];

fn service(i: usize, rng: &mut Rng) -> String {
    let category = *rng.pick(Category::ALL);
    let (names, summaries) = texts(category);
    let (city, lat, lon) = *rng.pick(&CITIES);
    let lat = lat + (rng.unit() - 0.5) * 0.2;
    let lon = lon + (rng.unit() - 0.5) * 0.3;
    let free = !rng.next().is_multiple_of(3);
    let mut text = format!(
        "[[service]]\nid = \"s{i}\"\nname = \"{} {city} {i}\"\ncategory = \"{}\"\n\
         address = \"Musterweg {}, {city}\"\nposition = [{lat:.5}, {lon:.5}]\n\
         phone = \"0341 555 {:04}\"\nhours = {}\nlanguages = [\"de\", \"{}\"]\n\
         free = {}\nappointment = {}\nwheelchair = {}\n[service.summary]\n",
        rng.pick(names),
        category.id(),
        i % 200,
        i % 10_000,
        rng.pick(&HOURS),
        rng.pick(&["en", "ar", "uk", "tr"]),
        free,
        rng.next().is_multiple_of(4),
        rng.next().is_multiple_of(2),
    );
    for (lang, summary) in LANGUAGES.iter().zip(summaries) {
        text.push_str(&format!("\"{lang}\" = \"{summary}\"\n"));
    }
    if !free {
        text.push_str("[service.fees]\n");
        for (lang, fee) in LANGUAGES
            .iter()
            .zip(["1 Euro.", "1 euro.", "يورو واحد.", "1 євро."])
        {
            text.push_str(&format!("\"{lang}\" = \"{fee}\"\n"));
        }
    }
    text.push('\n');
    text
}

fn write_source(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir.join("services"))?;
    std::fs::create_dir_all(dir.join("search"))?;
    std::fs::write(
        dir.join("pack.toml"),
        format!("name = \"Synthetic\"\nregion = \"Germany\"\nlanguages = {LANGUAGES:?}\n"),
    )?;
    let demo = content_sync::demo::files();
    for lang in LANGUAGES {
        let lexicon = demo
            .get(&format!("search/{lang}.toml"))
            .with_context(|| format!("the demo pack has no search/{lang}.toml"))?;
        std::fs::write(dir.join("search").join(format!("{lang}.toml")), lexicon)?;
    }
    let mut rng = Rng(0x5eed_1234_abcd_9876);
    for file in 0..SERVICES / PER_FILE {
        let mut text = String::new();
        for i in file * PER_FILE..(file + 1) * PER_FILE {
            text.push_str(&service(i, &mut rng));
        }
        std::fs::write(dir.join("services").join(format!("{file:03}.toml")), text)?;
    }
    Ok(())
}

/// 50 questions as visitors type them, in the pack's languages.
const QUESTIONS: [&str; 50] = [
    "Ich brauche heute Nacht einen Schlafplatz",
    "Schlafplatz",
    "Notübernachtung",
    "wo kann ich schlafen",
    "Platte",
    "warmes Essen",
    "Suppenküche",
    "Tafel Lebensmittel",
    "Kleidung und Schuhe",
    "duschen",
    "Arzt ohne Krankenversicherung",
    "Zahnarzt",
    "Medikamente",
    "Schuldnerberatung",
    "schuldner beratung",
    "schuldnerbertung",
    "Mahnung Pfändung",
    "Bürgergeld Antrag",
    "Wohngeld",
    "Wohnung verloren",
    "Räumung",
    "Erziehungsberatung",
    "schwanger",
    "Asyl Beratung",
    "Aufenthalt",
    "Sprachkurs",
    "Alkohol",
    "Drogen",
    "Gewalt zuhause",
    "Frauenhaus",
    "Anwalt kostenlos",
    "Arbeit suchen",
    "Bewerbung",
    "Postadresse",
    "Ausweis verloren",
    "I need a place to sleep tonight",
    "I need help with my debts",
    "doctor without insurance",
    "free food",
    "shower",
    "job",
    "أحتاج طبيب بدون تأمين",
    "مأوى الليلة",
    "طعام مجاني",
    "ديون",
    "Мені потрібен нічліг",
    "лікар без страхування",
    "борги",
    "безкоштовна їжа",
    "робота",
];

fn vm_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse().ok())
        })
        .unwrap_or(0)
}

fn prefixes(question: &str) -> Vec<String> {
    let chars: Vec<char> = question.chars().collect();
    (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect()
}

/// In a fresh process (`bench-finder --memory STORE`): resident memory
/// after opening the store and running every search, minus before, in kB.
/// A fresh process, because the one that built the directory has freed
/// heap that later allocations reuse without growing.
fn memory_child(store: &Path) -> Result<()> {
    let before = vm_rss_kb();
    let content = content_sync::store::current(store)?
        .context("no current generation")?
        .open()?;
    let now: jiff::Zoned = "2026-11-25T14:00[Europe/Berlin]".parse()?;
    let filters = Filters::default();
    for question in QUESTIONS {
        for prefix in prefixes(question) {
            content.find(&Query {
                text: &prefix,
                category: None,
                filters: &filters,
                origin: Some(Position {
                    lat: 51.3397,
                    lon: 12.3731,
                }),
                now: &now,
                limit: 50,
            })?;
        }
    }
    #[allow(clippy::print_stdout)]
    {
        println!("{}", vm_rss_kb().saturating_sub(before));
    }
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, store] = args.as_slice()
        && flag == "--memory"
    {
        return memory_child(Path::new(store));
    }
    let work = std::env::temp_dir().join(format!("anlauf-bench-finder-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let source = work.join("source");
    write_source(&source)?;
    let files = content_sync::source::read_dir(&source)?;
    let started = Instant::now();
    let store = Store::open(&work.join("store"))?;
    let generation = store.activate_files(&files, 1)?;
    drop(files);
    eprintln!(
        "bench-finder: 100k pack activated in {:?}",
        started.elapsed()
    );

    let content = generation.open()?;
    let origin = Position {
        lat: 51.3397,
        lon: 12.3731,
    };
    let now: jiff::Zoned = "2026-11-25T14:00[Europe/Berlin]".parse()?;
    let filters = Filters::default();
    let search = |text: &str| {
        content.find(&Query {
            text,
            category: None,
            filters: &filters,
            origin: Some(origin),
            now: &now,
            limit: 50,
        })
    };
    // Warm up: the first search reads the vocabulary.
    let first = Instant::now();
    search("a")?;
    let vocabulary_ms = first.elapsed().as_secs_f64() * 1000.0;

    let mut samples: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    let mut found = 0;
    for question in QUESTIONS {
        for prefix in prefixes(question) {
            let t = Instant::now();
            let result = search(&prefix)?;
            samples.push(t.elapsed());
            slowest.push((t.elapsed(), prefix.clone()));
            found += usize::from(!result.hits.is_empty());
        }
    }
    slowest.sort();
    for (time, prefix) in slowest.iter().rev().take(12) {
        eprintln!(
            "bench-finder: slow keystroke {time:?}: {} letters",
            prefix.chars().count()
        );
        if std::env::var_os("BENCH_FINDER_SHOW").is_some() {
            eprintln!("    {prefix}");
        }
    }
    let child = std::process::Command::new(std::env::current_exe()?)
        .arg("--memory")
        .arg(work.join("store"))
        .output()?;
    let added_kb: u64 = String::from_utf8_lossy(&child.stdout)
        .trim()
        .parse()
        .with_context(|| format!("memory child: {}", String::from_utf8_lossy(&child.stderr)))?;
    let fts = Stats::of(&samples);
    // The same keystrokes as a LIKE scan, on every fifth question (the scan
    // is slow enough to make the whole set take minutes).
    let mut like: Vec<Duration> = Vec::new();
    for question in QUESTIONS.iter().step_by(5) {
        for prefix in prefixes(question) {
            let t = Instant::now();
            content.like_scan(&prefix, 50)?;
            like.push(t.elapsed());
        }
    }
    let like = Stats::of(&like);
    emit(
        json!({"bench": "finder", "figure": "search_per_keystroke_ms", "services": SERVICES,
        "queries": fts.n, "with_results": found, "p50": round(fts.p50), "p99": round(fts.p99),
        "max": round(fts.max), "target_p99_ms": 10,
        "note": "FTS5 with the question read into concepts (stopwords, synonyms, typos, compounds), ranked by relevance, open now and distance; one query per keystroke of 50 questions in de, en, ar, uk"}),
    );
    emit(
        json!({"bench": "finder", "figure": "like_scan_per_keystroke_ms", "services": SERVICES,
        "queries": like.n, "p50": round(like.p50), "p99": round(like.p99), "max": round(like.max),
        "ratio_p99_like_to_fts": round(like.p99 / fts.p99),
        "note": "baseline: every word as LIKE '%word%' over the stored services, no ranking, on every fifth question"}),
    );
    emit(
        json!({"bench": "finder", "figure": "memory_added_mb", "services": SERVICES,
        "mb": round(added_kb as f64 / 1024.0), "target_mb": 30,
        "first_search_ms": round(vocabulary_ms),
        "note": "resident memory of a fresh process after opening the 100k directory and running every search, minus before"}),
    );
    drop(content);
    // BENCH_FINDER_KEEP keeps the 100k store for experiments (sqlite3).
    if std::env::var_os("BENCH_FINDER_KEEP").is_some() {
        eprintln!("bench-finder: kept {}", work.display());
    } else {
        let _ = std::fs::remove_dir_all(&work);
    }
    slip_figures()
}

/// Slip PDF generation on the demo pack, German and Arabic, A4.
fn slip_figures() -> Result<()> {
    use kiosk_app::content::Content;
    use kiosk_app::finder::Words;
    use kiosk_app::i18n::Catalog;
    use kiosk_app::language::Language;
    use kiosk_app::slip;

    let dir = std::env::temp_dir().join(format!("anlauf-bench-slip-{}", std::process::id()));
    let content = Content::open(&dir.join("none"), &dir.join("demo"))?;
    let catalog = Catalog::builtin().map_err(|e| anyhow::anyhow!("translations: {e:?}"))?;
    let fonts = slip::Fonts::load(Path::new("/usr/share/fonts/truetype/noto"));
    let service = content
        .service("nachtcafe")
        .context("the demo pack has no nachtcafe")?;
    let origin = Position {
        lat: 51.3397,
        lon: 12.3731,
    };
    let now: jiff::Zoned = "2026-11-25T14:00[Europe/Berlin]".parse()?;
    let mut map = kiosk_app::map::Map::open(content.tiles_path().as_deref());
    for language in [Language::German, Language::Arabic] {
        let mut samples = Vec::new();
        let mut bytes = 0;
        for _ in 0..20 {
            let t = Instant::now();
            let request = slip::Request {
                service: &service,
                words: Words {
                    catalog: &catalog,
                    language,
                },
                content: &content,
                origin,
                now: &now,
                map_png: slip::map_png(&mut map, &service, origin),
                paper: slip::Paper::A4,
            };
            let made = slip::make(&request, &fonts)?;
            samples.push(t.elapsed());
            bytes = made.pdf.len();
        }
        let stats = Stats::of(&samples);
        emit(
            json!({"bench": "finder", "figure": "slip_pdf_ms", "lang": language.tag(),
            "p50": round(stats.p50), "max": round(stats.max), "pdf_bytes": bytes, "target_ms": 300,
            "note": "Typst: words, QR code, map excerpt, layout and PDF of one A4 slip, fonts loaded once"}),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

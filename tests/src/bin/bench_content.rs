//! Content-pack benchmarks: a synthetic pack of 100,000 services in four
//! languages is published, served over HTTP on 127.0.0.1 and synced with the
//! release `content-sync` binary. Prints one JSON line per figure:
//! bytes moved by a one-service edit (against the changed chunks plus
//! metadata), a 100 MB download cut at half and resumed, activation time,
//! the kiosk's start on the new generation, and hash verification speed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anlauf_tests::bench::{emit, round};
use anlauf_tests::http::{Fault, Server};
use anlauf_tests::workspace;
use anyhow::{Result, bail};
use serde_json::json;

const SERVICES: usize = 100_000;
const PER_FILE: usize = 1_000;
const LANGUAGES: [&str; 4] = ["de", "en", "ar", "uk"];

fn release_bin(name: &str) -> Result<PathBuf> {
    let path = workspace::built(name);
    if !path.exists() {
        bail!(
            "{} is missing: run tests/bench (it builds every binary)",
            path.display()
        );
    }
    Ok(path)
}

fn run(command: &mut Command) -> Result<String> {
    let output = command.output()?;
    if !output.status.success() {
        bail!(
            "{command:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn service(i: usize, note: &str) -> String {
    let mut text = format!(
        "[[service]]\nid = \"s{i}\"\nname = \"Beratungsstelle {i}\"\ncategory = \"{}\"\n\
         address = \"Musterweg {}, 04{:03} Leipzig\"\nphone = \"0341 555 {:04}\"\n\
         hours = [{{ days = \"mon-fri\", opens = \"09:00\", closes = \"16:00\" }}]\n[service.summary]\n",
        [
            "sleep",
            "food",
            "health",
            "debts",
            "clothes-showers",
            "documents-post"
        ][i % 6],
        i % 200,
        i % 1000,
        i % 10_000
    );
    let summaries = [
        format!("Beratung und Hilfe {i}, ohne Termin, kostenlos{note}."),
        format!("Advice and help {i}, no appointment, free of charge{note}."),
        format!("استشارة ومساعدة {i}، بدون موعد، مجانًا{note}."),
        format!("Консультація та допомога {i}, без запису, безкоштовно{note}."),
    ];
    for (lang, summary) in LANGUAGES.iter().zip(summaries) {
        text.push_str(&format!("\"{lang}\" = \"{summary}\"\n"));
    }
    text.push('\n');
    text
}

fn write_source(dir: &Path, changed: Option<usize>) -> Result<u64> {
    std::fs::create_dir_all(dir.join("services"))?;
    std::fs::write(
        dir.join("pack.toml"),
        format!("name = \"Synthetic\"\nregion = \"Bench\"\nlanguages = {LANGUAGES:?}\n"),
    )?;
    let mut total = 0;
    for file in 0..SERVICES / PER_FILE {
        let mut text = String::new();
        for i in file * PER_FILE..(file + 1) * PER_FILE {
            text.push_str(&service(
                i,
                if Some(i) == changed {
                    ", jetzt mit Dusche"
                } else {
                    ""
                },
            ));
        }
        total += text.len() as u64;
        std::fs::write(dir.join("services").join(format!("{file:03}.toml")), text)?;
    }
    Ok(total)
}

fn dir_sizes(dir: &Path) -> Result<Vec<(String, u64)>> {
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        sizes.push((
            entry.file_name().to_string_lossy().into_owned(),
            entry.metadata()?.len(),
        ));
    }
    Ok(sizes)
}

struct Setup {
    dir: PathBuf,
    cs: PathBuf,
}

impl Setup {
    fn content_sync(&self) -> Command {
        let mut command = Command::new(&self.cs);
        command.env("RUST_LOG", "warn");
        command
    }

    fn publish(&self, source: &str, repo: &str) -> Result<()> {
        run(self
            .content_sync()
            .arg("publish")
            .arg(self.dir.join(source))
            .arg("--repo")
            .arg(self.dir.join(repo))
            .arg("--keys")
            .arg(self.dir.join(format!("{repo}-keys"))))?;
        Ok(())
    }

    fn init(&self, repo: &str) -> Result<()> {
        run(self
            .content_sync()
            .args(["keys", "init", "--keys"])
            .arg(self.dir.join(format!("{repo}-keys")))
            .arg("--repo")
            .arg(self.dir.join(repo)))?;
        Ok(())
    }

    fn once(&self, store: &str, repo: &str, server: &Server) -> Result<(bool, Duration)> {
        let started = Instant::now();
        let status = self
            .content_sync()
            .args(["once", "--timeout", "20", "--store"])
            .arg(self.dir.join(store))
            .arg("--url")
            .arg(server.url())
            .arg("--trusted-root")
            .arg(self.dir.join(repo).join("metadata/1.root.json"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()?;
        Ok((status.success(), started.elapsed()))
    }
}

fn main() -> Result<()> {
    let temp = std::env::temp_dir().join(format!("anlauf-bench-content-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&temp);
    std::fs::create_dir_all(&temp)?;
    let setup = Setup {
        dir: temp.clone(),
        cs: release_bin("content-sync")?,
    };
    let result = benchmarks(&setup);
    let _ = std::fs::remove_dir_all(&temp);
    result
}

fn benchmarks(s: &Setup) -> Result<()> {
    // 1. The synthetic pack, published and synced.
    let pack_bytes = write_source(&s.dir.join("source"), None)?;
    s.init("repo")?;
    let started = Instant::now();
    s.publish("source", "repo")?;
    let publish_ms = started.elapsed().as_millis();
    let server = Server::start(&s.dir.join("repo"))?;
    let (ok, first) = s.once("store", "repo", &server)?;
    if !ok {
        bail!("the first sync failed");
    }
    emit(
        json!({"bench": "content", "figure": "pack_100k_services", "services": SERVICES,
        "languages": LANGUAGES.len(), "pack_bytes": pack_bytes, "publish_ms": publish_ms,
        "first_sync_ms": first.as_millis(), "first_sync_bytes": server.sent()}),
    );

    // 2. Activation alone: a second store with the chunks already cached.
    std::fs::create_dir_all(s.dir.join("store-b/chunks"))?;
    for (name, _) in dir_sizes(&s.dir.join("store/chunks"))? {
        std::fs::copy(
            s.dir.join("store/chunks").join(&name),
            s.dir.join("store-b/chunks").join(&name),
        )?;
    }
    let before = server.sent();
    let (ok, activation) = s.once("store-b", "repo", &server)?;
    if !ok {
        bail!("the activation run failed");
    }
    emit(
        json!({"bench": "content", "figure": "activation_100k_services_ms",
        "value": activation.as_millis(), "target_ms": 10_000,
        "note": "verify cached chunks, assemble, check the pack, import and index into SQLite, fsync, switch",
        "downloaded_metadata_bytes": server.sent() - before}),
    );

    // 3. One service changed.
    let old_targets: HashSet<String> = dir_sizes(&s.dir.join("repo/targets"))?
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    write_source(&s.dir.join("source"), Some(54_321))?;
    s.publish("source", "repo")?;
    let mut changed_chunks = 0;
    let mut changed_other = 0;
    for (name, size) in dir_sizes(&s.dir.join("repo/targets"))? {
        if !old_targets.contains(&name) {
            if name.contains(".chunk-") {
                changed_chunks += size;
            } else {
                changed_other += size;
            }
        }
    }
    let metadata: u64 = ["timestamp.json", "2.snapshot.json", "2.targets.json"]
        .iter()
        .map(|name| {
            std::fs::metadata(s.dir.join("repo/metadata").join(name))
                .map(|m| m.len())
                .unwrap_or(0)
        })
        .sum();
    let before = server.sent();
    let (ok, _) = s.once("store", "repo", &server)?;
    if !ok {
        bail!("the delta sync failed");
    }
    let moved = server.sent() - before;
    let floor = changed_chunks + changed_other + metadata;
    emit(
        json!({"bench": "content", "figure": "one_service_changed", "downloaded_bytes": moved,
        "changed_chunk_bytes": changed_chunks, "manifest_and_index_bytes": changed_other,
        "metadata_bytes": metadata, "ratio_to_changed_plus_metadata": round(moved as f64 / floor as f64 * 100.0) / 100.0,
        "target_ratio": 1.1, "ratio_to_pack": round(moved as f64 / pack_bytes as f64 * 10_000.0) / 10_000.0}),
    );

    // 4. The kiosk on the new generation: start to first frame of the help
    //    screen, against the built-in demo pack.
    if let Ok(kiosk) = release_bin("kiosk-app") {
        for (label, store) in [
            ("demo_pack", s.dir.join("no-store")),
            ("pack_100k", s.dir.join("store")),
        ] {
            let site = s.dir.join(format!("site-{label}.toml"));
            std::fs::write(
                &site,
                format!("[content]\nstore = \"{}\"\n", store.display()),
            )?;
            let mut samples = Vec::new();
            for _ in 0..5 {
                let started = Instant::now();
                run(Command::new(&kiosk)
                    .env("XDG_RUNTIME_DIR", &s.dir)
                    .arg("--site")
                    .arg(&site)
                    .args(["--screenshot", "help", "--lang", "de", "--size", "1366x768"])
                    .arg(s.dir.join("shot.png")))?;
                samples.push(started.elapsed());
            }
            let stats = anlauf_tests::bench::Stats::of(&samples);
            emit(
                json!({"bench": "content", "figure": "kiosk_help_screen_from_start_ms", "content": label,
                "p50": round(stats.p50), "max": round(stats.max), "n": stats.n,
                "target_ms": 200, "note": "a new process per session opens the current generation and renders the help screen headless"}),
            );
        }
    }

    // 5. Hash verification of the local store.
    let started = Instant::now();
    let out = run(s
        .content_sync()
        .arg("verify")
        .arg("--store")
        .arg(s.dir.join("store")))?;
    let seconds = started.elapsed().as_secs_f64();
    let bytes: f64 = out
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    emit(
        json!({"bench": "content", "figure": "store_hash_verification_mb_per_s",
        "value": round(bytes / 1e6 / seconds), "bytes": bytes}),
    );

    // 6. A 100 MB download cut at half, then resumed.
    let big = s.dir.join("big");
    std::fs::create_dir_all(big.join("tiles"))?;
    std::fs::write(
        big.join("pack.toml"),
        "name = \"Big\"\nregion = \"Bench\"\nlanguages = [\"de\"]\n",
    )?;
    let mut bytes = b"SQLite format 3\0".to_vec();
    let mut state: u64 = 0x9e3779b97f4a7c15;
    bytes.extend((0..100_000_000usize - 16).map(|_| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as u8
    }));
    std::fs::write(big.join("tiles/big.mbtiles"), &bytes)?;
    drop(bytes);
    s.init("big-repo")?;
    s.publish("big", "big-repo")?;
    let chunks = dir_sizes(&s.dir.join("big-repo/targets"))?
        .iter()
        .filter(|(n, _)| n.contains(".chunk-"))
        .count();
    let big_server = Server::start(&s.dir.join("big-repo"))?;
    big_server.fault(".chunk-", Fault::FailAfter((chunks / 2) as u32));
    let (ok, _) = s.once("big-store", "big-repo", &big_server)?;
    if ok {
        bail!("the cut download did not fail");
    }
    let first_half = big_server.sent();
    let cached: u64 = dir_sizes(&s.dir.join("big-store/chunks"))?
        .iter()
        .map(|(_, size)| size)
        .sum();
    big_server.heal();
    let (ok, _) = s.once("big-store", "big-repo", &big_server)?;
    if !ok {
        bail!("the resumed download failed");
    }
    let second = big_server.sent() - first_half;
    let missing = 100_000_000u64.saturating_sub(cached);
    let metadata: u64 = dir_sizes(&s.dir.join("big-repo/metadata"))?
        .iter()
        .filter(|(name, _)| {
            name.starts_with("1.targets")
                || name.starts_with("1.snapshot")
                || name == "timestamp.json"
        })
        .map(|(_, size)| size)
        .sum::<u64>()
        + dir_sizes(&s.dir.join("big-repo/targets"))?
            .iter()
            .filter(|(name, _)| name.contains(".pack.json"))
            .map(|(_, size)| size)
            .sum::<u64>();
    let beyond = second as i64 - missing as i64 - metadata as i64;
    emit(
        json!({"bench": "content", "figure": "resume_after_cut_at_half", "file_bytes": 100_000_000u64,
        "chunks": chunks, "before_cut_bytes": first_half, "cached_before_resume_bytes": cached,
        "after_cut_bytes": second, "missing_bytes": missing, "metadata_bytes": metadata,
        "beyond_missing_and_metadata_bytes": beyond, "largest_chunk_bytes": 262_144,
        "target": "at most the missing part plus one chunk, besides metadata"}),
    );
    Ok(())
}

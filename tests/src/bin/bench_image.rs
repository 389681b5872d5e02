//! The image builder's figures (issue 7): the full build of the example
//! site from the source tree (release packages, mmdebstrap from Debian's
//! archive), the image's raw and compressed size with the share of each
//! large package, what differs between two builds of the same inputs, and
//! the boot time from QEMU's start to the attract screen (KVM where it runs
//! guests, software emulation otherwise, said in the figure).
//!
//! Needs root. Prints one JSON line per figure.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anlauf_tests::bench::{emit, round};
use anlauf_tests::workspace;
use anyhow::{Context as _, Result, bail};
use serde_json::{Value, json};

/// Builds the example site into `out`, signing with the key in `key` (made
/// there when missing).
fn build(out: &Path, key: &Path) -> Result<f64> {
    let _ = std::fs::remove_dir_all(out);
    let started = Instant::now();
    let status = Command::new(workspace::built("image-builder"))
        .current_dir(workspace::root())
        .arg("build")
        .arg("image-builder/examples/site.toml")
        .arg("--out")
        .arg(out)
        .arg("--key")
        .arg(key)
        .env("SOURCE_DATE_EPOCH", "1796083200")
        .stdout(std::process::Stdio::null())
        .status()
        .context("image-builder")?;
    if !status.success() {
        bail!("image-builder build failed");
    }
    Ok(started.elapsed().as_secs_f64())
}

fn report(out: &Path) -> Result<Value> {
    Ok(serde_json::from_slice(&std::fs::read(
        out.join("report.json"),
    )?)?)
}

fn image_of(out: &Path) -> Result<std::path::PathBuf> {
    std::fs::read_dir(out)?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "img"))
        .context("no image in the output")
}

/// SHA-256 of each partition of `image` (sfdisk's table), by name.
fn partition_hashes(image: &Path) -> Result<Vec<(String, String)>> {
    let table: Value = serde_json::from_slice(
        &Command::new("sfdisk")
            .arg("--json")
            .arg(image)
            .output()?
            .stdout,
    )?;
    let mut hashes = Vec::new();
    let mut file = std::fs::File::open(image)?;
    for part in table["partitiontable"]["partitions"]
        .as_array()
        .context("no partitions")?
    {
        use std::io::{Read as _, Seek as _};
        let start = part["start"].as_u64().unwrap_or(0) * 512;
        let size = part["size"].as_u64().unwrap_or(0) * 512;
        file.seek(std::io::SeekFrom::Start(start))?;
        let mut context = aws_lc_rs::digest::Context::new(&aws_lc_rs::digest::SHA256);
        let mut left = size;
        let mut buffer = vec![0u8; 1 << 20];
        while left > 0 {
            let n = file.read(&mut buffer[..left.min(1 << 20) as usize])?;
            if n == 0 {
                break;
            }
            context.update(&buffer[..n]);
            left -= n as u64;
        }
        let name = part["name"].as_str().unwrap_or("?").to_owned();
        hashes.push((name, hex::encode(context.finish().as_ref())));
    }
    Ok(hashes)
}

fn main() -> Result<()> {
    if !workspace::running_as_root() {
        bail!("bench-image needs root (mmdebstrap)");
    }
    let base = workspace::root().join("target/bench-image");
    let (a, b) = (base.join("a"), base.join("b"));

    let key = a.join("signing-key");
    let seconds = build(&a, &key)?;
    let first = report(&a)?;
    let mb = |v: &Value| round(v.as_u64().unwrap_or(0) as f64 / 1024.0 / 1024.0);
    emit(
        json!({"bench": "image", "figure": "full_build_s", "seconds": round(seconds),
        "target_s": 900, "note": "image-builder build of the example site: release packages with cargo-deb, site package, signed repository, mmdebstrap trixie from deb.debian.org (no apt cache), file systems, zstd; 2 cores"}),
    );
    let packages = first["packages"].as_array().cloned().unwrap_or_default();
    let installed_kib: u64 = packages
        .iter()
        .filter_map(|p| p["installed_kib"].as_u64())
        .sum();
    let large: Vec<Value> = packages
        .iter()
        .filter(|p| p["installed_kib"].as_u64().unwrap_or(0) >= 10 * 1024)
        .map(|p| {
            let kib = p["installed_kib"].as_u64().unwrap_or(0);
            json!({"package": p["name"], "mb": round(kib as f64 / 1024.0),
                "share_percent": round(kib as f64 * 100.0 / installed_kib.max(1) as f64)})
        })
        .collect();
    emit(
        json!({"bench": "image", "figure": "image_size_mb", "raw_mb": mb(&first["raw_bytes"]),
        "compressed_mb": mb(&first["compressed_bytes"]), "installed_mb": round(installed_kib as f64 / 1024.0),
        "packages": packages.len(), "target_compressed_mb": 600, "browser_included": false,
        "large_packages": large,
        "note": "zstd -12 of the raw image; the browser of the later browsing issue is not in it yet"}),
    );

    // The same inputs again: what differs?
    build(&b, &key)?;
    let second = report(&b)?;
    let list = |r: &Value| -> Vec<String> {
        r["packages"]
            .as_array()
            .map(|ps| {
                let mut names: Vec<String> = ps
                    .iter()
                    .map(|p| {
                        format!(
                            "{} {}",
                            p["name"].as_str().unwrap_or(""),
                            p["version"].as_str().unwrap_or("")
                        )
                    })
                    .collect();
                names.sort();
                names
            })
            .unwrap_or_default()
    };
    let (la, lb) = (list(&first), list(&second));
    let only_a: Vec<&String> = la.iter().filter(|p| !lb.contains(p)).collect();
    let only_b: Vec<&String> = lb.iter().filter(|p| !la.contains(p)).collect();
    let (ha, hb) = (
        partition_hashes(&image_of(&a)?)?,
        partition_hashes(&image_of(&b)?)?,
    );
    let differing: Vec<&String> = ha
        .iter()
        .zip(&hb)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| &x.0)
        .collect();
    let sums = |out: &Path| std::fs::read_to_string(out.join("SHA256SUMS")).unwrap_or_default();
    let same_image = !sums(&a).is_empty() && sums(&a) == sums(&b);
    emit(
        json!({"bench": "image", "figure": "reproducibility", "same_package_list": only_a.is_empty() && only_b.is_empty(),
        "same_image": same_image,
        "only_first": only_a, "only_second": only_b, "partitions_differing": differing,
        "note": "two builds of the same site file, signing key and SOURCE_DATE_EPOCH from the mirror's current state (snapshot.debian.org is not reachable here); a partition is named when any byte of it differs; same_image: SHA256SUMS (raw and compressed image) equal"}),
    );

    // Boot it.
    let output = Command::new(workspace::built("image-builder"))
        .arg("boot-test")
        .arg(image_of(&a)?)
        .output()
        .context("image-builder boot-test")?;
    if !output.status.success() {
        bail!(
            "boot-test failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    for line in String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| l.starts_with('{'))
    {
        let r: Value = serde_json::from_str(line)?;
        emit(
            json!({"bench": "image", "figure": "boot_to_attract_s", "firmware": r["firmware"], "accel": r["accel"],
            "seconds": r["attract_s"], "kiosk_service_started_s": r["kiosk_started_s"],
            "touch_to_session_s": r["touch_to_session_s"], "reboot_to_attract_s": r["reboot_attract_s"],
            "target_s_with_kvm": 10,
            "note": "QEMU start to the attract screen on the VM's screen (screen dumps every 0.5 s); the kiosk service's start is the baseline without the session"}),
        );
    }
    let _ = std::fs::remove_dir_all(&base);
    Ok(())
}

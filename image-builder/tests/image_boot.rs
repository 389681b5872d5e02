//! The whole way an IT person goes, with real parts: the example site file
//! becomes packages, a signed repository and a Debian 13 disk image made by
//! mmdebstrap from Debian's archive; the image boots in QEMU with UEFI and
//! with legacy BIOS into the kiosk (`image-builder boot-test`: the kiosk
//! service active, the attract screen on the VM's screen, a touch through
//! the virtio tablet starts a session, a reboot loses /home and /var/tmp and
//! keeps the content partition, which has grown to the disk).
//!
//! Then the same image updates itself (`image_builder::boot::update`): the
//! site file is the example's with `update.url = "http://10.0.2.100/"`, the
//! address under which the VM's restricted user network reaches the test's
//! HTTP server serving the build's own signed repository. A power loss in
//! the middle of an update leaves the device booting into the kiosk from
//! its old slot; then the device installs anlauf-kiosk 0.1.0-2 (repacked)
//! into slot b, reboots by itself and runs it; a running session holds a
//! later update back until it ends; the updated disk started with legacy
//! BIOS runs slot b too.
//!
//! The suite builds the same image as IT staff do, from the packages of the
//! suite's own (debug) build; it leaves out nothing but the release build of
//! the binaries. Without KVM (or where /dev/kvm cannot run firmware) the
//! boots use software emulation and take minutes: here (2 cores, TCG) the
//! build takes about 2.5 minutes, the UEFI and BIOS boot tests about 4.5
//! minutes each and the update scenario (on UEFI, then one boot with
//! legacy BIOS) about 13 minutes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use anlauf_tests::workspace;
use image_builder::boot::{self, Accel};
use image_builder::repo::{Repository, SigningKey};

/// `cargo deb` for `crate_name` into `out` from the suite's binaries.
fn package(crate_name: &str, out: &Path) {
    workspace::debian_package(crate_name, out).unwrap_or_else(|e| panic!("{e}"));
}

fn image_builder() -> Command {
    Command::new(workspace::built("image-builder"))
}

fn sfdisk_json(image: &Path) -> serde_json::Value {
    let output = Command::new("sfdisk")
        .arg("--json")
        .arg(image)
        .output()
        .unwrap();
    assert!(output.status.success(), "sfdisk --json");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The ESP's files, listed by mtools straight from the image.
fn esp_files(image: &Path, offset_bytes: u64) -> String {
    let output = Command::new("mdir")
        .args(["-/", "-a", "-b", "-i"])
        .arg(format!("{}@@{offset_bytes}", image.display()))
        .arg("::/")
        .env("MTOOLS_SKIP_CHECK", "1")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "mdir: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `deb` repacked as the next revision (0.1.0-1 → 0.1.0-2) into `out`.
fn next_revision(deb: &Path, out: &Path) -> PathBuf {
    workspace::next_revision(deb, out).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_example_site_becomes_an_image_that_boots_on_uefi_and_bios_and_updates_itself() {
    if !workspace::running_as_root() {
        eprintln!("skipped: building an image needs root (mmdebstrap, device files)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let debs = dir.path().join("debs");
    std::fs::create_dir_all(&debs).unwrap();
    package("kiosk-app", &debs);
    package("content-sync", &debs);
    let out = dir.path().join("out");
    // The example site, updating from the test's server as the VM sees it.
    let example =
        std::fs::read_to_string(workspace::root().join("image-builder/examples/site.toml"))
            .unwrap();
    let with_url = example.replace(
        "url = \"https://updates.example.org/anlauf/leipzig-ost/\"",
        &format!("url = \"http://{}/\"", boot::qemu::GUEST_SERVER),
    );
    assert_ne!(with_url, example, "the example site names its update URL");
    let site = dir.path().join("site.toml");
    std::fs::write(&site, with_url).unwrap();

    let started = std::time::Instant::now();
    let output = image_builder()
        .arg("build")
        .arg(&site)
        .arg("--out")
        .arg(&out)
        .arg("--packages")
        .arg(&debs)
        .env("SOURCE_DATE_EPOCH", "1796083200")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "image-builder build: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    eprintln!("built in {:.0} s", started.elapsed().as_secs_f64());

    // What the build leaves: the image, its compressed copy, their sums, the
    // report and the signed repository with the site's package in it.
    let name = "tagestreff-leipzig-ost";
    let image = out.join(format!("anlauf-{name}.img"));
    assert!(image.is_file());
    assert!(out.join(format!("anlauf-{name}.img.zst")).is_file());
    let sums = Command::new("sha256sum")
        .args(["--check", "--quiet", "SHA256SUMS"])
        .current_dir(&out)
        .status()
        .unwrap();
    assert!(sums.success(), "SHA256SUMS matches the files");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let packages: Vec<&str> = report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for wanted in [
        "anlauf-kiosk",
        "anlauf-content-sync",
        "anlauf-site-tagestreff-leipzig-ost",
        "linux-image-amd64",
        "sway",
        "libpam-systemd",
        "iwd",
    ] {
        assert!(packages.contains(&wanted), "{wanted} is in the image");
    }
    for absent in ["openssh-server", "xwayland"] {
        assert!(!packages.contains(&absent), "{absent} is not in the image");
    }
    let compressed = report["compressed_bytes"].as_u64().unwrap();
    let raw = report["raw_bytes"].as_u64().unwrap();
    eprintln!(
        "raw {} MiB, compressed {} MiB, {} packages",
        raw >> 20,
        compressed >> 20,
        packages.len()
    );
    assert!(
        compressed < 600 << 20,
        "the compressed image stays under 600 MB"
    );
    let repo = out.join("repo");
    assert!(repo.join("dists/trixie/InRelease").is_file());
    assert!(
        std::fs::read_dir(repo.join("pool/main"))
            .unwrap()
            .flatten()
            .any(|e| e
                .file_name()
                .to_string_lossy()
                .starts_with("anlauf-site-tagestreff"))
    );
    // The signing key stays beside the repository, never in it.
    assert!(out.join("signing-key").is_dir());
    let in_repo = Command::new("grep")
        .args(["-r", "-l", "PRIVATE KEY"])
        .arg(&repo)
        .output()
        .unwrap();
    assert!(
        in_repo.stdout.is_empty(),
        "no private key in the repository"
    );

    // The disk: GPT with the ESP marked legacy-BIOS bootable, two root
    // slots and the content partition last.
    let table = sfdisk_json(&image);
    let partitions = table["partitiontable"]["partitions"].as_array().unwrap();
    let names: Vec<&str> = partitions
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["esp", "anlauf-root-a", "anlauf-root-b", "anlauf-content"]
    );
    assert_eq!(table["partitiontable"]["label"], "gpt");
    assert!(
        partitions[0]["attrs"]
            .as_str()
            .unwrap_or("")
            .contains("LegacyBIOSBootable")
    );
    let esp_offset = partitions[0]["start"].as_u64().unwrap() * 512;
    let files = esp_files(&image, esp_offset);
    for wanted in [
        "::/EFI/BOOT/BOOTX64.EFI",
        "::/loader/entries/anlauf-a.conf",
        "::/syslinux/ldlinux.sys",
        "::/syslinux/syslinux.cfg",
        "::/vmlinuz-a",
        "::/initrd-a.img",
    ] {
        assert!(files.contains(wanted), "{wanted} on the ESP: {files}");
    }
    let mbr = std::fs::read(&image).map(|b| b[..440].to_vec()).unwrap();
    let gptmbr = std::fs::read("/usr/lib/syslinux/mbr/gptmbr.bin").unwrap();
    assert_eq!(mbr, gptmbr[..440], "syslinux's GPT boot code in the MBR");

    // Boot it, both ways.
    let work: PathBuf = dir.path().join("boot");
    let output = image_builder()
        .arg("boot-test")
        .arg(&image)
        .arg("--work")
        .arg(&work)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    eprintln!("{stdout}");
    assert!(
        output.status.success(),
        "image-builder boot-test: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reports: Vec<serde_json::Value> = stdout
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let firmwares: Vec<&str> = reports
        .iter()
        .filter_map(|r| r["firmware"].as_str())
        .collect();
    assert_eq!(firmwares, ["uefi", "bios"]);
    for report in &reports {
        assert!(report["content_mib"].as_u64().unwrap() > 4096, "{report}");
    }

    // The device updates itself from the build's repository (on UEFI; then
    // the updated disk boots with legacy BIOS).
    let server = anlauf_tests::http::Server::start(&repo).unwrap();
    let port: u16 = server
        .url()
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let accel = if boot::qemu::kvm_works(dir.path()) {
        Accel::Kvm
    } else {
        Accel::Tcg
    };
    let kiosk_deb = std::fs::read_dir(&debs)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("anlauf-kiosk_0.1.0-1"))
        .expect("the kiosk's package");
    let publish = || {
        let next = next_revision(&kiosk_deb, &dir.path().join("next"));
        let key = SigningKey::open_or_create(&out.join("signing-key"), "unused")
            .map_err(|e| e.to_string())?;
        Repository::publish(&repo, "trixie", &[next], &key)
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    let started = std::time::Instant::now();
    let report = boot::update::run(
        &image,
        accel,
        &dir.path().join("update"),
        port,
        publish,
        "0.1.0-2",
    )
    .unwrap_or_else(|e| panic!("the update scenario: {e}"));
    eprintln!(
        "update scenario in {:.0} s: {}",
        started.elapsed().as_secs_f64(),
        serde_json::to_string(&report).unwrap()
    );
}

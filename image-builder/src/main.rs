//! `image-builder`: from one site file to Debian packages, a signed apt
//! repository and a bootable disk image; flashing and boot tests.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

/// Builds, checks, flashes and boot-tests Anlauf kiosk images.
#[derive(Debug, Parser)]
#[command(name = "image-builder", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Reports every problem of a site file with its key and line.
    Check {
        /// The site file.
        site: PathBuf,
    },
    /// Reads an assist-mode PIN and prints its argon2 hash for the site file.
    Pin,
    /// Prints every setting of the site file with its type, default and help.
    #[command(after_long_help = image_builder::site::reference())]
    Config,
    /// Builds the packages, the signed apt repository and the disk image.
    Build {
        /// The site file.
        site: PathBuf,
        /// Where the results go.
        #[arg(long)]
        out: PathBuf,
        /// The folder of the repository's signing key (default OUT/signing-key).
        /// Keep it safe: every update of the site's devices is signed with it.
        #[arg(long)]
        key: Option<PathBuf>,
        /// A folder with ready-made anlauf-kiosk and anlauf-content-sync
        /// packages; without it they are built from the source tree.
        #[arg(long)]
        packages: Option<PathBuf>,
    },
    /// Writes an image to a disk, then reads it back and compares.
    Flash {
        /// The raw disk image.
        image: PathBuf,
        /// The disk to write, for example /dev/sdb.
        device: PathBuf,
    },
    /// Boots an image in QEMU (UEFI and BIOS) and checks the kiosk comes up.
    BootTest {
        /// The raw disk image.
        image: PathBuf,
        /// Which firmware to boot with.
        #[arg(long, value_enum, default_value = "both")]
        firmware: FirmwareChoice,
        /// Force software emulation even where KVM works.
        #[arg(long)]
        no_kvm: bool,
        /// Where the overlays, logs and screen dumps go (default: a new
        /// folder under /tmp, removed after a pass).
        #[arg(long)]
        work: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ANLAUF_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("image-builder: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Check { site } => cmd_check(&site),
        Command::Pin => cmd_pin(),
        Command::Config => cmd_config(),
        Command::Build {
            site,
            out,
            key,
            packages,
        } => cmd_build(&site, &out, key, packages),
        Command::Flash { image, device } => cmd_flash(&image, &device),
        Command::BootTest {
            image,
            firmware,
            no_kvm,
            work,
        } => cmd_boot_test(&image, firmware, no_kvm, work),
    }
}

// Each command's body lives in its own function so that the modules can be
// written side by side.

fn cmd_check(site: &std::path::Path) -> Result<ExitCode> {
    use std::io::Write as _;
    match image_builder::site::check(site) {
        Ok(checked) => {
            let line = image_builder::site::summary(site, &checked);
            writeln!(std::io::stdout(), "{line}")?;
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            let mut stderr = std::io::stderr().lock();
            for line in problems.lines() {
                writeln!(stderr, "{line}")?;
            }
            let count = problems.problems.len();
            let noun = if count == 1 { "problem" } else { "problems" };
            writeln!(stderr, "{}: {count} {noun}", site.display())?;
            Ok(ExitCode::FAILURE)
        }
    }
}

fn cmd_pin() -> Result<ExitCode> {
    use std::io::{IsTerminal as _, Write as _};
    let hash = image_builder::site::read_pin_hash()?;
    let mut stdout = std::io::stdout();
    if stdout.is_terminal() {
        writeln!(
            std::io::stderr(),
            "Paste this line under [assist] in the site file:"
        )?;
    }
    writeln!(stdout, "{}", image_builder::site::pin_line(&hash))?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_config() -> Result<ExitCode> {
    use std::io::Write as _;
    std::io::stdout().write_all(image_builder::site::reference().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_build(
    site: &std::path::Path,
    out: &std::path::Path,
    key: Option<PathBuf>,
    packages: Option<PathBuf>,
) -> Result<ExitCode> {
    use std::io::Write as _;
    let epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .parse()
            .map_err(|_| anyhow::anyhow!("SOURCE_DATE_EPOCH is not a number: {value}"))?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs(),
    };
    let options = image_builder::pipeline::Options {
        out: out.to_owned(),
        key: key.unwrap_or_else(|| out.join("signing-key")),
        packages,
        epoch,
    };
    let built = image_builder::pipeline::build(site, &options)?;
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "{}",
        built
            .report
            .text()
            .lines()
            .take(20)
            .collect::<Vec<_>>()
            .join("\n")
    )?;
    writeln!(stdout, "image: {}", built.image.display())?;
    writeln!(stdout, "compressed: {}", built.compressed.display())?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_flash(image: &std::path::Path, device: &std::path::Path) -> Result<ExitCode> {
    use image_builder::flash;
    use std::io::{IsTerminal as _, Write as _};

    let plan = flash::check(image, device)?;
    let stderr = std::io::stderr();
    let terminal = stderr.is_terminal();
    let mut progress = flash::Progress::new(stderr.lock(), terminal);
    let verified = flash::write_and_verify(&plan, &mut progress)?;
    let (image, device) = (image.display(), device.display());
    let mut out = std::io::stdout().lock();
    writeln!(out, "image  sha256 {}  {image}", verified.image_sha256)?;
    writeln!(out, "device sha256 {}  {device}", verified.device_sha256)?;
    let bytes = verified.bytes;
    writeln!(out, "verified: {device} holds the image ({bytes} bytes)")?;
    Ok(ExitCode::SUCCESS)
}

/// Which firmware `boot-test` boots with.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FirmwareChoice {
    /// UEFI (OVMF).
    Uefi,
    /// Legacy BIOS (SeaBIOS).
    Bios,
    /// One boot with each.
    Both,
}

fn cmd_boot_test(
    image: &std::path::Path,
    firmware: FirmwareChoice,
    no_kvm: bool,
    work: Option<PathBuf>,
) -> Result<ExitCode> {
    use image_builder::boot::{self, Accel, Firmware};
    use std::io::Write as _;
    let firmwares: &[Firmware] = match firmware {
        FirmwareChoice::Uefi => &[Firmware::Uefi],
        FirmwareChoice::Bios => &[Firmware::Bios],
        FirmwareChoice::Both => &[Firmware::Uefi, Firmware::Bios],
    };
    let keep = work.is_some();
    let dir = work.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("anlauf-boot-test-{}", std::process::id()))
    });
    let accel = no_kvm.then_some(Accel::Tcg);
    let reports = boot::run(image, firmwares, accel, &dir)
        .map_err(|e| anyhow::anyhow!("{e}\n(logs and screen dumps: {})", dir.display()))?;
    let mut stdout = std::io::stdout().lock();
    for report in &reports {
        writeln!(
            stdout,
            "{} ({}): kiosk started {:.1} s, attract screen {:.1} s, touch to session {:.1} s, content partition {} MiB, back after reboot {:.1} s: passed",
            report.firmware,
            report.accel,
            report.kiosk_started_s,
            report.attract_s,
            report.touch_to_session_s,
            report.content_mib,
            report.reboot_attract_s
        )?;
        writeln!(stdout, "{}", serde_json::to_string(report)?)?;
    }
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(ExitCode::SUCCESS)
}

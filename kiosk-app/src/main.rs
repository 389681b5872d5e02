//! The kiosk binary: the supervisor that gives every visitor a fresh process,
//! the kiosk window itself, and a headless screenshot mode.

mod ui;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::Parser;

use kiosk_app::config::{self, schema};
use kiosk_app::display::{Contrast, TextSize};
use kiosk_app::language::Language;
use kiosk_app::supervisor::{self, ChildSpec};
use kiosk_app::tool;

/// Anlauf kiosk: a public touchscreen that forgets every visitor.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Show a 1366x768 window instead of the full screen (development, demos).
    #[arg(long)]
    windowed: bool,
    /// The site configuration.
    #[arg(long, value_name = "PATH", default_value = config::DEFAULT_PATH, env = "ANLAUF_SITE")]
    site: PathBuf,
    /// Render one screen without a display into OUT.png and exit.
    #[arg(long, value_enum, value_name = "SCREEN", requires = "out")]
    screenshot: Option<ui::run::Shot>,
    /// The language of the screenshot (a shipped language code).
    #[arg(long, default_value = "de")]
    lang: String,
    /// The size of the screenshot in logical pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "1366x768")]
    size: String,
    /// Text size of the screenshot in percent: 100, 150 or 200.
    #[arg(long, default_value_t = 100)]
    text_size: u32,
    /// High-contrast palette in the screenshot.
    #[arg(long)]
    high_contrast: bool,
    /// Print a site.toml with every setting, its default and its help, and exit.
    #[arg(long)]
    print_site_reference: bool,
    /// Internal: run one kiosk process under the supervisor.
    #[arg(long, hide = true)]
    session_child: bool,
    /// Where the screenshot goes.
    #[arg(value_name = "OUT.png")]
    out: Option<PathBuf>,
}

fn main() -> ExitCode {
    tool::logs("info");
    let result = run(Cli::parse()).map(|code| ExitCode::from(u8::try_from(code).unwrap_or(1)));
    tool::exit("kiosk-app", result)
}

fn run(cli: Cli) -> anyhow::Result<i32> {
    if cli.print_site_reference {
        #[allow(clippy::print_stdout)]
        {
            print!("{}", schema::reference());
        }
        return Ok(0);
    }
    if let Some(shot) = cli.screenshot {
        let out = cli.out.as_deref().context("--screenshot needs OUT.png")?;
        return screenshot(&cli, shot, out).map(|()| 0);
    }
    if cli.session_child {
        let loaded = config::load(&cli.site);
        let mode = if cli.windowed {
            ui::run::Mode::Windowed
        } else {
            ui::run::Mode::Kiosk
        };
        return ui::run::run(loaded, mode).context("the kiosk window failed");
    }
    supervise(&cli)
}

/// Runs kiosk processes one after another (a fresh one per visitor).
fn supervise(cli: &Cli) -> anyhow::Result<i32> {
    let program = supervisor::program_path(
        std::env::current_exe().context("cannot find the kiosk program itself")?,
    );
    let mut args: Vec<OsString> = vec![
        "--session-child".into(),
        "--site".into(),
        cli.site.clone().into(),
    ];
    if cli.windowed {
        args.push("--windowed".into());
    }
    let mut spec = ChildSpec {
        program,
        args,
        env: Vec::new(),
        heartbeat: Some(supervisor::HUNG_AFTER),
        end_grace: supervisor::END_GRACE,
    };
    tool::block_on(async {
        // Inside sway (the device), close any window that is not the
        // kiosk's own for as long as the compositor runs; when the
        // compositor ends, stop as on SIGTERM (the kiosk with it).
        if let Some(socket) = std::env::var_os("SWAYSOCK") {
            tokio::spawn(async move {
                let allowed = [kiosk_app::compositor::KIOSK_APP_ID];
                let ended =
                    kiosk_app::compositor::guard(std::path::Path::new(&socket), &allowed).await;
                if let Err(error) = ended {
                    tracing::error!(%error, "the compositor guard stopped; stopping the kiosk");
                }
                let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGTERM);
            });
        }
        // org.anlauf.Kiosk1 on the system bus; without it (a developer's
        // machine) the kiosk runs on and reads the input devices itself.
        let (link, remote) = supervisor::link();
        let builder = zbus::connection::Builder::system();
        let _bus = match kiosk_app::bus::serve(builder, remote).await {
            Ok(connection) => {
                spec.env
                    .push((supervisor::IDLE_FROM_SUPERVISOR_ENV.into(), "1".into()));
                Some(connection)
            }
            Err(error) => {
                tracing::warn!(%error, "running without org.anlauf.Kiosk1; the kiosk reads the input devices itself");
                None
            }
        };
        supervisor::run(spec, link)
            .await
            .context("the supervisor failed")
    })?;
    Ok(0)
}

fn screenshot(cli: &Cli, shot: ui::run::Shot, out: &std::path::Path) -> anyhow::Result<()> {
    let language: Language = cli
        .lang
        .parse()
        .with_context(|| format!("--lang {}", cli.lang))?;
    let (width, height) = parse_size(&cli.size)?;
    let text_size = match cli.text_size {
        100 => TextSize::Normal,
        150 => TextSize::Large,
        200 => TextSize::Largest,
        other => bail!("--text-size {other}: choose 100, 150 or 200"),
    };
    let contrast = if cli.high_contrast {
        Contrast::High
    } else {
        Contrast::Normal
    };
    let loaded = config::load(&cli.site);
    let exit_code = std::sync::Arc::new(std::sync::atomic::AtomicI32::new(0));
    let mut kiosk = ui::Kiosk::new(ui::run::context(&loaded, exit_code));
    kiosk.walk_to(shot, language, text_size, contrast);
    let frame = ui::screenshot::render(&kiosk, iced::Size::new(width, height))?;
    ui::screenshot::save(&frame, out)?;
    tracing::info!(screen = ?shot, out = %out.display(), "screenshot written");
    Ok(())
}

fn parse_size(size: &str) -> anyhow::Result<(f32, f32)> {
    let (w, h) = size
        .split_once(['x', 'X'])
        .with_context(|| format!("--size {size}: expected WIDTHxHEIGHT"))?;
    let width: u32 = w
        .trim()
        .parse()
        .with_context(|| format!("--size {size}: bad width"))?;
    let height: u32 = h
        .trim()
        .parse()
        .with_context(|| format!("--size {size}: bad height"))?;
    if !(320..=7680).contains(&width) || !(240..=4320).contains(&height) {
        bail!("--size {size}: outside 320x240 to 7680x4320");
    }
    Ok((width as f32, height as f32))
}

//! Starting the kiosk window, and walking a fresh kiosk to a screen (for
//! screenshots and tests) the way a visitor would get there.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use iced::{Size, Task};

use kiosk_app::config::Loaded;
use kiosk_app::content::{self, Content};
use kiosk_app::display::{Contrast, TextSize};
use kiosk_app::i18n::Catalog;
use kiosk_app::keyboard::Key;
use kiosk_app::language::Language;
use kiosk_app::supervisor::EXIT_SESSION_ENDED;

use super::notice::StaffNotice;
use super::screen::{help, home};
use super::{Context, Kiosk, Message, fonts, subscriptions, theme, topbar};

/// How the window is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Full screen without decorations: the device.
    Kiosk,
    /// A 1366x768 window: development and demos.
    Windowed,
}

/// The window's application id, by which the compositor guard knows the
/// kiosk's own window.
fn platform() -> iced::window::settings::PlatformSpecific {
    iced::window::settings::PlatformSpecific {
        application_id: kiosk_app::compositor::KIOSK_APP_ID.to_owned(),
        ..Default::default()
    }
}

/// Builds the context every kiosk process starts from: configuration,
/// translations, content, and the staff notices about them.
pub fn context(loaded: &Loaded, exit_code: Arc<AtomicI32>) -> Context {
    let (catalog, i18n_problems) = Catalog::lenient();
    let content = match Content::open(
        &loaded.parsed.config.content_store,
        &content::demo_store_dir(),
    ) {
        Ok(content) => {
            tracing::info!(version = content.version, origin = ?content.origin, "content opened");
            Some(content)
        }
        Err(error) => {
            tracing::error!(%error, "no content can be shown, not even the built-in demo pack");
            None
        }
    };
    let mut ctx = Context::new(loaded, catalog, content, exit_code);
    for problem in i18n_problems {
        tracing::error!(%problem, "translation problem");
        ctx.add_notice(StaffNotice::Translation(problem.to_string()));
    }
    for problem in &loaded.parsed.problems {
        tracing::warn!(path = %loaded.path.display(), %problem, "site configuration problem");
    }
    let started = Instant::now();
    let missing = fonts::missing_scripts(&ctx.site.languages);
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "fonts checked");
    for script in &missing {
        tracing::warn!(?script, "no font covers a script the site's languages need");
        ctx.add_notice(StaffNotice::Font(*script));
    }
    // Languages that would show as boxes are not offered, as long as some
    // language can still be shown.
    let readable: Vec<Language> = ctx
        .site
        .languages
        .iter()
        .copied()
        .filter(|language| !missing.contains(&language.script()))
        .collect();
    if !readable.is_empty() && readable.len() < ctx.site.languages.len() {
        let hidden: Vec<&str> = ctx
            .site
            .languages
            .iter()
            .filter(|l| !readable.contains(l))
            .map(|l| l.tag())
            .collect();
        tracing::warn!(hidden = ?hidden, "languages hidden for lack of a font");
        if !readable.contains(&ctx.site.default_language) {
            ctx.site.default_language = readable[0];
        }
        ctx.site.languages = readable;
    }
    ctx
}

/// Runs one kiosk process's window until its session ends; returns the exit
/// code for the supervisor.
pub fn run(loaded: Loaded, mode: Mode) -> Result<i32, iced::Error> {
    let exit_code = Arc::new(AtomicI32::new(EXIT_SESSION_ENDED));
    let dpi = loaded.parsed.config.dpi;
    let window = match mode {
        Mode::Kiosk => iced::window::Settings {
            fullscreen: true,
            decorations: false,
            resizable: false,
            platform_specific: platform(),
            ..Default::default()
        },
        Mode::Windowed => iced::window::Settings {
            size: Size::new(1366.0, 768.0),
            min_size: Some(Size::new(640.0, 480.0)),
            platform_specific: platform(),
            ..Default::default()
        },
    };
    let code = exit_code.clone();
    iced::application(
        move || (Kiosk::new(context(&loaded, code.clone())), Task::none()),
        Kiosk::update,
        Kiosk::view,
    )
    .subscription(subscriptions::subscription)
    .theme(Kiosk::theme)
    .title(|_: &Kiosk| String::from("Anlauf"))
    .default_font(theme::FONT)
    .window(window)
    .scale_factor(move |_| dpi / 96.0)
    .exit_on_close_request(false)
    .run()?;
    Ok(exit_code.load(Ordering::SeqCst))
}

/// A screen to show, reached the way a visitor reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shot {
    /// The attract screen.
    Attract,
    /// The home screen.
    Home,
    /// The language picker.
    Language,
    /// Text size and contrast.
    Display,
    /// The help finder.
    Help,
    /// The help finder while typing on the on-screen keyboard.
    HelpKeyboard,
    /// The help finder when a question finds nothing: categories and the
    /// crisis lines.
    HelpNothing,
    /// One service in full (the first one found).
    Service,
    /// The first service found, on the map.
    Map,
    /// The "Are you still there?" countdown.
    Countdown,
    /// The End session confirmation.
    ConfirmEnd,
    /// The forms of the pack.
    Forms,
    /// The first step of the housing benefit form.
    Form,
    /// The housing benefit form's first step with the keyboard typing a name.
    FormKeyboard,
}

impl Kiosk {
    /// Walks a fresh kiosk to `shot` in `language` with the display settings.
    pub fn walk_to(
        &mut self,
        shot: Shot,
        language: Language,
        text_size: TextSize,
        contrast: Contrast,
    ) {
        if shot == Shot::Attract {
            return;
        }
        self.apply(Message::Attract(super::attract::Message::Touched));
        self.apply(Message::Language(super::language::Message::Choose(
            language,
        )));
        self.apply(Message::Display(super::display::Message::TextSize(
            text_size,
        )));
        self.apply(Message::Display(super::display::Message::Contrast(
            contrast,
        )));
        match shot {
            Shot::Attract | Shot::Home => {}
            Shot::Language => self.apply(Message::Bar(topbar::Action::Language)),
            Shot::Display => self.apply(Message::Home(home::Message::Open(home::Tile::Display))),
            Shot::Help => self.apply(Message::Home(home::Message::Open(home::Tile::FindHelp))),
            Shot::HelpKeyboard => {
                self.apply(Message::Home(home::Message::Open(home::Tile::FindHelp)));
                self.apply(Message::Help(help::Message::OpenKeyboard));
                let sample = self.ctx.catalog.text(language, "help-search-sample");
                for c in sample.chars() {
                    self.apply(Message::Help(help::Message::Key(Key::Char(c.to_string()))));
                }
            }
            Shot::HelpNothing => {
                self.apply(Message::Home(home::Message::Open(home::Tile::FindHelp)));
                self.apply(Message::Help(help::Message::OpenKeyboard));
                for c in "qqqxz".chars() {
                    self.apply(Message::Help(help::Message::Key(Key::Char(c.to_string()))));
                }
                self.apply(Message::Help(help::Message::Key(Key::Enter)));
            }
            Shot::Service | Shot::Map => {
                self.apply(Message::Home(home::Message::Open(home::Tile::FindHelp)));
                let first = match &self.screen {
                    super::Screen::Help(state) => {
                        state.found.hits.first().map(|hit| hit.service.id.clone())
                    }
                    _ => None,
                };
                if let Some(id) = first {
                    self.apply(Message::Help(help::Message::Open(id)));
                }
                if shot == Shot::Map {
                    self.apply(Message::Service(super::screen::service::Message::ShowMap));
                }
            }
            Shot::Countdown => {
                let later = Instant::now() + self.ctx.site.idle + Duration::from_millis(100);
                self.apply(Message::Tick(later));
            }
            Shot::ConfirmEnd => self.apply(Message::Bar(topbar::Action::EndSession)),
            Shot::Forms => self.apply(Message::Home(home::Message::Open(home::Tile::Forms))),
            Shot::Form | Shot::FormKeyboard => {
                self.apply(Message::Home(home::Message::Open(home::Tile::Forms)));
                self.apply(Message::Forms(super::screen::forms::Message::Open(
                    "wohngeld".into(),
                )));
                if shot == Shot::FormKeyboard {
                    let slot = kiosk_app::forms::Slot::top("given_name");
                    self.apply(Message::Form(super::screen::form::Message::Edit(slot)));
                    for c in self
                        .ctx
                        .catalog
                        .text(language, "help-search-sample")
                        .chars()
                    {
                        self.apply(Message::Form(super::screen::form::Message::Key(Key::Char(
                            c.to_string(),
                        ))));
                    }
                }
            }
        }
    }

    /// Applies a message without running its task (speech, exit): walks and
    /// tests only need the state.
    pub fn apply(&mut self, message: Message) {
        let _task = self.update(message);
    }
}

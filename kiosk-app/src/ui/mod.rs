//! The kiosk's iced application: maps the domain's state to screens and
//! messages to calls. Side effects run as `Task`s and `Subscription`s.

mod drag_scroll;
pub mod fonts;
mod form_flow;
mod keyboard;
pub mod label;
pub mod notice;
mod overlay;
mod pan;
pub mod pictogram;
pub mod run;
pub mod screen;
pub mod screenshot;
mod subscriptions;
mod supervised;
mod target;
pub mod theme;
mod topbar;
mod view;

#[cfg(test)]
mod bench_tests;
#[cfg(test)]
mod form_tests;
#[cfg(test)]
mod help_tests;
#[cfg(test)]
mod label_tests;
#[cfg(test)]
mod process_tests;
#[cfg(test)]
mod supervised_tests;
#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Instant;

use iced::widget::{column, container, stack};
use iced::{Element, Length, Size, Task, Theme};

use kiosk_app::config::{Loaded, SiteConfig};
use kiosk_app::content::Content;
use kiosk_app::display::Palette;
use kiosk_app::i18n::Catalog;
use kiosk_app::idle::WatchEvent;
use kiosk_app::session::{EndReason, Lifecycle, Session, Timings, Transition};
use kiosk_app::speech::{self, SpeechError, Voices};
use kiosk_app::supervisor::pipe::{FromKiosk, ToKiosk};
use kiosk_app::supervisor::{EXIT_QUIT, EXIT_SESSION_ENDED};

use notice::{StaffNotice, VisitorNotice};
use overlay::Overlay;
use pictogram::Pictogram;
use screen::{Screen, attract, display, form, forms, help, home, language, map, service};
use view::View;

/// The smallest screen the layouts are made for, in logical pixels.
pub const MIN_SIZE: Size = Size::new(1024.0, 600.0);

/// Everything the kiosk knows that is not visitor data.
#[derive(Debug)]
pub struct Context {
    /// The site configuration.
    pub site: SiteConfig,
    /// Translations.
    pub catalog: Catalog,
    /// The services.
    pub content: Option<Content>,
    /// A fixed clock for opening hours (screenshots, tests); the system's
    /// when `None`.
    pub clock: Option<jiff::Zoned>,
    /// The map, opened when first shown.
    map: Option<kiosk_app::map::Map>,
    /// The slip fonts, read when the first slip is made.
    fonts: Option<Arc<kiosk_app::slip::Fonts>>,
    /// Where this session's slips wait for the printer (tmpfs; removed
    /// when the session ends).
    pub slip_dir: std::path::PathBuf,
    /// Whether the supervisor watches this process for heartbeats (and
    /// speaks the rest of the pipe protocol).
    pub heartbeat: bool,
    /// Whether activity comes from the supervisor (the idle watcher
    /// service): then this process does not read the input devices.
    pub idle_from_supervisor: bool,
    /// Problems for staff, shown on the attract screen.
    pub notices: Vec<StaffNotice>,
    /// The voices speech-dispatcher offers, once asked.
    voices: Option<Voices>,
    /// The speech-dispatcher socket.
    speech_socket: std::path::PathBuf,
    /// Where the process's exit code goes for `main`.
    exit_code: Arc<AtomicI32>,
}

impl Context {
    /// A context from a loaded configuration and the built-in translations and content.
    pub fn new(
        loaded: &Loaded,
        catalog: Catalog,
        content: Option<Content>,
        exit_code: Arc<AtomicI32>,
    ) -> Self {
        let site = loaded.parsed.config.clone();
        let notices = loaded
            .parsed
            .problems
            .iter()
            .map(|problem| StaffNotice::Config {
                path: loaded.path.display().to_string(),
                problem: problem.to_string(),
            })
            .collect();
        let speech_socket = site
            .speech_socket
            .clone()
            .unwrap_or_else(speech::default_socket);
        Context {
            site,
            catalog,
            content,
            clock: None,
            map: None,
            fonts: None,
            slip_dir: kiosk_app::slip::session_dir(),
            heartbeat: std::env::var_os(kiosk_app::supervisor::HEARTBEAT_ENV).is_some(),
            idle_from_supervisor: std::env::var_os(kiosk_app::supervisor::IDLE_FROM_SUPERVISOR_ENV)
                .is_some(),
            notices,
            voices: None,
            speech_socket,
            exit_code,
        }
    }

    /// The fonts of slips and forms, read from the site's font directory
    /// when first needed.
    fn fonts(&mut self) -> Arc<kiosk_app::slip::Fonts> {
        let font_dir = &self.site.font_dir;
        self.fonts
            .get_or_insert_with(|| Arc::new(kiosk_app::slip::Fonts::load(font_dir)))
            .clone()
    }

    fn add_notice(&mut self, notice: StaffNotice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }
}

/// The kiosk.
#[derive(Debug)]
pub struct Kiosk {
    ctx: Context,
    session: Session,
    lifecycle: Lifecycle,
    screen: Screen,
    history: Vec<Screen>,
    overlay: Option<Overlay>,
    notice: Option<VisitorNotice>,
    now: Instant,
}

/// Everything that happens to the kiosk.
#[derive(Debug, Clone)]
pub enum Message {
    /// The attract screen.
    Attract(attract::Message),
    /// The top bar.
    Bar(topbar::Action),
    /// The home screen.
    Home(home::Message),
    /// The language picker.
    Language(language::Message),
    /// The display settings.
    Display(display::Message),
    /// The help finder.
    Help(help::Message),
    /// One service.
    Service(service::Message),
    /// The map.
    Map(map::Message),
    /// A slip was made (its file) or not.
    SlipDone(Result<std::path::PathBuf, String>),
    /// The forms list.
    Forms(forms::Message),
    /// The form wizard.
    Form(form::Message),
    /// A filled form was made for the printer (its file) or not.
    FormPrinted(Result<std::path::PathBuf, String>),
    /// A dialog.
    Overlay(overlay::Message),
    /// A touch, key or pointer movement in the kiosk's window.
    Activity,
    /// The idle watcher reported.
    Idle(WatchEvent),
    /// Time passed.
    Tick(Instant),
    /// Time to tell the supervisor that the event loop is alive.
    Heartbeat,
    /// The supervisor passed on activity or asks to end the session.
    Supervisor(ToKiosk),
    /// speech-dispatcher listed its voices; the text waits to be read.
    VoicesListed(Result<Voices, SpeechError>, Arc<str>),
    /// Reading aloud started or failed.
    Spoken(Result<(), SpeechError>),
    /// The visitor closed the notice.
    DismissNotice,
    /// The window changed size.
    Resized(Size),
    /// The window's close button (development only).
    CloseRequested,
    /// Speech was stopped; the process can end.
    Finished,
}

impl Kiosk {
    /// A kiosk on its attract screen in the site's default language.
    pub fn new(ctx: Context) -> Self {
        let language = ctx.site.default_language;
        let timings = Timings {
            idle: ctx.site.idle,
            countdown: ctx.site.countdown,
        };
        Kiosk {
            ctx,
            session: Session::new(language),
            lifecycle: Lifecycle::new(timings),
            screen: Screen::Attract,
            history: Vec::new(),
            overlay: None,
            notice: None,
            now: Instant::now(),
        }
    }

    /// The screen on show.
    #[cfg(test)]
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The session (for tests).
    #[cfg(test)]
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The dialog on show.
    #[cfg(test)]
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// Whether the session has ended and the process is finishing.
    pub fn ended(&self) -> bool {
        matches!(self.lifecycle.phase(), kiosk_app::session::Phase::Ended(_))
    }

    fn ui(&self) -> View<'_> {
        View::new(
            &self.ctx.catalog,
            &self.ctx.site,
            self.session.language,
            self.session.display,
        )
    }

    fn env(&self) -> help::Env<'_> {
        help::Env {
            content: self.ctx.content.as_ref(),
            origin: self.ctx.site.position,
            language: self.session.language,
            site_languages: &self.ctx.site.languages,
            clock: self.ctx.clock.as_ref(),
        }
    }

    fn go(&mut self, to: Screen) {
        if self.screen != to {
            let from = std::mem::replace(&mut self.screen, to);
            if from != Screen::Attract {
                self.history.push(from);
            }
        }
        self.notice = None;
    }

    fn go_home(&mut self) {
        self.history.clear();
        self.screen = Screen::Home;
        self.notice = None;
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        if self.ended() && !matches!(message, Message::Finished) {
            return Task::none();
        }
        match message {
            Message::Attract(attract::Message::Touched) => {
                if self.lifecycle.activity(Instant::now()) == Transition::Started {
                    tracing::info!("session started");
                    self.tell_supervisor(FromKiosk::SessionStarted);
                    self.screen = Screen::Home;
                }
                Task::none()
            }
            Message::Activity => {
                if self.lifecycle.in_session()
                    && self.lifecycle.activity(Instant::now()) == Transition::Resumed
                {
                    self.overlay = None;
                }
                Task::none()
            }
            Message::Idle(event) => self.idle(event),
            Message::Heartbeat => {
                // It only means "the event loop still turns".
                self.tell_supervisor(FromKiosk::Heartbeat);
                Task::none()
            }
            Message::Supervisor(request) => self.supervisor_request(request),
            Message::Tick(now) => {
                self.now = now;
                match self.lifecycle.tick(now) {
                    Transition::CountdownStarted => {
                        self.overlay = Some(Overlay::Countdown);
                        Task::none()
                    }
                    Transition::Ended(reason) => self.finish(reason),
                    _ => Task::none(),
                }
            }
            Message::Bar(action) => self.bar(action),
            Message::Home(home::Message::Open(tile)) => match tile {
                home::Tile::FindHelp => {
                    let state = help::open(&self.session, &self.env());
                    self.go(Screen::Help(state));
                    Task::none()
                }
                home::Tile::Forms => {
                    self.open_forms();
                    Task::none()
                }
                home::Tile::Language => {
                    self.go(Screen::Language);
                    Task::none()
                }
                home::Tile::Display => {
                    self.go(Screen::Display);
                    Task::none()
                }
                home::Tile::ReadAloud => self.read_aloud(),
                home::Tile::EndSession => {
                    self.overlay = Some(Overlay::ConfirmEnd);
                    Task::none()
                }
            },
            Message::Language(language::Message::Choose(language)) => {
                self.session.language = language;
                self.go_home();
                Task::none()
            }
            Message::Display(message) => {
                match message {
                    display::Message::TextSize(size) => self.session.display.text_size = size,
                    display::Message::Contrast(contrast) => {
                        self.session.display.contrast = contrast
                    }
                }
                Task::none()
            }
            Message::Help(message) => {
                let env = help::Env {
                    content: self.ctx.content.as_ref(),
                    origin: self.ctx.site.position,
                    language: self.session.language,
                    site_languages: &self.ctx.site.languages,
                    clock: self.ctx.clock.as_ref(),
                };
                let open = match &mut self.screen {
                    Screen::Help(state) => help::update(state, &mut self.session, &env, message),
                    _ => None,
                };
                let service = open.and_then(|id| self.ctx.content.as_ref()?.service(&id));
                if let Some(service) = service {
                    self.go(Screen::Service(Box::new(service::State { service })));
                }
                Task::none()
            }
            Message::Service(service::Message::ShowMap) => {
                if let Screen::Service(state) = &self.screen {
                    let service = state.service.clone();
                    let content = self.ctx.content.as_ref();
                    let map = self.ctx.map.get_or_insert_with(|| {
                        kiosk_app::map::Map::open(content.and_then(|c| c.tiles_path()).as_deref())
                    });
                    let state = map::open(map, service, self.ctx.site.position);
                    self.go(Screen::Map(Box::new(state)));
                }
                Task::none()
            }
            Message::Service(service::Message::PrintSlip) => self.print_slip(),
            Message::SlipDone(result) => {
                self.notice = Some(match result {
                    Ok(path) => {
                        tracing::info!(path = %path.display(), "slip saved");
                        VisitorNotice::SlipSaved
                    }
                    Err(error) => {
                        tracing::error!(%error, "slip failed");
                        VisitorNotice::SlipFailed
                    }
                });
                Task::none()
            }
            Message::Forms(message) => self.forms_message(message),
            Message::Form(message) => self.form_message(message),
            Message::FormPrinted(result) => {
                self.form_printed(result);
                Task::none()
            }
            Message::Map(message) => {
                if let (Screen::Map(state), Some(map)) = (&mut self.screen, &mut self.ctx.map) {
                    map::update(state, map, self.ctx.site.position, message);
                }
                Task::none()
            }
            Message::Overlay(answer) => match (self.overlay, answer) {
                (Some(Overlay::Countdown), overlay::Message::Stay) => {
                    self.lifecycle.activity(Instant::now());
                    self.overlay = None;
                    Task::none()
                }
                (Some(_), overlay::Message::End) => {
                    let reason = EndReason::Requested;
                    self.lifecycle.end(reason);
                    self.finish(reason)
                }
                _ => {
                    self.overlay = None;
                    Task::none()
                }
            },
            Message::VoicesListed(result, text) => match result {
                Ok(voices) => {
                    tracing::info!(languages = voices.len(), "speech voices listed");
                    self.ctx.voices = Some(voices);
                    self.speak(text)
                }
                Err(error) => {
                    self.speech_failed(&error);
                    Task::none()
                }
            },
            Message::Spoken(result) => {
                if let Err(error) = result {
                    self.speech_failed(&error);
                }
                Task::none()
            }
            Message::DismissNotice => {
                self.notice = None;
                Task::none()
            }
            Message::Resized(size) => {
                if size.width < MIN_SIZE.width || size.height < MIN_SIZE.height {
                    tracing::warn!(
                        width = size.width,
                        height = size.height,
                        "screen smaller than 1024x600"
                    );
                    self.ctx.add_notice(StaffNotice::SmallDisplay {
                        width: size.width.round() as u32,
                        height: size.height.round() as u32,
                    });
                }
                Task::none()
            }
            Message::CloseRequested => {
                self.ctx.exit_code.store(EXIT_QUIT, Ordering::SeqCst);
                self.lifecycle.end(EndReason::Requested);
                self.finish(EndReason::Requested)
            }
            Message::Finished => iced::exit(),
        }
    }

    fn idle(&mut self, event: WatchEvent) -> Task<Message> {
        match event {
            WatchEvent::Activity => {
                // Input elsewhere (the browser) keeps a session alive; it
                // never starts one: only a touch on the attract screen does.
                if self.lifecycle.in_session()
                    && self.lifecycle.activity(Instant::now()) == Transition::Resumed
                {
                    self.overlay = None;
                }
            }
            WatchEvent::Watching(_) => self
                .ctx
                .notices
                .retain(|n| !matches!(n, StaffNotice::Input(_))),
            WatchEvent::Unavailable(reason) => self.ctx.add_notice(StaffNotice::Input(reason)),
        }
        Task::none()
    }

    fn bar(&mut self, action: topbar::Action) -> Task<Message> {
        match action {
            topbar::Action::Home => self.go_home(),
            topbar::Action::Back => {
                self.notice = None;
                match self.history.pop() {
                    Some(previous) => self.screen = previous,
                    None => self.screen = Screen::Home,
                }
            }
            topbar::Action::Language => self.go(Screen::Language),
            topbar::Action::ReadAloud => return self.read_aloud(),
            topbar::Action::EndSession => self.overlay = Some(Overlay::ConfirmEnd),
        }
        Task::none()
    }

    /// The main text of what is on screen, in the visitor's language.
    pub fn speech_text(&self) -> String {
        let ui = self.ui();
        if let Some(overlay) = self.overlay {
            return overlay::speech(
                &ui,
                overlay,
                self.lifecycle.seconds_left(self.now).unwrap_or(0),
            );
        }
        match &self.screen {
            Screen::Attract => attract::speech(&ui),
            Screen::Home => home::speech(&ui),
            Screen::Language => language::speech(&ui),
            Screen::Display => display::speech(&ui),
            Screen::Help(state) => help::speech(&ui, &self.env(), state),
            Screen::Service(state) => service::speech(&ui, &self.env(), state),
            Screen::Map(state) => map::speech(&ui, state),
            Screen::Forms(state) => forms::speech(&ui, state, &self.session.forms_search),
            Screen::Form(_) => self
                .session
                .form
                .as_ref()
                .map(|wizard| form::speech(&ui, wizard))
                .unwrap_or_default(),
        }
    }

    fn read_aloud(&mut self) -> Task<Message> {
        self.notice = None;
        let text: Arc<str> = Arc::from(self.speech_text());
        match &self.ctx.voices {
            Some(_) => self.speak(text),
            None => {
                let socket = self.ctx.speech_socket.clone();
                Task::perform(
                    async move { speech::voices(&socket).await },
                    move |result| Message::VoicesListed(result, text.clone()),
                )
            }
        }
    }

    fn speak(&mut self, text: Arc<str>) -> Task<Message> {
        let Some(voices) = self.ctx.voices.clone() else {
            return Task::none();
        };
        let socket = self.ctx.speech_socket.clone();
        let language = self.session.language;
        Task::perform(
            async move { speech::speak(&socket, &voices, language, &text).await },
            Message::Spoken,
        )
    }

    fn speech_failed(&mut self, error: &SpeechError) {
        tracing::warn!(%error, "read aloud failed");
        self.notice = Some(match error {
            SpeechError::NoVoice(_) => VisitorNotice::NoVoice,
            _ => VisitorNotice::SpeechUnavailable,
        });
    }

    /// Ends the session: wipes its data now, stops any speech, then exits so
    /// that the supervisor starts a fresh process.
    /// Makes a slip of the service on show in a background task and saves
    /// it for the printer.
    fn print_slip(&mut self) -> Task<Message> {
        let Screen::Service(state) = &self.screen else {
            return Task::none();
        };
        let Some(content) = self.ctx.content.as_ref() else {
            return Task::none();
        };
        let service = state.service.clone();
        let here = self.ctx.site.position;
        let map = self
            .ctx
            .map
            .get_or_insert_with(|| kiosk_app::map::Map::open(content.tiles_path().as_deref()));
        let map_png = kiosk_app::slip::map_png(map, &service, here);
        let now = self.env().now();
        let request = kiosk_app::slip::Request {
            service: &service,
            words: kiosk_app::finder::Words {
                catalog: &self.ctx.catalog,
                language: self.session.language,
            },
            content,
            origin: here,
            now: &now,
            map_png,
            paper: self.ctx.site.slip_paper,
        };
        let prepared = match kiosk_app::slip::prepare(&request) {
            Ok(prepared) => prepared,
            Err(error) => return Task::done(Message::SlipDone(Err(error.to_string()))),
        };
        let fonts = self.ctx.fonts();
        let dir = self.ctx.slip_dir.clone();
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || -> Result<std::path::PathBuf, String> {
                    let slip =
                        kiosk_app::slip::render(&prepared, &fonts).map_err(|e| e.to_string())?;
                    kiosk_app::slip::save(&dir, &slip.pdf).map_err(|e| e.to_string())
                })
                .await
                .map_err(|e| e.to_string())?
            },
            Message::SlipDone,
        )
    }

    fn finish(&mut self, reason: EndReason) -> Task<Message> {
        tracing::info!(?reason, "session ended");
        self.tell_supervisor(FromKiosk::SessionEnded);
        if let Err(error) = std::fs::remove_dir_all(&self.ctx.slip_dir)
            && error.kind() != std::io::ErrorKind::NotFound
        {
            tracing::error!(%error, "slips of the session could not be removed");
        }
        let default = self.ctx.site.default_language;
        self.session.wipe(default);
        self.screen = Screen::Attract;
        self.history.clear();
        self.overlay = None;
        self.notice = None;
        if self.ctx.exit_code.load(Ordering::SeqCst) != EXIT_QUIT {
            self.ctx
                .exit_code
                .store(EXIT_SESSION_ENDED, Ordering::SeqCst);
        }
        let socket = self.ctx.speech_socket.clone();
        Task::perform(
            async move {
                let stop = speech::cancel(&socket);
                if let Ok(Err(error)) =
                    tokio::time::timeout(std::time::Duration::from_millis(300), stop).await
                {
                    tracing::debug!(%error, "no speech to stop");
                }
            },
            |()| Message::Finished,
        )
    }

    /// The iced theme of the visitor's palette.
    pub fn theme(&self) -> Theme {
        theme::theme(&Palette::of(self.session.display.contrast))
    }

    /// The screen.
    pub fn view(&self) -> Element<'_, Message> {
        let ui = self.ui();
        let palette = ui.palette;
        if self.screen == Screen::Attract {
            let attract_ui = View::new(
                &self.ctx.catalog,
                &self.ctx.site,
                self.ctx.site.default_language,
                Default::default(),
            );
            return attract::view(attract_ui, &self.ctx.notices).map(Message::Attract);
        }
        let body: Element<'_, Message> = match &self.screen {
            Screen::Attract | Screen::Home => home::view(ui).map(Message::Home),
            Screen::Language => language::view(ui).map(Message::Language),
            Screen::Display => display::view(
                ui,
                self.session.display.text_size,
                self.session.display.contrast,
            )
            .map(Message::Display),
            Screen::Service(state) => service::view(ui, self.env(), state).map(Message::Service),
            Screen::Map(state) => map::view(ui, state).map(Message::Map),
            Screen::Help(state) => {
                help::view(ui, self.env(), state, &self.session.search).map(Message::Help)
            }
            Screen::Forms(state) => {
                forms::view(ui, state, &self.session.forms_search).map(Message::Forms)
            }
            Screen::Form(state) => match &self.session.form {
                Some(wizard) => form::view(ui, state, wizard, &self.session).map(Message::Form),
                None => home::view(ui).map(Message::Home),
            },
        };
        let mut page = vec![
            topbar::view(
                ui,
                self.screen != Screen::Home,
                !self.history.is_empty() || self.screen != Screen::Home,
            )
            .map(Message::Bar),
        ];
        if let Some(notice) = self.notice {
            page.push(
                container(
                    ui.row(vec![
                        Pictogram::Warning.view(ui.sizes.icon(), palette.notice_text),
                        ui.paragraph(ui.t(notice.key()), ui.sizes.body(), palette.notice_text),
                        ui.wide_button(
                            Some(Pictogram::Close),
                            ui.t("notice-close"),
                            theme::Look::Tile,
                            Message::DismissNotice,
                        ),
                    ])
                    .spacing(12),
                )
                .padding(12)
                .width(Length::Fill)
                .style(theme::panel(palette.notice, palette.notice_text, None))
                .into(),
            );
        }
        page.push(
            container(body)
                .padding(24)
                .width(Length::Fill)
                .height(Length::Fill)
                .into(),
        );
        let screen: Element<'_, Message> = container(column(page))
            .width(Length::Fill)
            .height(Length::Fill)
            .style(theme::area(palette.background, palette.text))
            .into();
        match self.overlay {
            Some(which) => {
                let seconds = self.lifecycle.seconds_left(self.now).unwrap_or(0);
                stack![
                    screen,
                    overlay::view(ui, which, seconds).map(Message::Overlay)
                ]
                .into()
            }
            None => screen,
        }
    }
}

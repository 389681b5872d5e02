//! Headless UI tests: the real kiosk state and view, driven by simulated
//! touches (finger events, not mouse clicks), rendered without a display.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use iced::{Event, Point, Rectangle, Settings, Size, Vector, touch};
use iced_test::Simulator;

use kiosk_app::config::{self, Loaded};
use kiosk_app::display::{Contrast, TextSize};
use kiosk_app::language::Language;
use kiosk_app::supervisor::{EXIT_QUIT, EXIT_SESSION_ENDED};

use super::label::LabelInfo;
use super::overlay::Overlay;
use super::run::{Shot, context};
use super::screen::Screen;
use super::{Kiosk, Message, theme};

pub(super) const WIDE: Size = Size::new(1366.0, 768.0);
pub(super) const SMALL: Size = Size::new(1024.0, 600.0);

fn loaded(text: &str) -> Loaded {
    Loaded {
        path: "/etc/anlauf/site.toml".into(),
        parsed: config::parse(text),
    }
}

pub(super) fn kiosk_with(text: &str) -> (Kiosk, Arc<AtomicI32>) {
    let exit = Arc::new(AtomicI32::new(-1));
    (Kiosk::new(context(&loaded(text), exit.clone())), exit)
}

pub(super) fn kiosk() -> Kiosk {
    kiosk_with("").0
}

pub(super) fn simulator(kiosk: &Kiosk, size: Size) -> Simulator<'_, Message> {
    Simulator::with_size(
        Settings {
            default_font: theme::FONT,
            ..Settings::default()
        },
        size,
        kiosk.view(),
    )
}

pub(super) fn t(kiosk: &Kiosk, key: &str) -> String {
    kiosk.ctx.catalog.text(kiosk.session.language, key)
}

/// The visible bounds of the text `content` on screen.
pub(super) fn bounds_of(kiosk: &Kiosk, size: Size, content: &str) -> Rectangle {
    let mut ui = simulator(kiosk, size);
    let target = ui
        .find(content)
        .unwrap_or_else(|_| panic!("{content:?} is not on screen"));
    target
        .visible_bounds()
        .unwrap_or_else(|| panic!("{content:?} is not visible"))
}

fn finger(event: fn(touch::Finger, Point) -> touch::Event, at: Point) -> Event {
    Event::Touch(event(touch::Finger(1), at))
}

pub(super) fn pressed(id: touch::Finger, position: Point) -> touch::Event {
    touch::Event::FingerPressed { id, position }
}
pub(super) fn moved(id: touch::Finger, position: Point) -> touch::Event {
    touch::Event::FingerMoved { id, position }
}
pub(super) fn lifted(id: touch::Finger, position: Point) -> touch::Event {
    touch::Event::FingerLifted { id, position }
}

/// One finger event of a gesture, and where it happens.
type Step = (fn(touch::Finger, Point) -> touch::Event, Point);

/// Runs a gesture of finger events (the cursor follows the finger, as with
/// a touchscreen) and applies the messages it produced; returns them.
pub(super) fn gesture(kiosk: &mut Kiosk, size: Size, points: &[Step]) -> Vec<Message> {
    let messages: Vec<Message> = {
        let mut ui = simulator(kiosk, size);
        for (event, at) in points {
            ui.point_at(*at);
            ui.simulate([finger(*event, *at)]);
        }
        ui.into_messages().collect()
    };
    for message in messages.clone() {
        kiosk.apply(message);
    }
    messages
}

/// Runs a task to its end (PDFs made in the background) and returns its
/// messages.
pub(super) fn run_task(task: iced::Task<Message>) -> Vec<Message> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        use futures::StreamExt;
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            return Vec::new();
        };
        stream
            .filter_map(|action| async move {
                match action {
                    iced_runtime::Action::Output(message) => Some(message),
                    _ => None,
                }
            })
            .collect()
            .await
    })
}

/// Taps the text `content` with a finger.
pub(super) fn tap(kiosk: &mut Kiosk, size: Size, content: &str) {
    let at = bounds_of(kiosk, size, content).center();
    let messages = gesture(kiosk, size, &[(pressed, at), (lifted, at)]);
    assert!(!messages.is_empty(), "tapping {content:?} did nothing");
}

/// Taps the text of a translation key in the visitor's language.
pub(super) fn tap_key(kiosk: &mut Kiosk, size: Size, key: &str) {
    let content = t(kiosk, key);
    tap(kiosk, size, &content);
}

#[test]
fn a_visitor_walks_through_a_session_by_touch() {
    let (mut kiosk, exit) = kiosk_with("");
    // Attract, in German, and the first touch starts a session.
    assert_eq!(*kiosk.screen(), Screen::Attract);
    tap_key(&mut kiosk, WIDE, "attract-touch");
    assert_eq!(*kiosk.screen(), Screen::Home);

    // Language, then Arabic: the home screen comes back in Arabic, mirrored.
    let end_de = bounds_of(&kiosk, WIDE, &t(&kiosk, "bar-end"));
    tap_key(&mut kiosk, WIDE, "tile-language");
    assert_eq!(*kiosk.screen(), Screen::Language);
    let arabic = kiosk
        .ctx
        .catalog
        .text(Language::Arabic, Language::Arabic.name_key());
    tap(&mut kiosk, WIDE, &arabic);
    assert_eq!(kiosk.session().language, Language::Arabic);
    assert_eq!(*kiosk.screen(), Screen::Home);
    let end_ar = bounds_of(&kiosk, WIDE, &t(&kiosk, "bar-end"));
    assert!(
        end_de.x > WIDE.width / 2.0,
        "End session sits right in German"
    );
    assert!(
        end_ar.x < WIDE.width / 2.0,
        "End session sits left in Arabic"
    );

    // Text size 200 %.
    tap_key(&mut kiosk, WIDE, "tile-display");
    let title_before = bounds_of(&kiosk, WIDE, &t(&kiosk, "display-title"));
    let largest = kiosk.ctx.catalog.text_with(
        Language::Arabic,
        "display-text-size-value",
        &[("percent", kiosk_app::i18n::Arg::Number(200.0))],
    );
    tap(&mut kiosk, WIDE, &largest);
    assert_eq!(kiosk.session().display.text_size, TextSize::Largest);
    let title_after = bounds_of(&kiosk, WIDE, &t(&kiosk, "display-title"));
    assert!(
        title_after.height > title_before.height * 1.8,
        "{title_before:?} -> {title_after:?}"
    );

    // Idle: the countdown appears, with its large button.
    let later = Instant::now() + kiosk.ctx.site.idle + Duration::from_millis(10);
    kiosk.apply(Message::Tick(later));
    assert_eq!(kiosk.overlay(), Some(Overlay::Countdown));
    bounds_of(&kiosk, WIDE, &t(&kiosk, "countdown-stay"));

    // End now: the session is wiped and the process asks to exit normally.
    tap_key(&mut kiosk, WIDE, "countdown-end");
    assert!(kiosk.ended());
    assert_eq!(exit.load(Ordering::SeqCst), EXIT_SESSION_ENDED);
    assert_eq!(kiosk.session().language, Language::German);
    assert_eq!(kiosk.session().display.text_size, TextSize::Normal);

    // The supervisor's next process shows the attract screen in German.
    let fresh = self::kiosk();
    assert_eq!(*fresh.screen(), Screen::Attract);
    let german = fresh.ctx.catalog.text(Language::German, "attract-touch");
    bounds_of(&fresh, WIDE, &german);
}

#[test]
fn still_here_keeps_the_session() {
    let mut kiosk = kiosk();
    tap_key(&mut kiosk, WIDE, "attract-touch");
    kiosk.apply(Message::Tick(
        Instant::now() + kiosk.ctx.site.idle + Duration::from_millis(10),
    ));
    tap_key(&mut kiosk, WIDE, "countdown-stay");
    assert_eq!(kiosk.overlay(), None);
    assert!(!kiosk.ended());
    assert_eq!(*kiosk.screen(), Screen::Home);
}

#[test]
fn countdown_runs_out_and_ends_the_session() {
    let mut kiosk = kiosk();
    tap_key(&mut kiosk, WIDE, "attract-touch");
    kiosk.session.search.push_str("canary-3f9e");
    let idle = kiosk.ctx.site.idle;
    let countdown = kiosk.ctx.site.countdown;
    let start = Instant::now();
    kiosk.apply(Message::Tick(start + idle + Duration::from_millis(10)));
    assert_eq!(kiosk.overlay(), Some(Overlay::Countdown));
    kiosk.apply(Message::Tick(
        start + idle + countdown + Duration::from_millis(20),
    ));
    assert!(kiosk.ended());
    assert!(kiosk.session().search.is_empty());
}

#[test]
fn end_session_asks_first_and_can_be_cancelled() {
    let mut kiosk = kiosk();
    tap_key(&mut kiosk, WIDE, "attract-touch");
    tap_key(&mut kiosk, WIDE, "bar-end");
    assert_eq!(kiosk.overlay(), Some(Overlay::ConfirmEnd));
    tap_key(&mut kiosk, WIDE, "confirm-end-no");
    assert_eq!(kiosk.overlay(), None);
    assert!(!kiosk.ended());
    tap_key(&mut kiosk, WIDE, "tile-end-session");
    tap_key(&mut kiosk, WIDE, "confirm-end-yes");
    assert!(kiosk.ended());
}

#[test]
fn closing_the_window_quits_the_supervisor_too() {
    let (mut kiosk, exit) = kiosk_with("");
    kiosk.apply(Message::CloseRequested);
    assert!(kiosk.ended());
    assert_eq!(exit.load(Ordering::SeqCst), EXIT_QUIT);
}

#[test]
fn back_and_home_navigate() {
    let mut kiosk = kiosk();
    tap_key(&mut kiosk, WIDE, "attract-touch");
    tap_key(&mut kiosk, WIDE, "tile-display");
    tap_key(&mut kiosk, WIDE, "bar-back");
    assert_eq!(*kiosk.screen(), Screen::Home);
    tap_key(&mut kiosk, WIDE, "tile-find-help");
    tap_key(&mut kiosk, WIDE, "bar-home");
    assert_eq!(*kiosk.screen(), Screen::Home);
}

#[test]
fn typing_on_the_onscreen_keyboard_finds_a_service() {
    let mut kiosk = kiosk();
    tap_key(&mut kiosk, WIDE, "attract-touch");
    tap_key(&mut kiosk, WIDE, "tile-find-help");
    tap_key(&mut kiosk, WIDE, "help-search-placeholder");
    for key in ["s", "c", "h", "u", "l", "d"] {
        tap(&mut kiosk, WIDE, key);
    }
    assert_eq!(kiosk.session().search, "schuld");
    bounds_of(&kiosk, WIDE, "Schuldnerberatung der Diakonie");
    tap_key(&mut kiosk, WIDE, "osk-done");
    let Screen::Help(state) = kiosk.screen() else {
        panic!("left the help finder")
    };
    assert!(state.keyboard.is_none());
}

#[test]
fn dragging_over_tiles_scrolls_without_choosing() {
    let mut kiosk = kiosk();
    kiosk.walk_to(
        Shot::Language,
        Language::German,
        TextSize::Largest,
        Contrast::Normal,
    );
    let polish = kiosk
        .ctx
        .catalog
        .text(Language::Polish, Language::Polish.name_key());
    let before = simulator(&kiosk, SMALL)
        .find(polish.as_str())
        .expect("Polish tile")
        .bounds();
    // Start on a tile, drag up by 250 px, lift.
    let start = bounds_of(
        &kiosk,
        SMALL,
        &kiosk
            .ctx
            .catalog
            .text(Language::German, Language::English.name_key()),
    )
    .center();
    let mut points: Vec<Step> = vec![(pressed, start)];
    for step in 1..=10 {
        points.push((moved, start - Vector::new(0.0, 25.0 * step as f32)));
    }
    points.push((lifted, start - Vector::new(0.0, 250.0)));
    let messages = gesture(&mut kiosk, SMALL, &points);
    assert!(messages.is_empty(), "a drag chose something: {messages:?}");
    assert_eq!(kiosk.session().language, Language::German);
    let mut ui = simulator(&kiosk, SMALL);
    // The simulator keeps no scroll state between views, so scrolling is
    // checked on one view: drag, then look again.
    let start = ui
        .find(
            kiosk
                .ctx
                .catalog
                .text(Language::German, Language::English.name_key())
                .as_str(),
        )
        .unwrap()
        .visible_bounds()
        .unwrap()
        .center();
    ui.point_at(start);
    ui.simulate([finger(pressed, start)]);
    for step in 1..=16 {
        let at = start - Vector::new(0.0, 25.0 * step as f32);
        ui.point_at(at);
        ui.simulate([finger(moved, at)]);
    }
    ui.simulate([finger(lifted, start - Vector::new(0.0, 400.0))]);
    let scrolled = ui
        .find(polish.as_str())
        .expect("Polish tile")
        .visible_bounds();
    assert!(
        scrolled.is_some_and(|b| b.y < before.y - 300.0 && b.y + b.height <= SMALL.height),
        "not scrolled: {before:?} -> {scrolled:?}"
    );
    assert_eq!(ui.into_messages().count(), 0);
}

/// Every label on screen, and the content areas of scrollables.
#[derive(Default)]
struct Labels {
    found: Vec<LabelInfo>,
    scrolled_content: Vec<Rectangle>,
    targets: Vec<Rectangle>,
}

/// A selector that never matches and records every label and scrollable on
/// the way: `find` walks the whole widget tree with it.
struct LabelProbe<'a>(&'a mut Labels);

impl iced_test::Selector for LabelProbe<'_> {
    type Output = ();

    fn select(&mut self, candidate: iced_test::selector::Candidate<'_>) -> Option<()> {
        use iced_test::selector::Candidate;
        match candidate {
            Candidate::Custom { state, .. } => {
                if let Some(info) = state.downcast_ref::<LabelInfo>() {
                    self.0.found.push(info.clone());
                }
                if let Some(target) = state.downcast_ref::<super::target::TouchTarget>() {
                    self.0.targets.push(target.0);
                }
            }
            Candidate::Scrollable { content_bounds, .. } => {
                self.0.scrolled_content.push(content_bounds)
            }
            _ => {}
        }
        None
    }

    fn description(&self) -> String {
        "every label".to_owned()
    }
}

/// The room a label's text needs at the width it got, without height limit.
fn needed(info: &LabelInfo) -> Size {
    super::label::measure(&info.content, info.size, info.font, info.bounds.width)
}

fn contains(outer: Rectangle, inner: Rectangle) -> bool {
    inner.x >= outer.x - 0.5
        && inner.y >= outer.y - 0.5
        && inner.x + inner.width <= outer.x + outer.width + 0.5
        && inner.y + inner.height <= outer.y + outer.height + 0.5
}

/// Every problem of clipped or overflowing text on one screen.
fn clipping(kiosk: &Kiosk, size: Size) -> Vec<String> {
    let mut labels = Labels::default();
    {
        let mut ui = simulator(kiosk, size);
        assert!(
            ui.find(LabelProbe(&mut labels)).is_err(),
            "the probe never matches"
        );
    }
    assert!(!labels.found.is_empty(), "no labels found");
    assert!(!labels.targets.is_empty(), "no touch targets found");
    let screen = Rectangle::new(Point::ORIGIN, size);
    let mut problems = Vec::new();
    for info in &labels.found {
        let needed = needed(info);
        let b = info.bounds;
        let what = format!(
            "{:?} at {:.0}px",
            info.content.chars().take(40).collect::<String>(),
            info.size
        );
        if needed.width > b.width + 1.0 || needed.height > b.height + 1.0 {
            problems.push(format!(
                "{what} needs {:.0}x{:.0} but got {:.0}x{:.0}",
                needed.width, needed.height, b.width, b.height
            ));
        }
        let scrolled = labels
            .scrolled_content
            .iter()
            .any(|content| contains(*content, b));
        if b.x < -0.5 || b.x + b.width > size.width + 0.5 {
            problems.push(format!("{what} leaves the screen sideways: {b:?}"));
        } else if !scrolled && !contains(screen, b) {
            problems.push(format!("{what} is cut off: {b:?}"));
        }
    }
    for target in &labels.targets {
        // 9 mm at the configured dpi: 48 logical pixels (the app scales by dpi / 96).
        if target.width < theme::TOUCH_TARGET - 0.5 || target.height < theme::TOUCH_TARGET - 0.5 {
            problems.push(format!(
                "a touch target is only {:.0}x{:.0} at {:?}",
                target.width,
                target.height,
                target.position()
            ));
        }
    }
    problems
}

#[test]
fn no_text_is_clipped_and_every_target_is_9mm_on_any_screen_size_or_language() {
    let shots = [
        Shot::Attract,
        Shot::Home,
        Shot::Language,
        Shot::Display,
        Shot::Help,
        Shot::HelpKeyboard,
        Shot::HelpNothing,
        Shot::Service,
        Shot::Countdown,
        Shot::ConfirmEnd,
        Shot::Forms,
        Shot::Form,
        Shot::FormKeyboard,
    ];
    let mut problems = Vec::new();
    for language in Language::ALL {
        for text_size in TextSize::ALL {
            for size in [SMALL, WIDE] {
                for shot in shots {
                    let mut kiosk = kiosk();
                    // The help finder ranks by "open now": a fixed clock
                    // keeps the cards (and so the texts checked) the same
                    // at every hour the suite runs.
                    kiosk.ctx.clock = "2026-11-25T15:00[Europe/Berlin]".parse().ok();
                    kiosk.walk_to(shot, language, text_size, Contrast::Normal);
                    for problem in clipping(&kiosk, size) {
                        problems.push(format!(
                            "{shot:?} {language} {}% {}x{}: {problem}",
                            text_size.percent(),
                            size.width,
                            size.height
                        ));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn pictograms_are_plain_monochrome_svg() {
    for pictogram in super::pictogram::Pictogram::ALL {
        let source = std::str::from_utf8(pictogram.source()).expect("UTF-8");
        assert!(
            source.contains("<svg") && source.contains("viewBox=\"0 0 64 64\""),
            "{pictogram:?}"
        );
        for forbidden in [
            "<text",
            "<image",
            "<style",
            "<script",
            "<filter",
            "<mask",
            "Gradient",
            "href=\"http",
        ] {
            assert!(
                !source.contains(forbidden),
                "{pictogram:?} uses {forbidden}"
            );
        }
    }
}

/// Whether a label containing `needle` is on the attract screen.
fn attract_shows(kiosk: &Kiosk, needle: &str) -> bool {
    let mut labels = Labels::default();
    let mut ui = simulator(kiosk, WIDE);
    assert!(ui.find(LabelProbe(&mut labels)).is_err());
    labels
        .found
        .iter()
        .any(|info| info.content.contains(needle))
}

#[test]
fn a_broken_site_file_shows_staff_the_key_and_line_and_keeps_the_rest() {
    let (kiosk, _) =
        kiosk_with("[site]\nname = \"Treff Ost\"\n\n[session]\nidle_seconds = \"bald\"\n");
    assert_eq!(kiosk.ctx.site.site_name, "Treff Ost");
    assert!(attract_shows(&kiosk, "Treff Ost"));
    assert!(
        attract_shows(&kiosk, "line 5, session.idle_seconds"),
        "no staff notice"
    );
    // A session still starts.
    let mut kiosk = kiosk;
    tap_key(&mut kiosk, WIDE, "attract-touch");
    assert_eq!(*kiosk.screen(), Screen::Home);
}

#[test]
fn an_unknown_language_code_in_the_site_file_is_reported() {
    let (kiosk, _) = kiosk_with("[languages]\nenabled = [\"de\", \"klingon\"]\n");
    assert!(attract_shows(&kiosk, "unknown language code \"klingon\""));
    assert_eq!(kiosk.ctx.site.languages.len(), Language::ALL.len());
}

#[test]
fn unreadable_input_devices_are_reported_and_window_input_still_counts() {
    let mut kiosk = kiosk();
    kiosk.apply(Message::Idle(kiosk_app::idle::WatchEvent::Unavailable(
        "no input devices in /dev/input".into(),
    )));
    assert!(attract_shows(&kiosk, "no input devices in /dev/input"));
    tap_key(&mut kiosk, WIDE, "attract-touch");
    // Touches in the window keep the session alive without evdev.
    let later = Instant::now() + kiosk.ctx.site.idle - Duration::from_secs(1);
    kiosk.apply(Message::Activity);
    kiosk.apply(Message::Tick(later));
    assert_eq!(kiosk.overlay(), None);
    // Devices coming back clear the notice.
    kiosk.apply(Message::Idle(kiosk_app::idle::WatchEvent::Watching(2)));
    assert!(
        !kiosk
            .ctx
            .notices
            .iter()
            .any(|n| matches!(n, super::notice::StaffNotice::Input(_)))
    );
}

#[test]
fn evdev_activity_keeps_a_session_but_never_starts_one() {
    let mut kiosk = kiosk();
    kiosk.apply(Message::Idle(kiosk_app::idle::WatchEvent::Activity));
    assert_eq!(*kiosk.screen(), Screen::Attract);
    tap_key(&mut kiosk, WIDE, "attract-touch");
    kiosk.apply(Message::Tick(
        Instant::now() + kiosk.ctx.site.idle + Duration::from_millis(5),
    ));
    assert_eq!(kiosk.overlay(), Some(Overlay::Countdown));
    kiosk.apply(Message::Idle(kiosk_app::idle::WatchEvent::Activity));
    assert_eq!(
        kiosk.overlay(),
        None,
        "activity from another window dismisses the countdown"
    );
}

#[test]
fn a_screen_below_1024x600_is_reported_and_still_drawn() {
    let mut kiosk = kiosk();
    kiosk.apply(Message::Resized(Size::new(800.0, 480.0)));
    assert!(attract_shows(&kiosk, "800×480"));
    let frame = super::screenshot::render(&kiosk, Size::new(800.0, 480.0)).expect("renders");
    assert_eq!(frame.rgba.len(), 800 * 480 * 4);
}

#[test]
fn no_voice_and_no_speech_service_give_the_visitor_a_message() {
    let mut kiosk = kiosk();
    tap_key(&mut kiosk, WIDE, "attract-touch");
    kiosk.apply(Message::Spoken(Err(
        kiosk_app::speech::SpeechError::NoVoice(Language::German),
    )));
    bounds_of(&kiosk, WIDE, &t(&kiosk, "speech-no-voice"));
    tap_key(&mut kiosk, WIDE, "notice-close");
    assert!(kiosk.notice.is_none());
    kiosk.apply(Message::VoicesListed(
        Err(kiosk_app::speech::SpeechError::Unavailable {
            socket: "/run/x".into(),
            reason: "gone".into(),
        }),
        Arc::from("text"),
    ));
    bounds_of(&kiosk, WIDE, &t(&kiosk, "speech-unavailable"));
}

#[test]
fn read_aloud_text_is_the_screen_in_the_visitors_language() {
    let mut kiosk = kiosk();
    kiosk.walk_to(
        Shot::Home,
        Language::Ukrainian,
        TextSize::Normal,
        Contrast::Normal,
    );
    let speech = kiosk.speech_text();
    assert!(speech.contains(&t(&kiosk, "home-title")));
    assert!(speech.contains(&t(&kiosk, "tile-find-help")));
    kiosk.walk_to(
        Shot::Countdown,
        Language::Ukrainian,
        TextSize::Normal,
        Contrast::Normal,
    );
    assert!(kiosk.speech_text().contains(&t(&kiosk, "countdown-title")));
}

#[test]
fn every_screen_renders_something_in_both_palettes() {
    for contrast in [Contrast::Normal, Contrast::High] {
        for shot in [Shot::Attract, Shot::Home, Shot::Help, Shot::Countdown] {
            let mut kiosk = kiosk();
            kiosk.walk_to(shot, Language::Arabic, TextSize::Large, contrast);
            let frame = super::screenshot::render(&kiosk, WIDE).expect("renders");
            let distinct: std::collections::HashSet<&[u8]> = frame.rgba.chunks(4).collect();
            assert!(
                distinct.len() > 50,
                "{shot:?} {contrast:?} looks blank ({} colours)",
                distinct.len()
            );
        }
    }
}

/// The mean x of the pixels of `rgb` in a horizontal band of a frame.
fn mean_x(
    frame: &super::screenshot::Frame,
    rgb: (u8, u8, u8),
    band: std::ops::Range<u32>,
) -> Option<f64> {
    let mut sum = 0.0;
    let mut count = 0.0;
    for y in band {
        for x in 0..frame.width {
            let i = ((y * frame.width + x) * 4) as usize;
            if (frame.rgba[i], frame.rgba[i + 1], frame.rgba[i + 2]) == rgb {
                sum += f64::from(x);
                count += 1.0;
            }
        }
    }
    (count > 0.0).then(|| sum / count)
}

#[test]
fn right_to_left_text_is_drawn_on_the_right() {
    // iced 0.14 flips explicit alignment for right-to-left text; the title
    // must still be drawn at the right in Farsi and at the left in German.
    let text = kiosk_app::display::Palette::of(Contrast::Normal).text;
    let rgb = (text.0, text.1, text.2);
    for (language, right) in [
        (Language::Farsi, true),
        (Language::Arabic, true),
        (Language::German, false),
    ] {
        let mut kiosk = kiosk();
        kiosk.walk_to(Shot::Help, language, TextSize::Normal, Contrast::Normal);
        let frame = super::screenshot::render(&kiosk, WIDE).expect("renders");
        let title = bounds_of(&kiosk, WIDE, &t(&kiosk, "help-title"));
        let band = title.y as u32..(title.y + title.height) as u32;
        let x = mean_x(&frame, rgb, band)
            .unwrap_or_else(|| panic!("{language}: the title is not drawn"));
        assert_eq!(
            x > f64::from(WIDE.width) / 2.0,
            right,
            "{language}: title drawn around x = {x:.0}"
        );
    }
}

/// Where the ink of a label lands: (first, last) column with dark pixels.
fn ink(label: super::label::Label<'static>, box_width: f32) -> (u32, u32) {
    use iced::advanced::renderer::Headless as _;
    let size = Size::new(600.0, 200.0);
    let element: iced::Element<'static, Message> =
        iced::widget::container(label).width(box_width).into();
    let mut renderer = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(<iced::Renderer as iced::advanced::renderer::Headless>::new(
            theme::FONT,
            iced::Pixels(16.0),
            None,
        ))
        .unwrap();
    let mut ui: iced_runtime::UserInterface<'_, Message, iced::Theme, iced::Renderer> =
        iced_runtime::UserInterface::build(
            element,
            size,
            iced_runtime::user_interface::Cache::default(),
            &mut renderer,
        );
    let style = iced::advanced::renderer::Style {
        text_color: iced::Color::BLACK,
    };
    ui.draw(
        &mut renderer,
        &iced::Theme::Light,
        &style,
        iced::mouse::Cursor::Unavailable,
    );
    let rgba = renderer.screenshot(Size::new(600, 200), 1.0, iced::Color::WHITE);
    let dark = |x: u32| (0..200u32).any(|y| rgba[((y * 600 + x) * 4) as usize] < 128);
    let columns: Vec<u32> = (0..600u32).filter(|x| dark(*x)).collect();
    (
        *columns.first().expect("no ink"),
        *columns.last().expect("no ink"),
    )
}

fn ink_responsive(text: &'static str) -> (u32, u32) {
    use iced::advanced::renderer::Headless as _;
    let size = Size::new(600.0, 200.0);
    let element: iced::Element<'static, Message> =
        iced::widget::container(iced::widget::responsive(move |_| {
            iced::widget::scrollable(iced::widget::column![
                iced::widget::button(
                    super::label::Label::new(text.to_owned(), 24.0, iced::Color::BLACK).centered()
                )
                .width(300)
                .style(|_, _| iced::widget::button::Style::default())
                .on_press(Message::Activity)
            ])
            .into()
        }))
        .width(300.0)
        .into();
    let mut renderer = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(<iced::Renderer as iced::advanced::renderer::Headless>::new(
            theme::FONT,
            iced::Pixels(16.0),
            None,
        ))
        .unwrap();
    let mut ui: iced_runtime::UserInterface<'_, Message, iced::Theme, iced::Renderer> =
        iced_runtime::UserInterface::build(
            element,
            size,
            iced_runtime::user_interface::Cache::default(),
            &mut renderer,
        );
    let mut messages = Vec::new();
    let _ = ui.update(
        &[iced::Event::Window(iced::window::Event::RedrawRequested(
            iced::time::Instant::now(),
        ))],
        iced::mouse::Cursor::Unavailable,
        &mut renderer,
        &mut iced::advanced::clipboard::Null,
        &mut messages,
    );
    let style = iced::advanced::renderer::Style {
        text_color: iced::Color::BLACK,
    };
    ui.draw(
        &mut renderer,
        &iced::Theme::Light,
        &style,
        iced::mouse::Cursor::Unavailable,
    );
    let rgba = renderer.screenshot(Size::new(600, 200), 1.0, iced::Color::WHITE);
    let dark = |x: u32| (0..200u32).any(|y| rgba[((y * 600 + x) * 4) as usize] < 128);
    let columns: Vec<u32> = (0..600u32).filter(|x| dark(*x)).collect();
    (
        *columns.first().expect("no ink"),
        *columns.last().expect("no ink"),
    )
}

#[test]
fn right_to_left_labels_land_inside_their_box_where_asked() {
    use super::label::Label;
    use iced::alignment::Horizontal;
    let short = "ابحث عن مساعدة";
    let long = "من الاثنين إلى الجمعة: من 11:30 إلى 14:00، ومن السبت إلى الأحد: من 12:00 إلى 13:30";
    let label = |text: &str| Label::new(text.to_owned(), 24.0, iced::Color::BLACK).fill();
    for text in [short, long] {
        let (left, right) = ink(label(text).align(Horizontal::Right), 300.0);
        assert!(
            (290..=301).contains(&right),
            "{text}: start (right) {left}..{right}"
        );
        let (left, right) = ink(label(text).align(Horizontal::Center), 300.0);
        assert!(
            right <= 301,
            "{text}: centred text leaves its box: {left}..{right}"
        );
        let middle = (left + right) as f32 / 2.0;
        if text == short {
            assert!((middle - 150.0).abs() < 6.0, "{text}: centred at {middle}");
        }
    }
    let (left, _) = ink(label(short).align(Horizontal::Left), 300.0);
    assert!(left <= 4, "left-aligned Arabic starts at {left}");
    // As wide as it needs, in a row: the ink stays in the box.
    let (left, right) = ink(
        Label::new(short.to_owned(), 24.0, iced::Color::BLACK),
        300.0,
    );
    assert!(
        left <= 4 && right < 200,
        "shrunk label drawn at {left}..{right}"
    );
    let (left, right) = ink_responsive(short);
    assert!(
        (60..=70).contains(&left) && right < 240,
        "in a responsive: {left}..{right}"
    );
    // Latin text is untouched.
    let (left, right) = ink(label("Hilfe finden").align(Horizontal::Right), 300.0);
    assert!(right <= 301 && left > 150, "{left}..{right}");
}

#[test]
fn every_label_is_drawn_inside_its_box() {
    // Catches text that iced draws away from where its layout says, as it
    // does with right-to-left text unless the label places it.
    let mut problems = Vec::new();
    for language in [
        Language::Arabic,
        Language::Farsi,
        Language::German,
        Language::Ukrainian,
    ] {
        for shot in [
            Shot::Attract,
            Shot::Home,
            Shot::Language,
            Shot::Display,
            Shot::Help,
            Shot::HelpKeyboard,
            Shot::ConfirmEnd,
        ] {
            let mut kiosk = kiosk();
            kiosk.walk_to(shot, language, TextSize::Normal, Contrast::Normal);
            let frame = super::screenshot::render(&kiosk, WIDE).expect("renders");
            let mut labels = Labels::default();
            assert!(
                simulator(&kiosk, WIDE)
                    .find(LabelProbe(&mut labels))
                    .is_err()
            );
            // Behind a dialog everything is dimmed: only the dialog's texts count.
            let dialog: Vec<String> = [
                "confirm-end-title",
                "confirm-end-text",
                "confirm-end-yes",
                "confirm-end-no",
            ]
            .iter()
            .map(|key| t(&kiosk, key))
            .collect();
            for info in &labels.found {
                // Dimmed or faded (disabled) text is blended, not its own colour.
                if (shot == Shot::ConfirmEnd && !dialog.contains(&info.content))
                    || info.color.a < 1.0
                {
                    continue;
                }
                let b = info.bounds;
                // Only what lies fully on screen, outside scrolled lists.
                let scrolled = labels
                    .scrolled_content
                    .iter()
                    .any(|content| contains(*content, b));
                if scrolled
                    || !contains(Rectangle::new(Point::ORIGIN, WIDE), b)
                    || info.content.trim().is_empty()
                {
                    continue;
                }
                let rgb = [
                    (info.color.r * 255.0).round() as u8,
                    (info.color.g * 255.0).round() as u8,
                    (info.color.b * 255.0).round() as u8,
                ];
                let inked = (b.y as u32..(b.y + b.height) as u32).any(|y| {
                    (b.x as u32..(b.x + b.width) as u32).any(|x| {
                        let i = ((y * frame.width + x) * 4) as usize;
                        frame.rgba[i..i + 3] == rgb
                    })
                });
                if !inked {
                    problems.push(format!(
                        "{shot:?} {language}: {:?} is not drawn in {b:?}",
                        info.content
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

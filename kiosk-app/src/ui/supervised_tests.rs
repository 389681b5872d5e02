//! The kiosk's side of the supervisor's requests, headless: activity from
//! the idle watcher keeps a session alive, a request to end it wipes it.

use std::time::{Duration, Instant};

use kiosk_app::supervisor::pipe::ToKiosk;

use super::overlay::Overlay;
use super::screen::Screen;
use super::tests::{WIDE, kiosk, tap_key};
use super::{Kiosk, Message};

fn countdown(kiosk: &mut Kiosk) {
    kiosk.apply(Message::Tick(
        Instant::now() + kiosk.ctx.site.idle + Duration::from_millis(5),
    ));
    assert_eq!(kiosk.overlay(), Some(Overlay::Countdown));
}

#[test]
fn supervisor_activity_keeps_a_session_but_never_starts_one() {
    let mut kiosk = kiosk();
    kiosk.apply(Message::Supervisor(ToKiosk::Activity));
    assert_eq!(*kiosk.screen(), Screen::Attract);
    tap_key(&mut kiosk, WIDE, "attract-touch");
    countdown(&mut kiosk);
    kiosk.apply(Message::Supervisor(ToKiosk::Activity));
    assert_eq!(kiosk.overlay(), None, "the idle watcher's activity counts");
}

#[test]
fn supervisor_end_request_wipes_a_session_and_is_ignored_without_one() {
    let mut kiosk = kiosk();
    kiosk.apply(Message::Supervisor(ToKiosk::EndSession));
    assert!(!kiosk.ended(), "no session: nothing to end");
    tap_key(&mut kiosk, WIDE, "attract-touch");
    assert_eq!(*kiosk.screen(), Screen::Home);
    kiosk.apply(Message::Supervisor(ToKiosk::EndSession));
    assert!(kiosk.ended(), "the process ends for a fresh one");
    assert_eq!(*kiosk.screen(), Screen::Attract);
    assert_eq!(kiosk.session().language, kiosk.ctx.site.default_language);
}

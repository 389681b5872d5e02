//! What the kiosk listens to: input in its window, the idle watcher (or,
//! under a supervisor on the bus, the idle watcher service through the
//! supervisor), the clock while a session runs, the supervisor's heartbeat
//! timer and requests, and window events.

use std::path::PathBuf;
use std::time::Duration;

use iced::{Event, Subscription, event, keyboard, mouse, window};

use kiosk_app::idle;

use super::{Kiosk, Message};

/// How often the idle watcher may report activity.
const ACTIVITY_THROTTLE: Duration = Duration::from_millis(500);

/// Every subscription of the kiosk in its current state.
pub fn subscription(kiosk: &Kiosk) -> Subscription<Message> {
    let mut subscriptions = vec![
        event::listen_with(activity),
        window::close_requests().map(|_| Message::CloseRequested),
        window::resize_events().map(|(_, size)| Message::Resized(size)),
    ];
    // The idle watcher service reads the input devices and its activity
    // arrives from the supervisor; without it (a developer's run without a
    // system bus), the kiosk reads them itself.
    if !kiosk.ctx.idle_from_supervisor {
        subscriptions.push(idle_watcher(kiosk.ctx.site.input_dir.clone()));
    }
    if kiosk.ctx.heartbeat {
        subscriptions.push(
            iced::time::every(kiosk_app::supervisor::HEARTBEAT_EVERY).map(|_| Message::Heartbeat),
        );
        subscriptions.push(super::supervised::requests());
    }
    // The clock only runs while a visitor is there: the attract screen sleeps.
    if kiosk.lifecycle.in_session() {
        subscriptions.push(iced::time::every(Duration::from_millis(500)).map(Message::Tick));
    }
    Subscription::batch(subscriptions)
}

/// Input in the kiosk's own window counts as activity (what was typed or
/// where is not looked at).
fn activity(event: Event, _status: event::Status, _window: window::Id) -> Option<Message> {
    match event {
        Event::Touch(_)
        | Event::Mouse(
            mouse::Event::ButtonPressed(_)
            | mouse::Event::CursorMoved { .. }
            | mouse::Event::WheelScrolled { .. },
        )
        | Event::Keyboard(keyboard::Event::KeyPressed { .. }) => Some(Message::Activity),
        _ => None,
    }
}

/// The evdev idle watcher over every input device.
fn idle_watcher(dir: PathBuf) -> Subscription<Message> {
    Subscription::run_with(dir, |dir| {
        let dir = dir.clone();
        iced::stream::channel(16, async move |mut output| {
            idle::watch(dir, ACTIVITY_THROTTLE, move |event| {
                // A full channel means the kiosk already has reports to read.
                if output.try_send(Message::Idle(event)).is_err() {
                    tracing::trace!("idle report dropped: kiosk busy");
                }
            })
            .await;
        })
    })
}

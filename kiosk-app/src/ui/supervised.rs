//! The kiosk's side of the pipe to its supervisor
//! (`kiosk_app::supervisor::pipe`): heartbeats and the start and end of a
//! session go out on standard output; activity (the idle watcher's, over
//! D-Bus) and a request to end the session (staff's, over D-Bus) come in
//! on standard input.

use iced::futures::SinkExt as _;
use iced::{Subscription, Task};

use kiosk_app::idle::WatchEvent;
use kiosk_app::session::EndReason;
use kiosk_app::supervisor::pipe::{self, FromKiosk, ToKiosk};

use super::{Kiosk, Message};

impl Kiosk {
    /// Tells the supervisor, when one watches this process.
    pub(super) fn tell_supervisor(&self, message: FromKiosk) {
        if !self.ctx.heartbeat {
            return;
        }
        if let Err(error) = pipe::tell(message) {
            tracing::warn!(%error, ?message, "cannot tell the supervisor");
        }
    }

    /// A request from the supervisor.
    pub(super) fn supervisor_request(&mut self, request: ToKiosk) -> Task<Message> {
        match request {
            // Like input in the kiosk's own window: keeps a session alive and
            // dismisses the countdown, never starts a session.
            ToKiosk::Activity => self.idle(WatchEvent::Activity),
            ToKiosk::EndSession => {
                if !self.lifecycle.in_session() {
                    return Task::none();
                }
                tracing::info!("the supervisor asks to end the session");
                let reason = EndReason::Requested;
                self.lifecycle.end(reason);
                self.finish(reason)
            }
        }
    }
}

/// The supervisor's requests on standard input, until the pipe closes.
pub fn requests() -> Subscription<Message> {
    Subscription::run(|| {
        iced::stream::channel(4, async |mut output| {
            let mut input = match pipe::stdin() {
                Ok(input) => input,
                Err(error) => {
                    tracing::warn!(%error, "cannot read the supervisor's requests");
                    return;
                }
            };
            loop {
                match pipe::next_request(&mut input).await {
                    Ok(Some(request)) => {
                        if output.send(Message::Supervisor(request)).await.is_err() {
                            return;
                        }
                    }
                    Ok(None) => {
                        tracing::info!("the supervisor closed its pipe");
                        return;
                    }
                    Err(error) => {
                        tracing::warn!(%error, "cannot read the supervisor's requests");
                        return;
                    }
                }
            }
        })
    })
}

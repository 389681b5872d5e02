//! When a session starts, warns and ends. Pure: time comes in as arguments.

use std::time::{Duration, Instant};

/// The idle timings from the site configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timings {
    /// No activity for this long shows the countdown.
    pub idle: Duration,
    /// The countdown runs this long, then the session ends.
    pub countdown: Duration,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            idle: Duration::from_secs(120),
            countdown: Duration::from_secs(30),
        }
    }
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// The visitor (or a social worker) chose End session.
    Requested,
    /// Nobody answered the countdown.
    Idle,
}

/// Where the terminal is in a visitor's visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Nobody is using the terminal; the attract screen shows.
    Attract,
    /// A visitor is using the terminal.
    Active {
        /// The last touch, key or pointer movement.
        last_activity: Instant,
    },
    /// Idle too long: the countdown overlay shows.
    Countdown {
        /// When the countdown ends the session.
        deadline: Instant,
    },
    /// The session is over; the process is about to end.
    Ended(EndReason),
}

/// What a call changed, for the screen to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Nothing changed.
    None,
    /// A session started.
    Started,
    /// The countdown appeared.
    CountdownStarted,
    /// Activity dismissed the countdown.
    Resumed,
    /// The session ended.
    Ended(EndReason),
}

/// The session state machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifecycle {
    timings: Timings,
    phase: Phase,
}

impl Lifecycle {
    /// A terminal on its attract screen.
    pub fn new(timings: Timings) -> Self {
        Lifecycle {
            timings,
            phase: Phase::Attract,
        }
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Whether a visitor's session is running (countdown included).
    pub fn in_session(&self) -> bool {
        matches!(self.phase, Phase::Active { .. } | Phase::Countdown { .. })
    }

    /// A touch, key or pointer movement: starts a session on the attract
    /// screen, keeps a running one alive, and dismisses the countdown.
    pub fn activity(&mut self, now: Instant) -> Transition {
        match self.phase {
            Phase::Attract => {
                self.phase = Phase::Active { last_activity: now };
                Transition::Started
            }
            Phase::Active { .. } => {
                self.phase = Phase::Active { last_activity: now };
                Transition::None
            }
            Phase::Countdown { deadline } if now < deadline => {
                self.phase = Phase::Active { last_activity: now };
                Transition::Resumed
            }
            Phase::Countdown { .. } => self.end(EndReason::Idle),
            Phase::Ended(_) => Transition::None,
        }
    }

    /// Advances time: shows the countdown after the idle time, ends the session after it.
    pub fn tick(&mut self, now: Instant) -> Transition {
        match self.phase {
            Phase::Active { last_activity }
                if now.saturating_duration_since(last_activity) >= self.timings.idle =>
            {
                let idle_since = last_activity + self.timings.idle;
                self.phase = Phase::Countdown {
                    deadline: idle_since + self.timings.countdown,
                };
                if now >= idle_since + self.timings.countdown {
                    self.end(EndReason::Idle)
                } else {
                    Transition::CountdownStarted
                }
            }
            Phase::Countdown { deadline } if now >= deadline => self.end(EndReason::Idle),
            _ => Transition::None,
        }
    }

    /// Ends the session now.
    pub fn end(&mut self, reason: EndReason) -> Transition {
        if matches!(self.phase, Phase::Ended(_)) {
            return Transition::None;
        }
        self.phase = Phase::Ended(reason);
        Transition::Ended(reason)
    }

    /// Whole seconds left on the countdown, rounded up, while it shows.
    pub fn seconds_left(&self, now: Instant) -> Option<u64> {
        match self.phase {
            Phase::Countdown { deadline } => {
                let left = deadline.saturating_duration_since(now);
                Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
            }
            _ => None,
        }
    }

    /// When the next tick can change anything, so that timers sleep until then.
    pub fn next_deadline(&self) -> Option<Instant> {
        match self.phase {
            Phase::Active { last_activity } => Some(last_activity + self.timings.idle),
            Phase::Countdown { deadline } => Some(deadline),
            Phase::Attract | Phase::Ended(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timings() -> Timings {
        Timings {
            idle: Duration::from_secs(60),
            countdown: Duration::from_secs(20),
        }
    }

    #[test]
    fn first_touch_starts_a_session() {
        let start = Instant::now();
        let mut lifecycle = Lifecycle::new(timings());
        assert_eq!(
            lifecycle.tick(start + Duration::from_secs(999)),
            Transition::None
        );
        assert_eq!(lifecycle.activity(start), Transition::Started);
        assert!(lifecycle.in_session());
    }

    #[test]
    fn idle_shows_countdown_then_ends() {
        let start = Instant::now();
        let mut lifecycle = Lifecycle::new(timings());
        lifecycle.activity(start);
        assert_eq!(
            lifecycle.tick(start + Duration::from_secs(59)),
            Transition::None
        );
        assert_eq!(
            lifecycle.tick(start + Duration::from_secs(60)),
            Transition::CountdownStarted
        );
        assert_eq!(
            lifecycle.seconds_left(start + Duration::from_millis(60_500)),
            Some(20)
        );
        assert_eq!(
            lifecycle.seconds_left(start + Duration::from_secs(79)),
            Some(1)
        );
        assert_eq!(
            lifecycle.tick(start + Duration::from_secs(80)),
            Transition::Ended(EndReason::Idle)
        );
        assert_eq!(lifecycle.phase(), Phase::Ended(EndReason::Idle));
    }

    #[test]
    fn activity_during_countdown_resumes() {
        let start = Instant::now();
        let mut lifecycle = Lifecycle::new(timings());
        lifecycle.activity(start);
        lifecycle.tick(start + Duration::from_secs(61));
        assert_eq!(
            lifecycle.activity(start + Duration::from_secs(70)),
            Transition::Resumed
        );
        // The idle time counts again from the last activity.
        assert_eq!(
            lifecycle.tick(start + Duration::from_secs(129)),
            Transition::None
        );
        assert_eq!(
            lifecycle.tick(start + Duration::from_secs(130)),
            Transition::CountdownStarted
        );
    }

    #[test]
    fn a_late_tick_after_sleep_ends_at_once() {
        // The machine slept through idle time and countdown: no countdown flashes.
        let start = Instant::now();
        let mut lifecycle = Lifecycle::new(timings());
        lifecycle.activity(start);
        assert_eq!(
            lifecycle.tick(start + Duration::from_secs(500)),
            Transition::Ended(EndReason::Idle)
        );
    }

    #[test]
    fn activity_after_the_deadline_does_not_resume() {
        let start = Instant::now();
        let mut lifecycle = Lifecycle::new(timings());
        lifecycle.activity(start);
        lifecycle.tick(start + Duration::from_secs(60));
        assert_eq!(
            lifecycle.activity(start + Duration::from_secs(81)),
            Transition::Ended(EndReason::Idle)
        );
    }

    #[test]
    fn ending_is_final() {
        let start = Instant::now();
        let mut lifecycle = Lifecycle::new(timings());
        lifecycle.activity(start);
        assert_eq!(
            lifecycle.end(EndReason::Requested),
            Transition::Ended(EndReason::Requested)
        );
        assert_eq!(lifecycle.activity(start), Transition::None);
        assert_eq!(lifecycle.end(EndReason::Idle), Transition::None);
        assert_eq!(lifecycle.phase(), Phase::Ended(EndReason::Requested));
    }

    #[test]
    fn deadlines_follow_the_phase() {
        let start = Instant::now();
        let mut lifecycle = Lifecycle::new(timings());
        assert_eq!(lifecycle.next_deadline(), None);
        lifecycle.activity(start);
        assert_eq!(
            lifecycle.next_deadline(),
            Some(start + Duration::from_secs(60))
        );
        lifecycle.tick(start + Duration::from_secs(60));
        assert_eq!(
            lifecycle.next_deadline(),
            Some(start + Duration::from_secs(80))
        );
    }
}

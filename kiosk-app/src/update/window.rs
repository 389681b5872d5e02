//! The nightly update window of the site file (`[update] window`), in the
//! device's local time.

use anlauf_site::{TimeOfDay, UpdateWindow};

fn minute_of_day(time: TimeOfDay) -> u32 {
    u32::from(time.hour) * 60 + u32::from(time.minute)
}

/// Minutes from `now` until `window` closes, when `now` is inside it
/// (across midnight where the window crosses it); `None` outside it.
pub fn minutes_left(window: &UpdateWindow, now: TimeOfDay) -> Option<u32> {
    let day = 24 * 60;
    let since_start = (minute_of_day(now) + day - minute_of_day(window.start)) % day;
    let length = window.minutes();
    (since_start < length).then(|| length - since_start)
}

/// The local time of day now.
pub fn now() -> TimeOfDay {
    let now = jiff::Zoned::now();
    TimeOfDay {
        hour: u8::try_from(now.hour()).unwrap_or(0),
        minute: u8::try_from(now.minute()).unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: u8, minute: u8) -> TimeOfDay {
        TimeOfDay { hour, minute }
    }

    #[test]
    fn inside_and_outside_a_night_window() {
        let window = UpdateWindow {
            start: at(2, 0),
            end: at(5, 0),
        };
        assert_eq!(minutes_left(&window, at(2, 0)), Some(180));
        assert_eq!(minutes_left(&window, at(4, 59)), Some(1));
        assert_eq!(minutes_left(&window, at(5, 0)), None);
        assert_eq!(minutes_left(&window, at(1, 59)), None);
        assert_eq!(minutes_left(&window, at(14, 0)), None);
    }

    #[test]
    fn a_window_across_midnight() {
        let window = UpdateWindow {
            start: at(23, 0),
            end: at(1, 30),
        };
        assert_eq!(minutes_left(&window, at(23, 30)), Some(120));
        assert_eq!(minutes_left(&window, at(0, 10)), Some(80));
        assert_eq!(minutes_left(&window, at(1, 30)), None);
        assert_eq!(minutes_left(&window, at(22, 59)), None);
    }
}

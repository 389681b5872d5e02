//! Progress of writing and reading back: percent, megabytes done, speed.
//! On a terminal one line that is rewritten; elsewhere (a log, a pipe) a
//! line at every tenth.

use std::io::Write;
use std::time::{Duration, Instant};

/// Writes progress lines to `out` (standard error in the command).
#[derive(Debug)]
pub struct Progress<W: Write> {
    out: W,
    terminal: bool,
    what: String,
    total: u64,
    started: Instant,
    /// The last tenth reported (not on a terminal).
    tenth: u64,
    /// When the terminal line was last drawn.
    drawn: Option<Instant>,
}

impl<W: Write> Progress<W> {
    /// Progress to `out`; `terminal` chooses the rewritten line.
    pub fn new(out: W, terminal: bool) -> Progress<W> {
        Progress {
            out,
            terminal,
            what: String::new(),
            total: 0,
            started: Instant::now(),
            tenth: 0,
            drawn: None,
        }
    }

    /// Starts a phase ("writing /dev/sdb") of `total` bytes.
    pub fn start(&mut self, what: &str, total: u64) {
        self.what = what.to_owned();
        self.total = total;
        self.started = Instant::now();
        self.tenth = 0;
        self.drawn = None;
    }

    /// `done` bytes of the phase are done.
    pub fn update(&mut self, done: u64) {
        let elapsed = self.started.elapsed();
        if self.terminal {
            let due = self
                .drawn
                .is_none_or(|at| at.elapsed() >= Duration::from_millis(200));
            if due || done >= self.total {
                let line = self.line(done, elapsed);
                // Progress is a courtesy: a closed terminal must not stop a write.
                let _ = write!(self.out, "\r{line:<72}");
                let _ = self.out.flush();
                self.drawn = Some(Instant::now());
            }
            return;
        }
        let tenth = done
            .saturating_mul(10)
            .checked_div(self.total)
            .unwrap_or(10);
        if tenth > self.tenth {
            self.tenth = tenth;
            let line = self.line(done, elapsed);
            let _ = writeln!(self.out, "{line}");
        }
    }

    /// Ends the phase (the terminal line is kept).
    pub fn finish(&mut self) {
        if self.terminal && self.drawn.is_some() {
            let _ = writeln!(self.out);
        }
    }

    /// The writer, back (tests read what was written).
    pub fn into_inner(self) -> W {
        self.out
    }

    fn line(&self, done: u64, elapsed: Duration) -> String {
        let percent = done
            .saturating_mul(100)
            .checked_div(self.total)
            .unwrap_or(100);
        let seconds = elapsed.as_secs_f64();
        let speed = if seconds > 0.0 {
            mb(done) / seconds
        } else {
            0.0
        };
        format!(
            "{}: {percent:>3} %  {:.1} of {:.1} MB  {speed:.1} MB/s",
            self.what,
            mb(done),
            mb(self.total)
        )
    }
}

/// Bytes in megabytes (10^6, as disks are sold).
pub fn mb(bytes: u64) -> f64 {
    // Precision is not at stake for a progress line.
    #[allow(clippy::cast_precision_loss)]
    let bytes = bytes as f64;
    bytes / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_gets_a_line_per_tenth() {
        let mut progress = Progress::new(Vec::new(), false);
        progress.start("writing /dev/x", 100 << 20);
        for step in 1..=25u64 {
            progress.update(step * (4 << 20));
        }
        progress.finish();
        let text = String::from_utf8(progress.into_inner()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 10, "{text}");
        assert!(
            lines[0].starts_with("writing /dev/x:  12 %  12.6 of 104.9 MB"),
            "{}",
            lines[0]
        );
        assert!(
            lines[9].starts_with("writing /dev/x: 100 %  104.9 of 104.9 MB"),
            "{}",
            lines[9]
        );
        assert!(lines[9].contains(" MB/s"));
    }

    #[test]
    fn a_terminal_gets_one_rewritten_line() {
        let mut progress = Progress::new(Vec::new(), true);
        progress.start("writing /dev/x", 8);
        progress.update(4);
        progress.update(8);
        progress.finish();
        let text = String::from_utf8(progress.into_inner()).unwrap();
        assert_eq!(text.matches('\n').count(), 1, "{text:?}");
        assert!(text.starts_with("\rwriting /dev/x:  50 %"), "{text:?}");
        assert!(text.contains("\rwriting /dev/x: 100 %"), "{text:?}");
    }
}

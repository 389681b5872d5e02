//! Printing benchmark figures: one JSON line per figure on stdout.

use std::time::Duration;

/// Summary statistics of samples, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// Number of samples.
    pub n: usize,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 99th percentile.
    pub p99: f64,
    /// Largest.
    pub max: f64,
}

impl Stats {
    /// Statistics of durations (nearest-rank percentiles).
    pub fn of(samples: &[Duration]) -> Stats {
        let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
        ms.sort_by(f64::total_cmp);
        let rank = |p: f64| -> f64 {
            if ms.is_empty() {
                return f64::NAN;
            }
            let index = ((p / 100.0) * ms.len() as f64).ceil() as usize;
            ms[index.clamp(1, ms.len()) - 1]
        };
        Stats {
            n: ms.len(),
            p50: rank(50.0),
            p90: rank(90.0),
            p99: rank(99.0),
            max: ms.last().copied().unwrap_or(f64::NAN),
        }
    }
}

/// Prints one figure as a JSON line.
pub fn emit(figure: serde_json::Value) {
    #[allow(clippy::print_stdout)]
    {
        println!("{figure}");
    }
}

/// Rounds to one decimal for printing.
pub fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let samples: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let stats = Stats::of(&samples);
        assert_eq!(
            (stats.n, stats.p50, stats.p90, stats.p99, stats.max),
            (100, 50.0, 90.0, 99.0, 100.0)
        );
        assert!(Stats::of(&[]).p50.is_nan());
    }
}

//! Benchmarks of the kiosk's screens that need its private UI, run by
//! `tests/bench ui` in release mode (ignored in the normal suite). One JSON
//! line per figure on stdout.
//!
//! - `kiosk.form_step_drawn_ms`: a visitor's Next on a demo form, measured
//!   from the message to the last pixel of the next step: the wizard's
//!   update, the view, the layout and the whole 1366x768 frame rasterised
//!   by iced's software renderer into the pixel buffer the window shows
//!   (the renderer the device uses, without a GPU; presenting the buffer is
//!   left out). Beside it, in the same run, a redraw of the same screen
//!   without any change: the part of the figure that is only drawing; and
//!   `built_*`, the part of each change until the frame is laid out and
//!   its layers recorded, before any pixel.

use std::time::{Duration, Instant};

use anlauf_tests::bench::{Stats, emit};
use kiosk_app::forms::{WizardStep, sample};
use kiosk_app::language::Language;
use serde_json::json;

use super::form_tests::{forms, open};
use super::screen::form;
use super::screenshot::Painter;
use super::tests::WIDE;
use super::{Kiosk, Message};

const FORMS: [&str; 3] = ["buergergeld-weiterbewilligung", "postadresse", "wohngeld"];

fn hundredths(ms: f64) -> f64 {
    (ms * 100.0).round() / 100.0
}

/// One step change: all of it, and the part until the frame was built
/// (update, view, layout, layers), before its pixels were rasterised.
#[derive(Clone, Copy)]
struct Change {
    took: Duration,
    built: Duration,
}

/// Walks one form to its summary; returns the step changes and the plain
/// redraws it measured.
fn walk(painter: &mut Painter, kiosk: &mut Kiosk, variant: usize) -> (Vec<Change>, Vec<Duration>) {
    let (mut steps, mut redraws) = (Vec::new(), Vec::new());
    let mut pixels = Vec::new();
    painter.raster(kiosk, WIDE, &mut pixels);
    let mut guard = 0;
    loop {
        guard += 1;
        assert!(guard < 40, "the form does not reach its summary");
        let wizard = kiosk.session.form.as_mut().unwrap();
        if wizard.at() == WizardStep::Summary {
            return (steps, redraws);
        }
        sample::fill_step(wizard, variant);
        // The answers as they are on screen before Next is touched.
        painter.raster(kiosk, WIDE, &mut pixels);
        let started = Instant::now();
        painter.raster(kiosk, WIDE, &mut pixels);
        redraws.push(started.elapsed());

        let before = kiosk.session.form.as_ref().unwrap().at();
        let started = Instant::now();
        kiosk.apply(Message::Form(form::Message::Next));
        let built = painter.raster(kiosk, WIDE, &mut pixels);
        steps.push(Change {
            took: started.elapsed(),
            built: built - started,
        });
        std::hint::black_box(pixels[pixels.len() / 2]);
        assert_ne!(
            kiosk.session.form.as_ref().unwrap().at(),
            before,
            "Next was refused"
        );
    }
}

#[test]
#[ignore = "a benchmark: `tests/bench ui` runs it in release mode"]
fn bench_form_step_change_drawn() {
    let mut painter = Painter::new().unwrap();
    let (mut steps, mut redraws) = (Vec::new(), Vec::new());
    let mut named = Vec::new();
    // The summary drawn again without a change: how much of the change to
    // it is only drawing the longest screen.
    let mut summary_redraws = Vec::new();
    let mut pixels = Vec::new();
    for language in [Language::German, Language::Arabic] {
        for id in FORMS {
            for variant in 0..3 {
                let mut kiosk = forms(language);
                open(&mut kiosk, id);
                let (s, r) = walk(&mut painter, &mut kiosk, variant);
                let started = Instant::now();
                painter.raster(&kiosk, WIDE, &mut pixels);
                summary_redraws.push(started.elapsed());
                for (i, change) in s.iter().enumerate() {
                    named.push((
                        *change,
                        format!("{}/{id}/{variant}/{}", language.tag(), i + 1),
                    ));
                }
                steps.extend(s);
                redraws.extend(r);
            }
        }
    }
    named.sort_by_key(|step| std::cmp::Reverse(step.0.took));
    let slowest: Vec<String> = named
        .iter()
        .take(5)
        .map(|(change, name)| {
            format!(
                "{name} {:.1} ms (built in {:.1})",
                change.took.as_secs_f64() * 1e3,
                change.built.as_secs_f64() * 1e3
            )
        })
        .collect();
    let built: Vec<Duration> = steps.iter().map(|c| c.built).collect();
    let steps: Vec<Duration> = steps.iter().map(|c| c.took).collect();
    let (step, redraw, built) = (Stats::of(&steps), Stats::of(&redraws), Stats::of(&built));
    let summary = Stats::of(&summary_redraws);
    emit(json!({
        "bench": "kiosk", "figure": "form_step_drawn_ms",
        "steps": step.n, "p50": hundredths(step.p50), "p99": hundredths(step.p99),
        "max": hundredths(step.max), "target_ms": 16,
        "baseline": "redraw of the same screen without a change",
        "redraw_p50": hundredths(redraw.p50), "redraw_p99": hundredths(redraw.p99),
        "built_p50": hundredths(built.p50), "built_p99": hundredths(built.p99),
        "slowest": slowest,
        "summary_redraw_p50": hundredths(summary.p50), "summary_redraw_max": hundredths(summary.max),
        "size": "1366x768", "languages": ["de", "ar"], "forms": FORMS,
        "note": "Next on a filled step: wizard update, view, layout and the whole frame rasterised by iced's software renderer (tiny-skia) into the window's pixel buffer, headless; presenting it is not included",
    }));
}

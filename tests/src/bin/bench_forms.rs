//! Guided-forms benchmarks. Prints one JSON line per figure: converting a
//! 300-question XLSForm workbook at publish time (beside the device's check
//! of the result), a step change of the wizard, and the PDF of a filled
//! form of four pages or more.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anlauf_tests::bench::{Stats, emit, round};
use anyhow::{Context, Result, bail};
use content_sync::forms::model::FormDef;
use content_sync::forms::workbook::Workbook;
use content_sync::forms::{self, xlsform};
use kiosk_app::Language;
use kiosk_app::forms::{Slot, Wizard, WizardStep, sample};
use kiosk_app::i18n::Catalog;
use kiosk_app::slip::Fonts;
use serde_json::json;

/// Steps of nine questions and a calculation each: 306 questions.
const STEPS: usize = 34;
const LANGUAGES: [&str; 11] = [
    "de", "de-x-ls", "en", "ar", "fa", "uk", "ru", "tr", "ro", "bg", "pl",
];

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A workbook of 306 questions in 34 steps, every text in eleven languages,
/// with conditions, checks, selects and a calculation in every step.
fn big_workbook() -> (String, String, String) {
    let texts = ["label", "hint", "constraint_message"];
    let mut header = vec!["type".to_owned(), "name".to_owned()];
    for text in texts {
        header.extend(LANGUAGES.iter().map(|l| format!("{text}::{l}")));
    }
    header.extend(["required", "relevant", "constraint", "calculation"].map(String::from));
    let mut survey = vec![header.join(",")];
    let row = |kind: &str, name: &str, label: &str, rest: [&str; 4], messages: bool| {
        let mut cells = vec![kind.to_owned(), name.to_owned()];
        cells.extend(LANGUAGES.iter().map(|l| quoted(&format!("{label} ({l})"))));
        cells.extend(LANGUAGES.iter().map(|l| {
            if messages {
                quoted(&format!("Hinweis zu {label} ({l})"))
            } else {
                String::new()
            }
        }));
        cells.extend(LANGUAGES.iter().map(|l| {
            if messages && !rest[2].is_empty() {
                quoted(&format!("Bitte prüfen ({l})"))
            } else {
                String::new()
            }
        }));
        cells.extend(rest.iter().map(|r| {
            if r.is_empty() {
                String::new()
            } else {
                quoted(r)
            }
        }));
        cells.join(",")
    };
    let mut n = 0;
    for step in 0..STEPS {
        survey.push(row(
            "begin group",
            &format!("step{step}"),
            &format!("Schritt {step}"),
            ["", "", "", ""],
            false,
        ));
        for i in 0..10 {
            n += 1;
            let name = format!("q{n}");
            let line = match i {
                0 => row(
                    "select_one yesno",
                    &name,
                    "Trifft das zu?",
                    ["yes", "", "", ""],
                    true,
                ),
                1 => row(
                    "decimal",
                    &name,
                    "Betrag",
                    [
                        "",
                        &format!("${{q{}}} = 'yes'", n - 1),
                        ". >= 0 and . < 100000",
                        "",
                    ],
                    true,
                ),
                2 => row(
                    "integer",
                    &name,
                    "Anzahl",
                    ["yes", "", ". >= 1 and . <= 20", ""],
                    true,
                ),
                3 => row(
                    "date",
                    &name,
                    "Seit wann",
                    ["", "", ". <= today()", ""],
                    true,
                ),
                4 => row(
                    "text",
                    &name,
                    "Name",
                    ["yes", "", "string-length(.) <= 80", ""],
                    true,
                ),
                5 => row(
                    "select_multiple benefits",
                    &name,
                    "Welche Leistungen",
                    ["", "", "count-selected(.) <= 3", ""],
                    true,
                ),
                6 => row("postcode", &name, "Postleitzahl", ["", "", "", ""], true),
                7 => row(
                    "iban",
                    &name,
                    "IBAN",
                    [
                        "",
                        &format!("selected(${{q{}}}, 'wohngeld')", n - 2),
                        "",
                        "",
                    ],
                    true,
                ),
                8 => row(
                    "text",
                    &name,
                    "Bemerkung",
                    [
                        "",
                        &format!("${{q{}}} > 1 or ${{q{}}} != ''", n - 6, n - 4),
                        "regex(., '^[A-Za-z ]*$')",
                        "",
                    ],
                    true,
                ),
                _ => row(
                    "calculate",
                    &name,
                    "Summe",
                    [
                        "",
                        "",
                        "",
                        &format!("coalesce(${{q{}}}, 0) * 12 + ${{q{}}}", n - 8, n - 7),
                    ],
                    false,
                ),
            };
            survey.push(line);
        }
        survey.push(row("end group", "", "", ["", "", "", ""], false));
    }
    let mut choices = vec![format!(
        "list_name,name,{}",
        LANGUAGES
            .iter()
            .map(|l| format!("label::{l}"))
            .collect::<Vec<_>>()
            .join(",")
    )];
    for (list, name) in [
        ("yesno", "yes"),
        ("yesno", "no"),
        ("benefits", "wohngeld"),
        ("benefits", "buergergeld"),
        ("benefits", "kindergeld"),
        ("benefits", "rente"),
    ] {
        choices.push(format!(
            "{list},{name},{}",
            LANGUAGES
                .iter()
                .map(|l| format!("{name} {l}"))
                .collect::<Vec<_>>()
                .join(",")
        ));
    }
    let settings = format!(
        "form_id,{},{}\nbig,{},{}\n",
        LANGUAGES
            .iter()
            .map(|l| format!("form_title::{l}"))
            .collect::<Vec<_>>()
            .join(","),
        LANGUAGES
            .iter()
            .map(|l| format!("summary::{l}"))
            .collect::<Vec<_>>()
            .join(","),
        LANGUAGES
            .iter()
            .map(|l| format!("Großer Antrag {l}"))
            .collect::<Vec<_>>()
            .join(","),
        LANGUAGES
            .iter()
            .map(|l| format!("Ein großer Antrag {l}."))
            .collect::<Vec<_>>()
            .join(","),
    );
    (
        survey.join("\n") + "\n",
        choices.join("\n") + "\n",
        settings,
    )
}

fn conversion() -> Result<Arc<FormDef>> {
    let (survey, choices, settings) = big_workbook();
    let mut convert = Vec::new();
    let mut check = Vec::new();
    let mut form = None;
    for _ in 0..15 {
        let started = Instant::now();
        let book = Workbook::from_csv([
            ("survey", survey.as_bytes()),
            ("choices", choices.as_bytes()),
            ("settings", settings.as_bytes()),
        ])?;
        let def = xlsform::convert(&book).map_err(|p| anyhow::anyhow!("{}", p[0]))?;
        let json = serde_json::to_vec(&def)?;
        convert.push(started.elapsed());
        let started = Instant::now();
        let languages: Vec<String> = LANGUAGES.iter().map(|l| l.to_string()).collect();
        forms::parse_definition("big", &json, &languages).map_err(|p| anyhow::anyhow!("{p:?}"))?;
        check.push(started.elapsed());
        form = Some(def);
    }
    let form = form.context("no form")?;
    let questions = form.fields().filter(|f| f.kind.is_input()).count();
    let convert = Stats::of(&convert);
    let check = Stats::of(&check);
    emit(
        json!({"bench": "forms", "figure": "publish_conversion_ms", "questions": questions,
        "rows": STEPS * 12, "languages": LANGUAGES.len(), "p50": round(convert.p50), "max": round(convert.max),
        "target_ms": 1000,
        "note": "XLSForm sheets read, every expression parsed, references and texts checked, the definition written as JSON"}),
    );
    emit(
        json!({"bench": "forms", "figure": "device_check_ms", "questions": questions,
        "p50": round(check.p50), "max": round(check.max),
        "ratio_conversion_to_check": round(convert.p50 / check.p50),
        "note": "baseline: what the device does with the published definition (JSON read, references and eleven languages checked)"}),
    );
    Ok(Arc::new(form))
}

fn answer(wizard: &mut Wizard, slot: &Slot, value: &str) {
    wizard.set(slot, value);
    let _ = wizard.leave(slot);
}

fn hundredths(ms: f64) -> f64 {
    (ms * 100.0).round() / 100.0
}

fn step_change(form: &Arc<FormDef>, today: jiff::civil::Date) -> Result<()> {
    let mut samples = Vec::new();
    for _ in 0..5 {
        let mut wizard = Wizard::new(Arc::clone(form), today);
        while wizard.at() != WizardStep::Summary {
            sample::fill_step(&mut wizard, 0);
            let started = Instant::now();
            if !wizard.forward() {
                bail!("a step of the big form was refused");
            }
            // What the screen reads to draw the next step.
            let shown = wizard.shown().len();
            let progress = wizard.progress();
            samples.push(started.elapsed());
            std::hint::black_box((shown, progress));
        }
        let started = Instant::now();
        let lines = wizard.summary("ar").len();
        samples.push(started.elapsed());
        std::hint::black_box(lines);
    }
    let stats = Stats::of(&samples);
    emit(
        json!({"bench": "forms", "figure": "step_change_ms", "questions": form.fields().count(),
        "steps": samples.len(), "p50": hundredths(stats.p50), "p99": hundredths(stats.p99),
        "max": hundredths(stats.max), "target_ms": 16,
        "note": "every answer of the step checked, the next step's conditions and calculations evaluated, what it shows listed; widgets not included"}),
    );
    Ok(())
}

fn pdf(today: jiff::civil::Date) -> Result<()> {
    let files = content_sync::demo::files();
    let bytes = files
        .get("forms/wohngeld.json")
        .context("the demo pack's Wohngeld form")?;
    let form: Arc<FormDef> = Arc::new(serde_json::from_slice(bytes)?);
    let mut wizard = Wizard::new(form, today);
    let mut guard = 0;
    while wizard.at() != WizardStep::Summary && guard < 20 {
        guard += 1;
        if let WizardStep::Step(index) = wizard.at()
            && wizard.form().steps[index].name == "household"
        {
            answer(&mut wizard, &Slot::top("persons"), "16");
            for entry in 0..15 {
                wizard.add_entry("members");
                for (field, value) in [
                    ("member_given_name", "Sami"),
                    ("member_family_name", "Musterfrau"),
                    ("member_birth_date", "2010-03-01"),
                    ("member_relation", "child"),
                    ("member_has_income", "no"),
                ] {
                    answer(&mut wizard, &Slot::entry(field, entry), value);
                }
            }
        }
        sample::fill_step(&mut wizard, 0);
        wizard.forward();
    }
    if wizard.at() != WizardStep::Summary {
        bail!("the Wohngeld form did not reach its summary");
    }
    let catalog = Catalog::builtin().map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let fonts = Fonts::load(Path::new("/usr/share/fonts/truetype/noto"));
    for language in [Language::German, Language::Arabic] {
        let mut samples: Vec<Duration> = Vec::new();
        let mut pages = 0;
        let mut size = 0;
        for _ in 0..8 {
            let started = Instant::now();
            let made = kiosk_app::forms::form_pdf(&wizard, language, &catalog, &fonts)?;
            samples.push(started.elapsed());
            pages = made.document.pages.len();
            size = made.pdf.len();
        }
        let stats = Stats::of(&samples);
        emit(
            json!({"bench": "forms", "figure": "filled_form_pdf_ms", "lang": language.tag(), "pages": pages,
            "answers": wizard.summary(language.tag()).len(), "pdf_bytes": size,
            "p50": round(stats.p50), "max": round(stats.max), "target_ms": 500,
            "note": "Wohngeld for a household of sixteen (the applicant and fifteen members): data, layout with Typst and PDF; fonts loaded once"}),
        );
    }
    Ok(())
}

fn main() -> Result<()> {
    let today = jiff::civil::date(2026, 11, 30);
    let form = conversion()?;
    step_change(&form, today)?;
    pdf(today)
}

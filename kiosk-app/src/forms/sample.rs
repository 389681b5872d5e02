//! Good sample answers for what a step of a form shows: the walks through
//! every branch of the demo forms, the benchmarks and screenshots use them.
//! `variant` picks among choices and decides whether optional questions
//! stay empty, so that different variants take different branches.

use content_sync::forms::model::Kind;

use super::{Shown, Slot, Wizard};

/// Answers to try for a field, best first; `variant` picks among choices
/// and decides whether an optional field stays empty.
fn candidates(wizard: &Wizard, slot: &Slot, kind: &Kind, variant: usize) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    if variant % 3 == 2 {
        values.push(String::new());
    }
    let n = slot.entry.map_or(0, |e| e + 1);
    match kind {
        // Unique per field where the form allows digits, plain letters where
        // it does not.
        Kind::Text => values.extend([
            format!("Antwort{}{n}", slot.field.len()),
            "Amal Musterfrau".to_owned(),
        ]),
        Kind::Integer => values.extend(
            if variant.is_multiple_of(2) {
                ["2", "1"]
            } else {
                ["1", "2"]
            }
            .map(String::from),
        ),
        Kind::Decimal => values.extend(["450,50", "12", "0"].map(String::from)),
        Kind::Date => values.push("01.02.2026".into()),
        Kind::BirthDate => values.push("24.12.1980".into()),
        Kind::Iban => values.push("DE89 3704 0044 0532 0130 00".into()),
        Kind::TaxId => values.push("86095742719".into()),
        Kind::SocialInsurance => values.push("65170839J003".into()),
        Kind::Postcode => values.push("04109".into()),
        Kind::Phone => values.push("0341 5550100".into()),
        Kind::Email => values.push("amal@example.org".into()),
        Kind::SelectOne(_) => {
            let names: Vec<String> = wizard
                .choices(slot)
                .iter()
                .map(|c| c.name.clone())
                .collect();
            let len = names.len().max(1);
            values.extend((0..names.len()).map(|i| names[(variant + i) % len].clone()));
        }
        Kind::SelectMultiple(_) => {
            let names: Vec<String> = wizard
                .choices(slot)
                .iter()
                .map(|c| c.name.clone())
                .collect();
            if variant.is_multiple_of(2) {
                values.push(names.join(" "));
                values.push(names[..names.len().saturating_sub(1)].join(" "));
            }
            let len = names.len().max(1);
            values.extend((0..names.len()).map(|i| names[(variant / 2 + i) % len].clone()));
        }
        Kind::Note | Kind::Calculate => {}
    }
    values
}

/// Answers every question the current step shows with the first sample
/// answer the wizard accepts, adding up to two entries to each repeat;
/// answering may show further questions, so it goes round until nothing
/// new appears.
pub fn fill_step(wizard: &mut Wizard, variant: usize) {
    for _ in 0..6 {
        let mut changed = false;
        let shown: Vec<(Slot, Kind, Option<String>)> = wizard
            .shown()
            .into_iter()
            .map(|shown| match shown {
                Shown::Field { field, slot } => (slot, field.kind.clone(), None),
                Shown::Entry { repeat, entry } => {
                    (Slot::entry(&repeat.name, entry), Kind::Note, None)
                }
                Shown::AddEntry { repeat } => (
                    Slot::top(&repeat.name),
                    Kind::Note,
                    Some(repeat.name.clone()),
                ),
            })
            .collect();
        for (slot, kind, add) in shown {
            if let Some(repeat) = add {
                if wizard
                    .shown()
                    .iter()
                    .filter(|s| matches!(s, Shown::Entry { .. }))
                    .count()
                    < 2
                {
                    wizard.add_entry(&repeat);
                    changed = true;
                }
                continue;
            }
            if !kind.is_input() || !wizard.answer(&slot).is_empty() || wizard.error(&slot).is_some()
            {
                continue;
            }
            for value in candidates(wizard, &slot, &kind, variant) {
                wizard.set(&slot, &value);
                if wizard.leave(&slot).is_ok() {
                    break;
                }
            }
            changed = true;
        }
        if !changed {
            break;
        }
    }
}

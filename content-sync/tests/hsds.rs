//! Importing Open Referral HSDS 3.0 datasets, JSON and tabular, through the
//! real command.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use content_sync::hsds;
use content_sync::model::{Audience, Category, Days, PackInfo, Service};
use content_sync::source::{Pack, read_dir};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hsds")
        .join(name)
}

/// Fails unless one of the reasons starts with `prefix`.
fn has(reasons: &[String], prefix: &str) {
    assert!(
        reasons.iter().any(|r| r.starts_with(prefix)),
        "no {prefix:?} in {reasons:#?}"
    );
}

/// The skipped services as "id: reason".
fn reasons(import: &hsds::Import) -> Vec<String> {
    import
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.id, s.reason))
        .collect()
}

/// The service with the pack id `id`.
fn service<'a>(pack: &'a Pack, id: &str) -> &'a Service {
    pack.services
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no service {id}"))
}

fn info() -> PackInfo {
    PackInfo::new("Test", "Leipzig", vec!["de".into(), "en".into()])
}

#[test]
fn the_json_form_is_imported_with_translations_and_reasons() {
    let import = hsds::import(&fixture("services.json"), &info()).unwrap();
    assert_eq!(import.imported, 4);
    let reasons = reasons(&import);
    has(&reasons, "svc-003: no category");
    has(&reasons, "svc-004: no description in \"en\"");
    let pack = Pack::parse(&import.files).unwrap();
    let food = pack
        .services
        .iter()
        .find(|s| s.category == Category::Food)
        .unwrap();
    assert_eq!(food.id, "svc-001");
    assert_eq!(food.address, "Nordstraße 7, 04105 Leipzig");
    assert_eq!(food.phone, "0341 555 0201");
    assert_eq!(food.hours.len(), 2, "weekdays and Saturday");
    assert_eq!(
        (food.hours[0].days, food.hours[0].opens.as_str()),
        ("mon-fri".parse::<Days>().unwrap(), "11:00")
    );
    assert_eq!(food.summary["en"], "A warm room, tea, and soup at noon.");
    assert!(pack.services.iter().any(|s| s.category == Category::Debts));
}

#[test]
fn the_json_form_carries_costs_access_audience_and_documents() {
    let import = hsds::import(&fixture("services.json"), &info()).unwrap();
    let reasons = reasons(&import);
    let pack = Pack::parse(&import.files).unwrap();
    // A cost option of 2.50 makes it not free, despite "kostenlos" for tea;
    // the fees text comes in both languages.
    let food = service(&pack, "svc-001");
    assert_eq!(food.free, Some(false));
    assert_eq!(food.fees["de"], "Suppe 2,50 €, Tee kostenlos.");
    assert_eq!(food.fees["en"], "Soup €2.50, tea free.");
    assert_eq!(food.wheelchair, Some(true), "Rollstuhlgerechter Eingang");
    assert_eq!(food.audience, []);
    assert!(food.bring.is_empty());
    // "Kostenlos." without cost options is free; its fees text has no
    // English and is left out (and said so), the documents are kept.
    let debts = service(&pack, "svc-002");
    assert_eq!(debts.free, Some(true));
    assert!(debts.fees.is_empty());
    has(
        &reasons,
        "svc-002: no fees_description in \"en\" (imported without fees)",
    );
    assert_eq!(
        debts.bring["de"],
        "Personalausweis, alle Briefe von Gläubigern"
    );
    assert_eq!(debts.bring["en"], "ID card, all letters from creditors");
    assert_eq!(debts.wheelchair, None);
    // Only for women, not step-free; its cost option's amount is not a
    // number, which is reported, and nothing else of it is lost.
    has(
        &reasons,
        "svc-005: cost option amount \"2,50 Euro\" is not a number (the service is imported \
         without it)",
    );
    let shelter = service(&pack, "svc-005");
    assert_eq!(shelter.audience, [Audience::Women]);
    assert_eq!(shelter.wheelchair, Some(false));
    assert_eq!(shelter.free, None);
    assert!(shelter.fees.is_empty());
    assert_eq!(shelter.category, Category::Sleep);
    assert_eq!(shelter.phone, "0341 555 0205");
    assert_eq!(shelter.hours.len(), 1);
    assert_eq!(shelter.summary["en"], "A bed for the night.");
    // Young people; every cost option is 0.
    let youth = service(&pack, "svc-006");
    assert_eq!(youth.audience, [Audience::Young]);
    assert_eq!(youth.free, Some(true));
    assert_eq!(youth.appointment, Some(true));
}

#[test]
fn the_tabular_form_is_imported_through_the_command() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("pack");
    let output = Command::new(env!("CARGO_BIN_EXE_content-sync"))
        .arg("import-hsds")
        .arg(fixture("tabular"))
        .args([
            "--out",
            dir.to_str().unwrap(),
            "--name",
            "West",
            "--languages",
            "de,en",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("imported 3 services"), "{stdout}");
    assert!(stdout.contains("s2: schedule repeats MONTHLY"), "{stdout}");
    assert!(stdout.contains("s3: no category"), "{stdout}");
    let pack = Pack::parse(&read_dir(&dir).unwrap()).unwrap();
    let clothes = pack.services.iter().find(|s| s.id == "s1").unwrap();
    assert_eq!(clothes.category, Category::ClothesShowers);
    assert_eq!(clothes.hours[0].days, "mon-thu".parse::<Days>().unwrap());
    assert_eq!(clothes.summary["en"], "Clothes and shoes, free.");
    // The new tables: cost options, required documents, accessibility.
    assert_eq!(clothes.free, Some(true), "its only cost option is 0");
    assert_eq!(clothes.wheelchair, Some(true), "Stufenloser Eingang");
    assert_eq!(clothes.bring["de"], "Berechtigungsschein");
    assert_eq!(clothes.bring["en"], "Entitlement card");
    let showers = pack.services.iter().find(|s| s.id == "s2").unwrap();
    assert_eq!(showers.free, Some(false));
    assert_eq!(showers.fees["de"], "1 € pro Dusche, Handtuch inklusive.");
    assert_eq!(showers.fees["en"], "€1 a shower, towel included.");
    assert_eq!(showers.audience, [Audience::Women]);
    assert_eq!(showers.wheelchair, None, "eingeschränkt barrierefrei");
    assert!(
        stdout.contains("s2: cost option amount \"ein Euro\" is not a number"),
        "{stdout}"
    );
    let workshop = pack.services.iter().find(|s| s.id == "s4").unwrap();
    assert_eq!(workshop.audience, [Audience::Young], "maximum_age 26");
    assert_eq!(workshop.free, Some(true), "gratis");
    assert_eq!(workshop.fees["en"], "free");
    // The result is a source that publishes.
    let check = Command::new(env!("CARGO_BIN_EXE_content-sync"))
        .arg("check")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(check.status.success());
    // A second import refuses to overwrite it.
    let again =
        hsds::write(&hsds::import(&fixture("tabular"), &info()).unwrap(), &dir).unwrap_err();
    assert!(again.to_string().contains("is not empty"), "{again}");
}

#[test]
fn broken_input_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("broken.json");
    std::fs::write(&json, "[\n  { \"id\": \"x\",\n").unwrap();
    let error = hsds::import(&json, &info()).unwrap_err().to_string();
    assert!(error.contains("broken.json:3: not HSDS JSON"), "{error}");
    let tabular = dir.path().join("tabular");
    std::fs::create_dir_all(&tabular).unwrap();
    std::fs::write(tabular.join("datapackage.json"), "{}").unwrap();
    std::fs::write(tabular.join("services.csv"), "id,name\ns1,\"unclosed\n").unwrap();
    let error = hsds::import(&tabular, &info()).unwrap_err().to_string();
    assert!(
        error.contains("services.csv:3: a quoted field is not closed"),
        "{error}"
    );
    std::fs::write(tabular.join("services.csv"), "id,name\ns1,a,b\n").unwrap();
    let error = hsds::import(&tabular, &info()).unwrap_err().to_string();
    assert!(
        error.contains("services.csv:2: 3 fields where the header has 2"),
        "{error}"
    );
    // The line is where the record starts, after fields that span lines.
    let spanning = "id,name\ns1,\"two\nlines\"\ns2,a,b\n";
    std::fs::write(tabular.join("services.csv"), spanning).unwrap();
    let error = hsds::import(&tabular, &info()).unwrap_err().to_string();
    assert!(error.contains("services.csv:4: 3 fields"), "{error}");
    let error = hsds::import(dir.path(), &info()).unwrap_err().to_string();
    assert!(
        error.contains("neither an HSDS JSON file nor a directory with datapackage.json"),
        "{error}"
    );
}

#[test]
fn loose_matches_and_narrowed_schedules_are_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("d.json");
    let service = |id: &str, term: &str, schedule: &str| {
        format!(
            r#"{{"id": "{id}", "name": "N", "description": "D",
                "x_anlauf_translations": {{"en": {{"description": "E"}}}},
                "service_at_locations": [{{"location": {{"addresses": [{{"address_1": "W 1", "city": "L", "postal_code": "04103"}}]}}}}],
                "schedules": [{schedule}],
                "attributes": [{{"taxonomy_term": {{"name": "{term}"}}}}]}}"#
        )
    };
    let weekly = r#"{"freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00"}"#;
    let fortnightly = r#"{"freq": "WEEKLY", "interval": 2, "byday": "MO", "opens_at": "09:00", "closes_at": "10:00"}"#;
    let ended = r#"{"freq": "WEEKLY", "valid_to": "2000-01-01", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00"}"#;
    let two_days =
        r#"{"freq": "WEEKLY", "byday": "MO,WE", "opens_at": "09:00", "closes_at": "10:00"}"#;
    let items = [
        service("soup", "Soup Kitchen", two_days),
        service("email", "Email Support", weekly),
        service("compost", "Compost Collection", weekly),
        service("clothing", "Clothing Bank", fortnightly),
        service("meals", "Free Meals", ended),
    ];
    std::fs::write(&json, format!("[{}]", items.join(","))).unwrap();
    let import = hsds::import(&json, &info()).unwrap();
    let reasons = reasons(&import);
    has(&reasons, "email: no category");
    has(&reasons, "compost: no category");
    has(&reasons, "clothing: schedule has interval = 2");
    has(&reasons, "meals: schedule has valid_to = 2000-01-01");
    assert_eq!(import.imported, 3);
    let pack = Pack::parse(&import.files).unwrap();
    let soup = pack.services.iter().find(|s| s.id == "soup").unwrap();
    let days: Vec<String> = soup.hours.iter().map(|h| h.days.to_string()).collect();
    assert_eq!(days, ["mon,wed"]);
    std::fs::write(&json, "42").unwrap();
    let error = hsds::import(&json, &info()).unwrap_err().to_string();
    assert!(error.contains("expected an array of services"), "{error}");
}

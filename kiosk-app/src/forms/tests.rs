use std::sync::Arc;

use content_sync::forms::model::{FormDef, ProfileKey};
use content_sync::forms::types::Invalid;
use content_sync::forms::workbook::Workbook;
use content_sync::forms::xlsform;

use super::*;

const SURVEY: &str = r#"type,name,label::de,label::en,required,relevant,constraint,constraint_message::de,constraint_message::en,calculation,default,choice_filter,profile,repeat_count
begin group,person,Zu Ihnen,About you,,,,,,,,,,
text,given,Vorname,Given name,yes,,,,,,,,given_name,
birth_date,born,Geburtsdatum,Date of birth,yes,,,,,,,,birth_date,
select_one region,region,Bundesland,State,,,,,,,sn,,,
select_one city,city,Stadt,Town,,,,,,,,region = ${region},,
end group,,,,,,,,,,,,,
begin group,money,Geld,Money,,,,,,,,,,
select_one yesno,has_income,Einkommen?,Income?,yes,,,,,,,,,
decimal,income,Wie viel?,How much?,yes,${has_income} = 'yes',. > 0,Mehr als null,More than zero,,,,,
iban,iban,IBAN,IBAN,,${has_income} = 'yes',,,,,,,iban,
integer,persons,Personen,People,yes,,. >= 1 and . <= 20,1 bis 20,1 to 20,,1,,,
end group,,,,,,,,,,,,,
begin group,household,Haushalt,Household,,${persons} > 1,,,,,,,,
begin repeat,members,Person,Person,,,,,,,,,,3
text,member_name,Name,Name,yes,,,,,,,,,
decimal,member_income,Einkommen,Income,,,,,,,,,,
end repeat,,,,,,,,,,,,,
calculate,household_income,,,,,,,,"sum(${member_income}) + coalesce(${income}, 0)",,,,
calculate,member_count,,,,,,,,count(${members}),,,,
end group,,,,,,,,,,,,,
"#;

const CHOICES: &str = "\
list_name,name,label::de,label::en,region
yesno,yes,Ja,Yes,
yesno,no,Nein,No,
region,sn,Sachsen,Saxony,
region,st,Sachsen-Anhalt,Saxony-Anhalt,
city,leipzig,Leipzig,Leipzig,sn
city,dresden,Dresden,Dresden,sn
city,halle,Halle,Halle,st
docs,id,Ausweis,ID card,
";

const SETTINGS: &str =
    "form_id,form_title::de,form_title::en,summary::de,summary::en,documents,online_service
test,Testantrag,Test application,Zum Testen.,For tests.,docs,https://example.org/online
";

fn form() -> Arc<FormDef> {
    let book = Workbook::from_csv([
        ("survey", SURVEY.as_bytes()),
        ("choices", CHOICES.as_bytes()),
        ("settings", SETTINGS.as_bytes()),
    ])
    .unwrap();
    Arc::new(xlsform::convert(&book).unwrap())
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 30)
}

fn fill(wizard: &mut Wizard, field: &str, value: &str) {
    let slot = Slot::top(field);
    wizard.set(&slot, value);
    wizard.leave(&slot).unwrap();
}

#[test]
fn a_step_with_a_missing_required_answer_stays_and_says_why() {
    let mut wizard = Wizard::new(form(), today());
    assert_eq!(wizard.at(), WizardStep::Step(0));
    assert_eq!(
        wizard.progress(),
        (1, 3),
        "two steps apply, then the summary"
    );
    assert!(!wizard.forward());
    assert_eq!(wizard.at(), WizardStep::Step(0));
    assert_eq!(
        wizard.error(&Slot::top("given")),
        Some(&FieldError::Required(Default::default()))
    );
    fill(&mut wizard, "given", "Amal");
    let born = Slot::top("born");
    wizard.set(&born, "31.02.1990");
    assert_eq!(wizard.leave(&born), Err(FieldError::Invalid(Invalid::Date)));
    wizard.set(&born, "1.2.2031");
    assert_eq!(
        wizard.leave(&born),
        Err(FieldError::Invalid(Invalid::BirthInFuture))
    );
    wizard.set(&born, "1.2.1990");
    assert_eq!(wizard.leave(&born), Ok(()));
    assert_eq!(wizard.answer(&born), "1990-02-01", "stored normalised");
    assert_eq!(wizard.display(&born, "de"), "01.02.1990");
    assert!(wizard.forward());
    assert_eq!(wizard.at(), WizardStep::Step(1));
}

#[test]
fn relevant_conditions_show_and_hide_questions_and_steps() {
    let mut wizard = Wizard::new(form(), today());
    fill(&mut wizard, "given", "Amal");
    fill(&mut wizard, "born", "1990-02-01");
    assert!(wizard.forward());
    let names = |w: &Wizard| -> Vec<String> {
        w.shown()
            .iter()
            .filter_map(|s| match s {
                Shown::Field { field, .. } => Some(field.name.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(names(&wizard), ["has_income", "persons"]);
    fill(&mut wizard, "has_income", "yes");
    assert_eq!(names(&wizard), ["has_income", "income", "iban", "persons"]);
    // The constraint's own message, then the IBAN's check digits.
    let income = Slot::top("income");
    wizard.set(&income, "0");
    assert_eq!(
        wizard.leave(&income),
        Err(FieldError::Constraint(
            [
                ("de".to_owned(), "Mehr als null".to_owned()),
                ("en".to_owned(), "More than zero".to_owned())
            ]
            .into()
        ))
    );
    fill(&mut wizard, "income", "450,50");
    assert_eq!(wizard.answer(&income), "450.50");
    let iban = Slot::top("iban");
    wizard.set(&iban, "DE89 3704 0044 0532 0130 01");
    assert_eq!(
        wizard.leave(&iban),
        Err(FieldError::Invalid(Invalid::IbanChecksum))
    );
    fill(&mut wizard, "iban", "de89370400440532013000");
    // One person: the household step does not apply.
    assert_eq!(wizard.answer(&Slot::top("persons")), "1", "the default");
    assert!(wizard.forward());
    assert_eq!(wizard.at(), WizardStep::Summary);
    assert!(wizard.back());
    // Back keeps every answer; answering "no" hides income and IBAN, and
    // they are not in the summary, but come back when "yes" is chosen again.
    fill(&mut wizard, "has_income", "no");
    assert_eq!(names(&wizard), ["has_income", "persons"]);
    assert!(wizard.forward());
    let summary: Vec<String> = wizard
        .summary("en")
        .iter()
        .map(|l| l.label.clone())
        .collect();
    assert_eq!(
        summary,
        ["Given name", "Date of birth", "State", "Income?", "People"]
    );
    assert!(wizard.back());
    fill(&mut wizard, "has_income", "yes");
    assert_eq!(wizard.answer(&income), "450.50");
    assert_eq!(wizard.answer(&iban), "DE89 3704 0044 0532 0130 00");
}

#[test]
fn repeats_hold_household_members_and_calculations_add_them_up() {
    let mut wizard = Wizard::new(form(), today());
    fill(&mut wizard, "given", "Amal");
    fill(&mut wizard, "born", "1990-02-01");
    assert!(wizard.forward());
    fill(&mut wizard, "has_income", "yes");
    fill(&mut wizard, "income", "100");
    fill(&mut wizard, "persons", "3");
    assert!(wizard.forward());
    assert_eq!(wizard.at(), WizardStep::Step(2));
    assert_eq!(wizard.progress(), (3, 4));
    assert!(matches!(
        wizard.shown().as_slice(),
        [Shown::AddEntry { .. }]
    ));
    for (entry, (name, income)) in [("Sami", "200"), ("Lina", ""), ("Omar", "50,5")]
        .iter()
        .enumerate()
    {
        wizard.add_entry("members");
        wizard.set(&Slot::entry("member_name", entry), name);
        wizard.set(&Slot::entry("member_income", entry), income);
    }
    // At most three entries.
    wizard.add_entry("members");
    assert!(
        !wizard
            .shown()
            .iter()
            .any(|s| matches!(s, Shown::AddEntry { .. }))
    );
    assert!(wizard.forward());
    assert_eq!(wizard.answer(&Slot::top("member_count")), "3");
    assert_eq!(wizard.answer(&Slot::top("household_income")), "350.5");
    let summary = wizard.summary("de");
    assert!(
        summary
            .iter()
            .any(|l| l.label == "Name (2)" && l.answer == "Lina"),
        "{summary:?}"
    );
    assert!(
        summary
            .iter()
            .any(|l| l.label == "Einkommen (3)" && l.answer == "50,5")
    );
    // A member removed: the sums follow.
    assert!(wizard.back());
    wizard.remove_entry("members", 0);
    assert_eq!(wizard.answer(&Slot::entry("member_name", 0)), "Lina");
    assert_eq!(wizard.answer(&Slot::top("household_income")), "150.5");
    // A required name missing in an entry keeps the step.
    wizard.set(&Slot::entry("member_name", 1), "");
    assert!(!wizard.forward());
    assert!(matches!(
        wizard.error(&Slot::entry("member_name", 1)),
        Some(FieldError::Required(_))
    ));
}

#[test]
fn choice_filters_read_the_choices_columns() {
    let mut wizard = Wizard::new(form(), today());
    let city = Slot::top("city");
    let names =
        |w: &Wizard| -> Vec<String> { w.choices(&city).iter().map(|c| c.name.clone()).collect() };
    assert_eq!(wizard.answer(&Slot::top("region")), "sn", "the default");
    assert_eq!(names(&wizard), ["leipzig", "dresden"]);
    fill(&mut wizard, "region", "st");
    assert_eq!(names(&wizard), ["halle"]);
    // A choice the filter hides is not accepted.
    wizard.set(&city, "leipzig");
    assert!(wizard.leave(&city).is_err());
    fill(&mut wizard, "city", "halle");
    assert_eq!(wizard.display(&city, "en"), "Halle");
}

#[test]
fn personal_data_is_offered_in_the_next_form_not_forced() {
    let mut profile = Profile::default();
    let mut first = Wizard::new(form(), today());
    fill(&mut first, "given", "Amal");
    fill(&mut first, "born", "1990-02-01");
    first.remember(&mut profile);
    assert_eq!(profile.get(ProfileKey::GivenName), Some("Amal"));
    let second = Wizard::new(form(), today());
    let given = Slot::top("given");
    assert_eq!(second.answer(&given), "", "nothing is filled in by itself");
    assert_eq!(second.offer(&given, &profile).as_deref(), Some("Amal"));
    assert_eq!(
        second.offer(&Slot::top("iban"), &profile),
        None,
        "never entered"
    );
    // Once answered, nothing more is offered.
    let mut second = second;
    fill(&mut second, "given", "Sami");
    assert_eq!(second.offer(&given, &profile), None);
}

#[test]
fn wiping_the_session_forgets_the_form_and_the_profile() {
    use zeroize::Zeroize;
    let mut session = crate::session::Session::new(crate::Language::German);
    let mut wizard = Wizard::new(form(), today());
    fill(&mut wizard, "given", "canary-5d1e");
    wizard.remember(&mut session.profile);
    session.form = Some(wizard);
    session.wipe(crate::Language::German);
    assert!(session.form.is_none());
    assert!(session.profile.is_empty());
    let mut profile = Profile::default();
    profile.set(ProfileKey::Phone, "0341");
    profile.zeroize();
    assert!(profile.is_empty());
}

#[test]
fn every_reason_an_answer_is_refused_has_a_message() {
    // The translation test holds every language to German's keys.
    let ids = crate::i18n::message_ids(crate::i18n::source(crate::Language::German));
    for invalid in Invalid::ALL {
        assert!(
            ids.iter().any(|id| id == invalid.message_key()),
            "{invalid:?}"
        );
    }
    for key in ["form-required", "form-constraint"] {
        assert!(ids.iter().any(|id| id == key), "{key}");
    }
}

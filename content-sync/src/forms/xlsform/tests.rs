use super::*;
use crate::forms::model::{Kind, ProfileKey};

const SETTINGS: &str = "form_id,form_title::Deutsch (de),form_title::English (en),summary::de,summary::en,version,pictogram,documents,online_service\n\
    sample,Beispiel,Sample,Ein Beispiel.,A sample.,2026-11,money,docs,https://example.org/apply\n";

const CHOICES: &str = "list_name,name,label::de,label::en,region\n\
    yesno,yes,Ja,Yes,\n\
    yesno,no,Nein,No,\n\
    benefits,wohngeld,Wohngeld,Housing benefit,\n\
    benefits,buergergeld,Bürgergeld,Citizen's income,\n\
    city,leipzig,Leipzig,Leipzig,sn\n\
    city,dresden,Dresden,Dresden,sn\n\
    city,halle,Halle,Halle,st\n\
    docs,id,Ausweis,ID card,\n\
    docs,rent,Mietvertrag,Tenancy agreement,\n";

fn book(survey: &str, choices: &str, settings: &str) -> Workbook {
    Workbook::from_csv([
        ("survey", survey.as_bytes()),
        ("choices", choices.as_bytes()),
        ("settings", settings.as_bytes()),
    ])
    .unwrap()
}

fn messages(survey: &str) -> Vec<String> {
    convert(&book(survey, CHOICES, SETTINGS))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Every supported type and column in one form.
const FULL: &str = "\
type,name,label::Deutsch (de),label::English (en),hint::de,hint::en,privacy::de,privacy::en,required,required_message::de,required_message::en,relevant,constraint,constraint_message::de,constraint_message::en,calculation,default,appearance,choice_filter,repeat_count,profile,fim_id,pdf_field
begin group,person,Zu Ihnen,About you,,,,,,,,,,,,,,,,,,,
text,given,Vorname,Given name,Wie auf dem Ausweis,As on your ID,,,yes,Bitte Vornamen angeben,Please give your given name,,,,,,,,,,given_name,F60000227,Vorname
text,family,Familienname,Family name,,,,,yes,,,,,,,,,,,,family_name,,Name
birth_date,born,Geburtsdatum,Date of birth,,,,,yes,,,,,,,,,,,,birth_date,,
text,nationality,Staatsangehörigkeit,Nationality,,,Sie müssen das nicht angeben.,You need not say this.,,,,,,,,,,,,,,,
end group,,,,,,,,,,,,,,,,,,,,,,
begin group,money,Geld,Money,,,,,,,,,,,,,,,,,,,
select_one yesno,has_income,Haben Sie Einkommen?,Do you have income?,,,,,yes,,,,,,,,no,,,,,,
decimal,income,Wie viel im Monat?,How much a month?,,,,,${has_income} = 'yes',,,selected(${has_income}; 'yes'),. >= 0 and . < 100000,Bitte einen Betrag,Please an amount,,,numbers,,,,,
select_multiple benefits,benefits,Welche Leistungen?,Which benefits?,,,,,,,,,,,,,,,,,,,
integer,persons,Wie viele Personen?,How many people?,,,,,yes,,,,. >= 1,,,,1,,,,,,
date,since,Seit wann?,Since when?,,,,,,,,,,,,,,,,,,,
iban,iban,IBAN,IBAN,,,,,,,,,,,,,,,,,iban,,
tax_id,tax,Steuer-ID,Tax ID,,,,,,,,,,,,,,,,,,,
social_insurance,svnr,Rentenversicherungsnummer,Social insurance number,,,,,,,,,,,,,,,,,,,
postcode,plz,Postleitzahl,Postcode,,,,,,,,,,,,,,,,,postcode,,
phone,phone,Telefon,Phone,,,,,,,,,,,,,,,,,phone,,
email,mail,E-Mail,E-mail,,,,,,,,,,,,,,,,,email,,
select_one city,city,Stadt,Town,,,,,,,,,,,,,,minimal,region = 'sn',,,,
calculate,yearly,,,,,,,,,,,,,,${income} * 12,,,,,,,
note,thanks,Danke.,Thank you.,,,,,,,,,,,,,,,,,,,
end group,,,,,,,,,,,,,,,,,,,,,,
begin repeat,members,Mitglied des Haushalts,Household member,,,,,,,,${persons} > 1,,,,,,,,5,,,
text,member_name,Name,Name,,,,,yes,,,,,,,,,,,,,,
integer,member_age,Alter,Age,,,,,,,,,,,,,,,,,,,
end repeat,,,,,,,,,,,,,,,,,,,,,,
calculate,member_count,,,,,,,,,,,,,,count(${member_name}),,,,,,,
";

#[test]
fn every_supported_type_and_column_is_converted() {
    // A semicolon inside a function call is not XPath: fixed below.
    let survey = FULL.replace(
        "selected(${has_income}; 'yes')",
        "\"selected(${has_income}, 'yes')\"",
    );
    let form = convert(&book(&survey, CHOICES, SETTINGS)).unwrap();
    assert_eq!(form.id, "sample");
    assert_eq!(form.title["en"], "Sample");
    assert_eq!(form.summary["de"], "Ein Beispiel.");
    assert_eq!(form.pictogram, "money");
    assert_eq!(
        form.online_service.as_deref(),
        Some("https://example.org/apply")
    );
    assert_eq!(form.documents.len(), 2);
    assert_eq!(form.documents[1]["en"], "Tenancy agreement");
    // Two groups and the questions after them: three steps.
    let names: Vec<&str> = form.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["person", "money", "step_3"]);
    let given = form.field("given").unwrap();
    assert_eq!(given.kind, Kind::Text);
    assert_eq!(given.hint["en"], "As on your ID");
    assert!(given.required.is_some());
    assert_eq!(given.required_message["de"], "Bitte Vornamen angeben");
    assert_eq!(given.profile, Some(ProfileKey::GivenName));
    assert_eq!(given.fim_id.as_deref(), Some("F60000227"));
    assert_eq!(given.pdf_field.as_deref(), Some("Vorname"));
    assert_eq!(
        form.field("nationality").unwrap().privacy["en"],
        "You need not say this."
    );
    let income = form.field("income").unwrap();
    assert_eq!(income.kind, Kind::Decimal);
    assert_eq!(income.relevant.len(), 1);
    assert_eq!(
        income.relevant[0].to_string(),
        "selected(${has_income}, 'yes')"
    );
    assert!(income.constraint.as_ref().unwrap().uses_current());
    assert_eq!(income.constraint_message["en"], "Please an amount");
    assert_eq!(income.appearance.as_deref(), Some("numbers"));
    assert_eq!(
        form.field("benefits").unwrap().kind,
        Kind::SelectMultiple("benefits".into())
    );
    assert_eq!(
        form.field("has_income")
            .unwrap()
            .default
            .as_ref()
            .unwrap()
            .to_string(),
        "'no'"
    );
    let kinds: Vec<Kind> = [
        "since", "iban", "tax", "svnr", "plz", "phone", "mail", "born",
    ]
    .iter()
    .map(|n| form.field(n).unwrap().kind.clone())
    .collect();
    assert_eq!(
        kinds,
        [
            Kind::Date,
            Kind::Iban,
            Kind::TaxId,
            Kind::SocialInsurance,
            Kind::Postcode,
            Kind::Phone,
            Kind::Email,
            Kind::BirthDate
        ]
    );
    let city = form.field("city").unwrap();
    assert!(city.choice_filter.is_some());
    assert_eq!(form.choices["city"][2].columns["region"], "st");
    assert_eq!(
        form.field("yearly")
            .unwrap()
            .calculation
            .as_ref()
            .unwrap()
            .to_string(),
        "${income} * 12"
    );
    assert_eq!(form.field("thanks").unwrap().kind, Kind::Note);
    let members = form.repeat_of("member_age").unwrap();
    assert_eq!(members.max, 5);
    assert_eq!(members.relevant[0].to_string(), "${persons} > 1");
    assert_eq!(members.fields.len(), 2);
    // The converted form passes the device's checks in both its languages.
    let languages = ["de".to_owned(), "en".to_owned()];
    assert_eq!(
        crate::forms::check::definition(&form, "sample", &languages),
        Vec::<String>::new()
    );
    // And it survives its JSON form.
    let json = serde_json::to_string(&form).unwrap();
    assert_eq!(serde_json::from_str::<FormDef>(&json).unwrap(), form);
}

#[test]
fn a_bad_expression_is_refused_with_sheet_row_and_column() {
    assert_eq!(
        messages(FULL),
        ["sheet survey, row 10, column relevant: unexpected character `;` (at character 22)"]
    );
}

const HEAD: &str = "type,name,label::de,label::en,relevant,constraint,calculation\n";

#[test]
fn unknown_functions_names_and_references_are_refused() {
    assert_eq!(
        messages(&format!("{HEAD}text,a,A,A,,string-lenght(.) > 2,\n")),
        [
            "sheet survey, row 2, column constraint: unknown function `string-lenght` (at character 0)"
        ]
    );
    assert_eq!(
        messages(&format!("{HEAD}text,a,A,A,${{b}} = 'x',,\n")),
        ["sheet survey, row 2, column relevant: ${b} names no question of this form"]
    );
    assert_eq!(
        messages(&format!("{HEAD}text,a,A,A,. = 'x',,\n")),
        [
            "sheet survey, row 2, column relevant: `.` (this question's answer) can only be used in a constraint"
        ]
    );
    assert_eq!(
        messages(&format!("{HEAD}text,a,A,A,,,\ntext,a,B,B,,,\n")),
        ["sheet survey, row 3, column name: the name a is also used in row 2"]
    );
    assert_eq!(
        messages(&format!("{HEAD}text,2a,A,A,,,\n")),
        [
            "sheet survey, row 2, column name: \"2a\" is not a valid name (letters, digits, _, - and ., starting with a letter)"
        ]
    );
}

#[test]
fn unknown_types_columns_and_lists_are_refused() {
    assert_eq!(
        messages(&format!("{HEAD}geopoint,where,Wo,Where,,,\n")),
        [
            "sheet survey, row 2, column type: unknown type \"geopoint\" (supported: text, integer, decimal, date, select_one LIST, select_multiple LIST, note, calculate, begin/end group, begin/end repeat, iban, tax_id, social_insurance, postcode, phone, email, birth_date)"
        ]
    );
    assert_eq!(
        messages(&format!("{HEAD}select_one colours,c,Farbe,Colour,,,\n")),
        ["sheet survey, row 2, column type: no choice list named colours on the choices sheet"]
    );
    let problems = messages("type,name,label::de,label::en,lable::fr\ntext,a,A,A,\n");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with(
            "sheet survey, row 1, column E: unknown column \"lable::fr\" (known: label::LANG,"
        ),
        "{problems:?}"
    );
    assert_eq!(
        messages(&format!("{HEAD}calculate,c,,,,,\n")),
        ["sheet survey, row 2, column calculation: a calculate row needs a calculation"]
    );
    assert_eq!(
        messages("type,name,label::de,label::en,profile\ntext,a,A,A,shoe_size\n"),
        [
            "sheet survey, row 2, column profile: unknown profile key \"shoe_size\" (known: given_name, family_name, birth_date, street, postcode, city, phone, email, iban)"
        ]
    );
    assert_eq!(
        messages("type,name,label::de,label::en,fim_id\ntext,a,A,A,60000227\n"),
        [
            "sheet survey, row 2, column fim_id: a FIM field id is F followed by digits, for example F60000227"
        ]
    );
}

#[test]
fn groups_and_repeats_must_be_closed_and_not_nested_wrongly() {
    assert_eq!(
        messages(&format!("{HEAD}begin group,g,G,G,,,\ntext,a,A,A,,,\n")),
        ["sheet survey, row 2, column type: begin group without end group"]
    );
    assert_eq!(
        messages(&format!("{HEAD}text,a,A,A,,,\nend group,,,,,,\n")),
        ["sheet survey, row 3, column type: end group without begin group"]
    );
    assert_eq!(
        messages(&format!(
            "{HEAD}begin repeat,r,R,R,,,\nbegin repeat,s,S,S,,,\nend repeat,,,,,,\nend repeat,,,,,,\n"
        )),
        [
            "sheet survey, row 3, column type: a repeat inside a repeat is not supported",
            "sheet survey, row 5, column type: end repeat without begin repeat"
        ]
    );
}

#[test]
fn settings_need_an_id_a_title_and_known_lists() {
    let problems: Vec<String> = convert(&book(
        "type,name,label::de\ntext,a,A\n",
        CHOICES,
        "form_id,documents,pictogram,online_service\nbad id,papers,unicorn,http://x.org\n",
    ))
    .unwrap_err()
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        problems,
        [
            "sheet settings, row 2, column form_id: a form_id has only letters, digits, - and _",
            "sheet settings, row 2, column form_title: every form needs a title",
            "sheet settings, row 2, column documents: no choice list named papers",
            "sheet settings, row 2, column online_service: the online service's address starts with https://",
            "sheet settings, row 2, column pictogram: no pictogram named unicorn (use a category id)",
        ]
    );
}

#[test]
fn a_form_missing_a_language_is_refused_on_the_device() {
    let form = convert(&book(
        "type,name,label::de,label::en,hint::de\ntext,a,A,A,Nur deutsch\n",
        CHOICES,
        SETTINGS,
    ))
    .unwrap();
    let languages = ["de".to_owned(), "en".to_owned(), "ar".to_owned()];
    let problems = crate::forms::check::definition(&form, "sample", &languages);
    assert!(
        problems.contains(&"a hint has no text in en".to_owned()),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"a label has no text in ar".to_owned()),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"form_title has no text in ar".to_owned()),
        "{problems:?}"
    );
}

/// A minimal `.xlsx` with inline strings, as spreadsheet programs read it.
fn xlsx(sheets: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut put = |name: &str, text: String| {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut overrides = String::new();
    let mut entries = String::new();
    let mut rels = String::new();
    for (i, (name, csv)) in sheets.iter().enumerate() {
        let n = i + 1;
        overrides.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        entries.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        let rows = super::super::workbook::Workbook::from_csv([("x", csv.as_bytes())])
            .unwrap()
            .sheets["x"]
            .clone();
        let mut data = String::new();
        for (r, row) in rows.iter().enumerate() {
            data.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    data.push_str(&format!(
                        r#"<c r="{}{}" t="inlineStr"><is><t>{}</t></is></c>"#,
                        super::column_letter(c),
                        r + 1,
                        escape(cell)
                    ));
                }
            }
            data.push_str("</row>");
        }
        put(
            &format!("xl/worksheets/sheet{n}.xml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
            ),
        );
    }
    put(
        "[Content_Types].xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>"#
        ),
    );
    put("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned());
    put(
        "xl/workbook.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{entries}</sheets></workbook>"#
        ),
    );
    put(
        "xl/_rels/workbook.xml.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_xlsx_workbook_converts_like_its_csv_sheets() {
    let survey = "type,name,label::Deutsch (de),label::English (en),relevant\nselect_one yesno,q,Frage?,Question?,\ntext,why,Warum?,Why?,${q} = 'yes'\n";
    let bytes = xlsx(&[
        ("survey", survey),
        ("choices", CHOICES),
        ("settings", SETTINGS),
    ]);
    let from_xlsx = convert(&Workbook::from_spreadsheet(&bytes).unwrap()).unwrap();
    let from_csv = convert(&book(survey, CHOICES, SETTINGS)).unwrap();
    assert_eq!(from_xlsx, from_csv);
    assert!(Workbook::from_spreadsheet(b"PK\x03\x04 not really").is_err());
    // Through the pack: the workbook becomes forms/sample.json.
    let mut files = crate::source::Files::new();
    files.insert("forms/sample.xlsx".into(), bytes);
    crate::forms::compile(&mut files).unwrap();
    assert_eq!(files.keys().collect::<Vec<_>>(), ["forms/sample.json"]);
    // A workbook whose form_id differs from its file name is refused.
    let mut files = crate::source::Files::new();
    files.insert(
        "forms/other.xlsx".into(),
        xlsx(&[
            ("survey", survey),
            ("choices", CHOICES),
            ("settings", SETTINGS),
        ]),
    );
    let problems = crate::forms::compile(&mut files).unwrap_err();
    assert_eq!(
        problems.0[0].to_string(),
        "forms/other.xlsx: the settings sheet's form_id is sample, the file is named other: make them the same"
    );
}

//! The validated form definition: what the publisher makes of an editor's
//! XLSForm workbook and what the kiosk reads (`forms/ID.json` in a pack).
//! Expressions are stored as parsed trees, so the device never parses an
//! editor's text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::expr::Expr;

/// The format version of `forms/ID.json`.
pub const FORM_FORMAT: u32 = 1;

/// A text in every language the form carries, by language tag.
pub type Texts = BTreeMap<String, String>;

/// A guided form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormDef {
    /// [`FORM_FORMAT`].
    pub format: u32,
    /// The form's id (`form_id` in the settings sheet), also its file name.
    pub id: String,
    /// The editor's version string.
    pub version: String,
    /// The form's title.
    pub title: Texts,
    /// One plain sentence saying what the form is for.
    pub summary: Texts,
    /// The pictogram (a category id of the help finder).
    pub pictogram: String,
    /// Words a visitor might search the form by, per language.
    #[serde(default)]
    pub keywords: Texts,
    /// The address of the official online service, if one exists.
    #[serde(default)]
    pub online_service: Option<String>,
    /// The official fillable PDF in the pack (`forms/FILE.pdf`), filled
    /// through each field's `pdf_field`.
    #[serde(default)]
    pub official_pdf: Option<String>,
    /// The documents a visitor brings when handing the form in.
    #[serde(default)]
    pub documents: Vec<Texts>,
    /// The steps, one screen each.
    pub steps: Vec<Step>,
    /// Choice lists by name.
    pub choices: BTreeMap<String, Vec<Choice>>,
}

/// One step of the wizard: a top-level group of the survey sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The group's name.
    pub name: String,
    /// Its heading.
    pub label: Texts,
    /// When the step is shown at all.
    #[serde(default)]
    pub relevant: Option<Expr>,
    /// Its questions, notes and repeats in order.
    pub items: Vec<Item>,
}

/// What a step holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
// A form holds a few dozen items, read once: boxing would only add noise.
#[allow(clippy::large_enum_variant)]
pub enum Item {
    /// One question, note or calculation.
    Field(Field),
    /// A repeated group, such as the members of a household.
    Repeat(Repeat),
}

/// A repeated group of fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repeat {
    /// Its name.
    pub name: String,
    /// The heading of each entry.
    pub label: Texts,
    /// When the repeat is shown (its own and its enclosing groups').
    #[serde(default)]
    pub relevant: Vec<Expr>,
    /// The most entries a visitor may add.
    pub max: u32,
    /// The fields of one entry.
    pub fields: Vec<Field>,
}

/// A field's type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "list")]
pub enum Kind {
    /// Free text.
    Text,
    /// A whole number.
    Integer,
    /// A number with decimals.
    Decimal,
    /// A date.
    Date,
    /// One choice of a list.
    SelectOne(String),
    /// Several choices of a list.
    SelectMultiple(String),
    /// Text shown, nothing asked.
    Note,
    /// A value computed from others, not shown.
    Calculate,
    /// An IBAN, checked by its check digits.
    Iban,
    /// A German tax identification number (Steuer-ID).
    TaxId,
    /// A German social insurance number (Rentenversicherungsnummer).
    SocialInsurance,
    /// A German postcode.
    Postcode,
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A date of birth (a plausible age).
    BirthDate,
}

impl Kind {
    /// Whether a visitor answers it.
    pub fn is_input(&self) -> bool {
        !matches!(self, Kind::Note | Kind::Calculate)
    }
}

/// A personal-data key: what a visitor entered once is offered again in
/// the next form of the same session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileKey {
    /// Given name.
    GivenName,
    /// Family name.
    FamilyName,
    /// Date of birth.
    BirthDate,
    /// Street and house number.
    Street,
    /// Postcode.
    Postcode,
    /// Town.
    City,
    /// Phone number.
    Phone,
    /// E-mail address.
    Email,
    /// IBAN.
    Iban,
}

impl ProfileKey {
    /// Every key with its name in the `profile` column.
    pub const ALL: &[(&str, ProfileKey)] = &[
        ("given_name", ProfileKey::GivenName),
        ("family_name", ProfileKey::FamilyName),
        ("birth_date", ProfileKey::BirthDate),
        ("street", ProfileKey::Street),
        ("postcode", ProfileKey::Postcode),
        ("city", ProfileKey::City),
        ("phone", ProfileKey::Phone),
        ("email", ProfileKey::Email),
        ("iban", ProfileKey::Iban),
    ];

    /// The key named `name` in a `profile` column.
    pub fn from_name(name: &str) -> Option<ProfileKey> {
        ProfileKey::ALL
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, key)| *key)
    }
}

/// One question, note or calculation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Its name, unique in the form.
    pub name: String,
    /// Its type.
    pub kind: Kind,
    /// The question or note.
    #[serde(default)]
    pub label: Texts,
    /// A hint below it.
    #[serde(default)]
    pub hint: Texts,
    /// A data-minimisation note beside it.
    #[serde(default)]
    pub privacy: Texts,
    /// Whether it must be answered (`yes`, or a condition).
    #[serde(default)]
    pub required: Option<Expr>,
    /// Said when a required field is empty.
    #[serde(default)]
    pub required_message: Texts,
    /// Conditions that must all hold for it to be shown: its enclosing
    /// groups' and its own `relevant`.
    #[serde(default)]
    pub relevant: Vec<Expr>,
    /// A check of the answer (`.` is the answer).
    #[serde(default)]
    pub constraint: Option<Expr>,
    /// Said when the check fails.
    #[serde(default)]
    pub constraint_message: Texts,
    /// For `calculate`: the value.
    #[serde(default)]
    pub calculation: Option<Expr>,
    /// The answer a field starts with.
    #[serde(default)]
    pub default: Option<Expr>,
    /// XLSForm appearance (for example `multiline`, `minimal`).
    #[serde(default)]
    pub appearance: Option<String>,
    /// For selects: which choices to show (`name`, the choice's columns).
    #[serde(default)]
    pub choice_filter: Option<Expr>,
    /// The personal-data key it fills.
    #[serde(default)]
    pub profile: Option<ProfileKey>,
    /// The FIM Datenfeld id (for example `F60000227`).
    #[serde(default)]
    pub fim_id: Option<String>,
    /// The AcroForm field of the official PDF it fills.
    #[serde(default)]
    pub pdf_field: Option<String>,
}

impl Field {
    /// A field of `kind` named `name`, everything else empty.
    pub fn new(name: &str, kind: Kind) -> Field {
        Field {
            name: name.to_owned(),
            kind,
            label: Texts::new(),
            hint: Texts::new(),
            privacy: Texts::new(),
            required: None,
            required_message: Texts::new(),
            relevant: Vec::new(),
            constraint: None,
            constraint_message: Texts::new(),
            calculation: None,
            default: None,
            appearance: None,
            choice_filter: None,
            profile: None,
            fim_id: None,
            pdf_field: None,
        }
    }
}

/// One choice of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// Its value.
    pub name: String,
    /// What the visitor reads.
    pub label: Texts,
    /// Further columns, which a `choice_filter` may read.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
}

impl FormDef {
    /// Every field, those of repeats included, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.steps.iter().flat_map(|step| {
            step.items.iter().flat_map(|item| match item {
                Item::Field(field) => std::slice::from_ref(field).iter(),
                Item::Repeat(repeat) => repeat.fields.iter(),
            })
        })
    }

    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields().find(|field| field.name == name)
    }

    /// The repeat named `name`.
    pub fn repeat(&self, name: &str) -> Option<&Repeat> {
        self.repeats().find(|repeat| repeat.name == name)
    }

    /// The repeat that holds field `name`, if any.
    pub fn repeat_of(&self, name: &str) -> Option<&Repeat> {
        self.repeats()
            .find(|repeat| repeat.fields.iter().any(|f| f.name == name))
    }

    fn repeats(&self) -> impl Iterator<Item = &Repeat> {
        self.steps
            .iter()
            .flat_map(|step| &step.items)
            .filter_map(|item| match item {
                Item::Repeat(repeat) => Some(repeat),
                Item::Field(_) => None,
            })
    }

    /// The text of `texts` in `lang`, else in German, else any.
    pub fn text<'a>(texts: &'a Texts, lang: &str) -> &'a str {
        texts
            .get(lang)
            .or_else(|| texts.get(crate::source::REFERENCE_LANGUAGE))
            .or_else(|| texts.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }
}

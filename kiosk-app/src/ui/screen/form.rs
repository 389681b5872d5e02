//! The form wizard: one step at a time with a progress bar, large fields
//! typed on the on-screen keyboard (numbers for numeric fields, the
//! visitor's script for names), hint and privacy note beside each
//! question, the check when a field is left, Back without losing answers,
//! and a summary to check before the form is printed. A social worker can
//! show it in German for a moment. The answers live in the [`Session`].

use iced::widget::{Column, button, column, container, progress_bar, responsive, svg};
use iced::{Element, Length, Padding};

use content_sync::forms::FormDef;
use content_sync::forms::model::{Field, Kind, Texts};
use kiosk_app::forms::{FieldError, Shown, Slot, Wizard, WizardStep};
use kiosk_app::i18n::Arg;
use kiosk_app::keyboard::{Key, Keyboard, Outcome};
use kiosk_app::language::Language;
use kiosk_app::session::Session;

use crate::ui::drag_scroll::scroll_area;
use crate::ui::keyboard;
use crate::ui::label::Label;
use crate::ui::pictogram::Pictogram;
use crate::ui::target::target;
use crate::ui::theme::{self, Look};
use crate::ui::view::View;

/// The wizard screen's own state; the answers are in the session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The field the keyboard types into, and the keyboard.
    pub editing: Option<(Slot, Keyboard)>,
    /// Shown in German for a moment.
    pub german: bool,
}

/// Messages of the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A text field was tapped.
    Edit(Slot),
    /// A key was pressed.
    Key(Key),
    /// A choice of a select_one.
    Choose(Slot, String),
    /// A choice of a select_multiple switched.
    Toggle(Slot, String),
    /// Take what was entered in an earlier form.
    UseOffer(Slot),
    /// Add an entry to a repeat.
    AddEntry(String),
    /// Remove an entry of a repeat.
    RemoveEntry(String, usize),
    /// Next step (or the summary).
    Next,
    /// Previous step; from the first, back to the list.
    Back,
    /// From the summary to a step, to correct it.
    GoTo(usize),
    /// Make the filled form for the printer.
    Print,
    /// German for a moment, and back.
    German,
}

/// What the kiosk does after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing more.
    None,
    /// Leave the wizard (its answers stay in the session).
    Leave,
    /// Make the PDF.
    Print,
}

/// The keyboard that fits a field.
fn keyboard_for(kind: &Kind, language: Language, site_languages: &[Language]) -> Keyboard {
    match kind {
        Kind::Integer | Kind::Postcode | Kind::TaxId => Keyboard::numbers(),
        Kind::Decimal | Kind::Date | Kind::BirthDate => Keyboard::decimals(),
        // IBANs, numbers with letters and addresses are written in Latin.
        Kind::Iban | Kind::SocialInsurance | Kind::Email | Kind::Phone => {
            Keyboard::new(Language::German, site_languages)
        }
        _ => Keyboard::new(language, site_languages),
    }
}

fn close_field(state: &mut State, wizard: &mut Wizard) {
    if let Some((slot, _)) = state.editing.take() {
        let _ = wizard.leave(&slot);
    }
}

/// Applies a message to the wizard in the session.
pub fn update(
    state: &mut State,
    session: &mut Session,
    site_languages: &[Language],
    message: Message,
) -> Effect {
    let language = session.language;
    let Some(wizard) = session.form.as_mut() else {
        return Effect::Leave;
    };
    match message {
        Message::Edit(slot) => {
            close_field(state, wizard);
            if let Some(field) = wizard.form().field(&slot.field) {
                let keyboard = keyboard_for(&field.kind, language, site_languages);
                state.editing = Some((slot, keyboard));
            }
        }
        Message::Key(key) => {
            if let Some((slot, keyboard)) = &mut state.editing {
                let mut text = wizard.answer(slot).to_owned();
                let outcome = keyboard.press(&key, &mut text);
                wizard.set(slot, &text);
                zeroize::Zeroize::zeroize(&mut text);
                if outcome == Outcome::Done {
                    close_field(state, wizard);
                }
            }
        }
        Message::Choose(slot, choice) => {
            close_field(state, wizard);
            wizard.set(&slot, &choice);
            let _ = wizard.leave(&slot);
        }
        Message::Toggle(slot, choice) => {
            close_field(state, wizard);
            wizard.toggle(&slot, &choice);
            let _ = wizard.leave(&slot);
        }
        Message::UseOffer(slot) => {
            if let Some(value) = wizard.offer(&slot, &session.profile) {
                wizard.set(&slot, &value);
                let _ = wizard.leave(&slot);
            }
        }
        Message::AddEntry(repeat) => {
            close_field(state, wizard);
            wizard.add_entry(&repeat);
        }
        Message::RemoveEntry(repeat, entry) => {
            state.editing = None;
            wizard.remove_entry(&repeat, entry);
        }
        Message::Next => {
            close_field(state, wizard);
            if wizard.forward() {
                wizard.remember(&mut session.profile);
            }
        }
        Message::Back => {
            close_field(state, wizard);
            if !wizard.back() {
                wizard.remember(&mut session.profile);
                return Effect::Leave;
            }
        }
        Message::GoTo(step) => wizard.go_to(step),
        Message::Print => {
            wizard.remember(&mut session.profile);
            return Effect::Print;
        }
        Message::German => state.german = !state.german,
    }
    Effect::None
}

fn text(texts: &Texts, lang: &str) -> String {
    FormDef::text(texts, lang).to_owned()
}

/// The message of a field's problem in `lang`.
pub fn error_text(ui: &View<'_>, error: &FieldError) -> String {
    let lang = ui.language.tag();
    match error {
        FieldError::Required(own) if !own.is_empty() => text(own, lang),
        FieldError::Required(_) => ui.t("form-required"),
        FieldError::Invalid(invalid) => ui.t(invalid.message_key()),
        FieldError::Constraint(own) if !own.is_empty() => text(own, lang),
        FieldError::Constraint(_) => ui.t("form-constraint"),
    }
}

/// The text read aloud: the step, each question with its hint, privacy
/// note and problem; on the summary every answer.
pub fn speech(ui: &View<'_>, wizard: &Wizard) -> String {
    let lang = ui.language.tag();
    let form = wizard.form();
    let (step, total) = wizard.progress();
    let mut lines = vec![
        text(&form.title, lang),
        ui.t_with(
            "form-step",
            &[
                ("step", Arg::Number(step as f64)),
                ("total", Arg::Number(total as f64)),
            ],
        ),
    ];
    match wizard.at() {
        WizardStep::Step(index) => {
            lines.push(text(&form.steps[index].label, lang));
            for shown in wizard.shown() {
                if let Shown::Field { field, slot } = shown {
                    lines.push(text(&field.label, lang));
                    lines.extend(
                        [&field.hint, &field.privacy]
                            .iter()
                            .filter(|t| !t.is_empty())
                            .map(|t| text(t, lang)),
                    );
                    if let Some(error) = wizard.error(&slot) {
                        lines.push(error_text(ui, error));
                    }
                }
            }
        }
        WizardStep::Summary => {
            lines.push(ui.t("form-summary"));
            lines.extend(
                wizard
                    .summary(lang)
                    .into_iter()
                    .map(|l| format!("{}: {}", l.label, l.answer)),
            );
        }
    }
    lines.join(". ")
}

/// The wizard.
pub fn view<'a>(
    ui: View<'a>,
    state: &'a State,
    wizard: &'a Wizard,
    session: &'a Session,
) -> Element<'a, Message> {
    let ui = if state.german {
        View {
            language: Language::German,
            ..ui
        }
    } else {
        ui
    };
    match &state.editing {
        Some((_, keyboard)) => responsive(move |size| {
            column![
                page(ui, state, wizard, session),
                keyboard::view(ui, keyboard, size.height * 0.5).map(Message::Key)
            ]
            .spacing(12)
            .into()
        })
        .into(),
        None => page(ui, state, wizard, session).into(),
    }
}

fn page<'a>(
    ui: View<'a>,
    state: &'a State,
    wizard: &'a Wizard,
    session: &'a Session,
) -> Column<'a, Message> {
    let palette = ui.palette;
    let lang = ui.language.tag();
    let form = wizard.form();
    let (step, total) = wizard.progress();
    let german_key = if state.german {
        "form-own-language"
    } else {
        "form-german"
    };
    let mut head: Vec<Element<'a, Message>> =
        vec![ui.paragraph(text(&form.title, lang), ui.sizes.title(), palette.text)];
    if session.language != Language::German {
        head.push(ui.wide_button(
            Some(Pictogram::Language),
            ui.t(german_key),
            Look::Tile,
            Message::German,
        ));
    }
    let progress = ui.column(vec![
        ui.label(
            ui.t_with(
                "form-step",
                &[
                    ("step", Arg::Number(step as f64)),
                    ("total", Arg::Number(total as f64)),
                ],
            ),
            ui.sizes.body(),
            palette.text,
        ),
        progress_bar(0.0..=total as f32, step as f32)
            .girth(14)
            .into(),
    ]);
    let body: Vec<Element<'a, Message>> = match wizard.at() {
        WizardStep::Step(index) => step_items(ui, state, wizard, session, index),
        WizardStep::Summary => summary_items(ui, wizard),
    };
    let mut actions = vec![ui.wide_button(
        Some(ui.back_pictogram()),
        ui.t("form-back"),
        Look::Tile,
        Message::Back,
    )];
    actions.push(match wizard.at() {
        WizardStep::Summary => ui.wide_button(
            Some(Pictogram::Forms),
            ui.t("form-print"),
            Look::Primary,
            Message::Print,
        ),
        WizardStep::Step(_) => ui.wide_button(
            Some(ui.forward_pictogram()),
            ui.t("form-next"),
            Look::Primary,
            Message::Next,
        ),
    });
    // Title and progress scroll with the questions, so that on a small
    // screen with large text the questions keep their room; the actions
    // stay at the bottom.
    let typing = state.editing.is_some();
    let mut scrolled: Vec<Element<'a, Message>> = Vec::new();
    if !typing {
        scrolled.push(ui.column(head).spacing(12).into());
        scrolled.push(progress.spacing(6).into());
    }
    scrolled.extend(body);
    let mut page: Vec<Element<'a, Message>> = vec![scroll_area(
        Column::with_children(scrolled)
            .spacing(18)
            .width(Length::Fill),
    )];
    if !typing {
        page.push(ui.row(actions).spacing(16).into());
    }
    column(page)
        .spacing(14)
        .width(Length::Fill)
        .height(Length::Fill)
}

fn step_items<'a>(
    ui: View<'a>,
    state: &'a State,
    wizard: &'a Wizard,
    session: &'a Session,
    index: usize,
) -> Vec<Element<'a, Message>> {
    let palette = ui.palette;
    let lang = ui.language.tag();
    let mut items: Vec<Element<'a, Message>> = vec![
        Label::new(
            text(&wizard.form().steps[index].label, lang),
            ui.sizes.label(),
            theme::color(palette.text),
        )
        .bold()
        .fill()
        .into(),
    ];
    for shown in wizard.shown() {
        match shown {
            Shown::Field { field, slot } => {
                items.push(question(ui, state, wizard, session, field, slot))
            }
            Shown::Entry { repeat, entry } => {
                let heading = ui.t_with(
                    "form-entry",
                    &[
                        ("label", Arg::Text(text(&repeat.label, lang))),
                        ("number", Arg::Number((entry + 1) as f64)),
                    ],
                );
                items.push(
                    ui.row(vec![
                        ui.paragraph(heading, ui.sizes.label(), palette.text),
                        ui.wide_button(
                            Some(Pictogram::Close),
                            ui.t("form-remove-entry"),
                            Look::Tile,
                            Message::RemoveEntry(repeat.name.clone(), entry),
                        ),
                    ])
                    .spacing(16)
                    .into(),
                );
            }
            Shown::AddEntry { repeat } => items.push(ui.wide_button(
                Some(Pictogram::Check),
                format!("{}: {}", ui.t("form-add-entry"), text(&repeat.label, lang)),
                Look::Tile,
                Message::AddEntry(repeat.name.clone()),
            )),
        }
    }
    items
}

fn question<'a>(
    ui: View<'a>,
    state: &'a State,
    wizard: &'a Wizard,
    session: &'a Session,
    field: &'a Field,
    slot: Slot,
) -> Element<'a, Message> {
    let palette = ui.palette;
    let lang = ui.language.tag();
    let tint = palette.surface_text;
    let mut parts: Vec<Element<'a, Message>> = Vec::new();
    let required = field.required.is_some();
    parts.push(
        Label::new(
            text(&field.label, lang),
            ui.sizes.label(),
            theme::color(tint),
        )
        .bold()
        .fill()
        .into(),
    );
    if field.kind.is_input() && !required {
        parts.push(ui.paragraph(ui.t("form-optional"), ui.sizes.body(), palette.muted_text));
    }
    if !field.hint.is_empty() {
        parts.push(ui.paragraph(text(&field.hint, lang), ui.sizes.body(), palette.muted_text));
    }
    if !field.privacy.is_empty() {
        parts.push(
            container(
                ui.row(vec![
                    Pictogram::Privacy.view(ui.sizes.icon(), palette.notice_text),
                    ui.paragraph(
                        text(&field.privacy, lang),
                        ui.sizes.body(),
                        palette.notice_text,
                    ),
                ])
                .spacing(12),
            )
            .padding(12)
            .width(Length::Fill)
            .style(theme::panel(palette.notice, palette.notice_text, None))
            .into(),
        );
    }
    match &field.kind {
        Kind::Note | Kind::Calculate => {}
        Kind::SelectOne(_) | Kind::SelectMultiple(_) => {
            let multiple = matches!(field.kind, Kind::SelectMultiple(_));
            let selected: Vec<&str> = wizard.answer(&slot).split_whitespace().collect();
            let chips = wizard
                .choices(&slot)
                .into_iter()
                .map(|choice| {
                    let on = selected.contains(&choice.name.as_str());
                    let message = if multiple {
                        Message::Toggle(slot.clone(), choice.name.clone())
                    } else {
                        Message::Choose(slot.clone(), choice.name.clone())
                    };
                    ui.wide_button(
                        on.then_some(Pictogram::Check),
                        text(&choice.label, lang),
                        if on { Look::Selected } else { Look::Tile },
                        message,
                    )
                })
                .collect();
            parts.push(ui.row(chips).spacing(12).wrap().into());
        }
        _ => {
            let active = state.editing.as_ref().is_some_and(|(s, _)| *s == slot);
            let shown = wizard.display(&slot, lang);
            let answer = ui.paragraph(
                if shown.is_empty() {
                    " ".to_owned()
                } else {
                    shown
                },
                ui.sizes.body(),
                palette.surface_text,
            );
            parts.push(target(
                button(answer)
                    .width(Length::Fill)
                    .padding(Padding::new(14.0))
                    .style(theme::button_style(
                        palette,
                        if active {
                            Look::FieldActive
                        } else {
                            Look::Field
                        },
                    ))
                    .on_press(Message::Edit(slot.clone())),
            ));
            if let Some(offer) = wizard.offer(&slot, &session.profile) {
                parts.push(ui.wide_button(
                    Some(Pictogram::Check),
                    format!(
                        "{} · {}",
                        ui.t_with("form-offer", &[("value", Arg::Text(offer))]),
                        ui.t("form-offer-use")
                    ),
                    Look::Tile,
                    Message::UseOffer(slot.clone()),
                ));
            }
        }
    }
    if let Some(error) = wizard.error(&slot) {
        parts.push(
            ui.row(vec![
                Pictogram::Warning.view(ui.sizes.icon(), palette.danger),
                ui.paragraph(error_text(&ui, error), ui.sizes.body(), palette.danger),
            ])
            .spacing(10)
            .into(),
        );
    }
    container(ui.column(parts).spacing(10))
        .padding(18)
        .width(Length::Fill)
        .style(theme::panel(palette.surface, tint, Some(palette.border)))
        .into()
}

fn summary_items<'a>(ui: View<'a>, wizard: &'a Wizard) -> Vec<Element<'a, Message>> {
    let palette = ui.palette;
    let lang = ui.language.tag();
    let form = wizard.form();
    let mut items: Vec<Element<'a, Message>> =
        vec![ui.paragraph(ui.t("form-summary"), ui.sizes.body(), palette.text)];
    let mut current = None;
    for line in wizard.summary(lang) {
        if current != Some(line.step) {
            current = Some(line.step);
            items.push(
                ui.row(vec![
                    ui.paragraph(
                        text(&form.steps[line.step].label, lang),
                        ui.sizes.label(),
                        palette.text,
                    ),
                    ui.wide_button(
                        Some(Pictogram::Back),
                        ui.t("form-change"),
                        Look::Tile,
                        Message::GoTo(line.step),
                    ),
                ])
                .spacing(16)
                .into(),
            );
        }
        items.push(ui.paragraph(
            format!("{}: {}", line.label, line.answer),
            ui.sizes.body(),
            palette.text,
        ));
    }
    if !form.documents.is_empty() {
        items.push(ui.label(ui.t("form-pdf-documents"), ui.sizes.label(), palette.text));
        items.extend(form.documents.iter().map(|d| {
            ui.paragraph(
                format!("• {}", text(d, lang)),
                ui.sizes.body(),
                palette.text,
            )
        }));
    }
    if let Some(url) = &form.online_service {
        let mut online = vec![
            ui.column(vec![
                ui.label(ui.t("form-online"), ui.sizes.label(), palette.text),
                ui.paragraph(url.clone(), ui.sizes.body(), palette.text),
            ])
            .spacing(6)
            .width(Length::Fill)
            .into(),
        ];
        if let Ok(code) = kiosk_app::slip::qr_svg(url) {
            online.push(
                svg(svg::Handle::from_memory(code))
                    .width(Length::Fixed(160.0))
                    .height(Length::Fixed(160.0))
                    .into(),
            );
        }
        items.push(ui.row(online).spacing(16).into());
    }
    items
}

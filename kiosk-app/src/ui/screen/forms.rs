//! The forms of the pack: a card each with its pictogram, title and one
//! plain sentence, searchable by what the visitor types.

use std::sync::Arc;

use iced::widget::{Column, button, column, responsive};
use iced::{Element, Length};

use content_sync::forms::FormDef;
use content_sync::model::Category;
use content_sync::search::fold;
use kiosk_app::keyboard::{Key, Keyboard, press_open};
use kiosk_app::language::Language;
use kiosk_app::session::Session;

use crate::ui::drag_scroll::scroll_area;
use crate::ui::keyboard;
use crate::ui::pictogram::Pictogram;
use crate::ui::screen::help;
use crate::ui::target::target;
use crate::ui::theme::{self, Look};
use crate::ui::view::View;

/// The forms list's state (the typed text lives in the [`Session`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// Every form of the pack.
    pub forms: Vec<Arc<FormDef>>,
    /// The keyboard, while it is open.
    pub keyboard: Option<Keyboard>,
}

/// Messages of the forms list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The search field was tapped.
    OpenKeyboard,
    /// A key was pressed.
    Key(Key),
    /// The typed text was cleared.
    Clear,
    /// A form was chosen.
    Open(String),
}

/// Applies a message; returns the id of a form to start.
pub fn update(
    state: &mut State,
    session: &mut Session,
    site_languages: &[Language],
    message: Message,
) -> Option<String> {
    match message {
        Message::OpenKeyboard => {
            if state.keyboard.is_none() {
                state.keyboard = Some(Keyboard::new(session.language, site_languages));
            }
        }
        Message::Key(key) => press_open(&mut state.keyboard, &key, &mut session.forms_search),
        Message::Clear => zeroize::Zeroize::zeroize(&mut session.forms_search),
        Message::Open(id) => return Some(id),
    }
    None
}

/// The forms whose title, sentence or search words hold every typed word
/// (in the visitor's language or German, accents and case ignored).
pub fn matching<'a>(
    forms: &'a [Arc<FormDef>],
    query: &str,
    language: Language,
) -> Vec<&'a Arc<FormDef>> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    forms
        .iter()
        .filter(|form| {
            let haystack = fold(
                &[language.tag(), Language::German.tag()]
                    .iter()
                    .flat_map(|lang| {
                        [&form.title, &form.summary, &form.keywords]
                            .into_iter()
                            .map(move |texts| FormDef::text(texts, lang).to_owned())
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .collect()
}

/// The pictogram of a form (a category of the help finder).
pub fn pictogram(form: &FormDef) -> Pictogram {
    Category::from_id(&form.pictogram).map_or(Pictogram::Forms, help::pictogram)
}

/// The text read aloud.
pub fn speech(ui: &View<'_>, state: &State, query: &str) -> String {
    let mut lines = vec![ui.t("forms-title"), ui.t("forms-intro")];
    let lang = ui.language.tag();
    let found = matching(&state.forms, query, ui.language);
    if found.is_empty() {
        lines.push(ui.t("forms-none"));
    }
    for form in found {
        lines.push(format!(
            "{}: {}",
            FormDef::text(&form.title, lang),
            FormDef::text(&form.summary, lang)
        ));
    }
    lines.join(". ")
}

/// The forms list.
pub fn view<'a>(ui: View<'a>, state: &'a State, query: &'a str) -> Element<'a, Message> {
    match &state.keyboard {
        Some(keyboard) => responsive(move |size| {
            column![
                page(ui, state, query),
                keyboard::view(ui, keyboard, size.height * 0.55).map(Message::Key)
            ]
            .spacing(12)
            .into()
        })
        .into(),
        None => page(ui, state, query).into(),
    }
}

fn page<'a>(ui: View<'a>, state: &'a State, query: &'a str) -> Column<'a, Message> {
    let palette = ui.palette;
    let typing = state.keyboard.is_some();
    let field = ui.search_field(
        query,
        ui.t("forms-search-placeholder"),
        typing,
        Message::OpenKeyboard,
        Message::Clear,
    );
    let lang = ui.language.tag();
    let found = matching(&state.forms, query, ui.language);
    let mut list: Vec<Element<'a, Message>> = Vec::new();
    if found.is_empty() {
        list.push(ui.paragraph(ui.t("forms-none"), ui.sizes.body(), palette.text));
    }
    for form in found {
        let tint = palette.surface_text;
        let body = ui.row(vec![
            pictogram(form).view(ui.sizes.pictogram(), tint),
            ui.column(vec![
                ui.paragraph(
                    FormDef::text(&form.title, lang).to_owned(),
                    ui.sizes.label(),
                    tint,
                ),
                ui.paragraph(
                    FormDef::text(&form.summary, lang).to_owned(),
                    ui.sizes.body(),
                    tint,
                ),
            ])
            .spacing(8)
            .width(Length::Fill)
            .into(),
        ]);
        list.push(target(
            button(body.spacing(18).width(Length::Fill))
                .width(Length::Fill)
                .padding(18)
                .style(theme::button_style(palette, Look::Tile))
                .on_press(Message::Open(form.id.clone())),
        ));
    }
    let mut page: Vec<Element<'a, Message>> = Vec::new();
    if !typing {
        page.push(ui.title("forms-title"));
        page.push(ui.paragraph(ui.t("forms-intro"), ui.sizes.body(), palette.text));
    }
    page.push(field);
    page.push(scroll_area(
        Column::with_children(list).spacing(16).width(Length::Fill),
    ));
    column(page)
        .spacing(16)
        .width(Length::Fill)
        .height(Length::Fill)
}

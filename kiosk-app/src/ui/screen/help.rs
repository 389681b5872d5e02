//! Find help: the services of the content, by category or by what the
//! visitor types on the on-screen keyboard.

use iced::widget::{Column, button, column, container, responsive};
use iced::{Element, Length, Padding};

use kiosk_app::content::{Category, Content, Service, Summary};
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

/// The help finder's own state (the typed text lives in the [`Session`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The chosen category, if any.
    pub category: Option<Category>,
    /// The keyboard, while it is open.
    pub keyboard: Option<Keyboard>,
}

/// Messages of the help finder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A category (or all) was chosen.
    Category(Option<Category>),
    /// The search field was tapped.
    OpenKeyboard,
    /// A key was pressed.
    Key(Key),
    /// The typed text was cleared.
    Clear,
}

/// Applies a message.
pub fn update(
    state: &mut State,
    session: &mut Session,
    site_languages: &[Language],
    message: Message,
) {
    match message {
        Message::Category(category) => state.category = category,
        Message::OpenKeyboard => {
            if state.keyboard.is_none() {
                state.keyboard = Some(Keyboard::new(session.language, site_languages));
            }
        }
        Message::Key(key) => {
            if let Some(keyboard) = &mut state.keyboard
                && keyboard.press(&key, &mut session.search) == Outcome::Done
            {
                state.keyboard = None;
            }
        }
        Message::Clear => {
            zeroize::Zeroize::zeroize(&mut session.search);
        }
    }
}

/// The services shown for the current query and category.
pub fn results(
    ui: &View<'_>,
    content: Option<&Content>,
    state: &State,
    query: &str,
) -> Vec<Service> {
    let Some(content) = content else {
        return Vec::new();
    };
    content.search(query, ui.language, state.category, |category, language| {
        ui.catalog.text(language, category.label_key())
    })
}

/// The text read aloud: the title, how many were found, and the names.
pub fn speech(ui: &View<'_>, content: Option<&Content>, state: &State, query: &str) -> String {
    let found = results(ui, content, state, query);
    let mut lines = vec![ui.t("help-title"), count_text(ui, found.len())];
    lines.extend(
        found
            .iter()
            .map(|service| format!("{}: {}", service.name, service.summary(ui.language))),
    );
    lines.join(". ")
}

fn count_text(ui: &View<'_>, count: usize) -> String {
    if count == 0 {
        ui.t("help-none")
    } else {
        ui.t_with("help-results", &[("count", Arg::Number(count as f64))])
    }
}

/// The pictogram of a category.
pub fn pictogram(category: Category) -> Pictogram {
    match category {
        Category::Sleep => Pictogram::CatSleep,
        Category::Food => Pictogram::CatFood,
        Category::ClothesShowers => Pictogram::CatClothesShowers,
        Category::Health => Pictogram::CatHealth,
        Category::Debts => Pictogram::CatDebts,
        Category::DocumentsPost => Pictogram::CatDocumentsPost,
    }
}

/// The help finder.
pub fn view<'a>(
    ui: View<'a>,
    content: Option<&'a Content>,
    state: &'a State,
    query: &'a str,
) -> Element<'a, Message> {
    match &state.keyboard {
        Some(keyboard) => responsive(move |size| {
            column![
                page(ui, content, state, query),
                keyboard::view(ui, keyboard, size.height * 0.55).map(Message::Key)
            ]
            .spacing(12)
            .into()
        })
        .into(),
        None => page(ui, content, state, query).into(),
    }
}

/// Everything above the keyboard.
fn page<'a>(
    ui: View<'a>,
    content: Option<&'a Content>,
    state: &'a State,
    query: &'a str,
) -> Column<'a, Message> {
    let palette = ui.palette;
    let field_text = if query.is_empty() {
        ui.paragraph(
            ui.t("help-search-placeholder"),
            ui.sizes.body(),
            palette.muted_text,
        )
    } else {
        ui.paragraph(query.to_owned(), ui.sizes.body(), palette.surface_text)
    };
    let mut field_parts: Vec<Element<'a, Message>> = vec![
        Pictogram::Search.view(ui.sizes.icon(), palette.surface_text),
        field_text,
    ];
    if !query.is_empty() {
        field_parts.push(ui.wide_button(
            Some(Pictogram::Close),
            ui.t("help-clear"),
            Look::Tile,
            Message::Clear,
        ));
    }
    let typing = state.keyboard.is_some();
    let field: Element<'a, Message> = target(
        button(ui.row(field_parts).spacing(12))
            .width(Length::Fill)
            .padding(Padding::new(12.0))
            .style(theme::button_style(
                palette,
                if typing {
                    Look::FieldActive
                } else {
                    Look::Field
                },
            ))
            .on_press(Message::OpenKeyboard),
    );

    let mut chips: Vec<Element<'a, Message>> = vec![ui.wide_button(
        None,
        ui.t("help-all"),
        if state.category.is_none() {
            Look::Selected
        } else {
            Look::Tile
        },
        Message::Category(None),
    )];
    chips.extend(Category::ALL.iter().map(|category| {
        let look = if state.category == Some(*category) {
            Look::Selected
        } else {
            Look::Tile
        };
        ui.wide_button(
            Some(pictogram(*category)),
            ui.t(category.label_key()),
            look,
            Message::Category(Some(*category)),
        )
    }));

    let found = results(&ui, content, state, query);
    let mut list: Vec<Element<'a, Message>> =
        vec![ui.paragraph(count_text(&ui, found.len()), ui.sizes.body(), palette.text)];
    list.extend(found.into_iter().map(|service| card(ui, service)));

    // While typing, the title and the categories give their room to the
    // results and the keyboard.
    let mut page: Vec<Element<'a, Message>> = Vec::new();
    if !typing {
        page.push(ui.title("help-title"));
    }
    page.push(field);
    if !typing {
        page.push(ui.row(chips).spacing(12).wrap().into());
    }
    let results_list = scroll_area(Column::with_children(list).spacing(16).width(Length::Fill));
    page.push(results_list);
    column(page)
        .spacing(16)
        .width(Length::Fill)
        .height(Length::Fill)
}

fn card<'a>(ui: View<'a>, service: Service) -> Element<'a, Message> {
    let palette = ui.palette;
    let line = |pictogram: Pictogram, content: String| -> Element<'a, Message> {
        ui.row(vec![
            pictogram.view(ui.sizes.icon(), palette.surface_text),
            ui.paragraph(content, ui.sizes.body(), palette.surface_text),
        ])
        .spacing(10)
        .into()
    };
    let hours: Vec<String> = service
        .hours
        .iter()
        .map(|hours| {
            ui.t_with(
                "hours-range",
                &[
                    ("days", Arg::Text(ui.t(hours.days.label_key()))),
                    ("opens", Arg::Text(hours.opens.clone())),
                    ("closes", Arg::Text(hours.closes.clone())),
                ],
            )
        })
        .collect();
    let body = column![
        ui.row(vec![
            pictogram(service.category).view(ui.sizes.pictogram(), palette.surface_text),
            ui.column(vec![
                Label::new(
                    service.name.clone(),
                    ui.sizes.label(),
                    theme::color(palette.surface_text)
                )
                .bold()
                .into(),
                ui.paragraph(
                    ui.t(service.category.label_key()),
                    ui.sizes.small(),
                    palette.surface_text
                ),
            ])
            .width(Length::Fill)
            .into(),
        ])
        .spacing(14),
        ui.paragraph(
            service.summary(ui.language).to_owned(),
            ui.sizes.body(),
            palette.surface_text
        ),
        line(Pictogram::Location, service.address.clone()),
        line(Pictogram::Clock, hours.join("\n")),
        line(
            Pictogram::Phone,
            ui.t_with(
                "help-phone",
                &[("phone", Arg::Text(left_to_right(&service.phone)))]
            )
        ),
    ]
    .spacing(10)
    .align_x(ui.start());
    container(body)
        .padding(18)
        .width(Length::Fill)
        .style(theme::panel(
            palette.surface,
            palette.surface_text,
            Some(palette.border),
        ))
        .into()
}

/// Keeps a number written left to right inside right-to-left text (phone
/// numbers would otherwise show their groups in reverse order).
fn left_to_right(text: &str) -> String {
    let mut isolated = String::with_capacity(text.len() + 6);
    isolated.push('\u{2066}'); // LEFT-TO-RIGHT ISOLATE
    isolated.push_str(text);
    isolated.push('\u{2069}'); // POP DIRECTIONAL ISOLATE
    isolated
}

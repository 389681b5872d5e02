//! Find help: the services of the content, by category, by what the
//! visitor types on the on-screen keyboard, and by filters; best first
//! (what the question asks, open now, near). The results are computed when
//! the question, category or filters change, never while drawing.

use iced::widget::{Column, button, column, container, responsive};
use iced::{Element, Length};
use jiff::Zoned;

use kiosk_app::content::{Category, Content, Found, Position, Service};
use kiosk_app::finder::{Card, Search, Words};
use kiosk_app::i18n::Arg;
use kiosk_app::keyboard::{Key, Keyboard, press_open};
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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// Category and filters.
    pub search: Search,
    /// The keyboard, while it is open.
    pub keyboard: Option<Keyboard>,
    /// What the current question found.
    pub found: Found,
    /// The phone lines shown when nothing was found.
    pub crisis: Vec<Service>,
}

/// A filter toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Open now.
    OpenNow,
    /// Free of charge.
    Free,
    /// No appointment needed.
    WalkIn,
    /// Staff speak the visitor's language.
    MyLanguage,
    /// Step-free access.
    Wheelchair,
    /// For women.
    Women,
    /// For young people.
    Young,
}

impl Filter {
    /// Every filter, in the order shown.
    pub const ALL: [Filter; 7] = [
        Filter::OpenNow,
        Filter::Free,
        Filter::WalkIn,
        Filter::MyLanguage,
        Filter::Wheelchair,
        Filter::Women,
        Filter::Young,
    ];

    fn label_key(self) -> &'static str {
        match self {
            Filter::OpenNow => "filter-open-now",
            Filter::Free => "filter-free",
            Filter::WalkIn => "filter-walk-in",
            Filter::MyLanguage => "filter-my-language",
            Filter::Wheelchair => "filter-wheelchair",
            Filter::Women => "filter-women",
            Filter::Young => "filter-young",
        }
    }

    fn pictogram(self) -> Pictogram {
        match self {
            Filter::OpenNow => Pictogram::Clock,
            Filter::Free => Pictogram::Free,
            Filter::WalkIn => Pictogram::WalkIn,
            Filter::MyLanguage => Pictogram::Language,
            Filter::Wheelchair => Pictogram::Wheelchair,
            Filter::Women => Pictogram::Women,
            Filter::Young => Pictogram::Young,
        }
    }

    fn flag(self, search: &mut Search) -> &mut bool {
        match self {
            Filter::OpenNow => &mut search.filters.open_now,
            Filter::Free => &mut search.filters.free,
            Filter::WalkIn => &mut search.filters.walk_in,
            Filter::MyLanguage => &mut search.my_language,
            Filter::Wheelchair => &mut search.filters.wheelchair,
            Filter::Women => &mut search.filters.women,
            Filter::Young => &mut search.filters.young,
        }
    }

    fn is_on(self, search: &Search) -> bool {
        *self.flag(&mut search.clone())
    }
}

/// Messages of the help finder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A category (or all) was chosen.
    Category(Option<Category>),
    /// A filter was switched.
    Filter(Filter),
    /// The search field was tapped.
    OpenKeyboard,
    /// A key was pressed.
    Key(Key),
    /// The typed text was cleared.
    Clear,
    /// A result was tapped: show the service.
    Open(String),
}

/// What the help finder reads besides its state.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    /// The content, if any could be opened.
    pub content: Option<&'a Content>,
    /// Where the terminal stands.
    pub origin: Position,
    /// The visitor's language.
    pub language: Language,
    /// The languages the keyboard offers.
    pub site_languages: &'a [Language],
    /// A fixed clock (screenshots, tests), instead of the system's.
    pub clock: Option<&'a Zoned>,
}

impl Env<'_> {
    /// The current moment in the content's time zone.
    pub fn now(&self) -> Zoned {
        match self.clock {
            Some(clock) => clock.clone(),
            None => self.content.map_or_else(Zoned::now, Content::now),
        }
    }
}

/// The help finder's state when it opens, with its first results.
pub fn open(session: &Session, env: &Env<'_>) -> State {
    let mut state = State::default();
    refresh(&mut state, session, env);
    state
}

/// Runs the search again for the current question, category and filters.
pub fn refresh(state: &mut State, session: &Session, env: &Env<'_>) {
    let Some(content) = env.content else {
        return;
    };
    let now = env.now();
    state.found = state
        .search
        .run(content, &session.search, env.language, env.origin, &now);
    if state.found.hits.is_empty() && state.crisis.is_empty() {
        state.crisis = content.crisis_lines();
    }
}

/// Applies a message; returns the id of a service to show.
pub fn update(
    state: &mut State,
    session: &mut Session,
    env: &Env<'_>,
    message: Message,
) -> Option<String> {
    match message {
        Message::Category(category) => state.search.category = category,
        Message::Filter(filter) => {
            let flag = filter.flag(&mut state.search);
            *flag = !*flag;
        }
        Message::OpenKeyboard => {
            if state.keyboard.is_none() {
                state.keyboard = Some(Keyboard::new(session.language, env.site_languages));
            }
            return None;
        }
        Message::Key(key) => press_open(&mut state.keyboard, &key, &mut session.search),
        Message::Clear => zeroize::Zeroize::zeroize(&mut session.search),
        Message::Open(id) => return Some(id),
    }
    refresh(state, session, env);
    None
}

/// The text read aloud: the title, how many were found, and each result
/// with its status and way.
pub fn speech(ui: &View<'_>, env: &Env<'_>, state: &State) -> String {
    let mut lines = vec![ui.t("help-title"), count_text(ui, state.found.hits.len())];
    if let Some(content) = env.content {
        let now = env.now();
        for hit in &state.found.hits {
            let card = Card::of(hit, words(ui), content, env.origin, &now);
            lines.push(format!("{}: {}. {}", card.name, card.summary, card.status));
            lines.extend(card.direction);
        }
    }
    if state.found.hits.is_empty() {
        lines.push(ui.t("help-crisis-title"));
        lines.extend(
            state
                .crisis
                .iter()
                .map(|s| format!("{}: {}", s.name, s.phone)),
        );
    }
    lines.join(". ")
}

fn words<'a>(ui: &View<'a>) -> Words<'a> {
    Words {
        catalog: ui.catalog,
        language: ui.language,
    }
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
        Category::Money => Pictogram::CatMoney,
        Category::Debts => Pictogram::CatDebts,
        Category::Housing => Pictogram::CatHousing,
        Category::Family => Pictogram::CatFamily,
        Category::Migration => Pictogram::CatMigration,
        Category::Addiction => Pictogram::CatAddiction,
        Category::ViolenceCrisis => Pictogram::CatViolenceCrisis,
        Category::Legal => Pictogram::CatLegal,
        Category::Work => Pictogram::CatWork,
        Category::DocumentsPost => Pictogram::CatDocumentsPost,
    }
}

/// The help finder.
pub fn view<'a>(
    ui: View<'a>,
    env: Env<'a>,
    state: &'a State,
    query: &'a str,
) -> Element<'a, Message> {
    match &state.keyboard {
        Some(keyboard) => responsive(move |size| {
            column![
                page(ui, env, state, query),
                keyboard::view(ui, keyboard, size.height * 0.55).map(Message::Key)
            ]
            .spacing(12)
            .into()
        })
        .into(),
        None => page(ui, env, state, query).into(),
    }
}

fn field<'a>(ui: View<'a>, typing: bool, query: &'a str) -> Element<'a, Message> {
    ui.search_field(
        query,
        ui.t("help-search-placeholder"),
        typing,
        Message::OpenKeyboard,
        Message::Clear,
    )
}

fn choices<'a>(ui: View<'a>, state: &'a State, query: &str) -> Vec<Element<'a, Message>> {
    let selected = |on: bool| if on { Look::Selected } else { Look::Tile };
    let mut chips: Vec<Element<'a, Message>> = vec![ui.wide_button(
        None,
        ui.t("help-all"),
        selected(state.search.category.is_none()),
        Message::Category(None),
    )];
    // Once a topic is chosen or a question asked, the other topics step
    // aside for the results; they come back when nothing is found.
    let compact =
        (state.search.category.is_some() || !query.is_empty()) && !state.found.hits.is_empty();
    let shown = Category::ALL
        .iter()
        .filter(|category| !compact || state.search.category == Some(**category));
    chips.extend(shown.map(|category| {
        ui.wide_button(
            Some(pictogram(*category)),
            ui.t(category.label_key()),
            selected(state.search.category == Some(*category)),
            Message::Category(Some(*category)),
        )
    }));
    let filters: Vec<Element<'a, Message>> = Filter::ALL
        .iter()
        .map(|filter| {
            let on = filter.is_on(&state.search);
            ui.wide_button(
                Some(if on {
                    Pictogram::Check
                } else {
                    filter.pictogram()
                }),
                ui.t(filter.label_key()),
                selected(on),
                Message::Filter(*filter),
            )
        })
        .collect();
    vec![
        ui.label(
            ui.t("help-categories-title"),
            ui.sizes.label(),
            ui.palette.text,
        ),
        ui.row(chips).spacing(12).wrap().into(),
        ui.label(
            ui.t("help-filters-title"),
            ui.sizes.label(),
            ui.palette.text,
        ),
        ui.row(filters).spacing(12).wrap().into(),
    ]
}

/// Everything above the keyboard.
fn page<'a>(ui: View<'a>, env: Env<'a>, state: &'a State, query: &'a str) -> Column<'a, Message> {
    let typing = state.keyboard.is_some();
    let mut list: Vec<Element<'a, Message>> = Vec::new();
    let count = ui.paragraph(
        count_text(&ui, state.found.hits.len()),
        ui.sizes.body(),
        ui.palette.text,
    );
    if state.found.hits.is_empty() {
        // Nothing found: say so first, then where someone always answers,
        // then the topics to try.
        list.push(count);
        list.push(ui.label(ui.t("help-crisis-title"), ui.sizes.label(), ui.palette.text));
        list.extend(state.crisis.iter().map(|service| crisis_card(ui, service)));
        if !typing {
            list.extend(choices(ui, state, query));
        }
    } else {
        // While typing, the topics and filters give their room to the
        // results and the keyboard.
        if !typing {
            list.extend(choices(ui, state, query));
        }
        list.push(count);
        if let Some(content) = env.content {
            let now = env.now();
            list.extend(
                state
                    .found
                    .hits
                    .iter()
                    .map(|hit| card(ui, Card::of(hit, words(&ui), content, env.origin, &now))),
            );
        }
    }
    let mut page: Vec<Element<'a, Message>> = Vec::new();
    if !typing {
        page.push(ui.title("help-title"));
    }
    page.push(field(ui, typing, query));
    page.push(scroll_area(
        Column::with_children(list).spacing(16).width(Length::Fill),
    ));
    column(page)
        .spacing(16)
        .width(Length::Fill)
        .height(Length::Fill)
}

fn line<'a>(ui: View<'a>, pictogram: Pictogram, text: String) -> Element<'a, Message> {
    let tint = ui.palette.surface_text;
    ui.row(vec![
        pictogram.view(ui.sizes.icon(), tint),
        ui.paragraph(text, ui.sizes.body(), tint),
    ])
    .spacing(10)
    .into()
}

fn card<'a>(ui: View<'a>, card: Card) -> Element<'a, Message> {
    let palette = ui.palette;
    let mut body: Vec<Element<'a, Message>> = vec![
        Label::new(
            card.name,
            ui.sizes.label(),
            theme::color(palette.surface_text),
        )
        .bold()
        .into(),
        ui.paragraph(card.summary, ui.sizes.body(), palette.surface_text),
        line(ui, Pictogram::Clock, card.status),
    ];
    if let Some(direction) = card.direction {
        body.push(line(ui, Pictogram::Location, direction));
    }
    if !card.languages.is_empty() {
        body.push(line(ui, Pictogram::Language, card.languages));
    }
    target(
        button(ui.column(body).spacing(8).width(Length::Fill))
            .width(Length::Fill)
            .padding(18)
            .style(theme::button_style(palette, Look::Tile))
            .on_press(Message::Open(card.id)),
    )
}

fn crisis_card<'a>(ui: View<'a>, service: &'a Service) -> Element<'a, Message> {
    let palette = ui.palette;
    let body = ui.column(vec![
        Label::new(
            service.name.clone(),
            ui.sizes.label(),
            theme::color(palette.surface_text),
        )
        .bold()
        .into(),
        ui.paragraph(
            words(&ui).text_of(&service.summary).to_owned(),
            ui.sizes.body(),
            palette.surface_text,
        ),
        line(
            ui,
            Pictogram::Phone,
            ui.t_with(
                "help-phone",
                &[("phone", Arg::Text(left_to_right(&service.phone)))],
            ),
        ),
    ]);
    container(body.spacing(8))
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
pub fn left_to_right(text: &str) -> String {
    let mut isolated = String::with_capacity(text.len() + 6);
    isolated.push('\u{2066}'); // LEFT-TO-RIGHT ISOLATE
    isolated.push_str(text);
    isolated.push('\u{2069}'); // POP DIRECTIONAL ISOLATE
    isolated
}

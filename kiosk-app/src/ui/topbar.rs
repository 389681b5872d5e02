//! The bar on every screen: Home, Back, the current language, read aloud and
//! End session, always one touch away. Mirrored in right-to-left languages;
//! at large text sizes the less important buttons drop their labels.

use iced::widget::{button, container, responsive, space};
use iced::{Element, Length, Padding};

use super::label::{Label, measure};
use super::pictogram::Pictogram;
use super::target::target;
use super::theme::{self, Look};
use super::view::View;

/// What the bar can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Go to the home screen.
    Home,
    /// Go to the previous screen.
    Back,
    /// Open the language picker.
    Language,
    /// Read the screen aloud.
    ReadAloud,
    /// End the session (asks first).
    EndSession,
}

/// Height of the bar in logical pixels at 100 % text.
pub const HEIGHT: f32 = 72.0;

/// How wide a bar button is with or without its label.
fn button_width(ui: &View<'_>, label: &str, show_label: bool) -> f32 {
    // Pictogram, padding and border, plus the label and its gap.
    let bare = ui.sizes.icon() + 32.0 + 4.0;
    if show_label {
        bare + 10.0 + measure(label, ui.sizes.label(), theme::FONT, f32::INFINITY).width
    } else {
        bare
    }
}

/// The bar. `can_go_home`/`can_go_back` disable those buttons where they lead nowhere.
pub fn view<'a>(ui: View<'a>, can_go_home: bool, can_go_back: bool) -> Element<'a, Action> {
    let bar = responsive(move |size| {
        let labels = [
            ui.t("bar-home"),
            ui.t("bar-back"),
            ui.t(ui.language.name_key()),
            ui.t("bar-read-aloud"),
            ui.t("bar-end"),
        ];
        // Which labels show, most dropped last: End session and the
        // language keep theirs longest.
        const LEVELS: [[bool; 5]; 4] = [
            [true, true, true, true, true],
            [false, false, true, false, true],
            [false, false, false, false, true],
            [false, false, false, false, false],
        ];
        let fits = |shown: &[bool; 5]| {
            let buttons: f32 = labels
                .iter()
                .zip(shown)
                .map(|(label, show)| button_width(&ui, label, *show))
                .sum();
            buttons + 5.0 * 12.0 <= size.width
        };
        let shown = LEVELS
            .iter()
            .find(|level| fits(level))
            .copied()
            .unwrap_or(LEVELS[3]);
        let [home, back, language, read, end] = labels;
        let item = |pictogram: Pictogram,
                    label: String,
                    show_label: bool,
                    look: Look,
                    action: Option<Action>|
         -> Element<'a, Action> {
            // What leads nowhere now stays in place, faded.
            let alpha = if action.is_some() { 1.0 } else { 0.4 };
            let tint = theme::color(ui.tint(look)).scale_alpha(alpha);
            let mut parts: Vec<Element<'a, Action>> =
                vec![pictogram.view_in(ui.sizes.icon(), tint)];
            if show_label {
                parts.push(Label::new(label, ui.sizes.label(), tint).into());
            }
            target(
                button(container(ui.row(parts).spacing(10)).center_y(Length::Fill))
                    .height(Length::Fill)
                    .padding(Padding::new(6.0).left(16.0).right(16.0))
                    .style(theme::button_style(ui.palette, look))
                    .on_press_maybe(action),
            )
        };
        let children = vec![
            item(
                Pictogram::Home,
                home,
                shown[0],
                Look::Bar,
                can_go_home.then_some(Action::Home),
            ),
            item(
                ui.back_pictogram(),
                back,
                shown[1],
                Look::Bar,
                can_go_back.then_some(Action::Back),
            ),
            space().width(Length::Fill).into(),
            item(
                Pictogram::Language,
                language,
                shown[2],
                Look::Bar,
                Some(Action::Language),
            ),
            item(
                Pictogram::ReadAloud,
                read,
                shown[3],
                Look::Bar,
                Some(Action::ReadAloud),
            ),
            item(
                Pictogram::EndSession,
                end,
                shown[4],
                Look::Danger,
                Some(Action::EndSession),
            ),
        ];
        ui.row(children).spacing(12).height(Length::Fill).into()
    });
    container(bar)
        .height(Length::Fixed(HEIGHT * ui.sizes.factor().sqrt()))
        .width(Length::Fill)
        .padding(8)
        .style(theme::area(ui.palette.bar, ui.palette.bar_text))
        .into()
}

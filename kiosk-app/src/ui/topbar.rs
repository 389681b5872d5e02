//! The bar on every screen: Home, Back, the current language, read aloud and
//! End session, always one touch away. Mirrored in right-to-left languages;
//! at large text sizes the less important buttons drop their labels.

use iced::widget::{button, container, responsive, space};
use iced::{Element, Length, Padding};

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

/// Roughly how wide a label is: enough to decide whether labels fit.
fn estimate(label: &str, size: f32) -> f32 {
    label.chars().count() as f32 * size * 0.56 + size * 1.2 + 52.0
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
        let full: f32 = labels
            .iter()
            .map(|label| estimate(label, ui.sizes.label()))
            .sum::<f32>()
            + 5.0 * 12.0;
        let compact = full > size.width;
        let [home, back, language, read, end] = labels;
        let item = |pictogram: Pictogram,
                    label: String,
                    show_label: bool,
                    look: Look,
                    action: Option<Action>|
         -> Element<'a, Action> {
            let tint = ui.tint(look);
            let mut parts: Vec<Element<'a, Action>> = vec![pictogram.view(ui.sizes.icon(), tint)];
            if show_label {
                parts.push(ui.label(label, ui.sizes.label(), tint));
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
                !compact,
                Look::Bar,
                can_go_home.then_some(Action::Home),
            ),
            item(
                ui.back_pictogram(),
                back,
                !compact,
                Look::Bar,
                can_go_back.then_some(Action::Back),
            ),
            space().width(Length::Fill).into(),
            item(
                Pictogram::Language,
                language,
                true,
                Look::Bar,
                Some(Action::Language),
            ),
            item(
                Pictogram::ReadAloud,
                read,
                !compact,
                Look::Bar,
                Some(Action::ReadAloud),
            ),
            item(
                Pictogram::EndSession,
                end,
                true,
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

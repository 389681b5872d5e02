//! Dialogs above the screen: "Are you still there?" with its countdown, and
//! the confirmation before End session.

use iced::widget::{column, container, opaque};
use iced::{Alignment, Element, Length};

use kiosk_app::i18n::Arg;

use super::label::Label;
use super::pictogram::Pictogram;
use super::theme::{self, Look};
use super::view::View;

/// Which dialog shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// End session was tapped: ask before wiping.
    ConfirmEnd,
    /// Idle too long: the countdown runs.
    Countdown,
}

/// What the dialogs answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// "I am still here" / "No, continue".
    Stay,
    /// "Yes, end" / "End now".
    End,
}

/// The text read aloud while a dialog shows.
pub fn speech(ui: &View<'_>, overlay: Overlay, seconds_left: u64) -> String {
    match overlay {
        Overlay::ConfirmEnd => [ui.t("confirm-end-title"), ui.t("confirm-end-text")].join(" "),
        Overlay::Countdown => [ui.t("countdown-title"), countdown_text(ui, seconds_left)].join(" "),
    }
}

fn countdown_text(ui: &View<'_>, seconds_left: u64) -> String {
    ui.t_with(
        "countdown-text",
        &[("seconds", Arg::Number(seconds_left as f64))],
    )
}

/// The dialog over a dimmed screen; touches do not reach what is beneath.
pub fn view<'a>(ui: View<'a>, overlay: Overlay, seconds_left: u64) -> Element<'a, Message> {
    let palette = ui.palette;
    let (pictogram, title, body, stay, end) = match overlay {
        Overlay::ConfirmEnd => (
            Pictogram::EndSession,
            ui.t("confirm-end-title"),
            ui.t("confirm-end-text"),
            ui.t("confirm-end-no"),
            ui.t("confirm-end-yes"),
        ),
        Overlay::Countdown => (
            Pictogram::StillHere,
            ui.t("countdown-title"),
            countdown_text(&ui, seconds_left),
            ui.t("countdown-stay"),
            ui.t("countdown-end"),
        ),
    };
    let (stay_pictogram, stay_look) = match overlay {
        Overlay::Countdown => (Pictogram::StillHere, Look::Primary),
        Overlay::ConfirmEnd => (ui.back_pictogram(), Look::Primary),
    };
    let dialog = column![
        pictogram.view(ui.sizes.pictogram() * 1.4, palette.dialog_text),
        Label::new(title, ui.sizes.title(), theme::color(palette.dialog_text)).centered(),
        Label::new(body, ui.sizes.body(), theme::color(palette.dialog_text)).centered(),
        ui.row(vec![
            ui.wide_button(Some(stay_pictogram), stay, stay_look, Message::Stay),
            ui.wide_button(Some(Pictogram::EndSession), end, Look::Danger, Message::End),
        ])
        .spacing(24)
        .wrap(),
    ]
    .spacing(24)
    .align_x(Alignment::Center)
    .width(Length::Fill);
    let boxed = container(dialog)
        .max_width(900.0 * ui.sizes.factor().sqrt())
        .padding(36)
        .style(theme::panel(
            palette.dialog,
            palette.dialog_text,
            Some(palette.border),
        ));
    opaque(
        container(boxed)
            .center(Length::Fill)
            .padding(24)
            .style(theme::scrim),
    )
}

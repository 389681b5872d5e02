//! Display settings for this session: text size and contrast.

use iced::widget::column;
use iced::{Element, Length};

use kiosk_app::display::{Contrast, TextSize};
use kiosk_app::i18n::Arg;

use crate::ui::drag_scroll::scroll_area;
use crate::ui::pictogram::Pictogram;
use crate::ui::theme::Look;
use crate::ui::view::View;

/// Messages of the display screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// A text size was chosen.
    TextSize(TextSize),
    /// A palette was chosen.
    Contrast(Contrast),
}

/// The text read aloud.
pub fn speech(ui: &View<'_>) -> String {
    [
        ui.t("display-title"),
        ui.t("display-text-size"),
        ui.t("display-contrast"),
        ui.t("display-preview"),
    ]
    .join(". ")
}

/// The display screen; `current` marks the chosen options.
pub fn view<'a>(ui: View<'a>, text_size: TextSize, contrast: Contrast) -> Element<'a, Message> {
    let sizes: Vec<Element<'a, Message>> = TextSize::ALL
        .iter()
        .map(|size| {
            let label = ui.t_with(
                "display-text-size-value",
                &[("percent", Arg::Number(f64::from(size.percent())))],
            );
            let look = if *size == text_size {
                Look::Selected
            } else {
                Look::Tile
            };
            ui.wide_button(
                Some(Pictogram::TextSize),
                label,
                look,
                Message::TextSize(*size),
            )
        })
        .collect();
    let contrasts: Vec<Element<'a, Message>> = [
        (Contrast::Normal, "display-contrast-normal"),
        (Contrast::High, "display-contrast-high"),
    ]
    .iter()
    .map(|(option, key)| {
        let look = if *option == contrast {
            Look::Selected
        } else {
            Look::Tile
        };
        ui.wide_button(
            Some(Pictogram::Contrast),
            ui.t(key),
            look,
            Message::Contrast(*option),
        )
    })
    .collect();

    let content = column![
        ui.title("display-title"),
        ui.paragraph(ui.t("display-text-size"), ui.sizes.label(), ui.palette.text),
        ui.row(sizes).spacing(16).wrap(),
        ui.paragraph(ui.t("display-contrast"), ui.sizes.label(), ui.palette.text),
        ui.row(contrasts).spacing(16).wrap(),
        ui.paragraph(ui.t("display-preview"), ui.sizes.body(), ui.palette.text),
    ]
    .spacing(24)
    .width(Length::Fill);
    scroll_area(content)
}

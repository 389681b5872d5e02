//! The language picker: every language of the site in its own script, with
//! its name in the current language beneath.

use iced::widget::{button, column, container, responsive};
use iced::{Alignment, Element, Length, Padding};

use kiosk_app::language::Language;

use crate::ui::drag_scroll::scroll_area;
use crate::ui::label::{Label, measure};
use crate::ui::target::target;
use crate::ui::theme::{self, Look};
use crate::ui::view::View;

/// Inner padding of a tile and the gap between its two names.
const PADDING: f32 = 18.0;
const SPACING: f32 = 6.0;

/// Messages of the language picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// A language was chosen.
    Choose(Language),
}

/// The text read aloud.
pub fn speech(ui: &View<'_>) -> String {
    ui.t("language-title")
}

/// The language picker.
pub fn view<'a>(ui: View<'a>) -> Element<'a, Message> {
    responsive(move |size| {
        let spacing = 16.0;
        let names: Vec<String> = ui
            .site
            .languages
            .iter()
            .map(|language| ui.catalog.text(*language, language.name_key()))
            .collect();
        let (per_row, width) = ui.tile_layout(size.width - 4.0, spacing, 4, &names);
        // Every tile as high as the highest, so that rows line up.
        let inner = width - 2.0 * PADDING - 4.0;
        let height = ui
            .site
            .languages
            .iter()
            .map(|language| {
                let own = ui.catalog.text(*language, language.name_key());
                let here = ui.t(language.name_key());
                let mut height = measure(&own, ui.sizes.label(), theme::FONT, inner).height;
                if here != own {
                    height += SPACING + measure(&here, ui.sizes.small(), theme::FONT, inner).height;
                }
                height
            })
            .fold(0.0, f32::max)
            + 2.0 * PADDING
            + 4.0;
        let tiles = ui
            .site
            .languages
            .iter()
            .map(|language| {
                let own = ui.catalog.text(*language, language.name_key());
                let here = ui.t(language.name_key());
                let look = if *language == ui.language {
                    Look::Selected
                } else {
                    Look::Tile
                };
                let tint = theme::color(ui.tint(look));
                let mut lines = column![Label::new(own.clone(), ui.sizes.label(), tint).centered()]
                    .align_x(Alignment::Center)
                    .spacing(SPACING);
                if here != own {
                    lines = lines.push(Label::new(here, ui.sizes.small(), tint).centered());
                }
                target(
                    button(container(lines).center_y(Length::Fill))
                        .width(Length::Fixed(width))
                        .height(Length::Fixed(height))
                        .padding(Padding::new(PADDING))
                        .style(theme::button_style(ui.palette, look))
                        .on_press(Message::Choose(*language)),
                )
            })
            .collect();
        let content = column![ui.title("language-title"), ui.grid(tiles, per_row, spacing)]
            .spacing(24)
            .width(Length::Fill);
        scroll_area(content)
    })
    .into()
}

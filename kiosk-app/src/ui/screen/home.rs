//! The home screen: large pictogram tiles for everything the kiosk can do.
//! Only tiles whose feature works are shown.

use iced::widget::{column, responsive};
use iced::{Element, Length};

use crate::ui::drag_scroll::scroll_area;
use crate::ui::pictogram::Pictogram;
use crate::ui::theme::Look;
use crate::ui::view::View;

/// Where a tile leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tile {
    /// The help finder.
    FindHelp,
    /// Guided forms.
    Forms,
    /// The language picker.
    Language,
    /// Text size and contrast.
    Display,
    /// Read this screen aloud.
    ReadAloud,
    /// End the session.
    EndSession,
}

impl Tile {
    /// The tiles shown, in order.
    pub const SHOWN: [Tile; 6] = [
        Tile::FindHelp,
        Tile::Forms,
        Tile::Language,
        Tile::Display,
        Tile::ReadAloud,
        Tile::EndSession,
    ];

    fn pictogram(self) -> Pictogram {
        match self {
            Tile::FindHelp => Pictogram::FindHelp,
            Tile::Forms => Pictogram::Forms,
            Tile::Language => Pictogram::Language,
            Tile::Display => Pictogram::Display,
            Tile::ReadAloud => Pictogram::ReadAloud,
            Tile::EndSession => Pictogram::EndSession,
        }
    }

    /// The translation key of the tile's label.
    pub fn label_key(self) -> &'static str {
        match self {
            Tile::FindHelp => "tile-find-help",
            Tile::Forms => "tile-forms",
            Tile::Language => "tile-language",
            Tile::Display => "tile-display",
            Tile::ReadAloud => "tile-read-aloud",
            Tile::EndSession => "tile-end-session",
        }
    }
}

/// Messages of the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// A tile was tapped.
    Open(Tile),
}

/// The text read aloud on the home screen.
pub fn speech(ui: &View<'_>) -> String {
    let mut lines = vec![ui.t("home-title")];
    lines.extend(Tile::SHOWN.iter().map(|tile| ui.t(tile.label_key())));
    lines.join(". ")
}

/// The home screen.
pub fn view<'a>(ui: View<'a>) -> Element<'a, Message> {
    responsive(move |size| {
        let spacing = 20.0;
        let labels: Vec<String> = Tile::SHOWN
            .iter()
            .map(|tile| ui.t(tile.label_key()))
            .collect();
        let (per_row, width) = ui.tile_layout(size.width - 4.0, spacing, 3, &labels);
        let tiles = Tile::SHOWN
            .iter()
            .map(|tile| {
                let look = if *tile == Tile::EndSession {
                    Look::Danger
                } else {
                    Look::Tile
                };
                ui.tile(
                    tile.pictogram(),
                    ui.t(tile.label_key()),
                    look,
                    width,
                    Message::Open(*tile),
                )
            })
            .collect();
        let content = column![ui.title("home-title"), ui.grid(tiles, per_row, spacing)]
            .spacing(24)
            .width(Length::Fill);
        scroll_area(content)
    })
    .into()
}

//! What every screen's `view` needs: the visitor's language, palette and
//! sizes, and small builders that keep layouts mirrored for right-to-left
//! languages and every touch target large.

use iced::alignment::Horizontal;
use iced::widget::{Column, Row, button, column, container};
use iced::{Alignment, Element, Length, Padding};

use kiosk_app::config::SiteConfig;
use kiosk_app::display::{DisplaySettings, Palette, Rgb};
use kiosk_app::i18n::{Arg, Catalog};
use kiosk_app::language::{Direction, Language};

use super::label::{Label, measure};
use super::pictogram::Pictogram;
use super::target::target;
use super::theme::{self, Look, Sizes, TOUCH_TARGET};

/// The read-only context of one frame.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// All translations.
    pub catalog: &'a Catalog,
    /// The visitor's language.
    pub language: Language,
    /// Colours.
    pub palette: Palette,
    /// Text sizes.
    pub sizes: Sizes,
    /// The site configuration.
    pub site: &'a SiteConfig,
}

impl<'a> View<'a> {
    /// A context for a language and display settings.
    pub fn new(
        catalog: &'a Catalog,
        site: &'a SiteConfig,
        language: Language,
        display: DisplaySettings,
    ) -> Self {
        View {
            catalog,
            language,
            palette: Palette::of(display.contrast),
            sizes: Sizes::new(display),
            site,
        }
    }

    /// The translated text of `key`.
    pub fn t(&self, key: &str) -> String {
        self.catalog.text(self.language, key)
    }

    /// The translated text of `key` with arguments.
    pub fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.catalog.text_with(self.language, key, args)
    }

    /// Whether the layout is mirrored.
    pub fn rtl(&self) -> bool {
        self.language.direction() == Direction::Rtl
    }

    /// Where text and rows start: left, or right when mirrored.
    pub fn start(&self) -> Alignment {
        if self.rtl() {
            Alignment::End
        } else {
            Alignment::Start
        }
    }

    /// Text filling the width, aligned to the reading direction, wrapping.
    pub fn paragraph<M: 'a>(&self, content: String, size: f32, tint: Rgb) -> Element<'a, M> {
        Label::new(content, size, theme::color(tint))
            .fill()
            .align(if self.rtl() {
                Horizontal::Right
            } else {
                Horizontal::Left
            })
            .into()
    }

    /// Text as wide as it needs.
    pub fn label<M: 'a>(&self, content: String, size: f32, tint: Rgb) -> Element<'a, M> {
        Label::new(content, size, theme::color(tint)).into()
    }

    /// A screen title.
    pub fn title<M: 'a>(&self, key: &str) -> Element<'a, M> {
        self.paragraph(self.t(key), self.sizes.title(), self.palette.text)
    }

    /// A row whose children run right to left in mirrored languages.
    pub fn row<M: 'a>(&self, mut children: Vec<Element<'a, M>>) -> Row<'a, M> {
        if self.rtl() {
            children.reverse();
        }
        Row::with_children(children).align_y(Alignment::Center)
    }

    /// A column whose children hug the reading start.
    pub fn column<M: 'a>(&self, children: Vec<Element<'a, M>>) -> Column<'a, M> {
        Column::with_children(children).align_x(self.start())
    }

    /// The pictogram pointing back (left, or right when mirrored).
    pub fn back_pictogram(&self) -> Pictogram {
        if self.rtl() {
            Pictogram::Forward
        } else {
            Pictogram::Back
        }
    }

    /// The arrow that points onwards in the reading direction.
    pub fn forward_pictogram(&self) -> Pictogram {
        if self.rtl() {
            Pictogram::Back
        } else {
            Pictogram::Forward
        }
    }

    /// The colour of text and pictograms on a button look.
    pub fn tint(&self, look: Look) -> Rgb {
        match look {
            Look::Danger => self.palette.danger_text,
            Look::Primary | Look::Selected => self.palette.accent_text,
            Look::Bar => self.palette.bar_text,
            Look::Plain => self.palette.text,
            Look::Tile | Look::Key | Look::Field | Look::FieldActive => self.palette.surface_text,
        }
    }

    /// A large tile: pictogram above a label.
    pub fn tile<M: Clone + 'a>(
        &self,
        pictogram: Pictogram,
        label: String,
        look: Look,
        width: f32,
        on_press: M,
    ) -> Element<'a, M> {
        let tint = self.tint(look);
        let content = column![
            pictogram.view(self.sizes.pictogram(), tint),
            Label::new(label, self.sizes.label(), theme::color(tint)).centered(),
        ]
        .spacing(14)
        .align_x(Alignment::Center)
        .width(Length::Fill);
        target(
            button(container(content).center_y(Length::Shrink))
                .width(Length::Fixed(width))
                .height(Length::Shrink)
                .padding(Padding::new(22.0))
                .style(theme::button_style(self.palette, look))
                .on_press(on_press),
        )
    }

    /// A wide button: pictogram beside a label.
    pub fn wide_button<M: Clone + 'a>(
        &self,
        pictogram: Option<Pictogram>,
        label: String,
        look: Look,
        on_press: M,
    ) -> Element<'a, M> {
        let tint = self.tint(look);
        let mut parts: Vec<Element<'a, M>> = Vec::new();
        if let Some(pictogram) = pictogram {
            parts.push(pictogram.view(self.sizes.icon(), tint));
        }
        parts.push(self.label(label, self.sizes.label(), tint));
        target(
            button(self.row(parts).spacing(12))
                .height(Length::Shrink)
                .padding(Padding::new(12.0).left(20.0).right(20.0))
                .style(theme::button_style(self.palette, look))
                .on_press(on_press),
        )
    }

    /// A search field: what was typed (or `placeholder`), a Clear button
    /// once something is, highlighted while the keyboard types into it.
    pub fn search_field<M: Clone + 'a>(
        &self,
        query: &'a str,
        placeholder: String,
        typing: bool,
        open: M,
        clear: M,
    ) -> Element<'a, M> {
        let palette = self.palette;
        let field_text = if query.is_empty() {
            self.paragraph(placeholder, self.sizes.body(), palette.muted_text)
        } else {
            self.paragraph(query.to_owned(), self.sizes.body(), palette.surface_text)
        };
        let mut parts: Vec<Element<'a, M>> = vec![
            Pictogram::Search.view(self.sizes.icon(), palette.surface_text),
            field_text,
        ];
        if !query.is_empty() {
            parts.push(self.wide_button(
                Some(Pictogram::Close),
                self.t("help-clear"),
                Look::Tile,
                clear,
            ));
        }
        let look = if typing {
            Look::FieldActive
        } else {
            Look::Field
        };
        target(
            button(self.row(parts).spacing(12))
                .width(Length::Fill)
                .padding(Padding::new(12.0))
                .style(theme::button_style(palette, look))
                .on_press(open),
        )
    }

    /// Lays out tiles in rows that fit `width`, in reading order.
    pub fn grid<M: 'a>(
        &self,
        tiles: Vec<Element<'a, M>>,
        per_row: usize,
        spacing: f32,
    ) -> Element<'a, M> {
        let mut rows: Vec<Element<'a, M>> = Vec::new();
        let mut tiles = tiles.into_iter().peekable();
        while tiles.peek().is_some() {
            let chunk: Vec<Element<'a, M>> = tiles.by_ref().take(per_row.max(1)).collect();
            rows.push(
                self.row(chunk)
                    .spacing(spacing)
                    .align_y(Alignment::Start)
                    .into(),
            );
        }
        Column::with_children(rows)
            .spacing(spacing)
            .align_x(self.start())
            .width(Length::Fill)
            .into()
    }

    /// How many tiles fit in a row of `width`, and how wide each is: tiles are
    /// as large as the screen allows, at least three touch targets wide.
    /// `labels` are the tiles' texts: a tile is never narrower than their
    /// longest word (words do not break).
    pub fn tile_layout(
        &self,
        width: f32,
        spacing: f32,
        max_per_row: usize,
        labels: &[String],
    ) -> (usize, f32) {
        let longest_word = labels
            .iter()
            .flat_map(|label| label.split_whitespace())
            .map(|word| measure(word, self.sizes.label(), theme::FONT, f32::INFINITY).width)
            .fold(0.0, f32::max);
        // Tile padding (22 each side) and border, with a pixel to spare.
        let smallest = (200.0 * self.sizes.factor().sqrt())
            .max(TOUCH_TARGET * 3.0)
            .max(longest_word + 50.0);
        let per_row =
            (((width + spacing) / (smallest + spacing)).floor() as usize).clamp(1, max_per_row);
        let tile = ((width - spacing * (per_row as f32 - 1.0)) / per_row as f32).floor();
        (per_row, tile)
    }
}

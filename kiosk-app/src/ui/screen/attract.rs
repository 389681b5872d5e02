//! The attract screen: calm, readable from two metres, "Touch the screen to
//! start" in every language of the site. The whole screen is one button.

use iced::widget::{Column, Row, button, column, container, responsive};
use iced::{Alignment, Element, Length, Padding};

use crate::ui::label::Label;
use crate::ui::notice::StaffNotice;
use crate::ui::pictogram::Pictogram;
use crate::ui::target::target;
use crate::ui::theme::{self, Look};
use crate::ui::view::View;

/// Messages of the attract screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The screen was touched: a session starts.
    Touched,
}

/// The main text, for read aloud.
pub fn speech(view: &View<'_>) -> String {
    view.t("attract-touch")
}

/// The attract screen. `ui` is in the site's default language; every other
/// enabled language repeats the invitation below in its own script.
pub fn view<'a>(ui: View<'a>, notices: &'a [StaffNotice]) -> Element<'a, Message> {
    let palette = ui.palette;
    let body = responsive(move |size| {
        // Everything scales with the screen, so that it fits from 1024x600 up.
        let scale = (size.width / 1366.0)
            .min(size.height / 768.0)
            .clamp(0.7, 2.0);
        let others: Vec<Element<'a, Message>> = ui
            .site
            .languages
            .iter()
            .filter(|language| **language != ui.language)
            .map(|language| {
                Label::new(
                    ui.catalog.text(*language, "attract-touch"),
                    21.0 * scale,
                    theme::color(palette.muted_text),
                )
                .centered()
                .into()
            })
            .collect();
        let columns = if size.width >= 1200.0 { 3 } else { 2 };
        let mut content: Vec<Element<'a, Message>> = vec![
            Label::new(
                ui.site.site_name.clone(),
                26.0 * scale,
                theme::color(palette.muted_text),
            )
            .into(),
            Pictogram::Touch.view(88.0 * scale, palette.accent),
            Label::new(
                ui.t("attract-touch"),
                50.0 * scale,
                theme::color(palette.text),
            )
            .centered()
            .into(),
            Label::new(
                ui.t("attract-subtitle"),
                26.0 * scale,
                theme::color(palette.text),
            )
            .centered()
            .into(),
            lines_in_columns(others, columns, 8.0 * scale),
            Label::new(
                ui.t("attract-privacy"),
                21.0 * scale,
                theme::color(palette.muted_text),
            )
            .centered()
            .into(),
        ];
        if !notices.is_empty() {
            content.push(staff_notices(ui, notices));
        }
        let column = Column::with_children(content)
            .spacing(18.0 * scale)
            .align_x(Alignment::Center)
            .width(Length::Fill)
            .max_width(1400.0 * scale);
        container(column)
            .center(Length::Fill)
            .padding(Padding::new(24.0 * scale))
            .into()
    });

    target(
        button(body)
            .width(Length::Fill)
            .height(Length::Fill)
            .padding(0)
            .style(theme::button_style(palette, Look::Plain))
            .on_press(Message::Touched),
    )
}

/// The invitation in the other languages, in columns.
fn lines_in_columns<'a>(
    lines: Vec<Element<'a, Message>>,
    columns: usize,
    spacing: f32,
) -> Element<'a, Message> {
    let mut rows = Vec::new();
    let mut lines = lines.into_iter().peekable();
    while lines.peek().is_some() {
        let chunk: Vec<Element<'a, Message>> = lines.by_ref().take(columns).collect();
        rows.push(
            Row::with_children(chunk)
                .spacing(24)
                .width(Length::Fill)
                .into(),
        );
    }
    Column::with_children(rows)
        .spacing(spacing)
        .width(Length::Fill)
        .into()
}

/// Problems staff should fix, small and out of the visitors' way.
fn staff_notices<'a>(ui: View<'a>, notices: &'a [StaffNotice]) -> Element<'a, Message> {
    let lines: Vec<Element<'a, Message>> = notices
        .iter()
        .map(|notice| {
            ui.row(vec![
                Pictogram::Warning.view(22.0, ui.palette.notice_text),
                ui.paragraph(
                    notice.text(ui.catalog, ui.language),
                    16.0,
                    ui.palette.notice_text,
                ),
            ])
            .spacing(8)
            .into()
        })
        .collect();
    container(column(lines).spacing(4))
        .padding(10)
        .width(Length::Fill)
        .style(theme::panel(
            ui.palette.notice,
            ui.palette.notice_text,
            None,
        ))
        .into()
}

//! The on-screen keyboard: large keys, the visitor's script, a number pad for
//! numeric fields. It edits an app-owned string; the screen shows that
//! string in a plain text widget (iced's text input handles right-to-left
//! text poorly).

use iced::widget::{Row, button, column, container, responsive};
use iced::{Alignment, Element, Length};

use kiosk_app::keyboard::{Key, Keyboard, Page};

use super::pictogram::Pictogram;
use super::target::target;
use super::theme::{self, Look, TOUCH_TARGET};
use super::view::View;

/// The tallest a key gets, in logical pixels.
const KEY_HEIGHT_MAX: f32 = 64.0;
const SPACING: f32 = 6.0;

/// How tall the keyboard is when it may take up to `room` pixels: keys
/// between the 9 mm minimum and a comfortable maximum.
pub fn height(keyboard: &Keyboard, room: f32) -> f32 {
    let rows = keyboard.rows().len() as f32;
    let key = key_height(rows, room);
    key * rows + SPACING * (rows + 1.0) + 2.0 * SPACING
}

fn key_height(rows: f32, room: f32) -> f32 {
    ((room - SPACING * (rows + 3.0)) / rows).clamp(TOUCH_TARGET, KEY_HEIGHT_MAX)
}

/// The keyboard, emitting the key pressed; it takes at most `room` pixels
/// of height where that leaves keys of 9 mm.
pub fn view<'a>(ui: View<'a>, keyboard: &'a Keyboard, room: f32) -> Element<'a, Key> {
    let rows = keyboard.rows();
    let key_h = key_height(rows.len() as f32, room);
    let total = height(keyboard, room);
    let keyboard_body = responsive(move |size| {
        let widest = rows
            .iter()
            .map(|row| row.iter().map(weight).sum::<f32>())
            .fold(1.0, f32::max);
        let unit = ((size.width - SPACING * (widest + 1.0)) / widest).clamp(TOUCH_TARGET, 96.0);
        let lines: Vec<Element<'a, Key>> = rows
            .iter()
            .map(|row| {
                let keys: Vec<Element<'a, Key>> = row
                    .iter()
                    .map(|key| key_view(ui, keyboard, key, unit, key_h))
                    .collect();
                Row::with_children(keys).spacing(SPACING).into()
            })
            .collect();
        column(lines)
            .spacing(SPACING)
            .align_x(Alignment::Center)
            .width(Length::Fill)
            .into()
    });
    container(keyboard_body)
        .padding(SPACING)
        .width(Length::Fill)
        .height(Length::Fixed(total))
        .style(theme::area(ui.palette.bar, ui.palette.bar_text))
        .into()
}

/// How many key widths a key takes.
fn weight(key: &Key) -> f32 {
    match key {
        Key::Space => 5.0,
        Key::Enter | Key::NextLayout => 2.0,
        Key::Backspace | Key::Shift | Key::TogglePage => 1.5,
        Key::Char(_) => 1.0,
    }
}

fn key_view<'a>(
    ui: View<'a>,
    keyboard: &Keyboard,
    key: &Key,
    unit: f32,
    key_h: f32,
) -> Element<'a, Key> {
    let width = unit * weight(key) + SPACING * (weight(key) - 1.0).max(0.0);
    // As large as the visitor's text size asks, as long as it fits the key.
    let label_size = ui
        .sizes
        .label()
        .min(unit * 0.6)
        .min((key_h - 8.0) / 1.35)
        .max(14.0);
    let tint = ui.palette.surface_text;
    let content: Element<'a, Key> = match key {
        Key::Char(c) => ui.label(c.clone(), label_size, tint),
        Key::Space => Pictogram::Space.view(label_size * 1.2, tint),
        Key::Backspace => Pictogram::Backspace.view(label_size * 1.2, tint),
        Key::Shift => Pictogram::Shift.view(
            label_size * 1.2,
            if keyboard.shift {
                ui.palette.accent
            } else {
                tint
            },
        ),
        Key::Enter => {
            let on_accent = ui.tint(Look::Primary);
            ui.row(vec![
                Pictogram::Enter.view(label_size, on_accent),
                ui.label(ui.t("osk-done"), label_size * 0.8, on_accent),
            ])
            .spacing(6)
            .into()
        }
        Key::TogglePage => {
            let key = if keyboard.page == Page::Letters {
                "osk-symbols"
            } else {
                "osk-letters"
            };
            ui.label(ui.t(key), label_size * 0.8, tint)
        }
        Key::NextLayout => {
            let next = keyboard.next_layout().language();
            ui.row(vec![
                Pictogram::Language.view(label_size, tint),
                ui.label(
                    ui.catalog.text(next, next.name_key()),
                    label_size * 0.6,
                    tint,
                ),
            ])
            .spacing(4)
            .into()
        }
    };
    let look = if matches!(key, Key::Enter) {
        Look::Primary
    } else {
        Look::Key
    };
    target(
        button(container(content).center(Length::Fill))
            .width(Length::Fixed(width))
            .height(Length::Fixed(key_h))
            .padding(2)
            .style(theme::button_style(ui.palette, look))
            .on_press(key.clone()),
    )
}

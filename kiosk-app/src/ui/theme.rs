//! Colours and sizes on screen, derived from the visitor's display settings.

use iced::widget::{button, container};
use iced::{Background, Border, Color, Font, Shadow, Theme};

use kiosk_app::display::{DisplaySettings, Palette, Rgb};

/// The smallest touch target, in logical pixels: 9 mm at 96 dpi. The app's
/// scale factor (`dpi / 96`) keeps it 9 mm on every screen.
pub const TOUCH_TARGET: f32 = 48.0;

/// The font every text uses; fallback fonts cover scripts it lacks.
pub const FONT: Font = Font::with_name("Noto Sans");

/// Converts a palette colour.
pub fn color(rgb: Rgb) -> Color {
    Color::from_rgb8(rgb.0, rgb.1, rgb.2)
}

/// Text sizes for the current text-size setting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    factor: f32,
}

impl Sizes {
    /// Sizes for a text-size factor.
    pub fn new(settings: DisplaySettings) -> Self {
        Sizes {
            factor: settings.text_size.factor(),
        }
    }

    /// The factor itself.
    pub fn factor(self) -> f32 {
        self.factor
    }

    /// Body text.
    pub fn body(self) -> f32 {
        22.0 * self.factor
    }

    /// Small print (notes, secondary lines).
    pub fn small(self) -> f32 {
        18.0 * self.factor
    }

    /// Labels on tiles and buttons.
    pub fn label(self) -> f32 {
        24.0 * self.factor
    }

    /// Screen titles.
    pub fn title(self) -> f32 {
        34.0 * self.factor
    }

    /// Pictograms on tiles.
    pub fn pictogram(self) -> f32 {
        (56.0 * self.factor.sqrt()).max(TOUCH_TARGET)
    }

    /// Pictograms beside labels in bars and buttons.
    pub fn icon(self) -> f32 {
        28.0 * self.factor.sqrt()
    }
}

/// The iced theme for a palette (the base colours of built-in widgets).
pub fn theme(palette: &Palette) -> Theme {
    Theme::custom(
        "Anlauf",
        iced::theme::Palette {
            background: color(palette.background),
            text: color(palette.text),
            primary: color(palette.accent),
            success: color(palette.accent),
            warning: color(palette.notice),
            danger: color(palette.danger),
        },
    )
}

/// How a button looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// A tile or card on the background.
    Tile,
    /// A button in the top bar.
    Bar,
    /// The main action.
    Primary,
    /// A final action (End session).
    Danger,
    /// A choice that is currently selected.
    Selected,
    /// A key of the on-screen keyboard.
    Key,
    /// A field that shows typed text.
    Field,
    /// A field while the keyboard types into it.
    FieldActive,
    /// The whole attract screen.
    Plain,
}

/// Radius of rounded corners.
const RADIUS: f32 = 12.0;

/// The style function of a button look.
pub fn button_style(
    palette: Palette,
    look: Look,
) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |_theme, status| {
        let pressed = matches!(status, button::Status::Pressed);
        let (background, text, border) = match look {
            Look::Tile | Look::Key | Look::Field => {
                (palette.surface, palette.surface_text, palette.border)
            }
            Look::FieldActive => (palette.surface, palette.surface_text, palette.accent),
            Look::Bar => (palette.bar, palette.bar_text, palette.bar_text),
            Look::Primary | Look::Selected => (palette.accent, palette.accent_text, palette.accent),
            Look::Danger => (palette.danger, palette.danger_text, palette.danger),
            Look::Plain => (palette.background, palette.text, palette.background),
        };
        let (background, text) = if pressed && look != Look::Plain {
            (palette.pressed, palette.pressed_text)
        } else {
            (background, text)
        };
        // A choice that cannot be taken now stays in place, faded.
        let alpha = if matches!(status, button::Status::Disabled) {
            0.4
        } else {
            1.0
        };
        button::Style {
            background: Some(Background::Color(color(background))),
            text_color: Color {
                a: alpha,
                ..color(text)
            },
            border: Border {
                color: color(border),
                width: match look {
                    Look::Plain => 0.0,
                    Look::Selected | Look::FieldActive => 4.0,
                    _ => 2.0,
                },
                radius: RADIUS.into(),
            },
            shadow: Shadow::default(),
            snap: true,
        }
    }
}

/// A rounded box with a background colour, matching text colour and border.
pub fn panel(
    background: Rgb,
    text: Rgb,
    border: Option<Rgb>,
) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        text_color: Some(color(text)),
        background: Some(Background::Color(color(background))),
        border: Border {
            color: border.map(color).unwrap_or(Color::TRANSPARENT),
            width: if border.is_some() { 2.0 } else { 0.0 },
            radius: RADIUS.into(),
        },
        shadow: Shadow::default(),
        snap: true,
    }
}

/// An edge-to-edge area (a whole screen, the top bar, the keyboard).
pub fn area(background: Rgb, text: Rgb) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        text_color: Some(color(text)),
        background: Some(Background::Color(color(background))),
        border: Border::default(),
        shadow: Shadow::default(),
        snap: true,
    }
}

/// The translucent layer behind a dialog.
pub fn scrim(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color {
            a: 0.75,
            ..Color::BLACK
        })),
        ..container::Style::default()
    }
}

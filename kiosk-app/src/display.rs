//! Display settings a visitor chooses for the session (text size, contrast),
//! the two colour palettes, and the WCAG contrast arithmetic that keeps them readable.

use zeroize::DefaultIsZeroes;

/// How large text is drawn, relative to the normal size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum TextSize {
    /// 100 %.
    #[default]
    Normal,
    /// 150 %.
    Large,
    /// 200 %.
    Largest,
}

impl TextSize {
    /// Every size, smallest first.
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Largest];

    /// The factor applied to every text size.
    pub fn factor(self) -> f32 {
        match self {
            TextSize::Normal => 1.0,
            TextSize::Large => 1.5,
            TextSize::Largest => 2.0,
        }
    }

    /// The size in percent, for labels.
    pub fn percent(self) -> u32 {
        match self {
            TextSize::Normal => 100,
            TextSize::Large => 150,
            TextSize::Largest => 200,
        }
    }
}

/// Which palette the screen uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Contrast {
    /// Calm colours, at least 4.5:1 for every text.
    #[default]
    Normal,
    /// Black, white and yellow, at least 7:1 for every text.
    High,
}

impl Contrast {
    /// The smallest contrast ratio any text may have in this palette.
    pub fn minimum_ratio(self) -> f64 {
        match self {
            Contrast::Normal => 4.5,
            Contrast::High => 7.0,
        }
    }
}

/// A visitor's display choices; part of the session and wiped with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisplaySettings {
    /// Text size.
    pub text_size: TextSize,
    /// Palette.
    pub contrast: Contrast,
}

impl DefaultIsZeroes for DisplaySettings {}

/// A colour in sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        fn channel(value: u8) -> f64 {
            let c = f64::from(value) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Every colour the screens use. Each `*_text` is drawn on the surface named before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Screen background.
    pub background: Rgb,
    /// Body text on the background.
    pub text: Rgb,
    /// Secondary text (hints, notes) on the background.
    pub muted_text: Rgb,
    /// Tiles and cards.
    pub surface: Rgb,
    /// Text and pictograms on tiles and cards.
    pub surface_text: Rgb,
    /// Borders of tiles, cards and fields (non-text, at least 3:1 to the background).
    pub border: Rgb,
    /// The top bar.
    pub bar: Rgb,
    /// Text and pictograms on the top bar.
    pub bar_text: Rgb,
    /// Primary buttons and the selected choice.
    pub accent: Rgb,
    /// Text on primary buttons.
    pub accent_text: Rgb,
    /// End session and other final actions.
    pub danger: Rgb,
    /// Text on final actions.
    pub danger_text: Rgb,
    /// A tile or key while a finger is on it.
    pub pressed: Rgb,
    /// Text on a pressed tile.
    pub pressed_text: Rgb,
    /// Notices for staff and visitors (no voice, no font).
    pub notice: Rgb,
    /// Text on notices.
    pub notice_text: Rgb,
    /// The dialog box above the dimmed screen.
    pub dialog: Rgb,
    /// Text in the dialog box.
    pub dialog_text: Rgb,
}

impl Palette {
    /// The palette of a contrast setting.
    pub fn of(contrast: Contrast) -> Palette {
        match contrast {
            Contrast::Normal => Palette {
                background: Rgb(0xF7, 0xF4, 0xEE),
                text: Rgb(0x1F, 0x23, 0x2B),
                muted_text: Rgb(0x4A, 0x50, 0x5C),
                surface: Rgb(0xFF, 0xFF, 0xFF),
                surface_text: Rgb(0x1F, 0x23, 0x2B),
                border: Rgb(0x8A, 0x84, 0x78),
                bar: Rgb(0x1D, 0x4E, 0x6E),
                bar_text: Rgb(0xFF, 0xFF, 0xFF),
                accent: Rgb(0x1D, 0x5F, 0x8A),
                accent_text: Rgb(0xFF, 0xFF, 0xFF),
                danger: Rgb(0xA8, 0x32, 0x2D),
                danger_text: Rgb(0xFF, 0xFF, 0xFF),
                pressed: Rgb(0xD9, 0xE8, 0xF2),
                pressed_text: Rgb(0x12, 0x2E, 0x42),
                notice: Rgb(0xFF, 0xF1, 0xC7),
                notice_text: Rgb(0x4A, 0x36, 0x00),
                dialog: Rgb(0xFF, 0xFF, 0xFF),
                dialog_text: Rgb(0x1F, 0x23, 0x2B),
            },
            Contrast::High => Palette {
                background: Rgb(0x00, 0x00, 0x00),
                text: Rgb(0xFF, 0xFF, 0xFF),
                muted_text: Rgb(0xF0, 0xF0, 0xF0),
                surface: Rgb(0x00, 0x00, 0x00),
                surface_text: Rgb(0xFF, 0xFF, 0xFF),
                border: Rgb(0xFF, 0xFF, 0xFF),
                bar: Rgb(0x00, 0x00, 0x00),
                bar_text: Rgb(0xFF, 0xE6, 0x00),
                accent: Rgb(0xFF, 0xE6, 0x00),
                accent_text: Rgb(0x00, 0x00, 0x00),
                danger: Rgb(0xFF, 0xFF, 0xFF),
                danger_text: Rgb(0x00, 0x00, 0x00),
                pressed: Rgb(0xFF, 0xFF, 0xFF),
                pressed_text: Rgb(0x00, 0x00, 0x00),
                notice: Rgb(0xFF, 0xE6, 0x00),
                notice_text: Rgb(0x00, 0x00, 0x00),
                dialog: Rgb(0x00, 0x00, 0x00),
                dialog_text: Rgb(0xFF, 0xFF, 0xFF),
            },
        }
    }

    /// Every (name, text colour, background colour) pair the screens draw text with.
    pub fn text_pairs(&self) -> [(&'static str, Rgb, Rgb); 10] {
        [
            ("text on background", self.text, self.background),
            ("muted text on background", self.muted_text, self.background),
            ("text on surface", self.surface_text, self.surface),
            ("text on bar", self.bar_text, self.bar),
            ("text on accent", self.accent_text, self.accent),
            ("text on danger", self.danger_text, self.danger),
            ("text on pressed", self.pressed_text, self.pressed),
            ("text on notice", self.notice_text, self.notice),
            ("text on dialog", self.dialog_text, self.dialog),
            ("accent text on surface", self.accent, self.surface),
        ]
    }

    /// Pairs of non-text elements that must be told apart (WCAG 1.4.11: 3:1).
    pub fn boundary_pairs(&self) -> [(&'static str, Rgb, Rgb); 3] {
        [
            ("border on background", self.border, self.background),
            ("border on surface", self.border, self.surface),
            ("accent on background", self.accent, self.background),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_of_black_and_white_is_21() {
        let ratio = contrast_ratio(Rgb(0, 0, 0), Rgb(255, 255, 255));
        assert!((ratio - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(Rgb(9, 9, 9), Rgb(9, 9, 9)) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn known_wcag_value() {
        // #777777 on white is the textbook 4.48:1.
        let ratio = contrast_ratio(Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255));
        assert!((ratio - 4.48).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn every_text_pair_meets_its_palette_minimum() {
        for contrast in [Contrast::Normal, Contrast::High] {
            let palette = Palette::of(contrast);
            for (name, fg, bg) in palette.text_pairs() {
                let ratio = contrast_ratio(fg, bg);
                assert!(
                    ratio >= contrast.minimum_ratio(),
                    "{contrast:?}: {name} has {ratio:.2}:1, needs {}:1",
                    contrast.minimum_ratio()
                );
            }
            for (name, fg, bg) in palette.boundary_pairs() {
                let ratio = contrast_ratio(fg, bg);
                assert!(
                    ratio >= 3.0,
                    "{contrast:?}: {name} has {ratio:.2}:1, needs 3:1"
                );
            }
        }
    }
}

//! The pictograms on every choice: monochrome SVGs compiled into the binary
//! and recoloured to the palette, so that they follow high contrast too.

use std::sync::OnceLock;

use iced::widget::svg;
use iced::{Element, Length};

use kiosk_app::display::Rgb;

use super::theme::color;

macro_rules! pictograms {
    ($($variant:ident => $file:literal,)*) => {
        /// A pictogram of the set in `kiosk-app/assets/pictograms/`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Pictogram { $(#[doc = $file] $variant,)* }

        impl Pictogram {
            /// Every pictogram.
            pub const ALL: &[Pictogram] = &[$(Pictogram::$variant,)*];

            fn bytes(self) -> &'static [u8] {
                match self {
                    $(Pictogram::$variant => include_bytes!(concat!("../../assets/pictograms/", $file, ".svg")),)*
                }
            }
        }
    };
}

pictograms! {
    Home => "home",
    Back => "back",
    Forward => "forward",
    EndSession => "end-session",
    Language => "language",
    Display => "display",
    TextSize => "text-size",
    Contrast => "contrast",
    ReadAloud => "read-aloud",
    FindHelp => "find-help",
    Touch => "touch",
    StillHere => "still-here",
    Check => "check",
    Close => "close",
    Backspace => "backspace",
    Shift => "shift",
    Space => "space",
    Enter => "enter",
    Numbers => "numbers",
    Keyboard => "keyboard",
    Search => "search",
    Warning => "warning",
    Clock => "clock",
    Location => "location",
    Phone => "phone",
    CatSleep => "cat-sleep",
    CatFood => "cat-food",
    CatClothesShowers => "cat-clothes-showers",
    CatHealth => "cat-health",
    CatDebts => "cat-debts",
    CatDocumentsPost => "cat-documents-post",
    CatMoney => "cat-money",
    CatHousing => "cat-housing",
    CatFamily => "cat-family",
    CatMigration => "cat-migration",
    CatAddiction => "cat-addiction",
    CatViolenceCrisis => "cat-violence-crisis",
    CatLegal => "cat-legal",
    CatWork => "cat-work",
    Free => "free",
    WalkIn => "walk-in",
    Wheelchair => "wheelchair",
    Women => "women",
    Young => "young",
    Forms => "forms",
    Privacy => "privacy",
}

fn handles() -> &'static Vec<svg::Handle> {
    static HANDLES: OnceLock<Vec<svg::Handle>> = OnceLock::new();
    HANDLES.get_or_init(|| {
        Pictogram::ALL
            .iter()
            .map(|p| svg::Handle::from_memory(p.bytes()))
            .collect()
    })
}

impl Pictogram {
    /// The pictogram as a widget of `size` logical pixels in `tint`.
    pub fn view<'a, Message: 'a>(self, size: f32, tint: Rgb) -> Element<'a, Message> {
        self.view_in(size, color(tint))
    }

    /// The pictogram in any colour (a faded one for what cannot be chosen now).
    pub fn view_in<'a, Message: 'a>(self, size: f32, tint: iced::Color) -> Element<'a, Message> {
        let index = Pictogram::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let handle = handles()[index].clone();
        svg(handle)
            .width(Length::Fixed(size))
            .height(Length::Fixed(size))
            .style(move |_theme, _status| svg::Style { color: Some(tint) })
            .into()
    }

    /// The raw SVG, for tests.
    #[cfg(test)]
    pub fn source(self) -> &'static [u8] {
        self.bytes()
    }
}

//! The label's measurements: remembered, the same as measured afresh, and
//! bounded.

use iced::Font;

use super::label::{MEASURED, MEASUREMENTS, measure, shape};
use super::theme;

const LONG: &str = "Weiterbewilligungsantrag auf Leistungen zur Sicherung des Lebensunterhalts";

#[test]
fn a_remembered_measurement_is_the_fresh_one_for_its_text_size_font_and_width() {
    let bold = Font {
        weight: iced::font::Weight::Bold,
        ..theme::FONT
    };
    for (content, size, font, width) in [
        (LONG, 22.0, theme::FONT, 200.0),
        (LONG, 22.0, theme::FONT, f32::INFINITY),
        (LONG, 30.0, theme::FONT, 200.0),
        (LONG, 22.0, bold, 200.0),
        (
            "طلب استمرار الحصول على إعانة المواطن",
            22.0,
            theme::FONT,
            200.0,
        ),
    ] {
        let fresh = shape(content, size, font, width);
        assert_eq!(measure(content, size, font, width), fresh);
        assert_eq!(
            measure(content, size, font, width),
            fresh,
            "{content} {size} {width}"
        );
    }
    // Each of width, size and font changes the room needed.
    let narrow = measure(LONG, 22.0, theme::FONT, 200.0);
    assert!(narrow.height > measure(LONG, 22.0, theme::FONT, f32::INFINITY).height);
    assert!(measure(LONG, 30.0, theme::FONT, 200.0).height > narrow.height);
    assert!(
        measure("Bürgergeld", 22.0, bold, f32::INFINITY).width
            > measure("Bürgergeld", 22.0, theme::FONT, f32::INFINITY).width
    );
}

#[test]
fn measurements_are_forgotten_before_they_grow_past_their_bound() {
    for n in 0..MEASUREMENTS + 10 {
        measure(&n.to_string(), 16.0, theme::FONT, f32::INFINITY);
        let kept = MEASURED.with_borrow(|(_, measured)| measured.len());
        assert!(kept <= MEASUREMENTS, "{kept} measurements kept");
    }
}

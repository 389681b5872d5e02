fn main() -> iced::Result {
    iced::run(
        |_: &mut u8, _: ()| {},
        |_: &u8| -> iced::Element<'_, ()> { iced::widget::text("Anlauf").into() },
    )
}

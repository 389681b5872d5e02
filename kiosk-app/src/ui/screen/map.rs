//! The map: the pack's tiles around the terminal and one service, moved by
//! dragging and zoomed with large buttons or two fingers. Without tiles it is a schematic
//! with both places joined by a line.

use iced::widget::{column, container, image};
use iced::{ContentFit, Element, Length, Vector};

use kiosk_app::content::Service;
use kiosk_app::map::{Map, Picture, View as MapView};

use crate::ui::pan::pan_area;
use crate::ui::pictogram::Pictogram;
use crate::ui::theme::Look;
use crate::ui::view::View;

/// The picture's size in pixels: the map area of a large screen.
pub const PICTURE: (u32, u32) = (1280, 640);

/// The map on show.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The service marked.
    pub service: Service,
    /// Centre and zoom.
    pub view: MapView,
    /// The picture of the view.
    pub picture: image::Handle,
    /// Whether it is the schematic (no tiles).
    pub schematic: bool,
}

/// Messages of the map.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A finger moved the map.
    Drag(Vector),
    /// Zoom in (+1) or out (-1).
    Zoom(i8),
}

fn handle(picture: Picture) -> image::Handle {
    image::Handle::from_rgba(picture.width, picture.height, picture.rgba)
}

/// The map of `service` seen from `here`, fitted to show both.
pub fn open(map: &mut Map, service: Service, here: kiosk_app::content::Position) -> State {
    let (w, h) = PICTURE;
    let view = map.fit(here, service.position, f64::from(w), f64::from(h));
    let picture = handle(map.render(view, w, h, here, service.position));
    State {
        service,
        view,
        picture,
        schematic: !map.has_tiles(),
    }
}

/// Applies a message and draws the new view.
pub fn update(
    state: &mut State,
    map: &mut Map,
    here: kiosk_app::content::Position,
    message: Message,
) {
    state.view = match message {
        Message::Drag(moved) => map.pan(state.view, f64::from(moved.x), f64::from(moved.y)),
        Message::Zoom(steps) => map.zoom(state.view, steps),
    };
    let (w, h) = PICTURE;
    state.picture = handle(map.render(state.view, w, h, here, state.service.position));
}

/// The text read aloud.
pub fn speech(ui: &View<'_>, state: &State) -> String {
    let mut lines = vec![state.service.name.clone(), state.service.address.clone()];
    if state.schematic {
        lines.push(ui.t("map-schematic"));
    }
    lines.join(". ")
}

/// The map screen.
pub fn view<'a>(ui: View<'a>, state: &'a State) -> Element<'a, Message> {
    let picture = image(state.picture.clone())
        .content_fit(ContentFit::Contain)
        .width(Length::Fill)
        .height(Length::Fill);
    let mut header: Vec<Element<'a, Message>> = vec![
        ui.column(vec![
            ui.label(
                state.service.name.clone(),
                ui.sizes.label(),
                ui.palette.text,
            ),
            ui.paragraph(
                state.service.address.clone(),
                ui.sizes.small(),
                ui.palette.text,
            ),
        ])
        .width(Length::Fill)
        .into(),
        ui.wide_button(None, ui.t("map-zoom-out"), Look::Tile, Message::Zoom(-1)),
        ui.wide_button(
            Some(Pictogram::Search),
            ui.t("map-zoom-in"),
            Look::Tile,
            Message::Zoom(1),
        ),
    ];
    if state.schematic {
        header.insert(
            1,
            ui.paragraph(ui.t("map-schematic"), ui.sizes.small(), ui.palette.text),
        );
    }
    column![
        ui.row(header).spacing(12),
        pan_area(
            container(picture)
                .clip(true)
                .width(Length::Fill)
                .height(Length::Fill),
            Message::Drag,
            Message::Zoom,
        )
    ]
    .spacing(12)
    .width(Length::Fill)
    .height(Length::Fill)
    .into()
}

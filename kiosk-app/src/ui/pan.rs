//! A surface that reports finger or mouse drags as movements, for moving
//! the map: each move while pressed becomes one message with the distance
//! moved since the last.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::widget::{Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse};
use iced::{Element, Event, Length, Point, Rectangle, Size, Vector, touch};

/// Wraps `content`; `on_drag` makes the message for a movement.
pub fn pan_area<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    on_drag: impl Fn(Vector) -> Message + 'a,
) -> Element<'a, Message> {
    Element::new(Pan {
        content: content.into(),
        on_drag: Box::new(on_drag),
    })
}

struct Pan<'a, Message> {
    content: Element<'a, Message>,
    on_drag: Box<dyn Fn(Vector) -> Message + 'a>,
}

#[derive(Debug, Default)]
struct State {
    last: Option<Point>,
}

impl<Message> Widget<Message, iced::Theme, iced::Renderer> for Pan<'_, Message> {
    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &iced::Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        _renderer: &iced::Renderer,
        _clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        _viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_mut::<State>();
        match event {
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerPressed { .. }) => {
                state.last = cursor.position_over(layout.bounds());
                if state.last.is_some() {
                    shell.capture_event();
                }
            }
            Event::Mouse(mouse::Event::CursorMoved { position })
            | Event::Touch(touch::Event::FingerMoved { position, .. }) => {
                if let Some(last) = state.last {
                    let moved = *position - last;
                    if moved.x != 0.0 || moved.y != 0.0 {
                        shell.publish((self.on_drag)(moved));
                        state.last = Some(*position);
                    }
                    shell.capture_event();
                }
            }
            Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerLifted { .. } | touch::Event::FingerLost { .. }) => {
                state.last = None;
            }
            _ => {}
        }
    }
}

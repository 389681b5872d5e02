//! Scrolling by dragging, for touch and for touchscreens that arrive as a
//! mouse. iced's scrollable only scrolls by touch when the finger lands on
//! empty space: a drag that starts on a button does not scroll, and lifting
//! the finger over the same button presses it. This wrapper watches the
//! gesture first: past a small distance it becomes a scroll, the button
//! under the finger is told the finger is lost, and nothing is pressed.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::widget::operation::scrollable::AbsoluteOffset;
use iced::advanced::widget::operation::{Operation, Scrollable};
use iced::advanced::widget::{Id, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay};
use iced::{Element, Event, Length, Point, Rectangle, Size, Vector, touch};

/// How far a finger moves before a press becomes a drag, in logical pixels.
const DRAG_THRESHOLD: f32 = 12.0;

/// A vertical list that fills its space, scrolls by dragging, and keeps its
/// scrollbar beside the content instead of over it.
pub fn scroll_area<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Element<'a, Message> {
    drag_scroll(
        iced::widget::scrollable(content)
            .spacing(8)
            .height(Length::Fill)
            .width(Length::Fill),
    )
}

/// Wraps content holding a scrollable so that dragging anywhere scrolls it.
pub fn drag_scroll<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Element<'a, Message> {
    Element::new(DragScroll {
        content: content.into(),
    })
}

struct DragScroll<'a, Message> {
    content: Element<'a, Message>,
}

#[derive(Debug, Default)]
struct State {
    pressed_at: Option<Point>,
    last: Option<Point>,
    dragging: bool,
}

/// Scrolls the first scrollable found by an offset.
struct ScrollFirst {
    offset: AbsoluteOffset,
    done: bool,
}

impl<T> Operation<T> for ScrollFirst {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        if !self.done {
            operate(self);
        }
    }

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        bounds: Rectangle,
        content_bounds: Rectangle,
        _translation: Vector,
        state: &mut dyn Scrollable,
    ) {
        if !self.done {
            state.scroll_by(self.offset, bounds, content_bounds);
            self.done = true;
        }
    }
}

impl<Message> Widget<Message, iced::Theme, iced::Renderer> for DragScroll<'_, Message> {
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

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_mut::<State>();
        match event {
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerPressed { .. }) => {
                if let Some(position) = cursor.position_over(layout.bounds()) {
                    *state = State {
                        pressed_at: Some(position),
                        last: Some(position),
                        dragging: false,
                    };
                }
            }
            Event::Mouse(mouse::Event::CursorMoved { position })
            | Event::Touch(touch::Event::FingerMoved { position, .. }) => {
                if let (Some(pressed_at), Some(last)) = (state.pressed_at, state.last) {
                    if !state.dragging && pressed_at.distance(*position) > DRAG_THRESHOLD {
                        state.dragging = true;
                        // Whatever the finger pressed is let go without a press.
                        let lost = Event::Touch(touch::Event::FingerLost {
                            id: touch::Finger(0),
                            position: *position,
                        });
                        self.content.as_widget_mut().update(
                            &mut tree.children[0],
                            &lost,
                            layout,
                            mouse::Cursor::Unavailable,
                            renderer,
                            clipboard,
                            shell,
                            viewport,
                        );
                    }
                    if state.dragging {
                        let mut scroll = ScrollFirst {
                            offset: AbsoluteOffset {
                                x: 0.0,
                                y: last.y - position.y,
                            },
                            done: false,
                        };
                        self.content.as_widget_mut().operate(
                            &mut tree.children[0],
                            layout,
                            renderer,
                            &mut scroll,
                        );
                        state.last = Some(*position);
                        shell.capture_event();
                        shell.request_redraw();
                        return;
                    }
                }
            }
            Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left))
            | Event::Touch(touch::Event::FingerLifted { .. } | touch::Event::FingerLost { .. }) => {
                let was_dragging = state.dragging;
                *state = State::default();
                if was_dragging {
                    shell.capture_event();
                    return;
                }
            }
            _ => {}
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, iced::Theme, iced::Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

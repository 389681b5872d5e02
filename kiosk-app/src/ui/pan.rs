//! A surface that reports finger or mouse drags as movements and two-finger
//! pinches as zoom steps, for the map: each move of one finger (or the
//! pressed mouse) becomes one message with the distance moved since the
//! last; two fingers spread to half again their distance zoom in one level,
//! pinched to two thirds zoom out one level.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::widget::{Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse};
use iced::{Element, Event, Length, Point, Rectangle, Size, Vector, touch};

/// How far two fingers must spread (or close, inversely) for one zoom step.
const PINCH_STEP: f32 = 1.5;

/// Wraps `content`; `on_drag` makes the message for a movement, `on_zoom`
/// the one for a zoom step (+1 in, -1 out).
pub fn pan_area<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    on_drag: impl Fn(Vector) -> Message + 'a,
    on_zoom: impl Fn(i8) -> Message + 'a,
) -> Element<'a, Message> {
    Element::new(Pan {
        content: content.into(),
        on_drag: Box::new(on_drag),
        on_zoom: Box::new(on_zoom),
    })
}

struct Pan<'a, Message> {
    content: Element<'a, Message>,
    on_drag: Box<dyn Fn(Vector) -> Message + 'a>,
    on_zoom: Box<dyn Fn(i8) -> Message + 'a>,
}

#[derive(Debug, Default)]
struct State {
    /// Where the pressed mouse was last.
    last: Option<Point>,
    /// The fingers down on the surface (at most two count) and where.
    fingers: Vec<(touch::Finger, Point)>,
    /// The two fingers' distance at the last zoom step (or when the second
    /// came down).
    pinch_from: Option<f32>,
}

impl State {
    fn spread(&self) -> Option<f32> {
        match self.fingers[..] {
            [(_, a), (_, b)] => Some(a.distance(b)),
            _ => None,
        }
    }
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
            Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) => {
                state.last = cursor.position_over(layout.bounds());
                if state.last.is_some() {
                    shell.capture_event();
                }
            }
            Event::Mouse(mouse::Event::CursorMoved { position }) => {
                if let Some(last) = state.last {
                    let moved = *position - last;
                    if moved.x != 0.0 || moved.y != 0.0 {
                        shell.publish((self.on_drag)(moved));
                        state.last = Some(*position);
                    }
                    shell.capture_event();
                }
            }
            Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)) => {
                state.last = None;
            }
            Event::Touch(touch::Event::FingerPressed { id, position })
                if layout.bounds().contains(*position) && state.fingers.len() < 2 =>
            {
                state.fingers.push((*id, *position));
                state.pinch_from = state.spread();
                shell.capture_event();
            }
            Event::Touch(touch::Event::FingerMoved { id, position }) => {
                let Some(index) = state.fingers.iter().position(|(f, _)| f == id) else {
                    return;
                };
                let last = std::mem::replace(&mut state.fingers[index].1, *position);
                shell.capture_event();
                if let (Some(spread), Some(from)) = (state.spread(), state.pinch_from) {
                    let step = if spread >= from * PINCH_STEP {
                        1
                    } else if spread * PINCH_STEP <= from {
                        -1
                    } else {
                        0
                    };
                    if step != 0 {
                        shell.publish((self.on_zoom)(step));
                        state.pinch_from = Some(spread);
                    }
                } else {
                    let moved = *position - last;
                    if moved.x != 0.0 || moved.y != 0.0 {
                        shell.publish((self.on_drag)(moved));
                    }
                }
            }
            Event::Touch(
                touch::Event::FingerLifted { id, .. } | touch::Event::FingerLost { id, .. },
            ) => {
                state.fingers.retain(|(f, _)| f != id);
                state.pinch_from = state.spread();
            }
            _ => {}
        }
    }
}

//! Every visible text of the kiosk is a [`Label`]: iced's text widget, plus a
//! report of what it shows and how much room it got, so that tests can prove
//! that no text is clipped at any text size, window size or language.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher as _, RandomState};

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::text;
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse};
use iced::alignment::Horizontal;
use iced::widget::Text;
use iced::{Color, Element, Event, Font, Length, Rectangle, Size};

use super::theme;

/// What a label tells an operation about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelInfo {
    /// The text shown.
    pub content: String,
    /// Its size in logical pixels.
    pub size: f32,
    /// Its font.
    pub font: Font,
    /// The room the layout gave it.
    pub bounds: Rectangle,
    /// Its colour.
    pub color: Color,
}

/// How many measurements are remembered before all are forgotten at once.
pub(super) const MEASUREMENTS: usize = 4096;

thread_local! {
    /// Measurements by a keyed hash of what was measured: shaping is the
    /// costly part of a layout, and every touch lays the screen out again
    /// with the same texts. The hash keeps no text of a visitor's.
    pub(super) static MEASURED: RefCell<(RandomState, HashMap<u64, Size>)> =
        RefCell::new((RandomState::new(), HashMap::new()));
}

/// The room `content` needs at `size` when it may be `width` wide (no
/// height limit): what the renderer will lay out, measured the same way.
pub fn measure(content: &str, size: f32, font: Font, width: f32) -> Size {
    MEASURED.with_borrow_mut(|(keys, measured)| {
        let key = keys.hash_one((content, size.to_bits(), font, width.to_bits()));
        if let Some(known) = measured.get(&key) {
            return *known;
        }
        if measured.len() >= MEASUREMENTS {
            measured.clear();
        }
        let needed = shape(content, size, font, width);
        measured.insert(key, needed);
        needed
    })
}

/// [`measure`] without remembering.
pub(super) fn shape(content: &str, size: f32, font: Font, width: f32) -> Size {
    use iced::advanced::text::{self, Paragraph as _};
    use iced::widget::text::{LineHeight, Shaping, Wrapping};
    let paragraph = <iced::Renderer as text::Renderer>::Paragraph::with_text(text::Text {
        content,
        bounds: Size::new(width, f32::INFINITY),
        size: iced::Pixels(size),
        line_height: LineHeight::default(),
        font,
        align_x: text::Alignment::Default,
        align_y: iced::alignment::Vertical::Top,
        shaping: Shaping::default(),
        wrapping: Wrapping::default(),
    });
    paragraph.min_bounds()
}

/// Where a label's text sits in the width it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Center,
    Right,
}

/// Whether a character is written right to left (Hebrew, Arabic script).
pub fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A text of the kiosk.
///
/// iced 0.14 places right-to-left text oddly: on a single line `Left` draws
/// it at the right edge and `Center`/`Right` draw it outside its box, while
/// wrapped text follows `Right`, spills out with `Center` and ignores `Left`.
/// A label therefore lays out a single right-to-left line exactly as wide as
/// it is and places it itself; wrapped right-to-left text is set flush right.
pub struct Label<'a> {
    inner: Text<'a>,
    content: String,
    size: f32,
    font: Font,
    color: Color,
    side: Side,
    right_to_left: bool,
}

impl std::fmt::Debug for Label<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Label")
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

impl<'a> Label<'a> {
    /// A label of `content` at `size` in `color`, as wide as it needs.
    pub fn new(content: String, size: f32, color: Color) -> Self {
        let right_to_left = content.chars().any(is_right_to_left);
        Label {
            inner: Text::new(content.clone())
                .size(size)
                .color(color)
                .font(theme::FONT),
            content,
            size,
            font: theme::FONT,
            color,
            side: if right_to_left {
                Side::Right
            } else {
                Side::Left
            },
            right_to_left,
        }
    }

    /// In bold.
    pub fn bold(mut self) -> Self {
        self.font = Font {
            weight: iced::font::Weight::Bold,
            ..theme::FONT
        };
        self.inner = self.inner.font(self.font);
        self
    }

    /// Fills the width.
    pub fn fill(mut self) -> Self {
        self.inner = self.inner.width(Length::Fill);
        self
    }

    /// Aligned to the left or right of the width it fills.
    pub fn align(mut self, alignment: Horizontal) -> Self {
        self.side = match alignment {
            Horizontal::Left => Side::Left,
            Horizontal::Center => Side::Center,
            Horizontal::Right => Side::Right,
        };
        self
    }

    /// Centered in the width it fills.
    pub fn centered(self) -> Self {
        self.fill().align(Horizontal::Center)
    }
}

impl<'a, Message: 'a> From<Label<'a>> for Element<'a, Message> {
    fn from(label: Label<'a>) -> Self {
        Element::new(label)
    }
}

impl<Message> Widget<Message, iced::Theme, iced::Renderer> for Label<'_> {
    fn size(&self) -> Size<Length> {
        <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::size(&self.inner)
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let mut single_line = false;
        let alignment = if self.right_to_left {
            let needed = measure(&self.content, self.size, self.font, limits.max().width);
            single_line = needed.height <= self.size * 1.3 * 1.5 && !self.content.contains('\n');
            // Wrapped right-to-left text is set flush right (centring it
            // spills past the box); it reads well that way.
            if single_line {
                text::Alignment::Left
            } else {
                text::Alignment::Right
            }
        } else {
            match self.side {
                Side::Left => text::Alignment::Left,
                Side::Center => text::Alignment::Center,
                Side::Right => text::Alignment::Right,
            }
        };
        let inner = std::mem::replace(&mut self.inner, Text::new(String::new()));
        self.inner = inner.align_x(alignment);
        let node = <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::layout(
            &mut self.inner,
            tree,
            renderer,
            limits,
        );
        let size = node.size();
        if !single_line {
            return layout::Node::with_children(size, vec![node]);
        }
        // A single right-to-left line is shaped exactly as wide as it is (so
        // that iced draws it where it says it is) and placed by the label.
        let width = measure(&self.content, self.size, self.font, f32::INFINITY)
            .width
            .ceil()
            + 1.0;
        let tight = layout::Limits::new(Size::ZERO, Size::new(width.min(size.width), size.height));
        let line = <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::layout(
            &mut self.inner,
            tree,
            renderer,
            &tight,
        );
        let slack = (size.width - line.size().width).max(0.0);
        let x = match self.side {
            Side::Right => slack,
            Side::Center => slack / 2.0,
            Side::Left => 0.0,
        };
        layout::Node::with_children(size, vec![line.move_to(iced::Point::new(x, 0.0))])
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
        if let Some(text) = layout.children().next() {
            <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::draw(
                &self.inner,
                tree,
                renderer,
                theme,
                style,
                text,
                cursor,
                viewport,
            );
        }
    }

    fn tag(&self) -> tree::Tag {
        <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::tag(&self.inner)
    }

    fn state(&self) -> tree::State {
        <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::state(&self.inner)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        if let Some(text) = layout.children().next() {
            <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::operate(
                &mut self.inner,
                tree,
                text,
                renderer,
                operation,
            );
        }
        let mut info = LabelInfo {
            content: self.content.clone(),
            size: self.size,
            font: self.font,
            bounds: layout.bounds(),
            color: self.color,
        };
        operation.custom(None, layout.bounds(), &mut info);
    }

    fn update(
        &mut self,
        _tree: &mut Tree,
        _event: &Event,
        _layout: Layout<'_>,
        _cursor: mouse::Cursor,
        _renderer: &iced::Renderer,
        _clipboard: &mut dyn Clipboard,
        _shell: &mut Shell<'_, Message>,
        _viewport: &Rectangle,
    ) {
    }
}

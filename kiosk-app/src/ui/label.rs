//! Every visible text of the kiosk is a [`Label`]: iced's text widget, plus a
//! report of what it shows and how much room it got, so that tests can prove
//! that no text is clipped at any text size, window size or language.

use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
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
}

/// The room `content` needs at `size` when it may be `width` wide (no
/// height limit): what the renderer will lay out, measured the same way.
pub fn measure(content: &str, size: f32, font: Font, width: f32) -> Size {
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

/// A text of the kiosk.
pub struct Label<'a> {
    inner: Text<'a>,
    content: String,
    size: f32,
    font: Font,
}

impl std::fmt::Debug for Label<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Label")
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

impl<'a> Label<'a> {
    /// A label of `content` at `size` in `color`.
    pub fn new(content: String, size: f32, color: Color) -> Self {
        Label {
            inner: Text::new(content.clone())
                .size(size)
                .color(color)
                .font(theme::FONT),
            content,
            size,
            font: theme::FONT,
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

    /// Aligned horizontally.
    pub fn align(mut self, alignment: Horizontal) -> Self {
        self.inner = self.inner.align_x(alignment);
        self
    }

    /// Aligned where its own script starts: right for Arabic script, left
    /// otherwise. iced 0.14 treats `Left` as "start" for right-to-left text
    /// (and `Right` draws it outside its box), so such text asks for `Left`.
    pub fn natural(mut self) -> Self {
        self.inner = self.inner.align_x(iced::widget::text::Alignment::Left);
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
        <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::layout(
            &mut self.inner,
            tree,
            renderer,
            limits,
        )
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
        <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::draw(
            &self.inner,
            tree,
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
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
        <Text<'_> as Widget<Message, iced::Theme, iced::Renderer>>::operate(
            &mut self.inner,
            tree,
            layout,
            renderer,
            operation,
        );
        let mut info = LabelInfo {
            content: self.content.clone(),
            size: self.size,
            font: self.font,
            bounds: layout.bounds(),
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

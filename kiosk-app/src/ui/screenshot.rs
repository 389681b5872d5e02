//! Renders one screen without a display (iced's software renderer,
//! headless) into a PNG: for the README's pictures and for tests.

use std::path::Path;

use iced::advanced::renderer::{self, Headless as _};
use iced::{Event, Pixels, Size, Theme, mouse, window};
use iced_runtime::user_interface::{self, UserInterface};

use kiosk_app::display::Palette;

use super::theme;
use super::{Kiosk, Message};

/// A rendered frame, RGBA, `width * height * 4` bytes.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels, row by row.
    pub rgba: Vec<u8>,
}

/// Why a screenshot could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    /// The headless renderer could not start.
    #[error("the headless renderer could not start")]
    Renderer,
    /// The PNG could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// Where.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The PNG encoder failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(#[from] png::EncodingError),
}

/// Renders what the kiosk shows now at `size` logical pixels, scale 1.
pub fn render(kiosk: &Kiosk, size: Size) -> Result<Frame, ScreenshotError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|_| ScreenshotError::Renderer)?;
    let mut renderer = runtime
        .block_on(<iced::Renderer as renderer::Headless>::new(
            theme::FONT,
            Pixels(16.0),
            None,
        ))
        .ok_or(ScreenshotError::Renderer)?;
    let theme: Theme = kiosk.theme();
    let palette = Palette::of(kiosk.session.display.contrast);
    let mut ui: UserInterface<'_, Message, Theme, iced::Renderer> = UserInterface::build(
        kiosk.view(),
        size,
        user_interface::Cache::default(),
        &mut renderer,
    );
    let mut messages = Vec::new();
    let _ = ui.update(
        &[Event::Window(window::Event::RedrawRequested(
            iced::time::Instant::now(),
        ))],
        mouse::Cursor::Unavailable,
        &mut renderer,
        &mut iced::advanced::clipboard::Null,
        &mut messages,
    );
    ui.draw(
        &mut renderer,
        &theme,
        &renderer::Style {
            text_color: theme::color(palette.text),
        },
        mouse::Cursor::Unavailable,
    );
    let width = size.width.round() as u32;
    let height = size.height.round() as u32;
    let rgba = renderer.screenshot(
        Size::new(width, height),
        1.0,
        theme::color(palette.background),
    );
    Ok(Frame {
        width,
        height,
        rgba,
    })
}

/// Writes a frame as PNG.
pub fn save(frame: &Frame, path: &Path) -> Result<(), ScreenshotError> {
    let file = std::fs::File::create(path).map_err(|source| ScreenshotError::Write {
        path: path.display().to_string(),
        source,
    })?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), frame.width, frame.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&frame.rgba)?;
    writer.finish()?;
    Ok(())
}

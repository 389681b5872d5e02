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
    Painter::new()?.paint(kiosk, size)
}

/// iced's software renderer without a window, kept from frame to frame
/// with the widget cache, as the kiosk's own event loop keeps them.
pub struct Painter {
    renderer: iced::Renderer,
    cache: user_interface::Cache,
}

impl Painter {
    /// Starts the headless renderer.
    pub fn new() -> Result<Painter, ScreenshotError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|_| ScreenshotError::Renderer)?;
        let renderer = runtime
            .block_on(<iced::Renderer as renderer::Headless>::new(
                theme::FONT,
                Pixels(16.0),
                None,
            ))
            .ok_or(ScreenshotError::Renderer)?;
        Ok(Painter {
            renderer,
            cache: user_interface::Cache::default(),
        })
    }

    /// One frame of what the kiosk shows now: view, layout, draw, and
    /// every pixel rasterised.
    pub fn paint(&mut self, kiosk: &Kiosk, size: Size) -> Result<Frame, ScreenshotError> {
        let palette = self.draw(kiosk, size);
        let width = size.width.round() as u32;
        let height = size.height.round() as u32;
        let rgba = self.renderer.screenshot(
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

    /// Rasterises the frame into `pixels` (one `u32` per pixel), the buffer
    /// iced's software compositor hands to the window: what a frame costs
    /// on the device, without a screenshot's pixel conversion. Returns when
    /// the frame was built (view, layout and layers), before its pixels.
    #[cfg(test)]
    pub fn raster(
        &mut self,
        kiosk: &Kiosk,
        size: Size,
        pixels: &mut Vec<u32>,
    ) -> std::time::Instant {
        let palette = self.draw(kiosk, size);
        let built = std::time::Instant::now();
        let (width, height) = (size.width.round() as u32, size.height.round() as u32);
        pixels.resize(width as usize * height as usize, 0);
        let (Some(mut pixmap), Some(mut mask)) = (
            tiny_skia::PixmapMut::from_bytes(bytemuck::cast_slice_mut(pixels), width, height),
            tiny_skia::Mask::new(width, height),
        ) else {
            return built;
        };
        let viewport =
            iced::advanced::graphics::Viewport::with_physical_size(Size::new(width, height), 1.0);
        self.renderer.draw(
            &mut pixmap,
            &mut mask,
            &viewport,
            &[iced::Rectangle::with_size(size)],
            theme::color(palette.background),
        );
        built
    }

    /// The view built, laid out and drawn into the renderer's layers.
    fn draw(&mut self, kiosk: &Kiosk, size: Size) -> Palette {
        let theme: Theme = kiosk.theme();
        let palette = Palette::of(kiosk.session.display.contrast);
        let cache = std::mem::take(&mut self.cache);
        let mut ui: UserInterface<'_, Message, Theme, iced::Renderer> =
            UserInterface::build(kiosk.view(), size, cache, &mut self.renderer);
        let mut messages = Vec::new();
        let _ = ui.update(
            &[Event::Window(window::Event::RedrawRequested(
                iced::time::Instant::now(),
            ))],
            mouse::Cursor::Unavailable,
            &mut self.renderer,
            &mut iced::advanced::clipboard::Null,
            &mut messages,
        );
        ui.draw(
            &mut self.renderer,
            &theme,
            &renderer::Style {
                text_color: theme::color(palette.text),
            },
            mouse::Cursor::Unavailable,
        );
        self.cache = ui.into_cache();
        palette
    }
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

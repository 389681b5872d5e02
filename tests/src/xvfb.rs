//! A private Xvfb server: start it, look at its screen, touch it.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat};
use x11rb::protocol::xtest::ConnectionExt as _;
use x11rb::rust_connection::RustConnection;

/// Errors of the X harness.
#[derive(Debug, thiserror::Error)]
pub enum XError {
    /// Xvfb could not be started.
    #[error("cannot start Xvfb (package xvfb): {0}")]
    Start(std::io::Error),
    /// Xvfb did not come up in time.
    #[error("Xvfb :{0} did not come up")]
    NotUp(u32),
    /// Talking to the X server failed.
    #[error("X connection: {0}")]
    Connection(String),
    /// Waiting for something on screen timed out.
    #[error("timed out after {0:?} waiting for {1}")]
    Timeout(Duration, String),
}

fn x_error(error: impl std::fmt::Display) -> XError {
    XError::Connection(error.to_string())
}

/// A screen grab, one `0xRRGGBB` per pixel, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels.
    pub pixels: Vec<u32>,
}

impl Frame {
    /// The pixel at (x, y).
    pub fn at(&self, x: u32, y: u32) -> u32 {
        self.pixels[(y * self.width + x) as usize]
    }

    /// A rectangle of the frame.
    pub fn crop(&self, x: u32, y: u32, width: u32, height: u32) -> Frame {
        let mut pixels = Vec::with_capacity((width * height) as usize);
        for yy in y..(y + height).min(self.height) {
            for xx in x..(x + width).min(self.width) {
                pixels.push(self.at(xx, yy));
            }
        }
        Frame {
            width: width.min(self.width - x),
            height: height.min(self.height - y),
            pixels,
        }
    }

    /// The share of pixels in a rectangle that have exactly `rgb`.
    pub fn share(&self, x: u32, y: u32, w: u32, h: u32, rgb: u32) -> f64 {
        let mut hits = 0u64;
        let mut all = 0u64;
        for yy in y..(y + h).min(self.height) {
            for xx in x..(x + w).min(self.width) {
                all += 1;
                if self.at(xx, yy) == rgb {
                    hits += 1;
                }
            }
        }
        if all == 0 {
            0.0
        } else {
            hits as f64 / all as f64
        }
    }

    /// The bounding box (x, y, w, h) of pixels with exactly `rgb` inside a
    /// region, if any.
    pub fn find(&self, rgb: u32, region: (u32, u32, u32, u32)) -> Option<(u32, u32, u32, u32)> {
        let (rx, ry, rw, rh) = region;
        let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
        for y in ry..(ry + rh).min(self.height) {
            for x in rx..(rx + rw).min(self.width) {
                if self.at(x, y) == rgb {
                    x0 = x0.min(x);
                    y0 = y0.min(y);
                    x1 = x1.max(x);
                    y1 = y1.max(y);
                }
            }
        }
        (x0 != u32::MAX).then(|| (x0, y0, x1 - x0 + 1, y1 - y0 + 1))
    }
}

/// A running Xvfb with a connection to it.
pub struct Xvfb {
    child: Child,
    number: u32,
    connection: RustConnection,
    root: u32,
    width: u32,
    height: u32,
}

impl std::fmt::Debug for Xvfb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Xvfb")
            .field("display", &self.number)
            .finish()
    }
}

impl Xvfb {
    /// Starts Xvfb on a free display number with one screen of `width` x `height`.
    pub fn start(width: u32, height: u32) -> Result<Xvfb, XError> {
        let pid = std::process::id();
        let number = (0..400)
            .map(|i| 100 + (pid + i) % 400)
            .find(|n| {
                !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                    && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            })
            .ok_or(XError::NotUp(0))?;
        let child = Command::new("Xvfb")
            .arg(format!(":{number}"))
            .args([
                "-screen",
                "0",
                &format!("{width}x{height}x24"),
                "-nolisten",
                "tcp",
                "-noreset",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(XError::Start)?;
        let deadline = Instant::now() + Duration::from_secs(10);
        let connection = loop {
            if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
                && let Ok((connection, _)) = x11rb::connect(Some(&format!(":{number}")))
            {
                break connection;
            }
            if Instant::now() > deadline {
                return Err(XError::NotUp(number));
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let root = connection.setup().roots[0].root;
        Ok(Xvfb {
            child,
            number,
            connection,
            root,
            width,
            height,
        })
    }

    /// The X server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The `DISPLAY` value for programs to run on it.
    pub fn display(&self) -> String {
        format!(":{}", self.number)
    }

    /// Grabs the whole screen.
    pub fn grab(&self) -> Result<Frame, XError> {
        self.grab_region(0, 0, self.width, self.height)
    }

    /// Grabs a rectangle of the screen (cheaper than the whole, for polling).
    pub fn grab_region(&self, x: u32, y: u32, width: u32, height: u32) -> Result<Frame, XError> {
        let reply = self
            .connection
            .get_image(
                ImageFormat::Z_PIXMAP,
                self.root,
                x as i16,
                y as i16,
                width as u16,
                height as u16,
                u32::MAX,
            )
            .map_err(x_error)?
            .reply()
            .map_err(x_error)?;
        // 24-bit depth arrives as 32 bits per pixel, little-endian BGRX.
        let pixels = reply
            .data
            .chunks_exact(4)
            .map(|p| (u32::from(p[2]) << 16) | (u32::from(p[1]) << 8) | u32::from(p[0]))
            .collect();
        Ok(Frame {
            width,
            height,
            pixels,
        })
    }

    /// Touches (clicks) at (x, y): pointer motion, press, release.
    pub fn tap(&self, x: u32, y: u32) -> Result<(), XError> {
        const MOTION: u8 = 6;
        const PRESS: u8 = 4;
        const RELEASE: u8 = 5;
        let (x, y) = (x as i16, y as i16);
        for (kind, detail) in [(MOTION, 0), (PRESS, 1), (RELEASE, 1)] {
            self.connection
                .xtest_fake_input(kind, detail, x11rb::CURRENT_TIME, self.root, x, y, 0)
                .map_err(x_error)?;
        }
        self.connection.flush().map_err(x_error)?;
        Ok(())
    }

    /// Grabs the screen until `check` holds or `timeout` passes; returns
    /// the time it took and the frame that held.
    pub fn wait_for(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut(&Frame) -> bool,
    ) -> Result<(Duration, Frame), XError> {
        let start = Instant::now();
        loop {
            let frame = self.grab()?;
            if check(&frame) {
                return Ok((start.elapsed(), frame));
            }
            if start.elapsed() > timeout {
                return Err(XError::Timeout(timeout, what.to_owned()));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        if let Err(error) = self.child.kill() {
            eprintln!("Xvfb already gone: {error}");
        }
        let _status = self.child.wait();
    }
}

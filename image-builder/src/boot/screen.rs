//! What the VM's screen shows: QEMU's screen dumps (PPM) and the kiosk's
//! attract screen recognised by its background colour.

/// One screen dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// RGB, row by row.
    pub rgb: Vec<u8>,
}

/// The kiosk's page colour: the attract screen is mostly this.
pub const BACKGROUND: [u8; 3] = [0xF7, 0xF4, 0xEE];

impl Frame {
    /// Reads a binary PPM (P6, 8 bits), as QEMU's `screendump` writes it.
    pub fn from_ppm(bytes: &[u8]) -> Option<Frame> {
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            if bytes.get(at) == Some(&b'#') {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
                continue;
            }
            let start = at;
            while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            if start == at {
                return None;
            }
            fields.push(std::str::from_utf8(&bytes[start..at]).ok()?.to_owned());
        }
        if fields[0] != "P6" || fields[3] != "255" {
            return None;
        }
        let width: usize = fields[1].parse().ok()?;
        let height: usize = fields[2].parse().ok()?;
        let rgb = bytes.get(at + 1..at + 1 + width * height * 3)?.to_vec();
        Some(Frame { width, height, rgb })
    }

    /// The share of pixels of exactly `colour`.
    pub fn share_of(&self, colour: [u8; 3]) -> f64 {
        let total = (self.width * self.height).max(1);
        let matching = self.rgb.chunks_exact(3).filter(|p| *p == colour).count();
        matching as f64 / total as f64
    }

    /// Whether this is the kiosk's attract screen (or another page of it):
    /// most of the screen is its page colour.
    pub fn shows_kiosk(&self) -> bool {
        self.share_of(BACKGROUND) > 0.5
    }

    /// The share of pixels that differ from `other` (1.0 when the sizes
    /// differ).
    pub fn difference(&self, other: &Frame) -> f64 {
        if self.width != other.width || self.height != other.height {
            return 1.0;
        }
        let total = (self.width * self.height).max(1);
        let differing = self
            .rgb
            .chunks_exact(3)
            .zip(other.rgb.chunks_exact(3))
            .filter(|(a, b)| a != b)
            .count();
        differing as f64 / total as f64
    }

    /// The frame as a PNG-free portable pixmap again (for saving).
    pub fn to_ppm(&self) -> Vec<u8> {
        let mut out = format!("P6\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.rgb);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ppm_is_read_and_its_colours_counted() {
        let mut ppm = b"P6\n# a comment\n2 2\n255\n".to_vec();
        ppm.extend_from_slice(&[
            0xF7, 0xF4, 0xEE, 0xF7, 0xF4, 0xEE, 0xF7, 0xF4, 0xEE, 0, 0, 0,
        ]);
        let frame = Frame::from_ppm(&ppm).unwrap();
        assert_eq!((frame.width, frame.height), (2, 2));
        assert!((frame.share_of(BACKGROUND) - 0.75).abs() < 1e-9);
        assert!(frame.shows_kiosk());
        let black = Frame {
            width: 2,
            height: 2,
            rgb: vec![0; 12],
        };
        assert!(!black.shows_kiosk());
        assert!((frame.difference(&black) - 0.75).abs() < 1e-9);
        assert_eq!(Frame::from_ppm(&frame.to_ppm()), Some(frame));
    }

    #[test]
    fn truncated_or_foreign_pictures_are_refused() {
        assert_eq!(Frame::from_ppm(b"P6\n2 2\n255\n\x00\x00"), None);
        assert_eq!(Frame::from_ppm(b"P3\n1 1\n255\n0 0 0"), None);
        assert_eq!(Frame::from_ppm(b""), None);
    }
}

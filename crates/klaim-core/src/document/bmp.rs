//! BMP: the size from the DIB header (a negative height means rows stored top-down), and a file
//! at least as long as it says it is (its file-size field, or for uncompressed pixels the rows it
//! declares). Extra bytes after that are tolerated: BMP has no end marker, and writers pad.

use super::{DocumentError, Step, found, readable};

/// File header (14 bytes), the DIB header's size, then up to the compression field.
const HEADER: usize = 34;
/// The same for the old 12-byte OS/2 core header, up to its bit count.
const CORE_HEADER: usize = 26;

pub(super) struct Bmp {
    buf: [u8; HEADER],
    got: usize,
    /// 18 until the DIB header size is known.
    need: usize,
    /// The length the header promises.
    expected: u64,
    dimensions: Option<(u32, u32)>,
}

fn le16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

impl Bmp {
    pub(super) fn new() -> Bmp {
        Bmp {
            buf: [0; HEADER],
            got: 0,
            need: 18,
            expected: 0,
            dimensions: None,
        }
    }

    pub(super) fn feed(&mut self, data: &[u8], base: u64) -> Step {
        let mut i = 0;
        while self.dimensions.is_none() && i < data.len() {
            let n = (self.need - self.got).min(data.len() - i);
            self.buf[self.got..self.got + n].copy_from_slice(&data[i..i + n]);
            self.got += n;
            i += n;
            if self.got < self.need {
                break;
            }
            // The byte that completed this part of the header.
            let at = base + i as u64 - 1;
            if self.need == 18 {
                self.need = match le32(&self.buf, 14) {
                    12 => CORE_HEADER,
                    40 | 52 | 56 | 64 | 108 | 124 => HEADER,
                    _ => return found(at, DocumentError::Corrupt),
                };
                continue;
            }
            self.header(at)?;
        }
        Ok(())
    }

    fn header(&mut self, at: u64) -> Step {
        let b = &self.buf;
        let declared = u64::from(le32(b, 2));
        let pixels_at = u64::from(le32(b, 10));
        let dib = u64::from(le32(b, 14));
        let (width, height, planes, bits, compression) = if self.need == CORE_HEADER {
            let (w, h) = (i64::from(le16(b, 18)), i64::from(le16(b, 20)));
            (w, h, le16(b, 22), le16(b, 24), 0)
        } else {
            let w = i64::from(le32(b, 18) as i32);
            let h = i64::from(le32(b, 22) as i32);
            (w, h, le16(b, 26), le16(b, 28), le32(b, 30))
        };
        if planes != 1 || width <= 0 || height == 0 || pixels_at < 14 + dib {
            return found(at, DocumentError::Corrupt);
        }
        // Both fit: width is a positive i32 or u16, and |i32::MIN| = 2³¹.
        let (width, height) = (width as u32, height.unsigned_abs() as u32);
        readable(width, height, at)?;
        // Uncompressed rows (RGB, or bit fields) are padded to 4 bytes; compressed ones vary.
        let rows = match (compression, bits) {
            (0 | 3 | 6, 1 | 2 | 4 | 8 | 16 | 24 | 32) => {
                let row = (u64::from(width) * u64::from(bits)).div_ceil(32) * 4;
                row.saturating_mul(u64::from(height))
            }
            _ => 0,
        };
        self.expected = declared.max(pixels_at.saturating_add(rows));
        self.dimensions = Some((width, height));
        Ok(())
    }

    pub(super) fn finish(&self, bytes: u64) -> Result<Option<(u32, u32)>, DocumentError> {
        if self.dimensions.is_none() || bytes < self.expected {
            return Err(DocumentError::Truncated);
        }
        Ok(self.dimensions)
    }
}

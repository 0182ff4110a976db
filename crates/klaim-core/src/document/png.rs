//! PNG: the chunk sequence, IHDR first (the size), image data (IDAT) before IEND, and nothing
//! after IEND. Chunk data is skipped by length; CRCs are not checked (a viewer will notice).

use super::{DocumentError, Step, found, readable};

#[derive(Clone, Copy)]
enum State {
    /// Passing the 8-byte signature (classification has seen it); the count left.
    Signature(u8),
    /// `got` bytes of a chunk's length and type.
    Header {
        got: u8,
    },
    /// The first 8 bytes of IHDR's data: width and height.
    Ihdr {
        got: u8,
    },
    Data {
        rest: u32,
    },
    Crc {
        rest: u8,
    },
    /// After IEND's CRC.
    End,
}

pub(super) struct Png {
    state: State,
    /// The current chunk's length and type, then IHDR's width and height.
    buf: [u8; 8],
    chunks: u32,
    idat: bool,
    dimensions: Option<(u32, u32)>,
    trailing: bool,
}

/// The largest chunk length and image side the format allows.
const MAX_LENGTH: u32 = 0x7FFF_FFFF;

impl Png {
    pub(super) fn new() -> Png {
        Png {
            state: State::Signature(8),
            buf: [0; 8],
            chunks: 0,
            idat: false,
            dimensions: None,
            trailing: false,
        }
    }

    fn kind(&self) -> [u8; 4] {
        [self.buf[4], self.buf[5], self.buf[6], self.buf[7]]
    }

    pub(super) fn feed(&mut self, data: &[u8], base: u64) -> Step {
        let mut i = 0;
        while i < data.len() {
            let at = base + i as u64;
            match self.state {
                State::Signature(left) => {
                    let n = usize::from(left).min(data.len() - i);
                    i += n;
                    let left = left - n as u8;
                    self.state = if left == 0 {
                        State::Header { got: 0 }
                    } else {
                        State::Signature(left)
                    };
                }
                State::Header { got } => {
                    self.buf[usize::from(got)] = data[i];
                    i += 1;
                    if got < 7 {
                        self.state = State::Header { got: got + 1 };
                        continue;
                    }
                    let length =
                        u32::from_be_bytes([self.buf[0], self.buf[1], self.buf[2], self.buf[3]]);
                    let kind = self.kind();
                    let first = self.chunks == 0;
                    self.chunks = self.chunks.saturating_add(1);
                    let broken = length > MAX_LENGTH
                        || !kind.iter().all(u8::is_ascii_alphabetic)
                        || first != (&kind == b"IHDR")
                        || (first && length != 13)
                        || (&kind == b"IEND" && !self.idat);
                    if broken {
                        return found(at, DocumentError::Corrupt);
                    }
                    self.idat |= &kind == b"IDAT";
                    self.state = if first {
                        State::Ihdr { got: 0 }
                    } else if length == 0 {
                        State::Crc { rest: 4 }
                    } else {
                        State::Data { rest: length }
                    };
                }
                State::Ihdr { got } => {
                    self.buf[usize::from(got)] = data[i];
                    i += 1;
                    if got < 7 {
                        self.state = State::Ihdr { got: got + 1 };
                        continue;
                    }
                    let b = self.buf;
                    let width = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
                    let height = u32::from_be_bytes([b[4], b[5], b[6], b[7]]);
                    if width == 0 || height == 0 || width > MAX_LENGTH || height > MAX_LENGTH {
                        return found(at, DocumentError::Corrupt);
                    }
                    readable(width, height, at)?;
                    self.dimensions = Some((width, height));
                    // Bit depth, colour type, compression, filter, interlace.
                    self.buf[4..8].copy_from_slice(b"IHDR");
                    self.state = State::Data { rest: 5 };
                }
                State::Data { rest } => {
                    let n = usize::try_from(rest).map_or(data.len() - i, |r| r.min(data.len() - i));
                    i += n;
                    let rest = rest - n as u32;
                    self.state = if rest == 0 {
                        State::Crc { rest: 4 }
                    } else {
                        State::Data { rest }
                    };
                }
                State::Crc { rest } => {
                    let n = usize::from(rest).min(data.len() - i);
                    i += n;
                    let rest = rest - n as u8;
                    self.state = if rest > 0 {
                        State::Crc { rest }
                    } else if &self.kind() == b"IEND" {
                        State::End
                    } else {
                        State::Header { got: 0 }
                    };
                }
                State::End => {
                    self.trailing = true;
                    i = data.len();
                }
            }
        }
        Ok(())
    }

    pub(super) fn finish(&self) -> Result<Option<(u32, u32)>, DocumentError> {
        match self.state {
            State::End if self.trailing => Err(DocumentError::TrailingData),
            State::End => Ok(self.dimensions),
            _ => Err(DocumentError::Truncated),
        }
    }
}

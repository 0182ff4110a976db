//! JPEG: walks the marker segments to the frame header (SOFn) for the size, through the scans to
//! the end marker (EOI). Segments are skipped by their length, so nothing is buffered but the five
//! bytes of the frame header that hold the size (an EXIF segment of 64 KiB costs nothing).
//!
//! Like libjpeg, stray bytes between segments are passed over rather than refused.

use super::{DocumentError, Step, found, readable};

#[derive(Clone, Copy)]
enum State {
    /// Passing the start marker FF D8 (classification has seen it); the count left.
    Start(u8),
    /// Between segments: looking for the next FF.
    Gap,
    /// Just after an FF; `scan` when inside entropy-coded data.
    Code {
        scan: bool,
    },
    /// The two length bytes of the current segment.
    Length {
        high: Option<u8>,
    },
    /// The frame header's payload: `got` of its first five bytes, `rest` of the payload left.
    Frame {
        got: u8,
        rest: u16,
    },
    Skip {
        rest: u16,
    },
    /// Entropy-coded data: looking for an FF that is not a stuffed byte or a restart marker.
    Scan,
    /// After EOI.
    End,
}

pub(super) struct Jpeg {
    state: State,
    /// The marker of the segment being read.
    marker: u8,
    frame: [u8; 5],
    dimensions: Option<(u32, u32)>,
    scanned: bool,
    trailing: bool,
}

const SOS: u8 = 0xDA;

/// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
fn is_frame(marker: u8) -> bool {
    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC)
}

impl Jpeg {
    pub(super) fn new() -> Jpeg {
        Jpeg {
            state: State::Start(2),
            marker: 0,
            frame: [0; 5],
            dimensions: None,
            scanned: false,
            trailing: false,
        }
    }

    fn after_segment(&mut self) -> State {
        if self.marker == SOS {
            self.scanned = true;
            State::Scan
        } else {
            State::Gap
        }
    }

    pub(super) fn feed(&mut self, data: &[u8], base: u64) -> Step {
        let mut i = 0;
        while i < data.len() {
            let at = base + i as u64;
            match self.state {
                State::Start(left) => {
                    i += 1;
                    self.state = if left > 1 {
                        State::Start(left - 1)
                    } else {
                        State::Gap
                    };
                }
                State::Gap | State::Scan => {
                    let scan = matches!(self.state, State::Scan);
                    match data[i..].iter().position(|&b| b == 0xFF) {
                        Some(p) => {
                            i += p + 1;
                            self.state = State::Code { scan };
                        }
                        None => i = data.len(),
                    }
                }
                State::Code { scan } => {
                    let code = data[i];
                    i += 1;
                    self.state = match code {
                        // Fill bytes before a marker.
                        0xFF => State::Code { scan },
                        // A stuffed zero, a restart marker, TEM: no segment follows.
                        0x00 | 0x01 | 0xD0..=0xD7 if scan => State::Scan,
                        0x00 | 0x01 | 0xD0..=0xD7 => State::Gap,
                        // A second start marker before the end.
                        0xD8 => return found(at, DocumentError::Corrupt),
                        // EOI before any image data.
                        0xD9 if !self.scanned => return found(at, DocumentError::Corrupt),
                        0xD9 => State::End,
                        // Image data before the frame header: no size, nothing to decode with.
                        SOS if self.dimensions.is_none() => {
                            return found(at, DocumentError::Corrupt);
                        }
                        marker => {
                            self.marker = marker;
                            State::Length { high: None }
                        }
                    };
                }
                State::Length { high: None } => {
                    self.state = State::Length {
                        high: Some(data[i]),
                    };
                    i += 1;
                }
                State::Length { high: Some(high) } => {
                    let length = u16::from_be_bytes([high, data[i]]);
                    i += 1;
                    // The length counts its own two bytes; a frame header has at least 8.
                    let frame = is_frame(self.marker) && self.dimensions.is_none();
                    if length < 2 || (frame && length < 8) {
                        return found(at, DocumentError::Corrupt);
                    }
                    let rest = length - 2;
                    self.state = if frame {
                        State::Frame { got: 0, rest }
                    } else if rest == 0 {
                        self.after_segment()
                    } else {
                        State::Skip { rest }
                    };
                }
                State::Frame { got, rest } => {
                    self.frame[usize::from(got)] = data[i];
                    i += 1;
                    let (got, rest) = (got + 1, rest - 1);
                    if got < 5 {
                        self.state = State::Frame { got, rest };
                        continue;
                    }
                    // Precision, then height and width, big-endian.
                    let f = self.frame;
                    let height = u32::from(u16::from_be_bytes([f[1], f[2]]));
                    let width = u32::from(u16::from_be_bytes([f[3], f[4]]));
                    // Height 0 (defined later by a DNL marker) is legal but nothing shows it.
                    if width == 0 || height == 0 {
                        return found(at, DocumentError::Corrupt);
                    }
                    readable(width, height, at)?;
                    self.dimensions = Some((width, height));
                    self.state = State::Skip { rest };
                }
                State::Skip { rest } => {
                    let n = usize::from(rest).min(data.len() - i);
                    i += n;
                    let rest = rest - n as u16;
                    self.state = if rest == 0 {
                        self.after_segment()
                    } else {
                        State::Skip { rest }
                    };
                }
                State::End => {
                    self.trailing |= data[i..].iter().any(|&b| b != 0);
                    i = data.len();
                }
            }
        }
        Ok(())
    }

    /// The size, once the data ended with EOI (zero padding after it is tolerated).
    pub(super) fn finish(&self) -> Result<Option<(u32, u32)>, DocumentError> {
        match self.state {
            State::End if self.trailing => Err(DocumentError::TrailingData),
            State::End => Ok(self.dimensions),
            _ => Err(DocumentError::Truncated),
        }
    }
}

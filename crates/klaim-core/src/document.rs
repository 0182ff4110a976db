//! Byte-level checks of an uploaded document: what it really is (from its first bytes, never its
//! name), whether it is empty, too large, cut off, damaged, password-locked, too small to read, or
//! carries a ZIP archive inside.
//!
//! The same code runs in the browser before upload (the whole file in one slice, `inspect`) and on
//! the server while the upload streams in (`Inspector::feed` chunk by chunk); it never needs the
//! whole file in memory. The answer never depends on how the bytes were cut: every problem found
//! while reading is tied to the offset of the byte that made it certain, and the earliest one is
//! reported. Problems that only the end can show (cut off, extra data after the image) are
//! reported by `finish`.
//!
//! Precedence, in this order: the type (decided on the first `DETECT_LEN` bytes, before anything
//! else is read), then the earliest of the problems found while reading (damaged structure, image
//! too small, `/Encrypt`, a ZIP header) and the size limit (which becomes certain at byte
//! `MAX_DOCUMENT_BYTES + 1`), then at the end: cut off, or extra data after the image. So a JPEG
//! with a ZIP appended after its end reports `Polyglot`, not `TrailingData`.

use core::fmt;

use serde::{Deserialize, Serialize};

mod bmp;
mod detect;
mod explain;
mod jpeg;
mod pdf;
mod png;
mod scan;

/// The official channel's limit: 6 MB per file.
pub const MAX_DOCUMENT_BYTES: u64 = 6 * 1024 * 1024;

/// The smallest photo of a document that can still be read. A KTP is an ID-1 card, 85.6 × 54 mm;
/// with the card filling a 600 × 400 frame that is about 7 pixels per millimetre, which leaves the
/// small print (address lines, about 1.5 mm tall) roughly 10 pixels high: about the least at which
/// an officer, or OCR, reads letters and digits reliably. Real photos have a margin around the
/// card, so this is a floor, not a target. Compared as short side and long side, so portrait and
/// landscape photos are treated alike.
pub const MIN_IMAGE_SHORT_SIDE: u32 = 400;
/// See [`MIN_IMAGE_SHORT_SIDE`].
pub const MIN_IMAGE_LONG_SIDE: u32 = 600;

/// How many leading bytes decide the type. Every accepted signature (the longest is BMP's header
/// up to its plane count, 28 bytes) and every recognised refused one fit in it.
const DETECT_LEN: usize = 32;

/// The accepted document types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FileType {
    Jpeg,
    Png,
    Pdf,
    Bmp,
}

impl FileType {
    pub const ALL: [FileType; 4] = [FileType::Jpeg, FileType::Png, FileType::Pdf, FileType::Bmp];

    /// The wire word: "jpeg", "png", "pdf", "bmp" (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            FileType::Jpeg => "jpeg",
            FileType::Png => "png",
            FileType::Pdf => "pdf",
            FileType::Bmp => "bmp",
        }
    }

    /// Reads a wire word back (exactly as `as_str` writes it).
    pub fn from_wire(s: &str) -> Option<FileType> {
        FileType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The media type to serve it with.
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Pdf => "application/pdf",
            FileType::Bmp => "image/bmp",
        }
    }

    pub fn is_image(self) -> bool {
        self != FileType::Pdf
    }
}

impl fmt::Display for FileType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the bytes really are when they are not an accepted type, so the message can say it in
/// plain words ("this is a ZIP archive, not a photo or PDF").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detected {
    /// A program: Windows (MZ), Linux (ELF), macOS (Mach-O), or a `#!` script.
    Executable,
    /// ZIP (also Word and Excel documents), RAR, 7z or gzip.
    Archive,
    /// A web page, often what a failed download saves instead of the PDF.
    Html,
    Gif,
    Webp,
    /// HEIC/HEIF (iPhone photos), also AVIF.
    Heic,
    Unknown,
}

/// A document that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inspected {
    pub file_type: FileType,
    pub bytes: u64,
    /// Width and height in pixels, for images.
    pub dimensions: Option<(u32, u32)>,
}

/// Why a document cannot be accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum DocumentError {
    /// 0 bytes.
    Empty,
    /// More than `MAX_DOCUMENT_BYTES`. `bytes` is how many had arrived when the limit was passed:
    /// the file's size for `inspect`, a lower bound while streaming.
    TooLarge {
        bytes: u64,
    },
    UnsupportedType {
        found: Detected,
    },
    /// The file ends before its format's end (JPEG EOI, PNG IEND, BMP's declared size, PDF
    /// `%%EOF` in the last 1 KiB).
    Truncated,
    /// The structure is broken: no frame header before the image data, a PNG that does not start
    /// with IHDR, zero dimensions, an impossible BMP header.
    Corrupt,
    /// The PDF has an `/Encrypt` dictionary: a user or owner password.
    EncryptedPdf,
    ImageTooSmall {
        width: u32,
        height: u32,
    },
    /// A ZIP header inside an accepted file (see `scan::Zip`).
    Polyglot,
    /// Data other than zero bytes after a JPEG's EOI, or anything after a PNG's IEND.
    TrailingData,
}

/// A problem found while reading, with the offset of the byte that made it certain. When several
/// are found, the lowest offset wins, so chunk boundaries never change the answer.
#[derive(Debug)]
struct Found {
    at: u64,
    error: DocumentError,
}

type Step = Result<(), Found>;

fn found(at: u64, error: DocumentError) -> Step {
    Err(Found { at, error })
}

/// The image-size rule, shared by the three image formats.
fn readable(width: u32, height: u32, at: u64) -> Step {
    let (short, long) = (width.min(height), width.max(height));
    if short < MIN_IMAGE_SHORT_SIDE || long < MIN_IMAGE_LONG_SIDE {
        return found(at, DocumentError::ImageTooSmall { width, height });
    }
    Ok(())
}

/// The format's own reader.
enum Format {
    Jpeg(jpeg::Jpeg),
    Png(png::Png),
    Bmp(bmp::Bmp),
    Pdf(pdf::Pdf),
}

/// Everything that reads an accepted file: its format's reader and the ZIP-header scan.
struct Checker {
    file_type: FileType,
    format: Format,
    zip: scan::Zip,
}

impl Checker {
    fn new(file_type: FileType) -> Checker {
        let format = match file_type {
            FileType::Jpeg => Format::Jpeg(jpeg::Jpeg::new()),
            FileType::Png => Format::Png(png::Png::new()),
            FileType::Bmp => Format::Bmp(bmp::Bmp::new()),
            FileType::Pdf => Format::Pdf(pdf::Pdf::new()),
        };
        Checker {
            file_type,
            format,
            zip: scan::Zip::new(),
        }
    }

    /// `data` starts at offset `base`; returns the earliest problem in it.
    fn feed(&mut self, data: &[u8], base: u64) -> Step {
        let format = match &mut self.format {
            Format::Jpeg(r) => r.feed(data, base),
            Format::Png(r) => r.feed(data, base),
            Format::Bmp(r) => r.feed(data, base),
            Format::Pdf(r) => r.feed(data, base),
        };
        let zip = self.zip.feed(data, base);
        match (format, zip) {
            (Err(a), Err(b)) => Err(if b.at < a.at { b } else { a }),
            (Err(a), Ok(())) | (Ok(()), Err(a)) => Err(a),
            (Ok(()), Ok(())) => Ok(()),
        }
    }

    fn finish(self, bytes: u64) -> Result<Inspected, DocumentError> {
        let dimensions = match &self.format {
            Format::Jpeg(r) => r.finish()?,
            Format::Png(r) => r.finish()?,
            Format::Bmp(r) => r.finish(bytes)?,
            Format::Pdf(r) => r.finish(bytes)?,
        };
        Ok(Inspected {
            file_type: self.file_type,
            bytes,
            dimensions,
        })
    }
}

enum State {
    /// Collecting the first `DETECT_LEN` bytes.
    Detecting {
        head: [u8; DETECT_LEN],
        len: usize,
    },
    Checking(Box<Checker>),
    /// A problem was found; `feed` and `finish` repeat it.
    Failed(DocumentError),
}

/// Checks a document arriving in chunks. `feed` fails as soon as a problem is certain (a refused
/// type after the first 32 bytes, the size limit as soon as it is passed); `finish` gives the
/// answer. It keeps at most a few dozen bytes between chunks.
pub struct Inspector {
    seen: u64,
    state: State,
}

impl Inspector {
    pub fn new() -> Inspector {
        Inspector {
            seen: 0,
            state: State::Detecting {
                head: [0; DETECT_LEN],
                len: 0,
            },
        }
    }

    /// How many bytes were fed so far.
    pub fn bytes_seen(&self) -> u64 {
        self.seen
    }

    /// Reads the next chunk. After an error, every later call returns the same error.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), DocumentError> {
        if let State::Failed(e) = &self.state {
            self.seen = self.seen.saturating_add(chunk.len() as u64);
            return Err(e.clone());
        }
        let base = self.seen;
        self.seen = self.seen.saturating_add(chunk.len() as u64);
        // Bytes past the limit are never read: a problem before it is reported, else the size.
        let room = MAX_DOCUMENT_BYTES.saturating_sub(base);
        let within = &chunk[..chunk.len().min(usize::try_from(room).unwrap_or(usize::MAX))];
        let mut result = self.read(within, base);
        if result.is_ok() && self.seen > MAX_DOCUMENT_BYTES {
            result = Err(DocumentError::TooLarge { bytes: self.seen });
        }
        if let Err(e) = &result {
            self.state = State::Failed(e.clone());
        }
        result
    }

    fn read(&mut self, data: &[u8], base: u64) -> Result<(), DocumentError> {
        match &mut self.state {
            State::Failed(e) => Err(e.clone()),
            State::Checking(checker) => checker.feed(data, base).map_err(|f| f.error),
            State::Detecting { head, len } => {
                let take = (DETECT_LEN - *len).min(data.len());
                head[*len..*len + take].copy_from_slice(&data[..take]);
                *len += take;
                if *len < DETECT_LEN {
                    return Ok(());
                }
                let head = *head;
                let file_type = match detect::classify(&head) {
                    detect::Class::Accepted(t) => t,
                    detect::Class::Rejected(found) => {
                        return Err(DocumentError::UnsupportedType { found });
                    }
                    // 32 bytes always decide; kept total rather than panicking.
                    detect::Class::NeedMore => {
                        return Err(DocumentError::UnsupportedType {
                            found: Detected::Unknown,
                        });
                    }
                };
                let mut checker = Box::new(Checker::new(file_type));
                // The head is read again from offset 0, then the rest of this chunk.
                let result = checker
                    .feed(&head, 0)
                    .and_then(|()| checker.feed(&data[take..], base + take as u64));
                self.state = State::Checking(checker);
                result.map_err(|f| f.error)
            }
        }
    }

    /// The answer, once every byte was fed.
    pub fn finish(self) -> Result<Inspected, DocumentError> {
        match self.state {
            State::Failed(e) => Err(e),
            State::Checking(checker) => checker.finish(self.seen),
            State::Detecting { head, len } => {
                if len == 0 {
                    return Err(DocumentError::Empty);
                }
                // A short file: decided on what there is.
                let head = &head[..len];
                match detect::classify(head) {
                    detect::Class::Accepted(t) => {
                        let mut checker = Checker::new(t);
                        checker.feed(head, 0).map_err(|f| f.error)?;
                        checker.finish(self.seen)
                    }
                    detect::Class::Rejected(found) => Err(DocumentError::UnsupportedType { found }),
                    // The start of an accepted signature, then nothing: cut off.
                    detect::Class::NeedMore => Err(DocumentError::Truncated),
                }
            }
        }
    }
}

impl Default for Inspector {
    fn default() -> Inspector {
        Inspector::new()
    }
}

impl fmt::Debug for Inspector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the content: documents carry personal data.
        f.debug_struct("Inspector")
            .field("bytes_seen", &self.seen)
            .finish_non_exhaustive()
    }
}

/// Checks a whole file: `Inspector::new`, one `feed`, `finish`.
pub fn inspect(bytes: &[u8]) -> Result<Inspected, DocumentError> {
    let mut inspector = Inspector::new();
    inspector.feed(bytes)?;
    inspector.finish()
}

#[cfg(test)]
mod tests;

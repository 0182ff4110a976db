//! PDF: refused when it has an `/Encrypt` entry (a user password keeps officers out; an owner
//! password still blocks printing or copying on many viewers), and cut off unless `%%EOF` is in
//! its last 1 KiB. The key sits in the trailer or the cross-reference stream's dictionary, which
//! are never compressed, so a plain byte search finds it.

use super::scan::Windows;
use super::{DocumentError, Step, found};

const ENCRYPT: &[u8] = b"/Encrypt";
const EOF: &[u8] = b"%%EOF";
/// How far from the end the last `%%EOF` may start (writers add a line break or a few bytes).
const EOF_WITHIN: u64 = 1024;

pub(super) struct Pdf {
    encrypt: Windows,
    eof: Windows,
    /// Where the last `%%EOF` starts.
    last_eof: Option<u64>,
}

impl Pdf {
    pub(super) fn new() -> Pdf {
        Pdf {
            encrypt: Windows::new(ENCRYPT.len(), ENCRYPT[0]),
            eof: Windows::new(EOF.len(), EOF[0]),
            last_eof: None,
        }
    }

    pub(super) fn feed(&mut self, data: &[u8], base: u64) -> Step {
        let mut last = None;
        self.eof.scan(data, base, |at, w| {
            if w == EOF {
                last = Some(at);
            }
            false
        });
        self.last_eof = last.or(self.last_eof);
        match self.encrypt.scan(data, base, |_, w| w == ENCRYPT) {
            Some(start) => found(
                start + ENCRYPT.len() as u64 - 1,
                DocumentError::EncryptedPdf,
            ),
            None => Ok(()),
        }
    }

    pub(super) fn finish(&self, bytes: u64) -> Result<Option<(u32, u32)>, DocumentError> {
        match self.last_eof {
            Some(start) if start + EOF_WITHIN >= bytes => Ok(None),
            _ => Err(DocumentError::Truncated),
        }
    }
}

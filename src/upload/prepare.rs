//! From a chosen file to bytes fit to send: klaim-core's byte checks (the same the server runs),
//! photos downscaled and checked again, and the SHA-256. Nothing is sent from here.

use klaim_core::document::{DocumentError, FileType, Inspected, inspect};
use klaim_core::message::Finding;
use klaim_core::{Explain, Lang};
use web_sys::Blob;

use crate::i18n::Texts;

use super::{LONG_SIDE, downscale, read_bytes, sha256_hex};

/// A photo at most this large whose long side is within [`LONG_SIDE`] is sent as it is:
/// re-encoding it would only lose sharpness.
const SMALL_ENOUGH: u64 = 1_000_000;

/// A document ready to upload.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub bytes: Vec<u8>,
    pub file_type: FileType,
    /// The size of the file as chosen, before any downscaling.
    pub original_bytes: u64,
    /// Lower-case hex.
    pub sha256: String,
}

/// Why a file cannot be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrepareError {
    /// klaim-core's checks refused it (wrong type, empty, too large, locked PDF, too small…).
    Document(DocumentError),
    /// The browser could not read the file or compute its checksum (it was moved or deleted
    /// after being chosen, or the page is not served securely).
    Unreadable,
}

impl PrepareError {
    /// As a finding about the upload field `field`.
    pub fn finding(&self, field: &'static str) -> Finding {
        match self {
            PrepareError::Document(e) => Finding::of(Some(field), e),
            PrepareError::Unreadable => Finding::of(Some(field), &Unreadable),
        }
    }
}

/// Checks `file` and, for a photo, makes it small; then hashes what will be sent.
pub async fn prepare(file: &Blob) -> Result<Prepared, PrepareError> {
    let original = read_bytes(file)
        .await
        .map_err(|_| PrepareError::Unreadable)?;
    let original_bytes = original.len() as u64;
    let (bytes, inspected) = match inspect(&original) {
        Ok(found) if wants_downscale(&found) => smaller(file, original, found).await?,
        Ok(found) => (original, found),
        // A photo straight from a good camera can be over the limit, and phones append the
        // video of a "motion photo" after the picture's end: make it small (re-encoding keeps
        // only the picture), then judge what would be sent. Anything that is not an accepted
        // image keeps its refusal (a PDF over the limit fails to decode and keeps it).
        Err(refusal @ (DocumentError::TooLarge { .. } | DocumentError::TrailingData))
            if head_accepted(&original) =>
        {
            let small = downscale(file)
                .await
                .map_err(|_| PrepareError::Document(refusal))?;
            let found = inspect(&small).map_err(PrepareError::Document)?;
            (small, found)
        }
        Err(e) => return Err(PrepareError::Document(e)),
    };
    let sha256 = sha256_hex(&bytes)
        .await
        .map_err(|_| PrepareError::Unreadable)?;
    Ok(Prepared {
        bytes,
        file_type: inspected.file_type,
        original_bytes,
        sha256,
    })
}

fn wants_downscale(found: &Inspected) -> bool {
    let long = found.dimensions.map_or(0, |(w, h)| w.max(h));
    found.file_type.is_image() && (found.bytes > SMALL_ENOUGH || long > LONG_SIDE)
}

/// The downscaled photo when it passes the checks and is smaller; otherwise the original,
/// which passed them already.
async fn smaller(
    file: &Blob,
    original: Vec<u8>,
    found: Inspected,
) -> Result<(Vec<u8>, Inspected), PrepareError> {
    if let Ok(small) = downscale(file).await
        && small.len() < original.len()
        && let Ok(small_found) = inspect(&small)
    {
        return Ok((small, small_found));
    }
    Ok((original, found))
}

/// Whether the first bytes are those of an accepted type (the rest may be too much).
fn head_accepted(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    !matches!(
        inspect(head),
        Err(DocumentError::UnsupportedType { .. } | DocumentError::Empty)
    )
}

/// The file could not be read by the browser.
struct Unreadable;

impl Explain for Unreadable {
    fn code(&self) -> &'static str {
        "upload.unreadable"
    }

    fn message(&self, lang: Lang) -> String {
        Texts::of(lang).upload_unreadable.to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        Texts::of(lang).upload_unreadable_hint.to_owned()
    }
}

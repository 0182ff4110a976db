//! Finding byte patterns in a stream that arrives in pieces, and the ZIP-header scan.

use super::{DocumentError, Step, found};

/// The widest window a scanner may use.
const MAX_WIDTH: usize = 16;

/// Looks at every window of `width` consecutive bytes of a stream exactly once, including windows
/// that straddle two chunks: it keeps the last `width - 1` bytes between calls.
pub(super) struct Windows {
    width: usize,
    /// Only windows starting with this byte are offered (a quick filter: most bytes are not it).
    lead: u8,
    tail: [u8; MAX_WIDTH],
    len: usize,
}

impl Windows {
    pub(super) fn new(width: usize, lead: u8) -> Windows {
        assert!((1..=MAX_WIDTH).contains(&width));
        Windows {
            width,
            lead,
            tail: [0; MAX_WIDTH],
            len: 0,
        }
    }

    /// Offers `hit` each window this chunk completes that starts with `lead`, in stream order,
    /// with the offset where it starts (`chunk` starts at `base`). Returns the start of the first
    /// window `hit` accepts.
    pub(super) fn scan(
        &mut self,
        chunk: &[u8],
        base: u64,
        mut hit: impl FnMut(u64, &[u8]) -> bool,
    ) -> Option<u64> {
        let w = self.width;
        let mut first = None;
        if self.len > 0 {
            // Windows that start in the kept tail and end in this chunk.
            let mut joint = [0; 2 * MAX_WIDTH];
            let extra = chunk.len().min(w - 1);
            joint[..self.len].copy_from_slice(&self.tail[..self.len]);
            joint[self.len..self.len + extra].copy_from_slice(&chunk[..extra]);
            let joint = &joint[..self.len + extra];
            let tail_base = base - self.len as u64;
            for (s, window) in joint.windows(w).take(self.len).enumerate() {
                let at = tail_base + s as u64;
                if window[0] == self.lead && hit(at, window) {
                    first = Some(at);
                    break;
                }
            }
        }
        // Windows that start in this chunk.
        let starts = chunk.len().saturating_sub(w - 1);
        let mut s = 0;
        while first.is_none() && s < starts {
            match chunk[s..starts].iter().position(|&b| b == self.lead) {
                Some(p) => {
                    let at = s + p;
                    if hit(base + at as u64, &chunk[at..at + w]) {
                        first = Some(base + at as u64);
                    }
                    s = at + 1;
                }
                None => break,
            }
        }
        self.keep_tail(chunk);
        first
    }

    /// Keeps the last `width - 1` bytes of the stream: the starts of windows not yet complete.
    fn keep_tail(&mut self, chunk: &[u8]) {
        let keep = self.width - 1;
        if chunk.len() >= keep {
            self.tail[..keep].copy_from_slice(&chunk[chunk.len() - keep..]);
            self.len = keep;
        } else {
            let drop = (self.len + chunk.len()).saturating_sub(keep);
            self.tail.copy_within(drop..self.len, 0);
            let kept = self.len - drop;
            self.tail[kept..kept + chunk.len()].copy_from_slice(chunk);
            self.len = kept + chunk.len();
        }
    }
}

/// ZIP headers inside an accepted file, anywhere after offset 0 (a file that starts with one is a
/// ZIP and refused by type).
///
/// Why: a file can be a valid photo or PDF and a valid ZIP at once (JPEG + ZIP appended after
/// EOI is the classic; ZIP readers look for the central directory from the end, image viewers read
/// from the start). Such a hostile upload looks like a harmless KTP photo in our tools but opens
/// as an archive, carrying a program or a macro document, when an officer's machine or a
/// downstream system treats it as ZIP (or a renamed .docx/.jar). Nobody needs to send one.
///
/// The two signatures: the local file header `PK\x03\x04` (what streaming ZIP readers look for)
/// and the end-of-central-directory record `PK\x05\x06` (what every other reader looks for).
///
/// False positives: compressed data (PDF Flate streams, PNG IDAT, JPEG scans) is close to random,
/// so a bare 4-byte signature turns up by chance with odds 2 × 2⁻³² per byte: about 1 in 340 files
/// of 6 MB, 1 in 2,000 photos of 1 MB — far too many honest uploads refused. So each signature
/// must also have fields a real reader needs: a local header's compression method is one of the
/// methods ZIP tools extract (11 of 65,536 values), and an end record is for a single-disk archive
/// (disk numbers both 0, or both 0xFFFF for ZIP64) with equal entry counts on this disk and in
/// total. That brings the odds to about 1 in 4 million files of 6 MB (the end record's to nothing
/// measurable), while an archive that fails these fields is one that common ZIP tools refuse to
/// open anyway.
pub(super) struct Zip {
    windows: Windows,
}

/// Signature and the fields checked after it; the end record's are the longest.
const ZIP_WINDOW: usize = 12;

/// Stored, shrunk, imploded, deflate, deflate64, bzip2, LZMA, Zstandard, XZ, PPMd, WinZip AES.
const ZIP_METHODS: [u16; 11] = [0, 1, 6, 8, 9, 12, 14, 93, 95, 98, 99];

fn le16(w: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([w[at], w[at + 1]])
}

/// A window of `ZIP_WINDOW` bytes that starts a ZIP header a reader would accept.
fn zip_header(w: &[u8]) -> bool {
    match &w[..4] {
        b"PK\x03\x04" => ZIP_METHODS.contains(&le16(w, 8)),
        b"PK\x05\x06" => {
            let (disk, cd_disk) = (le16(w, 4), le16(w, 6));
            disk == cd_disk && (disk == 0 || disk == 0xFFFF) && le16(w, 8) == le16(w, 10)
        }
        _ => false,
    }
}

impl Zip {
    pub(super) fn new() -> Zip {
        Zip {
            windows: Windows::new(ZIP_WINDOW, b'P'),
        }
    }

    pub(super) fn feed(&mut self, data: &[u8], base: u64) -> Step {
        match self
            .windows
            .scan(data, base, |at, w| at > 0 && zip_header(w))
        {
            Some(start) => found(start + ZIP_WINDOW as u64 - 1, DocumentError::Polyglot),
            None => Ok(()),
        }
    }
}

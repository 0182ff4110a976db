//! The files the bench uploads: valid PDFs of a chosen size (one page of text, and an unreferenced
//! stream object of incompressible bytes where a scanned page would be), which klaim-core's
//! checks accept as the server runs them.

use sha2::{Digest, Sha256};

/// A file ready to upload: its bytes, the media type and the SHA-256 the app would send.
pub struct Document {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub sha256: String,
}

impl Document {
    pub fn pdf(size: usize, seed: u64) -> Document {
        let bytes = pdf_bytes(size, seed);
        let sha256 = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Document {
            bytes,
            content_type: "application/pdf",
            sha256,
        }
    }
}

/// Exactly `size` bytes (at least the ~700 of the skeleton).
fn pdf_bytes(size: usize, seed: u64) -> Vec<u8> {
    // The padding's length changes the digits of the offsets after it: settle it by trying.
    let mut padding = size.saturating_sub(build(0, seed).len());
    loop {
        let pdf = build(padding, seed);
        match pdf.len().cmp(&size) {
            std::cmp::Ordering::Equal => return pdf,
            std::cmp::Ordering::Greater if padding == 0 => return pdf,
            std::cmp::Ordering::Greater => padding -= 1,
            std::cmp::Ordering::Less => padding += 1,
        }
    }
}

fn build(padding: usize, seed: u64) -> Vec<u8> {
    let text = b"BT /F1 18 Tf 72 770 Td (Klaim bench document) Tj ET";
    let mut out: Vec<u8> = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    object(&mut out, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(&mut out, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(
        &mut out,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
          /Resources << /Font << /F1 5 0 R >> >> >>",
    );
    object(&mut out, &stream(text));
    object(
        &mut out,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    );
    object(&mut out, &stream(&noise(padding, seed)));
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for offset in &offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// Incompressible bytes without `%`, `/` and `P`: so no `%%EOF`, `/Encrypt` or ZIP header
/// (`PK\x03\x04`) can appear by chance and change what the checks say.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        // splitmix64
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        for b in z.to_le_bytes() {
            if out.len() < len && !matches!(b, b'%' | b'/' | b'P') {
                out.push(b);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use klaim_core::FileType;
    use klaim_core::document::{MAX_DOCUMENT_BYTES, inspect};

    use super::*;

    #[test]
    fn klaim_core_accepts_them_at_any_size_up_to_the_limit() {
        for size in [800, 100_000, MAX_DOCUMENT_BYTES as usize] {
            let doc = Document::pdf(size, size as u64);
            assert_eq!(doc.bytes.len(), size);
            let inspected = inspect(&doc.bytes).unwrap();
            assert_eq!(inspected.file_type, FileType::Pdf);
            assert_eq!(doc.sha256.len(), 64);
        }
        let over = Document::pdf(MAX_DOCUMENT_BYTES as usize + 1, 1);
        assert!(inspect(&over.bytes).is_err());
    }

    #[test]
    fn the_offsets_in_the_cross_reference_table_point_at_the_objects() {
        let pdf = pdf_bytes(5_000, 3);
        // The table's keyword on its own line (`startxref` ends the same way).
        let xref = pdf.windows(6).rposition(|w| w == b"\nxref\n").unwrap() + 1;
        let tail = std::str::from_utf8(&pdf[xref..]).unwrap();
        let table: Vec<usize> = tail
            .lines()
            .skip(3)
            .take(6)
            .map(|l| l[..10].parse().unwrap())
            .collect();
        for (n, offset) in table.iter().enumerate() {
            assert!(pdf[*offset..].starts_with(format!("{} 0 obj", n + 1).as_bytes()));
        }
        let startxref: usize = tail.lines().rev().nth(1).unwrap().parse().unwrap();
        assert_eq!(startxref, xref);
    }
}

//! Files for the upload tests, made on the spot: photos of a "document" as a phone camera would
//! take them (JPEG, with sensor-like noise so they compress like real photos) and a small PDF.

use std::path::{Path, PathBuf};

use jpeg_encoder::{ColorType, Encoder};

/// A photo of a sheet of paper with lines of "text": light background, dark strokes, noise.
/// `seed` varies the content so two photos never have the same bytes (or SHA-256).
pub fn document_photo(width: u16, height: u16, seed: u32) -> Vec<u8> {
    let (w, h) = (usize::from(width), usize::from(height));
    let mut pixels = vec![0u8; w * h * 3];
    let mut noise = seed.wrapping_mul(2_654_435_761).max(1);
    let line_height = (h / 40).max(4);
    for y in 0..h {
        let in_text_line = (y / line_height) % 2 == 1 && y > h / 10 && y < h * 9 / 10;
        for x in 0..w {
            // xorshift: cheap noise, deterministic per seed.
            noise ^= noise << 13;
            noise ^= noise >> 17;
            noise ^= noise << 5;
            let grain = (noise & 0x1f) as u8;
            let word = !(x / (line_height * 3) + y / line_height + seed as usize).is_multiple_of(5);
            let ink = in_text_line && word && x > w / 12 && x < w * 11 / 12;
            let base: u8 = if ink { 40 } else { 215 };
            let i = (y * w + x) * 3;
            pixels[i] = base.saturating_add(grain);
            pixels[i + 1] = base.saturating_add(grain / 2);
            pixels[i + 2] = base.saturating_sub(grain / 2);
        }
    }
    let mut out = Vec::new();
    Encoder::new(&mut out, 92)
        .encode(&pixels, width, height, ColorType::Rgb)
        .expect("encode a JPEG in memory");
    out
}

/// A one-page PDF with a line of text, with a correct cross-reference table.
pub fn letter_pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 14 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", n + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// Writes a fixture into `dir` and returns its absolute path (what a file input is sent).
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("create the fixtures directory");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a fixture");
    path.canonicalize().expect("fixture path")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_pass_the_same_checks_as_uploads() {
        let photo = document_photo(1200, 900, 7);
        let seen = klaim_core::document::inspect(&photo).expect("a valid JPEG");
        assert_eq!(seen.dimensions, Some((1200, 900)));
        assert_ne!(photo, document_photo(1200, 900, 8), "seeds differ");
        let pdf = letter_pdf("Surat pengunduran diri");
        let seen = klaim_core::document::inspect(&pdf).expect("a valid PDF");
        assert_eq!(seen.file_type, klaim_core::document::FileType::Pdf);
    }
}

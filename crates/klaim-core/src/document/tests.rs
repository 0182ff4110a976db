use proptest::prelude::*;

use super::*;
use crate::{Explain, Lang};

// ---- Small files, built here so no binary fixtures are needed ----

fn segment(v: &mut Vec<u8>, marker: u8, payload: &[u8]) {
    v.extend([0xFF, marker]);
    v.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    v.extend(payload);
}

fn sof(width: u16, height: u16) -> Vec<u8> {
    let mut f = vec![8];
    f.extend(height.to_be_bytes());
    f.extend(width.to_be_bytes());
    f.extend([1, 1, 0x11, 0]);
    f
}

/// SOI, APP0, an APP1 of `exif` bytes, DQT, SOF0, DHT, SOS, scan data (with a stuffed FF 00 and a
/// restart marker), EOI.
fn jpeg_with(width: u16, height: u16, exif: usize) -> Vec<u8> {
    let mut v = vec![0xFF, 0xD8];
    segment(&mut v, 0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    if exif > 0 {
        let mut app1 = b"Exif\0\0".to_vec();
        app1.resize(exif, 0xFF);
        segment(&mut v, 0xE1, &app1);
    }
    segment(&mut v, 0xDB, &[0; 65]);
    segment(&mut v, 0xC0, &sof(width, height));
    segment(&mut v, 0xC4, &[0; 29]);
    segment(&mut v, 0xDA, &[1, 1, 0, 0, 63, 0]);
    v.extend([
        0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A, 0xFF, 0xFF,
    ]);
    v.extend([0xFF, 0xD9]);
    v
}

fn jpeg(width: u16, height: u16) -> Vec<u8> {
    jpeg_with(width, height, 0)
}

fn png_chunk(v: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    v.extend(u32::try_from(data.len()).unwrap().to_be_bytes());
    v.extend(kind);
    v.extend(data);
    v.extend([0; 4]); // CRC, not checked
}

fn ihdr(width: u32, height: u32) -> Vec<u8> {
    let mut d = width.to_be_bytes().to_vec();
    d.extend(height.to_be_bytes());
    d.extend([8, 2, 0, 0, 0]);
    d
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut v, b"IHDR", &ihdr(width, height));
    png_chunk(&mut v, b"tEXt", b"Comment\0scan");
    png_chunk(&mut v, b"IDAT", &[0x78, 0x9C, 1, 2, 3, 4]);
    png_chunk(&mut v, b"IEND", &[]);
    v
}

/// A 1-bit BMP with a BITMAPINFOHEADER (negative height: top-down rows), or the 12-byte core
/// header when `core`.
fn bmp(width: i32, height: i32, core: bool) -> Vec<u8> {
    let dib: u32 = if core { 12 } else { 40 };
    let palette: u32 = if core { 6 } else { 8 };
    let offset = 14 + dib + palette;
    let row = (u32::try_from(width).unwrap()).div_ceil(32) * 4;
    let size = offset + row * height.unsigned_abs();
    let mut v = b"BM".to_vec();
    v.extend(size.to_le_bytes());
    v.extend([0; 4]);
    v.extend(offset.to_le_bytes());
    v.extend(dib.to_le_bytes());
    if core {
        v.extend(u16::try_from(width).unwrap().to_le_bytes());
        v.extend(u16::try_from(height).unwrap().to_le_bytes());
        v.extend(1u16.to_le_bytes());
        v.extend(1u16.to_le_bytes());
    } else {
        v.extend(width.to_le_bytes());
        v.extend(height.to_le_bytes());
        v.extend(1u16.to_le_bytes());
        v.extend(1u16.to_le_bytes());
        v.extend([0; 24]); // compression 0 (RGB), sizes, resolution, colours
    }
    v.resize(usize::try_from(offset).unwrap(), 0xFF);
    v.resize(usize::try_from(size).unwrap(), 0x55);
    v
}

fn pdf(body: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n{body}\
         trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"
    )
    .into_bytes()
}

/// A real ZIP with one stored file.
fn zip() -> Vec<u8> {
    let mut v = b"PK\x03\x04".to_vec();
    v.extend([20, 0, 0, 0, 0, 0]); // version, flags, method: stored
    v.extend([0; 8]); // time, date, CRC
    v.extend([2, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0]); // sizes, name length, extra length
    v.extend(b"a.exehi");
    let directory = v.len();
    v.extend(b"PK\x01\x02");
    v.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    v.extend([
        2, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    v.extend(b"a.exe");
    let directory_size = v.len() - directory;
    v.extend(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    v.extend(u32::try_from(directory_size).unwrap().to_le_bytes());
    v.extend(u32::try_from(directory).unwrap().to_le_bytes());
    v.extend([0, 0]);
    v
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

// ---- Checking ----

fn render(r: &Result<Inspected, DocumentError>) -> String {
    match r {
        Ok(Inspected {
            file_type,
            dimensions: Some((w, h)),
            ..
        }) => format!("ok {file_type} {w}x{h}"),
        Ok(Inspected { file_type, .. }) => format!("ok {file_type}"),
        Err(DocumentError::UnsupportedType { found }) => {
            format!("err document.unsupported_type {found:?}")
        }
        Err(e) => format!("err {}", e.code()),
    }
}

/// Feeds `pieces` in order; the first error, or `finish`.
fn streamed<'a>(pieces: impl IntoIterator<Item = &'a [u8]>) -> Result<Inspected, DocumentError> {
    let mut inspector = Inspector::new();
    for piece in pieces {
        inspector.feed(piece)?;
    }
    inspector.finish()
}

/// `inspect` gives `expect`, and streaming in chunks of any of several sizes gives the same.
fn check(name: &str, input: &[u8], expect: &str) {
    let whole = inspect(input);
    assert_eq!(render(&whole), expect, "{name}");
    if let Ok(i) = &whole {
        assert_eq!(i.bytes, input.len() as u64, "{name}");
    }
    for size in [1, 2, 3, 5, 8, 13, 31, 32, 33, 4096] {
        assert_eq!(
            streamed(input.chunks(size)),
            whole,
            "{name}, chunks of {size}"
        );
    }
}

fn check_all(cases: Vec<(&str, Vec<u8>, &str)>) {
    for (name, input, expect) in cases {
        check(name, &input, expect);
    }
}

#[test]
fn accepted_files() {
    let mut cut_jpeg = jpeg(800, 600);
    cut_jpeg.extend([0; 100]);
    check_all(vec![
        ("jpeg", jpeg(800, 600), "ok jpeg 800x600"),
        ("jpeg portrait", jpeg(400, 600), "ok jpeg 400x600"),
        ("jpeg at the minimum", jpeg(600, 400), "ok jpeg 600x400"),
        (
            "jpeg, large EXIF",
            jpeg_with(4000, 3000, 65_000),
            "ok jpeg 4000x3000",
        ),
        ("jpeg, zero padding after EOI", cut_jpeg, "ok jpeg 800x600"),
        ("png", png(1200, 900), "ok png 1200x900"),
        ("bmp, top-down", bmp(640, -480, false), "ok bmp 640x480"),
        ("bmp, bottom-up", bmp(600, 400, false), "ok bmp 600x400"),
        ("bmp, core header", bmp(700, 500, true), "ok bmp 700x500"),
        ("pdf", pdf(""), "ok pdf"),
        ("pdf, tiny", b"%PDF-1.0\n%%EOF".to_vec(), "ok pdf"),
        (
            "pdf, %%EOF starting 1 KiB before the end",
            cat(&[&pdf(""), &[b' '; 1018]]),
            "ok pdf",
        ),
        (
            "pdf, incremental update",
            cat(&[&pdf(""), &pdf("")[9..]]),
            "ok pdf",
        ),
        (
            "pdf, a false ZIP signature (method 0x1234) in a stream",
            pdf("2 0 obj\nstream\nPK\x03\x04\x14\0\0\0\x34\x12\nendstream\n"),
            "ok pdf",
        ),
        (
            "pdf, an end record of a multi-disk archive",
            pdf("stream\nPK\x05\x06\x01\0\x01\0\x01\0\x01\0\nendstream\n"),
            "ok pdf",
        ),
    ]);
    let i = inspect(&png(1200, 900)).unwrap();
    assert_eq!(
        i,
        Inspected {
            file_type: FileType::Png,
            bytes: png(1200, 900).len() as u64,
            dimensions: Some((1200, 900)),
        }
    );
}

#[test]
fn refused_types() {
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0meta".to_vec();
    let webp = b"RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0\x30\x01\0\x9d\x01\x2a\x20\x03\x58\x02".to_vec();
    check_all(vec![
        (
            "ELF renamed .jpg",
            cat(&[b"\x7FELF\x02\x01\x01", &[0; 64]]),
            "err document.unsupported_type Executable",
        ),
        (
            "MZ renamed .jpg",
            cat(&[b"MZ\x90\0\x03\0\0\0\x04\0", &[0; 100]]),
            "err document.unsupported_type Executable",
        ),
        (
            "Mach-O",
            cat(&[&[0xCF, 0xFA, 0xED, 0xFE], &[0; 40]]),
            "err document.unsupported_type Executable",
        ),
        (
            "shell script",
            b"#!/bin/sh\necho hello\n".to_vec(),
            "err document.unsupported_type Executable",
        ),
        ("zip", zip(), "err document.unsupported_type Archive"),
        (
            "rar",
            cat(&[b"Rar!\x1A\x07\x01\0", &[0; 40]]),
            "err document.unsupported_type Archive",
        ),
        (
            "7z",
            cat(&[b"7z\xBC\xAF\x27\x1C\0\x04", &[0; 40]]),
            "err document.unsupported_type Archive",
        ),
        (
            "gzip",
            b"\x1F\x8B\x08\0\0\0\0\0\0\x03".to_vec(),
            "err document.unsupported_type Archive",
        ),
        (
            "html",
            b"\xEF\xBB\xBF\n  <!DOCTYPE html><html><body>Sesi berakhir</body></html>".to_vec(),
            "err document.unsupported_type Html",
        ),
        (
            "gif",
            b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;".to_vec(),
            "err document.unsupported_type Gif",
        ),
        ("webp", webp, "err document.unsupported_type Webp"),
        ("heic", heic, "err document.unsupported_type Heic"),
        (
            "mp4",
            cat(&[b"\0\0\0\x20ftypisom\0\0\x02\0", &[0; 40]]),
            "err document.unsupported_type Unknown",
        ),
        (
            "text",
            b"Nama: Budi Santoso\nNIK: 3201011203900001\n".to_vec(),
            "err document.unsupported_type Unknown",
        ),
        (
            "text starting BM",
            b"BMW 320i, nomor polisi B 1234 XYZ".to_vec(),
            "err document.unsupported_type Unknown",
        ),
        (
            "pdf after a byte-order mark",
            cat(&[b"\xEF\xBB\xBF", &pdf("")]),
            "err document.unsupported_type Unknown",
        ),
        ("short text", b"hello".to_vec(), "err document.unsupported_type Unknown"),
    ]);
}

#[test]
fn problems() {
    let mut sos_first = vec![0xFF, 0xD8];
    segment(&mut sos_first, 0xDA, &[1, 1, 0, 0, 63, 0]);
    sos_first.extend([0x12, 0xFF, 0xD9]);
    let mut zero_width = vec![0xFF, 0xD8];
    segment(&mut zero_width, 0xC0, &sof(0, 600));
    zero_width.extend([0xFF, 0xD9]);
    let mut no_ihdr = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut no_ihdr, b"IDAT", &[1, 2, 3]);
    let mut no_idat = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut no_idat, b"IHDR", &ihdr(800, 600));
    png_chunk(&mut no_idat, b"IEND", &[]);
    let full_bmp = bmp(640, 480, false);
    let mut bad_bmp = bmp(640, 480, false);
    bad_bmp[10] = 20; // pixels inside the header
    let jpeg_ok = jpeg(800, 600);
    let png_ok = png(800, 600);
    check_all(vec![
        ("0 bytes", vec![], "err document.empty"),
        // Cut off.
        (
            "jpeg cut in the scan",
            jpeg_ok[..jpeg_ok.len() - 5].to_vec(),
            "err document.truncated",
        ),
        (
            "jpeg cut in the header",
            jpeg_ok[..40].to_vec(),
            "err document.truncated",
        ),
        (
            "jpeg without EOI",
            jpeg_ok[..jpeg_ok.len() - 2].to_vec(),
            "err document.truncated",
        ),
        (
            "jpeg signature only",
            vec![0xFF, 0xD8, 0xFF],
            "err document.truncated",
        ),
        (
            "two bytes of a jpeg",
            vec![0xFF, 0xD8],
            "err document.truncated",
        ),
        (
            "png without IEND",
            png_ok[..png_ok.len() - 12].to_vec(),
            "err document.truncated",
        ),
        (
            "png cut in IEND",
            png_ok[..png_ok.len() - 1].to_vec(),
            "err document.truncated",
        ),
        (
            "bmp cut",
            full_bmp[..full_bmp.len() - 1].to_vec(),
            "err document.truncated",
        ),
        (
            "bmp header cut",
            full_bmp[..30].to_vec(),
            "err document.truncated",
        ),
        ("BM only", b"BM".to_vec(), "err document.truncated"),
        (
            "pdf without %%EOF",
            pdf("")[..60].to_vec(),
            "err document.truncated",
        ),
        (
            "pdf header only",
            b"%PDF-".to_vec(),
            "err document.truncated",
        ),
        (
            "pdf, %%EOF too far from the end",
            cat(&[&pdf(""), &[b' '; 1019]]),
            "err document.truncated",
        ),
        // Damaged.
        ("jpeg, scan before frame", sos_first, "err document.corrupt"),
        (
            "jpeg, EOI right after SOI",
            vec![0xFF, 0xD8, 0xFF, 0xD9],
            "err document.corrupt",
        ),
        ("jpeg, width 0", zero_width, "err document.corrupt"),
        ("png, no IHDR first", no_ihdr, "err document.corrupt"),
        ("png, IEND before IDAT", no_idat, "err document.corrupt"),
        ("png, width 0", png(0, 600), "err document.corrupt"),
        (
            "bmp, pixels inside the header",
            bad_bmp,
            "err document.corrupt",
        ),
        // Locked.
        (
            "pdf with /Encrypt",
            pdf(
                "2 0 obj\n<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -1028 >>\nendobj\ntrailer << /Encrypt 2 0 R >>\n",
            ),
            "err document.encrypted_pdf",
        ),
        // Too small to read.
        ("jpeg 100x80", jpeg(100, 80), "err document.image_too_small"),
        (
            "jpeg 599x400",
            jpeg(599, 400),
            "err document.image_too_small",
        ),
        (
            "jpeg 399x1000",
            jpeg(399, 1000),
            "err document.image_too_small",
        ),
        (
            "jpeg 600x399",
            jpeg(600, 399),
            "err document.image_too_small",
        ),
        ("png 100x80", png(100, 80), "err document.image_too_small"),
        (
            "bmp 100x80",
            bmp(100, -80, false),
            "err document.image_too_small",
        ),
        // Two files in one.
        (
            "jpeg + zip",
            cat(&[&jpeg_ok, &zip()]),
            "err document.polyglot",
        ),
        (
            "png + zip",
            cat(&[&png_ok, &zip()]),
            "err document.polyglot",
        ),
        (
            "bmp + zip",
            cat(&[&full_bmp, &zip()]),
            "err document.polyglot",
        ),
        (
            "pdf + zip",
            cat(&[&pdf(""), &zip()]),
            "err document.polyglot",
        ),
        (
            "zip inside a jpeg comment",
            {
                let mut v = vec![0xFF, 0xD8];
                segment(&mut v, 0xFE, &zip());
                v.extend(&jpeg_ok[2..]);
                v
            },
            "err document.polyglot",
        ),
        (
            "zip end record only",
            cat(&[&jpeg_ok, b"PK\x05\x06\0\0\0\0\0\0\0\0"]),
            "err document.polyglot",
        ),
        // Extra data.
        (
            "jpeg + text",
            cat(&[&jpeg_ok, b"hello"]),
            "err document.trailing_data",
        ),
        (
            "jpeg + second jpeg",
            cat(&[&jpeg_ok, &jpeg_ok]),
            "err document.trailing_data",
        ),
        (
            "png + zeros",
            cat(&[&png_ok, &[0; 4]]),
            "err document.trailing_data",
        ),
    ]);
}

#[test]
fn earliest_problem_wins() {
    // A problem found while reading comes before the end's: the ZIP after EOI is reported, not
    // the extra data it also is; a small image is reported before a later ZIP.
    check(
        "small jpeg + zip",
        &cat(&[&jpeg(100, 80), &zip()]),
        "err document.image_too_small",
    );
    check(
        "jpeg + zip, cut off",
        &cat(&[&jpeg(800, 600)[..100], &zip()]),
        "err document.polyglot",
    );
    // The type comes before anything in its first 32 bytes.
    check(
        "exe with a zip header at byte 4",
        &cat(&[b"MZ\0\0", &zip()]),
        "err document.unsupported_type Executable",
    );
}

#[test]
fn size_limit() {
    let max = usize::try_from(MAX_DOCUMENT_BYTES).unwrap();
    // A PDF of exactly 6 MB passes, one byte more does not.
    let pad = |len: usize| {
        let mut v = b"%PDF-1.7\n".to_vec();
        v.resize(len - 7, b' ');
        v.extend(b"\n%%EOF\n");
        v
    };
    let exactly = pad(max);
    assert_eq!(render(&inspect(&exactly)), "ok pdf");
    assert_eq!(streamed(exactly.chunks(100_000)), inspect(&exactly));
    assert_eq!(
        inspect(&pad(max + 1)),
        Err(DocumentError::TooLarge {
            bytes: MAX_DOCUMENT_BYTES + 1
        })
    );

    // 7 MB: all at once, the size; streamed, it fails at the chunk that passes the limit.
    let mut big = jpeg(800, 600);
    big.resize(7 * 1024 * 1024, 0);
    assert_eq!(
        inspect(&big),
        Err(DocumentError::TooLarge {
            bytes: 7 * 1024 * 1024
        })
    );
    let mut inspector = Inspector::new();
    let mut chunks = big.chunks(64 * 1024);
    let failed = loop {
        let chunk = chunks.next().unwrap();
        if let Err(e) = inspector.feed(chunk) {
            break e;
        }
    };
    assert_eq!(
        failed,
        DocumentError::TooLarge {
            bytes: MAX_DOCUMENT_BYTES + 64 * 1024
        }
    );
    assert_eq!(inspector.bytes_seen(), MAX_DOCUMENT_BYTES + 64 * 1024);
    // Later calls repeat it.
    assert_eq!(inspector.feed(b"x"), Err(failed.clone()));
    assert_eq!(inspector.finish(), Err(failed));

    // A problem before the limit is reported instead of the size.
    let mut hostile = cat(&[&jpeg(800, 600), &zip()]);
    hostile.resize(7 * 1024 * 1024, 0);
    assert_eq!(inspect(&hostile), Err(DocumentError::Polyglot));
    // And a refused type after 32 bytes, without reading on.
    let mut inspector = Inspector::new();
    assert_eq!(inspector.feed(&[0x7F, b'E', b'L', b'F']), Ok(()));
    assert_eq!(
        inspector.feed(&[0; 28]),
        Err(DocumentError::UnsupportedType {
            found: Detected::Executable
        })
    );
}

#[test]
fn signatures_across_chunk_boundaries() {
    let cases = [
        (
            pdf("trailer << /Encrypt 2 0 R >>\n"),
            DocumentError::EncryptedPdf,
        ),
        (cat(&[&jpeg(800, 600), &zip()]), DocumentError::Polyglot),
        (cat(&[&png(800, 600), &zip()]), DocumentError::Polyglot),
    ];
    for (input, expect) in cases {
        for cut in 0..=input.len() {
            let (a, b) = input.split_at(cut);
            assert_eq!(streamed([a, b]), Err(expect.clone()), "cut at {cut}");
        }
    }
    // `%%EOF` split across the last two chunks.
    let p = pdf("");
    for cut in p.len() - 7..p.len() {
        let (a, b) = p.split_at(cut);
        assert_eq!(render(&streamed([a, &[][..], b])), "ok pdf", "cut at {cut}");
    }
}

#[test]
fn file_types() {
    for t in FileType::ALL {
        assert_eq!(FileType::from_wire(t.as_str()), Some(t));
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, format!("\"{}\"", t.as_str()));
        assert_eq!(serde_json::from_str::<FileType>(&json).unwrap(), t);
    }
    let rows: Vec<String> = FileType::ALL
        .iter()
        .map(|t| format!("{t} {} {}", t.mime(), t.is_image()))
        .collect();
    assert_eq!(
        rows,
        [
            "jpeg image/jpeg true",
            "png image/png true",
            "pdf application/pdf false",
            "bmp image/bmp true",
        ]
    );
    assert_eq!(FileType::from_wire("jpg"), None);
    assert_eq!(FileType::from_wire("JPEG"), None);
}

#[test]
fn messages_name_what_the_file_is() {
    let msg = |found| DocumentError::UnsupportedType { found }.message(Lang::Id);
    assert_eq!(
        msg(Detected::Archive),
        "File ini adalah arsip ZIP (atau RAR, 7z, GZ), bukan foto atau PDF"
    );
    assert!(msg(Detected::Heic).contains("HEIC"));
    assert!(msg(Detected::Webp).contains("WebP"));
    assert!(msg(Detected::Gif).contains("GIF"));
    assert!(msg(Detected::Executable).contains("program"));
    for found in [Detected::Heic, Detected::Webp, Detected::Gif] {
        let hint = DocumentError::UnsupportedType { found }.hint(Lang::Id);
        assert!(hint.contains("JPG"), "{hint}");
    }
    let hint = DocumentError::UnsupportedType {
        found: Detected::Unknown,
    }
    .hint(Lang::Id);
    assert!(hint.contains("JPG, PNG, BMP atau PDF"), "{hint}");
    assert!(hint.contains("paling besar 6 MB"), "{hint}");

    let too_large = |bytes| DocumentError::TooLarge { bytes }.message(Lang::Id);
    assert_eq!(
        too_large(7 * 1024 * 1024),
        "File ini 7 MB; ukuran file paling besar 6 MB"
    );
    assert_eq!(
        too_large(MAX_DOCUMENT_BYTES + 1),
        "File ini 6,1 MB; ukuran file paling besar 6 MB"
    );
    assert_eq!(
        DocumentError::TooLarge { bytes: 8_500_000 }.message(Lang::En),
        "This file is 8.2 MB; a file can be at most 6 MB"
    );
    assert_eq!(
        DocumentError::ImageTooSmall {
            width: 100,
            height: 80
        }
        .message(Lang::Id),
        "Gambar ini hanya 100 × 80 piksel, terlalu kecil untuk dibaca; paling kecil 600 × 400 piksel"
    );
    assert_eq!(
        inspect(&[]).unwrap_err().to_string(),
        "document.empty: This file is empty (0 bytes)"
    );
}

#[test]
fn every_detected_kind_follows_the_wording_rules() {
    // tests/explain.rs lists one per variant; here every kind of refused file.
    let kinds = [
        Detected::Executable,
        Detected::Archive,
        Detected::Html,
        Detected::Gif,
        Detected::Webp,
        Detected::Heic,
        Detected::Unknown,
    ];
    for found in kinds {
        let e = DocumentError::UnsupportedType { found };
        let texts = [
            e.message(Lang::Id),
            e.message(Lang::En),
            e.hint(Lang::Id),
            e.hint(Lang::En),
        ];
        for t in &texts {
            let lower = t.to_lowercase();
            assert!(
                !lower.contains("invalid") && !lower.contains("valid"),
                "{t}"
            );
            assert!(!lower.contains("error"), "{t}");
        }
        assert_ne!(texts[0], texts[1]);
        assert_ne!(texts[2], texts[3]);
    }
}

#[test]
fn debug_never_shows_content() {
    let mut inspector = Inspector::default();
    inspector.feed(b"%PDF-1.4 NIK 3201011203900001").unwrap();
    let debug = format!("{inspector:?}");
    assert_eq!(debug, "Inspector { bytes_seen: 29, .. }");
}

// ---- Streaming equals whole, for anything ----

fn sample_files() -> Vec<Vec<u8>> {
    vec![
        jpeg(800, 600),
        jpeg(100, 80),
        jpeg_with(640, 480, 300),
        png(800, 600),
        png(10, 10),
        bmp(600, -400, false),
        bmp(640, 480, true),
        pdf(""),
        pdf("trailer << /Encrypt 2 0 R >>\n"),
        cat(&[&jpeg(800, 600), &zip()]),
        zip(),
    ]
}

#[derive(Clone, Debug)]
enum Edit {
    Set(usize, u8),
    Insert(usize, &'static [u8]),
    Cut(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let byte = prop_oneof![
        any::<u8>(),
        prop::sample::select(vec![
            0x00, 0xFF, 0xD8, 0xD9, 0xDA, 0xC0, 0xC4, b'P', b'K', 3, 4, 5, 6
        ]),
    ];
    let snippet = prop::sample::select(vec![
        &b"PK\x03\x04\x14\0\0\0\x08\0\0\0"[..],
        b"PK\x05\x06\0\0\0\0\x01\0\x01\0",
        b"/Encrypt",
        b"%%EOF",
        b"\xFF\xD9",
        b"\xFF\xDA\0\x08",
        b"\0\0\0\0IEND\xAE\x42\x60\x82",
    ]);
    prop_oneof![
        (any::<usize>(), byte).prop_map(|(i, b)| Edit::Set(i, b)),
        (any::<usize>(), snippet).prop_map(|(i, s)| Edit::Insert(i, s)),
        any::<usize>().prop_map(Edit::Cut),
    ]
}

fn apply(mut v: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        match *e {
            Edit::Set(i, b) if !v.is_empty() => {
                let i = i % v.len();
                v[i] = b;
            }
            Edit::Insert(i, s) => {
                let i = i % (v.len() + 1);
                v.splice(i..i, s.iter().copied());
            }
            Edit::Cut(i) => v.truncate(i % (v.len() + 1)),
            Edit::Set(..) => {}
        }
    }
    v
}

fn any_document() -> impl Strategy<Value = Vec<u8>> {
    let files = sample_files();
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        (
            prop::sample::select(files),
            prop::collection::vec(edit(), 0..4)
        )
            .prop_map(|(file, edits)| apply(file, &edits)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn streaming_equals_whole(bytes in any_document(), cuts in prop::collection::vec(any::<usize>(), 0..6)) {
        let whole = inspect(&bytes);
        let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
        cuts.sort_unstable();
        let mut pieces = Vec::new();
        let mut from = 0;
        for cut in cuts {
            pieces.push(&bytes[from..cut]);
            from = cut;
        }
        pieces.push(&bytes[from..]);
        prop_assert_eq!(streamed(pieces), whole);
    }
}

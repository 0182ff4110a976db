//! The type, from the first bytes only. Accepted signatures must be at offset 0 (a PDF with bytes
//! before `%PDF-` is refused: simpler, and nothing can hide in front).

use super::{Detected, FileType};

pub(super) enum Class {
    Accepted(FileType),
    Rejected(Detected),
    /// The bytes so far are the start of an accepted signature; more are needed to decide.
    NeedMore,
}

const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF];
const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const PDF: &[u8] = b"%PDF-";

/// Decides on `head`, the first bytes of the file (all of them when the file is shorter).
pub(super) fn classify(head: &[u8]) -> Class {
    for (magic, file_type) in [
        (JPEG, FileType::Jpeg),
        (PNG, FileType::Png),
        (PDF, FileType::Pdf),
    ] {
        if head.starts_with(magic) {
            return Class::Accepted(file_type);
        }
        if magic.starts_with(head) {
            return Class::NeedMore;
        }
    }
    match plausible_bmp(head) {
        Some(true) => Class::Accepted(FileType::Bmp),
        None => Class::NeedMore,
        Some(false) => Class::Rejected(detect(head)),
    }
}

fn le16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// "BM" alone is two ASCII letters (a text file can start "BMW"), so a BMP also needs a known DIB
/// header size and one colour plane. `None`: too few bytes to tell yet.
fn plausible_bmp(h: &[u8]) -> Option<bool> {
    if !h.starts_with(b"BM") {
        return if b"BM".starts_with(h) {
            None
        } else {
            Some(false)
        };
    }
    if h.len() < 18 {
        return None;
    }
    let planes_at = match le32(h, 14) {
        12 => 22,
        40 | 52 | 56 | 64 | 108 | 124 => 26,
        _ => return Some(false),
    };
    if h.len() < planes_at + 2 {
        return None;
    }
    Some(le16(h, planes_at) == 1)
}

/// What a refused file is, for the message.
fn detect(h: &[u8]) -> Detected {
    const EXECUTABLE: [&[u8]; 9] = [
        b"MZ",
        b"\x7FELF",
        &[0xFE, 0xED, 0xFA, 0xCE],
        &[0xFE, 0xED, 0xFA, 0xCF],
        &[0xCE, 0xFA, 0xED, 0xFE],
        &[0xCF, 0xFA, 0xED, 0xFE],
        // Mach-O universal binary (also a Java class file; a program either way).
        &[0xCA, 0xFE, 0xBA, 0xBE],
        b"#!",
        b"dex\n",
    ];
    const ARCHIVE: [&[u8]; 6] = [
        b"PK\x03\x04",
        b"PK\x05\x06",
        b"PK\x07\x08",
        b"Rar!\x1A\x07",
        b"7z\xBC\xAF\x27\x1C",
        &[0x1F, 0x8B],
    ];
    if EXECUTABLE.iter().any(|m| h.starts_with(m)) {
        return Detected::Executable;
    }
    if ARCHIVE.iter().any(|m| h.starts_with(m)) {
        return Detected::Archive;
    }
    if h.starts_with(b"GIF87a") || h.starts_with(b"GIF89a") {
        return Detected::Gif;
    }
    if h.starts_with(b"RIFF") && h.get(8..12) == Some(b"WEBP") {
        return Detected::Webp;
    }
    if h.get(4..8) == Some(b"ftyp") {
        // ISO media: HEIF brands (HEIC on iPhones, AVIF); MP4 and MOV videos stay Unknown.
        const HEIF: [&[u8]; 12] = [
            b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1",
            b"msf1", b"avif", b"avis",
        ];
        if h.get(8..12).is_some_and(|brand| HEIF.contains(&brand)) {
            return Detected::Heic;
        }
    }
    if is_html(h) {
        return Detected::Html;
    }
    Detected::Unknown
}

/// A web page: after an optional UTF-8 byte-order mark and white space, one of the tags a page
/// starts with.
fn is_html(h: &[u8]) -> bool {
    let h = h.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(h);
    let start = h
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(h.len());
    let h = &h[start..];
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<script",
    ]
    .iter()
    .any(|tag| h.len() >= tag.len() && h[..tag.len()].eq_ignore_ascii_case(tag))
}

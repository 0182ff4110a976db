//! What the layout needs to know about the base-14 fonts Helvetica and Helvetica-Bold: the width
//! of each character (Adobe's AFM metrics, in 1/1000 of the font size) and its byte in
//! WinAnsiEncoding, which covers Indonesian and the Latin-1 letters of names.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    /// The resource name in the page's font dictionary.
    pub fn resource(self) -> &'static [u8] {
        match self {
            Face::Regular => b"F1",
            Face::Bold => b"F2",
        }
    }

    pub fn base_font(self) -> &'static [u8] {
        match self {
            Face::Regular => b"Helvetica",
            Face::Bold => b"Helvetica-Bold",
        }
    }
}

/// Widths of the printable ASCII characters, space (32) to tilde (126).
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
    611, 722, 667, 944, 667, 667, 611, // A to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, // a to z
    334, 260, 334, 584, // { to ~
];

const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    333, 333, 584, 584, 584, 611, 975, // : to @
    722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667,
    611, 722, 667, 944, 667, 667, 611, // A to Z
    333, 278, 333, 584, 556, 333, // [ to `
    556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
    333, 611, 556, 778, 556, 556, 500, // a to z
    389, 280, 389, 584, // { to ~
];

/// The width of one encoded character in 1/1000 of the font size. Outside ASCII the widest
/// letters' width is assumed (a line then wraps a little early, never overflows), except for the
/// dashes and dots the receipt itself writes.
fn width(face: Face, byte: u8) -> u16 {
    let table = match face {
        Face::Regular => &REGULAR,
        Face::Bold => &BOLD,
    };
    match byte {
        32..=126 => table[usize::from(byte - 32)],
        0x97 => 1000, // em dash
        0x96 => 556,  // en dash
        0xB7 => 278,  // middle dot
        0x95 => 350,  // bullet
        _ => 778,
    }
}

/// The text's width in points at `size`.
pub fn text_width(face: Face, size: f32, encoded: &[u8]) -> f32 {
    let units: u32 = encoded.iter().map(|&b| u32::from(width(face, b))).sum();
    units as f32 * size / 1000.0
}

/// The text in WinAnsiEncoding; a character it lacks becomes `?`.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars().map(win_ansi).collect()
}

fn win_ansi(c: char) -> u8 {
    let code = u32::from(c);
    match code {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(code).unwrap_or(b'?'),
        _ => match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            // Tabs and line breaks inside a value read as spaces.
            '\t' | '\n' | '\r' => b' ',
            _ => b'?',
        },
    }
}

/// Greedy word wrap to `max_width` points; a word longer than a line is cut.
pub fn wrap(face: Face, size: f32, text: &str, max_width: f32) -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    for word in encode(text).split(|&b| b == b' ').filter(|w| !w.is_empty()) {
        let mut candidate = line.clone();
        if !candidate.is_empty() {
            candidate.push(b' ');
        }
        candidate.extend_from_slice(word);
        if text_width(face, size, &candidate) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone on a line; cut it when even that is too wide.
        for &byte in word {
            line.push(byte);
            if text_width(face, size, &line) > max_width && line.len() > 1 {
                let last = line.pop().unwrap_or(b'?');
                lines.push(std::mem::replace(&mut line, vec![last]));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_and_names_encode_and_the_rest_is_marked() {
        assert_eq!(encode("Rp 1.250.000"), b"Rp 1.250.000");
        assert_eq!(encode("JHT — Jaminan"), b"JHT \x97 Jaminan");
        assert_eq!(encode("Andrés"), b"Andr\xE9s");
        assert_eq!(encode("日"), b"?");
    }

    #[test]
    fn widths_follow_the_metrics() {
        assert!((text_width(Face::Regular, 10.0, b"iii") - 6.66).abs() < 0.01);
        assert!((text_width(Face::Bold, 10.0, b"W") - 9.44).abs() < 0.01);
    }

    #[test]
    fn lines_wrap_at_spaces_and_long_words_are_cut() {
        let lines = wrap(Face::Regular, 10.0, "satu dua tiga empat lima", 60.0);
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|l| text_width(Face::Regular, 10.0, l) <= 60.0)
        );
        let joined: Vec<u8> = lines.join(&b' ');
        assert_eq!(joined, b"satu dua tiga empat lima");
        let long = wrap(Face::Regular, 10.0, &"8".repeat(40), 60.0);
        assert!(long.len() > 1);
        assert_eq!(long.concat().len(), 40);
        assert_eq!(wrap(Face::Regular, 10.0, "", 60.0), vec![Vec::<u8>::new()]);
    }
}

//! Small text helpers shared by the identifier parsers.

/// Removes what people put between digits when copying a number from a card: whitespace
/// (including non-breaking spaces), dots and dashes (also the typographic dashes that phones and
/// PDFs produce). domain.md §3: "parsers strip spaces, dots and dashes first".
pub(crate) fn strip_separators(input: &str) -> String {
    input
        .chars()
        .filter(|c| !(c.is_whitespace() || is_dash(*c) || *c == '.'))
        .collect()
}

/// Hyphen-minus, the Unicode hyphens and dashes (U+2010–U+2015) and the minus sign.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// True when the string is non-empty and only ASCII digits.
pub(crate) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Replaces all but the last `keep` characters with `*`, for logs and `Debug`.
pub(crate) fn mask_tail(s: &str, keep: usize) -> String {
    let n = s.chars().count();
    let hidden = n.saturating_sub(keep);
    s.chars()
        .enumerate()
        .map(|(i, c)| if i < hidden { '*' } else { c })
        .collect()
}

/// The numeric value of a run of ASCII digits (at most 9, so no overflow).
pub(crate) fn digits_value(s: &str) -> u32 {
    s.bytes()
        .take(9)
        .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_and_masks() {
        assert_eq!(strip_separators(" 32.01-02\u{a0}12–3 "), "320102123");
        assert_eq!(mask_tail("1234567890", 4), "******7890");
        assert_eq!(mask_tail("12", 4), "12");
        assert!(all_digits("0123") && !all_digits("") && !all_digits("12a"));
        assert_eq!(digits_value("0042"), 42);
    }
}

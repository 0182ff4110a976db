//! The claim's reference number people read out on the phone: `KLM-26-7QX4-M2PA`.
//!
//! `KLM`, the two-digit year, then seven random characters and one check character in Crockford's
//! base32 (no I, L, O, U: nothing to confuse with 1 or 0). The check makes any single mistyped
//! character fail: the weighted sum of all values is 0 modulo 32, every weight is odd, and an odd
//! multiple of a non-zero difference smaller than 32 is never a multiple of 32.

use core::fmt;

use serde::{Deserialize, Serialize};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_CHARS: usize = 7;
/// Weights of the seven random characters; the check character weighs 1 and the year 17.
const WEIGHTS: [u32; RANDOM_CHARS] = [3, 5, 7, 9, 11, 13, 15];
const YEAR_WEIGHT: u32 = 17;

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reference(String);

impl Reference {
    /// A new reference for a claim submitted in `year`, from 35 random bits of `random`.
    pub fn generate(year: u16, random: u64) -> Reference {
        let yy = u32::from(year % 100);
        let mut values = [0u32; RANDOM_CHARS];
        for (i, v) in values.iter_mut().enumerate() {
            // Truncation intended: five bits per character.
            *v = ((random >> (5 * i)) & 31) as u32;
        }
        let check = (32 - weighted(yy, &values)) % 32;
        Reference::from_parts(yy, &values, check)
    }

    /// Reads a reference as people type it: any case, with or without dashes and spaces, and
    /// Crockford's substitutions (O for 0, I and L for 1). `None` when the check fails.
    pub fn parse(input: &str) -> Option<Reference> {
        let compact: Vec<u8> = input
            .bytes()
            .filter(|b| !matches!(b, b'-' | b' '))
            .map(|b| b.to_ascii_uppercase())
            .collect();
        let rest = compact.strip_prefix(b"KLM")?;
        if rest.len() != 2 + RANDOM_CHARS + 1 || !rest[..2].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let yy = u32::from(rest[0] - b'0') * 10 + u32::from(rest[1] - b'0');
        let mut values = [0u32; RANDOM_CHARS];
        for (v, b) in values.iter_mut().zip(&rest[2..2 + RANDOM_CHARS]) {
            *v = value_of(*b)?;
        }
        let check = value_of(rest[2 + RANDOM_CHARS])?;
        (weighted(yy, &values) + check)
            .is_multiple_of(32)
            .then(|| Reference::from_parts(yy, &values, check))
    }

    /// `KLM-26-7QX4-M2PA`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn from_parts(yy: u32, values: &[u32; RANDOM_CHARS], check: u32) -> Reference {
        let mut s = format!("KLM-{yy:02}-");
        for (i, v) in values.iter().chain([&check]).enumerate() {
            if i == 4 {
                s.push('-');
            }
            s.push(char::from(ALPHABET[*v as usize]));
        }
        Reference(s)
    }
}

fn weighted(yy: u32, values: &[u32; RANDOM_CHARS]) -> u32 {
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    (sum + yy * YEAR_WEIGHT) % 32
}

fn value_of(b: u8) -> Option<u32> {
    let b = match b {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        b => b,
    };
    ALPHABET
        .iter()
        .position(|a| *a == b)
        .and_then(|p| u32::try_from(p).ok())
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Reference({})", self.0)
    }
}

impl TryFrom<String> for Reference {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Reference, &'static str> {
        Reference::parse(&s).ok_or("not a Klaim reference number")
    }
}

impl From<Reference> for String {
    fn from(r: Reference) -> String {
        r.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_references_have_the_shape_and_parse_back() {
        let r = Reference::generate(2026, 0x1234_5678_9abc);
        assert_eq!(r.as_str().len(), "KLM-26-7QX4-M2PA".len());
        assert!(r.as_str().starts_with("KLM-26-"));
        assert_eq!(Reference::parse(r.as_str()), Some(r.clone()));
        let typed = r.as_str().to_lowercase().replace('-', " ");
        assert_eq!(Reference::parse(&typed), Some(r));
    }

    #[test]
    fn wrong_shapes_are_refused() {
        for s in [
            "",
            "KLM",
            "KLM-26-7QX4-M2P",
            "KLM-26-7QX4-M2PAA",
            "ABC-26-7QX4-M2PA",
            "KLM-2X-7QX4-M2PA",
            "KLM-26-7QX4-M2PU",
        ] {
            assert_eq!(Reference::parse(s), None, "{s}");
        }
    }
}

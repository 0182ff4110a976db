//! Amounts of money in whole rupiah (rupiah has no minor unit in practice; domain.md).

use core::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::{Explain, Lang};

/// A non-negative amount in rupiah. JSON: an integer (a string such as "Rp 1.250.000" is also
/// read, through [`Rupiah::parse`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rupiah(u64);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum RupiahError {
    Empty,
    Negative,
    /// Letters or symbols.
    NotDigits,
    /// Cents other than ",00" or ",-".
    Decimals,
    /// Dots or spaces not between groups of three digits ("1.25.000"), which might hide a typo.
    Grouping,
    TooLarge,
}

impl Rupiah {
    pub const ZERO: Rupiah = Rupiah(0);

    pub const fn from_u64(amount: u64) -> Rupiah {
        Rupiah(amount)
    }

    pub const fn amount(self) -> u64 {
        self.0
    }

    pub fn checked_add(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_add(other.0).map(Rupiah)
    }

    pub fn checked_sub(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_sub(other.0).map(Rupiah)
    }

    /// Reads "Rp 1.250.000", "Rp1.250.000,00", "1.250.000,-", "1 250 000" or "1250000".
    pub fn parse(input: &str) -> Result<Rupiah, RupiahError> {
        let s = input.trim();
        if s.starts_with(['-', '−']) {
            return Err(RupiahError::Negative);
        }
        let s = strip_currency(s);
        if s.starts_with(['-', '−']) {
            return Err(RupiahError::Negative);
        }
        let s = s
            .strip_suffix(",-")
            .or_else(|| s.strip_suffix(",00"))
            .unwrap_or(s)
            .trim_end();
        if s.is_empty() {
            return Err(RupiahError::Empty);
        }
        if s.contains(',') {
            return Err(
                if s.chars().all(|c| c.is_ascii_digit() || ".,".contains(c)) {
                    RupiahError::Decimals
                } else {
                    RupiahError::NotDigits
                },
            );
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ' ')
        {
            return Err(RupiahError::NotDigits);
        }
        let groups: Vec<&str> = s.split(['.', ' ']).collect();
        let grouped_well = groups.len() == 1
            || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
        if !grouped_well {
            return Err(RupiahError::Grouping);
        }
        groups
            .iter()
            .flat_map(|g| g.bytes())
            .try_fold(0u64, |acc, b| {
                acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
            })
            .map(Rupiah)
            .ok_or(RupiahError::TooLarge)
    }
}

/// Removes a leading "Rp", "Rp.", "IDR" (any case) and the spaces after it.
fn strip_currency(s: &str) -> &str {
    let lower = s.to_ascii_lowercase();
    let rest = if lower.starts_with("rp") {
        &s[2..]
    } else if lower.starts_with("idr") {
        &s[3..]
    } else {
        return s;
    };
    rest.strip_prefix('.').unwrap_or(rest).trim_start()
}

/// "Rp 1.250.000": dots between groups of three, as Indonesians write amounts.
impl fmt::Display for Rupiah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 3);
        out.push_str("Rp ");
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        f.write_str(&out)
    }
}

impl Serialize for Rupiah {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for Rupiah {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rupiah, D::Error> {
        struct RupiahVisitor;
        impl Visitor<'_> for RupiahVisitor {
            type Value = Rupiah;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole, non-negative number of rupiah")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Rupiah, E> {
                Ok(Rupiah(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Rupiah, E> {
                u64::try_from(v)
                    .map(Rupiah)
                    .map_err(|_| E::custom(RupiahError::Negative))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Rupiah, E> {
                Rupiah::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_any(RupiahVisitor)
    }
}

impl Explain for RupiahError {
    fn code(&self) -> &'static str {
        match self {
            RupiahError::Empty => "rupiah.empty",
            RupiahError::Negative => "rupiah.negative",
            RupiahError::NotDigits => "rupiah.not_digits",
            RupiahError::Decimals => "rupiah.decimals",
            RupiahError::Grouping => "rupiah.grouping",
            RupiahError::TooLarge => "rupiah.too_large",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let (id, en) = match self {
            RupiahError::Empty => ("Masukkan jumlah uang", "Enter an amount"),
            RupiahError::Negative => (
                "Jumlah tidak boleh kurang dari nol",
                "The amount cannot be below zero",
            ),
            RupiahError::NotDigits => (
                "Jumlah uang hanya berisi angka",
                "An amount contains only digits",
            ),
            RupiahError::Decimals => (
                "Jumlah ditulis dalam rupiah penuh, tanpa sen",
                "Write the amount in whole rupiah, without cents",
            ),
            RupiahError::Grouping => (
                "Titik dalam jumlah uang dipakai setiap tiga angka",
                "Dots in an amount go between groups of three digits",
            ),
            RupiahError::TooLarge => ("Jumlah ini terlalu besar", "This amount is too large"),
        };
        lang.pick(id, en).to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Contoh: 1.250.000 atau Rp 1.250.000",
            "For example: 1.250.000 or Rp 1.250.000",
        )
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match Rupiah::parse(input) {
            Ok(r) => format!("ok {} {r}", r.amount()),
            Err(e) => format!("err {}", e.code()),
        };
        assert_eq!(got, expect, "input: {input:?}");
    }

    #[test]
    fn parse() {
        let cases = [
            ("Rp 1.250.000", "ok 1250000 Rp 1.250.000"),
            ("1250000", "ok 1250000 Rp 1.250.000"),
            ("Rp1.250.000,00", "ok 1250000 Rp 1.250.000"),
            ("1.250.000,-", "ok 1250000 Rp 1.250.000"),
            ("Rp. 1.250.000,-", "ok 1250000 Rp 1.250.000"),
            ("RP 50.000.000", "ok 50000000 Rp 50.000.000"),
            ("IDR 1 250 000", "ok 1250000 Rp 1.250.000"),
            ("  0 ", "ok 0 Rp 0"),
            ("999", "ok 999 Rp 999"),
            ("1.000", "ok 1000 Rp 1.000"),
            (
                "18446744073709551615",
                "ok 18446744073709551615 Rp 18.446.744.073.709.551.615",
            ),
            ("", "err rupiah.empty"),
            ("Rp", "err rupiah.empty"),
            ("Rp ,-", "err rupiah.empty"),
            ("-5", "err rupiah.negative"),
            ("Rp -5.000", "err rupiah.negative"),
            ("−5", "err rupiah.negative"),
            ("5 juta", "err rupiah.not_digits"),
            ("1.250.000 rupiah", "err rupiah.not_digits"),
            ("$100", "err rupiah.not_digits"),
            ("1,5", "err rupiah.decimals"),
            ("1.250.000,50", "err rupiah.decimals"),
            ("1,250,000", "err rupiah.decimals"),
            ("1.5", "err rupiah.grouping"),
            ("1.25.000", "err rupiah.grouping"),
            ("1250.000", "err rupiah.grouping"),
            ("1..000", "err rupiah.grouping"),
            ("18446744073709551616", "err rupiah.too_large"),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    #[test]
    fn arithmetic_and_serde() {
        let a = Rupiah::from_u64(1_250_000);
        assert_eq!(
            a.checked_add(Rupiah::from_u64(750_000)),
            Some(Rupiah::from_u64(2_000_000))
        );
        assert_eq!(Rupiah::ZERO.checked_sub(a), None);
        assert_eq!(
            Rupiah::from_u64(u64::MAX).checked_add(Rupiah::from_u64(1)),
            None
        );
        assert_eq!(serde_json::to_string(&a).unwrap(), "1250000");
        assert_eq!(serde_json::from_str::<Rupiah>("1250000").unwrap(), a);
        assert_eq!(
            serde_json::from_str::<Rupiah>("\"Rp 1.250.000\"").unwrap(),
            a
        );
        assert!(serde_json::from_str::<Rupiah>("-1").is_err());
        assert!(serde_json::from_str::<Rupiah>("1.5").is_err());
        assert!(serde_json::from_str::<Rupiah>("\"1,5\"").is_err());
    }
}

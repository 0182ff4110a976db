//! Indonesian mobile numbers, stored in E.164.
//!
//! domain.md §3: +62, then `8[1-35-9]` and 7–10 more digits (10–13 digits written with a leading
//! 0). Landlines cannot receive the SMS and WhatsApp notices claims rely on, so they are refused.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::text::mask_tail;
use crate::{Explain, Lang};

/// A mobile number. Holds the national significant number (after +62, without the 0).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber {
    nsn: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum PhoneError {
    Empty,
    /// Letters or symbols other than +, spaces, dashes, dots and parentheses.
    NotDigits,
    /// Not `8[1-35-9]` after the country code or 0: a landline or a service number.
    NotMobile,
    /// `typed` counts the digits in national form (with the leading 0).
    TooShort {
        typed: usize,
    },
    TooLong {
        typed: usize,
    },
    /// A country code other than +62.
    ForeignCountry,
}

/// Digits after `8[1-35-9]`.
const MORE_DIGITS: core::ops::RangeInclusive<usize> = 7..=10;

impl PhoneNumber {
    /// Accepts `0812…`, `62812…`, `+62 812…`, `+62 (0)812…`, `0062 812…` and `812…`, with spaces,
    /// dashes, dots and parentheses anywhere.
    pub fn parse(input: &str) -> Result<PhoneNumber, PhoneError> {
        let mut digits = String::new();
        let mut plus = false;
        for c in input.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if digits.is_empty() && !plus => plus = true,
                '.' | '(' | ')' => {}
                c if crate::text::is_dash(c) => {}
                c if c.is_whitespace() => {}
                _ => return Err(PhoneError::NotDigits),
            }
        }
        if digits.is_empty() {
            return Err(if plus {
                PhoneError::TooShort { typed: 0 }
            } else {
                PhoneError::Empty
            });
        }
        let international = if plus {
            Some(digits.as_str())
        } else {
            digits.strip_prefix("00")
        };
        let national = match international {
            Some(rest) => rest.strip_prefix("62").ok_or(PhoneError::ForeignCountry)?,
            None => digits
                .strip_prefix("62")
                .or_else(|| digits.strip_prefix('0'))
                .unwrap_or(&digits),
        };
        // "+62 (0)812…": the trunk 0 written after the country code.
        let nsn = national.strip_prefix('0').unwrap_or(national);
        let typed = nsn.len() + 1;
        let mut chars = nsn.chars();
        match (chars.next(), chars.next()) {
            (None, _) => return Err(PhoneError::TooShort { typed }),
            (Some('8'), None | Some('1'..='3' | '5'..='9')) => {}
            _ => return Err(PhoneError::NotMobile),
        }
        let more = nsn.len() - 2.min(nsn.len());
        if more < *MORE_DIGITS.start() {
            return Err(PhoneError::TooShort { typed });
        }
        if more > *MORE_DIGITS.end() {
            return Err(PhoneError::TooLong { typed });
        }
        Ok(PhoneNumber {
            nsn: nsn.to_owned(),
        })
    }

    /// `+6281234567890`: the stored and sent form.
    pub fn e164(&self) -> String {
        format!("+62{}", self.nsn)
    }

    /// `0812-3456-7890`: grouped for reading aloud and comparing with a phone's contact list.
    pub fn national(&self) -> String {
        let n = format!("0{}", self.nsn);
        let (a, rest) = n.split_at(4);
        let (b, c) = rest.split_at(4);
        format!("{a}-{b}-{c}")
    }

    /// `+62*******7890`.
    pub fn masked(&self) -> String {
        format!("+62{}", mask_tail(&self.nsn, 4))
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;
    fn try_from(s: String) -> Result<PhoneNumber, PhoneError> {
        PhoneNumber::parse(&s)
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.e164()
    }
}

impl Explain for PhoneError {
    fn code(&self) -> &'static str {
        match self {
            PhoneError::Empty => "phone.empty",
            PhoneError::NotDigits => "phone.not_digits",
            PhoneError::NotMobile => "phone.not_mobile",
            PhoneError::TooShort { .. } => "phone.too_short",
            PhoneError::TooLong { .. } => "phone.too_long",
            PhoneError::ForeignCountry => "phone.foreign_country",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            PhoneError::Empty => lang.pick("Masukkan nomor HP Anda", "Enter your mobile number").into(),
            PhoneError::NotDigits => lang.pick("Nomor HP hanya berisi angka", "A mobile number contains only digits").into(),
            PhoneError::NotMobile => lang
                .pick(
                    "Nomor ini bukan nomor HP; nomor HP diawali 08",
                    "This is not a mobile number; mobile numbers start with 08",
                )
                .into(),
            PhoneError::TooShort { typed } => lang.pick(
                format!("Nomor HP terlalu pendek: nomor HP 10 sampai 13 angka, yang tertulis {typed} angka"),
                format!("This mobile number is too short: mobile numbers have 10 to 13 digits, this one has {typed}"),
            ),
            PhoneError::TooLong { typed } => lang.pick(
                format!("Nomor HP terlalu panjang: nomor HP 10 sampai 13 angka, yang tertulis {typed} angka"),
                format!("This mobile number is too long: mobile numbers have 10 to 13 digits, this one has {typed}"),
            ),
            PhoneError::ForeignCountry => lang
                .pick("Nomor HP harus nomor Indonesia (+62)", "The mobile number must be an Indonesian one (+62)")
                .into(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        let (id, en) = match self {
            PhoneError::NotMobile => (
                "Nomor telepon rumah atau kantor (misalnya 021-…) tidak bisa menerima SMS. Gunakan nomor HP Anda",
                "A home or office line (such as 021-…) cannot receive text messages. Use your mobile number",
            ),
            PhoneError::ForeignCountry => (
                "Gunakan nomor HP Indonesia Anda, misalnya 0812-3456-7890",
                "Use your Indonesian mobile number, for example 0812-3456-7890",
            ),
            _ => (
                "Tulis nomor HP yang aktif, misalnya 0812-3456-7890; kabar tentang klaim dikirim ke nomor ini",
                "Write an active mobile number, for example 0812-3456-7890; news about your claim is sent to it",
            ),
        };
        lang.pick(id, en).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match PhoneNumber::parse(input) {
            Ok(p) => format!("ok {} {}", p.e164(), p.national()),
            Err(e) => format!("err {}", e.code()),
        };
        assert_eq!(got, expect, "input: {input:?}");
    }

    #[test]
    fn parse() {
        let cases = [
            ("081234567890", "ok +6281234567890 0812-3456-7890"),
            ("0812-3456-7890", "ok +6281234567890 0812-3456-7890"),
            ("0812 3456 7890", "ok +6281234567890 0812-3456-7890"),
            ("+6281234567890", "ok +6281234567890 0812-3456-7890"),
            ("+62 812-3456-7890", "ok +6281234567890 0812-3456-7890"),
            ("+62 (0)812 3456 7890", "ok +6281234567890 0812-3456-7890"),
            ("6281234567890", "ok +6281234567890 0812-3456-7890"),
            ("006281234567890", "ok +6281234567890 0812-3456-7890"),
            ("81234567890", "ok +6281234567890 0812-3456-7890"),
            ("(0812) 3456.7890", "ok +6281234567890 0812-3456-7890"),
            ("0812–3456–7890", "ok +6281234567890 0812-3456-7890"),
            ("0812345678", "ok +62812345678 0812-3456-78"),
            ("08123456789", "ok +628123456789 0812-3456-789"),
            ("0812345678901", "ok +62812345678901 0812-3456-78901"),
            ("0852 1234 5678", "ok +6285212345678 0852-1234-5678"),
            ("0895-1234-5678", "ok +6289512345678 0895-1234-5678"),
            ("", "err phone.empty"),
            ("  - ", "err phone.empty"),
            ("0812345678a", "err phone.not_digits"),
            ("0812/3456/7890", "err phone.not_digits"),
            ("62+81234567890", "err phone.not_digits"),
            ("021 5551234", "err phone.not_mobile"),
            ("(021) 555-1234", "err phone.not_mobile"),
            ("+62 21 5551234", "err phone.not_mobile"),
            ("0841234567890", "err phone.not_mobile"),
            ("0801234567890", "err phone.not_mobile"),
            ("0", "err phone.too_short"),
            ("+", "err phone.too_short"),
            ("+62", "err phone.too_short"),
            ("08", "err phone.too_short"),
            ("081234567", "err phone.too_short"),
            ("08123456789012", "err phone.too_long"),
            ("+6281234567890123", "err phone.too_long"),
            ("+1 415 555 0100", "err phone.foreign_country"),
            ("+65 8123 4567", "err phone.foreign_country"),
            ("0065 8123 4567", "err phone.foreign_country"),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    #[test]
    fn masked_and_serde() {
        let p = PhoneNumber::parse("0812-3456-7890").unwrap();
        assert_eq!(p.masked(), "+62*******7890");
        assert_eq!(format!("{p:?}"), "PhoneNumber(+62*******7890)");
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"+6281234567890\"");
        assert_eq!(
            serde_json::from_str::<PhoneNumber>("\"0812 3456 7890\"").unwrap(),
            p
        );
        assert!(serde_json::from_str::<PhoneNumber>("\"021 5551234\"").is_err());
    }
}

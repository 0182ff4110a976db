//! The 6-digit one-time code sent by SMS or e-mail to verify a phone number or an e-mail
//! address, and to reset a password. Expiry (10 minutes) and tries (5) are the server's business.

use core::fmt;

use crate::text::strip_separators;
use crate::{Explain, Lang};

pub const CODE_DIGITS: usize = 6;

#[derive(Clone, PartialEq, Eq)]
pub struct OneTimeCode {
    digits: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum OneTimeCodeError {
    Empty,
    NotDigits,
    Length { typed: usize },
}

impl OneTimeCode {
    /// Accepts what people paste from a message: "123 456", "123-456".
    pub fn parse(input: &str) -> Result<OneTimeCode, OneTimeCodeError> {
        let digits = strip_separators(input);
        if digits.is_empty() {
            return Err(OneTimeCodeError::Empty);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(OneTimeCodeError::NotDigits);
        }
        if digits.len() != CODE_DIGITS {
            return Err(OneTimeCodeError::Length {
                typed: digits.chars().count(),
            });
        }
        Ok(OneTimeCode { digits })
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }
}

impl fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeCode(******)")
    }
}

impl Explain for OneTimeCodeError {
    fn code(&self) -> &'static str {
        match self {
            OneTimeCodeError::Empty => "code.empty",
            OneTimeCodeError::NotDigits => "code.not_digits",
            OneTimeCodeError::Length { .. } => "code.length",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            OneTimeCodeError::Empty => lang
                .pick("Masukkan kode verifikasi", "Enter the verification code")
                .into(),
            OneTimeCodeError::NotDigits => lang
                .pick(
                    "Kode verifikasi hanya berisi angka",
                    "The verification code contains only digits",
                )
                .into(),
            OneTimeCodeError::Length { typed } => lang.pick(
                format!("Kode verifikasi terdiri dari 6 angka; yang tertulis {typed}"),
                format!("The verification code has 6 digits; this one has {typed}"),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Kode ada di SMS atau email terakhir dari Klaim; kode berlaku 10 menit",
            "The code is in the latest SMS or e-mail from Klaim; it is valid for 10 minutes",
        )
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let got = match OneTimeCode::parse(input) {
            Ok(code) => code.as_str().to_owned(),
            Err(e) => e.code().to_owned(),
        };
        assert_eq!(got, expected, "input {input:?}");
    }

    #[test]
    fn codes() {
        check("123456", "123456");
        check(" 123 456 ", "123456");
        check("123-456", "123456");
        check("", "code.empty");
        check("   ", "code.empty");
        check("12345a", "code.not_digits");
        check("12345", "code.length");
        check("1234567", "code.length");
        check("١٢٣٤٥٦", "code.not_digits");
    }

    #[test]
    fn a_code_never_prints() {
        assert_eq!(
            format!("{:?}", OneTimeCode::parse("123456").unwrap()),
            "OneTimeCode(******)"
        );
    }
}

//! NPWP, the tax number. domain.md §3; PMK 112/2022: since 1 July 2024 a resident individual's
//! NPWP is their NIK. The old 15-digit form `ST.SSS.SSS.C-OOO.BBB` carries a Luhn check digit
//! (C) over the first eight, but some real numbers fail it, so a failure is only a warning.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::nik::Nik;
use crate::text::{mask_tail, strip_separators};
use crate::{Explain, Lang, Severity};

#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Npwp {
    digits: String,
    kind: NpwpKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NpwpKind {
    /// 16 digits that are a NIK.
    Nik,
    /// The old 15 digits.
    Old15,
    /// "0" followed by the old 15 digits (the 16-digit form of a non-NIK NPWP).
    Old16,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum NpwpError {
    Empty,
    NotDigits,
    /// Neither 15 nor 16 digits.
    Length {
        typed: usize,
    },
    /// 16 digits, not starting with 0, and not laid out like a NIK.
    NotNik,
    /// 00.000.000.0-000.000 is written on forms by people who have no NPWP.
    AllZeros,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NpwpWarning {
    /// The 9th digit of the old form does not fit the Luhn check over the first eight.
    ChecksumMismatch,
}

impl Npwp {
    pub fn parse(input: &str) -> Result<Npwp, NpwpError> {
        let digits = strip_separators(input);
        if digits.is_empty() {
            return Err(NpwpError::Empty);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NpwpError::NotDigits);
        }
        if digits.bytes().all(|b| b == b'0') {
            return Err(NpwpError::AllZeros);
        }
        let kind = match digits.len() {
            15 => NpwpKind::Old15,
            16 if Nik::parse(&digits).is_ok() => NpwpKind::Nik,
            // A NIK never starts with 0 (no province code does), so the two 16-digit forms are apart.
            16 if digits.starts_with('0') => NpwpKind::Old16,
            16 => return Err(NpwpError::NotNik),
            typed => return Err(NpwpError::Length { typed }),
        };
        Ok(Npwp { digits, kind })
    }

    /// The digits as stored: 15 or 16.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn kind(&self) -> NpwpKind {
        self.kind
    }

    /// The NIK, when this NPWP is one.
    pub fn nik(&self) -> Option<Nik> {
        (self.kind == NpwpKind::Nik)
            .then(|| Nik::parse(&self.digits).ok())
            .flatten()
    }

    /// The old 15 digits, for both old kinds.
    pub fn old_15(&self) -> Option<&str> {
        match self.kind {
            NpwpKind::Nik => None,
            NpwpKind::Old15 => Some(&self.digits),
            NpwpKind::Old16 => Some(&self.digits[1..]),
        }
    }

    /// `12.345.678.9-012.345` for the old kinds (Old16 shown without its leading 0, as on the
    /// NPWP card); the 16 digits for a NIK.
    pub fn formatted(&self) -> String {
        match self.old_15() {
            Some(d) => format!(
                "{}.{}.{}.{}-{}.{}",
                &d[0..2],
                &d[2..5],
                &d[5..8],
                &d[8..9],
                &d[9..12],
                &d[12..15]
            ),
            None => self.digits.clone(),
        }
    }

    pub fn warnings(&self) -> Vec<NpwpWarning> {
        match self.old_15() {
            Some(d) if !luhn_ok(&d[..9]) => vec![NpwpWarning::ChecksumMismatch],
            _ => vec![],
        }
    }

    pub fn masked(&self) -> String {
        mask_tail(&self.digits, 4)
    }
}

/// Luhn (mod 10): from the right, every second digit doubled (9 subtracted when above 9).
fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

impl fmt::Debug for Npwp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Npwp({:?} {})", self.kind, self.masked())
    }
}

impl TryFrom<String> for Npwp {
    type Error = NpwpError;
    fn try_from(s: String) -> Result<Npwp, NpwpError> {
        Npwp::parse(&s)
    }
}

impl From<Npwp> for String {
    fn from(n: Npwp) -> String {
        n.digits
    }
}

impl Explain for NpwpError {
    fn code(&self) -> &'static str {
        match self {
            NpwpError::Empty => "npwp.empty",
            NpwpError::NotDigits => "npwp.not_digits",
            NpwpError::Length { .. } => "npwp.length",
            NpwpError::NotNik => "npwp.not_nik",
            NpwpError::AllZeros => "npwp.all_zeros",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            NpwpError::Empty => lang.pick("Masukkan NPWP Anda", "Enter your NPWP").into(),
            NpwpError::NotDigits => lang
                .pick("NPWP hanya berisi angka", "An NPWP contains only digits")
                .into(),
            NpwpError::Length { typed } => lang.pick(
                format!("NPWP harus 15 atau 16 angka; yang tertulis {typed} angka"),
                format!("An NPWP must have 15 or 16 digits; this one has {typed}"),
            ),
            NpwpError::NotNik => lang
                .pick(
                    "NPWP 16 angka adalah NIK Anda, tetapi angka ini tidak tersusun seperti NIK",
                    "A 16-digit NPWP is your NIK, but this number is not laid out like a NIK",
                )
                .into(),
            NpwpError::AllZeros => lang
                .pick(
                    "NPWP tidak boleh berisi nol semua",
                    "An NPWP cannot be all zeros",
                )
                .into(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        let (id, en) = match self {
            NpwpError::AllZeros => (
                "Jika Anda belum punya NPWP, kosongkan kolom ini",
                "If you have no NPWP, leave this field empty",
            ),
            _ => (
                "Sejak 1 Juli 2024, NPWP orang pribadi adalah NIK di KTP Anda. NPWP lama (15 angka) ada di kartu NPWP",
                "Since 1 July 2024 a person's NPWP is the NIK on their ID card (KTP). The old 15-digit NPWP is on the NPWP card",
            ),
        };
        lang.pick(id, en).to_owned()
    }
}

impl Explain for NpwpWarning {
    fn code(&self) -> &'static str {
        match self {
            NpwpWarning::ChecksumMismatch => "npwp.checksum",
        }
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn message(&self, lang: Lang) -> String {
        lang.pick(
            "NPWP ini mungkin salah ketik: angka ke-9 tidak sesuai dengan delapan angka sebelumnya",
            "This NPWP may have a typo: its 9th digit does not fit the eight before it",
        )
        .to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Cocokkan dengan kartu NPWP Anda. Jika sudah sama, Anda bisa lanjut",
            "Compare with your NPWP card. If it matches, you can continue",
        )
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match Npwp::parse(input) {
            Ok(n) => {
                let w: Vec<&str> = n.warnings().iter().map(|w| w.code()).collect();
                format!("ok {:?} {} {} {w:?}", n.kind(), n.as_str(), n.formatted())
            }
            Err(e) => format!("err {}", e.code()),
        };
        assert_eq!(got, expect, "input: {input:?}");
    }

    #[test]
    fn parse() {
        let cases = [
            (
                "09.254.294.3-407.000",
                "ok Old15 092542943407000 09.254.294.3-407.000 []",
            ),
            (
                "092542943407000",
                "ok Old15 092542943407000 09.254.294.3-407.000 []",
            ),
            (
                "01.234.567.4-123.000",
                "ok Old15 012345674123000 01.234.567.4-123.000 []",
            ),
            // Luhn fails: a warning, never an error.
            (
                "09.254.294.4-407.000",
                "ok Old15 092542944407000 09.254.294.4-407.000 [\"npwp.checksum\"]",
            ),
            (
                "0092542943407000",
                "ok Old16 0092542943407000 09.254.294.3-407.000 []",
            ),
            (
                "0092542944407000",
                "ok Old16 0092542944407000 09.254.294.4-407.000 [\"npwp.checksum\"]",
            ),
            (
                "3201 0112 0390 0001",
                "ok Nik 3201011203900001 3201011203900001 []",
            ),
            ("", "err npwp.empty"),
            (" .- ", "err npwp.empty"),
            ("09.254.294.3/407.000", "err npwp.not_digits"),
            ("NPWP092542943407000", "err npwp.not_digits"),
            ("09254294340700", "err npwp.length"),
            ("32010112039000011", "err npwp.length"),
            ("3201011203900000", "err npwp.not_nik"),
            ("9901011203900001", "err npwp.not_nik"),
            ("00.000.000.0-000.000", "err npwp.all_zeros"),
            ("0000000000000000", "err npwp.all_zeros"),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    #[test]
    fn luhn() {
        assert!(luhn_ok("092542943") && luhn_ok("012345674") && luhn_ok("79927398713"));
        assert!(!luhn_ok("092542944") && !luhn_ok("79927398710"));
    }

    #[test]
    fn parts_masking_and_serde() {
        let n = Npwp::parse("3201011203900001").unwrap();
        assert_eq!(n.nik().map(|n| n.masked()), Some("************0001".into()));
        assert_eq!(n.old_15(), None);
        let old = Npwp::parse("0092542943407000").unwrap();
        assert_eq!(old.old_15(), Some("092542943407000"));
        assert_eq!(old.nik(), None);
        assert_eq!(format!("{old:?}"), "Npwp(Old16 ************7000)");
        assert_eq!(serde_json::to_string(&old).unwrap(), "\"0092542943407000\"");
        assert_eq!(
            serde_json::from_str::<Npwp>("\"09.254.294.3-407.000\"")
                .unwrap()
                .kind(),
            NpwpKind::Old15
        );
        assert!(serde_json::from_str::<Npwp>("\"123\"").is_err());
    }
}

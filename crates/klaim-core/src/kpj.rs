//! KPJ (Kartu Peserta Jamsostek), the BPJS Ketenagakerjaan membership number.
//!
//! domain.md §3: usually 11 digits, no known check digit; accept 10–15 with a soft warning
//! outside 11. One person can hold several KPJs (one per employer).

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{mask_tail, strip_separators};
use crate::{Explain, Lang, Severity};

/// Lengths accepted at all; outside this the number is surely mistyped.
pub const KPJ_LENGTHS: core::ops::RangeInclusive<usize> = 10..=15;
/// The usual length.
pub const KPJ_USUAL_LENGTH: usize = 11;

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Kpj {
    digits: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum KpjError {
    Empty,
    NotDigits,
    TooShort { typed: usize },
    TooLong { typed: usize },
}

/// Accepted, but worth a second look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KpjWarning {
    /// Not the usual 11 digits.
    UnusualLength { typed: usize },
}

impl Kpj {
    pub fn parse(input: &str) -> Result<Kpj, KpjError> {
        let digits = strip_separators(input);
        if digits.is_empty() {
            return Err(KpjError::Empty);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(KpjError::NotDigits);
        }
        let typed = digits.len();
        if typed < *KPJ_LENGTHS.start() {
            return Err(KpjError::TooShort { typed });
        }
        if typed > *KPJ_LENGTHS.end() {
            return Err(KpjError::TooLong { typed });
        }
        Ok(Kpj { digits })
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn warnings(&self) -> Vec<KpjWarning> {
        let typed = self.digits.len();
        if typed == KPJ_USUAL_LENGTH {
            vec![]
        } else {
            vec![KpjWarning::UnusualLength { typed }]
        }
    }

    /// Only the last four digits visible.
    pub fn masked(&self) -> String {
        mask_tail(&self.digits, 4)
    }
}

impl fmt::Debug for Kpj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kpj({})", self.masked())
    }
}

impl TryFrom<String> for Kpj {
    type Error = KpjError;
    fn try_from(s: String) -> Result<Kpj, KpjError> {
        Kpj::parse(&s)
    }
}

impl From<Kpj> for String {
    fn from(k: Kpj) -> String {
        k.digits
    }
}

const WHERE_TO_FIND: (&str, &str) = (
    "Nomor KPJ ada di kartu peserta BPJS Ketenagakerjaan dan di aplikasi JMO",
    "The KPJ number is on your BPJS Ketenagakerjaan membership card and in the JMO app",
);

impl Explain for KpjError {
    fn code(&self) -> &'static str {
        match self {
            KpjError::Empty => "kpj.empty",
            KpjError::NotDigits => "kpj.not_digits",
            KpjError::TooShort { .. } => "kpj.too_short",
            KpjError::TooLong { .. } => "kpj.too_long",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            KpjError::Empty => lang
                .pick("Masukkan nomor KPJ Anda", "Enter your KPJ number")
                .into(),
            KpjError::NotDigits => lang
                .pick(
                    "Nomor KPJ hanya berisi angka",
                    "A KPJ number contains only digits",
                )
                .into(),
            KpjError::TooShort { typed } => lang.pick(
                format!("Nomor KPJ paling sedikit 10 angka; yang tertulis {typed} angka"),
                format!("A KPJ number has at least 10 digits; this one has {typed}"),
            ),
            KpjError::TooLong { typed } => lang.pick(
                format!("Nomor KPJ paling banyak 15 angka; yang tertulis {typed} angka"),
                format!("A KPJ number has at most 15 digits; this one has {typed}"),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(WHERE_TO_FIND.0, WHERE_TO_FIND.1).to_owned()
    }
}

impl Explain for KpjWarning {
    fn code(&self) -> &'static str {
        match self {
            KpjWarning::UnusualLength { .. } => "kpj.unusual_length",
        }
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            KpjWarning::UnusualLength { typed } => lang.pick(
                format!("Nomor KPJ biasanya 11 angka; yang tertulis {typed} angka"),
                format!("KPJ numbers usually have 11 digits; this one has {typed}"),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Cocokkan dengan kartu peserta atau aplikasi JMO. Jika sudah sama, Anda bisa lanjut",
            "Compare with your membership card or the JMO app. If it matches, you can continue",
        )
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match Kpj::parse(input) {
            Ok(k) => {
                let w: Vec<&str> = k.warnings().iter().map(|w| w.code()).collect();
                format!("ok {} {w:?}", k.as_str())
            }
            Err(e) => format!("err {}", e.code()),
        };
        assert_eq!(got, expect, "input: {input:?}");
    }

    #[test]
    fn parse() {
        let cases = [
            ("12345678901", "ok 12345678901 []"),
            (" 123 4567 8901 ", "ok 12345678901 []"),
            ("123.4567.890-1", "ok 12345678901 []"),
            ("1234567890", "ok 1234567890 [\"kpj.unusual_length\"]"),
            (
                "123456789012345",
                "ok 123456789012345 [\"kpj.unusual_length\"]",
            ),
            ("", "err kpj.empty"),
            (" - ", "err kpj.empty"),
            ("KPJ12345678901", "err kpj.not_digits"),
            ("1234567890l", "err kpj.not_digits"),
            ("123456789", "err kpj.too_short"),
            ("1", "err kpj.too_short"),
            ("1234567890123456", "err kpj.too_long"),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    #[test]
    fn masked_and_serde() {
        let k = Kpj::parse("12345678901").unwrap();
        assert_eq!(format!("{k:?}"), "Kpj(*******8901)");
        assert_eq!(serde_json::to_string(&k).unwrap(), "\"12345678901\"");
        assert_eq!(serde_json::from_str::<Kpj>("\"123 4567 8901\"").unwrap(), k);
        assert!(serde_json::from_str::<Kpj>("\"12\"").is_err());
    }
}

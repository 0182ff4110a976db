//! The 38 provinces by their two-digit Kemendagri code, the first two digits of a NIK.
//!
//! domain.md §3; the Minister of Home Affairs' area-code decree (kode wilayah), where the four
//! Papua provinces created in 2022 got 93–96. A NIK keeps the code of its first registration, so a province read from a NIK is
//! where the NIK was issued, not where the person lives now.

use core::fmt;

use serde::{Deserialize, Serialize};

/// A province, by code. Only the 38 codes in [`PROVINCES`] exist.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Province {
    code: u8,
}

/// Code and official name, in code order.
pub const PROVINCES: [(u8, &str); 38] = [
    (11, "Aceh"),
    (12, "Sumatera Utara"),
    (13, "Sumatera Barat"),
    (14, "Riau"),
    (15, "Jambi"),
    (16, "Sumatera Selatan"),
    (17, "Bengkulu"),
    (18, "Lampung"),
    (19, "Kepulauan Bangka Belitung"),
    (21, "Kepulauan Riau"),
    // Named Daerah Khusus Jakarta by UU 2/2024; KTPs and people still say DKI Jakarta.
    (31, "DKI Jakarta"),
    (32, "Jawa Barat"),
    (33, "Jawa Tengah"),
    (34, "Daerah Istimewa Yogyakarta"),
    (35, "Jawa Timur"),
    (36, "Banten"),
    (51, "Bali"),
    (52, "Nusa Tenggara Barat"),
    (53, "Nusa Tenggara Timur"),
    (61, "Kalimantan Barat"),
    (62, "Kalimantan Tengah"),
    (63, "Kalimantan Selatan"),
    (64, "Kalimantan Timur"),
    (65, "Kalimantan Utara"),
    (71, "Sulawesi Utara"),
    (72, "Sulawesi Tengah"),
    (73, "Sulawesi Selatan"),
    (74, "Sulawesi Tenggara"),
    (75, "Gorontalo"),
    (76, "Sulawesi Barat"),
    (81, "Maluku"),
    (82, "Maluku Utara"),
    (91, "Papua"),
    (92, "Papua Barat"),
    (93, "Papua Selatan"),
    (94, "Papua Tengah"),
    (95, "Papua Pegunungan"),
    (96, "Papua Barat Daya"),
];

impl Province {
    pub fn from_code(code: u8) -> Option<Province> {
        PROVINCES
            .iter()
            .any(|(c, _)| *c == code)
            .then_some(Province { code })
    }

    pub fn code(self) -> u8 {
        self.code
    }

    pub fn name(self) -> &'static str {
        PROVINCES
            .iter()
            .find(|(c, _)| *c == self.code)
            .map_or("", |(_, n)| n)
    }

    pub fn all() -> impl Iterator<Item = Province> {
        PROVINCES.iter().map(|(code, _)| Province { code: *code })
    }
}

impl fmt::Debug for Province {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Province({} {})", self.code, self.name())
    }
}

impl fmt::Display for Province {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Serde reads the two-digit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not one of the 38 province codes")]
pub struct UnknownProvince;

impl TryFrom<String> for Province {
    type Error = UnknownProvince;
    fn try_from(s: String) -> Result<Province, UnknownProvince> {
        let s = s.trim();
        let code = (s.len() == 2).then(|| s.parse::<u8>().ok()).flatten();
        code.and_then(Province::from_code).ok_or(UnknownProvince)
    }
}

impl From<Province> for String {
    fn from(p: Province) -> String {
        format!("{:02}", p.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_38_codes() {
        let expected: Vec<u8> = (11..=19)
            .chain([21])
            .chain(31..=36)
            .chain(51..=53)
            .chain(61..=65)
            .chain(71..=76)
            .chain([81, 82])
            .chain(91..=96)
            .collect();
        let got: Vec<u8> = Province::all().map(Province::code).collect();
        assert_eq!(got, expected);
        assert_eq!(got.len(), 38);
        let known = (0..=u8::MAX)
            .filter(|c| Province::from_code(*c).is_some())
            .count();
        assert_eq!(known, 38);
    }

    #[test]
    fn names() {
        let cases = [
            (11, "Aceh"),
            (31, "DKI Jakarta"),
            (32, "Jawa Barat"),
            (65, "Kalimantan Utara"),
            (96, "Papua Barat Daya"),
        ];
        for (code, name) in cases {
            assert_eq!(Province::from_code(code).map(Province::name), Some(name));
        }
        assert!(Province::from_code(20).is_none() && Province::from_code(97).is_none());
        assert!(Province::all().all(|p| !p.name().is_empty()));
    }

    #[test]
    fn serde_as_code() {
        let p = Province::from_code(32).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"32\"");
        assert_eq!(serde_json::from_str::<Province>("\"32\"").unwrap(), p);
        assert!(serde_json::from_str::<Province>("\"20\"").is_err());
        assert!(serde_json::from_str::<Province>("\"+3\"").is_err());
    }
}

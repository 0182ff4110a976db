//! NIK, the 16-digit national identity number on the KTP: `PP KK CC DDMMYY SSSS`.
//!
//! domain.md §3; UU 24/2013 (Adminduk) and Permendagri on the NIK. Province, regency or city,
//! district, birth date with day + 40 for women, then a serial from 0001. No check digit.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::province::Province;
use crate::sex::Sex;
use crate::text::{digits_value, mask_tail, strip_separators};

mod check;
mod error;
pub use check::NikMismatch;
pub use error::NikError;

/// A NIK whose structure is sound. It may still not be registered: only Dukcapil can tell.
/// `Debug` shows only the last four digits; use [`Nik::as_str`] deliberately.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nik {
    digits: [u8; 16],
}

impl Nik {
    pub fn parse(input: &str) -> Result<Nik, NikError> {
        let s = strip_separators(input);
        if s.is_empty() {
            return Err(NikError::Empty);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NikError::NotDigits);
        }
        let digits: [u8; 16] = s
            .as_bytes()
            .try_into()
            .map_err(|_| NikError::Length { typed: s.len() })?;
        let nik = Nik { digits };
        let province = nik.pair(0);
        if Province::from_code(province).is_none() {
            return Err(NikError::Province { code: province });
        }
        // 01–69 kabupaten, 71–99 kota; 00 and 70 are never assigned (domain.md §3).
        let regency = nik.regency_code();
        if regency == 0 || regency == 70 {
            return Err(NikError::Regency { code: regency });
        }
        if nik.district_code() == 0 {
            return Err(NikError::District);
        }
        let raw_day = nik.pair(6);
        if !matches!(raw_day, 1..=31 | 41..=71) {
            return Err(NikError::BirthDay { digits: raw_day });
        }
        let month = nik.birth_month();
        if !(1..=12).contains(&month) {
            return Err(NikError::BirthMonth { digits: month });
        }
        // Two-digit year: the date must exist in 19YY or 20YY (29 Feb 00 exists in 2000 only).
        let (day, yy) = (nik.birth_day(), u16::from(nik.birth_year_2()));
        if Date::new(1900 + yy, month, day).is_none() && Date::new(2000 + yy, month, day).is_none()
        {
            return Err(NikError::BirthDateImpossible {
                day,
                month,
                year_2: nik.birth_year_2(),
            });
        }
        if nik.serial() == 0 {
            return Err(NikError::Serial);
        }
        Ok(nik)
    }

    fn pair(&self, at: usize) -> u8 {
        (self.digits[at] - b'0') * 10 + (self.digits[at + 1] - b'0')
    }

    /// The 16 digits, for storage and for sending to the server. Never log this.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.digits).unwrap_or_default()
    }

    /// Where the NIK was first issued (it keeps that code after a move).
    pub fn province(&self) -> Province {
        match Province::from_code(self.pair(0)) {
            Some(p) => p,
            None => unreachable!("Nik::parse checked the province code"),
        }
    }

    pub fn regency_code(&self) -> u8 {
        self.pair(2)
    }

    /// A city (kota, codes 71–99) rather than a regency (kabupaten, 01–69).
    pub fn is_city(&self) -> bool {
        self.regency_code() > 70
    }

    pub fn district_code(&self) -> u8 {
        self.pair(4)
    }

    /// Women's NIKs carry the day of birth + 40.
    pub fn sex(&self) -> Sex {
        if self.pair(6) > 40 {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// The digits of the day as written in the NIK (41–71 for women).
    pub fn birth_day_digits(&self) -> u8 {
        self.pair(6)
    }

    /// Day of birth, 1–31 (the +40 for women taken off).
    pub fn birth_day(&self) -> u8 {
        let raw = self.pair(6);
        if raw > 40 { raw - 40 } else { raw }
    }

    pub fn birth_month(&self) -> u8 {
        self.pair(8)
    }

    /// The two-digit year (YY); the century needs other information, see [`Nik::birth_date_on`].
    pub fn birth_year_2(&self) -> u8 {
        self.pair(10)
    }

    pub fn serial(&self) -> u16 {
        u16::try_from(digits_value(&self.as_str()[12..])).unwrap_or(0)
    }

    /// The birth date with the century resolved as the latest one for which the date is real and
    /// not after `today` (someone can be 100+ only if the declared date says so; see
    /// [`Nik::check_declared`], which prefers the declared century).
    pub fn birth_date_on(&self, today: Date) -> Date {
        let (d, m, yy) = (
            self.birth_day(),
            self.birth_month(),
            u16::from(self.birth_year_2()),
        );
        let mut earliest_real = None;
        let mut century = today.year() / 100 * 100;
        while century + 99 >= crate::date::MIN_YEAR {
            if let Some(date) = Date::new(century + yy, m, d) {
                if date <= today {
                    return date;
                }
                earliest_real = Some(date);
            }
            century = match century.checked_sub(100) {
                Some(c) => c,
                None => break,
            };
        }
        // Only when `today` is before every reading (a clock far in the past): the earliest one.
        earliest_real
            .or_else(|| Date::new(1900 + yy, m, d))
            .or_else(|| Date::new(2000 + yy, m, d))
            .unwrap_or(Date::MIN)
    }

    /// `************3456`: safe for logs and screens that only need to recognise the number.
    pub fn masked(&self) -> String {
        mask_tail(self.as_str(), 4)
    }
}

impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nik({})", self.masked())
    }
}

impl TryFrom<String> for Nik {
    type Error = NikError;
    fn try_from(s: String) -> Result<Nik, NikError> {
        Nik::parse(&s)
    }
}

impl From<Nik> for String {
    fn from(n: Nik) -> String {
        n.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests;

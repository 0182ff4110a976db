//! Calendar dates without a clock: the proleptic Gregorian calendar, years 1800..=9999.
//!
//! Today's date is always a parameter (DESIGN.md: no clock reads in klaim-core).

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::{Explain, Lang};

mod names;
pub use names::Weekday;
pub(crate) use names::month_from_name as names_month_from_name;

/// The earliest and latest years a [`Date`] can hold. 1800 leaves room for old records while
/// keeping two-digit NIK years unambiguous; 9999 keeps the ISO form four digits.
pub const MIN_YEAR: u16 = 1800;
pub const MAX_YEAR: u16 = 9999;

/// A real calendar day. Field order y, m, d makes the derived `Ord` chronological.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    y: u16,
    m: u8,
    d: u8,
}

/// Why a date string could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum DateError {
    Empty,
    /// Not `YYYY-MM-DD` (or, for [`Date::parse_words`], not `24 November 2026`).
    Format,
    /// Well formed but not on the calendar, e.g. 2026-02-30.
    Impossible,
    /// Outside 1800..=9999.
    OutOfRange,
}

pub fn is_leap_year(y: u16) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

/// Days in a month (0 for a month outside 1..=12).
pub fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// 1800-01-01, the earliest date there is.
    pub const MIN: Date = Date {
        y: MIN_YEAR,
        m: 1,
        d: 1,
    };
    /// 9999-12-31, the latest date there is.
    pub const MAX: Date = Date {
        y: MAX_YEAR,
        m: 12,
        d: 31,
    };

    /// The date, if it is on the calendar and within 1800..=9999.
    pub fn new(y: u16, m: u8, d: u8) -> Option<Date> {
        let ok = (MIN_YEAR..=MAX_YEAR).contains(&y) && d >= 1 && d <= days_in_month(y, m);
        ok.then_some(Date { y, m, d })
    }

    /// Reads `YYYY-MM-DD` (surrounding spaces allowed).
    pub fn parse_iso(input: &str) -> Result<Date, DateError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(DateError::Empty);
        }
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return Err(DateError::Format);
        }
        let num = |r: core::ops::Range<usize>| crate::text::digits_value(&s[r]);
        Date::checked(num(0..4), num(5..7), num(8..10))
    }

    /// Reads `24 November 2026` or `24 Nov 2026`, Indonesian or English month names, any case.
    pub fn parse_words(input: &str) -> Result<Date, DateError> {
        let parts: Vec<&str> = input.split_whitespace().collect();
        match parts.as_slice() {
            [] => Err(DateError::Empty),
            [d, m, y] => {
                let d_ok = (1..=2).contains(&d.len()) && crate::text::all_digits(d);
                let y_ok = y.len() == 4 && crate::text::all_digits(y);
                match (d_ok, names::month_from_name(m), y_ok) {
                    (true, Some(m), true) => Date::checked(
                        crate::text::digits_value(y),
                        u32::from(m),
                        crate::text::digits_value(d),
                    ),
                    _ => Err(DateError::Format),
                }
            }
            _ => Err(DateError::Format),
        }
    }

    /// Builds a date from numbers as read, telling "out of range" apart from "not a date".
    pub(crate) fn checked(y: u32, m: u32, d: u32) -> Result<Date, DateError> {
        let y16 = u16::try_from(y)
            .ok()
            .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y));
        let Some(y) = y16 else {
            return Err(DateError::OutOfRange);
        };
        let (Ok(m), Ok(d)) = (u8::try_from(m), u8::try_from(d)) else {
            return Err(DateError::Impossible);
        };
        Date::new(y, m, d).ok_or(DateError::Impossible)
    }

    pub fn year(self) -> u16 {
        self.y
    }

    pub fn month(self) -> u8 {
        self.m
    }

    pub fn day(self) -> u8 {
        self.d
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i32 {
        let (m, d) = (i32::from(self.m), i32::from(self.d));
        let y = i32::from(self.y) - i32::from(m <= 2);
        let era = y / 400; // y >= 1799, never negative
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`]; `None` outside 1800..=9999.
    pub fn from_days_since_epoch(days: i32) -> Option<Date> {
        let z = i64::from(days) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(
            u16::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// Signed number of days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// `None` when the result leaves 1800..=9999.
    pub fn add_days(self, days: i32) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// Calendar months later, clamped to the month's end: 31 Jan + 1 month = 28 (or 29) Feb.
    pub fn add_months(self, months: u32) -> Option<Date> {
        self.shift_months(i64::from(months))
    }

    /// Calendar months earlier, clamped like [`Date::add_months`].
    pub fn sub_months(self, months: u32) -> Option<Date> {
        self.shift_months(-i64::from(months))
    }

    fn shift_months(self, delta: i64) -> Option<Date> {
        let index = i64::from(self.y) * 12 + i64::from(self.m) - 1 + delta;
        let y = u16::try_from(index.div_euclid(12)).ok()?;
        let m = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Date::new(y, m, self.d.min(days_in_month(y, m)))
    }

    /// Completed years from `birth` to `on`: the age. Someone born on 29 February turns a year
    /// older on 1 March in common years. 0 when `on` is before `birth`.
    pub fn years_between(birth: Date, on: Date) -> u32 {
        if on < birth {
            return 0;
        }
        let years = u32::from(on.y - birth.y);
        years - u32::from((on.m, on.d) < (birth.m, birth.d))
    }

    /// Completed calendar months from `from` to `to`: the largest n with
    /// `from.add_months(n) <= to`, consistent with the month-end clamping of `add_months`.
    pub fn months_between(from: Date, to: Date) -> u32 {
        if to < from {
            return 0;
        }
        let mut n =
            (u32::from(to.y) * 12 + u32::from(to.m)) - (u32::from(from.y) * 12 + u32::from(from.m));
        while n > 0 && from.add_months(n).is_none_or(|d| d > to) {
            n -= 1;
        }
        n
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3 counting from Monday = 0).
        Weekday::from_monday_index((self.days_since_epoch() + 3).rem_euclid(7))
    }

    /// `2026-11-24`.
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// `24 November 2026` / `24 Agustus 2026`: the way dates are written to people.
    pub fn format(self, lang: Lang) -> String {
        format!("{} {} {}", self.d, names::month_name(self.m, lang), self.y)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({})", self.to_iso())
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Date, DateError> {
        Date::parse_iso(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_iso()
    }
}

impl Explain for DateError {
    fn code(&self) -> &'static str {
        match self {
            DateError::Empty => "date.empty",
            DateError::Format => "date.format",
            DateError::Impossible => "date.impossible",
            DateError::OutOfRange => "date.out_of_range",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let (id, en) = match self {
            DateError::Empty => ("Masukkan tanggal", "Enter a date"),
            DateError::Format => (
                "Tulis tanggal dengan angka tahun-bulan-tanggal",
                "Write the date as year-month-day in numbers",
            ),
            DateError::Impossible => (
                "Tanggal ini tidak ada di kalender",
                "This day is not on the calendar",
            ),
            DateError::OutOfRange => (
                "Tahun harus antara 1800 dan 9999",
                "The year must be between 1800 and 9999",
            ),
        };
        lang.pick(id, en).to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        let (id, en) = match self {
            DateError::Empty | DateError::Format => (
                "Contoh: 2026-11-24 atau 24 November 2026",
                "For example: 2026-11-24 or 24 November 2026",
            ),
            DateError::Impossible => (
                "Periksa tanggal dan bulannya; Februari hanya punya 28 atau 29 hari",
                "Check the day and month; February has only 28 or 29 days",
            ),
            DateError::OutOfRange => ("Periksa angka tahunnya", "Check the year"),
        };
        lang.pick(id, en).to_owned()
    }
}

#[cfg(test)]
mod tests;

//! A person's birth date typed into three fields (day, month, year), as the forms ask for it.

use crate::date::{Date, DateError};
use crate::text::{all_digits, digits_value};
use crate::{Explain, Lang};

/// The earliest birth year accepted; older dates are almost certainly a typo.
pub const EARLIEST_BIRTH_YEAR: u16 = 1900;

/// Rules for birth dates. A namespace: the value it produces is a plain [`Date`].
pub struct BirthDate;

/// What is wrong with a typed birth date. Messages name the field ("Tanggal lahir").
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum BirthDateError {
    /// All three parts empty.
    Missing,
    MissingDay,
    MissingMonth,
    MissingYear,
    /// A part has something other than digits (month names are accepted).
    NotNumbers,
    /// The year is not written with four digits ("90" instead of "1990").
    YearFourDigits,
    /// Not on the calendar, e.g. 31 February.
    Impossible {
        day: u32,
        month: u32,
        year: u16,
    },
    InFuture {
        date: Date,
    },
    /// Before [`EARLIEST_BIRTH_YEAR`].
    TooOld {
        year: u16,
    },
}

impl BirthDate {
    /// Reads the three fields as typed (spaces trimmed; the month may also be a name such as
    /// "Agustus" or "Aug") and checks the date is real, not after `today` and not before 1900.
    pub fn from_parts(
        day: &str,
        month: &str,
        year: &str,
        today: Date,
    ) -> Result<Date, BirthDateError> {
        let (d, m, y) = (day.trim(), month.trim(), year.trim());
        match (d.is_empty(), m.is_empty(), y.is_empty()) {
            (true, true, true) => return Err(BirthDateError::Missing),
            (true, _, _) => return Err(BirthDateError::MissingDay),
            (_, true, _) => return Err(BirthDateError::MissingMonth),
            (_, _, true) => return Err(BirthDateError::MissingYear),
            _ => {}
        }
        let month_number = if all_digits(m) {
            Some(digits_value(m))
        } else {
            crate::date::names_month_from_name(m).map(u32::from)
        };
        let Some(month_number) = month_number.filter(|_| all_digits(d) && all_digits(y)) else {
            return Err(BirthDateError::NotNumbers);
        };
        if y.len() != 4 {
            return Err(BirthDateError::YearFourDigits);
        }
        let year_number = u16::try_from(digits_value(y)).unwrap_or(u16::MAX);
        if year_number < EARLIEST_BIRTH_YEAR {
            return Err(BirthDateError::TooOld { year: year_number });
        }
        let day_number = digits_value(d);
        match Date::checked(u32::from(year_number), month_number, day_number) {
            Ok(date) => BirthDate::check(date, today),
            Err(
                DateError::Empty
                | DateError::Format
                | DateError::Impossible
                | DateError::OutOfRange,
            ) => Err(BirthDateError::Impossible {
                day: day_number,
                month: month_number,
                year: year_number,
            }),
        }
    }

    /// The rules on an already-built date: not after `today`, not before 1900.
    pub fn check(date: Date, today: Date) -> Result<Date, BirthDateError> {
        if date > today {
            Err(BirthDateError::InFuture { date })
        } else if date.year() < EARLIEST_BIRTH_YEAR {
            Err(BirthDateError::TooOld { year: date.year() })
        } else {
            Ok(date)
        }
    }
}

impl Explain for BirthDateError {
    fn code(&self) -> &'static str {
        match self {
            BirthDateError::Missing => "birth_date.missing",
            BirthDateError::MissingDay => "birth_date.missing_day",
            BirthDateError::MissingMonth => "birth_date.missing_month",
            BirthDateError::MissingYear => "birth_date.missing_year",
            BirthDateError::NotNumbers => "birth_date.not_numbers",
            BirthDateError::YearFourDigits => "birth_date.year_four_digits",
            BirthDateError::Impossible { .. } => "birth_date.impossible",
            BirthDateError::InFuture { .. } => "birth_date.in_future",
            BirthDateError::TooOld { .. } => "birth_date.too_old",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            BirthDateError::Missing => lang
                .pick("Masukkan tanggal lahir Anda", "Enter your date of birth")
                .into(),
            BirthDateError::MissingDay => lang
                .pick(
                    "Masukkan tanggal pada tanggal lahir Anda",
                    "Enter the day of your date of birth",
                )
                .into(),
            BirthDateError::MissingMonth => lang
                .pick(
                    "Masukkan bulan pada tanggal lahir Anda",
                    "Enter the month of your date of birth",
                )
                .into(),
            BirthDateError::MissingYear => lang
                .pick(
                    "Masukkan tahun pada tanggal lahir Anda",
                    "Enter the year of your date of birth",
                )
                .into(),
            BirthDateError::NotNumbers => lang
                .pick(
                    "Tanggal lahir harus ditulis dengan angka",
                    "The date of birth must be written in numbers",
                )
                .into(),
            BirthDateError::YearFourDigits => lang
                .pick(
                    "Tahun lahir harus 4 angka",
                    "The year of birth must have 4 digits",
                )
                .into(),
            BirthDateError::Impossible { day, month, year } => lang.pick(
                format!("Tanggal lahir {day:02}-{month:02}-{year} tidak ada di kalender"),
                format!("The date of birth {day:02}-{month:02}-{year} is not on the calendar"),
            ),
            BirthDateError::InFuture { date } => lang.pick(
                format!(
                    "Tanggal lahir {} belum lewat; tanggal lahir harus sebelum hari ini",
                    date.format(Lang::Id)
                ),
                format!(
                    "The date of birth {} has not happened yet; it must be before today",
                    date.format(Lang::En)
                ),
            ),
            BirthDateError::TooOld { year } => lang.pick(
                format!("Tahun lahir {year} terlalu lama; tahun lahir harus 1900 atau sesudahnya"),
                format!("The year of birth {year} is too early; it must be 1900 or later"),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        let (id, en) = match self {
            BirthDateError::Missing | BirthDateError::MissingDay | BirthDateError::MissingMonth => {
                (
                    "Isi tanggal, bulan, dan tahun seperti tertulis di KTP Anda",
                    "Fill in day, month and year as written on your ID card (KTP)",
                )
            }
            BirthDateError::MissingYear | BirthDateError::YearFourDigits => (
                "Tulis tahun lengkap seperti di KTP, misalnya 1990, bukan 90",
                "Write the full year as on your ID card (KTP), for example 1990, not 90",
            ),
            BirthDateError::NotNumbers => (
                "Contoh: tanggal 17, bulan 8, tahun 1990",
                "For example: day 17, month 8, year 1990",
            ),
            BirthDateError::Impossible { .. } => (
                "Periksa tanggal dan bulan di KTP Anda; Februari hanya punya 28 atau 29 hari",
                "Check the day and month on your ID card (KTP); February has only 28 or 29 days",
            ),
            BirthDateError::InFuture { .. } | BirthDateError::TooOld { .. } => (
                "Periksa tahun lahir di KTP Anda",
                "Check the year of birth on your ID card (KTP)",
            ),
        };
        lang.pick(id, en).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(parts: (&str, &str, &str), expect: &str) {
        let today = Date::new(2026, 11, 24).unwrap();
        let got = match BirthDate::from_parts(parts.0, parts.1, parts.2, today) {
            Ok(d) => format!("ok {d}"),
            Err(e) => format!("err {}", e.code()),
        };
        assert_eq!(got, expect, "input: {parts:?}");
    }

    #[test]
    fn from_parts() {
        let cases = [
            (("17", "8", "1990"), "ok 1990-08-17"),
            ((" 07 ", "08", " 1990 "), "ok 1990-08-07"),
            (("17", "Agustus", "1990"), "ok 1990-08-17"),
            (("17", "aug", "1990"), "ok 1990-08-17"),
            (("29", "2", "2000"), "ok 2000-02-29"),
            (("24", "11", "2026"), "ok 2026-11-24"),
            (("1", "1", "1900"), "ok 1900-01-01"),
            (("", "", ""), "err birth_date.missing"),
            (("  ", " ", ""), "err birth_date.missing"),
            (("", "8", "1990"), "err birth_date.missing_day"),
            (("", "", "1990"), "err birth_date.missing_day"),
            (("17", "", "1990"), "err birth_date.missing_month"),
            (("17", "8", ""), "err birth_date.missing_year"),
            (("1a", "8", "1990"), "err birth_date.not_numbers"),
            (("17", "Agu-stus", "1990"), "err birth_date.not_numbers"),
            (("17", "8", "199O"), "err birth_date.not_numbers"),
            (("-1", "8", "1990"), "err birth_date.not_numbers"),
            (("17", "8", "90"), "err birth_date.year_four_digits"),
            (("17", "8", "01990"), "err birth_date.year_four_digits"),
            (("31", "2", "1990"), "err birth_date.impossible"),
            (("29", "2", "1900"), "err birth_date.impossible"),
            (("0", "8", "1990"), "err birth_date.impossible"),
            (("17", "13", "1990"), "err birth_date.impossible"),
            (("17", "0", "1990"), "err birth_date.impossible"),
            (("99999999999", "8", "1990"), "err birth_date.impossible"),
            (("25", "11", "2026"), "err birth_date.in_future"),
            (("1", "1", "2100"), "err birth_date.in_future"),
            (("31", "12", "1899"), "err birth_date.too_old"),
            (("1", "1", "0000"), "err birth_date.too_old"),
        ];
        for (parts, expect) in cases {
            check(parts, expect);
        }
    }

    #[test]
    fn impossible_message_names_the_date() {
        let today = Date::new(2026, 11, 24).unwrap();
        let e = BirthDate::from_parts("31", "2", "1990", today).unwrap_err();
        assert_eq!(
            e.message(Lang::Id),
            "Tanggal lahir 31-02-1990 tidak ada di kalender"
        );
    }
}

//! Calendar months (`YYYY-MM`): wages and contributions are reported per month.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::Date;

/// A calendar month, `YYYY-MM`; orders chronologically.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: u16,
    month: u8,
}

impl Month {
    pub fn new(year: u16, month: u8) -> Option<Month> {
        let ok = (1..=12).contains(&month)
            && (crate::date::MIN_YEAR..=crate::date::MAX_YEAR).contains(&year);
        ok.then_some(Month { year, month })
    }

    pub fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Reads `YYYY-MM`.
    pub fn parse(input: &str) -> Option<Month> {
        let s = input.trim().as_bytes();
        let shape = s.len() == 7
            && s[4] == b'-'
            && s.iter()
                .enumerate()
                .all(|(i, b)| i == 4 || b.is_ascii_digit());
        if !shape {
            return None;
        }
        let num =
            |r: std::ops::Range<usize>| s[r].iter().fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
        Month::new(num(0..4), u8::try_from(num(5..7)).ok()?)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(self) -> Date {
        Date::new(self.year, self.month, 1).unwrap_or(Date::MIN)
    }

    /// The following month (saturates at 9999-12).
    pub fn next(self) -> Month {
        match self.month {
            12 => Month::new(self.year + 1, 1).unwrap_or(self),
            m => Month {
                year: self.year,
                month: m + 1,
            },
        }
    }

    /// Months from `self` to `last`, both included (empty when `last` is earlier).
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        let mut next = Some(self).filter(|m| *m <= last);
        std::iter::from_fn(move || {
            let current = next?;
            next = Some(current.next()).filter(|m| *m <= last && *m != current);
            Some(current)
        })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Debug for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Month({self})")
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(text: String) -> Result<Month, String> {
        Month::parse(&text).ok_or_else(|| "expected a month as YYYY-MM".to_owned())
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_print_and_count() {
        let m = Month::parse("2024-11").unwrap();
        assert_eq!(m.to_string(), "2024-11");
        for bad in ["2024-13", "2024-00", "24-11", "2024/11", "2024-1", ""] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        let through: Vec<String> = m
            .through(Month::parse("2025-02").unwrap())
            .map(|m| m.to_string())
            .collect();
        assert_eq!(through, ["2024-11", "2024-12", "2025-01", "2025-02"]);
        assert_eq!(m.through(Month::parse("2024-10").unwrap()).count(), 0);
        assert_eq!(
            Month::parse("9999-12")
                .unwrap()
                .through(Month::parse("9999-12").unwrap())
                .count(),
            1
        );
    }
}

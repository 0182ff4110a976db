//! Month and weekday names in both interface languages.

use serde::{Deserialize, Serialize};

use crate::Lang;

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Short forms people type besides the first three letters of either language ("Agt", "Sept").
const MONTH_ABBREVIATIONS: [(&str, u8); 3] = [("agt", 8), ("sept", 9), ("pebruari", 2)];

/// The month's name; `m` must be 1..=12 (guaranteed by `Date`).
pub(crate) fn month_name(m: u8, lang: Lang) -> &'static str {
    let i = usize::from(m.clamp(1, 12) - 1);
    lang.pick(MONTHS_ID[i], MONTHS_EN[i])
}

/// A month from its full or three-letter name in either language, any case ("Agustus", "aug").
pub(crate) fn month_from_name(name: &str) -> Option<u8> {
    let lower = name.trim().trim_end_matches('.').to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    let full = |names: &[&str; 12]| names.iter().position(|n| n.to_lowercase() == lower);
    let short = |names: &[&str; 12]| {
        (lower.chars().count() == 3).then(|| {
            names
                .iter()
                .position(|n| n.to_lowercase().starts_with(&lower))
        })?
    };
    let found = full(&MONTHS_ID)
        .or_else(|| full(&MONTHS_EN))
        .or_else(|| short(&MONTHS_ID))
        .or_else(|| short(&MONTHS_EN));
    found.and_then(|i| u8::try_from(i + 1).ok()).or_else(|| {
        MONTH_ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == lower)
            .map(|(_, m)| *m)
    })
}

/// Day of the week; working-day deadlines (JKM payment in 3 working days) need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    pub(crate) fn from_monday_index(i: i32) -> Weekday {
        Weekday::ALL[usize::try_from(i.rem_euclid(7)).unwrap_or(0)]
    }

    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            Weekday::Monday => ("Senin", "Monday"),
            Weekday::Tuesday => ("Selasa", "Tuesday"),
            Weekday::Wednesday => ("Rabu", "Wednesday"),
            Weekday::Thursday => ("Kamis", "Thursday"),
            Weekday::Friday => ("Jumat", "Friday"),
            Weekday::Saturday => ("Sabtu", "Saturday"),
            Weekday::Sunday => ("Minggu", "Sunday"),
        };
        lang.pick(id, en)
    }
}

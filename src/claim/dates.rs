//! A date typed into three boxes on a question page (event date, accident date, the deceased's
//! birth date). klaim-core's `BirthDate` reads the boxes; its messages speak of "your date of
//! birth", so the app words them for the date actually asked.

use klaim_core::message::Finding;
use klaim_core::{BirthDate, BirthDateError, Date};
use leptos::prelude::*;

use super::{DateParts, Said};

/// Reads the boxes of `parts`. `not_after`: the latest date allowed (a birth date: today); event
/// dates may lie ahead (a departure), and the rules judge them.
pub fn parse_date(
    parts: DateParts,
    field: &'static str,
    not_after: Option<Date>,
) -> Result<Date, Finding> {
    let latest = not_after.or_else(|| Date::new(9999, 12, 31));
    let latest = latest.expect("a real date");
    BirthDate::from_parts(
        &parts.day.get_untracked(),
        &parts.month.get_untracked(),
        &parts.year.get_untracked(),
        latest,
    )
    .map_err(|e| said(&e).about(field))
}

fn said(e: &BirthDateError) -> Said {
    let (code, message): (
        &'static str,
        fn(&'static crate::i18n::Texts) -> &'static str,
    ) = match e {
        BirthDateError::Missing => ("date.missing", |t| t.date_missing),
        BirthDateError::MissingDay => ("date.missing_day", |t| t.date_missing_part),
        BirthDateError::MissingMonth => ("date.missing_month", |t| t.date_missing_part),
        BirthDateError::MissingYear => ("date.missing_year", |t| t.date_missing_part),
        BirthDateError::NotNumbers => ("date.not_numbers", |t| t.date_not_numbers),
        BirthDateError::YearFourDigits => ("date.year_four_digits", |t| t.date_year_four_digits),
        BirthDateError::InFuture { .. } => ("date.in_future", |t| t.date_in_future),
        BirthDateError::Impossible { .. } | BirthDateError::TooOld { .. } => {
            ("date.impossible", |t| t.date_impossible)
        }
    };
    Said {
        code,
        message,
        hint: |t| t.date_hint,
    }
}

/// The input an error summary link leads to for a date finding: the box that is missing.
pub fn date_input_id(field: &str, code: &str) -> String {
    match code {
        "date.missing_month" => format!("{field}_month"),
        "date.missing_year" | "date.year_four_digits" => format!("{field}_year"),
        _ => field.to_owned(),
    }
}

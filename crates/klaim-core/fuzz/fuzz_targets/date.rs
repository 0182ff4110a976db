#![no_main]
//! Any UTF-8 into the date parsers (ISO, words, and three birth-date fields split at newlines);
//! an accepted date must survive ISO, both languages' long form and JSON.

use klaim_core::{BirthDate, Date, Lang};
use libfuzzer_sys::fuzz_target;

fn round_trip(d: Date) {
    assert_eq!(Date::parse_iso(&d.to_iso()), Ok(d));
    assert_eq!(Date::parse_words(&d.format(Lang::Id)), Ok(d));
    assert_eq!(Date::parse_words(&d.format(Lang::En)), Ok(d));
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = Date::parse_iso(s) {
        round_trip(d);
    }
    if let Ok(d) = Date::parse_words(s) {
        round_trip(d);
    }
    let mut parts = s.splitn(3, '\n');
    let (day, month, year) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let today = Date::new(2026, 11, 24).unwrap();
    if let Ok(d) = BirthDate::from_parts(day, month, year, today) {
        assert!(d <= today);
        let again = BirthDate::from_parts(
            &d.day().to_string(),
            &d.month().to_string(),
            &d.year().to_string(),
            today,
        );
        assert_eq!(again, Ok(d));
        round_trip(d);
    }
});

use super::*;

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

fn render(r: Result<Date, DateError>) -> String {
    match r {
        Ok(d) => format!("ok {d}"),
        Err(e) => format!("err {}", e.code()),
    }
}

fn check_iso(input: &str, expect: &str) {
    assert_eq!(render(Date::parse_iso(input)), expect, "input: {input:?}");
}

fn check_words(input: &str, expect: &str) {
    assert_eq!(render(Date::parse_words(input)), expect, "input: {input:?}");
}

#[test]
fn calendar() {
    assert!(is_leap_year(2000) && is_leap_year(2024) && is_leap_year(1996));
    assert!(!is_leap_year(1900) && !is_leap_year(2100) && !is_leap_year(2026));
    let months: Vec<u8> = (1..=12).map(|m| days_in_month(2024, m)).collect();
    assert_eq!(months, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    assert_eq!(days_in_month(2023, 2), 28);
    assert_eq!(days_in_month(2023, 13), 0);
    assert!(Date::new(2024, 2, 29).is_some());
    assert!(Date::new(2023, 2, 29).is_none());
    assert!(Date::new(2026, 4, 31).is_none());
    assert!(Date::new(2026, 1, 0).is_none());
    assert!(Date::new(1799, 12, 31).is_none());
    assert_eq!(Date::new(1800, 1, 1), Some(Date::MIN));
    assert_eq!(Date::new(9999, 12, 31), Some(Date::MAX));
}

#[test]
fn parse_iso() {
    let cases = [
        ("2026-11-24", "ok 2026-11-24"),
        ("  2026-11-24\n", "ok 2026-11-24"),
        ("2024-02-29", "ok 2024-02-29"),
        ("1800-01-01", "ok 1800-01-01"),
        ("9999-12-31", "ok 9999-12-31"),
        ("", "err date.empty"),
        ("   ", "err date.empty"),
        ("2026-1-24", "err date.format"),
        ("2026/11/24", "err date.format"),
        ("24-11-2026", "err date.format"),
        ("2026-11-24T00:00", "err date.format"),
        ("+026-11-24", "err date.format"),
        ("２０２６-11-24", "err date.format"),
        ("2026-02-29", "err date.impossible"),
        ("2026-13-01", "err date.impossible"),
        ("2026-00-10", "err date.impossible"),
        ("2026-04-31", "err date.impossible"),
        ("1799-12-31", "err date.out_of_range"),
        ("0000-01-01", "err date.out_of_range"),
    ];
    for (input, expect) in cases {
        check_iso(input, expect);
    }
}

#[test]
fn parse_words() {
    let cases = [
        ("24 November 2026", "ok 2026-11-24"),
        ("17 Agustus 1945", "ok 1945-08-17"),
        ("17 august 1945", "ok 1945-08-17"),
        ("1 Mei 2000", "ok 2000-05-01"),
        ("01 May 2000", "ok 2000-05-01"),
        ("5 Okt 2010", "ok 2010-10-05"),
        ("5 Oct. 2010", "ok 2010-10-05"),
        ("9 Des 2010", "ok 2010-12-09"),
        ("9 Agt 2010", "ok 2010-08-09"),
        ("", "err date.empty"),
        ("24 November", "err date.format"),
        ("24 Nopember 2026", "err date.format"),
        ("24 11 2026", "err date.format"),
        ("24 No 2026", "err date.format"),
        ("x November 2026", "err date.format"),
        ("31 Februari 2000", "err date.impossible"),
        ("1 Januari 1700", "err date.out_of_range"),
    ];
    for (input, expect) in cases {
        check_words(input, expect);
    }
}

#[test]
fn format_in_both_languages() {
    let cases = [
        (date(2026, 11, 24), "24 November 2026", "24 November 2026"),
        (date(1945, 8, 17), "17 Agustus 1945", "17 August 1945"),
        (date(1990, 3, 12), "12 Maret 1990", "12 March 1990"),
        (date(2000, 5, 1), "1 Mei 2000", "1 May 2000"),
        (date(2000, 12, 31), "31 Desember 2000", "31 December 2000"),
    ];
    for (d, id, en) in cases {
        assert_eq!(d.format(Lang::Id), id);
        assert_eq!(d.format(Lang::En), en);
        assert_eq!(Date::parse_words(id), Ok(d));
        assert_eq!(Date::parse_words(en), Ok(d));
    }
}

#[test]
fn epoch_days_and_weekdays() {
    assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
    assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
    assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
    assert_eq!(Date::from_days_since_epoch(11_017), Some(date(2000, 3, 1)));
    assert_eq!(
        Date::from_days_since_epoch(Date::MIN.days_since_epoch() - 1),
        None
    );
    assert_eq!(
        Date::from_days_since_epoch(Date::MAX.days_since_epoch() + 1),
        None
    );
    assert_eq!(date(2026, 11, 24).weekday(), Weekday::Tuesday);
    assert_eq!(date(1945, 8, 17).weekday(), Weekday::Friday);
    assert_eq!(date(1970, 1, 1).weekday(), Weekday::Thursday);
    assert!(date(2026, 11, 29).weekday().is_weekend());
    assert_eq!(Weekday::Friday.label(Lang::Id), "Jumat");
    assert_eq!(date(2026, 1, 1).days_until(date(2026, 12, 31)), 364);
    assert_eq!(date(2026, 12, 31).days_until(date(2026, 1, 1)), -364);
}

#[test]
fn arithmetic() {
    assert_eq!(date(2026, 12, 31).add_days(1), Some(date(2027, 1, 1)));
    assert_eq!(date(2024, 2, 28).add_days(1), Some(date(2024, 2, 29)));
    assert_eq!(date(2026, 3, 1).add_days(-1), Some(date(2026, 2, 28)));
    assert_eq!(Date::MAX.add_days(1), None);
    assert_eq!(Date::MIN.add_days(i32::MIN), None);
    assert_eq!(date(2024, 1, 31).add_months(1), Some(date(2024, 2, 29)));
    assert_eq!(date(2025, 1, 31).add_months(1), Some(date(2025, 2, 28)));
    assert_eq!(date(2026, 11, 24).add_months(2), Some(date(2027, 1, 24)));
    assert_eq!(date(2026, 11, 24).add_months(0), Some(date(2026, 11, 24)));
    assert_eq!(date(2026, 3, 31).sub_months(1), Some(date(2026, 2, 28)));
    assert_eq!(date(2026, 1, 15).sub_months(13), Some(date(2024, 12, 15)));
    assert_eq!(date(9999, 12, 1).add_months(1), None);
    assert_eq!(Date::MIN.sub_months(1), None);
    assert_eq!(date(2026, 1, 1).add_months(u32::MAX), None);
}

#[test]
fn ages_and_month_counts() {
    let cases = [
        ((1990, 3, 12), (2026, 3, 11), 35),
        ((1990, 3, 12), (2026, 3, 12), 36),
        ((2000, 2, 29), (2023, 2, 28), 22),
        ((2000, 2, 29), (2023, 3, 1), 23),
        ((2000, 2, 29), (2024, 2, 29), 24),
        ((2026, 11, 24), (2026, 11, 23), 0),
    ];
    for (b, on, age) in cases {
        assert_eq!(
            Date::years_between(date(b.0, b.1, b.2), date(on.0, on.1, on.2)),
            age,
            "{b:?} {on:?}"
        );
    }
    assert_eq!(
        Date::months_between(date(2026, 1, 31), date(2026, 2, 28)),
        1
    );
    assert_eq!(
        Date::months_between(date(2026, 1, 15), date(2026, 2, 14)),
        0
    );
    assert_eq!(
        Date::months_between(date(2024, 11, 24), date(2026, 11, 24)),
        24
    );
    assert_eq!(
        Date::months_between(date(2026, 11, 24), date(2026, 1, 1)),
        0
    );
}

#[test]
fn serde_as_iso() {
    let d = date(2026, 11, 24);
    assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-24\"");
    assert_eq!(serde_json::from_str::<Date>("\"2026-11-24\"").unwrap(), d);
    assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    assert!(serde_json::from_str::<Date>("20261124").is_err());
    assert_eq!(format!("{d:?}"), "Date(2026-11-24)");
    assert!(date(2026, 1, 2) < date(2026, 2, 1) && date(2025, 12, 31) < date(2026, 1, 1));
}

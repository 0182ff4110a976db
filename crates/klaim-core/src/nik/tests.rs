use super::*;
use crate::{Explain, Lang, Severity};

fn render(r: Result<Nik, NikError>) -> String {
    match r {
        Ok(n) => format!(
            "ok {} p{} r{:02} city={} {:?} {:02}-{:02}-{:02} #{}",
            n.as_str(),
            n.province().code(),
            n.regency_code(),
            n.is_city(),
            n.sex(),
            n.birth_day(),
            n.birth_month(),
            n.birth_year_2(),
            n.serial()
        ),
        Err(e) => format!("err {}", e.code()),
    }
}

fn check(input: &str, expect: &str) {
    assert_eq!(render(Nik::parse(input)), expect, "input: {input:?}");
}

fn nik(s: &str) -> Nik {
    Nik::parse(s).unwrap()
}

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

#[test]
fn parse_valid() {
    let cases = [
        (
            "3201011203900001",
            "ok 3201011203900001 p32 r01 city=false Male 12-03-90 #1",
        ),
        (
            "3201 0112 0390 0001",
            "ok 3201011203900001 p32 r01 city=false Male 12-03-90 #1",
        ),
        (
            " 32.01.01.120390.0001 ",
            "ok 3201011203900001 p32 r01 city=false Male 12-03-90 #1",
        ),
        (
            "3201-01-120390-0001",
            "ok 3201011203900001 p32 r01 city=false Male 12-03-90 #1",
        ),
        (
            "3201015203900001",
            "ok 3201015203900001 p32 r01 city=false Female 12-03-90 #1",
        ),
        (
            "3271014101859999",
            "ok 3271014101859999 p32 r71 city=true Female 01-01-85 #9999",
        ),
        (
            "3201017103900001",
            "ok 3201017103900001 p32 r01 city=false Female 31-03-90 #1",
        ),
        (
            "3199993112990001",
            "ok 3199993112990001 p31 r99 city=true Male 31-12-99 #1",
        ),
        (
            "9669010101000001",
            "ok 9669010101000001 p96 r69 city=false Male 01-01-00 #1",
        ),
        // 29 Feb 00 exists in 2000 (leap) though not in 1900.
        (
            "3201012902000001",
            "ok 3201012902000001 p32 r01 city=false Male 29-02-00 #1",
        ),
        (
            "3201016902000001",
            "ok 3201016902000001 p32 r01 city=false Female 29-02-00 #1",
        ),
        (
            "3201012902960001",
            "ok 3201012902960001 p32 r01 city=false Male 29-02-96 #1",
        ),
    ];
    for (input, expect) in cases {
        check(input, expect);
    }
}

#[test]
fn parse_errors() {
    let cases = [
        ("", "err nik.empty"),
        ("  ", "err nik.empty"),
        ("-. -", "err nik.empty"),
        ("32010112039O0001", "err nik.not_digits"),
        ("３２０１０１１２０３９００００１", "err nik.not_digits"),
        ("3201/01/120390/0001", "err nik.not_digits"),
        ("320101120390000", "err nik.length"),
        ("32010112039000011", "err nik.length"),
        ("1", "err nik.length"),
        ("2001011203900001", "err nik.province"),
        ("9701011203900001", "err nik.province"),
        ("0001011203900001", "err nik.province"),
        ("3200011203900001", "err nik.regency"),
        ("3270011203900001", "err nik.regency"),
        ("3201001203900001", "err nik.district"),
        ("3201010003900001", "err nik.birth_day"),
        ("3201013203900001", "err nik.birth_day"),
        ("3201014003900001", "err nik.birth_day"),
        ("3201017203900001", "err nik.birth_day"),
        ("3201019903900001", "err nik.birth_day"),
        ("3201011200900001", "err nik.birth_month"),
        ("3201011213900001", "err nik.birth_month"),
        ("3201013102900001", "err nik.birth_date_impossible"),
        ("3201013104900001", "err nik.birth_date_impossible"),
        ("3201016902010001", "err nik.birth_date_impossible"),
        ("3201012902010001", "err nik.birth_date_impossible"),
        ("3201011203900000", "err nik.serial"),
    ];
    for (input, expect) in cases {
        check(input, expect);
    }
}

#[test]
fn every_province_code_parses() {
    for p in crate::Province::all() {
        let n = nik(&format!("{:02}01011203900001", p.code()));
        assert_eq!(n.province(), p);
    }
}

#[test]
fn length_message_counts_digits() {
    let e = Nik::parse("3201 0112 0390 001").unwrap_err();
    assert_eq!(e, NikError::Length { typed: 15 });
    assert_eq!(
        e.message(Lang::Id),
        "NIK harus 16 angka; yang tertulis 15 angka"
    );
    assert_eq!(
        e.message(Lang::En),
        "A NIK must have 16 digits; this one has 15"
    );
}

#[test]
fn century_resolution() {
    let today = date(2026, 11, 24);
    let cases = [
        ("3201011203900001", today, "1990-03-12"),
        ("3201012411260001", today, "2026-11-24"),
        ("3201012511260001", today, "1926-11-25"),
        ("3201012902000001", today, "2000-02-29"),
        ("3201015201050001", today, "2005-01-12"),
        ("3201011203900001", date(1950, 1, 1), "1890-03-12"),
        ("3201011203900001", date(2150, 1, 1), "2090-03-12"),
    ];
    for (input, on, expect) in cases {
        assert_eq!(
            nik(input).birth_date_on(on).to_iso(),
            expect,
            "{input} on {on}"
        );
    }
}

fn check_declared(input: &str, declared: Date, sex: Option<Sex>, expect: &[&str]) {
    let today = date(2026, 11, 24);
    let got: Vec<&str> = nik(input)
        .check_declared(declared, sex, today)
        .iter()
        .map(|m| m.code())
        .collect();
    assert_eq!(got, expect, "{input} vs {declared} {sex:?}");
}

#[test]
fn cross_check_with_declared_data() {
    let mar12 = date(1990, 3, 12);
    check_declared("3201011203900001", mar12, None, &[]);
    check_declared("3201011203900001", mar12, Some(Sex::Male), &[]);
    check_declared("3201015203900001", mar12, None, &[]);
    check_declared("3201015203900001", mar12, Some(Sex::Female), &[]);
    check_declared("3201011303900001", mar12, None, &["nik.birth_date_differs"]);
    check_declared("3201011203910001", mar12, None, &["nik.birth_date_differs"]);
    check_declared(
        "3201015203900001",
        mar12,
        Some(Sex::Male),
        &["nik.sex_differs"],
    );
    check_declared(
        "3201011203900001",
        mar12,
        Some(Sex::Female),
        &["nik.sex_differs"],
    );
    check_declared(
        "3201011303900001",
        mar12,
        Some(Sex::Female),
        &["nik.birth_date_differs", "nik.sex_differs"],
    );
    check_declared("3201011203250001", date(1925, 3, 12), None, &[]);
    check_declared(
        "3201011203900001",
        date(2027, 1, 1),
        None,
        &["nik.declared_in_future"],
    );
}

#[test]
fn mismatch_messages_name_both_dates() {
    let today = date(2026, 11, 24);
    let found = nik("3201011303900001").check_declared(date(1990, 3, 12), None, today);
    assert_eq!(
        found[0].message(Lang::Id),
        "NIK Anda menunjukkan tanggal lahir 13 Maret 1990, bukan 12 Maret 1990"
    );
    assert_eq!(
        found[0].message(Lang::En),
        "Your NIK shows the date of birth 13 March 1990, not 12 March 1990"
    );
    assert_eq!(found[0].severity(), Severity::Warning);
    // The century follows the declared date, not today's reading of YY.
    let found = nik("3201011303250001").check_declared(date(1925, 3, 12), None, today);
    assert_eq!(
        found,
        [NikMismatch::BirthDateDiffers {
            in_nik: date(1925, 3, 13),
            declared: date(1925, 3, 12)
        }]
    );
}

#[test]
fn sex_messages_explain_plus_forty() {
    let today = date(2026, 11, 24);
    let woman = nik("3201015203900001").check_declared(date(1990, 3, 12), Some(Sex::Male), today);
    assert!(woman[0].message(Lang::Id).contains("52, yaitu 12 + 40"));
    assert!(
        woman[0]
            .message(Lang::Id)
            .contains("Pada NIK perempuan, tanggal lahir ditambah 40")
    );
    let man = nik("3201011203900001").check_declared(date(1990, 3, 12), Some(Sex::Female), today);
    assert!(man[0].message(Lang::Id).contains("tanggal 12 menjadi 52"));
    assert!(man[0].message(Lang::En).contains("day 12 becomes 52"));
    assert!(man[0].hint(Lang::Id).contains("Dukcapil"));
}

#[test]
fn never_shows_the_full_number() {
    let n = nik("3201011203903456");
    assert_eq!(n.masked(), "************3456");
    assert_eq!(format!("{n:?}"), "Nik(************3456)");
    assert!(!format!("{:?}", Nik::parse("3201011203903456")).contains("32010112"));
}

#[test]
fn serde_through_the_parser() {
    let n = nik("3201011203900001");
    assert_eq!(serde_json::to_string(&n).unwrap(), "\"3201011203900001\"");
    assert_eq!(
        serde_json::from_str::<Nik>("\"3201 0112 0390 0001\"").unwrap(),
        n
    );
    assert!(serde_json::from_str::<Nik>("\"3201011203900000\"").is_err());
    assert!(serde_json::from_str::<Nik>("3201011203900001").is_err());
}

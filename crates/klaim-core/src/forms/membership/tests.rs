use super::*;
use crate::Lang;

fn today() -> Date {
    Date::new(2026, 11, 24).unwrap()
}

fn good() -> MembershipCheckInput {
    MembershipCheckInput {
        full_name: "Siti Rahayu".into(),
        nik: "3273015203900007".into(),
        kpj: "12345678901".into(),
        birth_day: "12".into(),
        birth_month: "3".into(),
        birth_year: "1990".into(),
        phone: "0812-3456-7890".into(),
    }
}

/// Renders the outcome as `ok [warnings]` or `err [errors]`, each as `field:code`.
fn render(input: &MembershipCheckInput) -> String {
    let list = |fs: &[Finding]| {
        fs.iter()
            .map(|f| format!("{}:{}", f.field.unwrap_or("-"), f.code))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match check_membership(input, today()) {
        Ok(c) => format!("ok [{}]", list(&c.warnings)),
        Err(e) => format!("err [{}]", list(&e)),
    }
}

fn check(edit: impl FnOnce(&mut MembershipCheckInput), expect: &str) {
    let mut input = good();
    edit(&mut input);
    assert_eq!(render(&input), expect, "{input:?}");
}

#[test]
fn cases() {
    check(|_| {}, "ok []");
    check(
        |i| i.kpj = "1234567890".into(),
        "ok [kpj:kpj.unusual_length]",
    );
    check(
        |i| i.birth_day = "13".into(),
        "ok [nik:nik.birth_date_differs]",
    );
    check(
        |i| {
            i.kpj = "1234567890".into();
            i.birth_day = "13".into();
        },
        "ok [nik:nik.birth_date_differs kpj:kpj.unusual_length]",
    );
    check(
        |i| i.full_name = "Siti 2".into(),
        "err [full_name:name.digits]",
    );
    check(
        |i| i.nik = "3273015203900000".into(),
        "err [nik:nik.serial]",
    );
    check(
        |i| i.birth_month = "".into(),
        "err [birth_date:birth_date.missing_month]",
    );
    check(
        |i| i.phone = "021 555 1234".into(),
        "err [phone:phone.not_mobile]",
    );
    check(
        |i| {
            i.nik = "3273015203900000".into();
            i.birth_day = "13".into();
        },
        "err [nik:nik.serial]",
    );
    check(
        |i| {
            i.kpj = "1234567890".into();
            i.phone = "".into();
        },
        "err [phone:phone.empty]",
    );
    check(
        |i| *i = MembershipCheckInput::default(),
        "err [full_name:name.empty nik:nik.empty kpj:kpj.empty birth_date:birth_date.missing phone:phone.empty]",
    );
}

#[test]
fn values_of_a_passing_form() {
    let c = check_membership(&good(), today()).unwrap();
    assert_eq!(c.name.as_str(), "Siti Rahayu");
    assert_eq!(c.nik.as_str(), "3273015203900007");
    assert_eq!(c.birth_date, Date::new(1990, 3, 12).unwrap());
    assert_eq!(c.nik_birth_date, c.birth_date);
    assert_eq!(c.phone.e164(), "+6281234567890");
    assert_eq!(c.province.name(), "Jawa Barat");
    assert_eq!(c.sex, Sex::Female);
    assert!(c.nik.is_city());
}

#[test]
fn mismatch_message_says_what_the_nik_says() {
    let mut input = good();
    input.birth_day = "13".into();
    let c = check_membership(&input, today()).unwrap();
    assert_eq!(
        c.warnings[0].message(Lang::Id),
        "NIK Anda menunjukkan tanggal lahir 12 Maret 1990, bukan 13 Maret 1990"
    );
    assert_eq!(c.warnings[0].severity, Severity::Warning);
    assert_eq!(c.birth_date, Date::new(1990, 3, 13).unwrap(), "as declared");
    assert_eq!(
        c.nik_birth_date,
        Date::new(1990, 3, 12).unwrap(),
        "as the NIK says"
    );
}

#[test]
fn input_round_trips_through_json() {
    let json = serde_json::to_string(&good()).unwrap();
    assert_eq!(
        serde_json::from_str::<MembershipCheckInput>(&json).unwrap(),
        good()
    );
    let finding = &check_membership(&MembershipCheckInput::default(), today()).unwrap_err()[0];
    let v: serde_json::Value = serde_json::to_value(finding).unwrap();
    assert_eq!(v["field"], "full_name");
    assert_eq!(v["code"], "name.empty");
    assert_eq!(v["severity"], "error");
}

use super::*;

fn nik() -> Nik {
    Nik::parse("3273015203900007").unwrap()
}

fn name() -> PersonName {
    PersonName::parse("Siti Rahayu").unwrap()
}

fn personal<'a>(nik: &'a Nik, name: &'a PersonName) -> PersonalData<'a> {
    PersonalData {
        nik: Some(nik),
        birth_date: Date::new(1990, 3, 12),
        name: Some(name),
    }
}

/// `expected`: "ok" or the codes of every broken rule, space-separated.
fn check(input: &str, expected: &str) {
    let (nik, name) = (nik(), name());
    let got = match Password::parse(input, personal(&nik, &name)) {
        Ok(_) => "ok".to_owned(),
        Err(errors) => errors
            .iter()
            .map(Explain::code)
            .collect::<Vec<_>>()
            .join(" "),
    };
    assert_eq!(got, expected, "password {input:?}");
}

#[test]
fn rules() {
    check("kopi hujan sepeda biru", "ok");
    check("Tr4ns-jakarta-pagi", "ok");
    check("8374619205", "ok");
    check("", "password.empty");
    check("pendek", "password.too_short");
    check(&"a".repeat(129), "password.too_long");
    check(&"ab1".repeat(42), "password.common");
    check("1234567890", "password.common");
    check("0987654321", "password.common");
    check("qwertyuiop", "password.common");
    check("1qaz2wsx3edc", "password.common");
    check("abcdefghijk", "password.common");
    check("password123", "password.common");
    check("Bismillah2024!", "password.common");
    check("sayangsayang", "password.common");
    check("aaaaaaaaaaaa", "password.common");
    check("1212121212", "password.common");
    check("ku32730152039000", "password.contains_nik");
    check("lahir12031990!", "password.contains_birth_date");
    check("lahir-1990-03-12", "password.contains_birth_date");
    check("rahayu-kopi-pagi", "password.contains_name");
    check("SITI.kopi.pagi", "password.contains_name");
    check("siti", "password.too_short password.contains_name");
    check("Kebun Raya 120390", "password.contains_birth_date");
}

#[test]
fn without_personal_data_only_the_general_rules_apply() {
    assert!(Password::parse("rahayu-kopi-pagi", PersonalData::default()).is_ok());
}

#[test]
fn checklist_follows_what_is_typed() {
    let (nik, name) = (nik(), name());
    let p = personal(&nik, &name);
    let met = |input: &str| checklist(input, p).map(|(_, ok)| ok);
    assert_eq!(
        met(""),
        [false, false, false],
        "nothing is met before anything is typed"
    );
    assert_eq!(met("kopi"), [false, true, true]);
    assert_eq!(met("kopi hujan sepeda"), [true, true, true]);
    assert_eq!(met("siti-kopi-hujan"), [true, true, false]);
    assert_eq!(met("1234567890"), [true, false, true]);
}

#[test]
fn the_password_never_prints() {
    let p = Password::parse("kopi hujan sepeda biru", PersonalData::default()).unwrap();
    assert_eq!(format!("{p:?}"), "Password(***)");
    assert_eq!(p.expose(), "kopi hujan sepeda biru");
}

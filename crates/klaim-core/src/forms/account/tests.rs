use super::*;
use crate::Lang;

fn today() -> Date {
    Date::new(2026, 11, 24).unwrap()
}

fn good() -> RegistrationInput {
    RegistrationInput {
        full_name: "Siti Rahayu".into(),
        nik: "3273015203900007".into(),
        kpj: "12345678901".into(),
        birth_day: "12".into(),
        birth_month: "3".into(),
        birth_year: "1990".into(),
        password: "kopi tubruk pagi hari".into(),
    }
}

/// `ok` or `err [field:code …]`.
fn render<T>(outcome: Result<T, Vec<Finding>>) -> String {
    match outcome {
        Ok(_) => "ok".into(),
        Err(e) => format!(
            "err [{}]",
            e.iter()
                .map(|f| format!("{}:{}", f.field.unwrap_or("-"), f.code))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}

fn check(edit: impl FnOnce(&mut RegistrationInput), expect: &str) {
    let mut input = good();
    edit(&mut input);
    assert_eq!(render(check_registration(&input, today())), expect);
}

#[test]
fn registration() {
    check(|_| {}, "ok");
    check(
        |i| *i = RegistrationInput::default(),
        "err [full_name:name.empty nik:nik.empty kpj:kpj.empty birth_date:birth_date.missing password:password.empty]",
    );
    check(
        |i| i.password = "pendek".into(),
        "err [password:password.too_short]",
    );
    check(
        |i| i.password = "password123".into(),
        "err [password:password.common]",
    );
    check(
        |i| i.password = "3273015203900007x".into(),
        "err [password:password.contains_nik]",
    );
    check(
        |i| i.password = "lahir 12031990 ya".into(),
        "err [password:password.contains_birth_date]",
    );
    check(
        |i| i.password = "rahayu sekali lagi".into(),
        "err [password:password.contains_name]",
    );
    // Personal data is only compared once it was read: a broken NIK does not hide the password.
    check(
        |i| {
            i.nik = "12".into();
            i.password = "3273015203900007x".into()
        },
        "err [nik:nik.length]",
    );
    check(
        |i| i.full_name = "Siti 2".into(),
        "err [full_name:name.digits]",
    );
}

fn login(login: &str, password: &str) -> String {
    render(check_login(&LoginInput {
        login: login.into(),
        password: password.into(),
    }))
}

#[test]
fn login_by_nik_or_email() {
    assert_eq!(login("3273015203900007", "x"), "ok");
    assert_eq!(login("3273 0152 0390 0007", "x"), "ok");
    assert_eq!(login("siti@example.com", "x"), "ok");
    assert_eq!(
        login("", ""),
        "err [login:login.empty password:login.password_empty]"
    );
    assert_eq!(login("  ", "x"), "err [login:login.empty]");
    assert_eq!(login("siti@", "x"), "err [login:email.domain_empty]");
    assert_eq!(login("12345", "x"), "err [login:nik.length]");
    assert_eq!(
        login("3273015203900007", &"x".repeat(129)),
        "err [password:login.password_too_long]"
    );
    let parsed = check_login(&LoginInput {
        login: "siti@EXAMPLE.com".into(),
        password: "x".into(),
    })
    .unwrap();
    assert_eq!(
        parsed.id,
        LoginId::Email(Email::parse("siti@example.com").unwrap())
    );
}

#[test]
fn codes_and_new_passwords() {
    assert_eq!(
        render(check_code(&CodeInput {
            code: "123 456".into()
        })),
        "ok"
    );
    assert_eq!(
        render(check_code(&CodeInput { code: "".into() })),
        "err [code:code.empty]"
    );
    let new = |code: &str, password: &str| {
        render(check_new_password(
            &NewPasswordInput {
                code: code.into(),
                password: password.into(),
            },
            PersonalData::default(),
        ))
    };
    assert_eq!(new("123456", "kopi tubruk pagi hari"), "ok");
    assert_eq!(
        new("12", "pendek"),
        "err [code:code.length password:password.too_short]"
    );
    assert_eq!(
        render(check_password_reset(&PasswordResetInput {
            login: "".into()
        })),
        "err [login:login.empty]"
    );
}

#[test]
fn passwords_never_print() {
    let shown = format!(
        "{:?} {:?}",
        good(),
        LoginInput {
            login: "a@b.co".into(),
            password: "rahasia-sekali".into()
        }
    );
    assert!(
        !shown.contains("kopi") && !shown.contains("rahasia"),
        "{shown}"
    );
    assert!(LoginFormError::LoginEmpty.message(Lang::Id).contains("NIK"));
}

#[test]
fn channels_and_wire_names() {
    for c in [Channel::Sms, Channel::Email] {
        assert_eq!(Channel::from_wire(c.as_str()), Some(c));
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            format!("\"{}\"", c.as_str())
        );
    }
    assert!(
        serde_json::from_str::<LoginInput>(r#"{"login":"x","password":"y","admin":true}"#).is_err()
    );
}

use super::*;

#[test]
fn catalogue() {
    let rows: Vec<String> = Bank::all()
        .iter()
        .map(|b| format!("{} {} {:?}", b.code(), b.name(), b.typical_lengths()))
        .collect();
    assert_eq!(
        rows,
        [
            "002 BRI 15..=15",
            "008 Mandiri 13..=13",
            "009 BNI 10..=10",
            "011 Danamon 10..=10",
            "013 Permata 10..=16",
            "014 BCA 10..=10",
            "022 CIMB Niaga 13..=13",
            "200 BTN 16..=16",
            "451 BSI 10..=10",
        ]
    );
    for (i, b) in Bank::all().iter().enumerate() {
        assert_eq!(CATALOGUE[i].0, *b, "catalogue order follows the enum");
        assert_eq!(Bank::from_code(b.code()), Some(*b));
        assert!(!b.full_name().is_empty());
    }
    assert_eq!(Bank::from_code("14"), Some(Bank::Bca));
    assert_eq!(Bank::from_code(" 0 1 4 "), Some(Bank::Bca));
    assert_eq!(Bank::from_code("999"), None);
    assert_eq!(Bank::from_code(""), None);
    assert_eq!(Bank::from_code("0014"), None);
}

fn check(bank: Bank, input: &str, expect: &str) {
    let got = match BankAccount::parse(bank, input) {
        Ok(a) => {
            let w: Vec<&str> = a.warnings().iter().map(|w| w.code()).collect();
            format!("ok {} {} {w:?}", a.bank().code(), a.number())
        }
        Err(e) => format!("err {}", e.code()),
    };
    assert_eq!(got, expect, "{bank:?} {input:?}");
}

#[test]
fn parse() {
    let cases = [
        (Bank::Bca, "1234567890", "ok 014 1234567890 []"),
        (Bank::Bca, "123-456-7890", "ok 014 1234567890 []"),
        (Bank::Bca, " 123 456 7890 ", "ok 014 1234567890 []"),
        (
            Bank::Bri,
            "0123-01-012345-50-1",
            "ok 002 012301012345501 []",
        ),
        (Bank::Mandiri, "123.00.1234567.8", "ok 008 1230012345678 []"),
        (Bank::Permata, "1234567890123", "ok 013 1234567890123 []"),
        (Bank::Btn, "1234567890123456", "ok 200 1234567890123456 []"),
        (
            Bank::Bca,
            "123456789012",
            "ok 014 123456789012 [\"bank_account.unusual_length\"]",
        ),
        (
            Bank::Bri,
            "123456",
            "ok 002 123456 [\"bank_account.unusual_length\"]",
        ),
        (
            Bank::Permata,
            "12345678901234567890",
            "ok 013 12345678901234567890 [\"bank_account.unusual_length\"]",
        ),
        (Bank::Bca, "", "err bank_account.empty"),
        (Bank::Bca, " - . ", "err bank_account.empty"),
        (Bank::Bca, "12345abc90", "err bank_account.not_digits"),
        (Bank::Bca, "1234/567890", "err bank_account.not_digits"),
        (Bank::Bca, "12345", "err bank_account.too_short"),
        (
            Bank::Bca,
            "123456789012345678901",
            "err bank_account.too_long",
        ),
    ];
    for (bank, input, expect) in cases {
        check(bank, input, expect);
    }
}

#[test]
fn warning_text_names_the_bank() {
    let a = BankAccount::parse(Bank::Bca, "123456789012").unwrap();
    let w = &a.warnings()[0];
    assert_eq!(
        w.message(Lang::Id),
        "Nomor rekening BCA biasanya 10 angka; yang tertulis 12 angka"
    );
    let p = BankAccount::parse(Bank::Permata, "123456789").unwrap();
    assert_eq!(
        p.warnings()[0].message(Lang::En),
        "Permata account numbers usually have 10 to 16 digits; this one has 9"
    );
}

#[test]
fn masked_and_serde() {
    let a = BankAccount::parse(Bank::Bca, "1234567890").unwrap();
    assert_eq!(format!("{a:?}"), "BankAccount(BCA ******7890)");
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(json, r#"{"bank":"014","number":"1234567890"}"#);
    assert_eq!(serde_json::from_str::<BankAccount>(&json).unwrap(), a);
    assert_eq!(
        serde_json::from_str::<BankAccount>(r#"{"bank":"14","number":"123-456-7890"}"#).unwrap(),
        a
    );
    assert!(serde_json::from_str::<BankAccount>(r#"{"bank":"014","number":"12"}"#).is_err());
    assert!(
        serde_json::from_str::<BankAccount>(r#"{"bank":"999","number":"1234567890"}"#).is_err()
    );
    assert_eq!(serde_json::to_string(&Bank::Bri).unwrap(), "\"002\"");
}

#![no_main]
//! Any UTF-8, split at newlines into the seven fields of the membership form. A form that passes
//! must pass again, with the same values, when re-typed from its canonical values (as the server
//! re-runs it on what the app sends).

use klaim_core::Date;
use klaim_core::forms::membership::{MembershipCheckInput, check_membership};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let mut f = s.splitn(7, '\n').map(str::to_owned);
    let mut next = || f.next().unwrap_or_default();
    let input = MembershipCheckInput {
        full_name: next(),
        nik: next(),
        kpj: next(),
        birth_day: next(),
        birth_month: next(),
        birth_year: next(),
        phone: next(),
    };
    let today = Date::new(2026, 11, 24).unwrap();
    match check_membership(&input, today) {
        Ok(checked) => {
            let retyped = MembershipCheckInput {
                full_name: checked.name.as_str().to_owned(),
                nik: checked.nik.as_str().to_owned(),
                kpj: checked.kpj.as_str().to_owned(),
                birth_day: checked.birth_date.day().to_string(),
                birth_month: checked.birth_date.month().to_string(),
                birth_year: checked.birth_date.year().to_string(),
                phone: checked.phone.e164(),
            };
            let again = check_membership(&retyped, today).expect("canonical values pass");
            assert_eq!(again, checked);
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            let mut fields: Vec<_> = errors.iter().map(|e| e.field).collect();
            fields.dedup();
            assert_eq!(fields.len(), errors.len(), "at most one error per field");
        }
    }
});

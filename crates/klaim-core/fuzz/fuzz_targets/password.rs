#![no_main]
//! Any UTF-8 into `Password::parse` and the checklist: they must agree — a password passes
//! exactly when every checklist line is met.

use klaim_core::password::checklist;
use klaim_core::{Date, Nik, Password, PersonName, PersonalData};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let nik = Nik::parse("3273015203900007").unwrap();
    let name = PersonName::parse("Siti Rahayu").unwrap();
    let personal = PersonalData {
        nik: Some(&nik),
        birth_date: Date::new(1990, 3, 12),
        name: Some(&name),
    };
    let passed = Password::parse(s, personal).is_ok();
    let all_met = checklist(s, personal).iter().all(|(_, met)| *met);
    assert_eq!(passed, all_met, "the checklist and the rules disagree");
});

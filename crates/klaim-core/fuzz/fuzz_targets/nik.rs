#![no_main]
//! Any UTF-8 into `Nik::parse`; an accepted NIK must survive its own canonical form and JSON, and
//! its `Debug` must not show the number.

use klaim_core::{Date, Nik};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(nik) = Nik::parse(s) {
        assert_eq!(Nik::parse(nik.as_str()), Ok(nik));
        let json = serde_json::to_string(&nik).unwrap();
        assert_eq!(serde_json::from_str::<Nik>(&json).unwrap(), nik);
        assert!(!format!("{nik:?}").contains(&nik.as_str()[..12]));
        let today = Date::new(2026, 11, 24).unwrap();
        let born = nik.birth_date_on(today);
        assert!(nik.check_declared(born, Some(nik.sex()), today).is_empty());
    }
});

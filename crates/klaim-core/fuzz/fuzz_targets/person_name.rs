#![no_main]
//! Any UTF-8 into `PersonName::parse`; an accepted name must survive its canonical form and
//! JSON, and compare as `Same` with itself. Two names (split at the first newline) must compare
//! the same way in both directions.

use klaim_core::{NameMatch, PersonName};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (first, second) = s.split_once('\n').unwrap_or((s, ""));
    if let Ok(name) = PersonName::parse(first) {
        let _ = (name.normalized(), name.masked());
        assert_eq!(PersonName::parse(name.as_str()).as_ref(), Ok(&name));
        assert_eq!(name.compare(&name), NameMatch::Same);
        let json = serde_json::to_string(&name).unwrap();
        assert_eq!(serde_json::from_str::<PersonName>(&json).unwrap(), name);
        if let Ok(other) = PersonName::parse(second) {
            assert_eq!(name.compare(&other), other.compare(&name));
        }
    }
});

#![no_main]
//! Any UTF-8 into `Email::parse`; an accepted address must survive its canonical form and JSON.

use klaim_core::Email;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(email) = Email::parse(s) {
        assert_eq!(Email::parse(email.as_str()).as_ref(), Ok(&email));
        let json = serde_json::to_string(&email).unwrap();
        assert_eq!(serde_json::from_str::<Email>(&json).unwrap(), email);
    }
});

#![no_main]
//! Any UTF-8 into `PhoneNumber::parse`; an accepted number must survive E.164, the grouped
//! national form and JSON.

use klaim_core::PhoneNumber;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(phone) = PhoneNumber::parse(s) {
        assert_eq!(PhoneNumber::parse(&phone.e164()).as_ref(), Ok(&phone));
        assert_eq!(PhoneNumber::parse(&phone.national()).as_ref(), Ok(&phone));
        let json = serde_json::to_string(&phone).unwrap();
        assert_eq!(serde_json::from_str::<PhoneNumber>(&json).unwrap(), phone);
    }
});

#![no_main]
//! Any UTF-8 into `OneTimeCode::parse`; an accepted code is six ASCII digits that parse again.

use klaim_core::OneTimeCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(code) = OneTimeCode::parse(s) {
        assert!(code.as_str().len() == 6 && code.as_str().bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(OneTimeCode::parse(code.as_str()), Ok(code));
    }
});

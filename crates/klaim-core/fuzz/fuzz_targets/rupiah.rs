#![no_main]
//! Any UTF-8 into `Rupiah::parse`; an accepted amount must survive "Rp 1.250.000" and JSON.

use klaim_core::Rupiah;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(amount) = Rupiah::parse(s) {
        assert_eq!(Rupiah::parse(&amount.to_string()), Ok(amount));
        let json = serde_json::to_string(&amount).unwrap();
        assert_eq!(serde_json::from_str::<Rupiah>(&json).unwrap(), amount);
    }
});

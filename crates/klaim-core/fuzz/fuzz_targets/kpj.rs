#![no_main]
//! Any UTF-8 into `Kpj::parse`; an accepted KPJ must survive its canonical form and JSON.

use klaim_core::Kpj;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(kpj) = Kpj::parse(s) {
        let _ = kpj.warnings();
        assert_eq!(Kpj::parse(kpj.as_str()).as_ref(), Ok(&kpj));
        let json = serde_json::to_string(&kpj).unwrap();
        assert_eq!(serde_json::from_str::<Kpj>(&json).unwrap(), kpj);
    }
});

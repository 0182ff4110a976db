#![no_main]
//! Any UTF-8 into `Npwp::parse`; an accepted NPWP must survive its digits, its dotted form and
//! JSON.

use klaim_core::Npwp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(npwp) = Npwp::parse(s) {
        let _ = npwp.warnings();
        assert_eq!(Npwp::parse(npwp.as_str()).as_ref(), Ok(&npwp));
        let again = Npwp::parse(&npwp.formatted()).unwrap();
        assert_eq!(again.old_15(), npwp.old_15());
        let json = serde_json::to_string(&npwp).unwrap();
        assert_eq!(serde_json::from_str::<Npwp>(&json).unwrap(), npwp);
    }
});

#![no_main]
//! Any UTF-8 into the short text parsers of a claim's life: the claim reference
//! (`KLM-26-7QX4-M2PA`, typed any way people type it), the month (`YYYY-MM`) and the bank's
//! transfer reference. Whatever is accepted must read back the same from its canonical form.

use klaim_core::Month;
use klaim_core::claim::{Reference, TransferReference};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(reference) = Reference::parse(s) {
        assert_eq!(
            Reference::parse(reference.as_str()),
            Some(reference.clone())
        );
        assert_eq!(
            Reference::parse(&reference.as_str().to_lowercase()),
            Some(reference)
        );
    }
    if let Some(month) = Month::parse(s) {
        assert_eq!(Month::parse(&month.to_string()), Some(month));
    }
    if let Ok(transfer) = TransferReference::parse(s) {
        assert_eq!(
            TransferReference::parse(transfer.as_str()),
            Ok(transfer.clone())
        );
        assert!((6..=40).contains(&transfer.as_str().len()));
    }
});

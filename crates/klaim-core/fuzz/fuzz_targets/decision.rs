#![no_main]
//! An officer's step as the API carries it (JSON) into `Decision::parse`, with the amount the
//! rules computed taken from the first eight bytes: whatever comes in, it must not panic, and the
//! same step must be judged the same way twice.

use klaim_core::Rupiah;
use klaim_core::api::office::OfficerStep;
use klaim_core::claim::Decision;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (amount, json) = data.split_at(8);
    let computed =
        Rupiah::from_u64(u64::from_le_bytes(amount.try_into().unwrap()) % 10_000_000_000);
    let Ok(step) = serde_json::from_slice::<OfficerStep>(json) else {
        return;
    };
    assert_eq!(
        Decision::parse(&step, computed),
        Decision::parse(&step, computed)
    );
});

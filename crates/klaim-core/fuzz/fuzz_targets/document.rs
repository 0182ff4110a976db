#![no_main]
//! Any bytes into the document checks, whole and streamed in two pieces cut at any point (the
//! first byte chooses the cut): the answers must agree, and nothing may panic.

use klaim_core::document::{Inspector, inspect};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&cut, bytes)) = data.split_first() else {
        return;
    };
    let whole = inspect(bytes);
    let cut = usize::from(cut) * bytes.len() / 255;
    let (a, b) = bytes.split_at(cut.min(bytes.len()));
    let mut inspector = Inspector::new();
    let streamed = inspector
        .feed(a)
        .and_then(|()| inspector.feed(b))
        .and_then(|()| inspector.finish());
    assert_eq!(streamed, whole);
    if let Ok(found) = &whole {
        assert_eq!(found.bytes, bytes.len() as u64);
        assert_eq!(found.dimensions.is_some(), found.file_type.is_image());
    }
});

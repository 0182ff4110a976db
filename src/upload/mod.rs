//! Browser plumbing for documents: what happens to a file between the file picker and the server.
//! Everything here runs on the phone before a byte is sent: klaim-core's byte checks, downscaling
//! of photos on a canvas, the SHA-256 through WebCrypto, and the upload itself through
//! XMLHttpRequest (the only browser API that reports upload progress).

mod digest;
mod image;
mod prepare;
mod random;
mod xhr;

pub use digest::sha256_hex;
#[cfg(test)]
pub use image::target_size;
pub use image::{LONG_SIDE, downscale};
pub use prepare::{Prepared, prepare};
#[cfg(test)]
pub use random::format_v4;
pub use random::uuid_v4;
pub use xhr::put;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag};

/// The whole content of a file or blob.
pub async fn read_bytes(blob: &Blob) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(blob.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Bytes as a blob of the given media type (for thumbnails and the upload body).
pub fn blob_of(bytes: &[u8], mime: &str) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&Uint8Array::from(bytes));
    Blob::new_with_u8_array_sequence_and_options(&parts, &options)
}

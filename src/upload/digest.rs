//! SHA-256 through WebCrypto: the server checks the upload against it, so a file damaged on the
//! way is refused instead of stored. WebCrypto is native code; a Rust SHA-256 would cost bytes.

use js_sys::Uint8Array;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::random::HEX;

/// Lower-case hex SHA-256 of `bytes`. Fails only where WebCrypto is missing (an insecure page).
pub async fn sha256_hex(bytes: &[u8]) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let subtle = window.crypto()?.subtle();
    let digest = JsFuture::from(subtle.digest_with_str_and_u8_array("SHA-256", bytes)?).await?;
    let digest = Uint8Array::new(&digest).to_vec();
    let mut text = String::with_capacity(64);
    for b in digest {
        text.push(char::from(HEX[usize::from(b >> 4)]));
        text.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    Ok(text)
}

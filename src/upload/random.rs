//! Random identifiers from the browser's CSPRNG: the client-made ids that make an upload and a
//! claim submission idempotent (a retry sends the same id). No uuid crate: sixteen bytes and a
//! format string cost less than its code.

/// A random (version 4) UUID in its lower-case 8-4-4-4-12 form, or `None` when the browser has
/// no `crypto.getRandomValues` (then nothing can be sent safely).
pub fn uuid_v4() -> Option<String> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(format_v4(bytes))
}

/// Sets the version (4) and variant (RFC 4122) bits and writes the groups.
pub fn format_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut text = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            text.push('-');
        }
        text.push(char::from(HEX[usize::from(b >> 4)]));
        text.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    text
}

pub(super) const HEX: &[u8; 16] = b"0123456789abcdef";

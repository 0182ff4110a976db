//! Random secrets and their digests. The database keeps only digests, so a copy of it does not
//! sign anybody in.

use sha2::{Digest, Sha256};

/// 256 random bits as 64 hex digits: session cookies and the ids of registration and reset steps.
pub fn token() -> String {
    hex(&random::<32>())
}

/// 128 random bits as 32 hex digits: names a session in the session list.
pub fn public_id() -> String {
    hex(&random::<16>())
}

/// A uniformly random 6-digit one-time code.
pub fn code() -> String {
    loop {
        let n = u32::from_le_bytes(random::<4>());
        // Reject the top sliver so that every code is equally likely.
        if n < u32::MAX - (u32::MAX % 1_000_000) {
            return format!("{:06}", n % 1_000_000);
        }
    }
}

/// SHA-256 as hex. Tokens carry 256 random bits, so a fast hash is enough for them.
pub fn digest(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// The digest of a one-time code bound to its step, so that equal codes differ in storage.
pub fn code_digest(step_id: i64, code: &str) -> String {
    digest(&format!("{step_id}:{code}"))
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The operating system's generator failing leaves the server unable to do anything safely.
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    bytes
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(token().len(), 64);
        assert_ne!(token(), token());
        assert_eq!(public_id().len(), 32);
        for _ in 0..100 {
            let c = code();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_ne!(code_digest(1, "123456"), code_digest(2, "123456"));
    }
}

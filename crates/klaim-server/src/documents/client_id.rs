//! Ids the app makes: a document or claim is named by a UUID generated on the phone, so a retry
//! after a lost answer names the same thing and never makes a second one.

use core::fmt;

/// A UUID in its canonical text form (8-4-4-4-12 hex digits), kept in lower case so that the
/// same id always makes the same row and the same object key.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ClientId(String);

impl ClientId {
    /// Reads `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in either case; anything else is `None`.
    pub fn parse(text: &str) -> Option<ClientId> {
        let bytes = text.as_bytes();
        let shape = bytes.len() == 36
            && bytes.iter().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_hexdigit(),
            });
        shape.then(|| ClientId(text.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClientId({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_canonical_uuids_only() {
        let id = ClientId::parse("3F2504E0-4F89-41D3-9A0C-0305E82C3301").unwrap();
        assert_eq!(id.as_str(), "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        for bad in [
            "",
            "3f2504e0-4f89-41d3-9a0c-0305e82c330",
            "3f2504e04f8941d39a0c0305e82c3301",
            "3f2504e0-4f89-41d3-9a0c-0305e82c330g",
            "../../etc/passwd-aaaaaaaaaaaaaaaaaaaaaa",
            "3f2504e0_4f89-41d3-9a0c-0305e82c3301",
        ] {
            assert_eq!(ClientId::parse(bad), None, "{bad}");
        }
    }
}

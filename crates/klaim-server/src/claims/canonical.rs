//! The fingerprint of a submission, to tell a retry (same content) from another claim under the
//! same id: SHA-256 of its canonical JSON — object keys sorted, no spaces, attachments in a fixed
//! order — so the same claim always gives the same hash, however the app orders its fields.

use klaim_core::api::claim::ClaimSubmission;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::documents::Sha256Hex;

pub fn content_hash(submission: &ClaimSubmission) -> String {
    let mut submission = submission.clone();
    submission
        .documents
        .sort_by(|a, b| (a.document_id.as_str(), a.kind).cmp(&(b.document_id.as_str(), b.kind)));
    // Serialising typed values cannot fail (string keys, no non-finite floats).
    let value = serde_json::to_value(&submission).unwrap_or(Value::Null);
    let mut text = String::new();
    write(&value, &mut text);
    Sha256Hex::of(&Sha256::digest(text.as_bytes()))
        .as_str()
        .to_owned()
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use klaim_core::api::claim::AttachedDocument;
    use klaim_core::claim::{ClaimAnswers, ClaimReason, DocumentKind, Programme};

    fn submission(ids: &[&str]) -> ClaimSubmission {
        ClaimSubmission {
            rules_version: klaim_core::RULES_VERSION.to_owned(),
            answers: ClaimAnswers::new(Programme::Jht, ClaimReason::Resigned),
            documents: ids
                .iter()
                .map(|id| AttachedDocument {
                    kind: DocumentKind::Ktp,
                    document_id: (*id).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_hash_ignores_attachment_order_and_sees_content() {
        let a = content_hash(&submission(&["a", "b"]));
        assert_eq!(a, content_hash(&submission(&["b", "a"])));
        assert_ne!(a, content_hash(&submission(&["a", "c"])));
        let mut other = submission(&["a", "b"]);
        other.answers.reason = ClaimReason::Dismissed;
        assert_ne!(a, content_hash(&other));
        assert_eq!(a.len(), 64);
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let value: Value = serde_json::from_str(r#"{"b":[{"z":1,"a":null}],"a":"x\"y"}"#).unwrap();
        let mut out = String::new();
        write(&value, &mut out);
        assert_eq!(out, r#"{"a":"x\"y","b":[{"a":null,"z":1}]}"#);
    }
}

//! One client of the API: its own connection (a ureq agent per client, so 64 clients are 64
//! keep-alive connections, as 64 phones would be); each request names whose session it carries.

use std::time::Duration;

use anyhow::Context;
use klaim_core::claim::DocumentKind;

use super::super::http::{Answer, REQUEST_HEADER};
use super::documents::Document;

pub struct Client {
    agent: ureq::Agent,
    base: String,
}

impl Client {
    pub fn new(base: &str) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        Client {
            agent,
            base: base.to_owned(),
        }
    }

    pub fn get(&self, path: &str, cookie: &str) -> anyhow::Result<Answer> {
        let url = format!("{}{path}", self.base);
        let response = self
            .agent
            .get(&url)
            .header("Cookie", cookie)
            .header("Accept-Language", "en")
            .call()
            .with_context(|| format!("GET {path}"))?;
        answer(response)
    }

    /// `DELETE` (signing out: `/api/v1/sessions/current`).
    pub fn delete(&self, path: &str, cookie: &str) -> anyhow::Result<Answer> {
        let url = format!("{}{path}", self.base);
        let response = self
            .agent
            .delete(&url)
            .header("Cookie", cookie)
            .header(REQUEST_HEADER.0, REQUEST_HEADER.1)
            .call()
            .with_context(|| format!("DELETE {path}"))?;
        answer(response)
    }

    /// `PUT` of a JSON body (a claim submission).
    pub fn put_json(&self, path: &str, body: &str, cookie: &str) -> anyhow::Result<Answer> {
        let url = format!("{}{path}", self.base);
        let response = self
            .agent
            .put(&url)
            .header("Cookie", cookie)
            .header(REQUEST_HEADER.0, REQUEST_HEADER.1)
            .header("Content-Type", "application/json")
            .header("Accept-Language", "en")
            .send(body)
            .with_context(|| format!("PUT {path}"))?;
        answer(response)
    }

    /// `PUT /api/v1/documents/{id}`: the bytes as they are, with the headers the app sends.
    pub fn upload(
        &self,
        id: &str,
        kind: DocumentKind,
        document: &Document,
        cookie: &str,
    ) -> anyhow::Result<Answer> {
        let path = format!("/api/v1/documents/{id}");
        let url = format!("{}{path}", self.base);
        let response = self
            .agent
            .put(&url)
            .header("Cookie", cookie)
            .header(REQUEST_HEADER.0, REQUEST_HEADER.1)
            .header("Content-Type", document.content_type)
            .header("Content-Length", document.bytes.len().to_string())
            .header("X-Klaim-Document-Kind", kind.as_str())
            .header("X-Klaim-Sha256", &document.sha256)
            .header("Accept-Language", "en")
            .send(&document.bytes[..])
            .with_context(|| format!("PUT {path}"))?;
        answer(response)
    }
}

fn answer(mut response: ureq::http::Response<ureq::Body>) -> anyhow::Result<Answer> {
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .read_to_vec()
        .context("reading the answer")?;
    Ok(Answer {
        status,
        body,
        cookies: Vec::new(),
    })
}

/// A random UUID (version 4 layout), as the app makes for documents and claims.
pub fn uuid(random: &mut impl FnMut() -> u64) -> String {
    let (a, b) = (random(), random());
    let hi = (a & !0xf000) | 0x4000; // version 4
    let lo = (b & !(0xc << 60)) | (0x8 << 60); // RFC 4122 variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// A splitmix64 generator seeded from the clock and a counter: ids differ between runs and
/// between generators made at the same instant on other threads.
pub fn random_source() -> impl FnMut() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static MADE: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let mut state = nanos
        ^ MADE
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0xd1b5_4a32_d192_ed03);
    move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_the_canonical_shape() {
        let mut random = random_source();
        let id = uuid(&mut random);
        assert_eq!(id.len(), 36);
        for (i, c) in id.chars().enumerate() {
            match i {
                8 | 13 | 18 | 23 => assert_eq!(c, '-'),
                _ => assert!(c.is_ascii_hexdigit(), "{id}"),
            }
        }
        assert_eq!(&id[14..15], "4");
        assert_ne!(uuid(&mut random), id);
    }
}

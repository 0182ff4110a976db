//! Conditional GETs for the participant's claims: `ETag` on the answer, `304 Not Modified` when
//! the app's `If-None-Match` still names it. `Cache-Control: no-cache, private` lets the browser
//! keep the body (only for this user) but never use it without asking first.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache, private");

/// Whether `If-None-Match` names `tag` (weak comparison, as RFC 9110 asks for this header).
pub fn matches(headers: &HeaderMap, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    let tag = bare(tag);
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|candidate| {
            let candidate = candidate.trim();
            candidate == "*" || bare(candidate) == tag
        })
}

/// `304 Not Modified` with the tag and the cache policy, no body.
pub fn not_modified(tag: &str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    tagged(&mut response, tag);
    response
}

/// Adds the tag and the cache policy to a full answer.
pub fn tagged(response: &mut Response, tag: &str) {
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(tag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CACHE_CONTROL, REVALIDATE);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, value.parse().unwrap());
        headers
    }

    #[test]
    fn if_none_match_lists_weak_tags_and_stars() {
        let tag = "\"2026.11.2-c3-4\"";
        assert!(matches(&with(tag), tag));
        assert!(matches(&with("\"x\", W/\"2026.11.2-c3-4\""), tag));
        assert!(matches(&with("*"), tag));
        assert!(!matches(&with("\"2026.11.2-c2-4\""), tag));
        assert!(!matches(&HeaderMap::new(), tag));
    }

    #[test]
    fn answers_carry_the_tag_and_ask_for_revalidation() {
        let response = not_modified("\"t\"");
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(response.headers()[header::ETAG], "\"t\"");
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "no-cache, private"
        );
    }
}

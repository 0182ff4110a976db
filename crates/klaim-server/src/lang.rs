//! The language of the messages for one request, from its `Accept-Language` header.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::{HeaderMap, header, request::Parts};
use klaim_core::Lang;

use crate::header_list;

/// English when the client ranks English above Indonesian; Indonesian otherwise (the default,
/// also when neither is listed).
pub fn from_headers(headers: &HeaderMap) -> Lang {
    let mut best: Option<(header_list::Quality, Lang)> = None;
    for (tag, quality) in header_list::weighted(headers, header::ACCEPT_LANGUAGE) {
        let lang = match tag.split(['-', '_']).next() {
            Some("en") => Lang::En,
            // `in` is the withdrawn ISO 639 code for Indonesian, still sent by old Android builds.
            Some("id" | "in") => Lang::Id,
            _ => continue,
        };
        // Strictly greater: on equal quality the earlier item wins, as the client listed it first.
        if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, lang));
        }
    }
    best.map(|(_, lang)| lang).unwrap_or_default()
}

/// Extractor for the request's message language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ClientLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientLang(from_headers(&parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: Option<&str>, expected: Lang) {
        let mut headers = HeaderMap::new();
        if let Some(value) = header {
            headers.insert(header::ACCEPT_LANGUAGE, value.parse().unwrap());
        }
        assert_eq!(from_headers(&headers), expected, "{header:?}");
    }

    #[test]
    fn picks_english_only_when_preferred() {
        check(None, Lang::Id);
        check(Some(""), Lang::Id);
        check(Some("en"), Lang::En);
        check(Some("en-US,en;q=0.9"), Lang::En);
        check(Some("EN-gb"), Lang::En);
        check(Some("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7"), Lang::Id);
        check(Some("en;q=0.5, id;q=0.8"), Lang::Id);
        check(Some("id;q=0.5, en;q=0.8"), Lang::En);
        check(Some("en, id"), Lang::En);
        check(Some("id, en"), Lang::Id);
        check(Some("in-ID, en;q=0.9"), Lang::Id);
        check(Some("fr-FR, en;q=0.5"), Lang::En);
        check(Some("fr-FR, de"), Lang::Id);
        check(Some("en;q=0"), Lang::Id);
        check(Some("*"), Lang::Id);
        check(Some("english"), Lang::Id);
    }
}

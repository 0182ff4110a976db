//! Weighted header lists such as `Accept-Encoding: br;q=1.0, gzip;q=0.5` (RFC 9110 §12.4.2).

use axum::http::{HeaderMap, HeaderName};

/// A quality value in thousandths: `q=0.5` is 500, no `q` is 1000.
pub type Quality = u16;

/// The items of every `name` header, each with its quality. Items with an unreadable quality are
/// skipped rather than guessed at.
pub fn weighted(headers: &HeaderMap, name: HeaderName) -> Vec<(String, Quality)> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(item)
        .collect()
}

fn item(raw: &str) -> Option<(String, Quality)> {
    let mut parts = raw.split(';');
    let token = parts.next()?.trim();
    if token.is_empty() {
        return None;
    }
    let mut quality = 1000;
    for param in parts {
        let Some((key, value)) = param.split_once('=') else {
            continue;
        };
        if key.trim().eq_ignore_ascii_case("q") {
            quality = parse_quality(value.trim())?;
        }
    }
    Some((token.to_ascii_lowercase(), quality))
}

/// `0`, `0.5`, `0.125`, `1`, `1.000`: at most three decimals, never above one.
fn parse_quality(value: &str) -> Option<Quality> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: Quality = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &str, expected: &[(&str, Quality)]) {
        let mut headers = HeaderMap::new();
        headers.insert("accept-encoding", header.parse().unwrap());
        let got = weighted(&headers, HeaderName::from_static("accept-encoding"));
        let expected: Vec<(String, Quality)> =
            expected.iter().map(|(t, q)| (t.to_string(), *q)).collect();
        assert_eq!(got, expected, "{header:?}");
    }

    #[test]
    fn reads_tokens_and_qualities() {
        check("br, gzip", &[("br", 1000), ("gzip", 1000)]);
        check("GZIP;q=0.5 , br ; q=0", &[("gzip", 500), ("br", 0)]);
        check(
            "br;q=1.000, gzip;q=0.125, *;q=0.1",
            &[("br", 1000), ("gzip", 125), ("*", 100)],
        );
        check("br;level=5;q=0.8", &[("br", 800)]);
        check("", &[]);
        check(" , ,", &[]);
    }

    #[test]
    fn skips_items_with_an_unreadable_quality() {
        check(
            "br;q=2, gzip;q=1.5, deflate;q=0.1234, x;q=abc, identity",
            &[("identity", 1000)],
        );
    }
}

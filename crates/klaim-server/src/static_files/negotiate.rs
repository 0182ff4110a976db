//! Which precompressed variant a request accepts (`Accept-Encoding`, RFC 9110 §12.5.3).

use axum::http::{HeaderMap, header};

use crate::header_list;

/// The variants the build writes beside a file (`FILE.br`, `FILE.gz`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        }
    }

    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }
}

/// The encodings to try, best first: higher quality first, brotli before gzip on a tie. An
/// encoding the header does not name takes the quality of `*`, or is refused when there is no `*`;
/// `q=0` refuses. The caller falls back to the plain file.
pub fn accepted(headers: &HeaderMap) -> Vec<Encoding> {
    let (mut br, mut gzip, mut any) = (None, None, None);
    for (token, quality) in header_list::weighted(headers, header::ACCEPT_ENCODING) {
        match token.as_str() {
            "br" => br = Some(quality),
            "gzip" | "x-gzip" => gzip = Some(quality),
            "*" => any = Some(quality),
            _ => {}
        }
    }
    let mut ranked: Vec<(Encoding, header_list::Quality)> =
        [(Encoding::Brotli, br), (Encoding::Gzip, gzip)]
            .into_iter()
            .map(|(encoding, quality)| (encoding, quality.or(any).unwrap_or(0)))
            .filter(|&(_, quality)| quality > 0)
            .collect();
    // Stable sort: brotli stays first among equals.
    ranked.sort_by_key(|&(_, quality)| std::cmp::Reverse(quality));
    ranked.into_iter().map(|(encoding, _)| encoding).collect()
}

#[cfg(test)]
mod tests {
    use super::Encoding::{Brotli, Gzip};
    use super::*;

    fn check(header: Option<&str>, expected: &[Encoding]) {
        let mut headers = HeaderMap::new();
        if let Some(value) = header {
            headers.insert(header::ACCEPT_ENCODING, value.parse().unwrap());
        }
        assert_eq!(accepted(&headers), expected, "{header:?}");
    }

    #[test]
    fn ranks_by_quality_then_prefers_brotli() {
        check(None, &[]);
        check(Some(""), &[]);
        check(Some("identity"), &[]);
        check(Some("gzip, deflate, br, zstd"), &[Brotli, Gzip]);
        check(Some("gzip"), &[Gzip]);
        check(Some("br"), &[Brotli]);
        check(Some("gzip;q=1.0, br;q=0.5"), &[Gzip, Brotli]);
        check(Some("br;q=0, gzip"), &[Gzip]);
        check(Some("br;q=0, gzip;q=0"), &[]);
        check(Some("*"), &[Brotli, Gzip]);
        check(Some("*;q=0.5, gzip"), &[Gzip, Brotli]);
        check(Some("*, br;q=0"), &[Gzip]);
        check(Some("*;q=0"), &[]);
        check(Some("X-GZIP"), &[Gzip]);
        check(Some("br;q=bad, gzip"), &[Gzip]);
    }
}

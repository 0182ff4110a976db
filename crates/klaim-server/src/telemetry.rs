//! Logs: `tracing` to stderr (stdout carries only the "listening" line), filtered by `RUST_LOG`.
//!
//! One span per request with the method and a path that cannot carry personal data: the route
//! pattern when a route matched, otherwise the path with identifier-like segments masked. Never
//! the query string, never a body.

use std::io::IsTerminal;

use axum::extract::MatchedPath;
use axum::http::Request;
use tower_http::LatencyUnit;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{DefaultOnRequest, DefaultOnResponse, MakeSpan, TraceLayer};
use tracing::{Level, Span};
use tracing_subscriber::EnvFilter;

use crate::static_files::policy;

/// Installs the global subscriber; `RUST_LOG` overrides the default `info`.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, not in log files.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

/// Logs each request's status and latency at info.
pub fn http_trace() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, RequestSpan> {
    TraceLayer::new_for_http()
        .make_span_with(RequestSpan)
        .on_request(DefaultOnRequest::new().level(Level::DEBUG))
        .on_response(
            DefaultOnResponse::new()
                .level(Level::INFO)
                .latency_unit(LatencyUnit::Micros),
        )
}

#[derive(Clone, Copy, Debug)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        let path = match request.extensions().get::<MatchedPath>() {
            // axum names the tail of a nested router's fallback with a private parameter.
            Some(matched) if !matched.as_str().contains("__private__") => {
                matched.as_str().to_owned()
            }
            _ => sanitized_path(request.uri().path()),
        };
        tracing::info_span!("request", method = %request.method(), path = %path)
    }
}

/// The path with every segment that might identify a person replaced by `*`. Kept are route
/// words and file names (letters, `-`, `_`, `.` and at most three digits: `v1`, `icon-192.png`)
/// and hashed asset names; masked are numbers (NIK, KPJ, phone, account), e-mail addresses,
/// percent-encoded text and ids.
pub fn sanitized_path(path: &str) -> String {
    let masked: Vec<&str> = path
        .split('/')
        .map(|segment| {
            let digits = segment.bytes().filter(u8::is_ascii_digit).count();
            let plain = segment.len() <= 48
                && digits <= 3
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
            if plain || policy::is_hashed(segment) {
                segment
            } else {
                "*"
            }
        })
        .collect();
    masked.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str, expected: &str) {
        assert_eq!(sanitized_path(path), expected, "{path}");
    }

    #[test]
    fn masks_what_could_identify_a_person() {
        check("/", "/");
        check("/klaim/baru", "/klaim/baru");
        check("/klaim/3201234567890001", "/klaim/*");
        check("/peserta/budi%20santoso/ubah", "/peserta/*/ubah");
        check(
            "/klaim-1a2b3c4d5e6f7a8b_bg.wasm",
            "/klaim-1a2b3c4d5e6f7a8b_bg.wasm",
        );
        check("/sw.js", "/sw.js");
        check("/icon-192.png", "/icon-192.png");
        check("/api/v1/nope", "/api/v1/nope");
        check("/klaim/KLM-2026-000123", "/klaim/*");
        check("/klaim/0b6f3c1e-8a2d-4f7e-9c31-5d2a7e6b4f10", "/klaim/*");
        check("/hp/0812", "/hp/*");
        check("/x/budi@example.com", "/x/*");
    }
}

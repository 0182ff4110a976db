//! `GET /metrics` in Prometheus' text format: request counts by status class and the account
//! events, counted in this process (Prometheus scrapes each process), plus gauges read from the
//! database at scrape time (live sessions, undelivered notifications), which all processes share.
//!
//! Who may read it: clients on a loopback address, or any client with
//! `Authorization: Bearer <KLAIM_METRICS_TOKEN>` when that token is configured. A reverse proxy
//! on the same host must therefore not forward `/metrics`.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::error::ApiFailure;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    SignIns,
    SignInFailures,
    Registrations,
    CodesSent,
    RateLimited,
    DocumentsStored,
    DocumentsRefused,
    ClaimsSubmitted,
    BankInquiries,
}

const COUNTERS: [(Counter, &str, &str); 9] = [
    (
        Counter::SignIns,
        "klaim_sign_ins_total",
        "Successful sign-ins.",
    ),
    (
        Counter::SignInFailures,
        "klaim_sign_in_failures_total",
        "Sign-ins refused for a wrong login or password.",
    ),
    (
        Counter::Registrations,
        "klaim_registrations_total",
        "Accounts registered.",
    ),
    (
        Counter::CodesSent,
        "klaim_codes_sent_total",
        "One-time codes queued for registration.",
    ),
    (
        Counter::RateLimited,
        "klaim_rate_limited_total",
        "Requests refused by a rate limit.",
    ),
    (
        Counter::DocumentsStored,
        "klaim_documents_stored_total",
        "Documents uploaded and stored.",
    ),
    (
        Counter::DocumentsRefused,
        "klaim_documents_refused_total",
        "Uploads refused for their content (type, size, damage, hash).",
    ),
    (
        Counter::ClaimsSubmitted,
        "klaim_claims_submitted_total",
        "Claims submitted (retries of the same claim not counted).",
    ),
    (
        Counter::BankInquiries,
        "klaim_bank_inquiries_total",
        "Bank account-name inquiries answered.",
    ),
];

static EVENTS: [AtomicU64; 9] = [const { AtomicU64::new(0) }; 9];
/// HTTP responses by status class: 1xx … 5xx.
static RESPONSES: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];

pub fn count(counter: Counter) {
    if let Some(i) = COUNTERS.iter().position(|(c, _, _)| *c == counter) {
        EVENTS[i].fetch_add(1, Ordering::Relaxed);
    }
}

/// Middleware: counts every response by status class.
pub async fn count_responses(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let class = usize::from(response.status().as_u16() / 100).clamp(1, 5) - 1;
    RESPONSES[class].fetch_add(1, Ordering::Relaxed);
    response
}

pub async fn serve(State(state): State<AppState>, parts: Parts) -> Result<Response, ApiFailure> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    if !allowed(state.metrics_token.as_deref(), peer, &parts.headers) {
        return Err(ApiFailure::Forbidden);
    }
    let db = &state.accounts.db;
    let now = state.accounts.clock.now();
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE expires_at > $1")
        .bind(now)
        .fetch_one(db.pool())
        .await
        .map_err(|e| ApiFailure::Internal(Box::new(e)))?;
    let pending: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications WHERE sent_at IS NULL AND gave_up_at IS NULL",
    )
    .fetch_one(db.pool())
    .await
    .map_err(|e| ApiFailure::Internal(Box::new(e)))?;
    let mut out = String::new();
    for (i, (_, name, help)) in COUNTERS.iter().enumerate() {
        let value = EVENTS[i].load(Ordering::Relaxed);
        let _ = write!(
            out,
            "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n"
        );
    }
    out.push_str("# HELP klaim_http_responses_total HTTP responses by status class.\n");
    out.push_str("# TYPE klaim_http_responses_total counter\n");
    for (i, count) in RESPONSES.iter().enumerate() {
        let value = count.load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "klaim_http_responses_total{{class=\"{}xx\"}} {value}",
            i + 1
        );
    }
    let gauges = [
        (
            "klaim_sessions_live",
            "Sessions not yet expired (all processes).",
            sessions,
        ),
        (
            "klaim_notifications_pending",
            "Notifications waiting for delivery (all processes).",
            pending,
        ),
    ];
    for (name, help, value) in gauges {
        let _ = write!(
            out,
            "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n"
        );
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        out,
    )
        .into_response())
}

fn allowed(token: Option<&str>, peer: Option<SocketAddr>, headers: &HeaderMap) -> bool {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match (token, bearer) {
        (Some(expected), Some(given)) => constant_time_eq(expected.as_bytes(), given.as_bytes()),
        _ => peer.is_some_and(|p| p.ip().is_loopback()),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_or_the_token() {
        let local: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let remote: SocketAddr = "203.0.113.9:5000".parse().unwrap();
        let mut with_token = HeaderMap::new();
        with_token.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret"),
        );
        let none = HeaderMap::new();
        assert!(allowed(None, Some(local), &none));
        assert!(!allowed(None, Some(remote), &none));
        assert!(!allowed(None, None, &none));
        assert!(allowed(Some("s3cret"), Some(remote), &with_token));
        assert!(!allowed(Some("other"), Some(remote), &with_token));
        assert!(!allowed(None, Some(remote), &with_token));
    }
}

//! The claims API under `/api`: its routes, and what every API response shares (the body limit,
//! `Cache-Control: no-store`, 404 in the error shape for unknown paths, the `X-Klaim-Request`
//! header on state-changing requests).

mod account;
mod admin;
mod body;
mod claims;
pub mod documents;
mod etag;
mod health;
mod notifications;
mod office;
pub mod openapi;
mod receipt;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{Next, from_fn, map_response};
use axum::response::Response;
use axum::routing::get;
use klaim_core::api::account::Role;

use crate::accounts::sessions::Session;
use crate::app::AppState;
use crate::auth::SignedIn;
use crate::error::ApiFailure;

/// Largest JSON request body. Document uploads have their own limit (klaim-core's
/// `MAX_DOCUMENT_BYTES`), checked against `Content-Length` first and then while streaming.
pub const JSON_BODY_LIMIT: usize = 1024 * 1024;

/// Routes relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/health", get(health::health))
        .route("/v1/openapi.json", get(openapi::document))
        .nest("/v1", account::router())
        .merge(documents::router())
        .merge(claims::router())
        .merge(receipt::router())
        .merge(notifications::router())
        .merge(office::router())
        .merge(admin::router())
        .fallback(not_found)
        .layer(from_fn(crate::auth::require_request_header))
        .layer(from_fn(limit_bodies))
        .layer(map_response(no_store_by_default))
}

async fn not_found() -> ApiFailure {
    ApiFailure::NotFound
}

/// Middleware: the JSON body limit on every request except uploads. A declared length over the
/// limit is refused before the handler runs; a body that grows past it fails while being read
/// (axum's extractors answer 413).
async fn limit_bodies(request: Request, next: Next) -> Result<Response, ApiFailure> {
    if documents::is_upload(request.method(), request.uri().path()) {
        return Ok(next.run(request).await);
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > JSON_BODY_LIMIT as u64) {
        return Err(ApiFailure::TooLarge);
    }
    let request =
        request.map(|body| Body::new(http_body_util::Limited::new(body, JSON_BODY_LIMIT)));
    Ok(next.run(request).await)
}

/// The signed-in participant's account and registry ids; staff accounts get 403 (the back
/// office has its own endpoints).
pub(crate) fn participant(session: &SignedIn) -> Result<(i64, i64), ApiFailure> {
    let Session {
        account_id,
        role,
        participant_id,
        ..
    } = &session.0;
    match (role, participant_id) {
        (Role::Participant, Some(participant_id)) => Ok((*account_id, *participant_id)),
        _ => Err(ApiFailure::Forbidden),
    }
}

/// API answers carry personal data: no cache may keep them unless a handler says otherwise.
async fn no_store_by_default(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

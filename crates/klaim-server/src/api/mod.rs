//! The claims API under `/api`: its routes, and what every API response shares (the body limit,
//! `Cache-Control: no-store`, 404 in the error shape for unknown paths, the `X-Klaim-Request`
//! header on state-changing requests).

mod account;
mod health;
pub mod openapi;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware::{from_fn, map_response};
use axum::response::Response;
use axum::routing::get;
use tower_http::limit::RequestBodyLimitLayer;

use crate::app::AppState;
use crate::error::ApiFailure;

/// Largest JSON request body. Document uploads will get their own, larger limit on their route.
pub const JSON_BODY_LIMIT: usize = 1024 * 1024;

/// Routes relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/health", get(health::health))
        .route("/v1/openapi.json", get(openapi::document))
        .nest("/v1", account::router())
        .fallback(not_found)
        .layer(from_fn(crate::auth::require_request_header))
        .layer(RequestBodyLimitLayer::new(JSON_BODY_LIMIT))
        .layer(map_response(no_store_by_default))
}

async fn not_found() -> ApiFailure {
    ApiFailure::NotFound
}

/// API answers carry personal data: no cache may keep them unless a handler says otherwise.
async fn no_store_by_default(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

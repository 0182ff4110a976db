//! `GET /api/v1/health`: the server is up, and which version and rule set it runs.

use axum::Json;
use axum::http::header;
use axum::response::IntoResponse;
use klaim_core::RULES_VERSION;
use klaim_core::api::Health;

#[utoipa::path(get, path = "/api/v1/health", tag = "service",
    responses((status = 200, description = "Up; versions of the server and the rules", body = Health)))]
pub async fn health() -> impl IntoResponse {
    let health = Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        rules_version: RULES_VERSION.to_owned(),
    };
    ([(header::CACHE_CONTROL, "no-store")], Json(health))
}

//! The router: `/api` for the claims API, `/metrics` for operators, every other path for the
//! built app.

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::extract::FromRef;
use axum::middleware::{from_fn, map_response};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;

use crate::accounts::Accounts;
use crate::documents::Documents;
use crate::static_files::Dist;
use crate::{api, error, metrics, security, static_files, telemetry};

/// What handlers share. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    pub dist: Dist,
    pub data_dir: Arc<Path>,
    pub accounts: Accounts,
    /// Uploaded documents: their rows and their bytes in object storage.
    pub documents: Documents,
    /// Cookies get `Secure` and responses HSTS (config: on unless serving on loopback).
    pub cookie_secure: bool,
    /// Lets non-loopback clients read `/metrics` with `Authorization: Bearer …`.
    pub metrics_token: Option<Arc<str>>,
    /// Rule-based approval of simple JHT claims right after submission (`--auto-approve`).
    pub auto_approve: crate::office::auto_approve::AutoApprove,
}

impl FromRef<AppState> for Dist {
    fn from_ref(state: &AppState) -> Dist {
        state.dist.clone()
    }
}

pub fn router(state: AppState) -> Router {
    let router = Router::new()
        .nest("/api", api::router())
        .route("/metrics", get(metrics::serve))
        .fallback(static_files::serve)
        // Inside out: a panic becomes a 500, errors get the one shape and the client's language,
        // every response gets the security headers and is counted, and the trace sees the final
        // status.
        .layer(CatchPanicLayer::new())
        .layer(map_response(error::finish))
        .layer(map_response(security::headers));
    let router = if state.cookie_secure {
        router.layer(map_response(security::strict_transport))
    } else {
        router
    };
    router
        .layer(from_fn(metrics::count_responses))
        .layer(telemetry::http_trace())
        .with_state(state)
}

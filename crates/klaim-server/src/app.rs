//! The router: `/api` for the claims API, every other path for the built app.

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::extract::FromRef;
use axum::middleware::map_response;
use tower_http::catch_panic::CatchPanicLayer;

use crate::static_files::Dist;
use crate::{api, error, security, static_files, telemetry};

/// What handlers share. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    pub dist: Dist,
    pub data_dir: Arc<Path>,
}

impl FromRef<AppState> for Dist {
    fn from_ref(state: &AppState) -> Dist {
        state.dist.clone()
    }
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .nest("/api", api::router())
        .fallback(static_files::serve)
        // Inside out: a panic becomes a 500, errors get the one shape and the client's language,
        // every response gets the security headers, and the trace sees the final status.
        .layer(CatchPanicLayer::new())
        .layer(map_response(error::finish))
        .layer(map_response(security::headers))
        .layer(telemetry::http_trace())
        .with_state(state)
}

//! Handlers for admins (docs/office-api.md): the audit trail, read-only. Officers and participants
//! get 403; nothing here (or anywhere in the API) edits or removes an entry.

use axum::extract::State;
use axum::http::Uri;
use axum::{Json, Router, routing};
use klaim_core::api::ApiErrors;
use klaim_core::api::account::Role;
use klaim_core::api::office::AuditTrail;

use super::office::query_pairs;
use crate::app::AppState;
use crate::auth::SignedIn;
use crate::documents::ClientId;
use crate::error::ApiFailure;
use crate::office::audit;

/// Routes relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new().route("/v1/admin/audit", routing::get(audit_trail))
}

#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin",
    security(("session" = [])),
    params(("claim_id" = Option<String>, Query, description = "Only this claim's entries (its UUID)")),
    responses(
        (status = 200, description = "The audit trail, newest first (at most 1000 entries): every officer's view of a claim or document and every step, with who (account and role; none for the system) and when", body = AuditTrail),
        (status = 400, description = "api.malformed: an unknown parameter, a claim_id that is not a UUID", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (officers and participants)", body = ApiErrors),
    ))]
pub(super) async fn audit_trail(
    State(state): State<AppState>,
    session: SignedIn,
    uri: Uri,
) -> Result<Json<AuditTrail>, ApiFailure> {
    if session.0.role != Role::Admin {
        return Err(ApiFailure::Forbidden);
    }
    let claim_id = match query_pairs(&uri, &["claim_id"])?.pop() {
        Some((_, id)) => Some(ClientId::parse(&id).ok_or(ApiFailure::Malformed)?),
        None => None,
    };
    let trail = audit::list(&state.accounts.db, claim_id.as_ref().map(ClientId::as_str))
        .await
        .map_err(|e| ApiFailure::Internal(Box::new(e)))?;
    Ok(Json(trail))
}

//! `GET /claims/{id}/receipt.pdf`: the claim's receipt (src/receipt/), for its claimant only.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::{Router, routing};
use klaim_core::api::ApiErrors;

use super::participant;
use crate::app::AppState;
use crate::auth::SignedIn;
use crate::claims::{ClaimRefusal, ClaimsError};
use crate::documents::ClientId;
use crate::error::ApiFailure;
use crate::lang::ClientLang;
use crate::receipt;

/// Routes relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new().route("/v1/claims/{id}/receipt.pdf", routing::get(receipt_pdf))
}

#[utoipa::path(get, path = "/api/v1/claims/{id}/receipt.pdf", tag = "claims",
    security(("session" = [])),
    params(("id" = String, Path, description = "The claim's UUID")),
    responses(
        (status = 200, description = "The receipt as a PDF download (`Content-Disposition: attachment; filename=\"klaim-<reference>.pdf\"`), in the language of Accept-Language; identifiers masked to their last 4 digits", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (staff accounts)", body = ApiErrors),
        (status = 404, description = "claim.not_found (also another account's claim)", body = ApiErrors),
    ))]
pub(super) async fn receipt_pdf(
    State(state): State<AppState>,
    session: SignedIn,
    ClientLang(lang): ClientLang,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    let (account_id, _) = participant(&session)?;
    let not_found = || ApiFailure::from(ClaimsError::Refused(ClaimRefusal::NotFound));
    let id = ClientId::parse(&id).ok_or_else(not_found)?;
    let db = &state.accounts.db;
    let mut conn = db.pool().acquire().await.map_err(ClaimsError::from)?;
    let now = state.accounts.clock.now();
    let receipt = receipt::for_claim(&mut conn, account_id, &id, lang, now)
        .await
        .map_err(ClaimsError::from)?
        .ok_or_else(not_found)?;
    // The reference is letters, digits and dashes only, so it needs no quoting rules.
    let disposition = format!("attachment; filename=\"{}\"", receipt.file_name());
    let disposition =
        HeaderValue::from_str(&disposition).map_err(|e| ApiFailure::Internal(Box::new(e)))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        receipt.pdf,
    )
        .into_response())
}

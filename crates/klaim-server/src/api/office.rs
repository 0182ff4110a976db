//! Handlers of the back office (docs/office-api.md), for officers only: participants and admins
//! get 403. The queue, a claim beside the registry (viewing it is audited), its documents
//! (audited), and the steps that move it.

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use axum::{Json, Router, routing};
use klaim_core::api::ApiErrors;
use klaim_core::api::account::Role;
use klaim_core::api::office::{OfficeClaim, OfficerStep, Queue, QueueFilter};
use klaim_core::claim::{Actor, Programme, Transition, TransitionError};
use klaim_core::message::Finding;
use serde_json::Value;

use super::body::JsonBody;
use crate::app::AppState;
use crate::auth::SignedIn;
use crate::claims::ClaimRefusal;
use crate::documents::{ClientId, UploadRefusal};
use crate::error::ApiFailure;
use crate::office::{Office, OfficeError, OwnClaim, Staff, queue, steps, view};

/// Routes relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/office/claims", routing::get(list))
        .route("/v1/office/claims/{id}", routing::get(claim))
        .route(
            "/v1/office/claims/{id}/documents/{document_id}/content",
            routing::get(document),
        )
        .route("/v1/office/claims/{id}/steps", routing::post(step))
}

/// The signed-in officer; participants and admins get 403.
fn officer(session: &SignedIn) -> Result<Staff, ApiFailure> {
    match session.0.role {
        Role::Officer => Ok(Staff {
            account_id: session.0.account_id,
            role: Role::Officer,
        }),
        Role::Participant | Role::Admin => Err(ApiFailure::Forbidden),
    }
}

fn office(state: &AppState) -> Office {
    Office {
        db: state.accounts.db.clone(),
        clock: state.accounts.clock.clone(),
    }
}

/// A step that cannot be taken: 403 for the wrong actor, 409 for the wrong moment.
pub(crate) fn transition_failure(e: TransitionError) -> ApiFailure {
    let finding = Finding::of(None, &e);
    match e {
        TransitionError::NotYours { .. } => ApiFailure::Explained {
            status: StatusCode::FORBIDDEN,
            findings: vec![finding],
        },
        TransitionError::NotNow { .. } => ApiFailure::Conflict(Box::new(finding)),
    }
}

fn claim_not_found() -> ApiFailure {
    ApiFailure::Explained {
        status: StatusCode::NOT_FOUND,
        findings: vec![Finding::of(None, &ClaimRefusal::NotFound)],
    }
}

impl From<OfficeError> for ApiFailure {
    fn from(e: OfficeError) -> ApiFailure {
        match e {
            OfficeError::NotFound => claim_not_found(),
            OfficeError::OwnClaim => ApiFailure::Explained {
                status: StatusCode::FORBIDDEN,
                findings: vec![Finding::of(None, &OwnClaim)],
            },
            OfficeError::Transition(e) => transition_failure(e),
            OfficeError::Decision(problems) => ApiFailure::RuleBroken(
                problems
                    .iter()
                    .map(|p| Finding::of(Some(p.field()), p))
                    .collect(),
            ),
            OfficeError::Claims(e) => e.into(),
            OfficeError::Db(e) => ApiFailure::Internal(Box::new(e)),
            OfficeError::Registry(e) => ApiFailure::Internal(Box::new(e)),
        }
    }
}

/// The query's `name=value` pairs, percent-decoded; each name at most once and one of `allowed`
/// (anything else is malformed). Empty values count as absent.
pub(super) fn query_pairs<'a>(
    uri: &Uri,
    allowed: &[&'a str],
) -> Result<Vec<(&'a str, String)>, ApiFailure> {
    let mut pairs: Vec<(&'a str, String)> = Vec::new();
    for pair in uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = allowed
            .iter()
            .find(|a| **a == name)
            .ok_or(ApiFailure::Malformed)?;
        if pairs.iter().any(|(n, _)| n == name) {
            return Err(ApiFailure::Malformed);
        }
        let value = percent_encoding::percent_decode_str(&value.replace('+', " "))
            .decode_utf8()
            .map_err(|_| ApiFailure::Malformed)?
            .trim()
            .to_owned();
        if !value.is_empty() {
            pairs.push((name, value));
        }
    }
    Ok(pairs)
}

fn queue_filter(uri: &Uri) -> Result<QueueFilter, ApiFailure> {
    let mut filter = QueueFilter::default();
    for (name, value) in query_pairs(uri, &["programme", "status", "older_than_days"])? {
        match name {
            "programme" => {
                filter.programme = Some(Programme::from_wire(&value).ok_or(ApiFailure::Malformed)?)
            }
            "status" => {
                filter.status = Some(
                    klaim_core::claim::ClaimStatus::from_wire(&value)
                        .ok_or(ApiFailure::Malformed)?,
                )
            }
            _ => filter.older_than_days = Some(value.parse().map_err(|_| ApiFailure::Malformed)?),
        }
    }
    Ok(filter)
}

#[utoipa::path(get, path = "/api/v1/office/claims", tag = "office",
    security(("session" = [])),
    params(QueueFilter),
    responses(
        (status = 200, description = "The queue: the earliest decision date first, then the oldest submission; without status, the claims still open; at most 500 entries", body = Queue),
        (status = 400, description = "api.malformed: an unknown parameter or value, a parameter twice", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (participants and admins)", body = ApiErrors),
    ))]
pub(super) async fn list(
    State(state): State<AppState>,
    session: SignedIn,
    uri: Uri,
) -> Result<Json<Queue>, ApiFailure> {
    let officer = officer(&session)?;
    let filter = queue_filter(&uri)?;
    let queue = queue::list(&office(&state), officer, &filter)
        .await
        .map_err(OfficeError::from)?;
    Ok(Json(queue))
}

#[utoipa::path(get, path = "/api/v1/office/claims/{id}", tag = "office",
    security(("session" = [])),
    params(("id" = String, Path, description = "The claim's UUID")),
    responses(
        (status = 200, description = "The claim beside the registry, with the automated checks, the computed amount and the steps this officer can take; recorded in the audit trail (viewed_claim)", body = OfficeClaim),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (participants and admins)", body = ApiErrors),
        (status = 404, description = "claim.not_found", body = ApiErrors),
    ))]
pub(super) async fn claim(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
) -> Result<Json<OfficeClaim>, ApiFailure> {
    let officer = officer(&session)?;
    let id = ClientId::parse(&id).ok_or_else(claim_not_found)?;
    Ok(Json(view::open(&office(&state), officer, &id).await?))
}

#[utoipa::path(get, path = "/api/v1/office/claims/{id}/documents/{document_id}/content", tag = "office",
    security(("session" = [])),
    params(
        ("id" = String, Path, description = "The claim's UUID"),
        ("document_id" = String, Path, description = "A document attached to the claim"),
    ),
    responses(
        (status = 200, description = "The bytes with their type, Content-Disposition: inline, Cache-Control: private, no-store; recorded in the audit trail (viewed_document) before the first byte", content_type = "application/octet-stream"),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (participants and admins)", body = ApiErrors),
        (status = 404, description = "claim.not_found; document.not_found (not attached to this claim)", body = ApiErrors),
    ))]
pub(super) async fn document(
    State(state): State<AppState>,
    session: SignedIn,
    Path((id, document_id)): Path<(String, String)>,
) -> Result<Response, ApiFailure> {
    let officer = officer(&session)?;
    let document_not_found = || ApiFailure::Explained {
        status: StatusCode::NOT_FOUND,
        findings: vec![Finding::of(None, &UploadRefusal::NotFound)],
    };
    let id = ClientId::parse(&id).ok_or_else(claim_not_found)?;
    let document_id = ClientId::parse(&document_id).ok_or_else(document_not_found)?;
    let info = match view::attached_document(&office(&state), officer, &id, &document_id).await {
        Ok(info) => info,
        Err(OfficeError::NotFound) => {
            // Which one is missing: the claim, or the document on it.
            let mut conn = state
                .accounts
                .db
                .pool()
                .acquire()
                .await
                .map_err(OfficeError::from)?;
            let claim = crate::office::stored::load(&mut conn, id.as_str())
                .await
                .map_err(OfficeError::from)?;
            return Err(if claim.is_some() {
                document_not_found()
            } else {
                claim_not_found()
            });
        }
        Err(e) => return Err(e.into()),
    };
    // Shown inline in the back office's claim page (PDFs in a frame).
    let mut response = super::documents::stored_content(&state, &document_id, &info).await?;
    response
        .extensions_mut()
        .insert(crate::security::FramedBySameOrigin);
    Ok(response)
}

#[utoipa::path(post, path = "/api/v1/office/claims/{id}/steps", tag = "office",
    security(("session" = [])),
    params(("id" = String, Path, description = "The claim's UUID")),
    request_body = OfficerStep,
    responses(
        (status = 200, description = "Taken: the claim as it now stands (history, audit and the participant's notification written with it)", body = OfficeClaim),
        (status = 400, description = "api.malformed: not JSON, an unknown step, wrong types, missing or unknown fields", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.request_header_missing; api.forbidden (participants and admins); office.own_claim (the officer's NIK is the participant's or the claimant's); claim.transition_forbidden (a step only the claimant takes: resubmit)", body = ApiErrors),
        (status = 404, description = "claim.not_found", body = ApiErrors),
        (status = 409, description = "claim.transition_invalid: not possible from the claim's status (another officer may have acted first)", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 422, description = "decision.*: every problem with the step, with its field (items, reasons, amount, justification, note, transfer_reference); nothing is changed", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn step(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<Value>,
) -> Result<Json<OfficeClaim>, ApiFailure> {
    let officer = officer(&session)?;
    let request: OfficerStep = match super::body::from_value(&body) {
        Ok(request) => request,
        Err(ApiFailure::Malformed) => {
            // A step of the state machine that is not an officer's: say so rather than "malformed".
            let named = body
                .get("step")
                .and_then(Value::as_str)
                .and_then(Transition::from_wire);
            return Err(match named {
                Some(step) if !step.allowed(Actor::Officer) => {
                    transition_failure(TransitionError::NotYours {
                        step,
                        actor: Actor::Officer,
                    })
                }
                _ => ApiFailure::Malformed,
            });
        }
        Err(refused) => return Err(refused),
    };
    let id = ClientId::parse(&id).ok_or_else(claim_not_found)?;
    let page = steps::take(&office(&state), officer, id.as_str(), &request).await?;
    Ok(Json(page))
}

//! Handlers of the claims API (docs/claims-api.md): the facts the rules read, the bank inquiry,
//! and claims — submitted once under the app's id, listed and read back by their owner.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router, routing};
use klaim_core::api::ApiErrors;
use klaim_core::api::claim::{
    BankInquiry, BankInquiryAnswer, ClaimList, ClaimSubmission, ClaimView, Resubmission,
};
use klaim_core::claim::ClaimFacts;
use klaim_core::message::Finding;
use klaim_core::{Kpj, Nik};

use super::body::JsonBody;
use super::{etag, participant};
use crate::app::AppState;
use crate::auth::SignedIn;
use crate::claims::resubmit::{self, ResubmitError};
use crate::claims::submit::{self, Submitted};
use crate::claims::{Caller, ClaimRefusal, Claims, ClaimsError, bank, freshness, records, subject};
use crate::documents::ClientId;
use crate::error::ApiFailure;
use crate::metrics::Counter;

/// Routes relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/claims", routing::get(list))
        .route("/v1/claims/facts", routing::get(facts))
        .route("/v1/claims/{id}", routing::put(submit_claim).get(view))
        .route("/v1/claims/{id}/resubmission", routing::post(resubmission))
        .route("/v1/bank-inquiries", routing::post(bank_inquiry))
}

impl From<ClaimsError> for ApiFailure {
    fn from(e: ClaimsError) -> ApiFailure {
        match e {
            ClaimsError::Refused(refusal) => {
                let finding = Finding::of(refusal.field(), &refusal);
                match refusal {
                    ClaimRefusal::DeceasedNotFound | ClaimRefusal::NotFound => {
                        ApiFailure::Explained {
                            status: StatusCode::NOT_FOUND,
                            findings: vec![finding],
                        }
                    }
                    ClaimRefusal::RulesChanged
                    | ClaimRefusal::AlreadyOpen { .. }
                    | ClaimRefusal::IdConflict => ApiFailure::Conflict(Box::new(finding)),
                    ClaimRefusal::BankAccountNotFound { .. }
                    | ClaimRefusal::DocumentRepeated
                    | ClaimRefusal::DocumentKindDiffers { .. }
                    | ClaimRefusal::DocumentAlreadyUsed { .. }
                    | ClaimRefusal::TooManyDocuments { .. } => {
                        ApiFailure::RuleBroken(vec![finding])
                    }
                }
            }
            ClaimsError::Document(refusal) => ApiFailure::Explained {
                status: StatusCode::NOT_FOUND,
                findings: vec![Finding::of(Some("documents"), &refusal)],
            },
            ClaimsError::Problems(findings) => ApiFailure::RuleBroken(findings),
            ClaimsError::RateLimited(wait) => {
                crate::metrics::count(Counter::RateLimited);
                ApiFailure::RateLimited {
                    retry_after_secs: Some(u64::try_from(wait.0.max(1)).unwrap_or(1)),
                }
            }
            ClaimsError::Db(e) => ApiFailure::Internal(Box::new(e)),
            ClaimsError::Registry(e) => ApiFailure::Internal(Box::new(e)),
        }
    }
}

fn claims(state: &AppState) -> Claims {
    Claims {
        db: state.accounts.db.clone(),
        clock: state.accounts.clock.clone(),
    }
}

fn caller(session: &SignedIn) -> Result<Caller, ApiFailure> {
    let (account_id, participant_id) = participant(session)?;
    Ok(Caller {
        account_id,
        participant_id,
    })
}

/// `deceased_nik` and `deceased_kpj` from the query: both or neither (an empty value counts as
/// absent). A name other than these two, or one given twice, is malformed; a NIK or KPJ that
/// klaim-core's parser refuses, or one given without the other, is a 422 with the parser's finding
/// for each (the missing one as empty).
fn deceased_query(uri: &Uri) -> Result<Option<(Nik, Kpj)>, ApiFailure> {
    let (mut nik, mut kpj) = (None, None);
    for pair in uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_encoding::percent_decode_str(&value.replace('+', " "))
            .decode_utf8()
            .map_err(|_| ApiFailure::Malformed)?
            .into_owned();
        let slot = match name {
            "deceased_nik" => &mut nik,
            "deceased_kpj" => &mut kpj,
            _ => return Err(ApiFailure::Malformed),
        };
        if slot.is_some() {
            return Err(ApiFailure::Malformed);
        }
        *slot = Some(value);
    }
    let given = |v: &Option<String>| {
        v.as_deref()
            .filter(|v| !v.trim().is_empty())
            .map(str::to_owned)
    };
    let (nik, kpj) = (given(&nik), given(&kpj));
    if nik.is_none() && kpj.is_none() {
        return Ok(None);
    }
    let nik = Nik::parse(nik.as_deref().unwrap_or_default());
    let kpj = Kpj::parse(kpj.as_deref().unwrap_or_default());
    match (nik, kpj) {
        (Ok(nik), Ok(kpj)) => Ok(Some((nik, kpj))),
        (nik, kpj) => {
            let mut findings = Vec::new();
            if let Err(e) = nik {
                findings.push(Finding::of(Some("deceased_nik"), &e));
            }
            if let Err(e) = kpj {
                findings.push(Finding::of(Some("deceased_kpj"), &e));
            }
            Err(ApiFailure::RuleBroken(findings))
        }
    }
}

#[utoipa::path(get, path = "/api/v1/claims/facts", tag = "claims",
    security(("session" = [])),
    params(
        ("deceased_nik" = Option<String>, Query, description = "With deceased_kpj: the facts of a deceased participant the caller is family of (a death claim)"),
        ("deceased_kpj" = Option<String>, Query, description = "The deceased participant's KPJ number"),
    ),
    responses(
        (status = 200, description = "What the registry knows, as the claim rules read it (with this member's claims so far)", body = ClaimFacts),
        (status = 400, description = "api.malformed: another parameter, or one given twice", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (staff accounts)", body = ApiErrors),
        (status = 404, description = "claim.deceased_not_found: not deceased, another KPJ, or the caller not in the family (one answer for all)", body = ApiErrors),
        (status = 422, description = "nik.* (field deceased_nik), kpj.* (field deceased_kpj): a number klaim-core refuses, or one of the two without the other (the missing one is empty)", body = ApiErrors),
    ))]
pub(super) async fn facts(
    State(state): State<AppState>,
    session: SignedIn,
    uri: Uri,
) -> Result<Json<ClaimFacts>, ApiFailure> {
    let caller = caller(&session)?;
    let deceased = deceased_query(&uri)?;
    let deceased = deceased.as_ref().map(|(nik, kpj)| (nik, kpj));
    Ok(Json(
        subject::facts_for(&claims(&state), caller, deceased).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/bank-inquiries", tag = "claims",
    security(("session" = [])),
    request_body = BankInquiry,
    responses(
        (status = 200, description = "The holder's name, masked, and how it compares with the caller's registered name", body = BankInquiryAnswer),
        (status = 400, description = "Malformed JSON, wrong types, missing or extra fields", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.request_header_missing; api.forbidden (staff accounts)", body = ApiErrors),
        (status = 422, description = "bank.account_not_found (field bank_account); bank.unknown, bank_account.* (a bank code or account number klaim-core refuses)", body = ApiErrors),
        (status = 429, description = "api.rate_limited (20 an hour per account), with Retry-After", body = ApiErrors),
        (status = 413, description = "api.too_large: body over 1 MiB", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn bank_inquiry(
    State(state): State<AppState>,
    session: SignedIn,
    JsonBody(inquiry): JsonBody<BankInquiry>,
) -> Result<Json<BankInquiryAnswer>, ApiFailure> {
    let caller = caller(&session)?;
    let answer = bank::inquire(&claims(&state), caller, &inquiry.bank_account).await?;
    crate::metrics::count(Counter::BankInquiries);
    Ok(Json(answer))
}

#[utoipa::path(put, path = "/api/v1/claims/{id}", tag = "claims",
    security(("session" = [])),
    params(("id" = String, Path, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "A UUID made by the app for this claim")),
    request_body = ClaimSubmission,
    responses(
        (status = 201, description = "Submitted: reference issued, status submitted", body = ClaimView),
        (status = 200, description = "The same id and content were submitted before (a retry): the same claim", body = ClaimView),
        (status = 400, description = "Malformed JSON, wrong types, missing or unknown fields; a non-UUID id", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.request_header_missing; api.forbidden (staff accounts)", body = ApiErrors),
        (status = 404, description = "document.not_found (field documents: not the caller's); claim.deceased_not_found", body = ApiErrors),
        (status = 409, description = "claim.rules_changed (reload); claim.already_open (names the open claim's reference); claim.id_conflict", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 422, description = "Every claim.* problem from klaim-core's gate, with its field; bank.account_not_found; claim.document_*; an answer klaim-core's parser refuses (kpj.*, nik.*, npwp.*, date.*, bank.unknown, bank_account.*; field answers.kpj, answers.deceased.nik, …)", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn submit_claim(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
    JsonBody(submission): JsonBody<ClaimSubmission>,
) -> Result<Response, ApiFailure> {
    let caller = caller(&session)?;
    let id = ClientId::parse(&id).ok_or(ApiFailure::Malformed)?;
    let auto = state.auto_approve;
    Ok(
        match submit::submit(&claims(&state), caller, &id, &submission, auto).await? {
            Submitted::New(view) => (StatusCode::CREATED, Json(view)).into_response(),
            Submitted::Again(view) => (StatusCode::OK, Json(view)).into_response(),
        },
    )
}

#[utoipa::path(get, path = "/api/v1/claims", tag = "claims",
    security(("session" = [])),
    params(("If-None-Match" = Option<String>, Header, description = "The ETag of the list the app has")),
    responses(
        (status = 200, description = "This participant's claims, newest first; with an ETag and `Cache-Control: no-cache, private`", body = ClaimList),
        (status = 304, description = "Unchanged since the ETag in If-None-Match"),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (staff accounts)", body = ApiErrors),
    ))]
pub(super) async fn list(
    State(state): State<AppState>,
    session: SignedIn,
    headers: HeaderMap,
) -> Result<Response, ApiFailure> {
    let caller = caller(&session)?;
    let db = &state.accounts.db;
    let mut conn = db.pool().acquire().await.map_err(ClaimsError::from)?;
    // The tag before the body: a change in between makes the tag older, never the body.
    let tag = freshness::list_tag(&mut conn, caller.account_id)
        .await
        .map_err(ClaimsError::from)?;
    drop(conn);
    if etag::matches(&headers, &tag) {
        return Ok(etag::not_modified(&tag));
    }
    let claims = records::list(db, caller.account_id)
        .await
        .map_err(ClaimsError::from)?;
    let mut response = Json(ClaimList { claims }).into_response();
    etag::tagged(&mut response, &tag);
    Ok(response)
}

#[utoipa::path(get, path = "/api/v1/claims/{id}", tag = "claims",
    security(("session" = [])),
    params(
        ("id" = String, Path, description = "The claim's UUID"),
        ("If-None-Match" = Option<String>, Header, description = "The ETag of the claim the app has"),
    ),
    responses(
        (status = 200, description = "The claim as submitted, with its timeline; with an ETag (changes with every step) and `Cache-Control: no-cache, private`", body = ClaimView),
        (status = 304, description = "Unchanged since the ETag in If-None-Match"),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.forbidden (staff accounts)", body = ApiErrors),
        (status = 404, description = "claim.not_found (also another account's)", body = ApiErrors),
    ))]
pub(super) async fn view(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiFailure> {
    let caller = caller(&session)?;
    let not_found = || ApiFailure::from(ClaimsError::Refused(ClaimRefusal::NotFound));
    let id = ClientId::parse(&id).ok_or_else(not_found)?;
    let mut conn = state
        .accounts
        .db
        .pool()
        .acquire()
        .await
        .map_err(ClaimsError::from)?;
    let tag = freshness::claim_tag(&mut conn, caller.account_id, &id)
        .await
        .map_err(ClaimsError::from)?
        .ok_or_else(not_found)?;
    if etag::matches(&headers, &tag) {
        return Ok(etag::not_modified(&tag));
    }
    let view = records::view(&mut conn, caller.account_id, &id)
        .await
        .map_err(ClaimsError::from)?
        .ok_or_else(not_found)?;
    let mut response = Json(view).into_response();
    etag::tagged(&mut response, &tag);
    Ok(response)
}

impl From<ResubmitError> for ApiFailure {
    fn from(e: ResubmitError) -> ApiFailure {
        match e {
            ResubmitError::Claims(e) => e.into(),
            ResubmitError::Transition(e) => super::office::transition_failure(e),
        }
    }
}

#[utoipa::path(post, path = "/api/v1/claims/{id}/resubmission", tag = "claims",
    security(("session" = [])),
    params(("id" = String, Path, description = "The claim's UUID")),
    request_body = Resubmission,
    responses(
        (status = 200, description = "Sent back: the claim is being checked again (verifying), the reopened items closed", body = ClaimView),
        (status = 400, description = "Malformed JSON, wrong types, missing or unknown fields", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.request_header_missing; api.forbidden (staff accounts)", body = ApiErrors),
        (status = 404, description = "claim.not_found (also another account's); document.not_found (field documents: a new upload not the caller's)", body = ApiErrors),
        (status = 409, description = "claim.transition_invalid: the claim does not need action now", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 422, description = "resubmission.* (an item not reopened changed, a reopened document not replaced), every claim.* problem from klaim-core's gate on the claim as it would be, claim.document_*; an answer klaim-core's parser refuses, as for PUT /claims/{id}", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn resubmission(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
    JsonBody(resubmission): JsonBody<Resubmission>,
) -> Result<Json<ClaimView>, ApiFailure> {
    let caller = caller(&session)?;
    let id = ClientId::parse(&id)
        .ok_or_else(|| ApiFailure::from(ClaimsError::Refused(ClaimRefusal::NotFound)))?;
    Ok(Json(
        resubmit::resubmit(&claims(&state), caller, &id, &resubmission).await?,
    ))
}

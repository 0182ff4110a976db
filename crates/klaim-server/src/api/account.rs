//! Handlers of the accounts API (docs/accounts-api.md): thin adapters from HTTP to
//! [`crate::accounts`], and [`AccountError`] mapped to the one error shape.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Response};
use axum::{Json, Router, routing};
use klaim_core::AccountProblem;
use klaim_core::api::ApiErrors;
use klaim_core::api::account::{
    CodeSent, Me, PasswordResetStarted, RegistrationStarted, SessionList,
};
use klaim_core::forms::account::{
    CodeInput, LoginInput, NewPasswordInput, PasswordResetInput, RegistrationInput, SendCodeInput,
};
use klaim_core::message::Finding;

use super::body::JsonBody;
use crate::accounts::registration::SignedIn as NewSession;
use crate::accounts::{AccountError, login, profile, registration, reset, sessions};
use crate::app::AppState;
use crate::auth::{
    Client, SignedIn, cleared_cookie, cleared_signed_in_cookie, session_cookie, signed_in_cookie,
};
use crate::error::ApiFailure;
use crate::metrics::Counter;

/// Routes relative to `/api/v1`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/registrations", routing::post(start_registration))
        .route(
            "/registrations/{id}/code",
            routing::post(send_registration_code),
        )
        .route(
            "/registrations/{id}/verify",
            routing::post(verify_registration),
        )
        .route("/sessions", routing::post(sign_in).get(list_sessions))
        .route("/sessions/current", routing::delete(sign_out))
        .route("/sessions/{id}", routing::delete(revoke_session))
        .route("/me", routing::get(me))
        .route("/password-resets", routing::post(start_reset))
        .route(
            "/password-resets/{id}/complete",
            routing::post(complete_reset),
        )
}

impl From<AccountError> for ApiFailure {
    fn from(e: AccountError) -> ApiFailure {
        match e {
            AccountError::Form(findings) => ApiFailure::RuleBroken(findings),
            AccountError::Problem { problem, field } => {
                let finding = Box::new(Finding::of(field, &problem));
                match problem {
                    AccountProblem::AlreadyRegistered => ApiFailure::Conflict(finding),
                    AccountProblem::LoginFailed => ApiFailure::CredentialsRejected(finding),
                    _ => ApiFailure::RuleBroken(vec![*finding]),
                }
            }
            AccountError::RateLimited(wait) => {
                crate::metrics::count(Counter::RateLimited);
                ApiFailure::RateLimited {
                    retry_after_secs: Some(u64::try_from(wait.0.max(1)).unwrap_or(1)),
                }
            }
            AccountError::Db(e) => ApiFailure::Internal(Box::new(e)),
            AccountError::Hash(e) => ApiFailure::Internal(Box::new(e)),
        }
    }
}

/// 201 with the account, the new session's cookie (first) and the app's sign of it.
fn signed_in(state: &AppState, new: NewSession) -> Response {
    let cookie = session_cookie(&new.token, state.cookie_secure);
    let sign = signed_in_cookie(state.cookie_secure);
    (
        StatusCode::CREATED,
        AppendHeaders([(header::SET_COOKIE, cookie), (header::SET_COOKIE, sign)]),
        Json(new.me),
    )
        .into_response()
}

#[utoipa::path(post, path = "/api/v1/registrations", tag = "accounts",
    request_body = RegistrationInput,
    responses(
        (status = 201, description = "The registry knows the person; send a code next", body = RegistrationStarted),
        (status = 400, description = "Malformed JSON, wrong types, missing or extra fields", body = ApiErrors),
        (status = 403, description = "Without the X-Klaim-Request header", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 409, description = "registration.already_registered", body = ApiErrors),
        (status = 422, description = "Form findings; registration.name_differs; registration.not_found; registration.no_contact", body = ApiErrors),
        (status = 429, description = "api.rate_limited, with Retry-After", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn start_registration(
    State(state): State<AppState>,
    Client(caller): Client,
    JsonBody(input): JsonBody<RegistrationInput>,
) -> Result<(StatusCode, Json<RegistrationStarted>), ApiFailure> {
    let started = registration::start(&state.accounts, &caller, &input).await?;
    Ok((StatusCode::CREATED, Json(started)))
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/code", tag = "accounts",
    params(("id" = String, Path, description = "registration_id from step 1")),
    request_body = SendCodeInput,
    responses(
        (status = 202, description = "A code is queued for the chosen contact", body = CodeSent),
        (status = 400, description = "Malformed JSON, wrong types, missing or extra fields", body = ApiErrors),
        (status = 403, description = "Without the X-Klaim-Request header", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 422, description = "account.step_expired; code.channel_unavailable", body = ApiErrors),
        (status = 429, description = "At most one code a minute, five an hour", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn send_registration_code(
    State(state): State<AppState>,
    Client(caller): Client,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<SendCodeInput>,
) -> Result<(StatusCode, Json<CodeSent>), ApiFailure> {
    let sent = registration::send_code(&state.accounts, &caller, &id, &input).await?;
    crate::metrics::count(Counter::CodesSent);
    Ok((StatusCode::ACCEPTED, Json(sent)))
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/verify", tag = "accounts",
    params(("id" = String, Path, description = "registration_id from step 1")),
    request_body = CodeInput,
    responses(
        (status = 201, description = "Account made and signed in; Set-Cookie: klaim_session", body = Me),
        (status = 400, description = "Malformed JSON, wrong types, missing or extra fields", body = ApiErrors),
        (status = 403, description = "Without the X-Klaim-Request header", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 409, description = "registration.already_registered", body = ApiErrors),
        (status = 422, description = "code.*; account.step_expired", body = ApiErrors),
        (status = 429, description = "api.rate_limited", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn verify_registration(
    State(state): State<AppState>,
    Client(caller): Client,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<CodeInput>,
) -> Result<Response, ApiFailure> {
    let new = registration::verify(&state.accounts, &caller, &id, &input).await?;
    crate::metrics::count(Counter::Registrations);
    Ok(signed_in(&state, new))
}

#[utoipa::path(post, path = "/api/v1/sessions", tag = "sessions",
    request_body = LoginInput,
    responses(
        (status = 201, description = "Signed in; Set-Cookie: klaim_session", body = Me),
        (status = 400, description = "Malformed JSON, wrong types, missing or extra fields", body = ApiErrors),
        (status = 403, description = "Without the X-Klaim-Request header", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 401, description = "login.failed (unknown login or wrong password alike)", body = ApiErrors),
        (status = 422, description = "Form findings", body = ApiErrors),
        (status = 429, description = "Five failures per account or 50 per address in 15 minutes", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn sign_in(
    State(state): State<AppState>,
    Client(caller): Client,
    JsonBody(input): JsonBody<LoginInput>,
) -> Result<Response, ApiFailure> {
    match login::sign_in(&state.accounts, &caller, &input).await {
        Ok(new) => {
            crate::metrics::count(Counter::SignIns);
            Ok(signed_in(&state, new))
        }
        Err(e) => {
            if matches!(
                e,
                AccountError::Problem {
                    problem: AccountProblem::LoginFailed,
                    ..
                }
            ) {
                crate::metrics::count(Counter::SignInFailures);
            }
            Err(e.into())
        }
    }
}

#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    security(("session" = [])),
    responses(
        (status = 200, description = "The signed-in account; participants with their registry profile", body = Me),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
    ))]
pub(super) async fn me(
    State(state): State<AppState>,
    session: SignedIn,
) -> Result<Json<Me>, ApiFailure> {
    let me = profile::me(&state.accounts.db, &session.0)
        .await
        .map_err(AccountError::from)?;
    Ok(Json(me))
}

#[utoipa::path(get, path = "/api/v1/sessions", tag = "sessions",
    security(("session" = [])),
    responses(
        (status = 200, description = "This account's live sessions, newest first", body = SessionList),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
    ))]
pub(super) async fn list_sessions(
    State(state): State<AppState>,
    session: SignedIn,
) -> Result<Json<SessionList>, ApiFailure> {
    let now = state.accounts.clock.now();
    let list = sessions::list(&state.accounts.db, &session.0, now)
        .await
        .map_err(AccountError::from)?;
    Ok(Json(SessionList { sessions: list }))
}

#[utoipa::path(delete, path = "/api/v1/sessions/current", tag = "sessions",
    security(("session" = [])),
    responses(
        (status = 204, description = "Signed out; the cookie is cleared"),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.request_header_missing", body = ApiErrors),
    ))]
pub(super) async fn sign_out(
    State(state): State<AppState>,
    session: SignedIn,
) -> Result<Response, ApiFailure> {
    sessions::end(&state.accounts.db, session.0.id)
        .await
        .map_err(AccountError::from)?;
    let cookie = cleared_cookie(state.cookie_secure);
    let sign = cleared_signed_in_cookie(state.cookie_secure);
    Ok((
        StatusCode::NO_CONTENT,
        AppendHeaders([(header::SET_COOKIE, cookie), (header::SET_COOKIE, sign)]),
    )
        .into_response())
}

#[utoipa::path(delete, path = "/api/v1/sessions/{id}", tag = "sessions",
    security(("session" = [])),
    params(("id" = String, Path, description = "A session id from GET /sessions")),
    responses(
        (status = 204, description = "That session ended"),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.request_header_missing", body = ApiErrors),
        (status = 404, description = "Not one of this account's sessions", body = ApiErrors),
    ))]
pub(super) async fn revoke_session(
    State(state): State<AppState>,
    session: SignedIn,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiFailure> {
    // Any role manages its own sessions; another account's session id is simply not found.
    let revoked = sessions::revoke(&state.accounts.db, session.0.account_id, &id)
        .await
        .map_err(AccountError::from)?;
    if revoked {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiFailure::NotFound)
    }
}

#[utoipa::path(post, path = "/api/v1/password-resets", tag = "accounts",
    request_body = PasswordResetInput,
    responses(
        (status = 202, description = "The same answer whether or not the account exists", body = PasswordResetStarted),
        (status = 400, description = "Malformed JSON, wrong types, missing or extra fields", body = ApiErrors),
        (status = 403, description = "Without the X-Klaim-Request header", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 422, description = "Form findings", body = ApiErrors),
        (status = 429, description = "api.rate_limited", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn start_reset(
    State(state): State<AppState>,
    Client(caller): Client,
    JsonBody(input): JsonBody<PasswordResetInput>,
) -> Result<(StatusCode, Json<PasswordResetStarted>), ApiFailure> {
    let started = reset::start(&state.accounts, &caller, &input).await?;
    Ok((StatusCode::ACCEPTED, Json(started)))
}

#[utoipa::path(post, path = "/api/v1/password-resets/{id}/complete", tag = "accounts",
    params(("id" = String, Path, description = "reset_id from the first step")),
    request_body = NewPasswordInput,
    responses(
        (status = 204, description = "New password set; every session of the account ended"),
        (status = 400, description = "Malformed JSON, wrong types, missing or extra fields", body = ApiErrors),
        (status = 403, description = "Without the X-Klaim-Request header", body = ApiErrors),
        (status = 413, description = "Body over 1 MiB", body = ApiErrors),
        (status = 422, description = "code.*; password.*; account.step_expired", body = ApiErrors),
        (status = 429, description = "api.rate_limited", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn complete_reset(
    State(state): State<AppState>,
    Client(caller): Client,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<NewPasswordInput>,
) -> Result<StatusCode, ApiFailure> {
    reset::complete(&state.accounts, &caller, &id, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

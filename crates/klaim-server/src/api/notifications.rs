//! In-app notifications (docs/notifications.md): the signed-in account's list with its unread
//! count, and marking read. Every role has a list; only claim owners' lists ever fill.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router, routing};
use klaim_core::api::ApiErrors;
use klaim_core::api::notification::{MarkRead, NotificationList};
use klaim_core::message::Finding;

use super::body::JsonBody;
use crate::app::AppState;
use crate::auth::SignedIn;
use crate::error::ApiFailure;
use crate::notifications::NotificationRefusal;
use crate::notifications::inbox::{self, InboxError};

/// Routes relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/notifications", routing::get(list))
        .route("/v1/notifications/read", routing::post(mark_read))
}

impl From<InboxError> for ApiFailure {
    fn from(e: InboxError) -> ApiFailure {
        match e {
            InboxError::Refused(refusal) => {
                let field = match refusal {
                    NotificationRefusal::NotFound => Some("ids"),
                };
                ApiFailure::Explained {
                    status: StatusCode::NOT_FOUND,
                    findings: vec![Finding::of(field, &refusal)],
                }
            }
            InboxError::TooManyIds => ApiFailure::Malformed,
            InboxError::Db(e) => ApiFailure::Internal(Box::new(e)),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/notifications", tag = "notifications",
    security(("session" = [])),
    responses(
        (status = 200, description = "The caller's newest 50 notifications, newest first, and how many of all are unread. Staff accounts get their own list (empty: only claims notify).", body = NotificationList),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
    ))]
pub(super) async fn list(
    State(state): State<AppState>,
    session: SignedIn,
) -> Result<Json<NotificationList>, ApiFailure> {
    let list = inbox::list(&state.accounts.db, session.0.account_id)
        .await
        .map_err(InboxError::from)?;
    Ok(Json(list))
}

#[utoipa::path(post, path = "/api/v1/notifications/read", tag = "notifications",
    security(("session" = [])),
    request_body = MarkRead,
    responses(
        (status = 204, description = "Marked read (already read ones stay as they were)"),
        (status = 400, description = "api.malformed: bad JSON, unknown fields, more than 200 ids", body = ApiErrors),
        (status = 401, description = "api.unauthenticated", body = ApiErrors),
        (status = 403, description = "api.request_header_missing", body = ApiErrors),
        (status = 404, description = "notification.not_found (field ids): an id that is not one of the caller's; nothing was marked", body = ApiErrors),
        (status = 413, description = "api.too_large: body over 1 MiB", body = ApiErrors),
        (status = 415, description = "api.unsupported_media_type: the body is not sent as application/json", body = ApiErrors),
    ))]
pub(super) async fn mark_read(
    State(state): State<AppState>,
    session: SignedIn,
    JsonBody(request): JsonBody<MarkRead>,
) -> Result<StatusCode, ApiFailure> {
    let now = state.accounts.clock.now();
    inbox::mark_read(&state.accounts.db, session.0.account_id, &request, now).await?;
    Ok(StatusCode::NO_CONTENT)
}

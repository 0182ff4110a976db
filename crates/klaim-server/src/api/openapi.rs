//! `GET /api/v1/openapi.json`: the API contract, generated from the handlers' annotations and
//! klaim-core's types (its `openapi` feature), so it cannot drift from the code.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{account, admin, claims, documents, health, office};
use super::{notifications, receipt};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Klaim claims API",
        description = "Accounts, sessions, documents and claims of BPJS Ketenagakerjaan participants. \
            Every error is `{ \"errors\": [ { \"code\", \"field\", \"message\" } ] }` with the message \
            in the language of Accept-Language. State-changing requests need the header \
            `X-Klaim-Request: 1`."
    ),
    paths(
        health::health,
        account::start_registration,
        account::send_registration_code,
        account::verify_registration,
        account::sign_in,
        account::list_sessions,
        account::sign_out,
        account::revoke_session,
        account::me,
        account::start_reset,
        account::complete_reset,
        documents::upload,
        documents::list,
        documents::info,
        documents::content,
        claims::facts,
        claims::bank_inquiry,
        claims::submit_claim,
        claims::list,
        claims::view,
        receipt::receipt_pdf,
        claims::resubmission,
        office::list,
        office::claim,
        office::document,
        office::step,
        admin::audit_trail,
        notifications::list,
        notifications::mark_read,
    ),
    modifiers(&SessionCookie)
)]
pub struct ApiDoc;

/// The session cookie as the security scheme named `session`.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::auth::SESSION_COOKIE,
            ))),
        );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

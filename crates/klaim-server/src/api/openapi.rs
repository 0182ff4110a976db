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
    modifiers(&SessionCookie, &ClosedVariants)
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

/// Enums whose variants serde reads as closed objects: utoipa closes plain structs with
/// `additionalProperties: false` but not the object variants of an enum, so a field the server
/// refuses would look allowed.
struct ClosedVariants;

/// The component schemas whose `oneOf` object variants refuse unknown fields: `OfficerStep`
/// (internally tagged, `deny_unknown_fields`) and `ItemTarget` (externally tagged: one key).
const CLOSED_VARIANTS: [&str; 2] = ["OfficerStep", "ItemTarget"];

impl Modify for ClosedVariants {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::RefOr;
        use utoipa::openapi::schema::{AdditionalProperties, Schema};
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        for name in CLOSED_VARIANTS {
            let Some(RefOr::T(Schema::OneOf(one_of))) = components.schemas.get_mut(name) else {
                continue;
            };
            for variant in &mut one_of.items {
                if let RefOr::T(Schema::Object(object)) = variant {
                    object.additional_properties =
                        Some(Box::new(AdditionalProperties::FreeForm(false)));
                }
            }
        }
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

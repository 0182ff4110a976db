//! Types of the claims API (`/api/v1`), shared by the app and the server.

use serde::{Deserialize, Serialize};

pub mod account;
pub mod claim;
pub mod notification;
pub mod office;

use crate::{Explain, Finding, Lang};

/// The one error shape of the API: `{ "errors": [ { "code", "field", "message" } ] }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiErrors {
    pub errors: Vec<ApiError>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    /// A klaim-core code such as `nik.length` or an API code such as `api.not_found`.
    pub code: String,
    /// The request field the error is about, when there is one (`nik`, `birth_date`).
    pub field: Option<String>,
    /// Human text in the language the client asked for (`Accept-Language`).
    pub message: String,
}

impl ApiError {
    /// Builds an API error from any explained finding.
    pub fn from_finding(finding: &dyn Explain, field: Option<&str>, lang: Lang) -> ApiError {
        ApiError {
            code: finding.code().to_owned(),
            field: field.map(str::to_owned),
            message: finding.message(lang),
        }
    }

    /// Builds an API error from a frozen finding (as the forms return them), keeping its field.
    pub fn from_frozen(finding: &Finding, lang: Lang) -> ApiError {
        ApiError {
            code: finding.code.to_owned(),
            field: finding.field.map(str::to_owned),
            message: finding.message(lang).to_owned(),
        }
    }
}

/// `GET /api/v1/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
    pub rules_version: String,
}

//! Claims and documents on the wire (`/api/v1/claims`, `/documents`, `/bank-inquiries`).
//! Dates are ISO `YYYY-MM-DD`; instants are Unix seconds; rupiah are whole numbers.

use serde::{Deserialize, Serialize};

pub use crate::claim::ClaimStatus;
use crate::claim::{
    ActionItem, Actor, ClaimAnswers, ClaimReason, DocumentKind, Estimate, Programme, StatedReason,
    Transition,
};
use crate::document::FileType;
use crate::{BankAccount, NameMatch};

/// `PUT /documents/{id}` → 201 (or 200 when the same id and content were stored before), and one
/// entry of `GET /documents`. The id is a UUID made by the client, so a retried upload never
/// stores a second copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentInfo {
    pub id: String,
    pub kind: DocumentKind,
    pub file_type: FileType,
    pub bytes: u64,
    /// Lower-case hex SHA-256 of the content.
    pub sha256: String,
    pub uploaded_at: i64,
    /// Already attached to a submitted claim (it can still be reused when `kind.reusable()`).
    pub in_claims: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentList {
    pub documents: Vec<DocumentInfo>,
}

/// `POST /bank-inquiries`: the bank's account-name inquiry (the registry's stand-in), compared
/// with the claimant's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BankInquiry {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::BankAccountJson))]
    pub bank_account: BankAccount,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BankInquiryAnswer {
    /// The holder's name as the bank has it, masked ("S*** W******") so the inquiry cannot be
    /// used to learn strangers' names.
    pub holder_masked: String,
    /// Compared with the signed-in claimant's registered name.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub name_match: NameMatch,
}

/// `PUT /claims/{id}`: the claim id is a UUID made by the app; sending it again returns the same
/// claim (200), the same id with other content is 409.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClaimSubmission {
    /// The rule set the app checked the claim with (`klaim_core::RULES_VERSION`).
    pub rules_version: String,
    pub answers: ClaimAnswers,
    pub documents: Vec<AttachedDocument>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AttachedDocument {
    pub kind: DocumentKind,
    pub document_id: String,
}

/// One line of "Klaim saya".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimSummary {
    pub id: String,
    /// `KLM-26-7QX4-M2PA`.
    pub reference: String,
    pub programme: Programme,
    pub reason: ClaimReason,
    pub status: ClaimStatus,
    pub submitted_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimList {
    /// Newest first.
    pub claims: Vec<ClaimSummary>,
}

/// `GET /claims/{id}` and the answer to `PUT /claims/{id}`: the claim as submitted, read-only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimView {
    #[serde(flatten)]
    pub summary: ClaimSummary,
    pub answers: ClaimAnswers,
    pub documents: Vec<DocumentInfo>,
    /// The estimate the server computed when the claim was submitted.
    pub estimate: Estimate,
    /// The legal deadline for the agency's decision from a complete application, as a date.
    pub decision_due_on: String,
    /// Every status the claim took, oldest first.
    pub history: Vec<StatusEvent>,
    /// While `needs_action`: the items reopened for the claimant, each with its reason. Only these
    /// can be changed.
    pub open_items: Vec<ActionItem>,
    /// The officer's note with the latest request or rejection.
    pub note: Option<String>,
    pub outcome: Outcome,
}

/// One step of the timeline. Officers are not named to participants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusEvent {
    pub status: ClaimStatus,
    pub at: i64,
    /// `None` for the submission itself.
    pub step: Option<Transition>,
    pub by: Actor,
}

/// What was decided, as far as it has been.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    /// Set on approval, in rupiah.
    pub approved_amount: Option<u64>,
    /// Approved by rule, without an officer.
    pub auto_approved: bool,
    /// Set on rejection.
    pub rejection: Vec<StatedReason>,
    /// The bank's reference, once paid.
    pub transfer_reference: Option<String>,
}

/// `POST /claims/{id}/resubmission`, while the claim needs action: only the reopened items.
/// `documents` replaces the reopened documents (by kind); `answers` is the whole answer set with
/// only the reopened answers changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Resubmission {
    pub answers: ClaimAnswers,
    pub documents: Vec<AttachedDocument>,
}

//! The back office on the wire (`/api/v1/office/…`, officers only; `/api/v1/admin/audit`, admins
//! only). Officers see the registry's data whole: they compare it with the documents.

use serde::{Deserialize, Serialize};

use super::account::{Membership, Role};
use super::claim::{ClaimStatus, ClaimSummary, ClaimView};
use crate::Date;
use crate::claim::{ActionItem, CheckResult, Programme, StatedReason, Transition};

/// `GET /office/claims?programme=jht&status=submitted&older_than_days=3`: the queue, the
/// earliest decision due date first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct QueueFilter {
    pub programme: Option<Programme>,
    pub status: Option<ClaimStatus>,
    /// Only claims submitted at least this many days ago.
    // Declared as what the server reads (any u32): utoipa's u32 is an `int32`, which tops out
    // at 2^31 - 1.
    #[cfg_attr(
        feature = "openapi",
        param(value_type = Option<u64>, maximum = 4294967295_u64),
        schema(value_type = Option<u64>, maximum = 4294967295_u64)
    )]
    pub older_than_days: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueEntry {
    #[serde(flatten)]
    pub summary: ClaimSummary,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub decision_due_on: Date,
    /// Due before today and not decided yet.
    pub overdue: bool,
    /// Whole days since submission.
    pub age_days: u32,
    /// The amount klaim-core computed, in rupiah.
    pub amount: u64,
    /// The officer's own claim (or one about them): shown, never actionable by them.
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Queue {
    pub entries: Vec<QueueEntry>,
}

/// `GET /office/claims/{id}`: the claim beside the registry, with the automated checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeClaim {
    /// What the participant sees, including history, open items and outcome.
    pub claim: ClaimView,
    /// The member the claim is about (the deceased on a death claim).
    pub participant: RegistryRecord,
    /// The person who made it, when not the member (the heir).
    pub claimant: Option<RegistryRecord>,
    /// Holder name of the given account as the bank has it (the registry's stand-in).
    pub bank_holder: Option<String>,
    pub checks: Vec<CheckResult>,
    /// The amount klaim-core computes for approval, in rupiah.
    pub computed_amount: u64,
    /// Steps this officer can take now (none on their own claim).
    pub available: Vec<Transition>,
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistryRecord {
    pub full_name: String,
    pub nik: String,
    pub birth_date: String,
    pub memberships: Vec<Membership>,
}

/// `POST /office/claims/{id}/steps`: one step on a claim (parsed by
/// [`crate::claim::Decision::parse`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "step", rename_all = "snake_case", deny_unknown_fields)]
pub enum OfficerStep {
    StartVerification,
    RequestAction {
        items: Vec<ActionItem>,
        note: Option<String>,
    },
    Approve {
        /// `None` approves the computed amount.
        amount: Option<u64>,
        justification: Option<String>,
    },
    Reject {
        reasons: Vec<StatedReason>,
        note: Option<String>,
    },
    StartPayment,
    ConfirmPayment {
        transfer_reference: String,
    },
}

impl OfficerStep {
    /// The lifecycle step this asks for, before its content is checked.
    pub fn transition(&self) -> Transition {
        match self {
            OfficerStep::StartVerification => Transition::StartVerification,
            OfficerStep::RequestAction { .. } => Transition::RequestAction,
            OfficerStep::Approve { .. } => Transition::Approve,
            OfficerStep::Reject { .. } => Transition::Reject,
            OfficerStep::StartPayment => Transition::StartPayment,
            OfficerStep::ConfirmPayment { .. } => Transition::ConfirmPayment,
        }
    }
}

/// `GET /admin/audit?claim_id=…`: the append-only audit trail, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    /// `None` for the system (rule-based approval).
    pub account_id: Option<i64>,
    pub role: Option<Role>,
    pub action: AuditAction,
    pub claim_id: String,
    /// The document viewed, or the step taken.
    pub subject: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    ViewedClaim,
    ViewedDocument,
    Transition,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditTrail {
    pub entries: Vec<AuditEntry>,
}

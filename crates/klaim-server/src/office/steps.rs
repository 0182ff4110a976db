//! Taking a step on a claim, in one transaction: klaim-core says whether the actor may take it
//! from the claim's status (`transition`) and what it carries (`Decision::parse`); then the
//! claim's columns, a status-history row, an audit row and the participant's notification are
//! written together.
//!
//! Two officers acting at once: the update names the status it starts from, so the second finds
//! no row to change and gets 409 `claim.transition_invalid` with the status the first left.

use klaim_core::api::account::Role;
use klaim_core::api::claim::ClaimStatus;
use klaim_core::api::office::{AuditAction, OfficeClaim, OfficerStep};
use klaim_core::claim::{Actor, Decision, Transition, TransitionError, transition};
use serde_json::{Value, json};
use sqlx::AnyConnection;

use super::stored::{self, StoredClaim};
use super::{Office, OfficeError, Staff, audit, view};

/// The claim's outcome columns, as stored and as a step leaves them. JSON columns stay text here:
/// they are written by this module only and read back by `claims::records`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The reopened items (JSON) while the claim needs action.
    pub open_items: Option<String>,
    pub note: Option<String>,
    pub approved_amount: Option<i64>,
    pub approval_justification: Option<String>,
    pub auto_approved: bool,
    /// The rejection's reasons (JSON).
    pub rejection: Option<String>,
    pub transfer_reference: Option<String>,
}

/// Why a step was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum StepError {
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// One step about to be recorded.
pub struct Step<'a> {
    pub claim: &'a StoredClaim,
    pub step: Transition,
    pub actor: Actor,
    /// The account taking it, with its role; `None` for the system.
    pub by: Option<(i64, Role)>,
    /// The outcome columns after the step (the claim's as they were, changed by the step).
    pub outcome: Outcome,
    /// Reason codes, comma-separated, for the history's `reason` column.
    pub reason: Option<String>,
    /// What came with the step (items, reasons, amount, transfer reference), for the history.
    pub detail: Option<Value>,
    pub now: i64,
}

/// Records a step inside the caller's transaction and returns the new status: the claim's
/// columns (only if it is still in the status the step starts from), the history row, the audit
/// row and the notification.
pub async fn record(conn: &mut AnyConnection, step: Step<'_>) -> Result<ClaimStatus, StepError> {
    let to = transition(step.claim.status, step.step, step.actor)?;
    let outcome = &step.outcome;
    let changed = sqlx::query(
        "UPDATE claims SET status = $1,
         open_key = CASE WHEN $1 IN ('rejected', 'paid') THEN NULL ELSE open_key END,
         open_items = $2, note = $3, approved_amount = $4, approval_justification = $5,
         auto_approved = $6, rejection = $7, transfer_reference = $8, version = version + 1,
         updated_at = $9
         WHERE id = $10 AND status = $11",
    )
    .bind(to.as_str())
    .bind(outcome.open_items.clone())
    .bind(outcome.note.clone())
    .bind(outcome.approved_amount)
    .bind(outcome.approval_justification.clone())
    .bind(i64::from(outcome.auto_approved))
    .bind(outcome.rejection.clone())
    .bind(outcome.transfer_reference.clone())
    .bind(step.now)
    .bind(step.claim.id.as_str())
    .bind(step.claim.status.as_str())
    .execute(&mut *conn)
    .await?;
    if changed.rows_affected() != 1 {
        // Someone else moved the claim since it was read: say where it stands now.
        let now: String = sqlx::query_scalar("SELECT status FROM claims WHERE id = $1")
            .bind(step.claim.id.as_str())
            .fetch_one(&mut *conn)
            .await?;
        let from = ClaimStatus::from_wire(&now).ok_or_else(|| stored::corrupt("status"))?;
        return Err(TransitionError::NotNow {
            step: step.step,
            from,
        }
        .into());
    }
    let detail = step.detail.as_ref().map(Value::to_string);
    sqlx::query(
        "INSERT INTO claim_status_history
         (claim_id, status, at, by_account, reason, step, actor, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(step.claim.id.as_str())
    .bind(to.as_str())
    .bind(step.now)
    .bind(step.by.map(|(account, _)| account))
    .bind(step.reason.clone())
    .bind(step.step.as_str())
    .bind(step.actor.as_str())
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    audit::append(
        &mut *conn,
        &audit::Entry {
            at: step.now,
            by: step.by,
            action: AuditAction::Transition,
            claim_id: &step.claim.id,
            subject: Some(step.step.as_str()),
        },
    )
    .await?;
    crate::notifications::claim_status_changed(&mut *conn, &step.claim.id, to, step.now).await?;
    Ok(to)
}

/// `POST /office/claims/{id}/steps`: an officer's step, checked and recorded; the claim as it
/// now stands.
pub async fn take(
    office: &Office,
    officer: Staff,
    claim_id: &str,
    request: &OfficerStep,
) -> Result<OfficeClaim, OfficeError> {
    let mut tx = office.db.begin_write().await?;
    let claim = stored::load(&mut tx, claim_id)
        .await?
        .ok_or(OfficeError::NotFound)?;
    if stored::is_own(&mut tx, officer.account_id, &claim).await? {
        return Err(OfficeError::OwnClaim);
    }
    // Who and when first: a step that cannot be taken now is 409 whatever it carries.
    transition(claim.status, request.transition(), Actor::Officer)?;
    let decision = Decision::parse(request, claim.estimate.amount_to_approve())
        .map_err(OfficeError::Decision)?;
    let step = decided(
        &claim,
        &decision,
        Actor::Officer,
        Some((officer.account_id, officer.role)),
        office.clock.now(),
    );
    record(&mut tx, step).await?;
    tx.commit().await?;
    let mut conn = office.db.pool().acquire().await?;
    view::build(&mut conn, officer, &office.clock, claim_id)
        .await?
        .ok_or(OfficeError::NotFound)
}

fn json_text(value: &impl serde::Serialize) -> Option<String> {
    // klaim-core's wire types always serialise (string keys, no floats).
    serde_json::to_string(value).ok()
}

/// The step a checked decision makes: the claim's outcome as it will be, and what to record.
pub fn decided<'a>(
    claim: &'a StoredClaim,
    decision: &Decision,
    actor: Actor,
    by: Option<(i64, Role)>,
    now: i64,
) -> Step<'a> {
    let mut outcome = claim.outcome.clone();
    let (reason, detail) = match decision {
        Decision::StartVerification | Decision::StartPayment => (None, None),
        Decision::RequestAction { items, note } => {
            outcome.open_items = json_text(items);
            outcome.note = note.clone();
            let codes: Vec<&str> = items.iter().map(|i| i.reason.as_str()).collect();
            (
                Some(codes.join(",")),
                Some(json!({ "items": items, "note": note })),
            )
        }
        Decision::Approve {
            amount,
            justification,
        } => {
            outcome.approved_amount = Some(i64::try_from(amount.amount()).unwrap_or(i64::MAX));
            outcome.approval_justification = justification.clone();
            outcome.auto_approved = actor == Actor::System;
            (
                None,
                Some(json!({
                    "amount": amount.amount(),
                    "justification": justification,
                    "auto_approved": actor == Actor::System,
                })),
            )
        }
        Decision::Reject { reasons, note } => {
            outcome.rejection = json_text(reasons);
            outcome.note = note.clone();
            let codes: Vec<&str> = reasons.iter().map(|r| r.reason.as_str()).collect();
            (
                Some(codes.join(",")),
                Some(json!({ "reasons": reasons, "note": note })),
            )
        }
        Decision::ConfirmPayment { transfer_reference } => {
            outcome.transfer_reference = Some(transfer_reference.as_str().to_owned());
            (
                None,
                Some(json!({ "transfer_reference": transfer_reference.as_str() })),
            )
        }
    };
    Step {
        claim,
        step: decision.transition(),
        actor,
        by,
        outcome,
        reason,
        detail,
        now,
    }
}

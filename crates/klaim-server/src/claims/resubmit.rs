//! `POST /claims/{id}/resubmission`: the claimant sends a claim back after "Perlu tindakan" with
//! only the reopened items changed. klaim-core decides what may change (`check_resubmission`),
//! then its gate runs again on the claim as it will be (`ready_to_submit`: the server never
//! trusts the app), and the claim goes back to verifying — answers, attachments, status, history,
//! audit and the notification in one transaction.
//!
//! The estimate and the decision date are computed again: the answers may have changed, and the
//! legal deadline runs from a complete application, which this now is.

use klaim_core::api::account::Role;
use klaim_core::api::claim::{AttachedDocument, ClaimView, Resubmission};
use klaim_core::claim::{
    Actor, DocumentKind, Transition, TransitionError, check_resubmission, decision_due,
    ready_to_submit, transition,
};
use klaim_core::message::Finding;
use serde_json::json;

use super::refusal::ClaimRefusal;
use super::submit::{attachment_ids, check_attachments, refused};
use super::{Caller, Claims, ClaimsError, bank, records, subject};
use crate::documents::{ClientId, UploadRefusal};
use crate::office::steps::{self, Step, StepError};
use crate::office::{checks, stored};

#[derive(Debug, thiserror::Error)]
pub enum ResubmitError {
    #[error(transparent)]
    Claims(#[from] ClaimsError),
    /// Not while the claim does not need action (409).
    #[error(transparent)]
    Transition(#[from] TransitionError),
}

impl From<sqlx::Error> for ResubmitError {
    fn from(e: sqlx::Error) -> ResubmitError {
        ResubmitError::Claims(e.into())
    }
}

impl From<ClaimRefusal> for ResubmitError {
    fn from(e: ClaimRefusal) -> ResubmitError {
        ResubmitError::Claims(e.into())
    }
}

impl From<UploadRefusal> for ResubmitError {
    fn from(e: UploadRefusal) -> ResubmitError {
        ResubmitError::Claims(e.into())
    }
}

impl From<StepError> for ResubmitError {
    fn from(e: StepError) -> ResubmitError {
        match e {
            StepError::Transition(e) => e.into(),
            StepError::Db(e) => e.into(),
        }
    }
}

pub async fn resubmit(
    claims: &Claims,
    caller: Caller,
    id: &ClientId,
    resubmission: &Resubmission,
) -> Result<ClaimView, ResubmitError> {
    let mut tx = claims.db.begin_write().await?;
    // Another account's claim is not found, the same answer as no claim at all.
    let claim = stored::load(&mut tx, id.as_str())
        .await?
        .filter(|c| c.account_id == caller.account_id)
        .ok_or(ClaimRefusal::NotFound)?;
    transition(claim.status, Transition::Resubmit, Actor::Claimant)?;

    let open_items = claim.open_items()?;
    let before = stored::attachments(&mut tx, &claim.id).await?;
    let after = &resubmission.documents;
    let answers = &resubmission.answers;
    if let Err(problems) = check_resubmission(&open_items, &claim.answers, answers, &before, after)
    {
        let findings = problems.iter().map(|p| Finding::of(p.field(), p)).collect();
        return Err(ClaimsError::Problems(findings).into());
    }
    // The documents kept were checked when the claim was submitted; the new uploads are checked
    // now, as any attachment is: the caller's own, of the kind named, not used elsewhere.
    let ids = attachment_ids(after)?;
    let (new_docs, new_ids): (Vec<AttachedDocument>, Vec<ClientId>) = after
        .iter()
        .zip(&ids)
        .filter(|(_, id)| !before.iter().any(|b| b.document_id == id.as_str()))
        .map(|(doc, id)| (doc.clone(), id.clone()))
        .unzip();
    check_attachments(&mut tx, caller, &new_docs, &new_ids).await?;

    let member = subject::caller(&mut tx, claim.participant_id).await?;
    let claimant = if claim.claimant_participant_id == claim.participant_id {
        member.clone()
    } else {
        subject::caller(&mut tx, claim.claimant_participant_id).await?
    };
    let facts = checks::facts_without(&mut tx, &member, &claim.id).await?;
    let holder = match &answers.bank_account {
        Some(account) => bank::holder(&mut tx, account).await?,
        None => None,
    };
    let kinds: Vec<DocumentKind> = after.iter().map(|d| d.kind).collect();
    let today = claims.clock.today();
    let assessment = ready_to_submit(
        &facts,
        &claimant.claimant(),
        answers,
        &kinds,
        holder.as_ref(),
        today,
    )
    .map_err(|problems| refused(&problems, answers, holder.is_some()))?;

    let now = claims.clock.now();
    let mut outcome = claim.outcome.clone();
    outcome.open_items = None;
    outcome.note = None;
    let replaced: Vec<serde_json::Value> = new_docs
        .iter()
        .map(|d| json!({ "kind": d.kind, "document_id": d.document_id }))
        .collect();
    steps::record(
        &mut tx,
        Step {
            claim: &claim,
            step: Transition::Resubmit,
            actor: Actor::Claimant,
            by: Some((caller.account_id, Role::Participant)),
            outcome,
            reason: None,
            detail: Some(json!({ "fixed": open_items, "new_documents": replaced })),
            now,
        },
    )
    .await?;
    let estimate = &assessment.estimate;
    let amount = |r: klaim_core::Rupiah| i64::try_from(r.amount()).unwrap_or(i64::MAX);
    let answers_json =
        serde_json::to_string(answers).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "UPDATE claims SET answers = $1, estimate_lump_sum = $2, estimate_monthly = $3,
         estimate_months = $4, estimate_total = $5, estimate_tax = $6,
         estimate_explanation_id = $7, estimate_explanation_en = $8, decision_due_on = $9
         WHERE id = $10",
    )
    .bind(answers_json)
    .bind(amount(estimate.lump_sum))
    .bind(estimate.monthly.map(amount))
    .bind(estimate.months.map(i64::from))
    .bind(estimate.total.map(amount))
    .bind(amount(estimate.tax))
    .bind(estimate.explanation_id.as_str())
    .bind(estimate.explanation_en.as_str())
    .bind(decision_due(claim.programme, estimate, today).to_iso())
    .bind(claim.id.as_str())
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM claim_documents WHERE claim_id = $1")
        .bind(claim.id.as_str())
        .execute(&mut *tx)
        .await?;
    for (seq, document) in (1i64..).zip(&ids) {
        sqlx::query("INSERT INTO claim_documents (claim_id, document_id, seq) VALUES ($1, $2, $3)")
            .bind(claim.id.as_str())
            .bind(document.as_str())
            .bind(seq)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let mut conn = claims.db.pool().acquire().await?;
    Ok(records::view(&mut conn, caller.account_id, id)
        .await?
        .ok_or(ClaimRefusal::NotFound)?)
}

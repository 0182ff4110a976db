//! The `claims`, `claim_documents` and `claim_status_history` tables: a new claim written whole,
//! and claims read back as the API shows them. Reads for a caller are scoped to their account.

use klaim_core::api::claim::{ClaimStatus, ClaimSummary, ClaimView, Outcome, StatusEvent};
use klaim_core::claim::{
    Actor, ClaimAnswers, ClaimReason, Estimate, Programme, Reference, Transition,
};
use klaim_core::{Date, Rupiah};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::Caller;
use crate::db::Db;
use crate::documents::{ClientId, records as documents};

/// A claim about to be stored.
pub struct NewClaim<'a> {
    pub id: &'a ClientId,
    pub reference: &'a Reference,
    pub caller: Caller,
    /// The member the claim is about (the deceased on a death claim).
    pub participant_id: i64,
    pub answers: &'a ClaimAnswers,
    pub content_hash: &'a str,
    pub rules_version: &'a str,
    pub estimate: &'a Estimate,
    pub decision_due_on: Date,
    /// Attached documents, in the submission's order.
    pub documents: &'a [ClientId],
    pub now: i64,
}

/// The value of the unique `open_key` column while a claim is open.
pub fn open_key(participant_id: i64, programme: Programme, reason: ClaimReason) -> String {
    format!(
        "{participant_id}:{}:{}",
        programme.as_str(),
        reason.as_str()
    )
}

fn amount(r: Rupiah) -> i64 {
    i64::try_from(r.amount()).unwrap_or(i64::MAX)
}

/// Writes the claim, its attachments and its first status. Run it in a transaction; a unique
/// violation (id, reference or open claim) is returned as the database error it is.
pub async fn insert(conn: &mut AnyConnection, claim: &NewClaim<'_>) -> Result<(), sqlx::Error> {
    let answers =
        serde_json::to_string(claim.answers).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let status = ClaimStatus::Submitted;
    sqlx::query(
        "INSERT INTO claims (id, reference, account_id, participant_id, claimant_participant_id,
         programme, reason, status, open_key, content_hash, rules_version, answers,
         estimate_lump_sum, estimate_monthly, estimate_months, estimate_total, estimate_tax,
         estimate_explanation_id, estimate_explanation_en, decision_due_on, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         $19, $20, $21)",
    )
    .bind(claim.id.as_str())
    .bind(claim.reference.as_str())
    .bind(claim.caller.account_id)
    .bind(claim.participant_id)
    .bind(claim.caller.participant_id)
    .bind(claim.answers.programme.as_str())
    .bind(claim.answers.reason.as_str())
    .bind(status.as_str())
    .bind(open_key(
        claim.participant_id,
        claim.answers.programme,
        claim.answers.reason,
    ))
    .bind(claim.content_hash)
    .bind(claim.rules_version)
    .bind(answers)
    .bind(amount(claim.estimate.lump_sum))
    .bind(claim.estimate.monthly.map(amount))
    .bind(claim.estimate.months.map(i64::from))
    .bind(claim.estimate.total.map(amount))
    .bind(amount(claim.estimate.tax))
    .bind(claim.estimate.explanation_id.as_str())
    .bind(claim.estimate.explanation_en.as_str())
    .bind(claim.decision_due_on.to_iso())
    .bind(claim.now)
    .execute(&mut *conn)
    .await?;
    for (seq, document) in (1i64..).zip(claim.documents) {
        sqlx::query("INSERT INTO claim_documents (claim_id, document_id, seq) VALUES ($1, $2, $3)")
            .bind(claim.id.as_str())
            .bind(document.as_str())
            .bind(seq)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "INSERT INTO claim_status_history (claim_id, status, at, by_account, reason)
         VALUES ($1, $2, $3, $4, NULL)",
    )
    .bind(claim.id.as_str())
    .bind(status.as_str())
    .bind(claim.now)
    .bind(claim.caller.account_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Who made the claim with this id, and its fingerprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    pub account_id: i64,
    pub content_hash: String,
}

pub async fn owner(conn: &mut AnyConnection, id: &ClientId) -> Result<Option<Owner>, sqlx::Error> {
    let row = sqlx::query("SELECT account_id, content_hash FROM claims WHERE id = $1")
        .bind(id.as_str())
        .fetch_optional(conn)
        .await?;
    row.map(|row| {
        Ok(Owner {
            account_id: row.try_get("account_id")?,
            content_hash: row.try_get("content_hash")?,
        })
    })
    .transpose()
}

/// The open claim holding `open_key`, if any: its id and reference.
pub async fn open_claim(
    conn: &mut AnyConnection,
    open_key: &str,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, reference FROM claims WHERE open_key = $1")
        .bind(open_key)
        .fetch_optional(conn)
        .await
}

/// Whether any claim already holds `reference` (a random collision, retried).
pub async fn reference_taken(
    conn: &mut AnyConnection,
    reference: &Reference,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM claims WHERE reference = $1")
        .bind(reference.as_str())
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

/// How many claims a document is attached to.
pub async fn uses_of_document(
    conn: &mut AnyConnection,
    document: &ClientId,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM claim_documents WHERE document_id = $1")
        .bind(document.as_str())
        .fetch_one(conn)
        .await
}

pub(crate) fn corrupt(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("claims.{what} does not read back").into())
}

/// A claim row's summary columns (id, reference, programme, reason, status, submitted_at).
pub(crate) fn summary(row: &AnyRow) -> Result<ClaimSummary, sqlx::Error> {
    let text = |column: &str| row.try_get::<String, _>(column);
    Ok(ClaimSummary {
        id: text("id")?,
        reference: text("reference")?,
        programme: Programme::from_wire(&text("programme")?).ok_or_else(|| corrupt("programme"))?,
        reason: ClaimReason::from_wire(&text("reason")?).ok_or_else(|| corrupt("reason"))?,
        status: ClaimStatus::from_wire(&text("status")?).ok_or_else(|| corrupt("status"))?,
        submitted_at: row.try_get("submitted_at")?,
    })
}

fn rupiah(row: &AnyRow, column: &str) -> Result<Rupiah, sqlx::Error> {
    let n: i64 = row.try_get(column)?;
    u64::try_from(n)
        .map(Rupiah::from_u64)
        .map_err(|_| corrupt(column))
}

fn optional_rupiah(row: &AnyRow, column: &str) -> Result<Option<Rupiah>, sqlx::Error> {
    let n: Option<i64> = row.try_get(column)?;
    n.map(|n| {
        u64::try_from(n)
            .map(Rupiah::from_u64)
            .map_err(|_| corrupt(column))
    })
    .transpose()
}

/// The estimate stored with a claim (the `estimate_*` columns).
pub(crate) fn estimate(row: &AnyRow) -> Result<Estimate, sqlx::Error> {
    let months: Option<i64> = row.try_get("estimate_months")?;
    Ok(Estimate {
        lump_sum: rupiah(row, "estimate_lump_sum")?,
        monthly: optional_rupiah(row, "estimate_monthly")?,
        months: months
            .map(|m| u32::try_from(m).map_err(|_| corrupt("estimate_months")))
            .transpose()?,
        total: optional_rupiah(row, "estimate_total")?,
        tax: rupiah(row, "estimate_tax")?,
        explanation_id: row.try_get("estimate_explanation_id")?,
        explanation_en: row.try_get("estimate_explanation_en")?,
    })
}

/// One of the account's claims, as submitted.
pub async fn view(
    conn: &mut AnyConnection,
    account_id: i64,
    id: &ClientId,
) -> Result<Option<ClaimView>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, reference, programme, reason, status, submitted_at, answers,
         estimate_lump_sum, estimate_monthly, estimate_months, estimate_total, estimate_tax,
         estimate_explanation_id, estimate_explanation_en, decision_due_on, open_items, note,
         approved_amount, auto_approved, rejection, transfer_reference
         FROM claims WHERE id = $1 AND account_id = $2",
    )
    .bind(id.as_str())
    .bind(account_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let answers: String = row.try_get("answers")?;
    let answers: ClaimAnswers = serde_json::from_str(&answers).map_err(|_| corrupt("answers"))?;
    let estimate = estimate(&row)?;
    let summary = summary(&row)?;
    let decision_due_on: String = row.try_get("decision_due_on")?;
    let documents = documents::of_claim(&mut *conn, &summary.id).await?;
    let history = history(conn, &summary.id).await?;
    Ok(Some(ClaimView {
        open_items: json_column(&row, "open_items")?.unwrap_or_default(),
        note: row.try_get("note")?,
        outcome: outcome(&row)?,
        summary,
        answers,
        documents,
        estimate,
        decision_due_on,
        history,
    }))
}

/// A JSON column that may be NULL.
fn json_column<T: serde::de::DeserializeOwned>(
    row: &AnyRow,
    column: &str,
) -> Result<Option<T>, sqlx::Error> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|t| serde_json::from_str(&t).map_err(|_| corrupt(column)))
        .transpose()
}

fn outcome(row: &AnyRow) -> Result<Outcome, sqlx::Error> {
    let approved: Option<i64> = row.try_get("approved_amount")?;
    let auto: i64 = row.try_get("auto_approved")?;
    Ok(Outcome {
        approved_amount: approved
            .map(|a| u64::try_from(a).map_err(|_| corrupt("approved_amount")))
            .transpose()?,
        auto_approved: auto != 0,
        rejection: json_column(row, "rejection")?.unwrap_or_default(),
        transfer_reference: row.try_get("transfer_reference")?,
    })
}

/// Every status the claim took, oldest first.
pub async fn history(
    conn: &mut AnyConnection,
    claim_id: &str,
) -> Result<Vec<StatusEvent>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT status, at, step, actor FROM claim_status_history WHERE claim_id = $1 ORDER BY id",
    )
    .bind(claim_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            let status: String = row.try_get("status")?;
            let step: Option<String> = row.try_get("step")?;
            let actor: String = row.try_get("actor")?;
            Ok(StatusEvent {
                status: ClaimStatus::from_wire(&status).ok_or_else(|| corrupt("history"))?,
                at: row.try_get("at")?,
                step: step
                    .map(|s| Transition::from_wire(&s).ok_or_else(|| corrupt("history")))
                    .transpose()?,
                by: Actor::from_wire(&actor).ok_or_else(|| corrupt("history"))?,
            })
        })
        .collect()
}

/// The account's claims, newest first.
pub async fn list(db: &Db, account_id: i64) -> Result<Vec<ClaimSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, reference, programme, reason, status, submitted_at FROM claims
         WHERE account_id = $1 ORDER BY submitted_at DESC, id DESC",
    )
    .bind(account_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(summary).collect()
}

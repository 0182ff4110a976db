//! A claim as stored, whole, for the steps and checks (whoever's it is: callers scope it), its
//! attachments, and whether a staff member is the person it is by or about.

use klaim_core::Date;
use klaim_core::api::claim::{AttachedDocument, ClaimStatus};
use klaim_core::claim::{ActionItem, ClaimAnswers, ClaimReason, DocumentKind, Estimate, Programme};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// The claim's row, read back into klaim-core's types, with its outcome columns as stored (a step
/// rewrites them whole: see [`super::steps::Outcome`]).
#[derive(Clone, Debug)]
pub struct StoredClaim {
    pub id: String,
    pub reference: String,
    pub account_id: i64,
    /// The member the claim is about (the deceased on a death claim).
    pub participant_id: i64,
    pub claimant_participant_id: i64,
    pub programme: Programme,
    pub reason: ClaimReason,
    pub status: ClaimStatus,
    pub answers: ClaimAnswers,
    pub estimate: Estimate,
    pub decision_due_on: Date,
    pub submitted_at: i64,
    pub outcome: super::steps::Outcome,
}

impl StoredClaim {
    /// The reopened items while the claim needs action.
    pub fn open_items(&self) -> Result<Vec<ActionItem>, sqlx::Error> {
        match &self.outcome.open_items {
            Some(json) => serde_json::from_str(json).map_err(|_| corrupt("open_items")),
            None => Ok(Vec::new()),
        }
    }
}

pub(crate) use crate::claims::records::corrupt;

/// The claim with this id, whoever's it is; `None` when there is none.
pub async fn load(conn: &mut AnyConnection, id: &str) -> Result<Option<StoredClaim>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, reference, account_id, participant_id, claimant_participant_id, programme,
         reason, status, answers, estimate_lump_sum, estimate_monthly, estimate_months,
         estimate_total, estimate_tax, estimate_explanation_id, estimate_explanation_en,
         decision_due_on, submitted_at, open_items, note, approved_amount, approval_justification,
         auto_approved, rejection, transfer_reference
         FROM claims WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(read).transpose()
}

fn read(row: &AnyRow) -> Result<StoredClaim, sqlx::Error> {
    let text = |column: &str| row.try_get::<String, _>(column);
    let answers: ClaimAnswers =
        serde_json::from_str(&text("answers")?).map_err(|_| corrupt("answers"))?;
    let estimate = crate::claims::records::estimate(row)?;
    Ok(StoredClaim {
        id: text("id")?,
        reference: text("reference")?,
        account_id: row.try_get("account_id")?,
        participant_id: row.try_get("participant_id")?,
        claimant_participant_id: row.try_get("claimant_participant_id")?,
        programme: Programme::from_wire(&text("programme")?).ok_or_else(|| corrupt("programme"))?,
        reason: ClaimReason::from_wire(&text("reason")?).ok_or_else(|| corrupt("reason"))?,
        status: ClaimStatus::from_wire(&text("status")?).ok_or_else(|| corrupt("status"))?,
        answers,
        estimate,
        decision_due_on: Date::parse_iso(&text("decision_due_on")?)
            .map_err(|_| corrupt("decision_due_on"))?,
        submitted_at: row.try_get("submitted_at")?,
        outcome: super::steps::Outcome {
            open_items: row.try_get("open_items")?,
            note: row.try_get("note")?,
            approved_amount: row.try_get("approved_amount")?,
            approval_justification: row.try_get("approval_justification")?,
            auto_approved: row.try_get::<i64, _>("auto_approved")? != 0,
            rejection: row.try_get("rejection")?,
            transfer_reference: row.try_get("transfer_reference")?,
        },
    })
}

/// The documents attached to the claim, in the order they were attached.
pub async fn attachments(
    conn: &mut AnyConnection,
    claim_id: &str,
) -> Result<Vec<AttachedDocument>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT d.kind, d.id FROM claim_documents a JOIN documents d ON d.id = a.document_id
         WHERE a.claim_id = $1 ORDER BY a.seq",
    )
    .bind(claim_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(kind, document_id)| {
            Ok(AttachedDocument {
                kind: DocumentKind::from_wire(&kind).ok_or_else(|| corrupt("documents"))?,
                document_id,
            })
        })
        .collect()
}

/// The NIK a staff account has on file (`account add-staff --nik`), if any.
pub async fn staff_nik(
    conn: &mut AnyConnection,
    account_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let nik: Option<Option<String>> =
        sqlx::query_scalar("SELECT staff_nik FROM accounts WHERE id = $1")
            .bind(account_id)
            .fetch_optional(conn)
            .await?;
    Ok(nik.flatten())
}

/// Whether the claim is by or about the staff member: their NIK is the participant's or the
/// claimant's.
pub async fn is_own(
    conn: &mut AnyConnection,
    account_id: i64,
    claim: &StoredClaim,
) -> Result<bool, sqlx::Error> {
    let Some(nik) = staff_nik(&mut *conn, account_id).await? else {
        return Ok(false);
    };
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM registry_participants WHERE nik = $1 AND id IN ($2, $3)",
    )
    .bind(nik)
    .bind(claim.participant_id)
    .bind(claim.claimant_participant_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

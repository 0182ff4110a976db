//! The audit trail: every officer's view of a claim or of one of its documents, and every step
//! on a claim (by an officer, the claimant or the system). Rows are only ever added: the
//! database refuses UPDATE and DELETE on `audit_log` (triggers in migration 0004), and nothing in
//! the API offers either.

use klaim_core::api::account::Role;
use klaim_core::api::office::{AuditAction, AuditEntry, AuditTrail};
use sqlx::{AnyConnection, Row};

use crate::db::Db;

/// The most entries one answer carries, newest first: a claim's own trail is far shorter; the
/// whole trail is read a claim at a time.
pub const MAX_ENTRIES: i64 = 1000;

/// One entry about to be added.
pub struct Entry<'a> {
    pub at: i64,
    /// The account and its role; `None` for the system (rule-based approval).
    pub by: Option<(i64, Role)>,
    pub action: AuditAction,
    pub claim_id: &'a str,
    /// The document viewed, or the step taken.
    pub subject: Option<&'a str>,
}

fn action_word(action: AuditAction) -> &'static str {
    match action {
        AuditAction::ViewedClaim => "viewed_claim",
        AuditAction::ViewedDocument => "viewed_document",
        AuditAction::Transition => "transition",
    }
}

fn action_from(word: &str) -> Option<AuditAction> {
    [
        AuditAction::ViewedClaim,
        AuditAction::ViewedDocument,
        AuditAction::Transition,
    ]
    .into_iter()
    .find(|a| action_word(*a) == word)
}

/// Adds an entry; inside a step's transaction, or alone for a view.
pub async fn append(conn: &mut AnyConnection, entry: &Entry<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, account_id, role, action, claim_id, subject)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(entry.at)
    .bind(entry.by.map(|(account, _)| account))
    .bind(entry.by.map(|(_, role)| role.as_str()))
    .bind(action_word(entry.action))
    .bind(entry.claim_id)
    .bind(entry.subject)
    .execute(conn)
    .await?;
    Ok(())
}

/// `GET /admin/audit`: the trail of one claim, or of all claims, newest first.
pub async fn list(db: &Db, claim_id: Option<&str>) -> Result<AuditTrail, sqlx::Error> {
    let rows = match claim_id {
        Some(claim_id) => {
            sqlx::query(
                "SELECT id, at, account_id, role, action, claim_id, subject FROM audit_log
                 WHERE claim_id = $1 ORDER BY id DESC LIMIT $2",
            )
            .bind(claim_id)
            .bind(MAX_ENTRIES)
            .fetch_all(db.pool())
            .await?
        }
        None => {
            sqlx::query(
                "SELECT id, at, account_id, role, action, claim_id, subject FROM audit_log
                 ORDER BY id DESC LIMIT $1",
            )
            .bind(MAX_ENTRIES)
            .fetch_all(db.pool())
            .await?
        }
    };
    let corrupt =
        |what: &str| sqlx::Error::Decode(format!("audit_log.{what} does not read back").into());
    let entries = rows
        .iter()
        .map(|row| {
            let role: Option<String> = row.try_get("role")?;
            let action: String = row.try_get("action")?;
            Ok(AuditEntry {
                id: row.try_get("id")?,
                at: row.try_get("at")?,
                account_id: row.try_get("account_id")?,
                role: role
                    .map(|r| Role::from_wire(&r).ok_or_else(|| corrupt("role")))
                    .transpose()?,
                action: action_from(&action).ok_or_else(|| corrupt("action"))?,
                claim_id: row.try_get("claim_id")?,
                subject: row.try_get("subject")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(AuditTrail { entries })
}

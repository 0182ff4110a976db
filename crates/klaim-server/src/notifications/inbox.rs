//! In-app notifications: the `inbox` rows of one account, newest first, and marking them read.
//! Every read and write is scoped to the signed-in account; another account's ids are refused as
//! unknown (nothing tells whether they exist).

use klaim_core::api::notification::{MarkRead, NotificationList, NotificationView};
use klaim_core::claim::ClaimStatus;
use sqlx::Row;

use super::NotificationRefusal;
use crate::db::Db;

/// The newest notifications shown; older ones still count as unread until marked.
pub const LIST_LIMIT: i64 = 50;
/// More ids than any screen shows in one request is not the app talking.
pub const MAX_IDS: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum InboxError {
    #[error(transparent)]
    Refused(#[from] NotificationRefusal),
    #[error("more than {MAX_IDS} ids")]
    TooManyIds,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn list(db: &Db, account_id: i64) -> Result<NotificationList, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT i.id, i.claim_id, c.reference, i.status, i.created_at, i.read_at
         FROM inbox i JOIN claims c ON c.id = i.claim_id
         WHERE i.account_id = $1
         ORDER BY i.created_at DESC, i.id DESC
         LIMIT $2",
    )
    .bind(account_id)
    .bind(LIST_LIMIT)
    .fetch_all(db.pool())
    .await?;
    let notifications = rows
        .iter()
        .map(|row| {
            let status: String = row.try_get("status")?;
            let read_at: Option<i64> = row.try_get("read_at")?;
            Ok(NotificationView {
                id: row.try_get("id")?,
                claim_id: row.try_get("claim_id")?,
                reference: row.try_get("reference")?,
                status: ClaimStatus::from_wire(&status)
                    .ok_or_else(|| sqlx::Error::Decode("inbox.status does not read back".into()))?,
                at: row.try_get("created_at")?,
                read: read_at.is_some(),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let unread: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM inbox WHERE account_id = $1 AND read_at IS NULL")
            .bind(account_id)
            .fetch_one(db.pool())
            .await?;
    Ok(NotificationList {
        notifications,
        unread: u32::try_from(unread).unwrap_or(u32::MAX),
    })
}

/// Marks the named notifications (or, with `all`, every one) read. All or nothing: when one id
/// is not the account's, nothing changes and the answer is "not found".
pub async fn mark_read(
    db: &Db,
    account_id: i64,
    request: &MarkRead,
    now: i64,
) -> Result<(), InboxError> {
    if request.ids.len() > MAX_IDS {
        return Err(InboxError::TooManyIds);
    }
    let mut ids = request.ids.clone();
    ids.sort_unstable();
    ids.dedup();
    let mut tx = db.begin_write().await?;
    for id in ids {
        let owner: Option<i64> = sqlx::query_scalar("SELECT account_id FROM inbox WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if owner != Some(account_id) {
            return Err(NotificationRefusal::NotFound.into());
        }
        sqlx::query("UPDATE inbox SET read_at = $1 WHERE id = $2 AND read_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    if request.all {
        sqlx::query("UPDATE inbox SET read_at = $1 WHERE account_id = $2 AND read_at IS NULL")
            .bind(now)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

//! Sessions: a random token in the cookie, its digest in the database. A session ends after
//! [`IDLE_SECS`] without a request or [`MAX_SECS`] after sign-in, on sign-out, when revoked from
//! another device, and when the password is reset.

use klaim_core::api::account::{Role, SessionSummary};
use sqlx::{AnyConnection, Row};

use super::secret;
use crate::db::Db;

pub const IDLE_SECS: i64 = 60 * 60;
pub const MAX_SECS: i64 = 12 * 60 * 60;
/// `last_seen_at` is written at most this often, so that reads stay reads.
const TOUCH_EVERY_SECS: i64 = 60;

/// The signed-in account behind a request.
#[derive(Clone, Debug)]
pub struct Session {
    pub id: i64,
    pub account_id: i64,
    pub role: Role,
    pub participant_id: Option<i64>,
}

/// A new session for the account; returns the cookie's token and the session.
pub async fn create(
    conn: &mut AnyConnection,
    account_id: i64,
    role: Role,
    participant_id: Option<i64>,
    device: &str,
    now: i64,
) -> Result<(String, Session), sqlx::Error> {
    let token = secret::token();
    let id = sqlx::query_scalar(
        "INSERT INTO sessions (public_id, token_hash, account_id, device, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id",
    )
    .bind(secret::public_id())
    .bind(secret::digest(&token))
    .bind(account_id)
    .bind(device)
    .bind(now)
    .bind(now + MAX_SECS)
    .fetch_one(conn)
    .await?;
    let session = Session {
        id,
        account_id,
        role,
        participant_id,
    };
    Ok((token, session))
}

/// The live session for a cookie token, touched; `None` when unknown or ended.
pub async fn find(db: &Db, token: &str, now: i64) -> Result<Option<Session>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT s.id, s.account_id, s.last_seen_at, s.expires_at, a.role, a.participant_id
         FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token_hash = $1",
    )
    .bind(secret::digest(token))
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let id: i64 = row.try_get("id")?;
    let last_seen: i64 = row.try_get("last_seen_at")?;
    let expires: i64 = row.try_get("expires_at")?;
    if now >= expires || now >= last_seen + IDLE_SECS {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(db.pool())
            .await?;
        return Ok(None);
    }
    if now >= last_seen + TOUCH_EVERY_SECS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(db.pool())
            .await?;
    }
    let role: String = row.try_get("role")?;
    Ok(Some(Session {
        id,
        account_id: row.try_get("account_id")?,
        // The CHECK constraint allows only known roles; never grant more than a participant's.
        role: Role::from_wire(&role).unwrap_or(Role::Participant),
        participant_id: row.try_get("participant_id")?,
    }))
}

/// The account's live sessions, newest first.
pub async fn list(
    db: &Db,
    session: &Session,
    now: i64,
) -> Result<Vec<SessionSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, public_id, device, created_at, last_seen_at FROM sessions
         WHERE account_id = $1 AND expires_at > $2 AND last_seen_at > $3
         ORDER BY created_at DESC, id DESC",
    )
    .bind(session.account_id)
    .bind(now)
    .bind(now - IDLE_SECS)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(SessionSummary {
                current: row.try_get::<i64, _>("id")? == session.id,
                id: row.try_get("public_id")?,
                device: row.try_get("device")?,
                created_at: row.try_get("created_at")?,
                last_seen_at: row.try_get("last_seen_at")?,
            })
        })
        .collect()
}

/// Ends one of the account's own sessions by its public id; `false` if it has no such session.
pub async fn revoke(db: &Db, account_id: i64, public_id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND public_id = $2")
        .bind(account_id)
        .bind(public_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn end(db: &Db, session_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(session_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

pub async fn end_all(conn: &mut AnyConnection, account_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(account_id)
        .execute(conn)
        .await?;
    Ok(())
}

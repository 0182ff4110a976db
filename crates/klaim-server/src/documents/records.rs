//! The `documents` table: reserving an id for an upload, completing or releasing it, and reading
//! a caller's documents. Every read is scoped to the account, so another account's document is
//! simply not found.

use klaim_core::api::claim::DocumentInfo;
use klaim_core::claim::DocumentKind;
use klaim_core::{FileType, Inspected};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::ClientId;
use crate::db::Db;

/// The row of an id someone already holds.
#[derive(Clone, Debug)]
pub struct Holder {
    pub account_id: i64,
    pub kind: Option<DocumentKind>,
    pub sha256: String,
    pub started_at: i64,
    pub stored: bool,
    /// The server process that reserved it ([`crate::instance`]).
    pub instance_id: Option<i64>,
}

/// What an upload reserves: the id, for this account and content, by this server process.
pub struct Reservation<'a> {
    pub id: &'a ClientId,
    pub account_id: i64,
    pub kind: DocumentKind,
    pub sha256: &'a str,
    pub instance_id: i64,
}

/// Reserves the id; `None` when it was free and is now reserved, else who holds it.
pub async fn reserve(
    db: &Db,
    r: &Reservation<'_>,
    now: i64,
) -> Result<Option<Holder>, sqlx::Error> {
    let (id, account_id) = (r.id, r.account_id);
    let inserted: Option<String> = sqlx::query_scalar(
        "INSERT INTO documents (id, account_id, kind, state, sha256, started_at, instance_id)
         VALUES ($1, $2, $3, 'uploading', $4, $5, $6)
         ON CONFLICT (id) DO NOTHING RETURNING id",
    )
    .bind(id.as_str())
    .bind(account_id)
    .bind(r.kind.as_str())
    .bind(r.sha256)
    .bind(now)
    .bind(r.instance_id)
    .fetch_optional(db.pool())
    .await?;
    if inserted.is_some() {
        return Ok(None);
    }
    let row = sqlx::query(
        "SELECT account_id, kind, sha256, started_at, state, instance_id FROM documents
         WHERE id = $1",
    )
    .bind(id.as_str())
    .fetch_optional(db.pool())
    .await?;
    match row {
        Some(row) => Ok(Some(Holder {
            account_id: row.try_get("account_id")?,
            kind: DocumentKind::from_wire(&row.try_get::<String, _>("kind")?),
            sha256: row.try_get("sha256")?,
            started_at: row.try_get("started_at")?,
            stored: row.try_get::<String, _>("state")? == "stored",
            instance_id: row.try_get("instance_id")?,
        })),
        // Released between the two statements (a failed upload of the same id): answered as an
        // upload still in progress, so the caller simply tries again.
        None => Ok(Some(Holder {
            account_id,
            kind: None,
            sha256: String::new(),
            started_at: now,
            stored: false,
            instance_id: Some(r.instance_id),
        })),
    }
}

/// Takes over the caller's own reservation whose upload died (its server stopped); `false` when
/// someone else took it first.
pub async fn take_over(
    db: &Db,
    r: &Reservation<'_>,
    held_since: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE documents SET started_at = $1, kind = $2, sha256 = $3, instance_id = $4
         WHERE id = $5 AND account_id = $6 AND state = 'uploading' AND started_at = $7",
    )
    .bind(now)
    .bind(r.kind.as_str())
    .bind(r.sha256)
    .bind(r.instance_id)
    .bind(r.id.as_str())
    .bind(r.account_id)
    .bind(held_since)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks the reservation stored with what the checks found; `false` if it is gone.
pub async fn complete(
    db: &Db,
    id: &ClientId,
    inspected: &Inspected,
    sha256: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE documents SET state = 'stored', file_type = $1, bytes = $2, sha256 = $3,
         uploaded_at = $4 WHERE id = $5 AND state = 'uploading'",
    )
    .bind(inspected.file_type.as_str())
    .bind(i64::try_from(inspected.bytes).unwrap_or(i64::MAX))
    .bind(sha256)
    .bind(now)
    .bind(id.as_str())
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes an unfinished reservation (a failed upload leaves no row).
pub async fn release(db: &Db, id: &ClientId) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM documents WHERE id = $1 AND state = 'uploading'")
        .bind(id.as_str())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The server processes holding unfinished reservations (`None`: made before instances).
pub async fn reserving_instances(db: &Db) -> Result<Vec<Option<i64>>, sqlx::Error> {
    sqlx::query_scalar("SELECT DISTINCT instance_id FROM documents WHERE state = 'uploading'")
        .fetch_all(db.pool())
        .await
}

/// Removes the unfinished reservations of a process that died: those uploads can never finish.
pub async fn release_of_instance(db: &Db, instance_id: Option<i64>) -> Result<u64, sqlx::Error> {
    let done = match instance_id {
        Some(instance) => {
            sqlx::query("DELETE FROM documents WHERE state = 'uploading' AND instance_id = $1")
                .bind(instance)
                .execute(db.pool())
                .await?
        }
        None => {
            sqlx::query("DELETE FROM documents WHERE state = 'uploading' AND instance_id IS NULL")
                .execute(db.pool())
                .await?
        }
    };
    Ok(done.rows_affected())
}

/// Of `ids`, those with a row, and whether each is stored; read in batches of
/// [`STATE_BATCH`] so a sweep over many objects costs a few queries.
pub async fn states_of(
    db: &Db,
    ids: &[String],
) -> Result<std::collections::HashMap<String, bool>, sqlx::Error> {
    let mut found = std::collections::HashMap::new();
    for batch in ids.chunks(STATE_BATCH) {
        let marks: Vec<String> = (1..=batch.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT id, state FROM documents WHERE id IN ({})",
            marks.join(", ")
        );
        let mut query = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(sql));
        for id in batch {
            query = query.bind(id);
        }
        for (id, state) in query.fetch_all(db.pool()).await? {
            found.insert(id, state == "stored");
        }
    }
    Ok(found)
}

/// Ids per query in [`states_of`]: within SQLite's and PostgreSQL's limits on parameters.
const STATE_BATCH: usize = 500;

/// The columns of a [`DocumentInfo`]; `in_claims` counts the claims it is attached to.
macro_rules! select_info {
    () => {
        "SELECT d.id, d.kind, d.file_type, d.bytes, d.sha256, d.uploaded_at,
         (SELECT COUNT(*) FROM claim_documents c WHERE c.document_id = d.id) AS in_claims
         FROM documents d "
    };
}

/// One of the account's stored documents.
pub async fn find_own(
    conn: &mut AnyConnection,
    account_id: i64,
    id: &ClientId,
) -> Result<Option<DocumentInfo>, sqlx::Error> {
    let sql = concat!(
        select_info!(),
        "WHERE d.account_id = $1 AND d.id = $2 AND d.state = 'stored'"
    );
    let row = sqlx::query(sql)
        .bind(account_id)
        .bind(id.as_str())
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(info).transpose()
}

/// The account's stored documents, newest first.
pub async fn list_own(db: &Db, account_id: i64) -> Result<Vec<DocumentInfo>, sqlx::Error> {
    let sql = concat!(
        select_info!(),
        "WHERE d.account_id = $1 AND d.state = 'stored' ORDER BY d.uploaded_at DESC, d.id DESC"
    );
    let rows = sqlx::query(sql)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(info).collect()
}

/// The documents attached to a claim, in the order they were attached.
pub async fn of_claim(
    conn: &mut AnyConnection,
    claim_id: &str,
) -> Result<Vec<DocumentInfo>, sqlx::Error> {
    let sql = concat!(
        select_info!(),
        "JOIN claim_documents a ON a.document_id = d.id WHERE a.claim_id = $1 ORDER BY a.seq"
    );
    let rows = sqlx::query(sql).bind(claim_id).fetch_all(conn).await?;
    rows.iter().map(info).collect()
}

/// Stored values are written by this module only; one that does not read back is a fault.
fn corrupt(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("documents.{what} does not read back").into())
}

fn info(row: &AnyRow) -> Result<DocumentInfo, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    let file_type: Option<String> = row.try_get("file_type")?;
    let bytes: Option<i64> = row.try_get("bytes")?;
    let uploaded_at: Option<i64> = row.try_get("uploaded_at")?;
    let in_claims: i64 = row.try_get("in_claims")?;
    Ok(DocumentInfo {
        id: row.try_get("id")?,
        kind: DocumentKind::from_wire(&kind).ok_or_else(|| corrupt("kind"))?,
        file_type: file_type
            .as_deref()
            .and_then(FileType::from_wire)
            .ok_or_else(|| corrupt("file_type"))?,
        bytes: bytes
            .and_then(|b| u64::try_from(b).ok())
            .ok_or_else(|| corrupt("bytes"))?,
        sha256: row.try_get("sha256")?,
        uploaded_at: uploaded_at.ok_or_else(|| corrupt("uploaded_at"))?,
        in_claims: u32::try_from(in_claims).unwrap_or(u32::MAX),
    })
}

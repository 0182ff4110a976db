//! Whether a participant's copy of a claim (or of the list) is still current, without building
//! the view: the entity tags behind `ETag` / `If-None-Match` on `GET /claims` and
//! `GET /claims/{id}`. The app polls these to refresh a status cheaply.
//!
//! A claim's tag is its `version` (raised by every change of the claim) plus how often its
//! documents are attached anywhere (the view shows `in_claims`, which another claim reusing a
//! KTP changes without touching this one), plus the rule set's version (the API's types change
//! with it, so an app of a new release never gets an old body confirmed).

use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use crate::documents::ClientId;

/// The tag of one of the account's claims, quoted as in a header; `None` when the claim is not
/// the account's.
pub async fn claim_tag(
    conn: &mut AnyConnection,
    account_id: i64,
    id: &ClientId,
) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT c.version,
                (SELECT COUNT(*) FROM claim_documents a JOIN claim_documents b
                   ON b.document_id = a.document_id
                 WHERE a.claim_id = c.id) AS uses
         FROM claims c WHERE c.id = $1 AND c.account_id = $2",
    )
    .bind(id.as_str())
    .bind(account_id)
    .fetch_optional(conn)
    .await?;
    row.map(|row| {
        let version: i64 = row.try_get("version")?;
        let uses: i64 = row.try_get("uses")?;
        Ok(format!(
            "\"{}-c{version}-{uses}\"",
            klaim_core::RULES_VERSION
        ))
    })
    .transpose()
}

/// The tag of the account's claim list: a digest of every claim's id and version.
pub async fn list_tag(conn: &mut AnyConnection, account_id: i64) -> Result<String, sqlx::Error> {
    let rows = sqlx::query("SELECT id, version FROM claims WHERE account_id = $1 ORDER BY id")
        .bind(account_id)
        .fetch_all(conn)
        .await?;
    let mut digest = Sha256::new();
    digest.update(klaim_core::RULES_VERSION.as_bytes());
    for row in &rows {
        let id: String = row.try_get("id")?;
        let version: i64 = row.try_get("version")?;
        digest.update(format!("\n{id}:{version}").as_bytes());
    }
    let hex: String = digest
        .finalize()
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(format!("\"l-{hex}\""))
}

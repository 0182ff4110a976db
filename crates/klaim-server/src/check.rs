//! `klaim-server check`: whether the database is sound and agrees with document storage, for an
//! operator after a crash or a restore, and for the crash test. Prints one JSON report on stdout
//! (ids of documents only, never personal data) and fails when something is wrong:
//!
//! - the database's own integrity check: SQLite's `integrity_check` and `foreign_key_check`; on
//!   PostgreSQL every B-tree index through `amcheck` (with its heap), when the extension can be
//!   had (it needs a superuser once; otherwise the report says it was not checked);
//! - every stored document has its object, of the recorded size;
//! - every object is a stored document, or an upload under way by a live server;
//! - no partial file of a dead upload is left;
//! - every document attached to a claim is stored.
//!
//! Stored documents in no claim are counted but fine: their owner may still send the claim.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::config::CheckArgs;
use crate::db::{Backend, Db, DbError};
use crate::documents::{ObjectStorage, StorageError};

#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("the check could not read the database: {0}")]
    Query(#[from] sqlx::Error),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the check found problems (see the report above)")]
    Failed,
}

/// The report, as printed.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub backend: &'static str,
    /// `ok`, the problems the database found, or why it could not look.
    pub integrity: Vec<String>,
    pub integrity_checked: bool,
    pub claims: i64,
    pub documents_stored: i64,
    pub uploads_under_way: i64,
    pub documents_in_no_claim: i64,
    /// Stored documents whose object is absent or of another size.
    pub missing_objects: Vec<String>,
    /// Objects no stored document or live upload names.
    pub orphan_objects: Vec<String>,
    pub partial_files: u64,
    /// Attachments naming a document that is not stored.
    pub attachments_not_stored: i64,
    pub ok: bool,
}

pub async fn run(args: CheckArgs) -> Result<(), CheckError> {
    let storage = args.storage.resolve();
    let db = Db::connect(&storage.database_url).await?;
    let objects = ObjectStorage::open(&storage.documents)?;
    let report = check(&db, &objects).await?;
    db.close().await;
    println!(
        "{}",
        serde_json::to_string_pretty(&report).expect("a report serialises")
    );
    if report.ok {
        Ok(())
    } else {
        Err(CheckError::Failed)
    }
}

pub async fn check(db: &Db, objects: &ObjectStorage) -> Result<Report, CheckError> {
    let mut report = Report {
        backend: db.backend().name(),
        ..Report::default()
    };
    (report.integrity, report.integrity_checked) = integrity(db).await?;
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql).fetch_one(db.pool()).await
    };
    report.claims = count("SELECT COUNT(*) FROM claims").await?;
    report.uploads_under_way =
        count("SELECT COUNT(*) FROM documents WHERE state = 'uploading'").await?;
    report.documents_in_no_claim = count(
        "SELECT COUNT(*) FROM documents d WHERE d.state = 'stored'
         AND NOT EXISTS (SELECT 1 FROM claim_documents c WHERE c.document_id = d.id)",
    )
    .await?;
    report.attachments_not_stored = count(
        "SELECT COUNT(*) FROM claim_documents c
         LEFT JOIN documents d ON d.id = c.document_id AND d.state = 'stored'
         WHERE d.id IS NULL",
    )
    .await?;

    let stored: Vec<(String, i64)> =
        sqlx::query_as("SELECT id, bytes FROM documents WHERE state = 'stored'")
            .fetch_all(db.pool())
            .await?;
    let uploading: HashSet<String> =
        sqlx::query_scalar("SELECT id FROM documents WHERE state = 'uploading'")
            .fetch_all(db.pool())
            .await?
            .into_iter()
            .collect();
    report.documents_stored = i64::try_from(stored.len()).unwrap_or(i64::MAX);
    let present: HashMap<String, u64> = objects.list().await?.into_iter().collect();
    for (id, bytes) in &stored {
        if present.get(id).copied() != u64::try_from(*bytes).ok() {
            report.missing_objects.push(id.clone());
        }
    }
    report.missing_objects.sort();
    let stored_ids: HashSet<&String> = stored.iter().map(|(id, _)| id).collect();
    let mut orphans: Vec<String> = present
        .keys()
        .filter(|id| !stored_ids.contains(id) && !uploading.contains(*id))
        .cloned()
        .collect();
    orphans.sort();
    report.orphan_objects = orphans;
    report.partial_files = objects
        .partial_files()
        .map_err(StorageError::from)?
        .iter()
        .filter(|(_, id)| !uploading.contains(id))
        .count() as u64;

    report.ok = report.integrity == ["ok"]
        && report.missing_objects.is_empty()
        && report.orphan_objects.is_empty()
        && report.partial_files == 0
        && report.attachments_not_stored == 0;
    Ok(report)
}

/// The database's own check: `(["ok"], true)`, the problems found, or why it was not checked.
async fn integrity(db: &Db) -> Result<(Vec<String>, bool), CheckError> {
    match db.backend() {
        Backend::Sqlite => {
            let mut found: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_all(db.pool())
                .await?;
            let broken_links = sqlx::query("PRAGMA foreign_key_check")
                .fetch_all(db.pool())
                .await?
                .len();
            if broken_links > 0 {
                found.retain(|line| line != "ok");
                found.push(format!("{broken_links} rows break a foreign key"));
            }
            Ok((found, true))
        }
        Backend::Postgres => {
            if let Err(e) = sqlx::query("CREATE EXTENSION IF NOT EXISTS amcheck")
                .execute(db.pool())
                .await
            {
                return Ok((
                    vec![format!("not checked: amcheck is not available ({e})")],
                    false,
                ));
            }
            // Raises an error naming the index at the first corruption it finds.
            let checked = sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM (
                     SELECT bt_index_check(c.oid::regclass, true)
                     FROM pg_index i
                     JOIN pg_class c ON c.oid = i.indexrelid
                     JOIN pg_am a ON a.oid = c.relam
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE a.amname = 'btree' AND n.nspname = current_schema()
                       AND c.relpersistence <> 't' AND i.indisready AND i.indisvalid
                 ) AS checked",
            )
            .fetch_one(db.pool())
            .await;
            match checked {
                Ok(_) => Ok((vec!["ok".to_owned()], true)),
                Err(sqlx::Error::Database(e)) => Ok((vec![e.message().to_owned()], true)),
                Err(e) => Err(e.into()),
            }
        }
    }
}

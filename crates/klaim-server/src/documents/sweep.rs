//! What uploads cut off by a dying server leave behind, removed: their reservations (so a retry
//! of the same id is taken at once), the objects they published without recording them, and the
//! partial files they were writing. Run when a server starts (beside serving: a retry does not
//! need it, see [`crate::instance`]), every [`SWEEP_EVERY`] after, and when it stops.
//!
//! Safe while other servers upload: only reservations of processes known to be dead are released
//! ([`crate::instance`]); an object is removed only while no row names its id, checked and removed
//! with the `documents` table locked against new reservations; a partial file is removed only
//! when its id has no upload under way.

use std::time::Duration;

use super::{ClientId, Documents, DocumentsError, StorageError, records};
use crate::db::Backend;

/// Often enough that a crash's leftovers do not linger; rare enough to cost nothing.
pub const SWEEP_EVERY: Duration = Duration::from_secs(10 * 60);

/// What one sweep removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Reservations of uploads whose server died.
    pub reservations: u64,
    /// Objects in storage no document row names.
    pub objects: u64,
    /// Partial files of uploads no longer under way.
    pub partial_files: u64,
}

impl Swept {
    pub fn is_empty(&self) -> bool {
        *self == Swept::default()
    }
}

pub async fn run(documents: &Documents) -> Result<Swept, DocumentsError> {
    let db = &documents.db;
    let now = documents.clock.now();
    let mut swept = Swept::default();
    for instance in records::reserving_instances(db).await? {
        if !documents.instance.is_alive(db, now, instance).await? {
            swept.reservations += records::release_of_instance(db, instance).await?;
        }
    }
    let objects: Vec<String> = documents
        .storage
        .list()
        .await?
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let named = records::states_of(db, &objects).await?;
    for name in objects.iter().filter(|n| !named.contains_key(*n)) {
        if remove_unnamed(documents, name).await? {
            swept.objects += 1;
        }
    }
    let partial = documents
        .storage
        .partial_files()
        .map_err(StorageError::from)?;
    let ids: Vec<String> = partial.iter().map(|(_, id)| id.clone()).collect();
    let named = records::states_of(db, &ids).await?;
    for (path, id) in partial {
        // Uploading: under way (its server is alive, dead ones were released above).
        if named.get(&id) != Some(&false) && std::fs::remove_file(&path).is_ok() {
            swept.partial_files += 1;
        }
    }
    Ok(swept)
}

/// Removes the object `name` if, with reservations held off, still no row names it.
async fn remove_unnamed(documents: &Documents, name: &str) -> Result<bool, DocumentsError> {
    let Some(id) = ClientId::parse(name) else {
        // Not a document id: not Klaim's to remove.
        return Ok(false);
    };
    let mut tx = documents.db.begin_write().await?;
    if documents.db.backend() == Backend::Postgres {
        // SQLite's write transaction already excludes every other writer.
        sqlx::query("LOCK TABLE documents IN SHARE MODE")
            .execute(&mut *tx)
            .await?;
    }
    let named: Option<String> = sqlx::query_scalar("SELECT id FROM documents WHERE id = $1")
        .bind(id.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    if named.is_some() {
        return Ok(false);
    }
    documents.storage.delete(&id).await?;
    tx.commit().await?;
    Ok(true)
}

//! Documents without HTTP: an upload streamed through klaim-core's byte-level checks and SHA-256
//! into object storage, and the caller's documents read back. The handlers in `api::documents`
//! parse the headers and map [`DocumentsError`] to the API's error shape.
//!
//! Invariants: an upload is never held whole in memory (the body is read frame by frame, each
//! frame checked, hashed and handed to a bounded multipart writer); a failed upload leaves no
//! object and no row; an object is written only by the upload that reserved its id in the
//! database, so two uploads of one id never mix; documents are found only by their owner.

mod client_id;
pub mod records;
mod refusal;
pub mod storage;
pub mod sweep;

use std::time::Duration;

use axum::body::Body;
use http_body_util::BodyExt;
use klaim_core::api::claim::DocumentInfo;
use klaim_core::claim::DocumentKind;
use klaim_core::document::MAX_DOCUMENT_BYTES;
use klaim_core::{DocumentError, FileType, Inspected, Inspector};
use sha2::{Digest, Sha256};

pub use client_id::ClientId;
pub use refusal::UploadRefusal;
pub use storage::{ObjectStorage, StorageError};

use crate::accounts::rate_limit::{Limit, LimitError, RetryAfter};
use crate::clock::Clock;
use crate::db::Db;
use crate::instance::Instance;

/// Uploads per account: a claim needs a handful of documents; this leaves room for retries and
/// several claims while keeping one account from filling the storage (docs/claims-api.md).
pub const UPLOADS_PER_ACCOUNT: Limit = Limit::new("document_upload", 200, 3600);
/// How long one upload may take: 6 MB at 20 KB/s (a weak 2G link) is five minutes.
pub const UPLOAD_DEADLINE: Duration = Duration::from_secs(10 * 60);
/// A reservation older than this belongs to an upload that died (every upload ends within
/// [`UPLOAD_DEADLINE`]), even if its server still runs; a retry of the same id may take it over.
/// One whose server died is taken over at once ([`Instance::is_alive`]).
const RESERVATION_STALE_SECS: i64 = 15 * 60;

/// What the server needs to store and read documents. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Documents {
    pub db: Db,
    pub storage: ObjectStorage,
    pub clock: Clock,
    /// This server process, named on every reservation it makes.
    pub instance: Instance,
}

#[derive(Debug, thiserror::Error)]
pub enum DocumentsError {
    /// klaim-core's checks refused the bytes (the same checks the app ran before sending).
    #[error(transparent)]
    Content(#[from] DocumentError),
    #[error(transparent)]
    Refused(#[from] UploadRefusal),
    #[error("rate limited for {} s", .0.0)]
    RateLimited(RetryAfter),
    /// The request body broke off (the client went away or the connection failed).
    #[error("the upload broke off: {0}")]
    BodyBroken(axum::Error),
    /// The upload took longer than [`UPLOAD_DEADLINE`].
    #[error("the upload took too long")]
    TooSlow,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl From<LimitError> for DocumentsError {
    fn from(e: LimitError) -> DocumentsError {
        match e {
            LimitError::Exceeded(wait) => DocumentsError::RateLimited(wait),
            LimitError::Db(e) => DocumentsError::Db(e),
        }
    }
}

/// SHA-256 as 64 lower-case hex digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sha256Hex(String);

impl Sha256Hex {
    /// Reads 64 hex digits in either case.
    pub fn parse(text: &str) -> Option<Sha256Hex> {
        (text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Sha256Hex(text.to_ascii_lowercase()))
    }

    pub fn of(digest: &[u8]) -> Sha256Hex {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::with_capacity(digest.len() * 2);
        for b in digest {
            out.push(char::from(DIGITS[usize::from(b >> 4)]));
            out.push(char::from(DIGITS[usize::from(b & 15)]));
        }
        Sha256Hex(out)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An upload as its headers announce it.
#[derive(Clone, Debug)]
pub struct Upload {
    pub id: ClientId,
    pub kind: DocumentKind,
    /// What `Content-Type` says it is; `None` for a media type Klaim does not accept (the bytes
    /// decide what to answer).
    pub declared: Option<FileType>,
    /// `Content-Length`.
    pub length: u64,
    /// `X-Klaim-Sha256`.
    pub sha256: Sha256Hex,
}

/// The answer to an upload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Stored now.
    New(DocumentInfo),
    /// The same content under the same id was stored before (a retry); the body was not read.
    Again(DocumentInfo),
}

/// Receives an upload: refuses at once what the headers already show, reserves the id, streams
/// the body through the checks into storage, and records the document. On any failure the
/// object and the reservation are removed again.
pub async fn upload(
    documents: &Documents,
    account_id: i64,
    upload: Upload,
    body: Body,
) -> Result<Stored, DocumentsError> {
    if upload.length > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge {
            bytes: upload.length,
        }
        .into());
    }
    if upload.length == 0 {
        return Err(DocumentError::Empty.into());
    }
    let db = &documents.db;
    let now = documents.clock.now();
    let reservation = records::Reservation {
        id: &upload.id,
        account_id,
        kind: upload.kind,
        sha256: upload.sha256.as_str(),
        instance_id: documents.instance.id(db, now).await?,
    };
    if let Some(holder) = records::reserve(db, &reservation, now).await? {
        if holder.account_id != account_id {
            return Err(UploadRefusal::IdTaken.into());
        }
        let same = holder.sha256 == upload.sha256.as_str() && holder.kind == Some(upload.kind);
        if holder.stored {
            if !same {
                return Err(UploadRefusal::IdTaken.into());
            }
            let mut conn = db.pool().acquire().await?;
            return match records::find_own(&mut conn, account_id, &upload.id).await? {
                Some(info) => Ok(Stored::Again(info)),
                None => Err(UploadRefusal::InProgress.into()),
            };
        }
        let stale = now - holder.started_at >= RESERVATION_STALE_SECS
            || !documents
                .instance
                .is_alive(db, now, holder.instance_id)
                .await?;
        if !stale || !records::take_over(db, &reservation, holder.started_at, now).await? {
            return Err(UploadRefusal::InProgress.into());
        }
    }
    // Counted once the id is ours, so answering a retry from the record costs nothing.
    if let Err(e) = UPLOADS_PER_ACCOUNT
        .take(db, &account_id.to_string(), now)
        .await
    {
        records::release(db, &upload.id).await?;
        return Err(e.into());
    }

    let stored = store(documents, &upload, body).await;
    let info = match stored {
        Ok(inspected) => {
            let at = documents.clock.now();
            let recorded =
                records::complete(db, &upload.id, &inspected, upload.sha256.as_str(), at).await;
            match recorded {
                Ok(true) => {
                    let mut conn = db.pool().acquire().await?;
                    records::find_own(&mut conn, account_id, &upload.id).await?
                }
                Ok(false) => None,
                Err(e) => {
                    discard(documents, &upload.id).await;
                    return Err(e.into());
                }
            }
        }
        Err(e) => {
            discard(documents, &upload.id).await;
            return Err(e);
        }
    };
    match info {
        Some(info) => Ok(Stored::New(info)),
        // The reservation vanished under us (taken over after the deadline): not ours to keep.
        None => Err(UploadRefusal::InProgress.into()),
    }
}

/// Streams the body into storage; the object exists only if every check passed.
async fn store(
    documents: &Documents,
    upload: &Upload,
    body: Body,
) -> Result<Inspected, DocumentsError> {
    let mut writer = documents.storage.writer(&upload.id).await?;
    let received = tokio::time::timeout(UPLOAD_DEADLINE, receive(&mut writer, upload, body)).await;
    let inspected = match received {
        Ok(Ok(inspected)) => inspected,
        Ok(Err(e)) => {
            let _ = writer.abort().await;
            return Err(e);
        }
        Err(_) => {
            let _ = writer.abort().await;
            return Err(DocumentsError::TooSlow);
        }
    };
    writer.finish().await?;
    Ok(inspected)
}

/// Reads the body frame by frame: each frame is counted against `Content-Length`, inspected,
/// hashed and written. Stops at the first certain problem, without reading the rest.
async fn receive(
    writer: &mut storage::Writer,
    upload: &Upload,
    mut body: Body,
) -> Result<Inspected, DocumentsError> {
    let mut inspector = Inspector::new();
    let mut hasher = Sha256::new();
    let mut received: u64 = 0;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(DocumentsError::BodyBroken)?;
        let Ok(data) = frame.into_data() else {
            continue; // trailers carry nothing we use
        };
        received = received.saturating_add(data.len() as u64);
        if received > upload.length {
            return Err(UploadRefusal::SizeMismatch {
                declared: upload.length,
                received,
            }
            .into());
        }
        inspector.feed(&data)?;
        hasher.update(&data);
        writer.write(&data).await?;
    }
    if received != upload.length {
        return Err(UploadRefusal::SizeMismatch {
            declared: upload.length,
            received,
        }
        .into());
    }
    let inspected = inspector.finish()?;
    if upload.declared != Some(inspected.file_type) {
        return Err(UploadRefusal::TypeMismatch {
            declared: upload.declared,
            detected: inspected.file_type,
        }
        .into());
    }
    if Sha256Hex::of(&hasher.finalize()) != upload.sha256 {
        return Err(UploadRefusal::HashMismatch.into());
    }
    Ok(inspected)
}

/// Removes what a failed upload may have left: its object and its reservation. Failures here are
/// logged, not returned: the answer to the client is the upload's own failure.
async fn discard(documents: &Documents, id: &ClientId) {
    if let Err(e) = documents.storage.delete(id).await {
        tracing::error!(error = %e, "could not delete the object of a failed upload");
    }
    if let Err(e) = records::release(&documents.db, id).await {
        tracing::error!(error = %e, "could not release the reservation of a failed upload");
    }
}

/// One of the account's documents, or `NotFound` (also for another account's).
pub async fn find(
    documents: &Documents,
    account_id: i64,
    id: &ClientId,
) -> Result<DocumentInfo, DocumentsError> {
    let mut conn = documents.db.pool().acquire().await?;
    records::find_own(&mut conn, account_id, id)
        .await?
        .ok_or(UploadRefusal::NotFound.into())
}

/// The account's documents, newest first.
pub async fn list(
    documents: &Documents,
    account_id: i64,
) -> Result<Vec<DocumentInfo>, DocumentsError> {
    Ok(records::list_own(&documents.db, account_id).await?)
}

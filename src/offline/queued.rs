//! A claim waiting on this phone to be sent ("Belum terkirim"), as kept in the vault: the
//! submission exactly as it will be sent (the claim id made once for the journey, so sending it
//! again never makes a second claim), its documents in the order they go (each marked once the
//! server stored it; their bytes are separate vault records), the journey as it was (to change
//! and send again after a refusal), and the server's reasons once it refused for good.

use klaim_core::FileType;
use klaim_core::api::ApiError;
use klaim_core::api::claim::ClaimSubmission;
use klaim_core::claim::DocumentKind;
use serde::{Deserialize, Serialize};

use crate::claim::{Attached, DraftSnapshot};

/// The vault record of a queued claim.
pub fn queued_key(claim_id: &str) -> String {
    format!("{QUEUED_PREFIX}{claim_id}")
}

/// The vault record holding a document's bytes until the server has them.
pub fn document_key(document_id: &str) -> String {
    format!("{DOCUMENT_PREFIX}{document_id}")
}

pub const QUEUED_PREFIX: &str = "outbox:";
pub const DOCUMENT_PREFIX: &str = "document:";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuedDocument {
    pub id: String,
    pub kind: DocumentKind,
    pub file_type: FileType,
    /// Lower-case hex, sent with the bytes so the server can tell a damaged upload.
    pub sha256: String,
    /// The server has stored it (uploaded while filling in, or by an earlier delivery attempt).
    pub sent: bool,
}

impl QueuedDocument {
    /// A document of the journey, as the outbox sends it.
    pub fn of(attached: &Attached) -> QueuedDocument {
        QueuedDocument {
            id: attached.info.id.clone(),
            kind: attached.info.kind,
            file_type: attached.info.file_type,
            sha256: attached.info.sha256.clone(),
            sent: attached.sent,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuedClaim {
    pub claim_id: String,
    /// When the person pressed "Kirim" (Unix seconds).
    pub queued_at: i64,
    pub submission: ClaimSubmission,
    pub documents: Vec<QueuedDocument>,
    pub draft: DraftSnapshot,
    /// Why the server refused it for good; empty while it waits to be sent.
    #[serde(default)]
    pub refused: Vec<ApiError>,
}

impl QueuedClaim {
    /// The claim as the review page sends it; the documents follow the submission's order.
    pub fn new(
        draft: DraftSnapshot,
        submission: ClaimSubmission,
        documents: Vec<QueuedDocument>,
        queued_at: i64,
    ) -> QueuedClaim {
        QueuedClaim {
            claim_id: draft.claim_id.clone(),
            queued_at,
            submission,
            documents,
            draft,
            refused: Vec::new(),
        }
    }

    /// Waits to be sent (not refused).
    pub fn waiting(&self) -> bool {
        self.refused.is_empty()
    }

    /// The documents the server does not have yet.
    pub fn unsent(&self) -> impl Iterator<Item = &QueuedDocument> {
        self.documents.iter().filter(|d| !d.sent)
    }

    pub fn mark_sent(&mut self, document_id: &str) {
        for d in self.documents.iter_mut().filter(|d| d.id == document_id) {
            d.sent = true;
        }
    }

    /// Every document id this claim refers to (their bytes stay until it is delivered).
    pub fn document_ids(&self) -> impl Iterator<Item = &str> {
        self.documents.iter().map(|d| d.id.as_str())
    }
}

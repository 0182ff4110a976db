//! The fix under way (`/klaim-saya/:id/perbaiki`) as saved on the phone by `offline::drafts`:
//! which claim, what was typed for the reopened answers, the new documents (their bytes are vault
//! records of their own until sent) and the "sorted out" box. Restored after a reload or a
//! browser restart like the claim journey.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::claim::snapshot::{DocumentSnapshot, TypedSnapshot};
use crate::state::FixDraft;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FixSnapshot {
    pub claim_id: String,
    #[serde(default)]
    pub typed: TypedSnapshot,
    #[serde(default)]
    pub documents: Vec<DocumentSnapshot>,
    #[serde(default)]
    pub outside_done: bool,
}

impl FixDraft {
    /// The fix under way, or `None` when there is none (tracked).
    pub fn snapshot(&self) -> Option<FixSnapshot> {
        let claim_id = self.claim_id.get();
        if claim_id.is_empty() {
            return None;
        }
        Some(FixSnapshot {
            claim_id,
            typed: self.draft.typed.snapshot(),
            documents: self.draft.documents_snapshot(),
            outside_done: self.outside_done.get(),
        })
    }

    /// Puts a saved fix in place of the one in memory (the page then keeps it: `begin` with the
    /// same claim changes nothing).
    pub fn restore(&self, saved: FixSnapshot) {
        self.claim_id.set(saved.claim_id);
        self.draft.typed.fill(&saved.typed);
        self.draft.restore_documents(saved.documents);
        self.outside_done.set(saved.outside_done);
    }
}

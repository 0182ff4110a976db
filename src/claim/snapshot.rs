//! The claim journey as saved on the phone (`offline::drafts` keeps it in the vault): the
//! programme and reason, the claim id, what was typed, the checked answers, the PHK proof chosen,
//! the bank's answer and the documents' infos. Not the registry facts (fetched again) nor the
//! documents' bytes (on the server, or in their own vault records until sent).
//!
//! Each saved draft carries the `RULES_VERSION` it was saved under. When the rules changed since,
//! what was typed is kept (every page checks it again) and the checked answers and the bank's
//! answer are dropped, so the person confirms them under the new rules ([`DraftSnapshot::migrate`]).

use klaim_core::BankAccount;
use klaim_core::RULES_VERSION;
use klaim_core::api::claim::{BankInquiryAnswer, DocumentInfo};
use klaim_core::claim::{ClaimAnswers, ClaimReason, DocumentKind, Programme};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::draft::{Attached, ClaimDraft, DateParts, Inquiry, Typed};

/// Day, month and year as typed.
pub type DateSnapshot = [String; 3];

/// Every input of the question pages, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TypedSnapshot {
    pub kpj: String,
    pub event: DateSnapshot,
    pub deceased_nik: String,
    pub deceased_kpj: String,
    pub deceased_birth: DateSnapshot,
    pub accident_on: DateSnapshot,
    pub place: String,
    pub outcome: String,
    pub days: String,
    pub medical: String,
    pub transport: String,
    pub transport_cost: String,
    pub bank: String,
    pub account: String,
    pub npwp: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquirySnapshot {
    pub account: BankAccount,
    pub answer: BankInquiryAnswer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSnapshot {
    pub info: DocumentInfo,
    pub original_bytes: Option<u64>,
    /// The server has it (drafts saved before documents could wait on the phone had only sent
    /// ones); otherwise its bytes are the vault record `document:<id>`.
    #[serde(default = "sent_before")]
    pub sent: bool,
}

fn sent_before() -> bool {
    true
}

/// One journey, as saved. `answers` is kept as JSON so a draft saved under other rules (whose
/// answers may not read as today's `ClaimAnswers`) still opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftSnapshot {
    pub programme: Programme,
    pub reason: ClaimReason,
    pub claim_id: String,
    #[serde(default)]
    pub answers: Option<serde_json::Value>,
    #[serde(default)]
    pub typed: TypedSnapshot,
    #[serde(default)]
    pub phk_proof: Option<DocumentKind>,
    #[serde(default)]
    pub inquiry: Option<InquirySnapshot>,
    #[serde(default)]
    pub documents: Vec<DocumentSnapshot>,
}

/// The record in the vault: the journey and when it was saved (Unix seconds).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedDraft {
    pub saved_at: i64,
    pub draft: DraftSnapshot,
}

impl DraftSnapshot {
    /// Fits a draft saved under `rules_version` to today's rules: the same rules keep everything;
    /// other rules keep what was typed, the claim id, the PHK proof and the documents, and drop the
    /// checked answers and the bank's answer. `true` when something was dropped.
    pub fn migrate(mut self, rules_version: &str) -> (DraftSnapshot, bool) {
        if rules_version == RULES_VERSION {
            return (self, false);
        }
        let dropped = self.answers.is_some() || self.inquiry.is_some();
        self.answers = None;
        self.inquiry = None;
        (self, dropped)
    }

    /// The checked answers, when they read as today's (a fresh set otherwise).
    pub fn checked_answers(&self) -> ClaimAnswers {
        self.answers
            .clone()
            .and_then(|a| serde_json::from_value::<ClaimAnswers>(a).ok())
            .filter(|a| a.programme == self.programme && a.reason == self.reason)
            .unwrap_or_else(|| ClaimAnswers::new(self.programme, self.reason))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

fn date_of(parts: &DateParts) -> DateSnapshot {
    [parts.day.get(), parts.month.get(), parts.year.get()]
}

fn fill_date(parts: &DateParts, saved: &DateSnapshot) {
    parts.day.set(saved[0].clone());
    parts.month.set(saved[1].clone());
    parts.year.set(saved[2].clone());
}

impl Typed {
    /// What was typed (tracked: an effect reading it runs again on every change).
    pub fn snapshot(&self) -> TypedSnapshot {
        TypedSnapshot {
            kpj: self.kpj.get(),
            event: date_of(&self.event),
            deceased_nik: self.deceased_nik.get(),
            deceased_kpj: self.deceased_kpj.get(),
            deceased_birth: date_of(&self.deceased_birth),
            accident_on: date_of(&self.accident_on),
            place: self.place.get(),
            outcome: self.outcome.get(),
            days: self.days.get(),
            medical: self.medical.get(),
            transport: self.transport.get(),
            transport_cost: self.transport_cost.get(),
            bank: self.bank.get(),
            account: self.account.get(),
            npwp: self.npwp.get(),
        }
    }

    pub fn fill(&self, saved: &TypedSnapshot) {
        let texts = [
            (self.kpj, &saved.kpj),
            (self.deceased_nik, &saved.deceased_nik),
            (self.deceased_kpj, &saved.deceased_kpj),
            (self.place, &saved.place),
            (self.outcome, &saved.outcome),
            (self.days, &saved.days),
            (self.medical, &saved.medical),
            (self.transport, &saved.transport),
            (self.transport_cost, &saved.transport_cost),
            (self.bank, &saved.bank),
            (self.account, &saved.account),
            (self.npwp, &saved.npwp),
        ];
        for (signal, text) in texts {
            signal.set(text.clone());
        }
        fill_date(&self.event, &saved.event);
        fill_date(&self.deceased_birth, &saved.deceased_birth);
        fill_date(&self.accident_on, &saved.accident_on);
    }
}

impl ClaimDraft {
    /// The journey under way, or `None` when there is none (tracked).
    pub fn snapshot(&self) -> Option<DraftSnapshot> {
        let answers = self.answers.get()?;
        Some(DraftSnapshot {
            programme: answers.programme,
            reason: answers.reason,
            claim_id: self.claim_id.get(),
            answers: serde_json::to_value(&answers).ok(),
            typed: self.typed.snapshot(),
            phk_proof: self.phk_proof.get(),
            inquiry: self.inquiry.get().map(|i| InquirySnapshot {
                account: i.account,
                answer: i.answer,
            }),
            documents: self.documents_snapshot(),
        })
    }

    /// The documents' infos (tracked).
    pub fn documents_snapshot(&self) -> Vec<DocumentSnapshot> {
        self.documents.with(|all| {
            all.iter()
                .map(|a| DocumentSnapshot {
                    info: a.info.clone(),
                    original_bytes: a.original_bytes,
                    sent: a.sent,
                })
                .collect()
        })
    }

    /// Puts saved documents in place of those in memory (thumbnails come from the vault).
    pub fn restore_documents(&self, saved: Vec<DocumentSnapshot>) {
        self.documents.set(
            saved
                .into_iter()
                .map(|d| Attached {
                    info: d.info,
                    content: None,
                    original_bytes: d.original_bytes,
                    sent: d.sent,
                })
                .collect(),
        );
    }

    /// Puts a saved journey in place of the one in memory.
    pub fn restore(&self, saved: DraftSnapshot) {
        self.answers.set(Some(saved.checked_answers()));
        self.claim_id.set(saved.claim_id);
        self.typed.fill(&saved.typed);
        self.phk_proof.set(saved.phk_proof);
        self.inquiry.set(saved.inquiry.map(|i| Inquiry {
            account: i.account,
            answer: i.answer,
        }));
        self.restore_documents(saved.documents);
    }
}

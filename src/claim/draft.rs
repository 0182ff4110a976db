//! One claim journey in memory: the programme and reason, the claim id made once for it, what was
//! typed on each page (exactly as typed), the answers that passed their checks, the registry
//! facts the rules read, the bank inquiry, and the documents uploaded. Forgotten on sign-out and
//! when another claim is started.

use klaim_core::api::claim::{BankInquiryAnswer, ClaimView, DocumentInfo};
use klaim_core::claim::{ClaimAnswers, ClaimFacts, ClaimReason, DocumentKind, Programme};
use klaim_core::{BankAccount, NameMatch};
use leptos::prelude::*;
use web_sys::Blob;

use crate::upload::uuid_v4;

/// Day, month and year boxes of a date, as typed.
#[derive(Clone, Copy, Default)]
pub struct DateParts {
    pub day: RwSignal<String>,
    pub month: RwSignal<String>,
    pub year: RwSignal<String>,
}

impl DateParts {
    fn clear(&self) {
        for part in [self.day, self.month, self.year] {
            part.set(String::new());
        }
    }
}

/// Every input of the question pages, as typed, so nothing is lost between pages.
#[derive(Clone, Copy, Default)]
pub struct Typed {
    pub kpj: RwSignal<String>,
    pub event: DateParts,
    pub deceased_nik: RwSignal<String>,
    pub deceased_kpj: RwSignal<String>,
    pub deceased_birth: DateParts,
    pub accident_on: DateParts,
    /// Radio choices are kept as their wire words ("at_work"), empty when none is chosen.
    pub place: RwSignal<String>,
    pub outcome: RwSignal<String>,
    pub days: RwSignal<String>,
    pub medical: RwSignal<String>,
    /// "none", "land", "sea" or "air".
    pub transport: RwSignal<String>,
    pub transport_cost: RwSignal<String>,
    /// A bank's transfer code, or empty before one is chosen.
    pub bank: RwSignal<String>,
    pub account: RwSignal<String>,
    pub npwp: RwSignal<String>,
}

impl Typed {
    fn clear(&self) {
        for text in [
            self.kpj,
            self.deceased_nik,
            self.deceased_kpj,
            self.place,
            self.outcome,
            self.transport,
            self.days,
            self.medical,
            self.transport_cost,
            self.bank,
            self.account,
            self.npwp,
        ] {
            text.set(String::new());
        }
        for date in [self.event, self.deceased_birth, self.accident_on] {
            date.clear();
        }
    }
}

/// The bank's answer for one account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inquiry {
    pub account: BankAccount,
    pub answer: BankInquiryAnswer,
}

impl Inquiry {
    /// Same or equivalent name: the claim can be paid there.
    pub fn matches(&self) -> bool {
        matches!(
            self.answer.name_match,
            NameMatch::Same | NameMatch::Equivalent
        )
    }
}

/// A document uploaded (or reused) for this claim.
#[derive(Clone, Debug)]
pub struct Attached {
    pub info: DocumentInfo,
    /// What was sent, for the thumbnail; `None` for a document reused from an earlier claim.
    pub content: Option<Blob>,
    /// The size of the file as chosen, when the photo was made smaller.
    pub original_bytes: Option<u64>,
    /// The server has it. `false`: it is kept on this phone (in the vault) and goes with the
    /// claim, first thing, when the claim is delivered.
    pub sent: bool,
}

#[derive(Clone, Copy)]
pub struct ClaimDraft {
    /// The answers that passed their checks; `programme` and `reason` name the journey.
    pub answers: RwSignal<Option<ClaimAnswers>>,
    /// The claim's id, made once per journey: a retried or double-clicked submit sends the same
    /// id, so the server never makes a second claim.
    pub claim_id: RwSignal<String>,
    pub typed: Typed,
    /// The signed-in person's registry facts (the claimant, and the participant unless heir).
    pub own_facts: RwSignal<Option<ClaimFacts>>,
    /// On a death claim: the deceased participant's facts.
    pub deceased_facts: RwSignal<Option<ClaimFacts>>,
    pub inquiry: RwSignal<Option<Inquiry>>,
    /// Which of the five proofs of PHK the person has.
    pub phk_proof: RwSignal<Option<DocumentKind>>,
    pub documents: RwSignal<Vec<Attached>, LocalStorage>,
    /// The claim as the server confirmed it, for the confirmation page.
    pub sent: RwSignal<Option<ClaimView>>,
}

impl Default for ClaimDraft {
    fn default() -> Self {
        ClaimDraft {
            answers: RwSignal::new(None),
            claim_id: RwSignal::new(String::new()),
            typed: Typed::default(),
            own_facts: RwSignal::new(None),
            deceased_facts: RwSignal::new(None),
            inquiry: RwSignal::new(None),
            phk_proof: RwSignal::new(None),
            documents: RwSignal::new_local(Vec::new()),
            sent: RwSignal::new(None),
        }
    }
}

impl ClaimDraft {
    /// Starts a journey for this programme and reason, or keeps the one under way if it is the
    /// same: answering again never loses what was typed.
    pub fn begin(&self, programme: Programme, reason: ClaimReason) {
        let same = self.answers.with_untracked(|a| {
            a.as_ref()
                .is_some_and(|a| a.programme == programme && a.reason == reason)
        });
        if same {
            return;
        }
        self.reset_journey();
        self.answers.set(Some(ClaimAnswers::new(programme, reason)));
        self.claim_id.set(uuid_v4().unwrap_or_default());
    }

    /// The answers so far (a fresh set when the journey was not started on this page load).
    pub fn answers_for(&self, programme: Programme, reason: ClaimReason) -> ClaimAnswers {
        self.begin(programme, reason);
        self.answers
            .get_untracked()
            .unwrap_or_else(|| ClaimAnswers::new(programme, reason))
    }

    /// Changes the checked answers.
    pub fn update(&self, change: impl FnOnce(&mut ClaimAnswers)) {
        self.answers.update(|a| {
            if let Some(a) = a {
                change(a);
            }
        });
    }

    /// The kinds attached so far (read by event handlers and the rules; not tracked).
    pub fn attached_kinds(&self) -> Vec<DocumentKind> {
        self.documents
            .with_untracked(|d| d.iter().map(|a| a.info.kind).collect())
    }

    /// Puts `attached` in place of any earlier document of its kind.
    pub fn attach(&self, attached: Attached) {
        self.documents.update(|all| {
            all.retain(|a| a.info.kind != attached.info.kind);
            all.push(attached);
        });
    }

    /// The claim was submitted: the next claim is a new journey with a new id.
    pub fn finish(&self, view: ClaimView) {
        self.reset_journey();
        self.sent.set(Some(view));
    }

    /// The claim waits in the outbox: the next claim is a new journey with a new id.
    pub fn queued(&self) {
        self.reset_journey();
    }

    fn reset_journey(&self) {
        self.answers.set(None);
        self.claim_id.set(String::new());
        self.typed.clear();
        self.deceased_facts.set(None);
        self.inquiry.set(None);
        self.phk_proof.set(None);
        self.documents.set(Vec::new());
    }

    /// Forgets the registry facts (someone signed in: they may be another person's); the
    /// journey's answers stay, so a sign-in in the middle of a claim loses nothing typed.
    pub fn forget_facts(&self) {
        self.own_facts.set(None);
        self.deceased_facts.set(None);
    }

    /// Forgets everything (sign-out): the person's facts too.
    pub fn clear(&self) {
        self.reset_journey();
        self.own_facts.set(None);
        self.sent.set(None);
    }
}

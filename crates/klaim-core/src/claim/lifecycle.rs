//! The claim lifecycle (DESIGN.md "Claim lifecycle"): which step may follow which, and who may
//! take it. The server enforces it on every change; the app uses it to show only the actions
//! that can succeed. `draft` lives on the phone only and is not a status here.
//!
//! ```text
//! submitted → verifying → needs_action ↔ verifying → approved → paying → paid
//!                                                  ↘ rejected
//! ```

use serde::{Deserialize, Serialize};

use crate::{Explain, Lang};

/// Where a submitted claim stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// The server confirmed it and issued the reference; nobody has looked at it yet.
    Submitted,
    /// An officer (or the rule-based check) is verifying it.
    Verifying,
    /// The participant (or HR, the civil registry, the bank) must fix named items.
    NeedsAction,
    Approved,
    Rejected,
    /// The transfer has been ordered.
    Paying,
    Paid,
}

impl ClaimStatus {
    pub const ALL: [ClaimStatus; 7] = [
        ClaimStatus::Submitted,
        ClaimStatus::Verifying,
        ClaimStatus::NeedsAction,
        ClaimStatus::Approved,
        ClaimStatus::Rejected,
        ClaimStatus::Paying,
        ClaimStatus::Paid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Submitted => "submitted",
            ClaimStatus::Verifying => "verifying",
            ClaimStatus::NeedsAction => "needs_action",
            ClaimStatus::Approved => "approved",
            ClaimStatus::Rejected => "rejected",
            ClaimStatus::Paying => "paying",
            ClaimStatus::Paid => "paid",
        }
    }

    pub fn from_wire(text: &str) -> Option<ClaimStatus> {
        ClaimStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Still being handled: a second claim for the same programme and reason must wait.
    pub fn is_open(self) -> bool {
        !matches!(self, ClaimStatus::Rejected | ClaimStatus::Paid)
    }

    /// The step's name for the participant's timeline, in plain words.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            ClaimStatus::Submitted => lang.pick("Diterima", "Received"),
            ClaimStatus::Verifying => lang.pick("Sedang diperiksa", "Being checked"),
            ClaimStatus::NeedsAction => lang.pick("Perlu tindakan", "Action needed"),
            ClaimStatus::Approved => lang.pick("Disetujui", "Approved"),
            ClaimStatus::Rejected => lang.pick("Ditolak", "Not approved"),
            ClaimStatus::Paying => lang.pick("Sedang dibayar", "Being paid"),
            ClaimStatus::Paid => lang.pick("Dibayar", "Paid"),
        }
    }

    /// What this step means for the participant and what happens next.
    pub fn next_step(self, lang: Lang) -> &'static str {
        match self {
            ClaimStatus::Submitted => lang.pick(
                "BPJS Ketenagakerjaan sudah menerima klaim Anda. Petugas akan memeriksanya; Anda tidak perlu melakukan apa pun sekarang.",
                "BPJS Ketenagakerjaan has received your claim. An officer will check it; you need not do anything now.",
            ),
            ClaimStatus::Verifying => lang.pick(
                "Petugas sedang memeriksa data dan dokumen Anda. Jika ada yang perlu diperbaiki, kami memberi tahu Anda di sini.",
                "An officer is checking your details and documents. If anything needs fixing, we tell you here.",
            ),
            ClaimStatus::NeedsAction => lang.pick(
                "Ada hal yang perlu diperbaiki sebelum klaim dapat diputuskan. Lihat daftar di bawah: apa yang salah, siapa yang dapat memperbaikinya, dan caranya.",
                "Something must be fixed before the claim can be decided. See the list below: what is wrong, who can fix it, and how.",
            ),
            ClaimStatus::Approved => lang.pick(
                "Klaim Anda disetujui. Dana akan ditransfer ke rekening yang Anda berikan.",
                "Your claim is approved. The money will be transferred to the account you gave.",
            ),
            ClaimStatus::Rejected => lang.pick(
                "Klaim ini tidak dapat dibayar. Alasannya dan apa yang dapat Anda lakukan ada di bawah.",
                "This claim cannot be paid. The reasons and what you can do are below.",
            ),
            ClaimStatus::Paying => lang.pick(
                "Transfer sedang diproses oleh bank. Dana biasanya masuk dalam 1–3 hari kerja.",
                "The bank is processing the transfer. The money usually arrives within 1–3 working days.",
            ),
            ClaimStatus::Paid => lang.pick(
                "Dana sudah ditransfer ke rekening Anda. Simpan tanda terima ini.",
                "The money has been transferred to your account. Keep this receipt.",
            ),
        }
    }
}

/// Who moves a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The person who made the claim (the participant, or the heir on a death claim).
    Claimant,
    Officer,
    /// The server itself: the rule-based approval of simple JHT claims.
    System,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Claimant => "claimant",
            Actor::Officer => "officer",
            Actor::System => "system",
        }
    }

    pub fn from_wire(text: &str) -> Option<Actor> {
        [Actor::Claimant, Actor::Officer, Actor::System]
            .into_iter()
            .find(|a| a.as_str() == text)
    }
}

/// A step someone takes on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Transition {
    StartVerification,
    /// Reopen named items for the participant (documents or answers, each with a reason).
    RequestAction,
    /// The participant sends the fixed items back.
    Resubmit,
    Approve,
    Reject,
    /// The transfer is ordered.
    StartPayment,
    /// The bank confirmed the transfer (with its reference).
    ConfirmPayment,
}

impl Transition {
    pub const ALL: [Transition; 7] = [
        Transition::StartVerification,
        Transition::RequestAction,
        Transition::Resubmit,
        Transition::Approve,
        Transition::Reject,
        Transition::StartPayment,
        Transition::ConfirmPayment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Transition::StartVerification => "start_verification",
            Transition::RequestAction => "request_action",
            Transition::Resubmit => "resubmit",
            Transition::Approve => "approve",
            Transition::Reject => "reject",
            Transition::StartPayment => "start_payment",
            Transition::ConfirmPayment => "confirm_payment",
        }
    }

    pub fn from_wire(text: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The one status this step starts from, and the status it leads to.
    pub fn edge(self) -> (ClaimStatus, ClaimStatus) {
        use ClaimStatus as S;
        match self {
            Transition::StartVerification => (S::Submitted, S::Verifying),
            Transition::RequestAction => (S::Verifying, S::NeedsAction),
            Transition::Resubmit => (S::NeedsAction, S::Verifying),
            Transition::Approve => (S::Verifying, S::Approved),
            Transition::Reject => (S::Verifying, S::Rejected),
            Transition::StartPayment => (S::Approved, S::Paying),
            Transition::ConfirmPayment => (S::Paying, S::Paid),
        }
    }

    /// Who may take this step. Officers decide; only the claimant answers a request; the system
    /// may only start and approve (rule-based approval), never reject or pay.
    pub fn allowed(self, actor: Actor) -> bool {
        match self {
            Transition::Resubmit => actor == Actor::Claimant,
            Transition::StartVerification | Transition::Approve => {
                matches!(actor, Actor::Officer | Actor::System)
            }
            Transition::RequestAction
            | Transition::Reject
            | Transition::StartPayment
            | Transition::ConfirmPayment => actor == Actor::Officer,
        }
    }

    /// The steps that can follow `status` for `actor`, for showing only buttons that work.
    pub fn available(status: ClaimStatus, actor: Actor) -> impl Iterator<Item = Transition> {
        Transition::ALL
            .into_iter()
            .filter(move |t| t.edge().0 == status && t.allowed(actor))
    }
}

/// Checks one step: the status it leads to, or why it cannot be taken.
pub fn transition(
    from: ClaimStatus,
    step: Transition,
    actor: Actor,
) -> Result<ClaimStatus, TransitionError> {
    if !step.allowed(actor) {
        return Err(TransitionError::NotYours { step, actor });
    }
    let (start, end) = step.edge();
    if start != from {
        return Err(TransitionError::NotNow { step, from });
    }
    Ok(end)
}

/// Why a step was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// This actor never takes this step (403).
    #[error("{actor:?} may not {step:?}")]
    NotYours { step: Transition, actor: Actor },
    /// The claim is not in the status this step starts from (409): usually someone else acted
    /// first.
    #[error("{step:?} is not possible from {from:?}")]
    NotNow { step: Transition, from: ClaimStatus },
}

impl Explain for TransitionError {
    fn code(&self) -> &'static str {
        match self {
            TransitionError::NotYours { .. } => "claim.transition_forbidden",
            TransitionError::NotNow { .. } => "claim.transition_invalid",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            TransitionError::NotYours { .. } => lang
                .pick(
                    "Anda tidak berwenang melakukan langkah ini pada klaim.",
                    "You are not allowed to take this step on a claim.",
                )
                .to_owned(),
            TransitionError::NotNow { from, .. } => match lang {
                Lang::Id => format!(
                    "Langkah ini tidak dapat dilakukan karena status klaim sekarang \"{}\".",
                    from.title(lang)
                ),
                Lang::En => format!(
                    "This step is not possible because the claim is now \"{}\".",
                    from.title(lang)
                ),
            },
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            TransitionError::NotYours { .. } => lang
                .pick(
                    "Langkah ini diambil oleh petugas atau pemohon klaim, sesuai perannya.",
                    "This step is taken by an officer or by the claimant, by their role.",
                )
                .to_owned(),
            TransitionError::NotNow { .. } => lang
                .pick(
                    "Muat ulang halaman untuk melihat status terbaru; mungkin orang lain sudah bertindak.",
                    "Reload the page to see the latest status; someone else may have acted first.",
                )
                .to_owned(),
        }
    }
}

//! An officer's step on a claim, parsed: the items and reasons are checked against the reason
//! catalogue, an approved amount other than the computed one carries a justification, a payment
//! carries the bank's transfer reference. The server parses every step with this before it
//! touches the claim; the back office runs the same parse to list problems before sending.

use crate::api::office::OfficerStep;
use crate::{Date, Explain, Lang, Rupiah};

use super::{ItemTarget, OfficerReason, Transition};

/// One item reopened for the participant, with the reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub reason: OfficerReason,
    pub target: ItemTarget,
}

/// A rejection reason; `until` only for [`OfficerReason::NotEligibleUntil`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedReason {
    pub reason: OfficerReason,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub until: Option<Date>,
}

/// Shortest justification for changing the computed amount, in characters: a sentence, not "ok".
pub const MIN_JUSTIFICATION_CHARS: usize = 20;
pub const MAX_NOTE_CHARS: usize = 1000;

/// A checked officer step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    StartVerification,
    RequestAction {
        items: Vec<ActionItem>,
        note: Option<String>,
    },
    Approve {
        amount: Rupiah,
        /// Present exactly when `amount` differs from the computed amount.
        justification: Option<String>,
    },
    Reject {
        reasons: Vec<StatedReason>,
        note: Option<String>,
    },
    StartPayment,
    ConfirmPayment {
        transfer_reference: TransferReference,
    },
}

impl Decision {
    /// Checks a step; `computed` is the amount klaim-core computed for the claim.
    pub fn parse(step: &OfficerStep, computed: Rupiah) -> Result<Decision, Vec<DecisionProblem>> {
        let mut problems = Vec::new();
        let decision = match step {
            OfficerStep::StartVerification => Decision::StartVerification,
            OfficerStep::RequestAction { items, note } => {
                if items.is_empty() {
                    problems.push(DecisionProblem::NoItems);
                }
                for (i, item) in items.iter().enumerate() {
                    if !item.reason.for_request() {
                        problems.push(DecisionProblem::NotForRequest(item.reason));
                    } else if !item.reason.fits(item.target) {
                        problems.push(DecisionProblem::TargetDoesNotFit(item.reason));
                    }
                    if items[..i]
                        .iter()
                        .any(|earlier| earlier.target == item.target)
                    {
                        problems.push(DecisionProblem::SameTargetTwice);
                    }
                }
                Decision::RequestAction {
                    items: items.clone(),
                    note: note_text(note.as_deref(), &mut problems),
                }
            }
            OfficerStep::Approve {
                amount,
                justification,
            } => {
                let amount = amount.map_or(computed, Rupiah::from_u64);
                let justification = justification
                    .as_deref()
                    .map(str::trim)
                    .filter(|j| !j.is_empty());
                if amount == Rupiah::ZERO {
                    problems.push(DecisionProblem::AmountZero);
                }
                let justification = if amount == computed {
                    None
                } else {
                    match justification {
                        None => {
                            problems.push(DecisionProblem::JustificationNeeded { computed });
                            None
                        }
                        Some(j) if j.chars().count() < MIN_JUSTIFICATION_CHARS => {
                            problems.push(DecisionProblem::JustificationTooShort);
                            None
                        }
                        Some(j) if j.chars().count() > MAX_NOTE_CHARS => {
                            problems.push(DecisionProblem::NoteTooLong);
                            None
                        }
                        Some(j) => Some(j.to_owned()),
                    }
                };
                Decision::Approve {
                    amount,
                    justification,
                }
            }
            OfficerStep::Reject { reasons, note } => {
                if reasons.is_empty() {
                    problems.push(DecisionProblem::NoReasons);
                }
                for (i, stated) in reasons.iter().enumerate() {
                    if !stated.reason.for_rejection() {
                        problems.push(DecisionProblem::NotForRejection(stated.reason));
                    }
                    if stated.reason.needs_date() != stated.until.is_some() {
                        problems.push(if stated.reason.needs_date() {
                            DecisionProblem::DateNeeded
                        } else {
                            DecisionProblem::DateNotExpected(stated.reason)
                        });
                    }
                    if reasons[..i].iter().any(|r| r.reason == stated.reason) {
                        problems.push(DecisionProblem::SameReasonTwice);
                    }
                }
                Decision::Reject {
                    reasons: reasons.clone(),
                    note: note_text(note.as_deref(), &mut problems),
                }
            }
            OfficerStep::StartPayment => Decision::StartPayment,
            OfficerStep::ConfirmPayment { transfer_reference } => {
                match TransferReference::parse(transfer_reference) {
                    Ok(reference) => Decision::ConfirmPayment {
                        transfer_reference: reference,
                    },
                    Err(e) => {
                        problems.push(e);
                        return Err(problems);
                    }
                }
            }
        };
        if problems.is_empty() {
            Ok(decision)
        } else {
            Err(problems)
        }
    }

    pub fn transition(&self) -> Transition {
        match self {
            Decision::StartVerification => Transition::StartVerification,
            Decision::RequestAction { .. } => Transition::RequestAction,
            Decision::Approve { .. } => Transition::Approve,
            Decision::Reject { .. } => Transition::Reject,
            Decision::StartPayment => Transition::StartPayment,
            Decision::ConfirmPayment { .. } => Transition::ConfirmPayment,
        }
    }
}

fn note_text(note: Option<&str>, problems: &mut Vec<DecisionProblem>) -> Option<String> {
    let note = note.map(str::trim).filter(|n| !n.is_empty())?;
    if note.chars().count() > MAX_NOTE_CHARS {
        problems.push(DecisionProblem::NoteTooLong);
        return None;
    }
    Some(note.to_owned())
}

/// The bank's reference for a transfer: 6 to 40 letters, digits and dashes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransferReference(String);

impl TransferReference {
    pub fn parse(input: &str) -> Result<TransferReference, DecisionProblem> {
        let text = input.trim().to_ascii_uppercase();
        if text.is_empty() {
            return Err(DecisionProblem::TransferReferenceMissing);
        }
        let valid_chars = text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !valid_chars || !(6..=40).contains(&text.len()) {
            return Err(DecisionProblem::TransferReferenceInvalid);
        }
        Ok(TransferReference(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why an officer's step was not accepted. `field` names the form part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecisionProblem {
    #[error("no items")]
    NoItems,
    #[error("reason not for a request")]
    NotForRequest(OfficerReason),
    #[error("target does not fit the reason")]
    TargetDoesNotFit(OfficerReason),
    #[error("same item twice")]
    SameTargetTwice,
    #[error("no reasons")]
    NoReasons,
    #[error("reason not for a rejection")]
    NotForRejection(OfficerReason),
    #[error("same reason twice")]
    SameReasonTwice,
    #[error("date needed")]
    DateNeeded,
    #[error("date not expected")]
    DateNotExpected(OfficerReason),
    #[error("amount zero")]
    AmountZero,
    #[error("justification needed")]
    JustificationNeeded { computed: Rupiah },
    #[error("justification too short")]
    JustificationTooShort,
    #[error("note too long")]
    NoteTooLong,
    #[error("transfer reference missing")]
    TransferReferenceMissing,
    #[error("transfer reference invalid")]
    TransferReferenceInvalid,
}

impl DecisionProblem {
    /// The form part it is about.
    pub fn field(&self) -> &'static str {
        match self {
            DecisionProblem::NoItems
            | DecisionProblem::NotForRequest(_)
            | DecisionProblem::TargetDoesNotFit(_)
            | DecisionProblem::SameTargetTwice => "items",
            DecisionProblem::NoReasons
            | DecisionProblem::NotForRejection(_)
            | DecisionProblem::SameReasonTwice
            | DecisionProblem::DateNeeded
            | DecisionProblem::DateNotExpected(_) => "reasons",
            DecisionProblem::AmountZero => "amount",
            DecisionProblem::JustificationNeeded { .. }
            | DecisionProblem::JustificationTooShort => "justification",
            DecisionProblem::NoteTooLong => "note",
            DecisionProblem::TransferReferenceMissing
            | DecisionProblem::TransferReferenceInvalid => "transfer_reference",
        }
    }
}

impl Explain for DecisionProblem {
    fn code(&self) -> &'static str {
        match self {
            DecisionProblem::NoItems => "decision.no_items",
            DecisionProblem::NotForRequest(_) => "decision.reason_not_for_request",
            DecisionProblem::TargetDoesNotFit(_) => "decision.target_does_not_fit",
            DecisionProblem::SameTargetTwice => "decision.same_item_twice",
            DecisionProblem::NoReasons => "decision.no_reasons",
            DecisionProblem::NotForRejection(_) => "decision.reason_not_for_rejection",
            DecisionProblem::SameReasonTwice => "decision.same_reason_twice",
            DecisionProblem::DateNeeded => "decision.date_needed",
            DecisionProblem::DateNotExpected(_) => "decision.date_not_expected",
            DecisionProblem::AmountZero => "decision.amount_zero",
            DecisionProblem::JustificationNeeded { .. } => "decision.justification_needed",
            DecisionProblem::JustificationTooShort => "decision.justification_too_short",
            DecisionProblem::NoteTooLong => "decision.note_too_long",
            DecisionProblem::TransferReferenceMissing => "decision.transfer_reference_missing",
            DecisionProblem::TransferReferenceInvalid => "decision.transfer_reference_invalid",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            DecisionProblem::NoItems => lang
                .pick(
                    "Pilih paling sedikit satu hal yang perlu diperbaiki peserta.",
                    "Choose at least one item the participant must fix.",
                )
                .to_owned(),
            DecisionProblem::NotForRequest(r) => match lang {
                Lang::Id => format!(
                    "Alasan \"{}\" hanya dapat dipakai untuk menolak, bukan untuk meminta perbaikan.",
                    r.as_str()
                ),
                Lang::En => format!(
                    "The reason \"{}\" is for rejections only, not for asking for a fix.",
                    r.as_str()
                ),
            },
            DecisionProblem::TargetDoesNotFit(r) => match lang {
                Lang::Id => format!(
                    "Alasan \"{}\" tidak cocok dengan hal yang dipilih.",
                    r.as_str()
                ),
                Lang::En => format!(
                    "The reason \"{}\" does not fit the item chosen.",
                    r.as_str()
                ),
            },
            DecisionProblem::SameTargetTwice => lang
                .pick(
                    "Hal yang sama dipilih dua kali; beri satu alasan untuk setiap hal.",
                    "The same item is chosen twice; give one reason per item.",
                )
                .to_owned(),
            DecisionProblem::NoReasons => lang
                .pick(
                    "Pilih paling sedikit satu alasan penolakan.",
                    "Choose at least one reason for the rejection.",
                )
                .to_owned(),
            DecisionProblem::NotForRejection(r) => match lang {
                Lang::Id => format!(
                    "Alasan \"{}\" dapat diperbaiki peserta: minta perbaikan, jangan menolak.",
                    r.as_str()
                ),
                Lang::En => format!(
                    "The reason \"{}\" can be fixed by the participant: ask for a fix, do not reject.",
                    r.as_str()
                ),
            },
            DecisionProblem::SameReasonTwice => lang
                .pick(
                    "Alasan yang sama dipilih dua kali.",
                    "The same reason is chosen twice.",
                )
                .to_owned(),
            DecisionProblem::DateNeeded => lang
                .pick(
                    "Isi tanggal mulai klaim dapat diajukan.",
                    "Enter the date from which the claim can be made.",
                )
                .to_owned(),
            DecisionProblem::DateNotExpected(_) => lang
                .pick(
                    "Tanggal hanya diisi untuk alasan \"belum memenuhi syarat sampai tanggal\".",
                    "A date is only given with the reason \"not eligible until a date\".",
                )
                .to_owned(),
            DecisionProblem::AmountZero => lang
                .pick(
                    "Jumlah yang disetujui tidak boleh Rp 0; tolak klaim bila tidak ada yang dibayar.",
                    "The approved amount cannot be Rp 0; reject the claim if nothing is paid.",
                )
                .to_owned(),
            DecisionProblem::JustificationNeeded { computed } => match lang {
                Lang::Id => {
                    format!("Jumlah berbeda dari hasil hitungan ({computed}). Tulis alasannya.")
                }
                Lang::En => {
                    format!("The amount differs from the computed one ({computed}). Write why.")
                }
            },
            DecisionProblem::JustificationTooShort => match lang {
                Lang::Id => format!(
                    "Tulis alasan perubahan jumlah paling sedikit {MIN_JUSTIFICATION_CHARS} huruf."
                ),
                Lang::En => format!(
                    "Write at least {MIN_JUSTIFICATION_CHARS} characters on why the amount changed."
                ),
            },
            DecisionProblem::NoteTooLong => match lang {
                Lang::Id => format!("Catatan paling banyak {MAX_NOTE_CHARS} huruf."),
                Lang::En => format!("A note has at most {MAX_NOTE_CHARS} characters."),
            },
            DecisionProblem::TransferReferenceMissing => lang
                .pick(
                    "Isi nomor referensi transfer dari bank.",
                    "Enter the bank's transfer reference.",
                )
                .to_owned(),
            DecisionProblem::TransferReferenceInvalid => lang
                .pick(
                    "Nomor referensi transfer terdiri dari 6 sampai 40 huruf, angka, atau tanda hubung.",
                    "A transfer reference has 6 to 40 letters, digits or dashes.",
                )
                .to_owned(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            DecisionProblem::TransferReferenceMissing
            | DecisionProblem::TransferReferenceInvalid => lang
                .pick(
                    "Salin dari bukti transfer bank, misalnya TRF-20261124-0001.",
                    "Copy it from the bank's transfer record, e.g. TRF-20261124-0001.",
                )
                .to_owned(),
            _ => lang
                .pick(
                    "Perbaiki isian ini lalu kirim lagi.",
                    "Correct this part and send it again.",
                )
                .to_owned(),
        }
    }
}

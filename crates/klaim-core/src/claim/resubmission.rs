//! What a participant may change when sending a claim back after "Perlu tindakan": only the items
//! the officer reopened. A reopened document must be replaced by a new upload of that kind; a
//! reopened answer may change (the person may also find it was right); everything else stays as
//! it was submitted. The server checks every resubmission with this before it runs
//! [`super::ready_to_submit`] again on the merged claim; the app runs it to open only those parts.

use crate::api::claim::AttachedDocument;
use crate::{Explain, Lang};

use super::{ActionItem, ClaimAnswers, DocumentKind, ItemTarget, Question};

/// Checks a resubmission against the items reopened: the answers and attachments before (as
/// stored) and after (as sent back). Returns every problem, in a stable order.
pub fn check_resubmission(
    open_items: &[ActionItem],
    before_answers: &ClaimAnswers,
    after_answers: &ClaimAnswers,
    before_docs: &[AttachedDocument],
    after_docs: &[AttachedDocument],
) -> Result<(), Vec<ResubmissionProblem>> {
    let mut problems = Vec::new();
    if before_answers.programme != after_answers.programme
        || before_answers.reason != after_answers.reason
    {
        problems.push(ResubmissionProblem::ClaimChanged);
    }
    let reopened = |target: ItemTarget| open_items.iter().any(|item| item.target == target);
    for question in Question::ALL {
        if !reopened(ItemTarget::Answer(question))
            && !same_answer(question, before_answers, after_answers)
        {
            problems.push(ResubmissionProblem::AnswerNotReopened(question));
        }
    }
    // Every kind named on either side, in the order first seen, so the problems read in the
    // order of the claim's own document list.
    let mut kinds: Vec<DocumentKind> = Vec::new();
    for doc in before_docs.iter().chain(after_docs) {
        if !kinds.contains(&doc.kind) {
            kinds.push(doc.kind);
        }
    }
    for item in open_items {
        if let ItemTarget::Document(kind) = item.target
            && !kinds.contains(&kind)
        {
            kinds.push(kind);
        }
    }
    let ids_of = |docs: &[AttachedDocument], kind: DocumentKind| -> Vec<String> {
        let mut ids: Vec<String> = docs
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.document_id.to_ascii_lowercase())
            .collect();
        ids.sort();
        ids
    };
    let was_attached = |id: &str| {
        before_docs
            .iter()
            .any(|d| d.document_id.eq_ignore_ascii_case(id))
    };
    for kind in kinds {
        let after = ids_of(after_docs, kind);
        if reopened(ItemTarget::Document(kind)) {
            if after.is_empty() || after.iter().any(|id| was_attached(id)) {
                problems.push(ResubmissionProblem::DocumentNotReplaced(kind));
            }
        } else if ids_of(before_docs, kind) != after {
            problems.push(ResubmissionProblem::DocumentNotReopened(kind));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Whether the part of the answers that `question` asks for is unchanged.
fn same_answer(question: Question, before: &ClaimAnswers, after: &ClaimAnswers) -> bool {
    match question {
        Question::Kpj => before.kpj == after.kpj,
        Question::EventDate => before.event_on == after.event_on,
        Question::Deceased => before.deceased == after.deceased,
        Question::Accident => before.accident == after.accident,
        Question::BankAccount => before.bank_account == after.bank_account,
        Question::Npwp => before.npwp == after.npwp,
    }
}

/// Why a resubmission was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ResubmissionProblem {
    /// The programme or the reason changed: that is a new claim, not a fix.
    #[error("programme or reason changed")]
    ClaimChanged,
    /// An answer changed that the officer did not reopen.
    #[error("answer not reopened: {0:?}")]
    AnswerNotReopened(Question),
    /// A document was added, removed or replaced that the officer did not reopen.
    #[error("document not reopened: {0:?}")]
    DocumentNotReopened(DocumentKind),
    /// A reopened document was not replaced by a new upload.
    #[error("document not replaced: {0:?}")]
    DocumentNotReplaced(DocumentKind),
}

impl ResubmissionProblem {
    /// The question page (as [`Question::as_str`]) or `"documents"`; `None` for the claim as a
    /// whole.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ResubmissionProblem::ClaimChanged => None,
            ResubmissionProblem::AnswerNotReopened(q) => Some(q.as_str()),
            ResubmissionProblem::DocumentNotReopened(_)
            | ResubmissionProblem::DocumentNotReplaced(_) => Some("documents"),
        }
    }
}

impl Explain for ResubmissionProblem {
    fn code(&self) -> &'static str {
        match self {
            ResubmissionProblem::ClaimChanged => "resubmission.claim_changed",
            ResubmissionProblem::AnswerNotReopened(_) => "resubmission.answer_not_reopened",
            ResubmissionProblem::DocumentNotReopened(_) => "resubmission.document_not_reopened",
            ResubmissionProblem::DocumentNotReplaced(_) => "resubmission.document_not_replaced",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            ResubmissionProblem::ClaimChanged => lang
                .pick(
                    "Program dan alasan klaim tidak dapat diubah saat memperbaiki klaim.",
                    "The programme and reason of a claim cannot change while fixing it.",
                )
                .to_owned(),
            ResubmissionProblem::AnswerNotReopened(q) => match lang {
                Lang::Id => format!(
                    "Jawaban \"{}\" tidak diminta untuk diperbaiki, jadi tidak dapat diubah.",
                    q.title(lang)
                ),
                Lang::En => format!(
                    "The answer \"{}\" was not asked to be fixed, so it cannot change.",
                    q.title(lang)
                ),
            },
            ResubmissionProblem::DocumentNotReopened(kind) => match lang {
                Lang::Id => format!(
                    "{} tidak diminta untuk diganti, jadi tidak dapat diubah.",
                    kind.name(lang)
                ),
                Lang::En => format!(
                    "The {} was not asked to be replaced, so it cannot change.",
                    kind.name(lang)
                ),
            },
            ResubmissionProblem::DocumentNotReplaced(kind) => match lang {
                Lang::Id => format!(
                    "Unggah {} yang baru: dokumen ini diminta untuk diganti.",
                    kind.name(lang)
                ),
                Lang::En => format!(
                    "Upload a new {}: this document was asked to be replaced.",
                    kind.name(lang)
                ),
            },
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            ResubmissionProblem::ClaimChanged => lang.pick(
                "Untuk program atau alasan lain, ajukan klaim baru.",
                "For another programme or reason, make a new claim.",
            ),
            ResubmissionProblem::AnswerNotReopened(_)
            | ResubmissionProblem::DocumentNotReopened(_) => lang.pick(
                "Perbaiki hanya hal yang ada di daftar \"Perlu tindakan\", lalu kirim ulang.",
                "Fix only the items in the \"Action needed\" list, then send it back.",
            ),
            ResubmissionProblem::DocumentNotReplaced(_) => lang.pick(
                "Foto atau pindai dokumen itu lagi, unggah, lalu kirim ulang.",
                "Photograph or scan that document again, upload it, then send it back.",
            ),
        }
        .to_owned()
    }
}

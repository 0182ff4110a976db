//! The fix sent back after "Perlu tindakan", built from what the person did on the fix page:
//! the claim's answers with only the reopened answers taken from the page, and the claim's
//! documents with only the reopened kinds replaced by the new uploads. klaim-core's
//! `check_resubmission` (the server's own check) then runs on it before anything is sent.

use klaim_core::api::claim::{AttachedDocument, ClaimView, Resubmission};
use klaim_core::claim::{
    ClaimAnswers, DocumentKind, ItemTarget, Question, ResubmissionProblem, check_resubmission,
};
use klaim_core::{Explain, Lang};

use crate::i18n::Texts;

/// The id of the "sorted out" box on the fix page, for items fixed outside Klaim.
pub const OUTSIDE_FIELD: &str = "outside_done";

/// What the person did on the fix page, each answer already through its parser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// Answers as on the page; only the reopened ones are read.
    pub answers: ClaimAnswers,
    /// New uploads; only those of reopened kinds are used.
    pub uploads: Vec<AttachedDocument>,
    /// The box saying that what only others can fix has been fixed.
    pub outside_done: bool,
}

/// Why the fix cannot be sent yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixProblem {
    /// klaim-core's check (the same the server runs): a reopened document not replaced, …
    Resubmission(ResubmissionProblem),
    /// An item fixed outside Klaim, not confirmed as done.
    OutsideNotDone,
}

impl FixProblem {
    /// The page's input it is about.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            FixProblem::Resubmission(ResubmissionProblem::DocumentNotReplaced(kind)) => {
                Some(kind.as_str())
            }
            FixProblem::Resubmission(_) => None,
            FixProblem::OutsideNotDone => Some(OUTSIDE_FIELD),
        }
    }
}

impl Explain for FixProblem {
    fn code(&self) -> &'static str {
        match self {
            FixProblem::Resubmission(p) => p.code(),
            FixProblem::OutsideNotDone => "fix.outside_not_done",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            FixProblem::Resubmission(p) => p.message(lang),
            FixProblem::OutsideNotDone => Texts::of(lang).fix_outside_missing.to_owned(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            FixProblem::Resubmission(p) => p.hint(lang),
            FixProblem::OutsideNotDone => Texts::of(lang).fix_outside_missing_hint.to_owned(),
        }
    }
}

/// The items of `claim` reopened for the person.
pub fn reopened(claim: &ClaimView, target: ItemTarget) -> bool {
    claim.open_items.iter().any(|item| item.target == target)
}

/// The resubmission for `claim`, or every reason it cannot be sent yet.
pub fn resubmission(claim: &ClaimView, fixed: &Fixed) -> Result<Resubmission, Vec<FixProblem>> {
    let mut answers = claim.answers.clone();
    for question in Question::ALL {
        if reopened(claim, ItemTarget::Answer(question)) {
            take_answer(question, &fixed.answers, &mut answers);
        }
    }

    let before: Vec<AttachedDocument> = claim
        .documents
        .iter()
        .map(|d| AttachedDocument {
            kind: d.kind,
            document_id: d.id.clone(),
        })
        .collect();
    let upload_of = |kind: DocumentKind| fixed.uploads.iter().find(|u| u.kind == kind).cloned();
    // The claim's own order, each reopened kind replaced where it stood; a reopened kind the
    // claim did not have (an NPWP card asked for) comes last.
    let mut documents: Vec<AttachedDocument> = Vec::new();
    for doc in &before {
        if !reopened(claim, ItemTarget::Document(doc.kind)) {
            documents.push(doc.clone());
        } else if !documents.iter().any(|d| d.kind == doc.kind)
            && let Some(upload) = upload_of(doc.kind)
        {
            documents.push(upload);
        }
    }
    for item in &claim.open_items {
        if let ItemTarget::Document(kind) = item.target
            && !before.iter().any(|d| d.kind == kind)
            && let Some(upload) = upload_of(kind)
        {
            documents.push(upload);
        }
    }

    let mut problems: Vec<FixProblem> = check_resubmission(
        &claim.open_items,
        &claim.answers,
        &answers,
        &before,
        &documents,
    )
    .err()
    .unwrap_or_default()
    .into_iter()
    .map(FixProblem::Resubmission)
    .collect();
    if reopened(claim, ItemTarget::Outside) && !fixed.outside_done {
        problems.push(FixProblem::OutsideNotDone);
    }
    if problems.is_empty() {
        Ok(Resubmission { answers, documents })
    } else {
        Err(problems)
    }
}

/// Copies the answer `question` asks for from `from` into `into`.
fn take_answer(question: Question, from: &ClaimAnswers, into: &mut ClaimAnswers) {
    match question {
        Question::Kpj => into.kpj = from.kpj.clone(),
        Question::EventDate => into.event_on = from.event_on,
        Question::Deceased => into.deceased = from.deceased.clone(),
        Question::Accident => into.accident = from.accident.clone(),
        Question::BankAccount => into.bank_account = from.bank_account.clone(),
        Question::Npwp => into.npwp = from.npwp.clone(),
    }
}

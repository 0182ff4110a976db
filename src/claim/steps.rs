//! The pages of a claim journey and their addresses, and which page comes next. Question pages
//! follow klaim-core's `questions()`; JKM, JKK and claims by heirs gather them on a task list.

use klaim_core::claim::{ClaimReason, Programme, Question};

/// A page of the journey after the start page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Results,
    Tasks,
    Question(Question),
    Documents,
    Review,
}

/// The field name klaim-core's problems use for the documents page.
pub const DOCUMENTS_FIELD: &str = "documents";

/// The query that makes a question page return to "Periksa jawaban Anda".
pub const FROM_REVIEW: &str = "dari=periksa";

/// `/klaim/jht/resigned`: the journey's root (no page of its own).
pub fn base(programme: Programme, reason: ClaimReason) -> String {
    format!("/klaim/{}/{}", programme.as_str(), reason.as_str())
}

/// The URL word of a step.
pub fn word(step: Step) -> &'static str {
    match step {
        Step::Results => "hasil",
        Step::Tasks => "tugas",
        Step::Documents => "dokumen",
        Step::Review => "periksa",
        Step::Question(q) => match q {
            Question::Kpj => "kpj",
            Question::EventDate => "tanggal",
            Question::Deceased => "almarhum",
            Question::Accident => "kecelakaan",
            Question::BankAccount => "rekening",
            Question::Npwp => "npwp",
        },
    }
}

pub fn path(programme: Programme, reason: ClaimReason, step: Step) -> String {
    format!("{}/{}", base(programme, reason), word(step))
}

/// The page a problem of `ready_to_submit` is fixed on (its `field`), returning to the review.
pub fn fix_path(programme: Programme, reason: ClaimReason, field: Option<&str>) -> String {
    let step = match field {
        Some(DOCUMENTS_FIELD) => Step::Documents,
        Some(f) => Question::from_wire(f).map_or(Step::Review, Step::Question),
        None => Step::Review,
    };
    if step == Step::Review {
        return path(programme, reason, step);
    }
    format!("{}?{FROM_REVIEW}", path(programme, reason, step))
}

/// Multi-part claims show a task list between the pages (ux.md).
pub fn uses_task_list(programme: Programme, reason: ClaimReason) -> bool {
    matches!(programme, Programme::Jkm | Programme::Jkk) || programme.by_heirs(reason)
}

/// Where the results page's Lanjutkan leads: the task list, or the first question not yet
/// asked (the deceased's details come before the results), or the documents.
pub fn after_results(programme: Programme, reason: ClaimReason, questions: &[Question]) -> String {
    if uses_task_list(programme, reason) {
        return path(programme, reason, Step::Tasks);
    }
    let first = questions.iter().find(|q| **q != Question::Deceased);
    path(
        programme,
        reason,
        first.map_or(Step::Documents, |q| Step::Question(*q)),
    )
}

/// Where a question page's Lanjutkan leads.
pub fn after_question(
    programme: Programme,
    reason: ClaimReason,
    question: Question,
    questions: &[Question],
    from_review: bool,
) -> String {
    let step = if from_review {
        Step::Review
    } else if question == Question::Deceased {
        // The deceased's facts decide everything else: show what they mean first.
        Step::Results
    } else if uses_task_list(programme, reason) {
        Step::Tasks
    } else {
        let at = questions.iter().position(|q| *q == question);
        match at.and_then(|i| questions.get(i + 1)) {
            Some(next) => Step::Question(*next),
            None => Step::Documents,
        }
    };
    path(programme, reason, step)
}

/// Where the documents page's Lanjutkan leads.
pub fn after_documents(programme: Programme, reason: ClaimReason, from_review: bool) -> String {
    if uses_task_list(programme, reason) && !from_review {
        path(programme, reason, Step::Tasks)
    } else {
        path(programme, reason, Step::Review)
    }
}

/// Where a page's Back link leads: the previous question, the results page, or the task list.
pub fn back_from(
    programme: Programme,
    reason: ClaimReason,
    step: Step,
    questions: &[Question],
    from_review: bool,
) -> String {
    if from_review {
        return path(programme, reason, Step::Review);
    }
    let task_list = uses_task_list(programme, reason);
    let previous = match step {
        Step::Results if programme.by_heirs(reason) => Step::Question(Question::Deceased),
        Step::Results | Step::Tasks => return format!("/klaim/{}", programme.as_str()),
        Step::Question(Question::Deceased) => return format!("/klaim/{}", programme.as_str()),
        _ if task_list => Step::Tasks,
        Step::Question(q) => {
            let at = questions.iter().position(|x| *x == q).unwrap_or(0);
            match at.checked_sub(1).and_then(|i| questions.get(i)) {
                Some(prev) if *prev != Question::Deceased => Step::Question(*prev),
                _ => Step::Results,
            }
        }
        Step::Documents => questions
            .iter()
            .rev()
            .find(|q| **q != Question::Deceased)
            .map_or(Step::Results, |q| Step::Question(*q)),
        Step::Review => Step::Documents,
    };
    path(programme, reason, previous)
}

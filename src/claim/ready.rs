//! klaim-core's submission gate as the app can call it. The bank's inquiry gives the app only the
//! holder's masked name and the server's comparison with the claimant's name, while the gate
//! wants the holder's name itself: a matching account is given to it as the claimant's own name,
//! and a differing one becomes the very problem the gate would have found.

use klaim_core::Date;
use klaim_core::claim::{
    Assessment, ClaimAnswers, ClaimFacts, ClaimProblem, Claimant, DocumentKind, ready_to_submit,
};

use super::Inquiry;

pub fn check_ready(
    facts: &ClaimFacts,
    claimant: &Claimant,
    answers: &ClaimAnswers,
    attached: &[DocumentKind],
    inquiry: Option<&Inquiry>,
    today: Date,
) -> Result<Assessment, Vec<ClaimProblem>> {
    // Only an inquiry about the account in the answers counts.
    let inquiry = inquiry.filter(|i| answers.bank_account.as_ref() == Some(&i.account));
    let holder = inquiry.filter(|i| i.matches()).map(|_| &claimant.name);
    let gate = ready_to_submit(facts, claimant, answers, attached, holder, today);
    let differs = inquiry
        .filter(|i| !i.matches())
        .map(|i| ClaimProblem::BankHolderDiffers {
            grade: i.answer.name_match,
        });
    match (gate, differs) {
        (gate, None) => gate,
        (Ok(_), Some(problem)) => Err(vec![problem]),
        (Err(mut problems), Some(problem)) => {
            problems.retain(|p| *p != ClaimProblem::BankHolderNotChecked);
            problems.push(problem);
            Err(problems)
        }
    }
}

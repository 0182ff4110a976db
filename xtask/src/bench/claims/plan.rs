//! Which claim a signed-up person can make today, decided as the app decides it: klaim-core's
//! rules on the facts the server gives (`GET /api/v1/claims/facts`), the answers a person would
//! type (their KPJ, the day their employment ended, an account in their own name), and the
//! documents the rules then ask for. A plan passes klaim-core's full gate before it is sent, so
//! the server's answer measures an accepted claim, not a refusal.

use klaim_core::api::account::EndReason;
use klaim_core::claim::{
    ClaimAnswers, ClaimFacts, ClaimReason, Claimant, DocumentKind, Necessity, Programme, Question,
    assess, questions, ready_to_submit,
};
use klaim_core::{Date, Npwp};

use super::population::OwnAccount;

/// Own claims that need nothing the registry does not say (no heirs or accident), in the order
/// tried.
const CANDIDATES: [(Programme, ClaimReason); 8] = [
    (Programme::Jht, ClaimReason::Resigned),
    (Programme::Jht, ClaimReason::Dismissed),
    (Programme::Jht, ClaimReason::ContractEnded),
    (Programme::Jht, ClaimReason::Retirement),
    (Programme::Jkp, ClaimReason::Dismissed),
    (Programme::Jp, ClaimReason::Retirement),
    (Programme::Jht, ClaimReason::PartialTenPercent),
    (Programme::Jht, ClaimReason::PartialHousing),
];

/// A claim ready to submit once its documents are uploaded.
#[derive(Clone, Debug)]
pub struct Plan {
    pub answers: ClaimAnswers,
    /// One document of each kind the rules require (one proof of PHK where any will do).
    pub documents: Vec<DocumentKind>,
}

/// The first candidate the rules allow today with everything answered, or why none is.
pub fn choose(
    facts: &ClaimFacts,
    own_accounts: &[OwnAccount],
    today: Date,
) -> Result<Plan, &'static str> {
    let claimant = Claimant {
        name: facts.name.clone(),
        nik: facts.nik,
        birth_date: facts.birth_date,
    };
    let Some(OwnAccount { account, holder }) = own_accounts.first() else {
        return Err("no bank account in their own name");
    };
    let mut why = "no claim the rules allow today";
    for (programme, reason) in CANDIDATES {
        let mut answers = ClaimAnswers::new(programme, reason);
        let mut answerable = true;
        for question in questions(facts, &answers) {
            match question {
                Question::Kpj => answers.kpj = facts.memberships.first().map(|m| m.kpj.clone()),
                Question::EventDate => answers.event_on = event_on(facts, reason),
                Question::BankAccount => answers.bank_account = Some(account.clone()),
                // Since July 2024 a resident's NPWP is their NIK (PMK 112/2022).
                Question::Npwp => answers.npwp = Npwp::parse(facts.nik.as_str()).ok(),
                Question::Deceased | Question::Accident => answerable = false,
            }
        }
        if !answerable {
            why = "needs answers the registry cannot give";
            continue;
        }
        let assessment = assess(facts, &claimant, &answers, today);
        if !assessment.blockers.is_empty() {
            continue;
        }
        let mut documents: Vec<DocumentKind> = assessment
            .documents
            .iter()
            .filter(|need| need.necessity == Necessity::Required)
            .map(|need| need.kind)
            .collect();
        if assessment
            .documents
            .iter()
            .any(|need| need.necessity == Necessity::OneOfPhkProofs)
        {
            documents.push(DocumentKind::PHK_PROOFS[0]);
        }
        documents.dedup();
        if ready_to_submit(facts, &claimant, &answers, &documents, Some(holder), today).is_ok() {
            return Ok(Plan { answers, documents });
        }
        why = "the gate finds a problem";
    }
    Err(why)
}

/// The day the newest employment with this end reason ended: the date on the letter.
fn event_on(facts: &ClaimFacts, reason: ClaimReason) -> Option<Date> {
    let wanted = match reason {
        ClaimReason::Resigned => EndReason::Resigned,
        ClaimReason::Dismissed => EndReason::Dismissed,
        ClaimReason::ContractEnded => EndReason::ContractEnded,
        _ => return None,
    };
    facts
        .memberships
        .iter()
        .flat_map(|m| &m.employments)
        .filter(|e| e.end_reason == wanted)
        .filter_map(|e| e.ended_on)
        .max()
}

/// `jht/resigned`, for the report's mix of claims.
pub fn label(answers: &ClaimAnswers) -> String {
    format!("{}/{}", answers.programme.as_str(), answers.reason.as_str())
}

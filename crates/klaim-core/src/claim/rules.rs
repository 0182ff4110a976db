//! The rules: for a participant's registry data, the claimant, the answers so far and today's
//! date, one [`Assessment`]. One file per programme; what they share is here and in `records`.

mod heirs;
mod jht;
mod jkk;
mod jkm;
mod jkp;
mod jp;
mod records;
mod tax;

pub(crate) use jht::npwp_needed;

use crate::{Date, Rupiah};

use super::{
    Assessment, Blocker, ClaimAnswers, ClaimFacts, ClaimReason, Claimant, DocumentKind,
    DocumentNeed, Estimate, Necessity, OfficialChannel, Programme,
};

/// What the rules decide for one claim. Never panics, whatever the facts and answers.
pub fn assess(
    facts: &ClaimFacts,
    claimant: &Claimant,
    answers: &ClaimAnswers,
    today: Date,
) -> Assessment {
    let case = Case {
        facts,
        claimant,
        answers,
        today,
    };
    let mut draft = Draft::default();
    if facts.memberships.is_empty() {
        draft.block(Blocker::NotAMember);
    }
    if !answers.programme.reasons().contains(&answers.reason) {
        draft.block(Blocker::ReasonNotOffered);
    }
    // One open claim per programme and reason (the server enforces it too). Partial JHT has its
    // own, stricter rule: once only, open or paid.
    let partial = matches!(
        answers.reason,
        ClaimReason::PartialTenPercent | ClaimReason::PartialHousing
    );
    if !partial
        && let Some(open) = facts
            .past_claims
            .iter()
            .find(|c| c.open && c.programme == answers.programme && c.reason == answers.reason)
    {
        draft.block(Blocker::ClaimPending {
            submitted_on: open.submitted_on,
        });
    }
    let outcome = match answers.programme {
        Programme::Jht => jht::assess(&case, &mut draft),
        Programme::Jkp => jkp::assess(&case, &mut draft),
        Programme::Jkm => jkm::assess(&case, &mut draft),
        Programme::Jkk => jkk::assess(&case, &mut draft),
        Programme::Jp => jp::assess(&case, &mut draft),
    };
    draft.finish(&case, outcome)
}

/// Everything a rule reads.
struct Case<'a> {
    facts: &'a ClaimFacts,
    claimant: &'a Claimant,
    answers: &'a ClaimAnswers,
    today: Date,
}

/// What a programme's rule returns besides blockers and documents.
struct Outcome {
    estimate: Estimate,
    channel: OfficialChannel,
    legal_basis: &'static str,
}

/// Blockers and documents as a rule finds them.
#[derive(Default)]
struct Draft {
    blockers: Vec<Blocker>,
    documents: Vec<DocumentNeed>,
}

impl Draft {
    fn block(&mut self, blocker: Blocker) {
        if !self.blockers.contains(&blocker) {
            self.blockers.push(blocker);
        }
    }

    /// A blocker that ends by itself on a day: only while that day is still to come.
    fn until(&mut self, day: Date, today: Date, blocker: fn(Date) -> Blocker) {
        if day > today {
            self.block(blocker(day));
        }
    }

    fn need(&mut self, kind: DocumentKind, necessity: Necessity) {
        if let Some(have) = self.documents.iter_mut().find(|d| d.kind == kind) {
            // Required wins over anything weaker asked for by another part of the rule.
            if necessity == Necessity::Required {
                have.necessity = Necessity::Required;
            }
        } else {
            self.documents.push(DocumentNeed { kind, necessity });
        }
    }

    fn require(&mut self, kinds: &[DocumentKind]) {
        for kind in kinds {
            self.need(*kind, Necessity::Required);
        }
    }

    /// One of the five proofs of PHK. Permenaker 4/2022 (JHT); PP 37/2021 (JKP).
    fn phk_proofs(&mut self) {
        for kind in DocumentKind::PHK_PROOFS {
            self.need(kind, Necessity::OneOfPhkProofs);
        }
    }

    fn finish(self, case: &Case, outcome: Outcome) -> Assessment {
        // The first day it can be made: today when nothing blocks; otherwise the last day a
        // dated blocker ends, but only if every blocker ends by itself.
        let earliest_on = if self.blockers.is_empty() {
            Some(case.today)
        } else {
            self.blockers
                .iter()
                .map(Blocker::ends_on)
                .try_fold(case.today, |latest, end| end.map(|e| e.max(latest)))
        };
        Assessment {
            programme: case.answers.programme,
            reason: case.answers.reason,
            blockers: self.blockers,
            earliest_on,
            documents: self.documents,
            estimate: outcome.estimate,
            channel: outcome.channel,
            legal_basis: outcome.legal_basis,
        }
    }
}

/// An estimate of nothing, with the reason why in both languages.
fn no_estimate(id: &str, en: &str) -> Estimate {
    Estimate {
        lump_sum: Rupiah::ZERO,
        monthly: None,
        months: None,
        total: Some(Rupiah::ZERO),
        tax: Rupiah::ZERO,
        explanation_id: id.to_owned(),
        explanation_en: en.to_owned(),
    }
}

/// `amount × percent / 100`, rounded down, without overflow.
fn percent(amount: Rupiah, percent: u64) -> Rupiah {
    times_ratio(amount, percent, 100)
}

/// `amount × num / den`, rounded down, saturating at the largest amount.
fn times_ratio(amount: Rupiah, num: u64, den: u64) -> Rupiah {
    if den == 0 {
        return Rupiah::ZERO;
    }
    let v = u128::from(amount.amount()) * u128::from(num) / u128::from(den);
    Rupiah::from_u64(u64::try_from(v).unwrap_or(u64::MAX))
}

fn add(a: Rupiah, b: Rupiah) -> Rupiah {
    a.checked_add(b).unwrap_or(Rupiah::from_u64(u64::MAX))
}

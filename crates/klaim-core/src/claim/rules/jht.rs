//! JHT, old-age savings. PP 46/2015 jo. PP 60/2015; Permenaker 4/2022.

use crate::{Date, Lang, Month, Rupiah};

use super::super::figures::{
    self, JHT_AGE, JHT_HOUSING_PERCENT, JHT_PARTIAL_PERCENT, JHT_PARTIAL_YEARS, JHT_TAX_FREE,
    JHT_WAITING_MONTHS, JMO_CEILING,
};
use super::super::{
    Blocker, ClaimFacts, ClaimReason, DocumentKind, Estimate, Nationality, Necessity,
    OfficialChannel, Programme,
};
use super::heirs::{self, Order};
use super::records::{self, birthday};
use super::tax;
use super::{Case, Draft, Outcome, percent};

const LEGAL_BASIS: &str = "PP 46/2015 jo. PP 60/2015; Permenaker 4/2022";

/// NPWP is required when the JHT balance (all KPJs) is above Rp 50 jt, or after a partial JHT
/// claim was paid. PP 68/2009; Permenaker 4/2022 (domain.md §1–2, JHT).
pub fn npwp_needed(facts: &ClaimFacts) -> bool {
    records::total_balance(facts) > JHT_TAX_FREE || partial_paid(facts)
}

fn partial_paid(facts: &ClaimFacts) -> bool {
    facts
        .past_claims
        .iter()
        .any(|c| c.programme == Programme::Jht && c.paid && is_partial(c.reason))
}

fn is_partial(reason: ClaimReason) -> bool {
    matches!(
        reason,
        ClaimReason::PartialTenPercent | ClaimReason::PartialHousing
    )
}

/// Claims on the participant's own record need their KTP, KPJ card and bank book.
const OWN: [DocumentKind; 3] = [
    DocumentKind::Ktp,
    DocumentKind::KpjCard,
    DocumentKind::BankBook,
];

pub(super) fn assess(case: &Case, draft: &mut Draft) -> Outcome {
    let (facts, answers, today) = (case.facts, case.answers, case.today);
    let reason = answers.reason;
    match reason {
        // PP 60/2015 art. 26 (amending PP 46/2015); Permenaker 4/2022: JHT at age 56.
        ClaimReason::Retirement => {
            if records::age(facts.birth_date, today) < JHT_AGE {
                draft.block(below_age(facts.birth_date, JHT_AGE));
            }
            draft.require(&OWN);
        }
        // Permenaker 4/2022: after resignation, once the employer deactivated the membership,
        // 1 month after the date of the resignation letter (or, until the person gives it, the
        // end date the employer reported).
        ClaimReason::Resigned => {
            memberships_inactive(case, draft);
            waiting_period(case, draft);
            draft.require(&OWN);
            // Recommended, not blocking: the agency accepts alternatives since 2024 (domain.md §2).
            draft.need(DocumentKind::ProofOfEmployment, Necessity::Recommended);
            draft.need(DocumentKind::FamilyCard, Necessity::Recommended);
        }
        // Permenaker 4/2022: after a PHK, the same, 1 month after the PHK; one of five proofs.
        ClaimReason::Dismissed => {
            memberships_inactive(case, draft);
            waiting_period(case, draft);
            draft.require(&OWN);
            draft.phk_proofs();
        }
        // Permenaker 4/2022: a fixed-term contract that ran out; no waiting period is stated.
        ClaimReason::ContractEnded => {
            memberships_inactive(case, draft);
            draft.require(&OWN);
            draft.need(DocumentKind::ProofOfEmployment, Necessity::Recommended);
        }
        // PP 60/2015 art. 26: total permanent disability, payable from the 1st of the month after
        // it was determined.
        ClaimReason::Disability => {
            if let Some(determined) = answers.event_on {
                let from = Month::of(determined).next().first_day();
                draft.until(from, today, |from| Blocker::PaidFromNextMonth { from });
            }
            draft.require(&OWN);
            draft.need(DocumentKind::DisabilityCertificate, Necessity::Required);
        }
        // PP 60/2015 art. 26: to the heirs, in the order of the JKM heirs.
        ClaimReason::Death => {
            let own = heirs::check(case, draft, Order::Kin);
            heirs::documents(case, draft, own);
        }
        // Permenaker 4/2022: leaving Indonesia permanently, foreign nationals only (decision:
        // follow the regulation text, domain.md §1). They must have stopped working here.
        ClaimReason::LeavingIndonesia => {
            if facts.nationality != Nationality::Wna {
                draft.block(Blocker::ForeignNationalsOnly);
            }
            memberships_inactive(case, draft);
            draft.require(&[
                DocumentKind::Passport,
                DocumentKind::KpjCard,
                DocumentKind::BankBook,
                DocumentKind::NotWorkingInIndonesiaStatement,
            ]);
        }
        // PP 46/2015 art. 22(4): partial 10% or 30% after 10 years of membership, while still a
        // member, once only.
        ClaimReason::PartialTenPercent | ClaimReason::PartialHousing => {
            partial(case, draft);
        }
        ClaimReason::WorkAccident => {}
    }
    if npwp_needed(facts) {
        draft.need(DocumentKind::Npwp, Necessity::Required);
    }
    let estimate = estimate(case);
    Outcome {
        channel: channel(case, estimate.lump_sum),
        estimate,
        legal_basis: LEGAL_BASIS,
    }
}

pub(super) fn below_age(birth: Date, age: u32) -> Blocker {
    Blocker::BelowAge {
        age,
        reached_on: birthday(birth, age).unwrap_or(Date::MAX),
    }
}

/// Every employer must have deactivated the membership: the claim pays out the whole balance,
/// which an active membership still grows.
pub(super) fn memberships_inactive(case: &Case, draft: &mut Draft) {
    for e in records::active(case.facts) {
        draft.block(Blocker::MembershipActive {
            employer: e.employer.clone(),
        });
    }
}

/// One month from the event: the day answered, else the end the registry knows.
fn waiting_period(case: &Case, draft: &mut Draft) {
    let event = case
        .answers
        .event_on
        .or_else(|| records::last_ended(case.facts).and_then(|e| e.ended_on));
    if let Some(until) = event.and_then(|d| d.add_months(JHT_WAITING_MONTHS)) {
        draft.until(until, case.today, |until| Blocker::WaitingPeriod { until });
    }
}

fn partial(case: &Case, draft: &mut Draft) {
    let facts = case.facts;
    if let Some(start) = records::first_start(facts) {
        let reached_on = birthday(start, JHT_PARTIAL_YEARS).unwrap_or(Date::MAX);
        if reached_on > case.today {
            draft.block(Blocker::PartialMembershipTooShort { reached_on });
        }
    }
    if records::active(facts).next().is_none() {
        draft.block(Blocker::PartialNeedsActiveMembership);
    }
    let taken = facts
        .past_claims
        .iter()
        .filter(|c| c.programme == Programme::Jht && is_partial(c.reason) && (c.open || c.paid))
        .map(|c| c.submitted_on)
        .min();
    if let Some(submitted_on) = taken {
        draft.block(Blocker::PartialAlreadyTaken { submitted_on });
    }
    draft.require(&[
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::FamilyCard,
        DocumentKind::BankBook,
        DocumentKind::EmploymentStatusLetter,
    ]);
    if case.answers.reason == ClaimReason::PartialHousing {
        draft.need(DocumentKind::HousingBankDocuments, Necessity::Required);
    }
}

fn estimate(case: &Case) -> Estimate {
    let facts = case.facts;
    let balance = records::total_balance(facts);
    let share = match case.answers.reason {
        ClaimReason::PartialTenPercent => Some(JHT_PARTIAL_PERCENT),
        ClaimReason::PartialHousing => Some(JHT_HOUSING_PERCENT),
        _ => None,
    };
    let paid = share.map_or(balance, |p| percent(balance, p));
    let tax = tax::jht(paid, facts, case.answers.npwp.is_some(), case.today);
    let kpjs = facts.memberships.len();
    let as_of = facts
        .memberships
        .iter()
        .map(|m| m.jht_balance_on)
        .max()
        .unwrap_or(case.today);
    let text = |lang: Lang| {
        let mut s = format!(
            "{} {balance} {} {}",
            lang.pick("Saldo JHT", "JHT balance"),
            lang.pick("per", "on"),
            as_of.format(lang)
        );
        if kpjs > 1 {
            s.push_str(&format!(
                " ({kpjs} {})",
                lang.pick(
                    "KPJ digabung ke KPJ utama",
                    "KPJ numbers merged into the primary one"
                )
            ));
        }
        s.push_str(lang.pick(
            ", ditambah hasil pengembangan sampai dibayar. ",
            ", plus returns until it is paid. ",
        ));
        if let Some(p) = share {
            s.push_str(&format!(
                "{} {p}% = {paid}. ",
                lang.pick("Diambil sebagian", "Partial withdrawal of")
            ));
        }
        s.push_str(&tax::explain(&tax, lang));
        s
    };
    Estimate {
        lump_sum: paid,
        monthly: None,
        months: None,
        total: Some(paid),
        tax: tax.amount,
        explanation_id: text(Lang::Id),
        explanation_en: text(Lang::En),
    }
}

/// JMO up to the dated ceiling, Lapak Asik above (domain.md §1, JHT). Heirs cannot use the
/// participant's JMO account: Lapak Asik.
fn channel(case: &Case, paid: Rupiah) -> OfficialChannel {
    let ceiling = figures::at(&JMO_CEILING, case.today);
    if case.answers.reason != ClaimReason::Death && paid <= ceiling {
        OfficialChannel::Jmo
    } else {
        OfficialChannel::LapakAsik
    }
}

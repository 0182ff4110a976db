//! JKP, the job-loss benefit. PP 37/2021 jo. PP 6/2025.

use crate::{Date, Lang, Month, Rupiah};

use super::super::figures::{
    self, JKP_BENEFIT_MONTHS, JKP_CONSECUTIVE_MONTHS, JKP_MAX_AGE_AT_REGISTRATION, JKP_MAX_CLAIMS,
    JKP_MIN_MONTHS, JKP_REPEAT_MONTHS, JKP_RULES, JKP_WAGE_CAP, JKP_WINDOW_MONTHS,
};
use super::super::{
    Blocker, ClaimReason, DocumentKind, Estimate, Nationality, Necessity, OfficialChannel,
    Programme,
};
use super::records::{self, months_before};
use super::{Case, Draft, Outcome, add, no_estimate, percent, times_ratio};

use crate::api::account::EndReason;

const LEGAL_BASIS: &str = "PP 37/2021 jo. PP 6/2025";

pub(super) fn assess(case: &Case, draft: &mut Draft) -> Outcome {
    let reason = case.answers.reason;
    if reason != ClaimReason::Dismissed {
        // PP 37/2021 jo. PP 6/2025: JKP follows a PHK only; not a resignation, nor a fixed-term
        // contract that ran to its end (nor retirement, disability or death).
        draft.block(Blocker::JkpOnlyAfterDismissal { reason });
        return Outcome {
            estimate: no_estimate(
                "JKP tidak dibayarkan untuk alasan ini. Saldo JHT Anda tetap dapat dicairkan.",
                "JKP is not paid for this reason. Your JHT balance can still be taken.",
            ),
            channel: OfficialChannel::SiapKerja,
            legal_basis: LEGAL_BASIS,
        };
    }
    let (facts, today) = (case.facts, case.today);
    // PP 37/2021 art. 4: Indonesian citizens, enrolled in JKN, under 54 at registration (the
    // earliest employment start stands for the registration).
    if facts.nationality != Nationality::Wni {
        draft.block(Blocker::CitizensOnly);
    }
    if !facts.jkn_enrolled {
        draft.block(Blocker::JknNotEnrolled);
    }
    if let Some(registered_on) = records::first_start(facts)
        && records::age(facts.birth_date, registered_on) >= JKP_MAX_AGE_AT_REGISTRATION
    {
        draft.block(Blocker::JkpTooOldAtRegistration { registered_on });
    }
    // The employer reports the PHK (domain.md §1, JKP): a job reported as ended otherwise does
    // not qualify, whatever the person chose.
    let last = records::last_ended(facts);
    if let Some(end_reason) = last.map(|e| e.end_reason).filter(|r| {
        matches!(
            r,
            EndReason::Resigned | EndReason::ContractEnded | EndReason::Retired
        )
    }) {
        draft.block(Blocker::JkpEmployerReported { end_reason });
    }
    let phk = case
        .answers
        .event_on
        .or_else(|| last.and_then(|e| e.ended_on));
    // PP 37/2021: the right ends with new employment; a job still active from before
    // the PHK means the employer has not deactivated the membership.
    for e in records::active(facts) {
        let employer = e.employer.clone();
        draft.block(match phk {
            Some(p) if e.started_on > p => Blocker::JkpNewEmployment { employer },
            _ => Blocker::MembershipActive { employer },
        });
    }
    if let Some(phk) = phk {
        draft.until(phk, today, |on| Blocker::NotYetHappened { on });
        contributions(case, draft, phk);
        // Decision: the deadline in force on the PHK date (3 months before PP 6/2025, 6 after).
        let rules = figures::at(&JKP_RULES, phk);
        if let Some(deadline) = phk.add_months(rules.deadline_months)
            && today > deadline
        {
            draft.block(Blocker::JkpDeadlinePassed { deadline });
        }
    }
    repeat_claims(case, draft, phk);
    // domain.md §2, JKP: proof of PHK (as JHT PHK), bank account, the job-search commitment.
    draft.phk_proofs();
    draft.require(&[DocumentKind::BankBook]);
    draft.need(DocumentKind::JobSearchCommitment, Necessity::Required);
    Outcome {
        estimate: estimate(case, phk),
        channel: OfficialChannel::SiapKerja,
        legal_basis: LEGAL_BASIS,
    }
}

/// PP 37/2021 art. 19: at least 12 months of contributions within the 24 months before the PHK
/// month, and the 6 months right before it all paid.
fn contributions(case: &Case, draft: &mut Draft, phk: Date) {
    let paid = records::jkp_months(case.facts);
    let phk_month = Month::of(phk);
    let in_window = (1..=JKP_WINDOW_MONTHS)
        .filter(|n| paid.contains(&months_before(phk_month, *n)))
        .count();
    let months = u32::try_from(in_window).unwrap_or(u32::MAX);
    if months < JKP_MIN_MONTHS {
        draft.block(Blocker::JkpFewContributions { months });
    }
    let gap = (1..=JKP_CONSECUTIVE_MONTHS)
        .map(|n| months_before(phk_month, n))
        .find(|m| !paid.contains(m));
    if let Some(missing) = gap {
        draft.block(Blocker::JkpGapBeforePhk { missing });
    }
}

/// PP 37/2021 jo. PP 6/2025: a 2nd and 3rd claim each need 5 more years of contributions after
/// the previous paid claim; at most 3 claims.
fn repeat_claims(case: &Case, draft: &mut Draft, phk: Option<Date>) {
    let paid: Vec<Date> = case
        .facts
        .past_claims
        .iter()
        .filter(|c| c.programme == Programme::Jkp && c.paid)
        .map(|c| c.submitted_on)
        .collect();
    let Some(previous) = paid.iter().max() else {
        return;
    };
    if paid.len() >= JKP_MAX_CLAIMS {
        draft.block(Blocker::JkpClaimsUsedUp);
        return;
    }
    let until = Month::of(phk.unwrap_or(case.today));
    let since = Month::of(*previous);
    let months = records::jkp_months(case.facts)
        .into_iter()
        .filter(|m| *m > since && *m < until)
        .count();
    let months = u32::try_from(months).unwrap_or(u32::MAX);
    if months < JKP_REPEAT_MONTHS {
        draft.block(Blocker::JkpRepeatTooSoon { months });
    }
}

/// PP 37/2021 art. 21 jo. PP 6/2025: 60% of the last wage (capped at Rp 5 jt) for 6 months; for
/// PHKs before 7 February 2025, 45% for months 1–3 and 25% for months 4–6.
fn estimate(case: &Case, phk: Option<Date>) -> Estimate {
    let on = phk.unwrap_or(case.today);
    let Some(wage) = records::last_wage(case.facts, Some(Month::of(on))) else {
        return no_estimate(
            "Belum ada upah yang dilaporkan, sehingga manfaat JKP belum dapat diperkirakan.",
            "No wage is on record, so the JKP benefit cannot be estimated.",
        );
    };
    let capped = wage.min(JKP_WAGE_CAP);
    let rules = figures::at(&JKP_RULES, on);
    let half = u64::from(JKP_BENEFIT_MONTHS / 2);
    let first = percent(capped, rules.first_percent);
    let later = percent(capped, rules.later_percent);
    let total = add(times_ratio(first, half, 1), times_ratio(later, half, 1));
    let text = |lang: Lang| {
        let base = if wage > JKP_WAGE_CAP {
            format!(
                "{} {wage}, {} {capped}",
                lang.pick("Upah terakhir", "Last wage"),
                lang.pick("dihitung paling tinggi", "counted up to")
            )
        } else {
            format!("{} {wage}", lang.pick("Upah terakhir", "Last wage"))
        };
        let split = if rules.first_percent == rules.later_percent {
            format!(
                "{}% × {JKP_BENEFIT_MONTHS} {} = {first} {}",
                rules.first_percent,
                lang.pick("bulan", "months"),
                lang.pick("per bulan", "a month")
            )
        } else {
            format!(
                "{}% {} 1–3 ({first}), {}% {} 4–6 ({later})",
                rules.first_percent,
                lang.pick("untuk bulan", "for months"),
                rules.later_percent,
                lang.pick("untuk bulan", "for months"),
            )
        };
        format!(
            "{base}; {split}; {} {total}. {}",
            lang.pick("jumlah", "in all"),
            lang.pick(
                "Selain uang tunai, JKP memberi akses informasi pasar kerja dan pelatihan.",
                "Besides cash, JKP gives access to job-market information and training.",
            )
        )
    };
    Estimate {
        lump_sum: Rupiah::ZERO,
        monthly: Some(first),
        months: Some(JKP_BENEFIT_MONTHS),
        total: Some(total),
        tax: Rupiah::ZERO,
        explanation_id: text(Lang::Id),
        explanation_en: text(Lang::En),
    }
}

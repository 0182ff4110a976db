//! JKK, the work-accident benefit: the stage II claim after the doctor's certificate (KK3).
//! PP 44/2015 jo. PP 82/2019.
//!
//! Decision: a death from the accident is claimed by an heir with the reason `Death` and the
//! accident answers (outcome `Died`), like every other claim by heirs (`Programme::by_heirs`), so
//! the facts are the deceased's. The reason `WorkAccident` is the participant's own claim
//! (recovered or disabled); any other pairing of reason and outcome is blocked.

use crate::{Lang, Month, Rupiah};

use super::super::figures::{
    self, JKK_DEATH_WAGES, JKK_DISABILITY_WAGES, JKK_LAPSE_YEARS, JKM_FUNERAL, JKM_LUMP_SUM,
    JKM_PERIODIC, STMB_FULL_DAYS, TRANSPORT_AIR, TRANSPORT_LAND, TRANSPORT_SEA,
};
use super::super::{
    AccidentAnswers, AccidentOutcome, AccidentPlace, Blocker, ClaimReason, DocumentKind, Estimate,
    Necessity, OfficialChannel, TransportMode,
};
use super::heirs::{self, Order};
use super::records::{self, birthday};
use super::{Case, Draft, Outcome, add, jkm, times_ratio};

const LEGAL_BASIS: &str = "PP 44/2015 jo. PP 82/2019";

pub(super) fn assess(case: &Case, draft: &mut Draft) -> Outcome {
    let died = case.answers.reason == ClaimReason::Death;
    if died {
        let own = heirs::check(case, draft, Order::Kin);
        heirs::documents(case, draft, own);
    }
    // domain.md §2, JKK: the KK2 form, KTP, KPJ card and the doctor's certificate (KK3); the
    // bank book for the payment.
    draft.require(&[
        DocumentKind::AccidentReportKk2,
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::DoctorCertificateKk3,
        DocumentKind::BankBook,
    ]);
    // The employer must file the stage II report within 2×24 hours of the certificate: that is
    // the employer's duty, not a condition of the claim, so it blocks nothing.
    if let Some(accident) = &case.answers.accident {
        if died != (accident.outcome == AccidentOutcome::Died) {
            draft.block(Blocker::AccidentOutcomeMismatch);
        }
        // PP 82/2019: the right lapses 5 years after the accident (2 years under PP 44/2015, for
        // accidents before 2 December 2019).
        let years = figures::at(&JKK_LAPSE_YEARS, accident.happened_on);
        if let Some(lapsed_on) = birthday(accident.happened_on, years)
            && case.today > lapsed_on
        {
            draft.block(Blocker::JkkLapsed { lapsed_on });
        }
        accident_documents(accident, draft);
    }
    Outcome {
        estimate: estimate(case),
        // The KK2 and KK3 originals are checked at a branch, where the employer files them.
        channel: OfficialChannel::Branch,
        legal_basis: LEGAL_BASIS,
    }
}

/// domain.md §2, JKK: receipts when costs are claimed; a police report or Jasa Raharja letter for
/// a road accident; a company statement and 2 witnesses for another accident away from work;
/// payslips for the temporary inability benefit.
fn accident_documents(accident: &AccidentAnswers, draft: &mut Draft) {
    match accident.place {
        AccidentPlace::OnTheRoad => draft.need(DocumentKind::PoliceReport, Necessity::Required),
        AccidentPlace::AwayFromWork => {
            draft.need(DocumentKind::WitnessStatement, Necessity::Required)
        }
        AccidentPlace::AtWork => {}
    }
    if accident.days_unable_to_work > 0 {
        draft.need(DocumentKind::Payslips, Necessity::Required);
    }
    let transport = accident.transport.is_some_and(|t| t.cost > Rupiah::ZERO);
    if accident.medical_costs > Rupiah::ZERO || transport {
        draft.need(DocumentKind::MedicalReceipts, Necessity::Required);
    }
}

/// PP 82/2019, appendix III.
fn estimate(case: &Case) -> Estimate {
    let accident = case.answers.accident.as_ref();
    let died = case.answers.reason == ClaimReason::Death;
    let month = accident.map(|a| Month::of(a.happened_on));
    let wage = records::last_wage(case.facts, month).unwrap_or(Rupiah::ZERO);
    // (amount, Indonesian, English) for each part.
    let mut parts: Vec<(Rupiah, String, String)> = Vec::new();
    if let Some(a) = accident {
        if a.days_unable_to_work > 0 {
            let days = u64::from(a.days_unable_to_work);
            let full = days.min(STMB_FULL_DAYS);
            let half = days - full;
            // 100% of the wage for the first 12 months, 50% after; a month is 30 days.
            let stmb = add(times_ratio(wage, full, 30), times_ratio(wage, half, 60));
            parts.push((
                stmb,
                format!(
                    "santunan tidak mampu bekerja {days} hari (100% upah 12 bulan pertama, 50% sesudahnya)"
                ),
                format!(
                    "temporary inability to work for {days} days (100% of the wage for the first 12 months, 50% after)"
                ),
            ));
        }
        if a.outcome == AccidentOutcome::Disability && !died {
            parts.push((
                times_ratio(wage, JKK_DISABILITY_WAGES, 1),
                format!("santunan cacat total tetap ({JKK_DISABILITY_WAGES} × upah {wage})"),
                format!("total permanent disability ({JKK_DISABILITY_WAGES} × wage {wage})"),
            ));
        }
        if a.medical_costs > Rupiah::ZERO {
            parts.push((
                a.medical_costs,
                "biaya pengobatan sesuai kuitansi".to_owned(),
                "medical costs as paid".to_owned(),
            ));
        }
        if let Some(t) = a.transport.filter(|t| t.cost > Rupiah::ZERO) {
            let cap = match t.mode {
                TransportMode::Land => TRANSPORT_LAND,
                TransportMode::Sea => TRANSPORT_SEA,
                TransportMode::Air => TRANSPORT_AIR,
            };
            parts.push((
                t.cost.min(cap),
                format!("biaya transportasi (paling banyak {cap})"),
                format!("transport costs (at most {cap})"),
            ));
        }
    }
    if died {
        // 48 × the wage, at least the JKM lump sum (decision over a press figure of 56×).
        let death = times_ratio(wage, JKK_DEATH_WAGES, 1).max(JKM_LUMP_SUM);
        parts.push((
            death,
            format!(
                "santunan kematian ({JKK_DEATH_WAGES} × upah {wage}, paling sedikit {JKM_LUMP_SUM})"
            ),
            format!("death benefit ({JKK_DEATH_WAGES} × wage {wage}, at least {JKM_LUMP_SUM})"),
        ));
        parts.push((
            JKM_FUNERAL,
            "biaya pemakaman".to_owned(),
            "funeral costs".to_owned(),
        ));
        parts.push((
            JKM_PERIODIC,
            "santunan berkala yang dibayar sekaligus".to_owned(),
            "periodic benefit paid at once".to_owned(),
        ));
    }
    let lump = parts.iter().fold(Rupiah::ZERO, |sum, p| add(sum, p.0));
    let text = |lang: Lang| {
        if parts.is_empty() {
            return lang
                .pick(
                    "Jawab pertanyaan tentang kecelakaan untuk melihat perkiraan manfaat. Biaya perawatan di fasilitas kesehatan yang bekerja sama ditanggung tanpa batas.",
                    "Answer the questions about the accident to see an estimate. Treatment at partner health facilities is covered without a ceiling.",
                )
                .to_owned();
        }
        let list: Vec<String> = parts
            .iter()
            .map(|(amount, id, en)| format!("{} {amount}", lang.pick(id, en)))
            .collect();
        let sum = list.join(" + ");
        let mut first = sum.chars();
        let capital: String = first
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        let mut s = format!("{capital}{} = {lump}.", first.as_str());
        if died {
            s.push(' ');
            s.push_str(&jkm::scholarship(case, lang));
        }
        s
    };
    Estimate {
        lump_sum: lump,
        monthly: None,
        months: None,
        total: Some(lump),
        tax: Rupiah::ZERO,
        explanation_id: text(Lang::Id),
        explanation_en: text(Lang::En),
    }
}

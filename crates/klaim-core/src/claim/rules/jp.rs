//! JP, the pension. PP 45/2015.

use crate::{Date, Lang, Rupiah};

use super::super::figures::{
    self, JP_CONTRIBUTION_PERCENT, JP_MIN_MONTHS, JP_MINIMUM, JP_WAGE_CAP, pension_age,
};
use super::super::{Blocker, ClaimReason, DocumentKind, Estimate, Necessity, OfficialChannel};
use super::heirs::{self, Order};
use super::records::{self, birthday};
use super::{Case, Draft, Outcome, add, no_estimate, percent, times_ratio};

const LEGAL_BASIS: &str = "PP 45/2015";

pub(super) fn assess(case: &Case, draft: &mut Draft) -> Outcome {
    let (facts, today) = (case.facts, case.today);
    match case.answers.reason {
        // PP 45/2015 art. 15: the pension age of the year of the claim.
        ClaimReason::Retirement => {
            let needed = pension_age(today.year());
            if records::age(facts.birth_date, today) < needed {
                let reached_on = reaches_pension_age(facts.birth_date, today);
                draft.block(Blocker::BelowAge {
                    age: reached_on.map_or(needed, |d| pension_age(d.year())),
                    reached_on: reached_on.unwrap_or(Date::MAX),
                });
            }
        }
        // PP 45/2015: total permanent disability before pension age.
        ClaimReason::Disability => {
            draft.need(DocumentKind::DisabilityCertificate, Necessity::Required);
        }
        // PP 45/2015: to the widow or widower, up to 2 children under 23, or a parent.
        ClaimReason::Death => {
            let own = heirs::check(case, draft, Order::Pension);
            heirs::documents(case, draft, own);
        }
        // PP 45/2015: the pension is not cashed on resignation (domain.md §1, JP).
        _ => {
            draft.block(Blocker::JpNotOnResignation);
            return Outcome {
                estimate: no_estimate(
                    "Iuran Jaminan Pensiun tetap tercatat dan dibayarkan pada usia pensiun.",
                    "Pension contributions stay on record and are paid at pension age.",
                ),
                channel: OfficialChannel::Branch,
                legal_basis: LEGAL_BASIS,
            };
        }
    }
    // domain.md §2, JP: form 7, KTP, KPJ card, family card; the bank book for the payment.
    draft.require(&[
        DocumentKind::PensionForm7,
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::FamilyCard,
        DocumentKind::BankBook,
    ]);
    Outcome {
        estimate: estimate(case),
        // Form 7 and the originals are handled at a branch.
        channel: OfficialChannel::Branch,
        legal_basis: LEGAL_BASIS,
    }
}

/// The first day on or after `today` on which the age reaches the pension age of that day's year
/// (PP 45/2015 art. 15). The age gains a year every year and the pension age one every three, so
/// the search ends within a few decades.
fn reaches_pension_age(birth: Date, today: Date) -> Option<Date> {
    (today.year()..=today.year().saturating_add(120)).find_map(|year| {
        let reached = birthday(birth, pension_age(year))?;
        let year_starts = Date::new(year, 1, 1)?.max(today);
        (reached.year() <= year).then(|| reached.max(year_starts))
    })
}

/// PP 45/2015: with 180 months of contributions or more, a monthly pension of 1% × months/12 ×
/// the average wage (each month capped at the JP wage cap of its month), at least the minimum;
/// with fewer, the contributions (3% of the capped wage) plus returns as a lump sum.
fn estimate(case: &Case) -> Estimate {
    let wages = records::wages_by_month(case.facts);
    let months: Vec<_> = records::jp_months(case.facts).into_iter().collect();
    let count = u32::try_from(months.len()).unwrap_or(u32::MAX);
    let capped: Vec<Rupiah> = months
        .iter()
        .filter_map(|m| {
            let cap = figures::at(&JP_WAGE_CAP, m.first_day());
            wages.get(m).map(|w| (*w).min(cap))
        })
        .collect();
    if capped.is_empty() {
        return no_estimate(
            "Belum ada iuran Jaminan Pensiun yang tercatat, sehingga manfaatnya belum dapat diperkirakan.",
            "No pension contributions are on record, so the benefit cannot be estimated.",
        );
    }
    let sum = capped.iter().fold(Rupiah::ZERO, |s, w| add(s, *w));
    let average = times_ratio(sum, 1, capped.len() as u64);
    if count >= JP_MIN_MONTHS {
        let minimum = figures::at(&JP_MINIMUM, case.today);
        let formula = times_ratio(average, u64::from(count), 1200);
        let monthly = formula.max(minimum);
        let text = |lang: Lang| {
            format!(
                "1% × {count}/12 × {} {average} = {formula}{}. {}",
                lang.pick("rata-rata upah", "average wage"),
                if monthly > formula {
                    format!(
                        "; {} {minimum}",
                        lang.pick("dibayar paling sedikit", "paid at least")
                    )
                } else {
                    String::new()
                },
                lang.pick(
                    "Dibayar setiap bulan seumur hidup, disesuaikan setiap tahun; untuk ahli waris, bagiannya ditetapkan BPJS Ketenagakerjaan.",
                    "Paid every month for life, adjusted each year; for heirs, the share is set by BPJS Ketenagakerjaan.",
                )
            )
        };
        return Estimate {
            lump_sum: Rupiah::ZERO,
            monthly: Some(monthly),
            months: None,
            total: None,
            tax: Rupiah::ZERO,
            explanation_id: text(Lang::Id),
            explanation_en: text(Lang::En),
        };
    }
    let contributions = capped.iter().fold(Rupiah::ZERO, |s, w| {
        add(s, percent(*w, JP_CONTRIBUTION_PERCENT))
    });
    let text = |lang: Lang| {
        format!(
            "{count} {} {contributions} {}",
            lang.pick(
                "bulan iuran (kurang dari 15 tahun): dibayar sekaligus",
                "months of contributions (under 15 years): paid at once,",
            ),
            lang.pick(
                "(iuran 3% dari upah) ditambah hasil pengembangannya.",
                "(the contributions of 3% of the wage) plus returns.",
            )
        )
    };
    Estimate {
        lump_sum: contributions,
        monthly: None,
        months: None,
        total: Some(contributions),
        tax: Rupiah::ZERO,
        explanation_id: text(Lang::Id),
        explanation_en: text(Lang::En),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn pension_age_is_reached_by_the_rule_of_that_year() {
        let table = [
            // Born 1968-06-10: 57 in 2025 (pension age 59), 59 on 2027-06-10.
            (d(1968, 6, 10), d(2025, 1, 1), d(2027, 6, 10)),
            // Born 1970-03-01: 60 on 2030-03-01 (pension age 60 in 2028–30).
            (d(1970, 3, 1), d(2026, 1, 1), d(2030, 3, 1)),
            // Born 1971-12-31: 60 in 2031 when 61 is needed; 61 on 2032-12-31 (61 in 2031–33).
            (d(1971, 12, 31), d(2026, 1, 1), d(2032, 12, 31)),
            // Old enough already.
            (d(1950, 1, 1), d(2026, 5, 5), d(2026, 5, 5)),
        ];
        for (birth, today, reached) in table {
            assert_eq!(reaches_pension_age(birth, today), Some(reached), "{birth}");
        }
    }
}

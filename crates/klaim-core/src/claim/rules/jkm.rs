//! JKM, the death benefit (death not from a work accident). PP 44/2015 jo. PP 82/2019.

use crate::{Lang, Rupiah};

use super::super::figures::{
    JKM_FUNERAL, JKM_LUMP_SUM, JKM_PERIODIC, SCHOLARSHIP_CHILDREN, SCHOLARSHIP_MIN_MONTHS,
    SCHOLARSHIP_PER_CHILD,
};
use super::super::{Estimate, OfficialChannel, Relation};
use super::heirs::{self, Order};
use super::records;
use super::{Case, Draft, Outcome, add, times_ratio};

const LEGAL_BASIS: &str = "PP 44/2015 jo. PP 82/2019";

pub(super) fn assess(case: &Case, draft: &mut Draft) -> Outcome {
    // PP 44/2015 jo. PP 82/2019: paid to the heirs, in the order of the law.
    let own = heirs::check(case, draft, Order::Kin);
    heirs::documents(case, draft, own);
    Outcome {
        estimate: estimate(case),
        // Originals (death certificate, heir certificate) are checked by an officer: a branch.
        // Lapak Asik takes JKM claims online too, with a video call.
        channel: OfficialChannel::Branch,
        legal_basis: LEGAL_BASIS,
    }
}

/// PP 82/2019 art. 34: Rp 20 jt lump sum + Rp 12 jt periodic benefit paid at once + Rp 10 jt
/// funeral = Rp 42 jt. The scholarship is paid year by year as the children go to school, so it
/// is stated with its conditions, not added to the sum.
fn estimate(case: &Case) -> Estimate {
    let lump = add(add(JKM_LUMP_SUM, JKM_PERIODIC), JKM_FUNERAL);
    let text = |lang: Lang| {
        format!(
            "{} {JKM_LUMP_SUM} + {} {JKM_PERIODIC} + {} {JKM_FUNERAL} = {lump}. {}",
            lang.pick("Santunan sekaligus", "Lump sum"),
            lang.pick(
                "santunan berkala yang dibayar sekaligus",
                "periodic benefit paid at once"
            ),
            lang.pick("biaya pemakaman", "funeral costs"),
            scholarship(case, lang)
        )
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

/// The scholarship's conditions, as far as the records show them (PP 82/2019 art. 34): at least
/// 3 years of contributions; at most 2 children; per child per year TK–SD Rp 1.5 jt (≤ 8 years),
/// SMP Rp 2 jt (≤ 3), SMA Rp 3 jt (≤ 3), university Rp 12 jt (≤ 5): at most Rp 87 jt per child.
/// Shared with JKK deaths.
pub(super) fn scholarship(case: &Case, lang: Lang) -> String {
    let months = records::contribution_months(case.facts);
    let children = case
        .facts
        .family
        .iter()
        .filter(|m| m.relation == Relation::Child)
        .count()
        .min(SCHOLARSHIP_CHILDREN);
    if months < SCHOLARSHIP_MIN_MONTHS {
        return format!(
            "{} {months} {}",
            lang.pick(
                "Beasiswa anak memerlukan iuran paling sedikit 3 tahun (36 bulan); tercatat",
                "The children's scholarship needs at least 3 years (36 months) of contributions; on record:",
            ),
            lang.pick("bulan.", "months.")
        );
    }
    if children == 0 {
        return lang
            .pick(
                "Beasiswa untuk paling banyak 2 anak dapat diberikan, tetapi tidak ada anak dalam data keluarga.",
                "A scholarship for up to 2 children can be paid, but there is no child on the family record.",
            )
            .to_owned();
    }
    let most = times_ratio(SCHOLARSHIP_PER_CHILD, children as u64, 1);
    format!(
        "{} {children} {} {most}. {}",
        lang.pick(
            "Iuran sudah 3 tahun atau lebih, sehingga ada beasiswa untuk",
            "With 3 or more years of contributions, there is a scholarship for",
        ),
        match (lang, children) {
            (Lang::Id, _) => "anak (paling banyak 2) yang bersekolah, seluruhnya hingga",
            (Lang::En, 1) => "child at school, up to",
            (Lang::En, _) => "children at school (at most 2), up to",
        },
        lang.pick(
            "Dibayar per anak per tahun: TK–SD Rp 1.500.000 (paling lama 8 tahun), SMP Rp 2.000.000 (3 tahun), SMA Rp 3.000.000 (3 tahun), kuliah Rp 12.000.000 (5 tahun).",
            "Paid per child per year: nursery and primary school Rp 1.500.000 (at most 8 years), junior high Rp 2.000.000 (3 years), senior high Rp 3.000.000 (3 years), university Rp 12.000.000 (5 years).",
        )
    )
}

//! The final income tax (PPh 21) on a JHT payment, as an estimate (domain.md §1, JHT).

use crate::{Date, Lang, Rupiah};

use super::super::figures::{JHT_FLAT_RATE, JHT_PROGRESSIVE, JHT_TAX_FREE, NO_NPWP_SURCHARGE};
use super::super::{ClaimFacts, ClaimReason, Programme};
use super::{add, percent};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tax {
    pub amount: Rupiah,
    /// Progressive rates, because paid in the 3rd year or later after a partial withdrawal.
    pub progressive: bool,
    /// 20% more for want of an NPWP.
    pub surcharge: bool,
}

/// The tax on a JHT payment of `paid` made today. PP 68/2009; PMK 16/PMK.03/2010: 0% up to Rp 50
/// jt, 5% above; progressive rates (UU PPh art. 17) on the whole payment when it comes in the
/// 3rd calendar year or later after a partial withdrawal; 20% more without an NPWP (UU PPh art.
/// 21(5a)). Never negative, never more than 42% of the payment.
pub fn jht(paid: Rupiah, facts: &ClaimFacts, has_npwp: bool, today: Date) -> Tax {
    let progressive = facts.past_claims.iter().any(|c| {
        c.programme == Programme::Jht
            && c.paid
            && matches!(
                c.reason,
                ClaimReason::PartialTenPercent | ClaimReason::PartialHousing
            )
            && today.year() >= c.submitted_on.year().saturating_add(2)
    });
    let base = if progressive {
        progressive_tax(paid)
    } else {
        let taxable = paid.checked_sub(JHT_TAX_FREE).unwrap_or(Rupiah::ZERO);
        percent(taxable, JHT_FLAT_RATE)
    };
    let surcharge = !has_npwp && base > Rupiah::ZERO;
    let amount = if surcharge {
        add(base, percent(base, NO_NPWP_SURCHARGE))
    } else {
        base
    };
    Tax {
        amount,
        progressive,
        surcharge,
    }
}

fn progressive_tax(paid: Rupiah) -> Rupiah {
    let mut tax = Rupiah::ZERO;
    let mut lower = 0u64;
    for (upper, rate) in JHT_PROGRESSIVE {
        let top = paid.amount().min(upper);
        if top <= lower {
            break;
        }
        tax = add(tax, percent(Rupiah::from_u64(top - lower), rate));
        lower = upper;
    }
    tax
}

/// One sentence on how the tax was estimated.
pub fn explain(tax: &Tax, lang: Lang) -> String {
    let rule = match (tax.progressive, lang) {
        (false, Lang::Id) => "0% sampai Rp 50 juta, 5% di atasnya",
        (false, Lang::En) => "0% up to Rp 50 million, 5% above",
        (true, Lang::Id) => {
            "tarif progresif 5–35%, karena dibayar pada tahun ketiga atau setelahnya sejak pengambilan sebagian"
        }
        (true, Lang::En) => {
            "progressive rates of 5–35%, as it is paid in the third year or later after a partial withdrawal"
        }
    };
    let surcharge = if tax.surcharge {
        lang.pick(
            ", ditambah 20% karena tanpa NPWP",
            ", plus 20% without an NPWP",
        )
    } else {
        ""
    };
    format!(
        "{} {} ({rule}{surcharge}).",
        lang.pick("Perkiraan pajak", "Estimated tax"),
        tax.amount
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progressive_brackets() {
        let table = [
            (0, 0),
            (60_000_000, 3_000_000),
            (100_000_000, 3_000_000 + 6_000_000),
            (250_000_000, 3_000_000 + 28_500_000),
            (
                600_000_000,
                3_000_000 + 28_500_000 + 62_500_000 + 30_000_000,
            ),
        ];
        for (paid, tax) in table {
            assert_eq!(
                progressive_tax(Rupiah::from_u64(paid)),
                Rupiah::from_u64(tax),
                "{paid}"
            );
        }
    }
}

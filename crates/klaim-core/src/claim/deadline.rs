//! The agency's legal deadline for deciding a complete claim, in working days.

use crate::Date;

use super::figures::{
    DECISION_DAYS_JHT_SMALL, DECISION_DAYS_JKK, DECISION_DAYS_JKM, DECISION_DAYS_OTHER,
    JHT_SMALL_CLAIM,
};
use super::{Estimate, Programme};

/// The day the decision is due for a claim submitted on `submitted_on`: JKM 3 working days, JKK 7,
/// JHT 1 under Rp 10 jt (else 5), others 5 (figures.rs names the sources). Working days are Monday
/// to Friday counted from the day after submission; public holidays are not known to the rules,
/// so around them the real date can be a little later.
pub fn decision_due(programme: Programme, estimate: &Estimate, submitted_on: Date) -> Date {
    let days = match programme {
        Programme::Jkm => DECISION_DAYS_JKM,
        Programme::Jkk => DECISION_DAYS_JKK,
        Programme::Jht if estimate.lump_sum < JHT_SMALL_CLAIM => DECISION_DAYS_JHT_SMALL,
        _ => DECISION_DAYS_OTHER,
    };
    add_working_days(submitted_on, days)
}

fn add_working_days(from: Date, days: u32) -> Date {
    let mut day = from;
    let mut left = days;
    while left > 0 {
        let Some(next) = day.add_days(1) else {
            return day;
        };
        day = next;
        if !day.weekday().is_weekend() {
            left -= 1;
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rupiah;

    fn estimate(lump: u64) -> Estimate {
        Estimate {
            lump_sum: Rupiah::from_u64(lump),
            monthly: None,
            months: None,
            total: Some(Rupiah::from_u64(lump)),
            tax: Rupiah::ZERO,
            explanation_id: String::new(),
            explanation_en: String::new(),
        }
    }

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn deadlines_count_working_days() {
        // 2026-11-20 is a Friday.
        let friday = d(2026, 11, 20);
        let table = [
            (Programme::Jht, 9_999_999, d(2026, 11, 23)),
            (Programme::Jht, 10_000_000, d(2026, 11, 27)),
            (Programme::Jkm, 42_000_000, d(2026, 11, 25)),
            (Programme::Jkk, 1, d(2026, 12, 1)),
            (Programme::Jp, 1, d(2026, 11, 27)),
            (Programme::Jkp, 1, d(2026, 11, 27)),
        ];
        for (programme, lump, due) in table {
            assert_eq!(
                decision_due(programme, &estimate(lump), friday),
                due,
                "{programme:?}"
            );
        }
        // Submitted on a Saturday: Monday is the first working day.
        assert_eq!(
            decision_due(Programme::Jht, &estimate(1), d(2026, 11, 21)),
            d(2026, 11, 23)
        );
    }
}

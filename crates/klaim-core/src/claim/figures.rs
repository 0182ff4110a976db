//! Every figure the claim rules use, in one place. Figures that change over time are dated
//! configuration: a table of (effective from, value, source), looked up by the date that matters
//! (the claim day, the PHK day, the accident day, the month a wage was paid). A new regulation is
//! one more row here, never a code change in the rules.

use crate::{Date, Rupiah};

/// A value in force from a day on, and where it comes from.
pub struct Dated<T: 'static> {
    /// (year, month, day): plain numbers so the tables can be `const`.
    pub from: (u16, u8, u8),
    pub value: T,
    pub source: &'static str,
}

/// The value in force on `on`: the newest row that started on or before it. Dates before the
/// first row get the first row (the oldest figure the tables know).
pub fn at<T: Copy>(table: &'static [Dated<T>], on: Date) -> T {
    let key = (on.year(), on.month(), on.day());
    table
        .iter()
        .rev()
        .find(|row| row.from <= key)
        .or(table.first())
        .map(|row| row.value)
        .expect("figure tables are never empty")
}

/// The day a row starts, as a [`Date`].
pub fn start<T>(row: &Dated<T>) -> Date {
    Date::new(row.from.0, row.from.1, row.from.2).unwrap_or(Date::MIN)
}

const fn rp(amount: u64) -> Rupiah {
    Rupiah::from_u64(amount)
}

/// Rp 1 juta.
pub const JUTA: u64 = 1_000_000;

// ---- JHT -------------------------------------------------------------------------------------

/// Age at which JHT is paid in full. PP 46/2015 jo. PP 60/2015 art. 26; Permenaker 4/2022.
pub const JHT_AGE: u32 = 56;
/// Waiting period after resignation or PHK, in months. Permenaker 4/2022.
pub const JHT_WAITING_MONTHS: u32 = 1;
/// Years of membership before a partial JHT withdrawal. PP 46/2015 jo. PP 60/2015 art. 22(4).
pub const JHT_PARTIAL_YEARS: u32 = 10;
/// Partial withdrawals, in percent of the balance: any purpose, housing. PP 46/2015 art. 22(4).
pub const JHT_PARTIAL_PERCENT: u64 = 10;
pub const JHT_HOUSING_PERCENT: u64 = 30;
/// Above this balance an NPWP is required; up to it the JHT is not taxed (final PPh 21).
/// PP 68/2009; PMK 16/PMK.03/2010 (domain.md §1, JHT).
pub const JHT_TAX_FREE: Rupiah = rp(50 * JUTA);
/// The flat rate on the part above [`JHT_TAX_FREE`], in percent. PP 68/2009.
pub const JHT_FLAT_RATE: u64 = 5;
/// Progressive rates (UU PPh art. 17(1)(a) jo. UU 7/2021) when paid in the 3rd year or later
/// after a partial withdrawal (PP 68/2009): (upper bound of the bracket, percent).
pub const JHT_PROGRESSIVE: [(u64, u64); 5] = [
    (60 * JUTA, 5),
    (250 * JUTA, 15),
    (500 * JUTA, 25),
    (5_000 * JUTA, 30),
    (u64::MAX, 35),
];
/// Surcharge without an NPWP, in percent of the tax. UU PPh art. 21(5a) (domain.md §1, JHT).
pub const NO_NPWP_SURCHARGE: u64 = 20;

/// The most the JMO app pays out for a JHT claim; above it, Lapak Asik (domain.md §1, JHT).
pub static JMO_CEILING: [Dated<Rupiah>; 2] = [
    Dated {
        from: (2022, 1, 1),
        value: rp(10 * JUTA),
        source: "BPJS Ketenagakerjaan: JMO claims up to Rp 10 juta",
    },
    Dated {
        from: (2025, 5, 1),
        value: rp(15 * JUTA),
        source: "BPJS Ketenagakerjaan, May 2025: JMO ceiling raised to Rp 15 juta",
    },
];

/// Rule-based approval (issue 5): a JHT claim whose automated checks all pass and whose balance is
/// at or below this may be approved without an officer, as the JMO app does for the same claims.
/// The server can switch it off (`--auto-approve off`).
pub static AUTO_APPROVAL_CEILING: [Dated<Rupiah>; 1] = [Dated {
    from: (2025, 5, 1),
    value: rp(15 * JUTA),
    source: "BPJS Ketenagakerjaan, May 2025: JMO ceiling Rp 15 juta; Klaim's approval by rule follows it",
}];

// ---- JKP -------------------------------------------------------------------------------------

/// The rules of JKP that PP 6/2025 changed, by the PHK date (decision: the rule in force on the
/// PHK date applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JkpRules {
    /// Months after the PHK within which the claim must be made.
    pub deadline_months: u32,
    /// Percent of the capped wage for months 1–3 and 4–6.
    pub first_percent: u64,
    pub later_percent: u64,
}

pub static JKP_RULES: [Dated<JkpRules>; 2] = [
    Dated {
        from: (2021, 2, 2),
        value: JkpRules {
            deadline_months: 3,
            first_percent: 45,
            later_percent: 25,
        },
        source: "PP 37/2021 art. 20 (claim within 3 months), art. 21 (45% × 3, 25% × 3)",
    },
    Dated {
        from: (2025, 2, 7),
        value: JkpRules {
            deadline_months: 6,
            first_percent: 60,
            later_percent: 60,
        },
        source: "PP 6/2025 amending PP 37/2021 art. 20, 21: within 6 months; 60% × 6 months",
    },
];

/// Wage cap of the JKP benefit. PP 37/2021 art. 11 (unchanged by PP 6/2025).
pub const JKP_WAGE_CAP: Rupiah = rp(5 * JUTA);
/// Months of JKP cash benefit. PP 37/2021 art. 21(1).
pub const JKP_BENEFIT_MONTHS: u32 = 6;
/// Contribution history: at least 12 months within the 24 before the PHK, the 6 right before
/// it consecutive. PP 37/2021 art. 19.
pub const JKP_WINDOW_MONTHS: u32 = 24;
pub const JKP_MIN_MONTHS: u32 = 12;
pub const JKP_CONSECUTIVE_MONTHS: u32 = 6;
/// Age limit at registration. PP 37/2021 art. 4.
pub const JKP_MAX_AGE_AT_REGISTRATION: u32 = 54;
/// A 2nd and a 3rd claim each need 5 more years of contributions; at most 3 claims.
/// PP 37/2021 jo. PP 6/2025 (domain.md §1, JKP).
pub const JKP_REPEAT_MONTHS: u32 = 60;
pub const JKP_MAX_CLAIMS: usize = 3;

// ---- JKM and JKK -----------------------------------------------------------------------------

/// JKM: lump sum, periodic benefit (24 × Rp 500 rb paid at once) and funeral costs.
/// PP 44/2015 jo. PP 82/2019 art. 34.
pub const JKM_LUMP_SUM: Rupiah = rp(20 * JUTA);
pub const JKM_PERIODIC: Rupiah = rp(12 * JUTA);
pub const JKM_FUNERAL: Rupiah = rp(10 * JUTA);
/// Scholarship: at most 2 children, after at least 3 years of contributions; at most Rp 87 jt per
/// child, Rp 174 jt in all. PP 82/2019 art. 34.
pub const SCHOLARSHIP_MIN_MONTHS: u32 = 36;
pub const SCHOLARSHIP_CHILDREN: usize = 2;
pub const SCHOLARSHIP_PER_CHILD: Rupiah = rp(87 * JUTA);

/// JKK multiples of the monthly wage: total permanent disability, death. PP 82/2019, appendix
/// III (70% × 80 months; 60% × 80 months — decision over a press figure of 56× for death).
pub const JKK_DISABILITY_WAGES: u64 = 56;
pub const JKK_DEATH_WAGES: u64 = 48;
/// Temporary inability to work (STMB): 100% of the wage for the first 12 months, 50% after.
/// PP 82/2019, appendix III. A month is counted as 30 days.
pub const STMB_FULL_DAYS: u64 = 360;
/// Transport reimbursement caps. PP 82/2019, appendix III.
pub const TRANSPORT_LAND: Rupiah = rp(5 * JUTA);
pub const TRANSPORT_SEA: Rupiah = rp(2 * JUTA);
pub const TRANSPORT_AIR: Rupiah = rp(10 * JUTA);

/// Years after the accident within which a JKK claim must be made, by the accident date: 2 years
/// under PP 44/2015, 5 years under PP 82/2019. domain.md does not give PP 82/2019's effective
/// date: it took effect when promulgated, on 2 December 2019.
pub static JKK_LAPSE_YEARS: [Dated<u32>; 2] = [
    Dated {
        from: (2015, 7, 1),
        value: 2,
        source: "PP 44/2015: the JKK claim lapses 2 years after the accident",
    },
    Dated {
        from: (2019, 12, 2),
        value: 5,
        source: "PP 82/2019 (effective 2 December 2019): 5 years after the accident",
    },
];

// ---- JP --------------------------------------------------------------------------------------

/// Pension age, by the year of the claim. PP 45/2015 art. 15: 56 until 2018, 57 from 2019, then
/// one year more every 3 years, up to 65 from 2043.
pub static PENSION_AGE: [Dated<u32>; 10] = [
    Dated {
        from: (2015, 7, 1),
        value: 56,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2019, 1, 1),
        value: 57,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2022, 1, 1),
        value: 58,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2025, 1, 1),
        value: 59,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2028, 1, 1),
        value: 60,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2031, 1, 1),
        value: 61,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2034, 1, 1),
        value: 62,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2037, 1, 1),
        value: 63,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2040, 1, 1),
        value: 64,
        source: "PP 45/2015 art. 15",
    },
    Dated {
        from: (2043, 1, 1),
        value: 65,
        source: "PP 45/2015 art. 15",
    },
];

/// The pension age for a claim made in `year`.
pub fn pension_age(year: u16) -> u32 {
    Date::new(year, 1, 1).map_or(65, |jan_1| at(&PENSION_AGE, jan_1))
}

/// Months of contributions for a monthly pension; fewer → lump sum. PP 45/2015.
pub const JP_MIN_MONTHS: u32 = 180;
/// Contribution, in percent of the capped wage (2% employer, 1% worker). PP 45/2015 art. 28.
pub const JP_CONTRIBUTION_PERCENT: u64 = 3;
/// Children who may receive a survivor's pension, and their age limit. PP 45/2015.
pub const JP_CHILDREN: usize = 2;
pub const JP_CHILD_AGE_LIMIT: u32 = 23;

/// The wage cap of JP, by the month the wage was paid. Only the 2024 figure is confirmed in
/// domain.md; earlier months use it too (the real caps were lower, so older high wages are
/// overestimated slightly).
pub static JP_WAGE_CAP: [Dated<Rupiah>; 1] = [Dated {
    from: (2024, 3, 1),
    value: rp(10_042_300),
    source: "domain.md §1, JP: wage cap from March 2024",
}];

/// The minimum monthly pension, by the claim date. PP 45/2015 (dated figure, domain.md §1, JP).
pub static JP_MINIMUM: [Dated<Rupiah>; 1] = [Dated {
    from: (2024, 3, 1),
    value: rp(393_500),
    source: "JP minimum benefit from March 2024 (domain.md §1, JP)",
}];

// ---- Heirs and the agency's deadlines --------------------------------------------------------

/// Under this age a child heir needs a guardian (the adult heir claims on their behalf).
/// UU 1/1974 art. 47, 50.
pub const MINOR_AGE: u32 = 18;

/// Working days the agency has for its decision from a complete application.
/// JKM 3 and JKK 7 (PP 44/2015 jo. PP 82/2019); JHT 1 under Rp 10 jt, else 5 (the agency's
/// service promise, domain.md §1); others 5.
pub const DECISION_DAYS_JKM: u32 = 3;
pub const DECISION_DAYS_JKK: u32 = 7;
pub const DECISION_DAYS_JHT_SMALL: u32 = 1;
pub const DECISION_DAYS_OTHER: u32 = 5;
pub const JHT_SMALL_CLAIM: Rupiah = rp(10 * JUTA);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn lookups_take_the_row_in_force() {
        assert_eq!(at(&JMO_CEILING, d(2025, 4, 30)), rp(10 * JUTA));
        assert_eq!(at(&JMO_CEILING, d(2025, 5, 1)), rp(15 * JUTA));
        assert_eq!(at(&JMO_CEILING, d(2010, 1, 1)), rp(10 * JUTA));
        assert_eq!(at(&JKP_RULES, d(2025, 2, 6)).deadline_months, 3);
        assert_eq!(at(&JKP_RULES, d(2025, 2, 7)).deadline_months, 6);
        assert_eq!(at(&JKK_LAPSE_YEARS, d(2019, 12, 1)), 2);
        assert_eq!(at(&JKK_LAPSE_YEARS, d(2019, 12, 2)), 5);
    }

    #[test]
    fn pension_age_rises_every_three_years() {
        let table = [
            (2015, 56),
            (2018, 56),
            (2019, 57),
            (2021, 57),
            (2022, 58),
            (2024, 58),
            (2025, 59),
            (2027, 59),
            (2028, 60),
            (2030, 60),
            (2031, 61),
            (2040, 64),
            (2042, 64),
            (2043, 65),
            (2090, 65),
        ];
        for (year, age) in table {
            assert_eq!(pension_age(year), age, "{year}");
        }
    }
}

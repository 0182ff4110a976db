//! Reading the registry facts the way the rules need them: over all KPJs of the person, since
//! balances and histories are merged into the primary (domain.md §3, KPJ).

use std::collections::{BTreeMap, BTreeSet};

use crate::{Date, Month, Rupiah};

use super::super::{ClaimFacts, EmploymentFacts};
use super::add;

pub fn employments(facts: &ClaimFacts) -> impl Iterator<Item = &EmploymentFacts> {
    facts.memberships.iter().flat_map(|m| &m.employments)
}

/// Employments whose membership the employer has not deactivated.
pub fn active(facts: &ClaimFacts) -> impl Iterator<Item = &EmploymentFacts> {
    employments(facts).filter(|e| e.membership_active)
}

/// The employment that ended last (the one a resignation, PHK or contract end is about).
pub fn last_ended(facts: &ClaimFacts) -> Option<&EmploymentFacts> {
    employments(facts)
        .filter(|e| e.ended_on.is_some())
        .max_by_key(|e| e.ended_on)
}

/// The first day of membership: the earliest employment start on record.
pub fn first_start(facts: &ClaimFacts) -> Option<Date> {
    employments(facts).map(|e| e.started_on).min()
}

/// The JHT balance of the claim: every KPJ's balance, merged into the primary.
pub fn total_balance(facts: &ClaimFacts) -> Rupiah {
    facts
        .memberships
        .iter()
        .fold(Rupiah::ZERO, |sum, m| add(sum, m.jht_balance))
}

/// The wage reported for each month, all KPJs together (two jobs in one month add up).
pub fn wages_by_month(facts: &ClaimFacts) -> BTreeMap<Month, Rupiah> {
    let mut by_month = BTreeMap::new();
    for w in facts.memberships.iter().flat_map(|m| &m.wages) {
        let sum = by_month.entry(w.month).or_insert(Rupiah::ZERO);
        *sum = add(*sum, w.wage);
    }
    by_month
}

/// The last monthly wage reported up to `month` (or the newest at all when none was).
pub fn last_wage(facts: &ClaimFacts, month: Option<Month>) -> Option<Rupiah> {
    let wages = wages_by_month(facts);
    month
        .and_then(|m| wages.range(..=m).next_back())
        .or_else(|| wages.iter().next_back())
        .map(|(_, w)| *w)
}

pub fn jkp_months(facts: &ClaimFacts) -> BTreeSet<Month> {
    facts
        .memberships
        .iter()
        .flat_map(|m| m.jkp_months.iter().copied())
        .collect()
}

pub fn jp_months(facts: &ClaimFacts) -> BTreeSet<Month> {
    facts
        .memberships
        .iter()
        .flat_map(|m| m.jp_months.iter().copied())
        .collect()
}

/// Months of contributions of any kind: months with a reported wage.
pub fn contribution_months(facts: &ClaimFacts) -> u32 {
    u32::try_from(wages_by_month(facts).len()).unwrap_or(u32::MAX)
}

/// The month `n` months before `m` (saturating at the earliest month there is).
pub fn months_before(m: Month, n: u32) -> Month {
    Month::of(m.first_day().sub_months(n).unwrap_or(Date::MIN))
}

/// Age in completed years on `on`.
pub fn age(birth: Date, on: Date) -> u32 {
    Date::years_between(birth, on)
}

/// The day someone born on `birth` turns `years` old. Born on 29 February: 1 March in common
/// years, as [`Date::years_between`] counts it. `None` past the calendar's end.
pub fn birthday(birth: Date, years: u32) -> Option<Date> {
    let year = u16::try_from(u32::from(birth.year()).checked_add(years)?).ok()?;
    Date::new(year, birth.month(), birth.day()).or_else(|| Date::new(year, 3, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn birthdays_agree_with_age() {
        for birth in [
            d(1970, 2, 28),
            d(1972, 2, 29),
            d(1990, 12, 31),
            d(2000, 1, 1),
        ] {
            for years in [1, 18, 56, 60] {
                let day = birthday(birth, years).unwrap();
                assert_eq!(age(birth, day), years, "{birth} + {years}");
                assert_eq!(
                    age(birth, day.add_days(-1).unwrap()),
                    years - 1,
                    "{birth} + {years}"
                );
            }
        }
    }
}

//! The registry's record of a person as klaim-core's [`ClaimFacts`]: what the claim rules read,
//! on the server and (through `GET /api/v1/claims/facts`) in the app.

use klaim_core::claim::{
    ClaimFacts, EmploymentFacts, FamilyFacts, MembershipFacts, MonthlyWage, PastClaim,
};

use super::model::{Membership, Person};

/// The person's facts, with the claims recorded for them (`past_claims`).
pub fn claim_facts(person: &Person, past_claims: Vec<PastClaim>) -> ClaimFacts {
    ClaimFacts {
        name: person.name.clone(),
        nik: person.nik,
        birth_date: person.birth_date,
        sex: person.sex,
        nationality: person.nationality,
        deceased_on: person.deceased_on,
        jkn_enrolled: person.jkn_enrolled,
        memberships: person
            .kpjs
            .iter()
            .map(|k| {
                let mut employments: Vec<EmploymentFacts> = k
                    .employments
                    .iter()
                    .map(|e| EmploymentFacts {
                        employer: e.employer.clone(),
                        started_on: e.started_on,
                        ended_on: e.ended_on,
                        end_reason: e.end_reason,
                        membership_active: e.membership == Membership::Active,
                    })
                    .collect();
                // Newest first, as the rules expect.
                employments.sort_by_key(|e| std::cmp::Reverse(e.started_on));
                let mut wages: Vec<MonthlyWage> = k
                    .wages
                    .iter()
                    .map(|(month, wage)| MonthlyWage {
                        month: *month,
                        wage: *wage,
                    })
                    .collect();
                wages.sort_by_key(|w| w.month);
                let mut jp_months = k.jp_months.clone();
                jp_months.sort();
                let mut jkp_months = k.jkp_months.clone();
                jkp_months.sort();
                MembershipFacts {
                    kpj: k.kpj.clone(),
                    jht_balance: k.jht_balance,
                    jht_balance_on: k.jht_balance_on,
                    employments,
                    wages,
                    jp_months,
                    jkp_months,
                }
            })
            .collect(),
        family: person
            .family
            .iter()
            .map(|f| FamilyFacts {
                relation: f.relation,
                name: f.name.clone(),
                nik: f.nik,
                birth_date: f.birth_date,
            })
            .collect(),
        past_claims,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::personas;

    #[test]
    fn a_persona_reads_as_facts() {
        let today = personas::date("2026-11-24");
        let people = personas::people(today);
        let yohanes = &people[5];
        let facts = claim_facts(yohanes, Vec::new());
        assert_eq!(facts.nik, yohanes.nik);
        assert_eq!(facts.memberships.len(), 3);
        assert_eq!(facts.memberships[0].kpj.as_str(), "99060000006");
        for m in &facts.memberships {
            assert!(m.wages.windows(2).all(|w| w[0].month < w[1].month));
            assert!(
                m.employments
                    .windows(2)
                    .all(|e| e[0].started_on >= e[1].started_on)
            );
        }
        let ridwan = claim_facts(&people[9], Vec::new());
        assert!(ridwan.deceased_on.is_some());
        assert_eq!(
            ridwan.family[0].relation,
            klaim_core::claim::Relation::Spouse
        );
    }
}

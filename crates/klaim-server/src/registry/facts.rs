//! The registry's record of a person as klaim-core's [`ClaimFacts`]: what the claim rules read,
//! on the server and (through `GET /api/v1/claims/facts`) in the app.

use klaim_core::api::account::EndReason as WireEndReason;
use klaim_core::claim::{
    ClaimFacts, EmploymentFacts, FamilyFacts, MembershipFacts, MonthlyWage,
    Nationality as WireNationality, PastClaim, Relation as WireRelation,
};

use super::model::{Choice, EndReason, Membership, Nationality, Person, Relation};

/// The person's facts, with the claims recorded for them (`past_claims`).
pub fn claim_facts(person: &Person, past_claims: Vec<PastClaim>) -> ClaimFacts {
    ClaimFacts {
        name: person.name.clone(),
        nik: person.nik,
        birth_date: person.birth_date,
        sex: person.sex,
        nationality: match person.nationality {
            Nationality::Wni => WireNationality::Wni,
            Nationality::Wna => WireNationality::Wna,
        },
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
                        end_reason: end_reason(e.end_reason),
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
                relation: relation(f.relation),
                name: f.name.clone(),
                nik: f.nik,
                birth_date: f.birth_date,
            })
            .collect(),
        past_claims,
    }
}

/// The registry's words and the wire's are the same set; the word keeps them in step.
fn end_reason(reason: EndReason) -> WireEndReason {
    WireEndReason::from_wire(reason.word()).unwrap_or(WireEndReason::StillActive)
}

fn relation(relation: Relation) -> WireRelation {
    match relation {
        Relation::Spouse => WireRelation::Spouse,
        Relation::Child => WireRelation::Child,
        Relation::Parent => WireRelation::Parent,
        Relation::Sibling => WireRelation::Sibling,
        Relation::Grandparent => WireRelation::Grandparent,
        Relation::Grandchild => WireRelation::Grandchild,
        Relation::ParentInLaw => WireRelation::ParentInLaw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::personas;

    #[test]
    fn every_end_reason_has_its_wire_word() {
        for (reason, word) in EndReason::ALL {
            assert_eq!(end_reason(*reason).as_str(), *word);
        }
    }

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
        assert_eq!(ridwan.family[0].relation, WireRelation::Spouse);
    }
}

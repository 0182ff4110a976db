//! The demo personas: fixed, documented people at the head of every generated population, one for
//! each path the claims work needs (docs/registry-csv.md lists them). NIKs, names and birth dates
//! never change; employment dates are relative to the day the population is made, so "resigned
//! last week" stays true for a freshly loaded registry.
//!
//! NIK serials 9000–9999 are kept out of the random population: 9001–9012 for the personas, 91xx
//! for their family (Hasnah, 9101, is both: Ridwan's widow and a participant of her own).

use klaim_core::{BankAccount, Date, Email, Kpj, Nik, PersonName, PhoneNumber};

use super::generate::{KpjPlan, records};
use super::model::{BankAccountRecord, FamilyMember, Person};

mod specs;
use specs::{Spec, specs};

/// A persona as the demo command presents it.
pub struct Persona {
    pub nik: &'static str,
    pub situation: &'static str,
    pub try_this: &'static str,
}

pub const PERSONAS: &[Persona] = &[
    Persona {
        nik: "3374055205919001",
        situation: "resigned about three months ago; membership non-active",
        try_this: "JHT claim for resignation: the one-month wait is over; balance under Rp 15 jt (JMO)",
    },
    Persona {
        nik: "3578120309889002",
        situation: "resigned six days ago; the employer has not deactivated the membership",
        try_this: "JHT for resignation is not possible yet: one-month wait, and the membership is still active",
    },
    Persona {
        nik: "1271102101909003",
        situation: "dismissed (PHK) two weeks ago; JKP contributions every month since Feb 2021",
        try_this: "JKP job-loss benefit (60% of the wage capped at Rp 5 jt); JHT once a month has passed",
    },
    Persona {
        nik: "3204154811939004",
        situation: "dismissed (PHK) 40 days ago; not in JKN, no JKP contributions",
        try_this: "JHT claim for PHK works; JKP is refused (no JKN enrolment, no JKP months)",
    },
    Persona {
        nik: "3471030204669005",
        situation: "aged 60, retired two months ago; JP contributions since July 2015 (< 180 months)",
        try_this: "JHT at age 56+; JP paid as a lump sum (fewer than 15 years of contributions)",
    },
    Persona {
        nik: "5371041907859006",
        situation: "three KPJ numbers from three employers, balances not merged; still employed",
        try_this: "See all KPJs; balances merge into the first (primary) one",
    },
    Persona {
        nik: "5171023012829007",
        situation: "employed since 2012; membership active",
        try_this: "No full JHT claim while employed; partial JHT 10% / 30% (10+ years of membership)",
    },
    Persona {
        nik: "7171061402799008",
        situation: "resigned 50 days ago; JHT balance Rp 87.450.000",
        try_this: "JHT above Rp 50 jt: NPWP required, 5% tax on the part above 50 jt, Lapak Asik channel",
    },
    Persona {
        nik: "3205082506879009",
        situation: "resigned two months ago; the only bank account is in his wife's name",
        try_this: "Bank account holder differs from the participant: the claim needs an own account",
    },
    Persona {
        nik: "7371111708759010",
        situation: "died 20 days ago; widow, two children (one a minor) and a mother on record",
        try_this: "Heirs claim JHT and JKM (Rp 42 jt, scholarship for 2 children); a minor needs a guardian",
    },
    Persona {
        nik: "3174023005849011",
        situation: "foreign national (WNA) who resigned 45 days ago",
        try_this: "JHT for leaving Indonesia permanently (foreigners only); JKP is for citizens only",
    },
    Persona {
        nik: "3175076902969012",
        situation: "fixed-term contract (PKWT) ended on schedule 10 days ago; born 29 Feb 1996",
        try_this: "JHT with no waiting period; JKP refused (the contract ran to its end)",
    },
    Persona {
        nik: "7371114504789101",
        situation: "widow of Muhammad Ridwan (7371111708759010); employed, with a small KPJ of her own",
        try_this: "Sign up as Hasnah, then claim JKM and JHT as his heir (his KPJ 99100000010)",
    },
];

/// The personas' records as of `today`.
pub fn people(today: Date) -> Vec<Person> {
    specs(today).into_iter().map(|s| build(s, today)).collect()
}

fn build(spec: Spec, today: Date) -> Person {
    let kpjs = spec
        .kpjs
        .iter()
        .map(|(kpj, balance)| KpjPlan {
            kpj: fixed(Kpj::parse(kpj)),
            balance: *balance,
        })
        .collect();
    let (bank, number, holder) = spec.bank;
    Person {
        nik: fixed(Nik::parse(spec.nik)),
        name: fixed(PersonName::parse(spec.name)),
        birth_date: date(spec.birth),
        sex: spec.sex,
        nationality: spec.nationality,
        deceased_on: spec.deceased_on,
        phone: Some(fixed(PhoneNumber::parse(spec.phone))),
        email: (!spec.email.is_empty()).then(|| fixed(Email::parse(spec.email))),
        jkn_enrolled: spec.jkn,
        kpjs: records(kpjs, &spec.jobs, today),
        bank_accounts: vec![BankAccountRecord {
            account: fixed(BankAccount::parse(bank, number)),
            holder: fixed(PersonName::parse(holder)),
        }],
        family: spec
            .family
            .iter()
            .map(|(relation, name, nik, birth)| FamilyMember {
                relation: *relation,
                name: fixed(PersonName::parse(name)),
                nik: Some(fixed(Nik::parse(nik))),
                birth_date: date(birth),
            })
            .collect(),
    }
}

pub(super) fn date(iso: &str) -> Date {
    fixed(Date::parse_iso(iso))
}

/// The personas are constants of this file; the tests read every one of them.
fn fixed<T, E: std::fmt::Debug>(parsed: Result<T, E>) -> T {
    parsed.unwrap_or_else(|err| panic!("a persona constant does not parse: {err:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_persona_is_described_and_consistent_with_its_nik() {
        let today = date("2026-11-24");
        let people = people(today);
        assert_eq!(people.len(), PERSONAS.len());
        for (person, persona) in people.iter().zip(PERSONAS) {
            assert_eq!(person.nik.as_str(), persona.nik);
            assert!(
                person
                    .nik
                    .check_declared(person.birth_date, Some(person.sex), today)
                    .is_empty(),
                "{}",
                persona.nik
            );
            for member in &person.family {
                let nik = member.nik.unwrap();
                assert_eq!(
                    nik.birth_date_near(member.birth_date, today),
                    member.birth_date
                );
            }
        }
    }
}

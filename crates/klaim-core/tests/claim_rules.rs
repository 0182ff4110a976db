//! The claim rules, rule by rule: each table row is a person's record changed in one way, the
//! answers, today's date, and what the rules must say (blocker codes, the earliest day, documents).

use klaim_core::api::account::EndReason;
use klaim_core::claim::*;
use klaim_core::*;

fn d(iso: &str) -> Date {
    Date::parse_iso(iso).unwrap()
}

fn m(iso: &str) -> Month {
    Month::parse(iso).unwrap()
}

fn rp(amount: u64) -> Rupiah {
    Rupiah::from_u64(amount)
}

const JUTA: u64 = 1_000_000;

/// Months from `first` to `last`, both included.
fn months(first: &str, last: &str) -> Vec<Month> {
    m(first).through(m(last)).collect()
}

fn employment(
    employer: &str,
    started: &str,
    ended: Option<&str>,
    reason: EndReason,
) -> EmploymentFacts {
    EmploymentFacts {
        employer: employer.to_owned(),
        started_on: d(started),
        ended_on: ended.map(d),
        end_reason: reason,
        membership_active: ended.is_none(),
    }
}

/// Budi, born 12 March 1990, worked at PT Maju Jaya from January 2015 and resigned on 30
/// September 2026; Rp 20 jt of JHT; a wife and a son born in 2015.
fn budi() -> ClaimFacts {
    let worked = months("2015-01", "2026-09");
    ClaimFacts {
        name: PersonName::parse("Budi Santoso").unwrap(),
        nik: Nik::parse("3171011203900001").unwrap(),
        birth_date: d("1990-03-12"),
        sex: Sex::Male,
        nationality: Nationality::Wni,
        deceased_on: None,
        jkn_enrolled: true,
        memberships: vec![MembershipFacts {
            kpj: Kpj::parse("12345678901").unwrap(),
            jht_balance: rp(20 * JUTA),
            jht_balance_on: d("2026-10-31"),
            employments: vec![employment(
                "PT Maju Jaya",
                "2015-01-05",
                Some("2026-09-30"),
                EndReason::Resigned,
            )],
            wages: worked
                .iter()
                .map(|month| MonthlyWage {
                    month: *month,
                    wage: rp(6 * JUTA),
                })
                .collect(),
            jp_months: worked.clone(),
            jkp_months: months("2022-02", "2026-09"),
        }],
        family: vec![
            FamilyFacts {
                relation: Relation::Spouse,
                name: PersonName::parse("Siti Aminah").unwrap(),
                nik: Some(Nik::parse("3171015505920002").unwrap()),
                birth_date: d("1992-05-15"),
            },
            FamilyFacts {
                relation: Relation::Child,
                name: PersonName::parse("Adi Santoso").unwrap(),
                nik: Some(Nik::parse("3171010107150003").unwrap()),
                birth_date: d("2015-07-01"),
            },
        ],
        past_claims: vec![],
    }
}

fn claimant_of(facts: &ClaimFacts) -> Claimant {
    Claimant {
        name: facts.name.clone(),
        nik: facts.nik.clone(),
        birth_date: facts.birth_date,
    }
}

fn job(facts: &mut ClaimFacts) -> &mut EmploymentFacts {
    &mut facts.memberships[0].employments[0]
}

/// One row: what the rules must say for a record, answers and day.
struct Row {
    name: &'static str,
    facts: ClaimFacts,
    claimant: Option<Claimant>,
    answers: ClaimAnswers,
    today: &'static str,
    blockers: &'static [&'static str],
    /// `None`: no day (a blocker that does not end by itself).
    earliest: Option<&'static str>,
}

fn check(row: Row) -> Assessment {
    let claimant = row.claimant.unwrap_or_else(|| claimant_of(&row.facts));
    let a = assess(&row.facts, &claimant, &row.answers, d(row.today));
    let codes: Vec<&str> = a.blockers.iter().map(|b| b.code()).collect();
    assert_eq!(codes, row.blockers, "{}: blockers", row.name);
    assert_eq!(
        a.earliest_on,
        row.earliest.map(d),
        "{}: earliest day",
        row.name
    );
    a
}

fn answers(programme: Programme, reason: ClaimReason) -> ClaimAnswers {
    ClaimAnswers::new(programme, reason)
}

fn on(mut a: ClaimAnswers, event: &str) -> ClaimAnswers {
    a.event_on = Some(d(event));
    a
}

fn needs(a: &Assessment, kind: DocumentKind) -> Option<Necessity> {
    a.documents
        .iter()
        .find(|n| n.kind == kind)
        .map(|n| n.necessity)
}

#[test]
fn jht_resigned() {
    let resigned = || answers(Programme::Jht, ClaimReason::Resigned);
    let active = {
        let mut f = budi();
        let j = job(&mut f);
        j.ended_on = None;
        j.end_reason = EndReason::StillActive;
        j.membership_active = true;
        f
    };
    let rows = [
        Row {
            name: "waiting period from the registry's end date",
            facts: budi(),
            claimant: None,
            answers: resigned(),
            today: "2026-10-15",
            blockers: &["claim.waiting_period"],
            earliest: Some("2026-10-30"),
        },
        Row {
            name: "waiting period from the resignation letter",
            facts: budi(),
            claimant: None,
            answers: on(resigned(), "2026-09-14"),
            today: "2026-10-01",
            blockers: &["claim.waiting_period"],
            earliest: Some("2026-10-14"),
        },
        Row {
            name: "the last day of the waiting period is the first day to claim",
            facts: budi(),
            claimant: None,
            answers: on(resigned(), "2026-09-14"),
            today: "2026-10-14",
            blockers: &[],
            earliest: Some("2026-10-14"),
        },
        Row {
            name: "after the waiting period: today",
            facts: budi(),
            claimant: None,
            answers: resigned(),
            today: "2026-11-24",
            blockers: &[],
            earliest: Some("2026-11-24"),
        },
        Row {
            name: "membership still active: no day",
            facts: active,
            claimant: None,
            answers: resigned(),
            today: "2026-11-24",
            blockers: &["claim.membership_active"],
            earliest: None,
        },
    ];
    for row in rows {
        let a = check(row);
        assert_eq!(needs(&a, DocumentKind::Ktp), Some(Necessity::Required));
        assert_eq!(
            needs(&a, DocumentKind::ProofOfEmployment),
            Some(Necessity::Recommended)
        );
        assert_eq!(needs(&a, DocumentKind::Npwp), None);
        assert_eq!(a.estimate.lump_sum, rp(20 * JUTA));
        assert_eq!(a.estimate.tax, Rupiah::ZERO);
        assert_eq!(a.channel, OfficialChannel::LapakAsik);
    }
}

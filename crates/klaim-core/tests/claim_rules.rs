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
        nik: facts.nik,
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

fn row(name: &'static str, facts: ClaimFacts, answers: ClaimAnswers, today: &'static str) -> Row {
    Row {
        name,
        facts,
        claimant: None,
        answers,
        today,
        blockers: &[],
        earliest: Some(today),
    }
}

impl Row {
    fn blocked(mut self, blockers: &'static [&'static str], earliest: Option<&'static str>) -> Row {
        self.blockers = blockers;
        self.earliest = earliest;
        self
    }

    fn by(mut self, claimant: Claimant) -> Row {
        self.claimant = Some(claimant);
        self
    }
}

fn with(mut facts: ClaimFacts, change: impl FnOnce(&mut ClaimFacts)) -> ClaimFacts {
    change(&mut facts);
    facts
}

fn still_working(f: &mut ClaimFacts) {
    let j = job(f);
    j.ended_on = None;
    j.end_reason = EndReason::StillActive;
    j.membership_active = true;
}

fn dismissed(f: &mut ClaimFacts) {
    job(f).end_reason = EndReason::Dismissed;
}

fn balance(amount: u64) -> impl FnOnce(&mut ClaimFacts) {
    move |f| f.memberships[0].jht_balance = rp(amount)
}

fn past(
    programme: Programme,
    reason: ClaimReason,
    submitted: &str,
    open: bool,
    paid: bool,
) -> PastClaim {
    PastClaim {
        programme,
        reason,
        submitted_on: d(submitted),
        open,
        paid,
    }
}

/// Budi died on 1 October 2026; the claim is made by a member of his family.
fn deceased_budi() -> ClaimFacts {
    with(budi(), |f| {
        f.deceased_on = Some(d("2026-10-01"));
        let j = job(f);
        j.ended_on = Some(d("2026-10-01"));
        j.end_reason = EndReason::Died;
    })
}

fn heir(facts: &ClaimFacts, relation: Relation) -> Claimant {
    let member = facts
        .family
        .iter()
        .find(|m| m.relation == relation)
        .unwrap();
    Claimant {
        name: member.name.clone(),
        nik: member.nik.unwrap(),
        birth_date: member.birth_date,
    }
}

fn relative(relation: Relation, name: &str, nik: &str, born: &str) -> FamilyFacts {
    FamilyFacts {
        relation,
        name: PersonName::parse(name).unwrap(),
        nik: Some(Nik::parse(nik).unwrap()),
        birth_date: d(born),
    }
}

fn parent() -> FamilyFacts {
    relative(
        Relation::Parent,
        "Sumarni",
        "3171014406650004",
        "1965-06-04",
    )
}

fn sibling() -> FamilyFacts {
    relative(
        Relation::Sibling,
        "Joko Santoso",
        "3171010208880005",
        "1988-08-02",
    )
}

fn parent_in_law() -> FamilyFacts {
    relative(
        Relation::ParentInLaw,
        "Rahmat",
        "3171010101600006",
        "1960-01-01",
    )
}

fn grown_child() -> FamilyFacts {
    relative(
        Relation::Child,
        "Rina Santoso",
        "3171014101020007",
        "2002-01-01",
    )
}

fn only(family: Vec<FamilyFacts>) -> impl FnOnce(&mut ClaimFacts) {
    move |f| f.family = family
}

fn assert_docs(a: &Assessment, name: &str, expected: &[(DocumentKind, Option<Necessity>)]) {
    for (kind, necessity) in expected {
        assert_eq!(needs(a, *kind), *necessity, "{name}: {kind:?}");
    }
}

const REQ: Option<Necessity> = Some(Necessity::Required);
const REC: Option<Necessity> = Some(Necessity::Recommended);
const ONE_OF: Option<Necessity> = Some(Necessity::OneOfPhkProofs);

fn jht(reason: ClaimReason) -> ClaimAnswers {
    answers(Programme::Jht, reason)
}

#[test]
fn jht_resigned() {
    use ClaimReason::Resigned;
    let rows = [
        row(
            "waiting period from the registry's end date",
            budi(),
            jht(Resigned),
            "2026-10-15",
        )
        .blocked(&["claim.waiting_period"], Some("2026-10-30")),
        row(
            "waiting period from the resignation letter",
            budi(),
            on(jht(Resigned), "2026-09-14"),
            "2026-10-01",
        )
        .blocked(&["claim.waiting_period"], Some("2026-10-14")),
        row(
            "the day the waiting period ends is the first day to claim",
            budi(),
            on(jht(Resigned), "2026-09-14"),
            "2026-10-14",
        ),
        row(
            "a month from 31 January ends on the last day of February",
            budi(),
            on(jht(Resigned), "2026-01-31"),
            "2026-02-27",
        )
        .blocked(&["claim.waiting_period"], Some("2026-02-28")),
        row(
            "after the waiting period: today",
            budi(),
            jht(Resigned),
            "2026-11-24",
        ),
        row(
            "membership still active: no day",
            with(budi(), still_working),
            jht(Resigned),
            "2026-11-24",
        )
        .blocked(&["claim.membership_active"], None),
        row(
            "a second job still active",
            with(budi(), |f| {
                f.memberships[0].employments.insert(
                    0,
                    employment("CV Baru", "2026-10-05", None, EndReason::StillActive),
                );
            }),
            jht(Resigned),
            "2026-11-24",
        )
        .blocked(&["claim.membership_active"], None),
        row(
            "the same claim still being handled",
            with(budi(), |f| {
                f.past_claims
                    .push(past(Programme::Jht, Resigned, "2026-11-01", true, false));
            }),
            jht(Resigned),
            "2026-11-24",
        )
        .blocked(&["claim.pending"], None),
        row(
            "a rejected earlier claim does not block",
            with(budi(), |f| {
                f.past_claims
                    .push(past(Programme::Jht, Resigned, "2026-11-01", false, false));
            }),
            jht(Resigned),
            "2026-11-24",
        ),
        row(
            "no membership at all",
            with(budi(), |f| f.memberships.clear()),
            jht(Resigned),
            "2026-11-24",
        )
        .blocked(&["claim.not_a_member"], None),
    ];
    for r in rows {
        let name = r.name;
        let a = check(r);
        assert_docs(
            &a,
            name,
            &[
                (DocumentKind::Ktp, REQ),
                (DocumentKind::KpjCard, REQ),
                (DocumentKind::BankBook, REQ),
                (DocumentKind::ProofOfEmployment, REC),
                (DocumentKind::FamilyCard, REC),
                (DocumentKind::Npwp, None),
            ],
        );
        assert_eq!(
            a.legal_basis,
            "PP 46/2015 jo. PP 60/2015; Permenaker 4/2022"
        );
    }
}

#[test]
fn jht_other_reasons() {
    use ClaimReason::*;
    let wna = |f: &mut ClaimFacts| f.nationality = Nationality::Wna;
    let rows = [
        // Age 56 (PP 60/2015): Budi born 12 March 1990.
        row("age 56 not reached", budi(), jht(Retirement), "2046-03-11")
            .blocked(&["claim.below_age"], Some("2046-03-12")),
        row("age 56 reached", budi(), jht(Retirement), "2046-03-12"),
        row(
            "born on 29 February: 56 is always in a leap year",
            with(budi(), |f| f.birth_date = d("1972-02-29")),
            jht(Retirement),
            "2028-02-28",
        )
        .blocked(&["claim.below_age"], Some("2028-02-29")),
        // PHK: 1 month from the PHK date.
        row(
            "dismissed, waiting",
            with(budi(), dismissed),
            on(jht(Dismissed), "2026-10-20"),
            "2026-11-01",
        )
        .blocked(&["claim.waiting_period"], Some("2026-11-20")),
        row(
            "dismissed, after waiting",
            with(budi(), dismissed),
            jht(Dismissed),
            "2026-11-24",
        ),
        row(
            "dismissed, still active",
            with(budi(), still_working),
            jht(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.membership_active"], None),
        // Contract ended: no waiting period.
        row(
            "contract ended yesterday",
            with(budi(), |f| job(f).ended_on = Some(d("2026-11-23"))),
            jht(ContractEnded),
            "2026-11-24",
        ),
        row(
            "contract ended, still active",
            with(budi(), still_working),
            jht(ContractEnded),
            "2026-11-24",
        )
        .blocked(&["claim.membership_active"], None),
        // Disability: from the 1st of the next month.
        row(
            "disability determined this month",
            budi(),
            on(jht(Disability), "2026-11-10"),
            "2026-11-24",
        )
        .blocked(&["claim.paid_from_next_month"], Some("2026-12-01")),
        row(
            "disability determined last month",
            budi(),
            on(jht(Disability), "2026-10-31"),
            "2026-11-24",
        ),
        // Leaving Indonesia: foreign nationals only.
        row(
            "a citizen cannot claim for leaving",
            budi(),
            on(jht(LeavingIndonesia), "2026-12-01"),
            "2026-11-24",
        )
        .blocked(&["claim.foreign_nationals_only"], None),
        row(
            "a foreign national leaving",
            with(budi(), wna),
            on(jht(LeavingIndonesia), "2026-12-01"),
            "2026-11-24",
        ),
        row(
            "a foreign national still employed",
            with(with(budi(), wna), still_working),
            jht(LeavingIndonesia),
            "2026-11-24",
        )
        .blocked(&["claim.membership_active"], None),
        row(
            "JKM has no resignation",
            budi(),
            answers(Programme::Jkm, Resigned),
            "2026-11-24",
        )
        .blocked(
            &[
                "claim.reason_not_offered",
                "claim.not_deceased",
                "claim.not_an_heir",
            ],
            None,
        ),
    ];
    for r in rows {
        check(r);
    }
    let a = assess(
        &with(budi(), dismissed),
        &claimant_of(&budi()),
        &jht(Dismissed),
        d("2026-11-24"),
    );
    let mut docs = vec![
        (DocumentKind::Ktp, REQ),
        (DocumentKind::ProofOfEmployment, None),
    ];
    docs.extend(DocumentKind::PHK_PROOFS.map(|k| (k, ONE_OF)));
    assert_docs(&a, "dismissed", &docs);
    let a = assess(
        &budi(),
        &claimant_of(&budi()),
        &jht(Disability),
        d("2026-11-24"),
    );
    assert_docs(
        &a,
        "disability",
        &[(DocumentKind::DisabilityCertificate, REQ)],
    );
    let a = assess(
        &with(budi(), wna),
        &claimant_of(&budi()),
        &jht(LeavingIndonesia),
        d("2026-11-24"),
    );
    assert_docs(
        &a,
        "leaving",
        &[
            (DocumentKind::Passport, REQ),
            (DocumentKind::NotWorkingInIndonesiaStatement, REQ),
            (DocumentKind::Ktp, None),
        ],
    );
    let a = assess(
        &budi(),
        &claimant_of(&budi()),
        &jht(Retirement),
        d("2046-03-12"),
    );
    assert_docs(
        &a,
        "age 56",
        &[
            (DocumentKind::Ktp, REQ),
            (DocumentKind::ProofOfEmployment, None),
        ],
    );
}

#[test]
fn jht_partial() {
    use ClaimReason::*;
    let rows = [
        row(
            "10 years and still working",
            with(budi(), still_working),
            jht(PartialTenPercent),
            "2026-11-24",
        ),
        row(
            "exactly 10 years",
            with(budi(), still_working),
            jht(PartialHousing),
            "2025-01-05",
        ),
        row(
            "one day short of 10 years",
            with(budi(), still_working),
            jht(PartialTenPercent),
            "2025-01-04",
        )
        .blocked(&["claim.partial_membership_too_short"], Some("2025-01-05")),
        row(
            "years count from the earliest job",
            with(budi(), |f| {
                still_working(f);
                job(f).started_on = d("2020-02-01");
                f.memberships.push(MembershipFacts {
                    employments: vec![employment(
                        "PT Lama",
                        "2012-01-01",
                        Some("2019-12-31"),
                        EndReason::Resigned,
                    )],
                    ..f.memberships[0].clone()
                });
            }),
            jht(PartialTenPercent),
            "2026-11-24",
        ),
        row(
            "no longer working",
            budi(),
            jht(PartialTenPercent),
            "2026-11-24",
        )
        .blocked(&["claim.partial_needs_active_membership"], None),
        row(
            "once only: paid before",
            with(budi(), |f| {
                still_working(f);
                f.past_claims.push(past(
                    Programme::Jht,
                    PartialHousing,
                    "2025-03-01",
                    false,
                    true,
                ));
            }),
            jht(PartialTenPercent),
            "2026-11-24",
        )
        .blocked(&["claim.partial_already_taken"], None),
        row(
            "once only: still open",
            with(budi(), |f| {
                still_working(f);
                f.past_claims.push(past(
                    Programme::Jht,
                    PartialTenPercent,
                    "2026-11-01",
                    true,
                    false,
                ));
            }),
            jht(PartialTenPercent),
            "2026-11-24",
        )
        .blocked(&["claim.partial_already_taken"], None),
        row(
            "a rejected partial claim does not count",
            with(budi(), |f| {
                still_working(f);
                f.past_claims.push(past(
                    Programme::Jht,
                    PartialTenPercent,
                    "2026-11-01",
                    false,
                    false,
                ));
            }),
            jht(PartialTenPercent),
            "2026-11-24",
        ),
    ];
    for r in rows {
        check(r);
    }
    let facts = with(budi(), still_working);
    let me = claimant_of(&facts);
    let ten = assess(&facts, &me, &jht(PartialTenPercent), d("2026-11-24"));
    assert_eq!(ten.estimate.lump_sum, rp(2 * JUTA));
    assert_docs(
        &ten,
        "10%",
        &[
            (DocumentKind::FamilyCard, REQ),
            (DocumentKind::EmploymentStatusLetter, REQ),
            (DocumentKind::HousingBankDocuments, None),
        ],
    );
    let housing = assess(&facts, &me, &jht(PartialHousing), d("2026-11-24"));
    assert_eq!(housing.estimate.lump_sum, rp(6 * JUTA));
    assert_docs(
        &housing,
        "30%",
        &[(DocumentKind::HousingBankDocuments, REQ)],
    );
}

/// (name, balance, past partial paid on, NPWP given, NPWP needed, tax)
type TaxRow = (&'static str, u64, Option<&'static str>, bool, bool, u64);

#[test]
fn jht_npwp_tax_and_channel() {
    use ClaimReason::*;
    let me = claimant_of(&budi());
    let today = d("2026-11-24");
    let table: [TaxRow; 7] = [
        (
            "Rp 50 jt: no NPWP, no tax",
            50 * JUTA,
            None,
            false,
            false,
            0,
        ),
        (
            "Rp 60 jt with NPWP: 5% of 10 jt",
            60 * JUTA,
            None,
            true,
            true,
            500_000,
        ),
        (
            "Rp 60 jt without NPWP: 20% more",
            60 * JUTA,
            None,
            false,
            true,
            600_000,
        ),
        (
            "partial paid last year: flat rate, NPWP needed",
            40 * JUTA,
            Some("2025-06-01"),
            true,
            true,
            0,
        ),
        (
            "partial paid 2 years ago: progressive",
            100 * JUTA,
            Some("2024-06-01"),
            true,
            true,
            9 * JUTA,
        ),
        (
            "progressive without NPWP",
            100 * JUTA,
            Some("2024-06-01"),
            false,
            true,
            10_800_000,
        ),
        (
            "progressive on a small balance",
            10 * JUTA,
            Some("2023-01-01"),
            true,
            true,
            500_000,
        ),
    ];
    for (name, amount, partial, npwp, needed, tax) in table {
        let facts = with(budi(), |f| {
            balance(amount)(f);
            if let Some(on) = partial {
                f.past_claims
                    .push(past(Programme::Jht, PartialTenPercent, on, false, true));
            }
        });
        let mut a = jht(Resigned);
        if npwp {
            a.npwp = Some(Npwp::parse("3171011203900001").unwrap());
        }
        let r = assess(&facts, &me, &a, today);
        assert_eq!(r.estimate.tax, rp(tax), "{name}");
        assert_eq!(
            needs(&r, DocumentKind::Npwp),
            needed.then_some(Necessity::Required),
            "{name}"
        );
        assert_eq!(
            questions(&facts, &a).contains(&Question::Npwp),
            needed,
            "{name}"
        );
    }
    // JMO up to the dated ceiling: Rp 10 jt before May 2025, Rp 15 jt since.
    let table = [
        (10 * JUTA, "2025-04-30", OfficialChannel::Jmo),
        (12 * JUTA, "2025-04-30", OfficialChannel::LapakAsik),
        (12 * JUTA, "2025-05-01", OfficialChannel::Jmo),
        (15 * JUTA, "2026-11-24", OfficialChannel::Jmo),
        (15 * JUTA + 1, "2026-11-24", OfficialChannel::LapakAsik),
    ];
    for (amount, today, channel) in table {
        let facts = with(budi(), balance(amount));
        let r = assess(&facts, &me, &jht(Resigned), d(today));
        assert_eq!(r.channel, channel, "{amount} on {today}");
    }
    // Several KPJs: balances merged, and the person says which one the claim goes to.
    let two = with(budi(), |f| {
        let mut second = f.memberships[0].clone();
        second.kpj = Kpj::parse("98765432109").unwrap();
        second.jht_balance = rp(35 * JUTA);
        f.memberships.push(second);
    });
    let r = assess(&two, &me, &jht(Resigned), today);
    assert_eq!(r.estimate.lump_sum, rp(55 * JUTA));
    assert_eq!(r.estimate.tax, rp(300_000), "5% of 5 jt, +20% without NPWP");
    assert_eq!(
        questions(&two, &jht(Resigned)),
        [
            Question::Kpj,
            Question::EventDate,
            Question::BankAccount,
            Question::Npwp
        ]
    );
    assert_eq!(
        questions(&budi(), &jht(Resigned)),
        [Question::EventDate, Question::BankAccount]
    );
    assert_eq!(
        questions(&budi(), &jht(Retirement)),
        [Question::BankAccount]
    );
}

#[test]
fn heirs_in_order() {
    use ClaimReason::Death;
    let dead = deceased_budi;
    let spouse = heir(&dead(), Relation::Spouse);
    let jkm = || answers(Programme::Jkm, Death);
    let rows = [
        row("the widow claims", dead(), jkm(), "2026-11-24").by(spouse.clone()),
        row("not on the family record", dead(), jkm(), "2026-11-24")
            .by(claimant_of(&budi()))
            .blocked(&["claim.not_an_heir"], None),
        row("not recorded as deceased", budi(), jkm(), "2026-11-24")
            .by(spouse.clone())
            .blocked(&["claim.not_deceased"], None),
        row(
            "a parent when there is a widow",
            with(dead(), |f| f.family.push(parent())),
            jkm(),
            "2026-11-24",
        )
        .by(heir(
            &with(dead(), |f| f.family.push(parent())),
            Relation::Parent,
        ))
        .blocked(&["claim.closer_heir_exists"], None),
        row(
            "a parent when there is no spouse or child",
            with(dead(), only(vec![parent(), sibling()])),
            jkm(),
            "2026-11-24",
        )
        .by(heir(&with(dead(), only(vec![parent()])), Relation::Parent)),
        row(
            "a sibling when there is a parent",
            with(dead(), only(vec![parent(), sibling()])),
            jkm(),
            "2026-11-24",
        )
        .by(heir(
            &with(dead(), only(vec![sibling()])),
            Relation::Sibling,
        ))
        .blocked(&["claim.closer_heir_exists"], None),
        row(
            "a sibling before a parent-in-law",
            with(dead(), only(vec![sibling(), parent_in_law()])),
            jkm(),
            "2026-11-24",
        )
        .by(heir(
            &with(dead(), only(vec![sibling()])),
            Relation::Sibling,
        )),
        row(
            "a parent-in-law when there is a sibling",
            with(dead(), only(vec![sibling(), parent_in_law()])),
            jkm(),
            "2026-11-24",
        )
        .by(heir(
            &with(dead(), only(vec![parent_in_law()])),
            Relation::ParentInLaw,
        ))
        .blocked(&["claim.closer_heir_exists"], None),
        row(
            "a parent-in-law alone",
            with(dead(), only(vec![parent_in_law()])),
            jkm(),
            "2026-11-24",
        )
        .by(heir(
            &with(dead(), only(vec![parent_in_law()])),
            Relation::ParentInLaw,
        )),
        row(
            "a grown child with the widow: both first class",
            with(dead(), |f| f.family.push(grown_child())),
            jkm(),
            "2026-11-24",
        )
        .by(heir(
            &with(dead(), only(vec![grown_child()])),
            Relation::Child,
        )),
        row(
            "JHT by heirs follows the same order",
            with(dead(), |f| f.family.push(parent())),
            answers(Programme::Jht, Death),
            "2026-11-24",
        )
        .by(heir(&with(dead(), only(vec![parent()])), Relation::Parent))
        .blocked(&["claim.closer_heir_exists"], None),
    ];
    for r in rows {
        check(r);
    }
    // Documents: the widow brings the marriage book; the son is 11, so a guardianship letter.
    let a = assess(&dead(), &spouse, &jkm(), d("2026-11-24"));
    assert_docs(
        &a,
        "widow",
        &[
            (DocumentKind::Ktp, REQ),
            (DocumentKind::DeceasedKtp, REQ),
            (DocumentKind::KpjCard, REQ),
            (DocumentKind::DeathCertificate, REQ),
            (DocumentKind::FamilyCard, REQ),
            (DocumentKind::HeirCertificate, REQ),
            (DocumentKind::BankBook, REQ),
            (DocumentKind::MarriageBook, REQ),
            (DocumentKind::GuardianshipLetter, REQ),
        ],
    );
    // A grown child claiming when every child is an adult: neither.
    let grown = with(dead(), only(vec![grown_child()]));
    let a = assess(
        &grown,
        &heir(&grown, Relation::Child),
        &jkm(),
        d("2026-11-24"),
    );
    assert_docs(
        &a,
        "grown child",
        &[
            (DocumentKind::MarriageBook, None),
            (DocumentKind::GuardianshipLetter, None),
        ],
    );
    // The son turns 18 on 1 July 2033.
    let a = assess(&dead(), &spouse, &jkm(), d("2033-07-01"));
    assert_docs(&a, "son of 18", &[(DocumentKind::GuardianshipLetter, None)]);
    // The heir answers who died first, and gives no KPJ choice of their own.
    assert_eq!(
        questions(&dead(), &jkm()),
        [Question::Deceased, Question::BankAccount]
    );
}

#[test]
fn jkm_benefit() {
    let dead = deceased_budi();
    let spouse = heir(&dead, Relation::Spouse);
    let jkm = answers(Programme::Jkm, ClaimReason::Death);
    let a = assess(&dead, &spouse, &jkm, d("2026-11-24"));
    assert_eq!(a.estimate.lump_sum, rp(42 * JUTA));
    assert_eq!(a.estimate.tax, Rupiah::ZERO);
    assert_eq!(a.channel, OfficialChannel::Branch);
    assert_eq!(a.legal_basis, "PP 44/2015 jo. PP 82/2019");
    assert!(
        a.estimate.explanation_id.contains("Rp 87.000.000"),
        "{}",
        a.estimate.explanation_id
    );
    // Under 3 years of contributions: the scholarship's condition is stated, not promised.
    let short = with(dead.clone(), |f| f.memberships[0].wages.truncate(30));
    let a = assess(&short, &spouse, &jkm, d("2026-11-24"));
    assert_eq!(a.estimate.lump_sum, rp(42 * JUTA));
    assert!(
        a.estimate.explanation_en.contains("36 months"),
        "{}",
        a.estimate.explanation_en
    );
}

fn dismissed_budi() -> ClaimFacts {
    with(budi(), dismissed)
}

fn jkp(reason: ClaimReason) -> ClaimAnswers {
    answers(Programme::Jkp, reason)
}

#[test]
fn jkp_rules() {
    use ClaimReason::*;
    let phk = |event: &'static str| on(jkp(Dismissed), event);
    let rows = [
        row(
            "dismissed in September",
            dismissed_budi(),
            jkp(Dismissed),
            "2026-11-24",
        ),
        row("resigned: never JKP", budi(), jkp(Resigned), "2026-11-24")
            .blocked(&["claim.jkp_only_after_dismissal"], None),
        row(
            "contract ran out: never JKP",
            budi(),
            jkp(ContractEnded),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_only_after_dismissal"], None),
        row(
            "the employer reported a resignation",
            budi(),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_employer_reported"], None),
        row(
            "a foreign national",
            with(dismissed_budi(), |f| f.nationality = Nationality::Wna),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.citizens_only"], None),
        row(
            "not in JKN",
            with(dismissed_budi(), |f| f.jkn_enrolled = false),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.jkn_not_enrolled"], None),
        row(
            "54 when registered",
            with(dismissed_budi(), |f| f.birth_date = d("1960-01-05")),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_too_old_at_registration"], None),
        row(
            "53 when registered",
            with(dismissed_budi(), |f| f.birth_date = d("1961-01-06")),
            jkp(Dismissed),
            "2026-11-24",
        ),
        row(
            "10 months in the last 24",
            with(dismissed_budi(), |f| {
                f.memberships[0].jkp_months = months("2025-12", "2026-09")
            }),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_few_contributions"], None),
        row(
            "exactly 12 months",
            with(dismissed_budi(), |f| {
                f.memberships[0].jkp_months = months("2025-09", "2026-08")
            }),
            jkp(Dismissed),
            "2026-11-24",
        ),
        row(
            "a gap among the last 6 months",
            with(dismissed_budi(), |f| {
                f.memberships[0].jkp_months.retain(|x| *x != m("2026-06"))
            }),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_gap_before_phk"], None),
        row(
            "the PHK month itself does not count",
            with(dismissed_budi(), |f| {
                f.memberships[0].jkp_months = months("2025-04", "2026-08")
            }),
            phk("2026-10-15"),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_gap_before_phk"], None),
        row(
            "6 months after a PHK in 2026: last day",
            dismissed_budi(),
            phk("2026-05-31"),
            "2026-11-30",
        ),
        row(
            "6 months after a PHK in 2026: too late",
            dismissed_budi(),
            phk("2026-05-31"),
            "2026-12-01",
        )
        .blocked(&["claim.jkp_deadline_passed"], None),
        row(
            "a PHK before 7 February 2025: 3 months",
            with(dismissed_budi(), |f| {
                f.memberships[0].jkp_months = months("2022-02", "2025-01")
            }),
            phk("2025-02-06"),
            "2025-05-07",
        )
        .blocked(&["claim.jkp_deadline_passed"], None),
        row(
            "a PHK on 7 February 2025: 6 months",
            with(dismissed_budi(), |f| {
                f.memberships[0].jkp_months = months("2022-02", "2025-01")
            }),
            phk("2025-02-07"),
            "2025-05-08",
        ),
        row(
            "working again",
            with(dismissed_budi(), |f| {
                f.memberships[0].employments.insert(
                    0,
                    employment("CV Baru", "2026-11-01", None, EndReason::StillActive),
                );
            }),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_new_employment"], None),
        row(
            "the employer has not deactivated",
            with(budi(), |f| {
                still_working(f);
                dismissed(f);
            }),
            phk("2026-09-30"),
            "2026-11-24",
        )
        .blocked(&["claim.membership_active"], None),
        row(
            "a PHK announced for next month",
            dismissed_budi(),
            phk("2026-12-15"),
            "2026-11-24",
        )
        .blocked(
            &["claim.not_yet_happened", "claim.jkp_gap_before_phk"],
            None,
        ),
        row(
            "a second claim 4 years after the first",
            with(dismissed_budi(), |f| {
                f.past_claims
                    .push(past(Programme::Jkp, Dismissed, "2022-01-10", false, true));
            }),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_repeat_too_soon"], None),
        row(
            "a second claim 5 years of contributions after",
            with(dismissed_budi(), |f| {
                f.past_claims
                    .push(past(Programme::Jkp, Dismissed, "2021-08-10", false, true));
                f.memberships[0].jkp_months = months("2021-09", "2026-09");
            }),
            jkp(Dismissed),
            "2026-11-24",
        ),
        row(
            "three claims paid",
            with(dismissed_budi(), |f| {
                for on in ["2005-01-10", "2010-06-01", "2016-01-04"] {
                    f.past_claims
                        .push(past(Programme::Jkp, Dismissed, on, false, true));
                }
            }),
            jkp(Dismissed),
            "2026-11-24",
        )
        .blocked(&["claim.jkp_claims_used_up"], None),
    ];
    for r in rows {
        check(r);
    }
    let a = assess(
        &dismissed_budi(),
        &claimant_of(&budi()),
        &jkp(Dismissed),
        d("2026-11-24"),
    );
    let mut docs = vec![
        (DocumentKind::BankBook, REQ),
        (DocumentKind::JobSearchCommitment, REQ),
    ];
    docs.extend(DocumentKind::PHK_PROOFS.map(|k| (k, ONE_OF)));
    assert_docs(&a, "jkp", &docs);
    assert_eq!(a.channel, OfficialChannel::SiapKerja);
    assert_eq!(
        questions(&dismissed_budi(), &jkp(Dismissed)),
        [Question::EventDate, Question::BankAccount]
    );
    assert_eq!(questions(&budi(), &jkp(Resigned)), [Question::BankAccount]);
}

#[test]
fn jkp_benefit() {
    let me = claimant_of(&budi());
    // (name, last wage, PHK, monthly, total)
    let table = [
        (
            "wage above the cap",
            6 * JUTA,
            "2026-09-30",
            3 * JUTA,
            18 * JUTA,
        ),
        (
            "wage under the cap",
            4 * JUTA,
            "2026-09-30",
            2_400_000,
            14_400_000,
        ),
        (
            "before PP 6/2025: 45% then 25%",
            6 * JUTA,
            "2025-01-31",
            2_250_000,
            6_750_000 + 3_750_000,
        ),
    ];
    for (name, wage, phk, monthly, total) in table {
        let facts = with(dismissed_budi(), |f| {
            for w in &mut f.memberships[0].wages {
                w.wage = rp(wage);
            }
        });
        let a = assess(&facts, &me, &on(jkp(ClaimReason::Dismissed), phk), d(phk));
        assert_eq!(a.estimate.monthly, Some(rp(monthly)), "{name}");
        assert_eq!(a.estimate.months, Some(6), "{name}");
        assert_eq!(a.estimate.total, Some(rp(total)), "{name}");
        assert_eq!(a.estimate.lump_sum, Rupiah::ZERO, "{name}");
    }
}

fn accident(place: AccidentPlace, outcome: AccidentOutcome, days: u32) -> AccidentAnswers {
    AccidentAnswers {
        happened_on: d("2026-10-01"),
        place,
        outcome,
        days_unable_to_work: days,
        medical_costs: Rupiah::ZERO,
        transport: None,
    }
}

fn jkk(reason: ClaimReason, a: AccidentAnswers) -> ClaimAnswers {
    let mut answers = answers(Programme::Jkk, reason);
    answers.event_on = Some(d("2026-11-10"));
    answers.accident = Some(a);
    answers
}

#[test]
fn jkk_rules() {
    use AccidentOutcome::*;
    use AccidentPlace::*;
    use ClaimReason::{Death, WorkAccident};
    let dead = deceased_budi();
    let spouse = heir(&dead, Relation::Spouse);
    let happened = |on: &str, outcome| AccidentAnswers {
        happened_on: d(on),
        ..accident(AtWork, outcome, 0)
    };
    let rows = [
        row(
            "recovered",
            budi(),
            jkk(WorkAccident, accident(AtWork, Recovered, 10)),
            "2026-11-24",
        ),
        row(
            "the claim lapses 5 years after the accident",
            budi(),
            jkk(WorkAccident, happened("2021-01-10", Disability)),
            "2026-01-11",
        )
        .blocked(&["claim.jkk_lapsed"], None),
        row(
            "the last day within 5 years",
            budi(),
            jkk(WorkAccident, happened("2021-01-10", Disability)),
            "2026-01-10",
        ),
        row(
            "2 years for an accident before PP 82/2019",
            budi(),
            jkk(WorkAccident, happened("2019-12-01", Disability)),
            "2021-12-02",
        )
        .blocked(&["claim.jkk_lapsed"], None),
        row(
            "5 years from 2 December 2019",
            budi(),
            jkk(WorkAccident, happened("2019-12-02", Disability)),
            "2021-12-03",
        ),
        row(
            "a death is claimed by an heir with the reason Death",
            budi(),
            jkk(WorkAccident, accident(AtWork, Died, 0)),
            "2026-11-24",
        )
        .blocked(&["claim.accident_outcome_mismatch"], None),
        row(
            "the heir's claim needs the outcome Died",
            dead.clone(),
            jkk(Death, accident(AtWork, Recovered, 0)),
            "2026-11-24",
        )
        .by(spouse.clone())
        .blocked(&["claim.accident_outcome_mismatch"], None),
        row(
            "the widow claims for a death from the accident",
            dead.clone(),
            jkk(Death, accident(OnTheRoad, Died, 3)),
            "2026-11-24",
        )
        .by(spouse.clone()),
        row(
            "a parent with the widow on record",
            with(dead.clone(), |f| f.family.push(parent())),
            jkk(Death, accident(AtWork, Died, 0)),
            "2026-11-24",
        )
        .by(heir(
            &with(dead.clone(), only(vec![parent()])),
            Relation::Parent,
        ))
        .blocked(&["claim.closer_heir_exists"], None),
    ];
    for r in rows {
        check(r);
    }
    let me = claimant_of(&budi());
    let today = d("2026-11-24");
    // (place, days, medical, transport) → documents
    let table = [
        (
            AtWork,
            0,
            0,
            None,
            &[][..],
            &[
                DocumentKind::PoliceReport,
                DocumentKind::WitnessStatement,
                DocumentKind::Payslips,
                DocumentKind::MedicalReceipts,
            ][..],
        ),
        (
            OnTheRoad,
            0,
            0,
            None,
            &[DocumentKind::PoliceReport][..],
            &[DocumentKind::WitnessStatement][..],
        ),
        (
            AwayFromWork,
            0,
            0,
            None,
            &[DocumentKind::WitnessStatement][..],
            &[DocumentKind::PoliceReport][..],
        ),
        (
            AtWork,
            5,
            0,
            None,
            &[DocumentKind::Payslips][..],
            &[DocumentKind::MedicalReceipts][..],
        ),
        (
            AtWork,
            0,
            1,
            None,
            &[DocumentKind::MedicalReceipts][..],
            &[DocumentKind::Payslips][..],
        ),
        (
            AtWork,
            0,
            0,
            Some(TransportMode::Sea),
            &[DocumentKind::MedicalReceipts][..],
            &[][..],
        ),
    ];
    for (place, days, medical, transport, needed, not_needed) in table {
        let mut a = accident(place, Recovered, days);
        a.medical_costs = rp(medical);
        a.transport = transport.map(|mode| Transport {
            mode,
            cost: rp(100_000),
        });
        let r = assess(&budi(), &me, &jkk(WorkAccident, a), today);
        for kind in [
            DocumentKind::AccidentReportKk2,
            DocumentKind::Ktp,
            DocumentKind::KpjCard,
            DocumentKind::DoctorCertificateKk3,
        ] {
            assert_eq!(needs(&r, kind), REQ, "{place:?} {kind:?}");
        }
        for kind in needed {
            assert_eq!(
                needs(&r, *kind),
                REQ,
                "{place:?} {days} {medical}: {kind:?}"
            );
        }
        for kind in not_needed {
            assert_eq!(
                needs(&r, *kind),
                None,
                "{place:?} {days} {medical}: {kind:?}"
            );
        }
    }
    let r = assess(
        &dead,
        &spouse,
        &jkk(Death, accident(AtWork, Died, 0)),
        today,
    );
    assert_docs(
        &r,
        "jkk death",
        &[
            (DocumentKind::DeathCertificate, REQ),
            (DocumentKind::HeirCertificate, REQ),
            (DocumentKind::AccidentReportKk2, REQ),
        ],
    );
    assert_eq!(
        questions(&dead, &jkk(Death, accident(AtWork, Died, 0))),
        [
            Question::Deceased,
            Question::EventDate,
            Question::Accident,
            Question::BankAccount
        ]
    );
    assert_eq!(
        questions(&budi(), &answers(Programme::Jkk, WorkAccident)),
        [
            Question::EventDate,
            Question::Accident,
            Question::BankAccount
        ]
    );
}

#[test]
fn jkk_benefit() {
    use AccidentOutcome::*;
    use AccidentPlace::*;
    use ClaimReason::{Death, WorkAccident};
    let dead = deceased_budi();
    let spouse = heir(&dead, Relation::Spouse);
    let me = claimant_of(&budi());
    let wage = |amount: u64| {
        move |f: &mut ClaimFacts| {
            for w in &mut f.memberships[0].wages {
                w.wage = rp(amount);
            }
        }
    };
    let transport = |mode, cost| {
        Some(Transport {
            mode,
            cost: rp(cost),
        })
    };
    // (name, facts, claimant, reason, outcome, days, medical, transport, lump sum)
    let table = [
        (
            "10 days off work at Rp 6 jt",
            budi(),
            &me,
            WorkAccident,
            Recovered,
            10,
            0,
            None,
            2 * JUTA,
        ),
        (
            "400 days: 12 months in full, then half",
            with(budi(), wage(3 * JUTA)),
            &me,
            WorkAccident,
            Recovered,
            400,
            0,
            None,
            36 * JUTA + 2 * JUTA,
        ),
        (
            "medical costs as paid",
            budi(),
            &me,
            WorkAccident,
            Recovered,
            0,
            7_654_321,
            None,
            7_654_321,
        ),
        (
            "land transport capped at 5 jt",
            budi(),
            &me,
            WorkAccident,
            Recovered,
            0,
            0,
            transport(TransportMode::Land, 7 * JUTA),
            5 * JUTA,
        ),
        (
            "sea transport capped at 2 jt",
            budi(),
            &me,
            WorkAccident,
            Recovered,
            0,
            0,
            transport(TransportMode::Sea, 3 * JUTA),
            2 * JUTA,
        ),
        (
            "air transport capped at 10 jt",
            budi(),
            &me,
            WorkAccident,
            Recovered,
            0,
            0,
            transport(TransportMode::Air, 12 * JUTA),
            10 * JUTA,
        ),
        (
            "air transport under the cap",
            budi(),
            &me,
            WorkAccident,
            Recovered,
            0,
            0,
            transport(TransportMode::Air, 4 * JUTA),
            4 * JUTA,
        ),
        (
            "total permanent disability: 56 wages",
            budi(),
            &me,
            WorkAccident,
            Disability,
            0,
            0,
            None,
            56 * 6 * JUTA,
        ),
        (
            "death: 48 wages + funeral + periodic",
            dead.clone(),
            &spouse,
            Death,
            Died,
            0,
            0,
            None,
            48 * 6 * JUTA + 10 * JUTA + 12 * JUTA,
        ),
        (
            "death on a low wage: at least the JKM lump sum",
            with(dead.clone(), wage(300_000)),
            &spouse,
            Death,
            Died,
            0,
            0,
            None,
            20 * JUTA + 10 * JUTA + 12 * JUTA,
        ),
    ];
    for (name, facts, claimant, reason, outcome, days, medical, transport, lump) in table {
        let mut a = accident(AtWork, outcome, days);
        a.medical_costs = rp(medical);
        a.transport = transport;
        let r = assess(&facts, claimant, &jkk(reason, a), d("2026-11-24"));
        assert_eq!(r.blockers, [], "{name}");
        assert_eq!(r.estimate.lump_sum, rp(lump), "{name}");
        assert_eq!(r.estimate.total, Some(rp(lump)), "{name}");
    }
}

fn jp(reason: ClaimReason) -> ClaimAnswers {
    answers(Programme::Jp, reason)
}

#[test]
fn jp_rules() {
    use ClaimReason::*;
    let dead = deceased_budi();
    let spouse = heir(&dead, Relation::Spouse);
    let born = |on: &'static str| move |f: &mut ClaimFacts| f.birth_date = d(on);
    let young_child = || {
        relative(
            Relation::Child,
            "Adi Santoso",
            "3171010107150003",
            "2015-07-01",
        )
    };
    let rows = [
        row(
            "59 in 2026: pension age",
            with(budi(), born("1967-05-01")),
            jp(Retirement),
            "2026-05-01",
        ),
        row(
            "58 in 2026: wait for 59 in 2027",
            with(budi(), born("1968-06-10")),
            jp(Retirement),
            "2026-01-01",
        )
        .blocked(&["claim.below_age"], Some("2027-06-10")),
        row(
            "57 in 2019 was enough",
            with(budi(), born("1962-01-01")),
            jp(Retirement),
            "2019-01-01",
        ),
        row(
            "60 in 2030 when 60 is needed",
            with(budi(), born("1970-03-01")),
            jp(Retirement),
            "2026-01-01",
        )
        .blocked(&["claim.below_age"], Some("2030-03-01")),
        row("resigned: never", budi(), jp(Resigned), "2026-11-24")
            .blocked(&["claim.jp_not_on_resignation"], None),
        row("disability", budi(), jp(Disability), "2026-11-24"),
        row("the widow", dead.clone(), jp(Death), "2026-11-24").by(spouse.clone()),
        row(
            "a child under 23 when there is a widow",
            dead.clone(),
            jp(Death),
            "2026-11-24",
        )
        .by(heir(&dead, Relation::Child))
        .blocked(&["claim.closer_heir_exists"], None),
        row(
            "a child under 23 alone",
            with(dead.clone(), only(vec![young_child(), parent()])),
            jp(Death),
            "2026-11-24",
        )
        .by(heir(&dead, Relation::Child)),
        row(
            "a child of 24",
            with(dead.clone(), only(vec![grown_child()])),
            jp(Death),
            "2026-11-24",
        )
        .by(heir(
            &with(dead.clone(), only(vec![grown_child()])),
            Relation::Child,
        ))
        .blocked(&["claim.jp_heir_not_entitled"], None),
        row(
            "a parent with a child under 23",
            with(dead.clone(), only(vec![young_child(), parent()])),
            jp(Death),
            "2026-11-24",
        )
        .by(heir(
            &with(dead.clone(), only(vec![parent()])),
            Relation::Parent,
        ))
        .blocked(&["claim.closer_heir_exists"], None),
        row(
            "a parent with a grown child only",
            with(dead.clone(), only(vec![grown_child(), parent()])),
            jp(Death),
            "2026-11-24",
        )
        .by(heir(
            &with(dead.clone(), only(vec![parent()])),
            Relation::Parent,
        )),
        row(
            "a sibling",
            with(dead.clone(), only(vec![sibling()])),
            jp(Death),
            "2026-11-24",
        )
        .by(heir(
            &with(dead.clone(), only(vec![sibling()])),
            Relation::Sibling,
        ))
        .blocked(&["claim.jp_heir_not_entitled"], None),
    ];
    for r in rows {
        check(r);
    }
    let me = claimant_of(&budi());
    let a = assess(&budi(), &me, &jp(Disability), d("2026-11-24"));
    assert_docs(
        &a,
        "jp disability",
        &[
            (DocumentKind::PensionForm7, REQ),
            (DocumentKind::Ktp, REQ),
            (DocumentKind::KpjCard, REQ),
            (DocumentKind::FamilyCard, REQ),
            (DocumentKind::DisabilityCertificate, REQ),
        ],
    );
    let a = assess(&dead, &spouse, &jp(Death), d("2026-11-24"));
    assert_docs(
        &a,
        "jp death",
        &[
            (DocumentKind::PensionForm7, REQ),
            (DocumentKind::DeathCertificate, REQ),
            (DocumentKind::HeirCertificate, REQ),
            (DocumentKind::GuardianshipLetter, REQ),
        ],
    );
}

#[test]
fn jp_benefit() {
    let me = claimant_of(&budi());
    let history = |first: &str, wage: u64| {
        let first = first.to_owned();
        move |f: &mut ClaimFacts| {
            let worked = months(&first, "2026-09");
            f.memberships[0].jp_months = worked.clone();
            f.memberships[0].wages = worked
                .iter()
                .map(|month| MonthlyWage {
                    month: *month,
                    wage: rp(wage),
                })
                .collect();
        }
    };
    // (name, first month, wage, monthly, lump sum)
    let table = [
        (
            "141 months: contributions as a lump sum",
            "2015-01",
            6 * JUTA,
            None,
            141 * 180_000,
        ),
        (
            "261 months: 1% × 261/12 × Rp 6 jt",
            "2005-01",
            6 * JUTA,
            Some(1_305_000),
            0,
        ),
        (
            "wages above the cap count at the cap",
            "2005-01",
            20 * JUTA,
            Some(2_184_200),
            0,
        ),
        (
            "180 months on a low wage: the minimum",
            "2011-10",
            JUTA,
            Some(393_500),
            0,
        ),
        ("179 months: lump sum", "2011-11", JUTA, None, 179 * 30_000),
    ];
    for (name, first, wage, monthly, lump) in table {
        let facts = with(budi(), history(first, wage));
        let a = assess(&facts, &me, &jp(ClaimReason::Disability), d("2026-11-24"));
        assert_eq!(a.estimate.monthly, monthly.map(rp), "{name}");
        assert_eq!(a.estimate.lump_sum, rp(lump), "{name}");
        assert_eq!(
            a.estimate.total,
            monthly.is_none().then_some(rp(lump)),
            "{name}"
        );
        if monthly.is_none() {
            assert!(a.estimate.explanation_en.contains("plus returns"), "{name}");
        }
    }
}

fn bank() -> BankAccount {
    BankAccount::parse(Bank::Bca, "1234567890").unwrap()
}

/// A JHT claim after resignation with everything answered and attached.
fn complete() -> (ClaimFacts, Claimant, ClaimAnswers, Vec<DocumentKind>) {
    let facts = budi();
    let me = claimant_of(&facts);
    let mut a = on(jht(ClaimReason::Resigned), "2026-09-30");
    a.bank_account = Some(bank());
    let docs = vec![
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::BankBook,
    ];
    (facts, me, a, docs)
}

/// Each problem's code and the page it sends the person to.
type Found = Vec<(&'static str, Option<&'static str>)>;

fn problems(result: Result<Assessment, Vec<ClaimProblem>>) -> Found {
    match result {
        Ok(_) => vec![],
        Err(found) => found.iter().map(|p| (p.code(), p.field())).collect(),
    }
}

#[test]
fn ready_to_submit_checks_everything() {
    let today = d("2026-11-24");
    let (facts, me, a, docs) = complete();
    let holder = PersonName::parse("BUDI SANTOSO").unwrap();
    let ok = ready_to_submit(&facts, &me, &a, &docs, Some(&holder), today).unwrap();
    assert_eq!(ok.earliest_on, Some(today));

    type Change = Box<
        dyn Fn(&mut ClaimFacts, &mut ClaimAnswers, &mut Vec<DocumentKind>, &mut Option<PersonName>),
    >;
    let rows: Vec<(&str, Change, Found)> = vec![
        (
            "too early",
            Box::new(|_, a, _, _| a.event_on = Some(d("2026-11-01"))),
            vec![("claim.waiting_period", None)],
        ),
        (
            "no bank account",
            Box::new(|_, a, _, _| a.bank_account = None),
            vec![("claim.unanswered", Some("bank_account"))],
        ),
        (
            "no date answered",
            Box::new(|_, a, _, _| a.event_on = None),
            vec![("claim.unanswered", Some("event_date"))],
        ),
        (
            "the date in the future",
            Box::new(|_, a, _, _| a.event_on = Some(d("2026-11-25"))),
            vec![
                ("claim.waiting_period", None),
                ("claim.event_in_future", Some("event_date")),
            ],
        ),
        (
            "KTP missing",
            Box::new(|_, _, docs, _| docs.retain(|k| *k != DocumentKind::Ktp)),
            vec![("claim.document_missing", Some("documents"))],
        ),
        (
            "a recommended document may be missing",
            Box::new(|_, _, docs, _| docs.retain(|k| *k != DocumentKind::ProofOfEmployment)),
            vec![],
        ),
        (
            "bank name not checked",
            Box::new(|_, _, _, h| *h = None),
            vec![("claim.bank_holder_not_checked", Some("bank_account"))],
        ),
        (
            "bank name with a title",
            Box::new(|_, _, _, h| *h = Some(PersonName::parse("Ir. Budi Santoso").unwrap())),
            vec![],
        ),
        (
            "bank name similar",
            Box::new(|_, _, _, h| *h = Some(PersonName::parse("Budi Santosa").unwrap())),
            vec![("claim.bank_holder_similar", Some("bank_account"))],
        ),
        (
            "bank name of someone else",
            Box::new(|_, _, _, h| *h = Some(PersonName::parse("Siti Aminah").unwrap())),
            vec![("claim.bank_holder_differs", Some("bank_account"))],
        ),
        (
            "a KPJ not his",
            Box::new(|_, a, _, _| a.kpj = Some(Kpj::parse("11111111111").unwrap())),
            vec![("claim.kpj_not_own", Some("kpj"))],
        ),
        (
            "NPWP needed above Rp 50 jt",
            Box::new(|f, _, docs, _| {
                balance(51 * JUTA)(f);
                docs.push(DocumentKind::Npwp);
            }),
            vec![("claim.unanswered", Some("npwp"))],
        ),
        (
            "NPWP document needed",
            Box::new(|f, a, _, _| {
                balance(51 * JUTA)(f);
                a.npwp = Some(Npwp::parse("3171011203900001").unwrap());
            }),
            vec![("claim.document_missing", Some("documents"))],
        ),
        (
            "dismissed without proof of PHK",
            Box::new(|f, a, _, _| {
                dismissed(f);
                a.reason = ClaimReason::Dismissed;
            }),
            vec![("claim.phk_proof_missing", Some("documents"))],
        ),
        (
            "dismissed with one proof of PHK",
            Box::new(|f, a, docs, _| {
                dismissed(f);
                a.reason = ClaimReason::Dismissed;
                docs.push(DocumentKind::PhkBipartiteAgreement);
            }),
            vec![],
        ),
    ];
    for (name, change, expected) in rows {
        let (mut facts, me, mut a, mut docs) = complete();
        let mut holder = Some(holder.clone());
        change(&mut facts, &mut a, &mut docs, &mut holder);
        let found = problems(ready_to_submit(
            &facts,
            &me,
            &a,
            &docs,
            holder.as_ref(),
            today,
        ));
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn ready_to_submit_for_heirs_and_accidents() {
    let today = d("2026-11-24");
    let dead = deceased_budi();
    let spouse = heir(&dead, Relation::Spouse);
    let spouse_name = PersonName::parse("Siti Aminah").unwrap();
    let heir_docs = [
        DocumentKind::Ktp,
        DocumentKind::DeceasedKtp,
        DocumentKind::KpjCard,
        DocumentKind::DeathCertificate,
        DocumentKind::FamilyCard,
        DocumentKind::HeirCertificate,
        DocumentKind::BankBook,
        DocumentKind::MarriageBook,
        DocumentKind::GuardianshipLetter,
    ];
    let deceased = |nik: &str, birth: &str| DeceasedAnswers {
        nik: Nik::parse(nik).unwrap(),
        kpj: Kpj::parse("12345678901").unwrap(),
        birth_date: d(birth),
    };
    let jkm = |who: DeceasedAnswers| {
        let mut a = answers(Programme::Jkm, ClaimReason::Death);
        a.deceased = Some(who);
        a.bank_account = Some(bank());
        a
    };
    let table = [
        (
            "the widow, all in order",
            jkm(deceased("3171011203900001", "1990-03-12")),
            vec![],
        ),
        (
            "the birth date differs from the NIK",
            jkm(deceased("3171011203900001", "1990-03-13")),
            vec![("claim.deceased_birth_date_differs", Some("deceased"))],
        ),
        (
            "someone else's NIK",
            jkm(deceased("3171011303900001", "1990-03-13")),
            vec![("claim.deceased_not_participant", Some("deceased"))],
        ),
    ];
    for (name, a, expected) in table {
        let found = problems(ready_to_submit(
            &dead,
            &spouse,
            &a,
            &heir_docs,
            Some(&spouse_name),
            today,
        ));
        assert_eq!(found, expected, "{name}");
    }
    let mut a = jkm(deceased("3171011203900001", "1990-03-12"));
    a.deceased = None;
    let found = problems(ready_to_submit(
        &dead,
        &spouse,
        &a,
        &heir_docs,
        Some(&spouse_name),
        today,
    ));
    assert_eq!(found, [("claim.unanswered", Some("deceased"))]);

    // A work accident: the accident before the doctor's certificate, and before today.
    let me = claimant_of(&budi());
    let holder = PersonName::parse("Budi Santoso").unwrap();
    let docs = [
        DocumentKind::AccidentReportKk2,
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::DoctorCertificateKk3,
        DocumentKind::BankBook,
    ];
    let with_dates = |happened: &str, certificate: &str| {
        let mut a = jkk(
            ClaimReason::WorkAccident,
            AccidentAnswers {
                happened_on: d(happened),
                ..accident(AccidentPlace::AtWork, AccidentOutcome::Recovered, 0)
            },
        );
        a.event_on = Some(d(certificate));
        a.bank_account = Some(bank());
        a
    };
    let table = [
        ("in order", with_dates("2026-10-01", "2026-11-10"), vec![]),
        (
            "the accident after the certificate",
            with_dates("2026-11-11", "2026-11-10"),
            vec![("claim.accident_dates_out_of_order", Some("accident"))],
        ),
        (
            "no accident answers",
            {
                let mut a = with_dates("2026-10-01", "2026-11-10");
                a.accident = None;
                a
            },
            vec![("claim.unanswered", Some("accident"))],
        ),
    ];
    for (name, a, expected) in table {
        let found = problems(ready_to_submit(
            &budi(),
            &me,
            &a,
            &docs,
            Some(&holder),
            today,
        ));
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn question_pages_have_stable_words() {
    for q in Question::ALL {
        assert_eq!(Question::from_wire(q.as_str()), Some(q));
        assert_ne!(q.title(Lang::Id), q.title(Lang::En));
    }
    assert_eq!(Question::from_wire("nope"), None);
}

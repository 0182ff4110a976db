#![no_main]
//! The claim rules on any record, claimant, answers and day. Input starting with `{` is read as
//! JSON `{"facts", "claimant", "answers", "today"}` (what the API carries); anything else is
//! turned into values byte by byte, which reaches deep rule paths much faster. Whatever comes in,
//! the rules must not panic and must keep their promises.

use klaim_core::api::account::EndReason;
use klaim_core::claim::*;
use klaim_core::*;
use libfuzzer_sys::fuzz_target;

#[path = "common/bytes.rs"]
mod bytes;
use bytes::Bytes;

fuzz_target!(|data: &[u8]| {
    let input = if data.first() == Some(&b'{') {
        from_json(data)
    } else {
        Some(from_bytes(&mut Bytes(data)))
    };
    if let Some((facts, claimant, answers, attached, today)) = input {
        check(&facts, &claimant, &answers, &attached, today);
    }
});

type Input = (ClaimFacts, Claimant, ClaimAnswers, Vec<DocumentKind>, Date);

fn check(
    facts: &ClaimFacts,
    claimant: &Claimant,
    answers: &ClaimAnswers,
    attached: &[DocumentKind],
    today: Date,
) {
    let a = assess(facts, claimant, answers, today);
    if let Some(earliest) = a.earliest_on {
        assert!(earliest >= today);
    }
    assert_eq!(a.blockers.is_empty(), a.earliest_on == Some(today));
    assert!(a.estimate.tax <= a.estimate.lump_sum);
    if answers.programme == Programme::Jkp {
        assert!(a.estimate.monthly.unwrap_or(Rupiah::ZERO) <= Rupiah::from_u64(3_000_000));
        assert!(a.estimate.total.unwrap_or(Rupiah::ZERO) <= Rupiah::from_u64(18_000_000));
        if answers.reason == ClaimReason::Resigned {
            assert!(a.earliest_on.is_none());
        }
    }
    for b in &a.blockers {
        let json = serde_json::to_string(b).unwrap();
        assert_eq!(&serde_json::from_str::<Blocker>(&json).unwrap(), b);
        let _ = (b.message(Lang::Id), b.hint(Lang::En));
    }
    let _ = questions(facts, answers);
    let _ = decision_due(answers.programme, &a.estimate, today);
    let holder = PersonName::parse("Budi Santoso").ok();
    if let Err(problems) =
        ready_to_submit(facts, claimant, answers, attached, holder.as_ref(), today)
    {
        assert!(!problems.is_empty());
        for p in &problems {
            let _ = (p.field(), p.message(Lang::En), p.hint(Lang::Id));
        }
    }
}

fn from_json(data: &[u8]) -> Option<Input> {
    let v: serde_json::Value = serde_json::from_slice(data).ok()?;
    let take = |key: &str| v.get(key).cloned().unwrap_or(serde_json::Value::Null);
    Some((
        serde_json::from_value(take("facts")).ok()?,
        serde_json::from_value(take("claimant")).ok()?,
        serde_json::from_value(take("answers")).ok()?,
        serde_json::from_value(take("attached")).unwrap_or_default(),
        serde_json::from_value(take("today")).ok()?,
    ))
}

impl Bytes<'_> {
    /// A day from 1940 on, over about 120 years.
    fn date(&mut self) -> Date {
        let base = Date::new(1940, 1, 1).unwrap().days_since_epoch();
        Date::from_days_since_epoch(base + i32::from(self.u16() % 44_000)).unwrap()
    }
    fn month(&mut self) -> Month {
        Month::of(self.date())
    }
    fn rupiah(&mut self) -> Rupiah {
        if self.bool() {
            Rupiah::from_u64(u64::from(self.u32()) * 100)
        } else {
            Rupiah::from_u64(u64::from(self.u32()) << 32 | u64::from(self.u32()))
        }
    }
    /// A run of months from a start, with some left out.
    fn months(&mut self) -> Vec<Month> {
        let start = self.month();
        let len = usize::from(self.u8());
        let gaps = self.u32();
        start
            .through(Month::new(9999, 12).unwrap())
            .take(len)
            .enumerate()
            .filter(|(i, _)| gaps >> (i % 32) & 1 == 0)
            .map(|(_, m)| m)
            .collect()
    }
    fn nik(&mut self) -> Nik {
        const NIKS: [&str; 4] = [
            "3171011203900001",
            "3171015505920002",
            "3171010107150003",
            "3273015203900007",
        ];
        Nik::parse(self.pick(&NIKS)).unwrap()
    }
}

fn from_bytes(b: &mut Bytes) -> Input {
    let today = b.date();
    let answers = answers(b);
    let claimant = Claimant {
        name: PersonName::parse("Budi Santoso").unwrap(),
        nik: b.nik(),
        birth_date: b.date(),
    };
    let facts = ClaimFacts {
        name: PersonName::parse("Budi Santoso").unwrap(),
        nik: b.nik(),
        birth_date: b.date(),
        sex: Sex::Male,
        nationality: b.pick(&[Nationality::Wni, Nationality::Wna]),
        deceased_on: b.bool().then(|| b.date()),
        jkn_enrolled: b.bool(),
        memberships: (0..b.count(3)).map(|_| membership(b)).collect(),
        family: (0..b.count(5))
            .map(|_| FamilyFacts {
                relation: b.pick(&[
                    Relation::Spouse,
                    Relation::Child,
                    Relation::Parent,
                    Relation::Sibling,
                    Relation::Grandparent,
                    Relation::Grandchild,
                    Relation::ParentInLaw,
                ]),
                name: PersonName::parse("Anggota Keluarga").unwrap(),
                nik: b.bool().then(|| b.nik()),
                birth_date: b.date(),
            })
            .collect(),
        past_claims: (0..b.count(4))
            .map(|_| PastClaim {
                programme: b.pick(&Programme::ALL),
                reason: b.pick(&ClaimReason::ALL),
                submitted_on: b.date(),
                open: b.bool(),
                paid: b.bool(),
            })
            .collect(),
    };
    let attached = (0..b.count(12))
        .map(|_| b.pick(&DocumentKind::ALL))
        .collect();
    (facts, claimant, answers, attached, today)
}

fn membership(b: &mut Bytes) -> MembershipFacts {
    let kpj = format!("{:011}", b.u32());
    MembershipFacts {
        kpj: Kpj::parse(&kpj).unwrap(),
        jht_balance: b.rupiah(),
        jht_balance_on: b.date(),
        employments: (0..b.count(3))
            .map(|_| EmploymentFacts {
                employer: "PT Contoh".to_owned(),
                started_on: b.date(),
                ended_on: b.bool().then(|| b.date()),
                end_reason: b.pick(&[
                    EndReason::StillActive,
                    EndReason::Resigned,
                    EndReason::Dismissed,
                    EndReason::ContractEnded,
                    EndReason::Retired,
                    EndReason::Died,
                ]),
                membership_active: b.bool(),
            })
            .collect(),
        wages: {
            let wage = b.rupiah();
            b.months()
                .into_iter()
                .map(|month| MonthlyWage { month, wage })
                .collect()
        },
        jp_months: b.months(),
        jkp_months: b.months(),
    }
}

fn answers(b: &mut Bytes) -> ClaimAnswers {
    let mut a = ClaimAnswers::new(b.pick(&Programme::ALL), b.pick(&ClaimReason::ALL));
    a.kpj = b
        .bool()
        .then(|| Kpj::parse(&format!("{:011}", b.u32())).unwrap());
    a.event_on = b.bool().then(|| b.date());
    if b.bool() {
        a.deceased = Some(DeceasedAnswers {
            nik: b.nik(),
            kpj: Kpj::parse("12345678901").unwrap(),
            birth_date: b.date(),
        });
    }
    if b.bool() {
        a.accident = Some(AccidentAnswers {
            happened_on: b.date(),
            place: b.pick(&[
                AccidentPlace::AtWork,
                AccidentPlace::OnTheRoad,
                AccidentPlace::AwayFromWork,
            ]),
            outcome: b.pick(&[
                AccidentOutcome::Recovered,
                AccidentOutcome::Disability,
                AccidentOutcome::Died,
            ]),
            days_unable_to_work: b.u32(),
            medical_costs: b.rupiah(),
            transport: b.bool().then(|| Transport {
                mode: b.pick(&[TransportMode::Land, TransportMode::Sea, TransportMode::Air]),
                cost: b.rupiah(),
            }),
        });
    }
    if b.bool() {
        a.bank_account = Some(BankAccount::parse(Bank::Bri, "123456789012345").unwrap());
    }
    if b.bool() {
        a.npwp = Some(Npwp::parse("3171011203900001").unwrap());
    }
    a
}

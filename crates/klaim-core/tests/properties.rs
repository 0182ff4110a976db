//! Property tests: no parser panics on any input, and every canonical form parses back to the
//! same value (also through JSON).

use klaim_core::forms::membership::{MembershipCheckInput, check_membership};
use klaim_core::*;
use proptest::prelude::*;

/// Anything: arbitrary Unicode, long strings, and near-misses built from the characters the
/// parsers care about.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,300}",
        "[0-9 .,+()\\-]{0,40}",
        "[0-9a-zA-Z@. ,'\\-]{0,80}",
        "(Rp|IDR|\\+62|62|0)?[0-9 .,\\-]{0,30}",
    ]
}

fn today() -> Date {
    Date::new(2026, 11, 24).unwrap()
}

fn json_round_trip<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

/// A string that fails `parse` must also fail to deserialize: the server re-validates JSON.
fn bad_json_fails<T: serde::de::DeserializeOwned>(s: &str) -> bool {
    serde_json::from_str::<T>(&serde_json::to_string(s).unwrap()).is_err()
}

prop_compose! {
    fn valid_nik()(
        province in prop::sample::select(Province::all().map(Province::code).collect::<Vec<_>>()),
        regency in (1u8..=99).prop_filter("70 is never assigned", |r| *r != 70),
        district in 1u8..=99,
        day in 1u8..=28,
        female in any::<bool>(),
        month in 1u8..=12,
        yy in 0u8..=99,
        serial in 1u16..=9999,
    ) -> String {
        let day = if female { day + 40 } else { day };
        format!("{province:02}{regency:02}{district:02}{day:02}{month:02}{yy:02}{serial:04}")
    }
}

proptest! {
    #[test]
    fn no_parser_panics(s in any_text()) {
        let _ = Nik::parse(&s);
        let _ = Kpj::parse(&s);
        let _ = Npwp::parse(&s);
        let _ = PhoneNumber::parse(&s);
        let _ = Email::parse(&s);
        let nik = Nik::parse("3273015203900007").unwrap();
        let name = PersonName::parse("Siti Rahayu").unwrap();
        let personal = PersonalData { nik: Some(&nik), birth_date: Date::new(1990, 3, 12), name: Some(&name) };
        let _ = Password::parse(&s, personal);
        let _ = OneTimeCode::parse(&s);
        let _ = password::checklist(&s, personal);
        let _ = PersonName::parse(&s).map(|n| (n.normalized(), n.masked()));
        let _ = Rupiah::parse(&s);
        let _ = Date::parse_iso(&s);
        let _ = Date::parse_words(&s);
        let _ = Bank::from_code(&s);
        for bank in Bank::all() {
            let _ = BankAccount::parse(*bank, &s).map(|a| a.warnings());
        }
    }

    #[test]
    fn forms_never_panic(parts in prop::collection::vec(any_text(), 7)) {
        let _ = BirthDate::from_parts(&parts[0], &parts[1], &parts[2], today());
        let input = MembershipCheckInput {
            full_name: parts[0].clone(),
            nik: parts[1].clone(),
            kpj: parts[2].clone(),
            birth_day: parts[3].clone(),
            birth_month: parts[4].clone(),
            birth_year: parts[5].clone(),
            phone: parts[6].clone(),
        };
        let _ = check_membership(&input, today());
    }

    #[test]
    fn names_compare_without_panics(a in "[A-Za-zÀ-ÿ' .,\\-]{1,60}", b in "[A-Za-zÀ-ÿ' .,\\-]{1,60}") {
        if let (Ok(a), Ok(b)) = (PersonName::parse(&a), PersonName::parse(&b)) {
            prop_assert_eq!(a.compare(&b), b.compare(&a));
            prop_assert_eq!(a.compare(&a), NameMatch::Same);
        }
    }

    #[test]
    fn nik_round_trip(s in valid_nik(), sep in prop::sample::select(vec!["", " ", ".", "-"])) {
        let nik = Nik::parse(&s).unwrap();
        prop_assert_eq!(nik.as_str(), s.as_str());
        let spaced = format!("{}{sep}{}{sep}{}", &s[..6], &s[6..12], &s[12..]);
        prop_assert_eq!(Nik::parse(&spaced).unwrap(), nik);
        prop_assert_eq!(json_round_trip(&nik), nik);
        let debug = format!("{:?}", nik);
        prop_assert!(!debug.contains(&s[..12]));
        let born = nik.birth_date_on(today());
        prop_assert!(born <= today());
        prop_assert!(nik.check_declared(born, Some(nik.sex()), today()).is_empty());
    }

    #[test]
    fn phone_round_trip(prefix in "8[1-35-9]", rest in "[0-9]{7,10}", style in 0usize..4) {
        let nsn = format!("{prefix}{rest}");
        let typed = [format!("0{nsn}"), format!("+62{nsn}"), format!("62 {nsn}"), nsn.clone()][style].clone();
        let phone = PhoneNumber::parse(&typed).unwrap();
        prop_assert_eq!(phone.e164(), format!("+62{nsn}"));
        prop_assert_eq!(PhoneNumber::parse(&phone.e164()).unwrap(), phone.clone());
        prop_assert_eq!(PhoneNumber::parse(&phone.national()).unwrap(), phone.clone());
        prop_assert_eq!(json_round_trip(&phone), phone);
    }

    #[test]
    fn rupiah_round_trip(n in any::<u64>()) {
        let r = Rupiah::from_u64(n);
        prop_assert_eq!(Rupiah::parse(&r.to_string()).unwrap(), r);
        prop_assert_eq!(Rupiah::parse(&n.to_string()).unwrap(), r);
        prop_assert_eq!(Rupiah::parse(&format!("{},-", r.to_string().trim_start_matches("Rp "))).unwrap(), r);
        prop_assert_eq!(json_round_trip(&r), r);
    }

    #[test]
    fn date_round_trip(days in Date::MIN.days_since_epoch()..=Date::MAX.days_since_epoch()) {
        let d = Date::from_days_since_epoch(days).unwrap();
        prop_assert_eq!(d.days_since_epoch(), days);
        prop_assert_eq!(Date::parse_iso(&d.to_iso()).unwrap(), d);
        prop_assert_eq!(Date::parse_words(&d.format(Lang::Id)).unwrap(), d);
        prop_assert_eq!(Date::parse_words(&d.format(Lang::En)).unwrap(), d);
        prop_assert_eq!(json_round_trip(&d), d);
        if let Some(next) = d.add_days(1) {
            prop_assert!(next > d);
            prop_assert_eq!(d.days_until(next), 1);
        }
    }

    #[test]
    fn kpj_round_trip(s in "[0-9]{10,15}") {
        let k = Kpj::parse(&s).unwrap();
        prop_assert_eq!(Kpj::parse(k.as_str()).unwrap(), k.clone());
        prop_assert_eq!(json_round_trip(&k), k);
    }

    #[test]
    fn npwp_round_trip(old in "[0-9]{15}", with_zero in any::<bool>()) {
        prop_assume!(old.bytes().any(|b| b != b'0'));
        let typed = if with_zero { format!("0{old}") } else { old.clone() };
        let n = Npwp::parse(&typed).unwrap();
        prop_assert_eq!(n.old_15(), Some(old.as_str()));
        prop_assert_eq!(Npwp::parse(n.as_str()).unwrap(), n.clone());
        let reparsed = Npwp::parse(&n.formatted()).unwrap();
        prop_assert_eq!(reparsed.old_15(), Some(old.as_str()));
        prop_assert_eq!(json_round_trip(&n), n);
    }

    #[test]
    fn npwp_from_nik(s in valid_nik()) {
        let n = Npwp::parse(&s).unwrap();
        prop_assert_eq!(n.kind(), NpwpKind::Nik);
        prop_assert!(n.warnings().is_empty());
    }

    #[test]
    fn bank_account_round_trip(i in 0usize..9, number in "[0-9]{6,20}") {
        let bank = Bank::all()[i];
        let a = BankAccount::parse(bank, &number).unwrap();
        prop_assert_eq!(BankAccount::parse(bank, a.number()).unwrap(), a.clone());
        prop_assert_eq!(json_round_trip(&a), a);
    }

    #[test]
    fn email_round_trip(s in "[a-zA-Z0-9._%+\\-]{1,20}@[a-zA-Z0-9\\-]{1,10}\\.[a-zA-Z]{2,6}") {
        if let Ok(e) = Email::parse(&s) {
            prop_assert_eq!(Email::parse(e.as_str()).unwrap(), e.clone());
            prop_assert_eq!(json_round_trip(&e), e);
        }
    }

    #[test]
    fn name_round_trip(s in "[A-Za-zÀ-ÿ' .,\\-]{1,120}") {
        if let Ok(n) = PersonName::parse(&s) {
            prop_assert_eq!(PersonName::parse(n.as_str()).unwrap(), n.clone());
            prop_assert_eq!(json_round_trip(&n), n);
        }
    }

    #[test]
    fn bad_values_do_not_deserialize(s in any_text()) {
        if Nik::parse(&s).is_err() { prop_assert!(bad_json_fails::<Nik>(&s)); }
        if Kpj::parse(&s).is_err() { prop_assert!(bad_json_fails::<Kpj>(&s)); }
        if Npwp::parse(&s).is_err() { prop_assert!(bad_json_fails::<Npwp>(&s)); }
        if PhoneNumber::parse(&s).is_err() { prop_assert!(bad_json_fails::<PhoneNumber>(&s)); }
        if Email::parse(&s).is_err() { prop_assert!(bad_json_fails::<Email>(&s)); }
        if PersonName::parse(&s).is_err() { prop_assert!(bad_json_fails::<PersonName>(&s)); }
        if Rupiah::parse(&s).is_err() { prop_assert!(bad_json_fails::<Rupiah>(&s)); }
        if Date::parse_iso(&s).is_err() { prop_assert!(bad_json_fails::<Date>(&s)); }
    }
}

// ---- Claim rules -----------------------------------------------------------------------------

mod claims {
    use klaim_core::api::account::EndReason;
    use klaim_core::claim::*;
    use klaim_core::*;
    use proptest::prelude::*;

    /// A few valid NIKs: the participant's, family members' and strangers', so heirs match
    /// sometimes.
    const NIKS: [&str; 4] = [
        "3171011203900001",
        "3171015505920002",
        "3171010107150003",
        "3273015203900007",
    ];

    fn nik() -> impl Strategy<Value = Nik> {
        (0..NIKS.len()).prop_map(|i| Nik::parse(NIKS[i]).unwrap())
    }

    /// Any day from 1940 to 2060.
    fn date() -> impl Strategy<Value = Date> {
        let from = Date::new(1940, 1, 1).unwrap().days_since_epoch();
        let to = Date::new(2060, 12, 31).unwrap().days_since_epoch();
        (from..=to).prop_map(|d| Date::from_days_since_epoch(d).unwrap())
    }

    /// Recent days, where the figures change (2015–2035).
    fn recent() -> impl Strategy<Value = Date> {
        let from = Date::new(2015, 1, 1).unwrap().days_since_epoch();
        let to = Date::new(2035, 12, 31).unwrap().days_since_epoch();
        (from..=to).prop_map(|d| Date::from_days_since_epoch(d).unwrap())
    }

    fn month() -> impl Strategy<Value = Month> {
        (2010u16..=2035, 1u8..=12).prop_map(|(y, m)| Month::new(y, m).unwrap())
    }

    fn months() -> impl Strategy<Value = Vec<Month>> {
        prop_oneof![
            prop::collection::btree_set(month(), 0..40).prop_map(|s| s.into_iter().collect()),
            (month(), 0u32..200).prop_map(|(first, n)| first
                .through(Month::new(2040, 1).unwrap())
                .take(n as usize)
                .collect()),
        ]
    }

    fn rupiah() -> impl Strategy<Value = Rupiah> {
        prop_oneof![
            (0u64..200_000_000).prop_map(Rupiah::from_u64),
            any::<u64>().prop_map(Rupiah::from_u64),
        ]
    }

    fn end_reason() -> impl Strategy<Value = EndReason> {
        prop::sample::select(vec![
            EndReason::StillActive,
            EndReason::Resigned,
            EndReason::Dismissed,
            EndReason::ContractEnded,
            EndReason::Retired,
            EndReason::Died,
        ])
    }

    fn employment() -> impl Strategy<Value = EmploymentFacts> {
        (
            recent(),
            prop::option::of(recent()),
            end_reason(),
            any::<bool>(),
        )
            .prop_map(|(started_on, ended_on, end_reason, membership_active)| {
                EmploymentFacts {
                    employer: "PT Contoh".to_owned(),
                    started_on,
                    ended_on,
                    end_reason,
                    membership_active,
                }
            })
    }

    fn membership() -> impl Strategy<Value = MembershipFacts> {
        (
            "[0-9]{11}",
            rupiah(),
            recent(),
            prop::collection::vec(employment(), 0..3),
            prop::collection::vec((month(), rupiah()), 0..30),
            months(),
            months(),
        )
            .prop_map(
                |(kpj, jht_balance, on, employments, wages, jp_months, jkp_months)| {
                    let mut wages: Vec<MonthlyWage> = wages
                        .into_iter()
                        .map(|(month, wage)| MonthlyWage { month, wage })
                        .collect();
                    wages.sort_by_key(|w| w.month);
                    MembershipFacts {
                        kpj: Kpj::parse(&kpj).unwrap(),
                        jht_balance,
                        jht_balance_on: on,
                        employments,
                        wages,
                        jp_months,
                        jkp_months,
                    }
                },
            )
    }

    fn relation() -> impl Strategy<Value = Relation> {
        prop::sample::select(vec![
            Relation::Spouse,
            Relation::Child,
            Relation::Parent,
            Relation::Sibling,
            Relation::Grandparent,
            Relation::Grandchild,
            Relation::ParentInLaw,
        ])
    }

    fn family() -> impl Strategy<Value = FamilyFacts> {
        (relation(), prop::option::of(nik()), date()).prop_map(|(relation, nik, birth_date)| {
            FamilyFacts {
                relation,
                name: PersonName::parse("Anggota Keluarga").unwrap(),
                nik,
                birth_date,
            }
        })
    }

    fn programme() -> impl Strategy<Value = Programme> {
        prop::sample::select(Programme::ALL.to_vec())
    }

    fn reason() -> impl Strategy<Value = ClaimReason> {
        prop::sample::select(ClaimReason::ALL.to_vec())
    }

    fn past_claim() -> impl Strategy<Value = PastClaim> {
        (
            programme(),
            reason(),
            recent(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(programme, reason, submitted_on, open, paid)| PastClaim {
                programme,
                reason,
                submitted_on,
                open,
                paid,
            })
    }

    prop_compose! {
        fn facts()(
            nik in nik(),
            birth_date in date(),
            wna in any::<bool>(),
            deceased_on in prop::option::of(recent()),
            jkn_enrolled in any::<bool>(),
            memberships in prop::collection::vec(membership(), 0..3),
            family in prop::collection::vec(family(), 0..5),
            past_claims in prop::collection::vec(past_claim(), 0..4),
        ) -> ClaimFacts {
            ClaimFacts {
                name: PersonName::parse("Budi Santoso").unwrap(),
                nik,
                birth_date,
                sex: Sex::Male,
                nationality: if wna { Nationality::Wna } else { Nationality::Wni },
                deceased_on,
                jkn_enrolled,
                memberships,
                family,
                past_claims,
            }
        }
    }

    fn accident() -> impl Strategy<Value = AccidentAnswers> {
        (
            date(),
            prop::sample::select(vec![
                AccidentPlace::AtWork,
                AccidentPlace::OnTheRoad,
                AccidentPlace::AwayFromWork,
            ]),
            prop::sample::select(vec![
                AccidentOutcome::Recovered,
                AccidentOutcome::Disability,
                AccidentOutcome::Died,
            ]),
            any::<u32>(),
            rupiah(),
            prop::option::of((
                prop::sample::select(vec![
                    TransportMode::Land,
                    TransportMode::Sea,
                    TransportMode::Air,
                ]),
                rupiah(),
            )),
        )
            .prop_map(
                |(happened_on, place, outcome, days, medical_costs, transport)| AccidentAnswers {
                    happened_on,
                    place,
                    outcome,
                    days_unable_to_work: days,
                    medical_costs,
                    transport: transport.map(|(mode, cost)| Transport { mode, cost }),
                },
            )
    }

    prop_compose! {
        fn answers()(
            programme in programme(),
            reason in reason(),
            kpj in prop::option::of("[0-9]{11}"),
            event_on in prop::option::of(recent()),
            deceased in prop::option::of((nik(), date())),
            accident in prop::option::of(accident()),
            npwp in any::<bool>(),
        ) -> ClaimAnswers {
            let mut a = ClaimAnswers::new(programme, reason);
            a.kpj = kpj.map(|k| Kpj::parse(&k).unwrap());
            a.event_on = event_on;
            a.deceased = deceased.map(|(nik, birth_date)| DeceasedAnswers {
                nik,
                kpj: Kpj::parse("12345678901").unwrap(),
                birth_date,
            });
            a.accident = accident;
            a.bank_account = Some(BankAccount::parse(Bank::Bca, "1234567890").unwrap());
            a.npwp = npwp.then(|| Npwp::parse(NIKS[0]).unwrap());
            a
        }
    }

    fn claimant() -> impl Strategy<Value = Claimant> {
        (nik(), date()).prop_map(|(nik, birth_date)| Claimant {
            name: PersonName::parse("Siti Aminah").unwrap(),
            nik,
            birth_date,
        })
    }

    const JUTA: u64 = 1_000_000;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn assess_keeps_its_promises(facts in facts(), claimant in claimant(), answers in answers(), today in recent()) {
            let a = assess(&facts, &claimant, &answers, today);
            // The earliest day is never in the past, and today exactly when nothing blocks.
            if let Some(earliest) = a.earliest_on {
                prop_assert!(earliest >= today);
            }
            if a.blockers.is_empty() {
                prop_assert_eq!(a.earliest_on, Some(today));
            }
            // A blocker that does not end by itself leaves no day.
            if a.blockers.iter().any(|b| b.ends_on().is_none()) {
                prop_assert_eq!(a.earliest_on, None);
            }
            // Tax is never negative (unsigned) nor more than what is paid.
            prop_assert!(a.estimate.tax <= a.estimate.lump_sum);
            if answers.programme == Programme::Jkp {
                prop_assert!(a.estimate.monthly.unwrap_or(Rupiah::ZERO) <= Rupiah::from_u64(3 * JUTA));
                prop_assert!(a.estimate.total.unwrap_or(Rupiah::ZERO) <= Rupiah::from_u64(18 * JUTA));
                // Never JKP after a resignation, whether chosen or reported by the employer.
                let reported_resigned = facts
                    .memberships
                    .iter()
                    .flat_map(|m| &m.employments)
                    .filter(|e| e.ended_on.is_some())
                    .max_by_key(|e| e.ended_on)
                    .is_some_and(|e| e.end_reason == EndReason::Resigned);
                if answers.reason == ClaimReason::Resigned || reported_resigned {
                    prop_assert!(!a.blockers.is_empty());
                    prop_assert_eq!(a.earliest_on, None);
                }
            }
            // Every blocker travels as JSON and comes back the same.
            for b in &a.blockers {
                let back: Blocker = serde_json::from_str(&serde_json::to_string(b).unwrap()).unwrap();
                prop_assert_eq!(&back, b);
            }
            let _ = questions(&facts, &answers);
            let _ = decision_due(answers.programme, &a.estimate, today);
        }

        #[test]
        fn never_before_the_waiting_period_ends(
            facts in facts(),
            answers in answers(),
            today in recent(),
            dismissed in any::<bool>(),
        ) {
            let mut answers = answers;
            answers.programme = Programme::Jht;
            answers.reason = if dismissed { ClaimReason::Dismissed } else { ClaimReason::Resigned };
            let claimant = Claimant { name: facts.name.clone(), nik: facts.nik, birth_date: facts.birth_date };
            let a = assess(&facts, &claimant, &answers, today);
            if let (Some(earliest), Some(event)) = (a.earliest_on, answers.event_on) {
                prop_assert!(earliest >= event.add_months(1).unwrap());
            }
        }

        #[test]
        fn ready_to_submit_never_panics(
            facts in facts(),
            claimant in claimant(),
            answers in answers(),
            attached in prop::collection::vec(prop::sample::select(DocumentKind::ALL.to_vec()), 0..8),
            holder in prop::option::of("[A-Za-z .']{1,30}"),
            today in recent(),
        ) {
            let holder = holder.and_then(|h| PersonName::parse(&h).ok());
            match ready_to_submit(&facts, &claimant, &answers, &attached, holder.as_ref(), today) {
                Ok(a) => prop_assert!(a.blockers.is_empty()),
                Err(problems) => {
                    prop_assert!(!problems.is_empty());
                    for p in &problems {
                        prop_assert!(!p.message(Lang::Id).is_empty() && !p.hint(Lang::En).is_empty());
                    }
                }
            }
        }

        #[test]
        fn jht_tax_stays_within_the_payment(balance in rupiah(), partial_year in 2010u16..2035, npwp in any::<bool>(), today in recent()) {
            let facts = ClaimFacts {
                memberships: vec![MembershipFacts {
                    kpj: Kpj::parse("12345678901").unwrap(),
                    jht_balance: balance,
                    jht_balance_on: today,
                    employments: vec![],
                    wages: vec![],
                    jp_months: vec![],
                    jkp_months: vec![],
                }],
                past_claims: vec![PastClaim {
                    programme: Programme::Jht,
                    reason: ClaimReason::PartialTenPercent,
                    submitted_on: Date::new(partial_year, 6, 1).unwrap(),
                    open: false,
                    paid: true,
                }],
                ..base_facts()
            };
            let mut answers = ClaimAnswers::new(Programme::Jht, ClaimReason::Resigned);
            answers.npwp = npwp.then(|| Npwp::parse(NIKS[0]).unwrap());
            let claimant = Claimant { name: facts.name.clone(), nik: facts.nik, birth_date: facts.birth_date };
            let a = assess(&facts, &claimant, &answers, today);
            prop_assert_eq!(a.estimate.lump_sum, balance);
            prop_assert!(a.estimate.tax <= balance);
            // At most 35% + 20% of it.
            prop_assert!(u128::from(a.estimate.tax.amount()) * 100 <= u128::from(balance.amount()) * 42);
        }

        #[test]
        fn reference_round_trips_and_catches_every_typo(year in 2000u16..2100, random in any::<u64>(), at in 0usize..16, ch in any::<char>()) {
            let r = Reference::generate(year, random);
            prop_assert_eq!(Reference::parse(r.as_str()), Some(r.clone()));
            prop_assert_eq!(Reference::parse(&r.as_str().to_lowercase()), Some(r.clone()));
            let back: Reference = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
            prop_assert_eq!(&back, &r);
            // Any one character changed: refused, or (case, O for 0, I/L for 1, a dash for a
            // space) the very same reference.
            let mut typed: Vec<char> = r.as_str().chars().collect();
            prop_assume!(typed[at] != ch);
            typed[at] = ch;
            let typed: String = typed.into_iter().collect();
            if let Some(read) = Reference::parse(&typed) {
                prop_assert_eq!(read, r);
            }
        }

        #[test]
        fn decisions_fall_on_working_days(programme in programme(), lump in rupiah(), submitted in recent()) {
            let estimate = Estimate {
                lump_sum: lump,
                monthly: None,
                months: None,
                total: Some(lump),
                tax: Rupiah::ZERO,
                explanation_id: String::new(),
                explanation_en: String::new(),
            };
            let due = decision_due(programme, &estimate, submitted);
            prop_assert!(due > submitted);
            prop_assert!(!due.weekday().is_weekend());
            prop_assert!(submitted.days_until(due) <= 11);
        }
    }

    fn base_facts() -> ClaimFacts {
        ClaimFacts {
            name: PersonName::parse("Budi Santoso").unwrap(),
            nik: Nik::parse(NIKS[0]).unwrap(),
            birth_date: Date::new(1990, 3, 12).unwrap(),
            sex: Sex::Male,
            nationality: Nationality::Wni,
            deceased_on: None,
            jkn_enrolled: true,
            memberships: vec![],
            family: vec![],
            past_claims: vec![],
        }
    }
}

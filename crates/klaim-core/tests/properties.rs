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

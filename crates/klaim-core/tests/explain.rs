//! Every finding the crate can report, checked for the wording rules of DESIGN.md: a stable,
//! unique `area.reason` code, Indonesian and English text that differ, a hint, and never the
//! word "invalid" nor the code itself in the text.

use std::collections::HashSet;

use klaim_core::forms::account::LoginFormError;
use klaim_core::*;

/// One instance per variant. The exhaustive `match` makes adding a variant without an example
/// here a compile error.
macro_rules! every {
    ($ty:ty; $($pat:pat => $example:expr),+ $(,)?) => {{
        #[allow(dead_code)]
        fn exhaustive(e: &$ty) {
            match e {
                $($pat => {})+
            }
        }
        vec![$(Box::new($example) as Box<dyn Explain>),+]
    }};
}

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// One example of each account refusal (the list is exhaustive, see `every!`).
fn account_problems() -> Vec<Box<dyn Explain>> {
    every![AccountProblem;
        AccountProblem::NameDiffers => AccountProblem::NameDiffers,
        AccountProblem::NotInRegistry => AccountProblem::NotInRegistry,
        AccountProblem::AlreadyRegistered => AccountProblem::AlreadyRegistered,
        AccountProblem::NoContact => AccountProblem::NoContact,
        AccountProblem::ChannelUnavailable => AccountProblem::ChannelUnavailable,
        AccountProblem::Expired => AccountProblem::Expired,
        AccountProblem::NoCodeSent => AccountProblem::NoCodeSent,
        AccountProblem::CodeWrong { .. } => AccountProblem::CodeWrong { tries_left: 3 },
        AccountProblem::CodeExpired => AccountProblem::CodeExpired,
        AccountProblem::CodeTriesUsed => AccountProblem::CodeTriesUsed,
        AccountProblem::LoginFailed => AccountProblem::LoginFailed,
        AccountProblem::TooManyAttempts { .. } => AccountProblem::TooManyAttempts { minutes: 15 },
    ]
}

/// One example of each reason a claim cannot be made (yet).
fn blockers() -> Vec<Box<dyn Explain>> {
    use klaim_core::api::account::EndReason;
    use klaim_core::claim::{Blocker, ClaimReason, Relation};
    every![Blocker;
        Blocker::MembershipActive { .. } => Blocker::MembershipActive { employer: "PT Maju Jaya".into() },
        Blocker::WaitingPeriod { .. } => Blocker::WaitingPeriod { until: date(2026, 3, 14) },
        Blocker::PaidFromNextMonth { .. } => Blocker::PaidFromNextMonth { from: date(2026, 12, 1) },
        Blocker::NotYetHappened { .. } => Blocker::NotYetHappened { on: date(2026, 12, 15) },
        Blocker::NotAMember => Blocker::NotAMember,
        Blocker::ReasonNotOffered => Blocker::ReasonNotOffered,
        Blocker::BelowAge { .. } => Blocker::BelowAge { age: 56, reached_on: date(2046, 3, 12) },
        Blocker::ForeignNationalsOnly => Blocker::ForeignNationalsOnly,
        Blocker::CitizensOnly => Blocker::CitizensOnly,
        Blocker::JkpOnlyAfterDismissal { .. } => Blocker::JkpOnlyAfterDismissal { reason: ClaimReason::Resigned },
        Blocker::JkpEmployerReported { .. } => Blocker::JkpEmployerReported { end_reason: EndReason::Resigned },
        Blocker::JknNotEnrolled => Blocker::JknNotEnrolled,
        Blocker::JkpTooOldAtRegistration { .. } => Blocker::JkpTooOldAtRegistration { registered_on: date(2015, 1, 5) },
        Blocker::JkpFewContributions { .. } => Blocker::JkpFewContributions { months: 10 },
        Blocker::JkpGapBeforePhk { .. } => Blocker::JkpGapBeforePhk { missing: Month::new(2026, 6).unwrap() },
        Blocker::JkpDeadlinePassed { .. } => Blocker::JkpDeadlinePassed { deadline: date(2026, 9, 30) },
        Blocker::JkpNewEmployment { .. } => Blocker::JkpNewEmployment { employer: "CV Baru".into() },
        Blocker::JkpRepeatTooSoon { .. } => Blocker::JkpRepeatTooSoon { months: 43 },
        Blocker::JkpClaimsUsedUp => Blocker::JkpClaimsUsedUp,
        Blocker::PartialMembershipTooShort { .. } => Blocker::PartialMembershipTooShort { reached_on: date(2030, 2, 1) },
        Blocker::PartialNeedsActiveMembership => Blocker::PartialNeedsActiveMembership,
        Blocker::PartialAlreadyTaken { .. } => Blocker::PartialAlreadyTaken { submitted_on: date(2025, 3, 1) },
        Blocker::NotDeceased => Blocker::NotDeceased,
        Blocker::NotAnHeir => Blocker::NotAnHeir,
        Blocker::CloserHeirExists { .. } => Blocker::CloserHeirExists { relation: Relation::Spouse },
        Blocker::JpHeirNotEntitled => Blocker::JpHeirNotEntitled,
        Blocker::JpNotOnResignation => Blocker::JpNotOnResignation,
        Blocker::JkkLapsed { .. } => Blocker::JkkLapsed { lapsed_on: date(2026, 1, 10) },
        Blocker::AccidentOutcomeMismatch => Blocker::AccidentOutcomeMismatch,
        Blocker::ClaimPending { .. } => Blocker::ClaimPending { submitted_on: date(2026, 11, 1) },
    ]
}

/// One example of each reason a claim cannot be submitted as it stands.
fn claim_problems() -> Vec<Box<dyn Explain>> {
    use klaim_core::claim::{Blocker, ClaimProblem, DocumentKind, Question};
    every![ClaimProblem;
        ClaimProblem::Blocked(_) => ClaimProblem::Blocked(Blocker::NotAMember),
        ClaimProblem::Unanswered(_) => ClaimProblem::Unanswered(Question::BankAccount),
        ClaimProblem::KpjNotOwn => ClaimProblem::KpjNotOwn,
        ClaimProblem::EventInFuture => ClaimProblem::EventInFuture,
        ClaimProblem::DeceasedNotParticipant => ClaimProblem::DeceasedNotParticipant,
        ClaimProblem::DeceasedBirthDateDiffers { .. } => ClaimProblem::DeceasedBirthDateDiffers { in_nik: date(1990, 3, 12), declared: date(1990, 3, 13) },
        ClaimProblem::AccidentDatesOutOfOrder => ClaimProblem::AccidentDatesOutOfOrder,
        ClaimProblem::DocumentMissing(_) => ClaimProblem::DocumentMissing(DocumentKind::Ktp),
        ClaimProblem::PhkProofMissing => ClaimProblem::PhkProofMissing,
        ClaimProblem::BankHolderNotChecked => ClaimProblem::BankHolderNotChecked,
        ClaimProblem::BankHolderDiffers { .. } => ClaimProblem::BankHolderDiffers { grade: NameMatch::Similar },
    ]
    .into_iter()
    .chain([Box::new(ClaimProblem::BankHolderDiffers { grade: NameMatch::Different }) as Box<dyn Explain>])
    .collect()
}

fn all_findings() -> Vec<Box<dyn Explain>> {
    let mut all = Vec::new();
    all.extend(every![DateError;
        DateError::Empty => DateError::Empty,
        DateError::Format => DateError::Format,
        DateError::Impossible => DateError::Impossible,
        DateError::OutOfRange => DateError::OutOfRange,
    ]);
    all.extend(every![BirthDateError;
        BirthDateError::Missing => BirthDateError::Missing,
        BirthDateError::MissingDay => BirthDateError::MissingDay,
        BirthDateError::MissingMonth => BirthDateError::MissingMonth,
        BirthDateError::MissingYear => BirthDateError::MissingYear,
        BirthDateError::NotNumbers => BirthDateError::NotNumbers,
        BirthDateError::YearFourDigits => BirthDateError::YearFourDigits,
        BirthDateError::Impossible { .. } => BirthDateError::Impossible { day: 31, month: 2, year: 1990 },
        BirthDateError::InFuture { .. } => BirthDateError::InFuture { date: date(2030, 1, 1) },
        BirthDateError::TooOld { .. } => BirthDateError::TooOld { year: 1850 },
    ]);
    all.extend(every![NikError;
        NikError::Empty => NikError::Empty,
        NikError::NotDigits => NikError::NotDigits,
        NikError::Length { .. } => NikError::Length { typed: 15 },
        NikError::Province { .. } => NikError::Province { code: 20 },
        NikError::Regency { .. } => NikError::Regency { code: 70 },
        NikError::District => NikError::District,
        NikError::BirthDay { .. } => NikError::BirthDay { digits: 35 },
        NikError::BirthMonth { .. } => NikError::BirthMonth { digits: 13 },
        NikError::BirthDateImpossible { .. } => NikError::BirthDateImpossible { day: 31, month: 2, year_2: 90 },
        NikError::Serial => NikError::Serial,
    ]);
    all.extend(every![NikMismatch;
        NikMismatch::DeclaredInFuture { .. } => NikMismatch::DeclaredInFuture { declared: date(2030, 1, 1) },
        NikMismatch::BirthDateDiffers { .. } => NikMismatch::BirthDateDiffers { in_nik: date(1990, 3, 13), declared: date(1990, 3, 12) },
        NikMismatch::SexDiffers { .. } => NikMismatch::SexDiffers { in_nik: Sex::Female, declared: Sex::Male, nik_day_digits: 52 },
    ]);
    all.push(Box::new(NikMismatch::SexDiffers {
        in_nik: Sex::Male,
        declared: Sex::Female,
        nik_day_digits: 12,
    }));
    all.extend(every![LoginFormError;
        LoginFormError::LoginEmpty => LoginFormError::LoginEmpty,
        LoginFormError::PasswordEmpty => LoginFormError::PasswordEmpty,
        LoginFormError::PasswordTooLong => LoginFormError::PasswordTooLong,
    ]);
    all.extend(account_problems());
    all.extend(blockers());
    // `Blocked` speaks with its blocker's code and words (listed above), so it is left out here.
    all.extend(
        claim_problems()
            .into_iter()
            .filter(|p| blockers().iter().all(|b| b.code() != p.code())),
    );
    all.extend(every![OneTimeCodeError;
        OneTimeCodeError::Empty => OneTimeCodeError::Empty,
        OneTimeCodeError::NotDigits => OneTimeCodeError::NotDigits,
        OneTimeCodeError::Length { .. } => OneTimeCodeError::Length { typed: 5 },
    ]);
    all.extend(every![PasswordError;
        PasswordError::Empty => PasswordError::Empty,
        PasswordError::TooShort { .. } => PasswordError::TooShort { typed: 6 },
        PasswordError::TooLong => PasswordError::TooLong,
        PasswordError::Common => PasswordError::Common,
        PasswordError::ContainsNik => PasswordError::ContainsNik,
        PasswordError::ContainsBirthDate => PasswordError::ContainsBirthDate,
        PasswordError::ContainsName => PasswordError::ContainsName,
    ]);
    all.extend(every![KpjError;
        KpjError::Empty => KpjError::Empty,
        KpjError::NotDigits => KpjError::NotDigits,
        KpjError::TooShort { .. } => KpjError::TooShort { typed: 9 },
        KpjError::TooLong { .. } => KpjError::TooLong { typed: 16 },
    ]);
    all.extend(every![KpjWarning; KpjWarning::UnusualLength { .. } => KpjWarning::UnusualLength { typed: 10 }]);
    all.extend(every![NpwpError;
        NpwpError::Empty => NpwpError::Empty,
        NpwpError::NotDigits => NpwpError::NotDigits,
        NpwpError::Length { .. } => NpwpError::Length { typed: 14 },
        NpwpError::NotNik => NpwpError::NotNik,
        NpwpError::AllZeros => NpwpError::AllZeros,
    ]);
    all.extend(every![NpwpWarning; NpwpWarning::ChecksumMismatch => NpwpWarning::ChecksumMismatch]);
    all.extend(every![PhoneError;
        PhoneError::Empty => PhoneError::Empty,
        PhoneError::NotDigits => PhoneError::NotDigits,
        PhoneError::NotMobile => PhoneError::NotMobile,
        PhoneError::TooShort { .. } => PhoneError::TooShort { typed: 9 },
        PhoneError::TooLong { .. } => PhoneError::TooLong { typed: 14 },
        PhoneError::ForeignCountry => PhoneError::ForeignCountry,
    ]);
    all.extend(every![EmailError;
        EmailError::Empty => EmailError::Empty,
        EmailError::Spaces => EmailError::Spaces,
        EmailError::MissingAt => EmailError::MissingAt,
        EmailError::SeveralAt => EmailError::SeveralAt,
        EmailError::LocalEmpty => EmailError::LocalEmpty,
        EmailError::LocalTooLong => EmailError::LocalTooLong,
        EmailError::LocalCharacters => EmailError::LocalCharacters,
        EmailError::DomainEmpty => EmailError::DomainEmpty,
        EmailError::DomainNoDot => EmailError::DomainNoDot,
        EmailError::DomainCharacters => EmailError::DomainCharacters,
        EmailError::TopLevel => EmailError::TopLevel,
        EmailError::TooLong => EmailError::TooLong,
    ]);
    all.extend(every![NameError;
        NameError::Empty => NameError::Empty,
        NameError::Digits => NameError::Digits,
        NameError::Character { .. } => NameError::Character { ch: '@' },
        NameError::NoLetters => NameError::NoLetters,
        NameError::TooLong { .. } => NameError::TooLong { chars: 120 },
    ]);
    all.extend(every![BankAccountError;
        BankAccountError::Empty => BankAccountError::Empty,
        BankAccountError::NotDigits => BankAccountError::NotDigits,
        BankAccountError::TooShort { .. } => BankAccountError::TooShort { typed: 5 },
        BankAccountError::TooLong { .. } => BankAccountError::TooLong { typed: 21 },
    ]);
    all.push(Box::new(UnknownBank));
    all.extend(every![BankAccountWarning;
        BankAccountWarning::UnusualLength { .. } => BankAccountWarning::UnusualLength { bank: Bank::Bca, expected: 10..=10, typed: 12 },
    ]);
    all.extend(every![RupiahError;
        RupiahError::Empty => RupiahError::Empty,
        RupiahError::Negative => RupiahError::Negative,
        RupiahError::NotDigits => RupiahError::NotDigits,
        RupiahError::Decimals => RupiahError::Decimals,
        RupiahError::Grouping => RupiahError::Grouping,
        RupiahError::TooLarge => RupiahError::TooLarge,
    ]);
    all.extend(every![DocumentError;
        DocumentError::Empty => DocumentError::Empty,
        DocumentError::TooLarge { .. } => DocumentError::TooLarge { bytes: 7 * 1024 * 1024 },
        DocumentError::UnsupportedType { .. } => DocumentError::UnsupportedType { found: klaim_core::document::Detected::Heic },
        DocumentError::Truncated => DocumentError::Truncated,
        DocumentError::Corrupt => DocumentError::Corrupt,
        DocumentError::EncryptedPdf => DocumentError::EncryptedPdf,
        DocumentError::ImageTooSmall { .. } => DocumentError::ImageTooSmall { width: 100, height: 80 },
        DocumentError::Polyglot => DocumentError::Polyglot,
        DocumentError::TrailingData => DocumentError::TrailingData,
    ]);
    all
}

fn code_shape_ok(code: &str) -> bool {
    // ^[a-z_]+\.[a-z_]+$
    let mut parts = code.split('.');
    let ok = |p: Option<&str>| {
        p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
    };
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

#[test]
fn every_finding_follows_the_wording_rules() {
    let all = all_findings();
    for f in &all {
        let code = f.code();
        assert!(
            code_shape_ok(code),
            "{code}: code must match ^[a-z_]+\\.[a-z_]+$"
        );
        let texts = [
            f.message(Lang::Id),
            f.message(Lang::En),
            f.hint(Lang::Id),
            f.hint(Lang::En),
        ];
        for t in &texts {
            assert!(!t.trim().is_empty(), "{code}: empty text");
            let lower = t.to_lowercase();
            assert!(
                !lower.contains("invalid") && !lower.contains("tidak valid"),
                "{code}: {t}"
            );
            assert!(
                !t.contains(code),
                "{code}: the code must not be shown as text"
            );
            assert!(
                !lower.contains("error") && !lower.contains("regex"),
                "{code}: jargon in {t}"
            );
        }
        assert_ne!(texts[0], texts[1], "{code}: the message must be translated");
        assert_ne!(texts[2], texts[3], "{code}: the hint must be translated");
    }
}

#[test]
fn codes_are_unique_across_the_crate() {
    let all = all_findings();
    let mut seen = HashSet::new();
    // SexDiffers is listed twice on purpose (both directions); every other code once.
    let codes: Vec<&str> = all
        .iter()
        .map(|f| f.code())
        .filter(|c| *c != "nik.sex_differs")
        .collect();
    for code in &codes {
        assert!(seen.insert(*code), "{code} is used by two variants");
    }
    assert!(
        codes.len() >= 70,
        "expected every variant, found {}",
        codes.len()
    );
}

#[test]
fn warnings_are_warnings_and_errors_are_errors() {
    for f in all_findings() {
        let warning_code = matches!(
            f.code(),
            "kpj.unusual_length"
                | "npwp.checksum"
                | "bank_account.unusual_length"
                | "nik.birth_date_differs"
                | "nik.sex_differs"
        );
        let expected = if warning_code {
            Severity::Warning
        } else {
            Severity::Error
        };
        assert_eq!(f.severity(), expected, "{}", f.code());
    }
}

#[test]
fn display_is_code_and_english_message() {
    assert_eq!(
        NikError::Serial.to_string(),
        "nik.serial: The last four digits of a NIK cannot be 0000"
    );
    let f = Finding::of(Some("nik"), &NikError::Serial);
    assert_eq!(
        f.message(Lang::Id),
        "Empat angka terakhir NIK tidak boleh 0000"
    );
    assert!(f.hint(Lang::En).contains("Dukcapil"));
    assert!(f.is_error());
}

#[test]
fn finding_debug_output_never_carries_the_message() {
    // Messages may quote personal data ("NIK Anda menunjukkan tanggal lahir 12 Maret 1990"), and
    // Debug output reaches logs.
    let nik = klaim_core::nik::Nik::parse("3273015203900007").unwrap();
    let today = klaim_core::date::Date::new(2026, 11, 24).unwrap();
    let declared = klaim_core::date::Date::new(1990, 3, 13).unwrap();
    let mismatch = nik.check_declared(declared, None, today).remove(0);
    let finding = klaim_core::message::Finding::of(Some("nik"), &mismatch);
    let debug = format!("{finding:?}");
    assert!(debug.contains("nik.birth_date_differs"), "{debug}");
    assert!(
        !debug.contains("1990") && !debug.contains("Maret"),
        "{debug}"
    );
}

#[test]
fn every_account_refusal_reads_back_from_its_code() {
    for problem in account_problems() {
        let read = AccountProblem::from_code(problem.code());
        assert_eq!(read.map(|p| p.code()), Some(problem.code()));
    }
    assert_eq!(AccountProblem::from_code("nik.length"), None);
}

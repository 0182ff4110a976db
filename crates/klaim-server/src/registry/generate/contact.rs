//! Made-up employers and contact details: operator prefixes for phones, reserved example domains
//! for e-mail, bank accounts of the usual length in the person's own name.

use klaim_core::{Bank, BankAccount, Email, PersonName, PhoneNumber};

use super::names::{EMPLOYER_TRADES, EMPLOYER_WORDS};
use super::rng::Rng;
use crate::registry::model::BankAccountRecord;

pub(super) fn employer(rng: &mut Rng) -> String {
    let form = if rng.chance(80) { "PT" } else { "CV" };
    let first = rng.pick(EMPLOYER_WORDS);
    let mut second = rng.pick(EMPLOYER_WORDS);
    while second == first {
        second = rng.pick(EMPLOYER_WORDS);
    }
    format!("{form} {first} {second} {}", rng.pick(EMPLOYER_TRADES))
}

/// Mobile prefixes of the Indonesian operators, then 7–8 more digits.
pub(super) fn phone(rng: &mut Rng) -> PhoneNumber {
    const PREFIXES: &[&str] = &[
        "0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853", "0814", "0815",
        "0816", "0855", "0856", "0857", "0858", "0817", "0818", "0819", "0859", "0877", "0878",
        "0895", "0896", "0897", "0898", "0899", "0881", "0882", "0883", "0887", "0888", "0831",
        "0832", "0833", "0838",
    ];
    loop {
        let rest = if rng.chance(50) {
            format!("{:07}", rng.below(10_000_000))
        } else {
            format!("{:08}", rng.below(100_000_000))
        };
        if let Ok(phone) = PhoneNumber::parse(&format!("{}{rest}", rng.pick(PREFIXES))) {
            return phone;
        }
    }
}

/// At the reserved example domains (RFC 2606): synthetic people must never be mailed.
pub(super) fn email(rng: &mut Rng, name: &PersonName) -> Email {
    let words: Vec<String> = name
        .as_str()
        .split(' ')
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| w.len() > 1)
        .collect();
    let local = match words.as_slice() {
        [] => "peserta".to_owned(),
        [only] => format!("{only}{}", rng.between(10, 99)),
        [first, .., last] if rng.chance(50) => format!("{first}.{last}"),
        [first, .., last] => format!("{first}{last}{}", rng.between(1, 99)),
    };
    let domain = rng.pick(&["example.com", "example.net", "example.org"]);
    Email::parse(&format!("{local}@{domain}")).unwrap_or_else(|_| {
        Email::parse("peserta@example.com").unwrap_or_else(|_| unreachable!("a plain address"))
    })
}

/// An account in the person's own name, written as banks print it (capitals).
pub(super) fn own_account(rng: &mut Rng, name: &PersonName) -> BankAccountRecord {
    let bank = *rng.pick(Bank::all());
    let digits = usize::from(*bank.typical_lengths().start());
    loop {
        let number: String = std::iter::once(char::from(b'1' + rng.below(9) as u8))
            .chain((1..digits).map(|_| char::from(b'0' + rng.below(10) as u8)))
            .collect();
        let holder = PersonName::parse(&name.as_str().to_uppercase());
        if let (Ok(account), Ok(holder)) = (BankAccount::parse(bank, &number), holder) {
            return BankAccountRecord { account, holder };
        }
    }
}

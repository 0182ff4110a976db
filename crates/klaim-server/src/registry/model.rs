//! What the registry knows about a participant, as validated values: every identifier is a
//! klaim-core type, so a [`Person`] that exists passed the same checks the app runs.

use klaim_core::{BankAccount, Date, Email, Kpj, Nik, PersonName, PhoneNumber, Rupiah, Sex};

/// The registry's words for these are klaim-core's types: the claim rules read them unchanged.
/// Citizenship: JKP is for Indonesian citizens only; leaving Indonesia (JHT) for foreigners only.
pub use klaim_core::api::account::EndReason;
pub use klaim_core::claim::{Nationality, Relation};

/// One participant with everything recorded about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub nik: Nik,
    pub name: PersonName,
    pub birth_date: Date,
    pub sex: Sex,
    pub nationality: Nationality,
    pub deceased_on: Option<Date>,
    pub phone: Option<PhoneNumber>,
    pub email: Option<Email>,
    /// Enrolled in JKN (BPJS Kesehatan): a condition of JKP.
    pub jkn_enrolled: bool,
    /// The first is the primary KPJ, into which balances are merged.
    pub kpjs: Vec<KpjRecord>,
    pub bank_accounts: Vec<BankAccountRecord>,
    pub family: Vec<FamilyMember>,
}

impl Person {
    pub fn primary_kpj(&self) -> Option<&Kpj> {
        self.kpjs.first().map(|k| &k.kpj)
    }

    /// All JHT balances together (what a merge of the KPJs would give).
    pub fn jht_total(&self) -> Rupiah {
        self.kpjs.iter().fold(Rupiah::ZERO, |sum, k| {
            sum.checked_add(k.jht_balance).unwrap_or(sum)
        })
    }

    pub fn employments(&self) -> impl Iterator<Item = &Employment> {
        self.kpjs.iter().flat_map(|k| k.employments.iter())
    }
}

/// A membership number with what was paid under it (one KPJ per employer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KpjRecord {
    pub kpj: Kpj,
    pub jht_balance: Rupiah,
    pub jht_balance_on: Date,
    pub employments: Vec<Employment>,
    /// Reported monthly wages, by month.
    pub wages: Vec<(Month, Rupiah)>,
    /// Months with a JP (pension) contribution, ascending.
    pub jp_months: Vec<Month>,
    /// Months with a JKP (job-loss) contribution, ascending.
    pub jkp_months: Vec<Month>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employment {
    pub employer: String,
    pub started_on: Date,
    /// `None` while still employed.
    pub ended_on: Option<Date>,
    pub end_reason: EndReason,
    pub membership: Membership,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankAccountRecord {
    pub account: BankAccount,
    /// What the bank's account-name inquiry would answer.
    pub holder: PersonName,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FamilyMember {
    pub relation: Relation,
    pub name: PersonName,
    pub nik: Option<Nik>,
    pub birth_date: Date,
}

/// A fixed set of words, read from CSV and stored as text.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every value with its word, in the order the documentation lists them.
    const ALL: &'static [(Self, &'static str)];

    fn word(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map(|(_, w)| *w)
            .unwrap_or_default()
    }

    /// Case-insensitive; surrounding spaces ignored.
    fn from_word(word: &str) -> Option<Self> {
        let word = word.trim();
        Self::ALL
            .iter()
            .find(|(_, w)| w.eq_ignore_ascii_case(word))
            .map(|(v, _)| *v)
    }

    /// "a, b, c" for messages.
    fn words() -> String {
        let words: Vec<&str> = Self::ALL.iter().map(|(_, w)| *w).collect();
        words.join(", ")
    }
}

impl Choice for Nationality {
    const ALL: &'static [(Self, &'static str)] =
        &[(Nationality::Wni, "WNI"), (Nationality::Wna, "WNA")];
}

impl Choice for EndReason {
    const ALL: &'static [(Self, &'static str)] = &[
        (EndReason::StillActive, "still_active"),
        (EndReason::Resigned, "resigned"),
        (EndReason::Dismissed, "dismissed"),
        (EndReason::ContractEnded, "contract_ended"),
        (EndReason::Retired, "retired"),
        (EndReason::Died, "died"),
    ];
}

/// Whether the employer has deactivated the membership (claims need it non-active).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Membership {
    Active,
    NonActive,
}

impl Choice for Membership {
    const ALL: &'static [(Self, &'static str)] = &[
        (Membership::Active, "active"),
        (Membership::NonActive, "non_active"),
    ];
}

impl Choice for Relation {
    const ALL: &'static [(Self, &'static str)] = &[
        (Relation::Spouse, "spouse"),
        (Relation::Child, "child"),
        (Relation::Parent, "parent"),
        (Relation::Sibling, "sibling"),
        (Relation::Grandparent, "grandparent"),
        (Relation::Grandchild, "grandchild"),
        (Relation::ParentInLaw, "parent_in_law"),
    ];
}

/// Yes/no columns (`jkn`).
impl Choice for bool {
    const ALL: &'static [(Self, &'static str)] = &[(true, "yes"), (false, "no")];
}

impl Choice for Sex {
    const ALL: &'static [(Self, &'static str)] = &[(Sex::Male, "male"), (Sex::Female, "female")];
}

/// Contribution and wage months are klaim-core's, shared with the claim rules.
pub use klaim_core::Month;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_their_words_in_any_case() {
        assert_eq!(Nationality::from_word(" wna "), Some(Nationality::Wna));
        assert_eq!(EndReason::from_word("PHK"), None);
        assert_eq!(EndReason::Dismissed.word(), "dismissed");
        assert_eq!(Sex::words(), "male, female");
        assert_eq!(
            Relation::from_word("parent_in_law"),
            Some(Relation::ParentInLaw)
        );
    }
}

//! Banks that pay claims, by their national transfer code, and account numbers at them.
//!
//! domain.md §3: transfer codes and typical account lengths. Lengths are soft (banks change
//! formats; virtual and older accounts differ); only the bank's own account-name inquiry is
//! authoritative.

use core::fmt;
use core::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::text::{mask_tail, strip_separators};
use crate::{Explain, Lang, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Bank {
    Bri,
    Mandiri,
    Bni,
    Danamon,
    Permata,
    Bca,
    CimbNiaga,
    Btn,
    Bsi,
}

/// Code, short name, full name, typical account digits. domain.md §3.
const CATALOGUE: [(Bank, &str, &str, &str, RangeInclusive<u8>); 9] = [
    (Bank::Bri, "002", "BRI", "Bank Rakyat Indonesia", 15..=15),
    (Bank::Mandiri, "008", "Mandiri", "Bank Mandiri", 13..=13),
    (Bank::Bni, "009", "BNI", "Bank Negara Indonesia", 10..=10),
    (
        Bank::Danamon,
        "011",
        "Danamon",
        "Bank Danamon Indonesia",
        10..=10,
    ),
    (Bank::Permata, "013", "Permata", "Bank Permata", 10..=16),
    (Bank::Bca, "014", "BCA", "Bank Central Asia", 10..=10),
    (
        Bank::CimbNiaga,
        "022",
        "CIMB Niaga",
        "Bank CIMB Niaga",
        13..=13,
    ),
    (Bank::Btn, "200", "BTN", "Bank Tabungan Negara", 16..=16),
    (Bank::Bsi, "451", "BSI", "Bank Syariah Indonesia", 10..=10),
];

const ALL: [Bank; 9] = [
    Bank::Bri,
    Bank::Mandiri,
    Bank::Bni,
    Bank::Danamon,
    Bank::Permata,
    Bank::Bca,
    Bank::CimbNiaga,
    Bank::Btn,
    Bank::Bsi,
];

/// Account numbers outside this are refused outright; inside it but unusual for the bank, warned.
pub const ACCOUNT_DIGITS: RangeInclusive<usize> = 6..=20;

impl Bank {
    /// In transfer-code order.
    pub fn all() -> &'static [Bank] {
        &ALL
    }

    fn entry(
        self,
    ) -> &'static (
        Bank,
        &'static str,
        &'static str,
        &'static str,
        RangeInclusive<u8>,
    ) {
        &CATALOGUE[self as usize]
    }

    /// Three-digit transfer code, e.g. "002".
    pub fn code(self) -> &'static str {
        self.entry().1
    }

    /// The name people use ("BRI", "Mandiri").
    pub fn name(self) -> &'static str {
        self.entry().2
    }

    pub fn full_name(self) -> &'static str {
        self.entry().3
    }

    /// Reads a transfer code; spaces are ignored and leading zeros may be left out ("14" = BCA).
    pub fn from_code(code: &str) -> Option<Bank> {
        let code = strip_separators(code);
        let padded = format!("{code:0>3}");
        ALL.into_iter().find(|b| b.code() == padded)
    }

    /// Account number lengths usual at this bank (soft).
    pub fn typical_lengths(self) -> RangeInclusive<u8> {
        self.entry().4.clone()
    }
}

impl fmt::Display for Bank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not one of the bank codes Klaim knows")]
pub struct UnknownBank;

impl Explain for UnknownBank {
    fn code(&self) -> &'static str {
        "bank.unknown"
    }

    fn message(&self, lang: Lang) -> String {
        lang.pick(
            "Bank ini tidak ada dalam daftar bank Klaim",
            "This bank is not in Klaim's list of banks",
        )
        .into()
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Pilih bank Anda dari daftar",
            "Choose your bank from the list",
        )
        .into()
    }
}

impl TryFrom<String> for Bank {
    type Error = UnknownBank;
    fn try_from(s: String) -> Result<Bank, UnknownBank> {
        Bank::from_code(&s).ok_or(UnknownBank)
    }
}

impl From<Bank> for String {
    fn from(b: Bank) -> String {
        b.code().to_owned()
    }
}

/// An account number at a bank. Serialises as `{ "bank": "014", "number": "1234567890" }`.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "BankAccountJson", into = "BankAccountJson")]
pub struct BankAccount {
    bank: Bank,
    number: String,
}

// The account on the wire, read before `BankAccount::parse` checks the number. Public only for
// the API document (the `openapi` feature), where it is the `BankAccount` schema.
/// A bank account: the bank's transfer code and the account number at that bank.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BankAccount))]
pub struct BankAccountJson {
    /// The bank's transfer code, e.g. `014` (BCA); leading zeros may be left out.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    bank: Bank,
    /// Digits; spaces, dots and dashes are ignored.
    number: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum BankAccountError {
    Empty,
    NotDigits,
    TooShort { typed: usize },
    TooLong { typed: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BankAccountWarning {
    /// Outside the bank's usual number of digits.
    UnusualLength {
        bank: Bank,
        expected: RangeInclusive<u8>,
        typed: usize,
    },
}

impl BankAccount {
    pub fn parse(bank: Bank, number: &str) -> Result<BankAccount, BankAccountError> {
        let number = strip_separators(number);
        if number.is_empty() {
            return Err(BankAccountError::Empty);
        }
        if !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BankAccountError::NotDigits);
        }
        let typed = number.len();
        if typed < *ACCOUNT_DIGITS.start() {
            return Err(BankAccountError::TooShort { typed });
        }
        if typed > *ACCOUNT_DIGITS.end() {
            return Err(BankAccountError::TooLong { typed });
        }
        Ok(BankAccount { bank, number })
    }

    pub fn bank(&self) -> Bank {
        self.bank
    }

    pub fn number(&self) -> &str {
        &self.number
    }

    pub fn warnings(&self) -> Vec<BankAccountWarning> {
        let expected = self.bank.typical_lengths();
        let typed = self.number.len();
        let usual = u8::try_from(typed).is_ok_and(|n| expected.contains(&n));
        if usual {
            vec![]
        } else {
            vec![BankAccountWarning::UnusualLength {
                bank: self.bank,
                expected,
                typed,
            }]
        }
    }

    /// `******7890`.
    pub fn masked(&self) -> String {
        mask_tail(&self.number, 4)
    }
}

impl fmt::Debug for BankAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BankAccount({} {})", self.bank.name(), self.masked())
    }
}

impl TryFrom<BankAccountJson> for BankAccount {
    type Error = BankAccountError;
    fn try_from(j: BankAccountJson) -> Result<BankAccount, BankAccountError> {
        BankAccount::parse(j.bank, &j.number)
    }
}

impl From<BankAccount> for BankAccountJson {
    fn from(a: BankAccount) -> BankAccountJson {
        BankAccountJson {
            bank: a.bank,
            number: a.number,
        }
    }
}

const WHERE_TO_FIND: (&str, &str) = (
    "Nomor rekening ada di buku tabungan atau di aplikasi bank Anda",
    "The account number is in your savings book or your bank's app",
);

impl Explain for BankAccountError {
    fn code(&self) -> &'static str {
        match self {
            BankAccountError::Empty => "bank_account.empty",
            BankAccountError::NotDigits => "bank_account.not_digits",
            BankAccountError::TooShort { .. } => "bank_account.too_short",
            BankAccountError::TooLong { .. } => "bank_account.too_long",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            BankAccountError::Empty => lang
                .pick("Masukkan nomor rekening Anda", "Enter your account number")
                .into(),
            BankAccountError::NotDigits => lang
                .pick(
                    "Nomor rekening hanya berisi angka",
                    "An account number contains only digits",
                )
                .into(),
            BankAccountError::TooShort { typed } => lang.pick(
                format!("Nomor rekening paling sedikit 6 angka; yang tertulis {typed} angka"),
                format!("An account number has at least 6 digits; this one has {typed}"),
            ),
            BankAccountError::TooLong { typed } => lang.pick(
                format!("Nomor rekening paling banyak 20 angka; yang tertulis {typed} angka"),
                format!("An account number has at most 20 digits; this one has {typed}"),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(WHERE_TO_FIND.0, WHERE_TO_FIND.1).to_owned()
    }
}

fn lengths_text(r: &RangeInclusive<u8>, lang: Lang) -> String {
    if r.start() == r.end() {
        r.start().to_string()
    } else {
        format!("{}{}{}", r.start(), lang.pick(" sampai ", " to "), r.end())
    }
}

impl Explain for BankAccountWarning {
    fn code(&self) -> &'static str {
        match self {
            BankAccountWarning::UnusualLength { .. } => "bank_account.unusual_length",
        }
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            BankAccountWarning::UnusualLength {
                bank,
                expected,
                typed,
            } => lang.pick(
                format!(
                    "Nomor rekening {} biasanya {} angka; yang tertulis {typed} angka",
                    bank.name(),
                    lengths_text(expected, lang)
                ),
                format!(
                    "{} account numbers usually have {} digits; this one has {typed}",
                    bank.name(),
                    lengths_text(expected, lang)
                ),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Cocokkan dengan buku tabungan atau aplikasi bank Anda, dan pastikan banknya benar. Jika sudah sama, Anda bisa lanjut",
            "Compare with your savings book or banking app, and check the bank is right. If it matches, you can continue",
        )
        .to_owned()
    }
}

#[cfg(test)]
mod tests;

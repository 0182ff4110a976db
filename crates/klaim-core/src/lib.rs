//! Klaim's shared rules, run unchanged in the browser (wasm) and on the server.
//!
//! Invariants: no I/O, no async, no clock reads (today's date is always a parameter), few and small
//! dependencies. A value of an identifier type exists only if it is valid (parse, don't validate).

pub mod account;
pub mod api;
pub mod bank;
pub mod birth_date;
pub mod claim;
pub mod date;
pub mod document;
pub mod email;
pub mod forms;
pub mod kpj;
pub mod message;
pub mod month;
pub mod name;
pub mod nik;
pub mod npwp;
pub mod one_time_code;
pub mod password;
pub mod phone;
pub mod province;
pub mod rupiah;
pub mod sex;
mod text;

pub use account::AccountProblem;
pub use bank::{
    Bank, BankAccount, BankAccountError, BankAccountJson, BankAccountWarning, UnknownBank,
};
pub use birth_date::{BirthDate, BirthDateError};
pub use date::{Date, DateError, Weekday};
pub use document::{DocumentError, FileType, Inspected, Inspector};
pub use email::{Email, EmailError};
pub use kpj::{Kpj, KpjError, KpjWarning};
pub use message::{Explain, Finding, Lang, Severity};
pub use month::Month;
pub use name::{NameError, NameMatch, PersonName};
pub use nik::{Nik, NikError, NikMismatch};
pub use npwp::{Npwp, NpwpError, NpwpKind, NpwpWarning};
pub use one_time_code::{OneTimeCode, OneTimeCodeError};
pub use password::{Password, PasswordError, PasswordRule, PersonalData};
pub use phone::{PhoneError, PhoneNumber};
pub use province::Province;
pub use rupiah::{Rupiah, RupiahError};
pub use sex::Sex;

/// Version of the rule set. Drafts and API payloads carry it so that a newer app can migrate them.
pub const RULES_VERSION: &str = "2026.11.2";

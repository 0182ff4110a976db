//! Account passwords: the rules the app shows as a live checklist and the server enforces again
//! before hashing (Argon2id, on the server only).
//!
//! Rules (issue "Claims API server", item 4): at least 10 characters; not a commonly used
//! password; must not contain the NIK, the birth date or the name. Length beats composition
//! rules (NIST SP 800-63B §5.1.1.2), so there is no "one capital, one symbol" rule.

mod common;

use core::fmt;

use crate::date::Date;
use crate::name::PersonName;
use crate::nik::Nik;
use crate::{Explain, Lang};

pub const MIN_CHARS: usize = 10;
/// Bounds the hashing work one request can ask for.
pub const MAX_CHARS: usize = 128;

/// A password that passed every rule. The text is private and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Password {
    text: String,
}

/// What the password must not contain: the account holder's own data.
#[derive(Clone, Copy, Debug, Default)]
pub struct PersonalData<'a> {
    pub nik: Option<&'a Nik>,
    pub birth_date: Option<Date>,
    pub name: Option<&'a PersonName>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum PasswordError {
    Empty,
    TooShort { typed: usize },
    TooLong,
    Common,
    ContainsNik,
    ContainsBirthDate,
    ContainsName,
}

/// One line of the live checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordRule {
    MinLength,
    NotCommon,
    NoPersonalData,
}

impl Password {
    /// Checks every rule; all broken rules are returned, most basic first.
    pub fn parse(input: &str, personal: PersonalData<'_>) -> Result<Password, Vec<PasswordError>> {
        let errors = errors(input, personal);
        if errors.is_empty() {
            Ok(Password {
                text: input.to_owned(),
            })
        } else {
            Err(errors)
        }
    }

    /// For the hasher only.
    pub fn expose(&self) -> &str {
        &self.text
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

fn errors(input: &str, personal: PersonalData<'_>) -> Vec<PasswordError> {
    let typed = input.chars().count();
    if typed == 0 {
        return vec![PasswordError::Empty];
    }
    if typed > MAX_CHARS {
        return vec![PasswordError::TooLong];
    }
    let mut found = Vec::new();
    if typed < MIN_CHARS {
        found.push(PasswordError::TooShort { typed });
    }
    if common::is_guessable(input) {
        found.push(PasswordError::Common);
    }
    found.extend(personal_data_in(input, personal));
    found
}

fn personal_data_in(input: &str, personal: PersonalData<'_>) -> Vec<PasswordError> {
    let lower = input.to_lowercase();
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    let mut found = Vec::new();
    // Half a NIK is already guessable by anyone who has seen the KTP.
    if let Some(nik) = personal.nik
        && nik
            .as_str()
            .as_bytes()
            .windows(8)
            .any(|w| digits.contains(core::str::from_utf8(w).unwrap_or_default()))
    {
        found.push(PasswordError::ContainsNik);
    }
    if let Some(date) = personal.birth_date
        && birth_date_forms(date)
            .iter()
            .any(|form| digits.contains(form.as_str()))
    {
        found.push(PasswordError::ContainsBirthDate);
    }
    if let Some(name) = personal.name {
        let letters: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
        let normalized = name.normalized().to_lowercase();
        if normalized
            .split_whitespace()
            .any(|part| part.chars().count() >= 3 && letters.contains(part))
        {
            found.push(PasswordError::ContainsName);
        }
    }
    found
}

/// The ways people write a birth date inside a password, as digits.
fn birth_date_forms(date: Date) -> [String; 4] {
    let (d, m, y) = (date.day(), date.month(), date.year());
    [
        format!("{d:02}{m:02}{y:04}"),
        format!("{y:04}{m:02}{d:02}"),
        format!("{d:02}{m:02}{:02}", y % 100),
        format!("{m:02}{d:02}{y:04}"),
    ]
}

/// The live checklist: each rule and whether the text typed so far meets it.
pub fn checklist(input: &str, personal: PersonalData<'_>) -> [(PasswordRule, bool); 3] {
    let errors = errors(input, personal);
    let broken = |rule: PasswordRule| errors.iter().any(|e| e.rule() == rule);
    let filled = !input.is_empty();
    [
        (
            PasswordRule::MinLength,
            filled && !broken(PasswordRule::MinLength),
        ),
        (
            PasswordRule::NotCommon,
            filled && !broken(PasswordRule::NotCommon),
        ),
        (
            PasswordRule::NoPersonalData,
            filled && !broken(PasswordRule::NoPersonalData),
        ),
    ]
}

impl PasswordError {
    pub fn rule(&self) -> PasswordRule {
        match self {
            PasswordError::Empty | PasswordError::TooShort { .. } | PasswordError::TooLong => {
                PasswordRule::MinLength
            }
            PasswordError::Common => PasswordRule::NotCommon,
            PasswordError::ContainsNik
            | PasswordError::ContainsBirthDate
            | PasswordError::ContainsName => PasswordRule::NoPersonalData,
        }
    }
}

impl PasswordRule {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PasswordRule::MinLength => {
                lang.pick("Paling sedikit 10 karakter", "At least 10 characters")
            }
            PasswordRule::NotCommon => lang.pick(
                "Bukan kata sandi yang umum dipakai",
                "Not a commonly used password",
            ),
            PasswordRule::NoPersonalData => lang.pick(
                "Tidak memuat NIK, tanggal lahir, atau nama Anda",
                "Does not contain your NIK, birth date or name",
            ),
        }
    }
}

impl Explain for PasswordError {
    fn code(&self) -> &'static str {
        match self {
            PasswordError::Empty => "password.empty",
            PasswordError::TooShort { .. } => "password.too_short",
            PasswordError::TooLong => "password.too_long",
            PasswordError::Common => "password.common",
            PasswordError::ContainsNik => "password.contains_nik",
            PasswordError::ContainsBirthDate => "password.contains_birth_date",
            PasswordError::ContainsName => "password.contains_name",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            PasswordError::Empty => lang.pick("Buat kata sandi", "Create a password").into(),
            PasswordError::TooShort { typed } => lang.pick(
                format!("Kata sandi paling sedikit 10 karakter; yang tertulis {typed} karakter"),
                format!("A password has at least 10 characters; this one has {typed}"),
            ),
            PasswordError::TooLong => lang
                .pick(
                    "Kata sandi paling banyak 128 karakter",
                    "A password has at most 128 characters",
                )
                .into(),
            PasswordError::Common => lang
                .pick(
                    "Kata sandi ini terlalu mudah ditebak",
                    "This password is too easy to guess",
                )
                .into(),
            PasswordError::ContainsNik => lang
                .pick(
                    "Kata sandi tidak boleh memuat NIK Anda",
                    "A password must not contain your NIK",
                )
                .into(),
            PasswordError::ContainsBirthDate => lang
                .pick(
                    "Kata sandi tidak boleh memuat tanggal lahir Anda",
                    "A password must not contain your birth date",
                )
                .into(),
            PasswordError::ContainsName => lang
                .pick(
                    "Kata sandi tidak boleh memuat nama Anda",
                    "A password must not contain your name",
                )
                .into(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Gabungkan tiga atau empat kata acak yang mudah Anda ingat, misalnya \"kopi hujan sepeda biru\"",
            "Join three or four random words you can remember, for example \"coffee rain bicycle blue\"",
        )
        .into()
    }
}

#[cfg(test)]
mod tests;

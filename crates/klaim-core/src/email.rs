//! E-mail addresses, checked for shape only (the one real test is a message that arrives).
//!
//! RFC 5321 limits (64 for the local part, 254 in total), the common dot-atom local part, and a
//! DNS host name with a letters-only top-level domain. Only the domain is case-insensitive, so only
//! the domain is lowercased.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::{Explain, Lang};

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email {
    address: String,
    at: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum EmailError {
    Empty,
    Spaces,
    MissingAt,
    SeveralAt,
    /// Nothing before the @.
    LocalEmpty,
    LocalTooLong,
    /// A character not used in addresses, or a dot at the start, the end or twice in a row.
    LocalCharacters,
    /// Nothing after the @.
    DomainEmpty,
    /// No dot after the @ ("gmail" instead of "gmail.com").
    DomainNoDot,
    /// Empty parts, characters other than letters, digits and hyphens, or a hyphen at an end.
    DomainCharacters,
    /// The last part (com, id, …) must be at least two letters.
    TopLevel,
    TooLong,
}

/// Characters allowed in the local part besides ASCII letters and digits (RFC 5322 atext).
const LOCAL_SYMBOLS: &str = "!#$%&'*+/=?^_`{|}~-.";

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.chars().any(char::is_whitespace) {
            return Err(EmailError::Spaces);
        }
        let (local, domain) = match s.split('@').collect::<Vec<_>>().as_slice() {
            [_] => return Err(EmailError::MissingAt),
            [local, domain] => (*local, *domain),
            _ => return Err(EmailError::SeveralAt),
        };
        check_local(local)?;
        let domain = domain.to_ascii_lowercase();
        check_domain(&domain)?;
        let address = format!("{local}@{domain}");
        if address.len() > 254 {
            return Err(EmailError::TooLong);
        }
        Ok(Email {
            at: local.len(),
            address,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.address
    }

    pub fn local_part(&self) -> &str {
        &self.address[..self.at]
    }

    pub fn domain(&self) -> &str {
        &self.address[self.at + 1..]
    }

    /// `b***@gmail.com`: the first character and the domain.
    pub fn masked(&self) -> String {
        let first = self.local_part().chars().next().unwrap_or('*');
        format!("{first}***@{}", self.domain())
    }
}

fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::LocalEmpty);
    }
    if local.len() > 64 {
        return Err(EmailError::LocalTooLong);
    }
    let chars_ok = local
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || LOCAL_SYMBOLS.contains(c));
    if !chars_ok || local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailError::LocalCharacters);
    }
    Ok(())
}

fn check_domain(domain: &str) -> Result<(), EmailError> {
    if domain.is_empty() {
        return Err(EmailError::DomainEmpty);
    }
    if !domain.contains('.') {
        return Err(EmailError::DomainNoDot);
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if !domain.split('.').all(label_ok) {
        return Err(EmailError::DomainCharacters);
    }
    let tld = domain.rsplit('.').next().unwrap_or_default();
    if tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(EmailError::TopLevel);
    }
    Ok(())
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({})", self.masked())
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(s: String) -> Result<Email, EmailError> {
        Email::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.address
    }
}

impl Explain for EmailError {
    fn code(&self) -> &'static str {
        match self {
            EmailError::Empty => "email.empty",
            EmailError::Spaces => "email.spaces",
            EmailError::MissingAt => "email.missing_at",
            EmailError::SeveralAt => "email.several_at",
            EmailError::LocalEmpty => "email.local_empty",
            EmailError::LocalTooLong => "email.local_too_long",
            EmailError::LocalCharacters => "email.local_characters",
            EmailError::DomainEmpty => "email.domain_empty",
            EmailError::DomainNoDot => "email.domain_no_dot",
            EmailError::DomainCharacters => "email.domain_characters",
            EmailError::TopLevel => "email.top_level",
            EmailError::TooLong => "email.too_long",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let (id, en) = match self {
            EmailError::Empty => ("Masukkan alamat email Anda", "Enter your e-mail address"),
            EmailError::Spaces => (
                "Alamat email tidak boleh berisi spasi",
                "An e-mail address has no spaces",
            ),
            EmailError::MissingAt => (
                "Alamat email harus berisi @",
                "An e-mail address must contain @",
            ),
            EmailError::SeveralAt => (
                "Alamat email hanya boleh berisi satu @",
                "An e-mail address has only one @",
            ),
            EmailError::LocalEmpty => (
                "Tulis nama email sebelum tanda @",
                "Write the mailbox name before the @",
            ),
            EmailError::LocalTooLong => (
                "Bagian sebelum @ paling banyak 64 karakter",
                "The part before the @ can have at most 64 characters",
            ),
            EmailError::LocalCharacters => (
                "Bagian sebelum @ berisi tanda yang tidak dipakai di alamat email, atau titik di awal, di akhir, atau dua kali berturut-turut",
                "The part before the @ has a character e-mail addresses do not use, or a dot at its start, its end or twice in a row",
            ),
            EmailError::DomainEmpty => (
                "Tulis nama layanan email setelah tanda @, misalnya gmail.com",
                "Write the mail service after the @, for example gmail.com",
            ),
            EmailError::DomainNoDot => (
                "Bagian setelah @ harus berisi titik, misalnya gmail.com",
                "The part after the @ must contain a dot, for example gmail.com",
            ),
            EmailError::DomainCharacters => (
                "Bagian setelah @ hanya berisi huruf, angka, tanda hubung, dan titik di antaranya",
                "The part after the @ has only letters, digits, hyphens, and dots between them",
            ),
            EmailError::TopLevel => (
                "Alamat email harus diakhiri nama seperti .com atau .id",
                "An e-mail address must end with a name such as .com or .id",
            ),
            EmailError::TooLong => (
                "Alamat email paling banyak 254 karakter",
                "An e-mail address can have at most 254 characters",
            ),
        };
        lang.pick(id, en).to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Salin alamat dari aplikasi email Anda, misalnya budi.santoso@gmail.com",
            "Copy the address from your e-mail app, for example budi.santoso@gmail.com",
        )
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match Email::parse(input) {
            Ok(e) => format!("ok {}", e.as_str()),
            Err(e) => format!("err {}", e.code()),
        };
        assert_eq!(got, expect, "input: {input:?}");
    }

    #[test]
    fn parse() {
        let long_local = "a".repeat(65);
        let long_total = format!(
            "{}@{}.com",
            "a".repeat(64),
            vec!["b".repeat(60); 4].join(".")
        );
        let cases = [
            ("budi@gmail.com", "ok budi@gmail.com"),
            ("  Budi.Santoso@Gmail.COM ", "ok Budi.Santoso@gmail.com"),
            ("siti+klaim@mail.co.id", "ok siti+klaim@mail.co.id"),
            (
                "a_b-c@sub-domain.example.id",
                "ok a_b-c@sub-domain.example.id",
            ),
            ("", "err email.empty"),
            ("   ", "err email.empty"),
            ("budi @gmail.com", "err email.spaces"),
            ("budi.gmail.com", "err email.missing_at"),
            ("budi@@gmail.com", "err email.several_at"),
            ("a@b@gmail.com", "err email.several_at"),
            ("@gmail.com", "err email.local_empty"),
            (
                &format!("{long_local}@gmail.com"),
                "err email.local_too_long",
            ),
            (".budi@gmail.com", "err email.local_characters"),
            ("budi.@gmail.com", "err email.local_characters"),
            ("bu..di@gmail.com", "err email.local_characters"),
            ("búdi@gmail.com", "err email.local_characters"),
            ("budi,s@gmail.com", "err email.local_characters"),
            ("budi@", "err email.domain_empty"),
            ("budi@gmail", "err email.domain_no_dot"),
            ("budi@gmail..com", "err email.domain_characters"),
            ("budi@.gmail.com", "err email.domain_characters"),
            ("budi@gmail.com.", "err email.domain_characters"),
            ("budi@-gmail.com", "err email.domain_characters"),
            ("budi@gmail-.com", "err email.domain_characters"),
            ("budi@gm_ail.com", "err email.domain_characters"),
            ("budi@gmäil.com", "err email.domain_characters"),
            ("budi@gmail.c", "err email.top_level"),
            ("budi@gmail.c0m", "err email.top_level"),
            ("budi@1.23", "err email.top_level"),
            (&long_total, "err email.too_long"),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    #[test]
    fn parts_masking_and_serde() {
        let e = Email::parse("Budi.Santoso@Gmail.com").unwrap();
        assert_eq!((e.local_part(), e.domain()), ("Budi.Santoso", "gmail.com"));
        assert_eq!(format!("{e:?}"), "Email(B***@gmail.com)");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            "\"Budi.Santoso@gmail.com\""
        );
        assert_eq!(
            serde_json::from_str::<Email>("\" Budi.Santoso@GMAIL.com\"").unwrap(),
            e
        );
        assert!(serde_json::from_str::<Email>("\"budi\"").is_err());
    }
}

//! A person's name as written on the KTP, and how two spellings of a name compare.
//!
//! domain.md §3–§4: a bank account holder's name that differs from the registered name is a
//! common reason claims fail; comparison normalises case, spaces, punctuation and titles.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::{Explain, Lang};

mod compare;
mod normalize;
pub use compare::NameMatch;

/// Longest name accepted (Dukcapil's KTP field is shorter; bank names are cut even earlier).
pub const MAX_NAME_CHARS: usize = 100;

/// A name in Latin letters: trimmed, inner whitespace collapsed to single spaces.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName {
    text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum NameError {
    Empty,
    Digits,
    /// A character that is neither a Latin letter nor ' . , - (another script, a symbol, an emoji).
    Character {
        ch: char,
    },
    /// Only punctuation.
    NoLetters,
    TooLong {
        chars: usize,
    },
}

/// Latin letters, including accented ones (Latin-1, Extended-A/B, Extended Additional) and
/// combining accents typed after a letter.
pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{300}'..='\u{36F}')
            && c != '×'
            && c != '÷')
}

/// Accents typed as separate characters after a letter (Unicode combining diacritical marks).
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// Punctuation names carry: apostrophes (also the curly ones phones type), periods, commas, hyphens.
pub(crate) fn is_name_punctuation(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '.' | ',' | '-')
}

impl PersonName {
    pub fn parse(input: &str) -> Result<PersonName, NameError> {
        let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Err(NameError::Empty);
        }
        if text.chars().any(|c| c.is_ascii_digit()) {
            return Err(NameError::Digits);
        }
        if let Some(ch) = text
            .chars()
            .find(|c| !(*c == ' ' || is_latin_letter(*c) || is_name_punctuation(*c)))
        {
            return Err(NameError::Character { ch });
        }
        if !text
            .chars()
            .any(|c| is_latin_letter(c) && !is_combining_mark(c))
        {
            return Err(NameError::NoLetters);
        }
        let chars = text.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(NameError::TooLong { chars });
        }
        Ok(PersonName { text })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Uppercase, accents folded, punctuation removed, titles and degrees removed:
    /// "Dr. H. Ahmad Fauzi, S.E." → "AHMAD FAUZI". Only leading titles and trailing degrees (after
    /// a comma, or written with dots) are removed, so a name is never cut in its middle.
    pub fn normalized(&self) -> String {
        normalize::normalize(&self.text)
    }

    /// How closely `other` names the same person. See [`NameMatch`].
    pub fn compare(&self, other: &PersonName) -> NameMatch {
        compare::compare(self, other)
    }

    /// "B*** S******": the first letter of each word.
    pub fn masked(&self) -> String {
        let words = self.text.split(' ');
        let masked: Vec<String> = words
            .map(|w| {
                w.chars()
                    .enumerate()
                    .map(|(i, c)| if i == 0 { c } else { '*' })
                    .collect()
            })
            .collect();
        masked.join(" ")
    }
}

impl fmt::Debug for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonName({})", self.masked())
    }
}

impl TryFrom<String> for PersonName {
    type Error = NameError;
    fn try_from(s: String) -> Result<PersonName, NameError> {
        PersonName::parse(&s)
    }
}

impl From<PersonName> for String {
    fn from(n: PersonName) -> String {
        n.text
    }
}

impl Explain for NameError {
    fn code(&self) -> &'static str {
        match self {
            NameError::Empty => "name.empty",
            NameError::Digits => "name.digits",
            NameError::Character { .. } => "name.character",
            NameError::NoLetters => "name.no_letters",
            NameError::TooLong { .. } => "name.too_long",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            NameError::Empty => lang.pick("Masukkan nama lengkap Anda", "Enter your full name").into(),
            NameError::Digits => lang.pick("Nama tidak berisi angka", "A name has no digits").into(),
            NameError::Character { ch } => lang.pick(
                format!("Nama tidak bisa berisi “{ch}”; nama ditulis dengan huruf Latin seperti di KTP"),
                format!("A name cannot contain “{ch}”; names are written in Latin letters as on the ID card (KTP)"),
            ),
            NameError::NoLetters => lang.pick("Nama harus berisi huruf", "A name must contain letters").into(),
            NameError::TooLong { chars } => lang.pick(
                format!("Nama paling banyak {MAX_NAME_CHARS} huruf; yang tertulis {chars}"),
                format!("A name can have at most {MAX_NAME_CHARS} characters; this one has {chars}"),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Tulis nama lengkap persis seperti di KTP Anda; gelar boleh ditulis atau tidak",
            "Write your full name exactly as on your ID card (KTP); titles may be left out",
        )
        .to_owned()
    }
}

#[cfg(test)]
mod tests;

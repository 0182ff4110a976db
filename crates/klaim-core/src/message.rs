//! How findings are told to people: a stable machine code plus Indonesian and English text.

use serde::{Deserialize, Serialize};

/// The two interface languages. Bahasa Indonesia is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Reads a tag back; anything unknown falls back to Indonesian.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Id
        }
    }

    /// Picks the text for this language.
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// An error blocks; a warning is shown but lets the person continue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// Anything Klaim tells a person about their input: errors and warnings alike.
///
/// `message` says what is wrong (an instruction for an empty field, a description for a broken
/// rule; never "invalid", never blame); `hint` says how to fix it or where to get the right value.
pub trait Explain {
    /// Stable machine code, e.g. `nik.birth_date_impossible`. Never shown as the message.
    fn code(&self) -> &'static str;
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn message(&self, lang: Lang) -> String;
    fn hint(&self, lang: Lang) -> String;
}

/// A finding frozen into plain data, for views and API responses: the code, the field it is about
/// and both languages' text, so it can be cloned, stored and sent without the original error type.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The form field (also the HTML id in the app), e.g. `nik`; `None` for the whole form.
    pub field: Option<&'static str>,
    pub code: &'static str,
    pub severity: Severity,
    message_id: String,
    message_en: String,
    hint_id: String,
    hint_en: String,
}

impl Finding {
    /// Freezes any explained error or warning.
    pub fn of(field: Option<&'static str>, finding: &dyn Explain) -> Finding {
        Finding {
            field,
            code: finding.code(),
            severity: finding.severity(),
            message_id: finding.message(Lang::Id),
            message_en: finding.message(Lang::En),
            hint_id: finding.hint(Lang::Id),
            hint_en: finding.hint(Lang::En),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_id, &self.message_en)
    }

    pub fn hint(&self, lang: Lang) -> &str {
        lang.pick(&self.hint_id, &self.hint_en)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The `Display` text of every error type: code and English message, never the input itself
/// (logs must not receive a NIK or phone number).
pub(crate) fn display(finding: &dyn Explain) -> String {
    format!("{}: {}", finding.code(), finding.message(Lang::En))
}

impl std::fmt::Debug for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Code and field only: a message may quote what the person typed (a date, a name), and
        // Debug output ends up in logs.
        f.debug_struct("Finding")
            .field("field", &self.field)
            .field("code", &self.code)
            .field("severity", &self.severity)
            .finish()
    }
}

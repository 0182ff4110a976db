//! Findings the app makes itself (a choice not made, a date not typed): klaim-core has no parser
//! for a radio button. The words live in `texts.rs` like every interface text; this type lets
//! them travel as a `Finding` into the error summary and the inline messages.

use klaim_core::message::Finding;
use klaim_core::{Explain, Lang};

use crate::i18n::Texts;

/// One app finding: its stable code, and which texts are its message and hint.
pub struct Said {
    pub code: &'static str,
    pub message: fn(&'static Texts) -> &'static str,
    pub hint: fn(&'static Texts) -> &'static str,
}

impl Said {
    pub fn about(self, field: &'static str) -> Finding {
        Finding::of(Some(field), &self)
    }
}

impl Explain for Said {
    fn code(&self) -> &'static str {
        self.code
    }

    fn message(&self, lang: Lang) -> String {
        (self.message)(Texts::of(lang)).to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        (self.hint)(Texts::of(lang)).to_owned()
    }
}

//! The office's own refusal beyond klaim-core's: an officer's own claim.

use klaim_core::{Explain, Lang};

/// An officer whose NIK is the claim's participant's or claimant's sees the claim but may take
/// no step on it (403 `office.own_claim`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnClaim;

impl Explain for OwnClaim {
    fn code(&self) -> &'static str {
        "office.own_claim"
    }

    fn message(&self, lang: Lang) -> String {
        lang.pick(
            "Klaim ini milik Anda atau tentang Anda, jadi Anda tidak dapat memprosesnya.",
            "This claim is yours or about you, so you cannot handle it.",
        )
        .to_owned()
    }

    fn hint(&self, lang: Lang) -> String {
        lang.pick(
            "Serahkan klaim ini kepada petugas lain.",
            "Leave this claim to another officer.",
        )
        .to_owned()
    }
}

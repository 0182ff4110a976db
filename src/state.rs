//! State that outlives one page: what the person typed, so nothing is lost between pages.

use klaim_core::forms::membership::{MembershipCheck, MembershipCheckInput};
use leptos::prelude::*;

/// The "Cek data kepesertaan" answers and, once they pass, the checked result.
#[derive(Clone, Copy)]
pub struct MembershipDraft {
    pub full_name: RwSignal<String>,
    pub nik: RwSignal<String>,
    pub kpj: RwSignal<String>,
    pub birth_day: RwSignal<String>,
    pub birth_month: RwSignal<String>,
    pub birth_year: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub result: RwSignal<Option<MembershipCheck>>,
}

impl Default for MembershipDraft {
    fn default() -> Self {
        MembershipDraft {
            full_name: RwSignal::default(),
            nik: RwSignal::default(),
            kpj: RwSignal::default(),
            birth_day: RwSignal::default(),
            birth_month: RwSignal::default(),
            birth_year: RwSignal::default(),
            phone: RwSignal::default(),
            result: RwSignal::new(None),
        }
    }
}

impl MembershipDraft {
    pub fn input(&self) -> MembershipCheckInput {
        MembershipCheckInput {
            full_name: self.full_name.get_untracked(),
            nik: self.nik.get_untracked(),
            kpj: self.kpj.get_untracked(),
            birth_day: self.birth_day.get_untracked(),
            birth_month: self.birth_month.get_untracked(),
            birth_year: self.birth_year.get_untracked(),
            phone: self.phone.get_untracked(),
        }
    }
}

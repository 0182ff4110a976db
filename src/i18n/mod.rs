//! The interface language: Bahasa Indonesia by default, English on request. The choice is kept
//! in localStorage so it survives a reload, and mirrored on `<html lang>` for screen readers.

mod office_texts;
mod outbox_texts;
mod shell_texts;
mod texts;

use klaim_core::Lang;
use leptos::prelude::*;

pub use office_texts::{OfficeTexts, tr_office, tr_office_signal};
pub use outbox_texts::{OutboxTexts, tr_outbox};
pub use shell_texts::tr_shell;
pub use texts::Texts;

const STORAGE_KEY: &str = "klaim.lang";

#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current language without subscribing to it (for requests: a language switch must not
    /// send them again).
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// The texts in the current language (reactive: read inside a closure in views).
    pub fn t(&self) -> &'static Texts {
        Texts::of(self.lang.get())
    }

    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
        save(lang);
        apply_to_document(lang);
    }
}

/// Creates the language state from what was saved, and shares it with every component.
pub fn provide_i18n() -> I18n {
    let lang = saved().unwrap_or_default();
    apply_to_document(lang);
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The text `pick` chooses, in the current language, as a view child or attribute that follows
/// the language switch. Every text shares this one closure type, so the compiled view code is
/// made once instead of once per text (it is most of the app's size).
pub fn tr(pick: fn(&'static Texts) -> &'static str) -> impl Fn() -> &'static str + Copy + 'static {
    let i18n = use_i18n();
    move || pick(i18n.t())
}

/// [`tr`] as a signal, for component props.
pub fn tr_signal(pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
    Signal::derive(tr(pick))
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be unavailable (private mode, disabled cookies): then the choice lasts the visit.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn saved() -> Option<Lang> {
    storage()?
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .map(|tag| Lang::from_tag(&tag))
}

fn save(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
}

fn apply_to_document(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
}

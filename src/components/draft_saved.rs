//! On the journey's pages: "Tersimpan di perangkat ini, 10.42" once the draft is on the phone,
//! a notice when a draft saved under older rules lost its checked answers, and, once, why the
//! phone cannot keep the draft (the journey goes on in memory).

use klaim_core::Explain;
use leptos::prelude::*;

use crate::format::wib_time;
use crate::i18n::use_i18n;
use crate::offline::Drafts;

#[component]
pub fn DraftSaved() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = expect_context::<Drafts>();
    view! {
        {move || {
            drafts
                .migrated
                .get()
                .then(|| {
                    view! {
                        <p class="notice" role="status" data-testid="draft-rules-changed">
                            {i18n.t().draft_rules_changed}
                        </p>
                    }
                })
        }}
        {move || {
            drafts
                .trouble
                .get()
                .map(|error| {
                    let lang = i18n.lang();
                    view! {
                        <div class="offline" role="status" data-testid="draft-trouble">
                            <p>{error.message(lang)}</p>
                            <p>{error.hint(lang)}</p>
                        </div>
                    }
                })
        }}
        {move || {
            drafts
                .saved_at
                .get()
                .map(|at| {
                    let time = wib_time(at, i18n.lang());
                    view! {
                        <p class="hint" data-testid="draft-saved" data-saved-at=at>
                            {(i18n.t().draft_saved)(&time)}
                        </p>
                    }
                })
        }}
    }
}

//! The confirmation (`/klaim/terkirim/:id`): the reference in a fixed-width font, what happens
//! next with the date the decision is due, a record to print, the receipt (a PDF the server
//! makes), and the way to "Klaim saya".

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::page_title;
use super::record::record_view;
use crate::api;
use crate::claim::ClaimDraft;
use crate::format::date_words;
use crate::i18n::{tr, use_i18n};
use crate::pages::{failure_view, loading_view, private_resource_with};
use crate::state::Notice;

#[component]
pub fn SentPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    page_title(None, |t, _| t.sent_title.to_owned());
    // Just sent: the server's answer is in the draft. Reloaded: ask again.
    let claim = private_resource_with(Notice::SignInToClaim, move || {
        let id = id.clone();
        let known = draft.sent.get_untracked().filter(|v| v.summary.id == id);
        let lang = i18n.lang_untracked();
        async move {
            match known {
                Some(view) => Ok(view),
                None => api::claim(lang, &id).await,
            }
        }
    });
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    move || match claim.get() {
        None => loading_view().into_any(),
        Some(Err(failure)) => failure_view(failure, move || claim.refetch()).into_any(),
        Some(Ok(view)) => {
            let t = i18n.t();
            let lang = i18n.lang();
            view! {
                <div class="panel-success" data-testid="sent">
                    <h1>{t.sent_title}</h1>
                    <p>{t.sent_reference_label}</p>
                    <p class="mono reference reference--large" data-testid="sent-reference">
                        {view.summary.reference.clone()}
                    </p>
                </div>
                <p>{t.sent_reference_hint}</p>
                <h2>{t.sent_next_heading}</h2>
                <ol class="list steps">
                    <li>{t.sent_step_verify}</li>
                    <li data-testid="sent-due">
                        {(t.sent_due)(&date_words(&view.decision_due_on, lang))}
                    </li>
                    <li>{t.sent_step_pay}</li>
                </ol>
                <h2>{t.sent_record_heading}</h2>
                {record_view(&view, t, lang)}
                <p class="no-print">
                    <a
                        class="button button--secondary"
                        href=api::receipt_url(&view.summary.id)
                        download=""
                        data-testid="receipt-link"
                    >
                        {t.receipt_link}
                    </a>
                    " "
                    <button
                        type="button"
                        class="button button--secondary"
                        data-testid="print"
                        on:click=print
                    >
                        {tr(|t| t.sent_print)}
                    </button>
                </p>
                <p class="no-print">
                    <a href="/klaim-saya" data-testid="to-my-claims">
                        {tr(|t| t.to_my_claims)}
                    </a>
                </p>
            }
            .into_any()
        }
    }
}

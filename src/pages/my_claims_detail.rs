//! One claim in "Klaim saya" (`/klaim-saya/:id`), read-only: status, answers, documents,
//! estimate and when the decision is due.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::format::date_words;
use crate::i18n::{tr, use_i18n};
use crate::pages::claim::record_view;
use crate::pages::{failure_view, loading_view, private_resource_with};
use crate::state::Notice;

#[component]
pub fn MyClaimPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let claim = private_resource_with(Notice::SignInToClaim, move || {
        let (id, lang) = (id.clone(), i18n.lang_untracked());
        async move { api::claim(lang, &id).await }
    });
    Effect::new(move |_| {
        let t = i18n.t();
        let title = claim
            .with(|c| {
                c.as_ref()
                    .and_then(|c| c.as_ref().ok())
                    .map(|c| (t.claim_title)(c.summary.programme.abbreviation()))
            })
            .unwrap_or_else(|| t.my_claims_title.to_owned());
        set_title(&title, None, t.title_suffix);
    });
    view! {
        <a class="back-link" href="/klaim-saya" data-testid="back">
            {tr(|t| t.back_to_my_claims)}
        </a>
        {move || match claim.get() {
            None => loading_view().into_any(),
            Some(Err(Failure::Api { status: 404, .. })) => {
                view! {
                    <h1>{tr(|t| t.my_claims_title)}</h1>
                    <p data-testid="claim-not-found">{tr(|t| t.claim_not_found)}</p>
                }
                    .into_any()
            }
            Some(Err(failure)) => failure_view(failure, move || claim.refetch()).into_any(),
            Some(Ok(view)) => {
                let t = i18n.t();
                let lang = i18n.lang();
                view! {
                    <h1>{(t.claim_title)(view.summary.programme.abbreviation())}</h1>
                    {record_view(&view, t, lang)}
                    <p data-testid="decision-due">
                        {(t.sent_due)(&date_words(&view.decision_due_on, lang))}
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

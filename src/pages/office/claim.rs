//! `/petugas/klaim/:id`: one claim for an officer — the registry beside what was submitted,
//! the automated checks, the documents inline, the status history, the items reopened, what
//! was decided, and the steps this officer can take now.

use klaim_core::api::office::OfficeClaim;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::actions::{Desk, actions_view, notice_view};
use super::checks::checks_view;
use super::documents::documents_view;
use super::facts::{registry_view, submitted_view};
use super::history::{history_view, open_items_view, outcome_view};
use super::{Audience, office_resource, unanswered_view};
use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::claim::words::status_words;
use crate::i18n::{tr_office, use_i18n};

#[component]
pub fn OfficeClaimPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let claim = {
        let id = id.clone();
        office_resource(move || {
            let (id, lang) = (id.clone(), i18n.lang_untracked());
            async move { api::office::claim(lang, &id).await }
        })
    };
    let desk = Desk::new(id, claim);
    Effect::new(move |_| {
        let (t, o) = (i18n.t(), i18n.office());
        let has_errors = desk.form.errors.with(|e| !e.is_empty());
        let title = claim.with(|c| match c {
            Some(Ok(c)) => format!(
                "{} {}",
                (t.claim_title)(c.claim.summary.programme.abbreviation()),
                c.claim.summary.reference
            ),
            Some(Err(Failure::Api { status: 403, .. })) => o.officers_only_title.to_owned(),
            _ => o.queue_title.to_owned(),
        });
        set_title(
            &title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });
    view! {
        <a class="back-link" href="/petugas" data-testid="back-to-queue">
            {tr_office(|t| t.back_to_queue)}
        </a>
        {notice_view(desk.notice)}
        {move || match claim.get() {
            Some(Ok(c)) => claim_view(c, desk),
            Some(Err(Failure::Api { status: 404, .. })) => {
                view! {
                    <h1>{tr_office(|t| t.queue_title)}</h1>
                    <p data-testid="office-claim-not-found">{tr_office(|t| t.claim_not_found)}</p>
                }
                    .into_any()
            }
            answer => {
                unanswered_view(
                    answer.and_then(Result::err),
                    Audience::Officers,
                    move || claim.refetch(),
                )
            }
        }}
    }
}

pub(super) fn claim_view(c: OfficeClaim, desk: Desk) -> AnyView {
    let i18n = use_i18n();
    let (t, o, lang) = (i18n.t(), i18n.office(), i18n.lang());
    let s = &c.claim.summary;
    let own = c.own.then(|| {
        view! {
            <p class="notice" data-testid="own-claim">
                <strong>{o.own_claim_mark}</strong>
                ". "
                {o.own_claim_explained}
            </p>
        }
    });
    let claimant = c
        .claimant
        .as_ref()
        .map(|r| registry_view(o.claimant_heading, r, "registry-claimant", t, o, lang));
    view! {
        <div class="office" data-testid="office-claim" data-id=s.id.clone()>
            <h1>
                {(t.claim_title)(s.programme.abbreviation())} " "
                <span class="mono reference" data-testid="office-reference">
                    {s.reference.clone()}
                </span>
            </h1>
            <p>
                {o.label_status} ": "
                <strong
                    class="status-tag"
                    data-testid="office-status"
                    data-status=s.status.as_str()
                >
                    {status_words(t, s.status)}
                </strong>
            </p>
            {own}
            <div class="office-columns">
                <section aria-labelledby="registry-heading" data-testid="registry">
                    <h2 id="registry-heading">{o.registry_heading}</h2>
                    {registry_view(
                        o.participant_heading,
                        &c.participant,
                        "registry-participant",
                        t,
                        o,
                        lang,
                    )}
                    {claimant}
                </section>
                <section aria-labelledby="submitted-heading">
                    <h2 id="submitted-heading">{o.submitted_heading}</h2>
                    {submitted_view(&c, o, lang)}
                </section>
            </div>
            {checks_view(&c.checks, o, lang)}
            {documents_view(&c.claim, o, lang)}
            {history_view(&c.claim, o, lang)}
            {open_items_view(&c.claim, o, lang)}
            {outcome_view(&c.claim, o, lang)}
            {actions_view(&c, desk)}
        </div>
    }
    .into_any()
}

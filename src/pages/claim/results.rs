//! The results of the eligibility check (`…/hasil`): from which day the claim can be made, the
//! estimate, the documents and the channel — or, never as an error, why it cannot be made and
//! what to do instead, with a way back to choose something else.

use klaim_core::claim::{Assessment, DocumentNeed, Necessity, assess, questions};
use klaim_core::{Explain, Lang};
use leptos::prelude::*;

use super::{Ready, back_link, journey_page, page_title, with_facts};
use crate::browser::today;
use crate::claim::ClaimDraft;
use crate::claim::steps::{self, Step};
use crate::components::{estimate_view, necessity_words};
use crate::i18n::{Texts, use_i18n};

#[component]
pub fn ResultsPage() -> impl IntoView {
    journey_page(|programme, reason| {
        let draft = expect_context::<ClaimDraft>();
        let i18n = use_i18n();
        view! {
            {back_link(steps::back_from(programme, reason, Step::Results, &[], false))}
            {with_facts(
                programme,
                reason,
                move |Ready { facts, claimant }| {
                    let answers = draft.answers_for(programme, reason);
                    let assessment = assess(&facts, &claimant, &answers, today());
                    let next = steps::after_results(
                        programme,
                        reason,
                        &questions(&facts, &answers),
                    );
                    let for_tab = assessment.clone();
                    page_title(None, move |t, lang| title(&for_tab, t, lang));
                    view! {
                        {move || {
                            let (t, lang) = (i18n.t(), i18n.lang());
                            results_view(&assessment, title(&assessment, t, lang), next.clone(), t, lang)
                        }}
                    }
                        .into_any()
                },
            )}
        }
        .into_any()
    })
}

/// "Anda dapat mengajukan klaim JHT sekarang" / "… mulai 14 Maret 2026" / "… tidak dapat
/// diajukan saat ini".
fn title(a: &Assessment, t: &'static Texts, lang: Lang) -> String {
    let programme = a.programme.abbreviation();
    match (a.blockers.is_empty(), a.earliest_on) {
        (true, _) => (t.can_claim_now)(programme),
        (false, Some(from)) => (t.can_claim_from)(programme, &from.format(lang)),
        (false, None) => (t.cannot_claim)(programme),
    }
}

fn results_view(
    a: &Assessment,
    title: String,
    next: String,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView + use<> {
    let can_now = a.blockers.is_empty();
    // Waiting for a day: the person can see what it will take; nothing else applies otherwise.
    let some_day = can_now || a.earliest_on.is_some();
    let blockers = (!can_now).then(|| {
        let items = a
            .blockers
            .iter()
            .map(|b| {
                // The claim under way is in "Klaim saya": lead there.
                let to_my_claims = (b.code() == "claim.pending").then(|| {
                    view! {
                        <p>
                            <a href="/klaim-saya" data-testid="blocker-my-claims">
                                {t.nav_my_claims}
                            </a>
                        </p>
                    }
                });
                view! {
                    <li class="blocker" data-testid="blocker" data-code=b.code()>
                        <p>{b.message(lang)}</p>
                        <p>
                            <strong>{t.what_to_do_heading} ": "</strong>
                            {b.hint(lang)}
                        </p>
                        {to_my_claims}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{t.why_heading}</h2>
            <ul class="blockers" data-testid="blockers">{items}</ul>
            <p>
                <a href="/klaim" data-testid="choose-other">
                    {t.choose_other}
                </a>
            </p>
        }
    });
    let details = some_day.then(|| {
        view! {
            <h2>{t.estimate_heading}</h2>
            {estimate_view(&a.estimate, t, lang)}
            <h2>{t.documents_needed_heading}</h2>
            {needs_view(&a.documents, t, lang)}
            <h2>{t.channel_heading}</h2>
            <p data-testid="channel" data-channel=format!("{:?}", a.channel)>
                {(t.channel_words)(a.channel)}
            </p>
        }
    });
    let proceed = can_now.then(|| {
        view! {
            <a class="button" href=next data-testid="continue">
                {t.continue_button}
            </a>
        }
    });
    view! {
        <div
            class:panel-success=can_now
            class:panel-plain=!can_now
            data-testid="eligibility"
            data-eligible=if can_now { "true" } else { "false" }
            data-earliest=a.earliest_on.map(|d| d.to_iso())
        >
            <h1 data-testid="results-title">{title}</h1>
        </div>
        {blockers}
        {details}
        <p class="hint">{t.legal_basis} ": " {a.legal_basis}</p>
        {proceed}
    }
}

/// The documents, required first, then the proofs of PHK (any one), then the recommended ones.
fn needs_view(needs: &[DocumentNeed], t: &'static Texts, lang: Lang) -> impl IntoView + use<> {
    let row = |need: &DocumentNeed| {
        view! {
            <li data-testid="document-needed" data-kind=need.kind.as_str()>
                {need.kind.name(lang)} " "
                <span class="tag tag--quiet">{necessity_words(t, need.necessity)}</span>
            </li>
        }
    };
    let of = |n: Necessity| needs.iter().filter(move |d| d.necessity == n);
    let required = of(Necessity::Required).map(row).collect_view();
    let phk: Vec<_> = of(Necessity::OneOfPhkProofs).collect();
    let phk = (!phk.is_empty()).then(|| {
        let items = phk
            .iter()
            .map(|d| view! { <li data-kind=d.kind.as_str()>{d.kind.name(lang)}</li> })
            .collect_view();
        view! {
            <li data-testid="document-needed" data-kind="phk_proof">
                {t.phk_proofs_heading} ":" <ul class="list">{items}</ul>
            </li>
        }
    });
    let recommended = of(Necessity::Recommended).map(row).collect_view();
    view! {
        <ul class="list documents-needed" data-testid="documents-needed">
            {required}
            {phk}
            {recommended}
        </ul>
    }
}

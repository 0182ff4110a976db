//! "Unggah dokumen": one upload for each document the claim needs (from klaim-core's assessment
//! of the answers given), the proofs of PHK as one choice, and reuse of earlier uploads.

use klaim_core::claim::{ClaimProblem, DocumentKind, DocumentNeed, Necessity, assess};
use klaim_core::message::Finding;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{Ready, back_link, from_review, journey_page, page_title, with_facts};
use crate::api;
use crate::browser::today;
use crate::claim::ClaimDraft;
use crate::claim::steps::{self, Step};
use crate::components::{DocumentUpload, ErrorSummary, Radios, SubmitButton, field_error};
use crate::form::FormState;
use crate::i18n::{tr, tr_signal, use_i18n};

/// The field of the choice among the proofs of PHK.
const PHK: &str = "phk_proof";

#[component]
pub fn DocumentsPage() -> impl IntoView {
    journey_page(|programme, reason| {
        let form = FormState::new();
        page_title(Some(form.errors), |t, _| t.documents_title.to_owned());
        with_facts(programme, reason, move |ready| {
            documents_form(programme, reason, ready, form)
        })
        .into_any()
    })
}

fn documents_form(
    programme: klaim_core::claim::Programme,
    reason: klaim_core::claim::ClaimReason,
    Ready { facts, claimant }: Ready,
    form: FormState,
) -> AnyView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let navigate = use_navigate();
    let answers = draft.answers_for(programme, reason);
    let needs = assess(&facts, &claimant, &answers, today()).documents;
    let questions = klaim_core::claim::questions(&facts, &answers);
    let returning = from_review();

    // Earlier uploads, for reuse; without them the page works the same.
    let earlier_list = LocalResource::new(move || api::documents(i18n.lang_untracked()));
    let earlier = Signal::derive(move || {
        earlier_list
            .get()
            .and_then(Result::ok)
            .map(|l| l.documents)
            .unwrap_or_default()
    });

    let phk_kinds: Vec<DocumentKind> = needs
        .iter()
        .filter(|n| n.necessity == Necessity::OneOfPhkProofs)
        .map(|n| n.kind)
        .collect();
    if draft.phk_proof.get_untracked().is_none() {
        let attached = draft.attached_kinds();
        draft
            .phk_proof
            .set(phk_kinds.iter().copied().find(|k| attached.contains(k)));
    }
    let phk_choice = RwSignal::new(
        draft
            .phk_proof
            .get_untracked()
            .map(|k| k.as_str().to_owned())
            .unwrap_or_default(),
    );
    Effect::new(move |_| {
        draft
            .phk_proof
            .set(DocumentKind::from_wire(&phk_choice.get()));
    });

    let row = move |need: DocumentNeed| {
        view! {
            <DocumentUpload
                kind=need.kind
                necessity=need.necessity
                earlier
                page_error=field_error(form.errors, need.kind.as_str())
            />
        }
    };
    let singles = needs
        .iter()
        .filter(|n| n.necessity != Necessity::OneOfPhkProofs)
        .map(|n| row(*n))
        .collect_view();
    let phk = (!phk_kinds.is_empty()).then(|| {
        let kinds = phk_kinds.clone();
        let choices = Signal::derive(move || {
            let lang = i18n.lang();
            kinds
                .iter()
                .map(|k| (k.as_str().to_owned(), k.name(lang).to_owned()))
                .collect::<Vec<_>>()
        });
        view! {
            <section class="upload-group" data-testid="phk-proof">
                <Radios
                    id=PHK
                    legend=Signal::derive(move || i18n.t().phk_choose_legend.to_owned())
                    hint=tr_signal(|t| t.phk_choose_hint)
                    error=field_error(form.errors, PHK)
                    choices
                    selected=phk_choice
                />
                {move || {
                    DocumentKind::from_wire(&phk_choice.get())
                        .map(|kind| {
                            row(DocumentNeed {
                                kind,
                                necessity: Necessity::OneOfPhkProofs,
                            })
                        })
                }}
            </section>
        }
    });
    let empty = needs
        .is_empty()
        .then(|| view! { <p>{tr(|t| t.no_documents)}</p> });

    let next = steps::after_documents(programme, reason, returning);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let attached = draft.attached_kinds();
        let mut found: Vec<Finding> = needs
            .iter()
            .filter(|n| n.necessity == Necessity::Required && !attached.contains(&n.kind))
            .map(|n| {
                Finding::of(
                    Some(n.kind.as_str()),
                    &ClaimProblem::DocumentMissing(n.kind),
                )
            })
            .collect();
        if !phk_kinds.is_empty() && !phk_kinds.iter().any(|k| attached.contains(k)) {
            let field = draft
                .phk_proof
                .get_untracked()
                .map_or(PHK, DocumentKind::as_str);
            found.push(Finding::of(Some(field), &ClaimProblem::PhkProofMissing));
        }
        if found.is_empty() {
            form.succeed();
            navigate(&next, Default::default());
        } else {
            form.refuse(found);
        }
    };

    let back = if returning {
        steps::path(programme, reason, Step::Review)
    } else {
        steps::back_from(programme, reason, Step::Documents, &questions, false)
    };
    view! {
        {back_link(back)}
        <ErrorSummary errors=form.errors target=|f| f.field.unwrap_or(PHK).to_owned() />
        <h1>{tr(|t| t.documents_title)}</h1>
        <p class="lead">{tr(|t| t.documents_lead)}</p>
        {empty}
        <div data-testid="documents">{singles} {phk}</div>
        <form novalidate on:submit=on_submit data-testid="documents-form">
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
    }
    .into_any()
}

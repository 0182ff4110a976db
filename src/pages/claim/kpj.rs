//! "Nomor KPJ mana yang diklaim?": only for people with several KPJ numbers; their balances are
//! merged into the primary first.

use klaim_core::Kpj;
use klaim_core::claim::Question;
use klaim_core::message::Finding;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{Flow, Ready, back_link, page_title, question_page};
use crate::claim::{ClaimDraft, Said};
use crate::components::{ErrorSummary, Radios, SubmitButton, field_error};
use crate::form::FormState;
use crate::i18n::{tr_signal, use_i18n};

const FIELD: &str = "kpj";

#[component]
pub fn KpjPage() -> impl IntoView {
    question_page(Question::Kpj, kpj_form)
}

fn kpj_form(flow: Flow, ready: Ready) -> AnyView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let navigate = use_navigate();
    let form = FormState::new();
    let typed = draft.typed.kpj;
    page_title(Some(form.errors), |_, lang| {
        Question::Kpj.title(lang).to_owned()
    });
    if typed.with_untracked(String::is_empty)
        && let Some(kpj) = draft
            .answers
            .with_untracked(|a| a.as_ref().and_then(|a| a.kpj.clone()))
    {
        typed.set(kpj.as_str().to_owned());
    }

    let memberships = ready.facts.memberships;
    let choices = Signal::derive(move || {
        let t = i18n.t();
        memberships
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let employer = m
                    .employments
                    .first()
                    .map(|e| format!(" — {}", e.employer))
                    .unwrap_or_default();
                let primary = if i == 0 {
                    format!(" ({})", t.kpj_primary)
                } else {
                    String::new()
                };
                (
                    m.kpj.as_str().to_owned(),
                    format!("KPJ {}{employer}{primary}", m.kpj.as_str()),
                )
            })
            .collect::<Vec<_>>()
    });

    let next = flow.next();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match Kpj::parse(&typed.get_untracked()) {
            Ok(kpj) => {
                form.succeed();
                draft.update(|a| a.kpj = Some(kpj));
                navigate(&next, Default::default());
            }
            Err(_) => form.refuse(vec![missing()]),
        }
    };

    view! {
        {back_link(flow.back())}
        <ErrorSummary errors=form.errors target=|_| FIELD.to_owned() />
        <form novalidate on:submit=on_submit data-testid="kpj-form">
            <Radios
                id=FIELD
                legend=Signal::derive(move || Question::Kpj.title(i18n.lang()).to_owned())
                hint=tr_signal(|t| t.kpj_question_hint)
                error=field_error(form.errors, FIELD)
                choices
                selected=typed
                heading=true
            />
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
    }
    .into_any()
}

fn missing() -> Finding {
    Said {
        code: "claim.kpj_missing",
        message: |t| t.kpj_missing,
        hint: |t| t.kpj_missing_hint,
    }
    .about(FIELD)
}

//! "Nomor NPWP Anda": asked when the JHT balance is above Rp 50 jt or a part was taken before.

use klaim_core::Npwp;
use klaim_core::claim::Question;
use klaim_core::message::Finding;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{Flow, Ready, back_link, page_title, question_page};
use crate::claim::ClaimDraft;
use crate::components::{ErrorSummary, SubmitButton, TextField, field_error};
use crate::form::FormState;
use crate::i18n::{tr, tr_signal, use_i18n};

const FIELD: &str = "npwp";

#[component]
pub fn NpwpPage() -> impl IntoView {
    question_page(Question::Npwp, npwp_form)
}

fn npwp_form(flow: Flow, _ready: Ready) -> AnyView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let navigate = use_navigate();
    let form = FormState::new();
    let typed = draft.typed.npwp;
    page_title(Some(form.errors), |_, lang| {
        Question::Npwp.title(lang).to_owned()
    });
    if typed.with_untracked(String::is_empty)
        && let Some(npwp) = draft
            .answers
            .with_untracked(|a| a.as_ref().and_then(|a| a.npwp.clone()))
    {
        typed.set(npwp.formatted());
    }

    let next = flow.next();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match Npwp::parse(&typed.get_untracked()) {
            Ok(npwp) => {
                form.succeed();
                draft.update(|a| a.npwp = Some(npwp));
                navigate(&next, Default::default());
            }
            Err(e) => form.refuse(vec![Finding::of(Some(FIELD), &e)]),
        }
    };

    view! {
        {back_link(flow.back())}
        <ErrorSummary errors=form.errors target=|_| FIELD.to_owned() />
        <h1>{move || Question::Npwp.title(i18n.lang())}</h1>
        <p>{tr(|t| t.npwp_why)}</p>
        <form novalidate on:submit=on_submit data-testid="npwp-form">
            <TextField
                id=FIELD
                label=tr_signal(|t| t.npwp_label)
                hint=tr_signal(|t| t.npwp_hint)
                value=typed
                error=field_error(form.errors, FIELD)
                inputmode="numeric"
                maxlength=40
            />
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
    }
    .into_any()
}

//! The day of the event the claim rests on, asked in the words of the reason ("Tanggal surat
//! pengunduran diri", "Tanggal PHK", …).

use klaim_core::claim::{Question, event_date_label};
use klaim_core::message::Finding;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{Flow, Ready, back_link, page_title, question_page};
use crate::claim::{ClaimDraft, date_input_id, parse_date};
use crate::components::{DateField, ErrorSummary, SubmitButton, field_error};
use crate::form::FormState;
use crate::i18n::{tr_signal, use_i18n};

const FIELD: &str = "event_date";

#[component]
pub fn EventDatePage() -> impl IntoView {
    question_page(Question::EventDate, event_date_form)
}

fn event_date_form(flow: Flow, _ready: Ready) -> AnyView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let navigate = use_navigate();
    let form = FormState::new();
    let reason = flow.reason;
    let parts = draft.typed.event;
    page_title(Some(form.errors), move |_, lang| {
        event_date_label(reason, lang).to_owned()
    });
    if let Some(date) = draft
        .answers
        .with_untracked(|a| a.as_ref().and_then(|a| a.event_on))
        && parts.day.with_untracked(String::is_empty)
    {
        parts.day.set(date.day().to_string());
        parts.month.set(date.month().to_string());
        parts.year.set(date.year().to_string());
    }

    let next = flow.next();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match parse_date(parts, FIELD, None) {
            Ok(date) => {
                form.succeed();
                draft.update(|a| a.event_on = Some(date));
                navigate(&next, Default::default());
            }
            Err(found) => form.refuse(vec![found]),
        }
    };

    view! {
        {back_link(flow.back())}
        <ErrorSummary errors=form.errors target=target />
        <form novalidate on:submit=on_submit data-testid="event-date-form">
            <DateField
                id=FIELD
                legend=Signal::derive(move || event_date_label(reason, i18n.lang()))
                hint=tr_signal(|t| t.event_date_hint)
                day=parts.day
                month=parts.month
                year=parts.year
                error=field_error(form.errors, FIELD)
                autocomplete="off"
                heading=true
            />
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
    }
    .into_any()
}

fn target(finding: &Finding) -> String {
    date_input_id(finding.field.unwrap_or(FIELD), finding.code)
}

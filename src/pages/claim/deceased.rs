//! "Data peserta yang meninggal": on a death claim the heir first names who died (NIK, KPJ, birth
//! date); the server looks the participant up, and the rules then read the deceased's facts.

use klaim_core::claim::{DeceasedAnswers, Question};
use klaim_core::message::Finding;
use klaim_core::{Kpj, Nik};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::{Flow, back_link, journey_page_with, page_title, with_facts_of};
use crate::api;
use crate::browser::today;
use crate::claim::{ClaimDraft, date_input_id, parse_date};
use crate::components::{
    DateField, ErrorSummary, RequestTrouble, SubmitButton, TextField, field_error,
};
use crate::form::FormState;
use crate::i18n::{tr, tr_signal, use_i18n};

const NIK: &str = "deceased_nik";
const KPJ: &str = "deceased_kpj";
const BIRTH: &str = "deceased_birth_date";
const FIELDS: [&str; 3] = [NIK, KPJ, BIRTH];

#[component]
pub fn DeceasedPage() -> impl IntoView {
    journey_page_with(|programme, reason| {
        // Only the heir's own facts are needed here (and prove a session).
        with_facts_of(programme, reason, false, move |ready| {
            let flow = Flow::new(programme, reason, Question::Deceased, &ready.facts);
            deceased_form(flow)
        })
        .into_any()
    })
}

fn deceased_form(flow: Flow) -> AnyView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let navigate = use_navigate();
    let form = FormState::new();
    let typed = draft.typed;
    page_title(Some(form.errors), |_, lang| {
        Question::Deceased.title(lang).to_owned()
    });
    if let Some(d) = draft
        .answers
        .with_untracked(|a| a.as_ref().and_then(|a| a.deceased.clone()))
        && typed.deceased_nik.with_untracked(String::is_empty)
    {
        typed.deceased_nik.set(d.nik.as_str().to_owned());
        typed.deceased_kpj.set(d.kpj.as_str().to_owned());
        typed.deceased_birth.day.set(d.birth_date.day().to_string());
        typed
            .deceased_birth
            .month
            .set(d.birth_date.month().to_string());
        typed
            .deceased_birth
            .year
            .set(d.birth_date.year().to_string());
    }

    let next = flow.next();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let checked = check(draft);
        if !form.start(checked.clone()) {
            return;
        }
        let Ok(deceased) = checked else { return };
        let lang = i18n.lang_untracked();
        let navigate = navigate.clone();
        let next = next.clone();
        spawn_local(async move {
            match api::deceased_claim_facts(lang, &deceased.nik, &deceased.kpj).await {
                Ok(facts) => {
                    form.succeed();
                    draft.deceased_facts.set(Some(facts));
                    draft.update(|a| a.deceased = Some(deceased));
                    navigate(&next, Default::default());
                }
                Err(failure) => form.fail(failure, &FIELDS),
            }
        });
    };

    view! {
        {back_link(flow.back())}
        <ErrorSummary errors=form.errors target=target />
        <ServerHints errors=form.errors />
        <h1>{move || Question::Deceased.title(i18n.lang())}</h1>
        <p class="lead">{tr(|t| t.deceased_lead)}</p>
        <form novalidate on:submit=on_submit data-testid="deceased-form">
            <TextField
                id=NIK
                label=tr_signal(|t| t.deceased_nik_label)
                hint=tr_signal(|t| t.deceased_nik_hint)
                value=typed.deceased_nik
                error=field_error(form.errors, NIK)
                inputmode="numeric"
                maxlength=40
            />
            <TextField
                id=KPJ
                label=tr_signal(|t| t.deceased_kpj_label)
                hint=tr_signal(|t| t.deceased_kpj_hint)
                value=typed.deceased_kpj
                error=field_error(form.errors, KPJ)
                inputmode="numeric"
                maxlength=40
            />
            <DateField
                id=BIRTH
                legend=tr_signal(|t| t.deceased_birth_legend)
                hint=tr_signal(|t| t.birth_date_hint)
                day=typed.deceased_birth.day
                month=typed.deceased_birth.month
                year=typed.deceased_birth.year
                error=field_error(form.errors, BIRTH)
                autocomplete="off"
            />
            <RequestTrouble trouble=form.trouble />
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
    }
    .into_any()
}

/// Each field through its parser; every problem at once.
fn check(draft: ClaimDraft) -> Result<DeceasedAnswers, Vec<Finding>> {
    let typed = draft.typed;
    let nik = typed
        .deceased_nik
        .with_untracked(|n| Nik::parse(n))
        .map_err(|e| Finding::of(Some(NIK), &e));
    let kpj = typed
        .deceased_kpj
        .with_untracked(|k| Kpj::parse(k))
        .map_err(|e| Finding::of(Some(KPJ), &e));
    let birth_date = parse_date(typed.deceased_birth, BIRTH, Some(today()));
    match (nik, kpj, birth_date) {
        (Ok(nik), Ok(kpj), Ok(birth_date)) => Ok(DeceasedAnswers {
            nik,
            kpj,
            birth_date,
        }),
        (nik, kpj, birth_date) => Err([nik.err(), kpj.err(), birth_date.err()]
            .into_iter()
            .flatten()
            .collect()),
    }
}

/// "Not found" is about the whole form: it leads to the first field.
fn target(finding: &Finding) -> String {
    match finding.field {
        Some(BIRTH) => date_input_id(BIRTH, finding.code),
        Some(field) => field.to_owned(),
        None => NIK.to_owned(),
    }
}

/// What to do when the server did not find the participant.
#[component]
fn ServerHints(errors: RwSignal<Vec<Finding>>) -> impl IntoView {
    move || {
        errors
            .with(|e| e.iter().any(|f| f.field.is_none()))
            .then(|| {
                view! {
                    <p class="problem-hint" data-testid="problem-hint">
                        {tr(|t| t.deceased_not_found_hint)}
                    </p>
                }
            })
    }
}

//! "Cek data kepesertaan": the start page. Name, NIK, KPJ, birth date and mobile number, checked
//! with klaim-core when the person presses Lanjutkan (never while typing).

use klaim_core::forms::membership::check_membership;
use klaim_core::message::Finding;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::{set_title, today};
use crate::components::{DateField, ErrorSummary, TextField, field_error};
use crate::i18n::{tr, tr_signal, use_i18n};
use crate::state::MembershipDraft;

#[component]
pub fn CheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<MembershipDraft>();
    let errors = RwSignal::new(Vec::<Finding>::new());
    let navigate = use_navigate();

    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = errors.with(|e| !e.is_empty());
        set_title(
            t.check_title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match check_membership(&draft.input(), today()) {
            Ok(checked) => {
                errors.set(Vec::new());
                draft.result.set(Some(checked));
                navigate("/cek/hasil", Default::default());
            }
            Err(found) => {
                draft.result.set(None);
                errors.set(found);
            }
        }
    };

    view! {
        <ErrorSummary errors target=input_id />
        <h1>{tr(|t| t.check_title)}</h1>
        <p class="lead">{tr(|t| t.check_lead)}</p>
        <p class="notice">{tr(|t| t.check_free_notice)}</p>
        <form novalidate on:submit=on_submit data-testid="membership-form">
            <TextField
                id="full_name"
                label=tr_signal(|t| t.name_label)
                hint=tr_signal(|t| t.name_hint)
                value=draft.full_name
                error=field_error(errors, "full_name")
                autocomplete="name"
                maxlength=200
            />
            <TextField
                id="nik"
                label=tr_signal(|t| t.nik_label)
                hint=tr_signal(|t| t.nik_hint)
                value=draft.nik
                error=field_error(errors, "nik")
                inputmode="numeric"
                maxlength=40
            />
            <TextField
                id="kpj"
                label=tr_signal(|t| t.kpj_label)
                hint=tr_signal(|t| t.kpj_hint)
                value=draft.kpj
                error=field_error(errors, "kpj")
                inputmode="numeric"
                maxlength=40
            />
            <DateField
                id="birth_date"
                legend=tr_signal(|t| t.birth_date_legend)
                hint=tr_signal(|t| t.birth_date_hint)
                day=draft.birth_day
                month=draft.birth_month
                year=draft.birth_year
                error=field_error(errors, "birth_date")
                autocomplete="bday"
            />
            <TextField
                id="phone"
                label=tr_signal(|t| t.phone_label)
                hint=tr_signal(|t| t.phone_hint)
                value=draft.phone
                error=field_error(errors, "phone")
                input_type="tel"
                inputmode="tel"
                autocomplete="tel"
                maxlength=40
            />
            <button type="submit" class="button" data-testid="continue">
                {tr(|t| t.continue_button)}
            </button>
        </form>
    }
}

/// The input an error summary link leads to: for a date, the part that is missing.
fn input_id(finding: &Finding) -> String {
    let field = finding.field.unwrap_or("full_name");
    match finding.code {
        "birth_date.missing_month" => format!("{field}_month"),
        "birth_date.missing_year" | "birth_date.year_four_digits" => format!("{field}_year"),
        _ => field.to_owned(),
    }
}

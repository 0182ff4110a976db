//! "Daftar akun Klaim": identity as the registry knows it, and a password with a live checklist.
//! Checked with klaim-core on Lanjutkan; then the server looks the person up in the registry.

use klaim_core::forms::account::{check_registration, field};
use klaim_core::message::Finding;
use klaim_core::password::{PersonalData, checklist};
use klaim_core::{BirthDate, Nik, PersonName};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::browser::{set_title, today};
use crate::components::{
    DateField, ErrorSummary, PasswordField, ProblemHints, RequestTrouble, Rules, SubmitButton,
    TextField, field_error,
};
use crate::form::FormState;
use crate::i18n::{tr, tr_signal, use_i18n};
use crate::state::{MembershipDraft, RegistrationDraft};

/// The inputs, in form order (the server's findings are matched against these).
const FIELDS: [&str; 5] = [
    field::FULL_NAME,
    field::NIK,
    field::KPJ,
    field::BIRTH_DATE,
    field::PASSWORD,
];

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<RegistrationDraft>();
    draft.prefill_from(&expect_context::<MembershipDraft>());
    let form = FormState::new();
    let navigate = use_navigate();

    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = form.errors.with(|e| !e.is_empty());
        set_title(
            t.register_title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });

    let rules = Signal::derive(move || password_rules(&draft));

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = draft.input();
        if !form.start(check_registration(&input, today())) {
            return;
        }
        let lang = i18n.lang_untracked();
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::start_registration(lang, &input).await {
                Ok(started) => {
                    form.succeed();
                    draft.started.set(Some(started));
                    draft.sent.set(None);
                    draft.code.set(String::new());
                    navigate("/daftar/kode", Default::default());
                }
                Err(failure) => form.fail(failure, &FIELDS),
            }
        });
    };

    view! {
        <ErrorSummary errors=form.errors target=input_id />
        <ProblemHints errors=form.errors />
        <h1>{tr(|t| t.register_title)}</h1>
        <p class="lead">{tr(|t| t.register_lead)}</p>
        <form novalidate on:submit=on_submit data-testid="register-form">
            <TextField
                id="full_name"
                label=tr_signal(|t| t.name_label)
                hint=tr_signal(|t| t.name_hint)
                value=draft.full_name
                error=field_error(form.errors, "full_name")
                autocomplete="name"
                maxlength=200
            />
            <TextField
                id="nik"
                label=tr_signal(|t| t.nik_label)
                hint=tr_signal(|t| t.nik_hint)
                value=draft.nik
                error=field_error(form.errors, "nik")
                inputmode="numeric"
                maxlength=40
            />
            <TextField
                id="kpj"
                label=tr_signal(|t| t.kpj_label)
                hint=tr_signal(|t| t.kpj_hint)
                value=draft.kpj
                error=field_error(form.errors, "kpj")
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
                error=field_error(form.errors, "birth_date")
                autocomplete="bday"
            />
            <PasswordField
                id="password"
                label=tr_signal(|t| t.password_label)
                hint=tr_signal(|t| t.password_new_hint)
                value=draft.password
                error=field_error(form.errors, "password")
                autocomplete="new-password"
                rules
            />
            <RequestTrouble trouble=form.trouble />
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
        <p>
            {tr(|t| t.have_account)} " "
            <a href="/masuk" data-testid="to-sign-in">
                {tr(|t| t.nav_sign_in)}
            </a>
        </p>
    }
}

/// The checklist for what is typed now, against the NIK, birth date and name typed above it (the
/// same personal data `check_registration` and the server use).
fn password_rules(draft: &RegistrationDraft) -> Rules {
    let name = draft.full_name.with(|n| PersonName::parse(n).ok());
    let nik = draft.nik.with(|n| Nik::parse(n).ok());
    let birth_date = BirthDate::from_parts(
        &draft.birth_day.get(),
        &draft.birth_month.get(),
        &draft.birth_year.get(),
        today(),
    )
    .ok();
    let personal = PersonalData {
        nik: nik.as_ref(),
        birth_date,
        name: name.as_ref(),
    };
    draft.password.with(|p| checklist(p, personal))
}

/// The input an error summary link leads to: for a date, the part that is missing; a finding
/// about the whole form (the registry does not know the person) leads to the first field.
fn input_id(finding: &Finding) -> String {
    let field = finding.field.unwrap_or(field::FULL_NAME);
    match finding.code {
        "birth_date.missing_month" => format!("{field}_month"),
        "birth_date.missing_year" | "birth_date.year_four_digits" => format!("{field}_year"),
        _ => field.to_owned(),
    }
}

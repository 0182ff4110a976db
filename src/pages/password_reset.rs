//! "Lupa kata sandi": who forgot (the answer is the same whether or not the account exists), then
//! the code and a new password, then a confirmation to sign in.

use klaim_core::Nik;
use klaim_core::forms::account::{
    NewPasswordInput, PasswordResetInput, check_new_password, check_password_reset, field,
};
use klaim_core::password::{PersonalData, checklist};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::browser::set_title;
use crate::components::{
    ErrorSummary, PasswordField, ProblemHints, RequestTrouble, SubmitButton, TextField, field_error,
};
use crate::form::FormState;
use crate::i18n::{tr, tr_signal, use_i18n};
use crate::state::{Account, Notice, ResetDraft};

#[component]
pub fn ResetStartPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<ResetDraft>();
    let form = FormState::new();
    let navigate = use_navigate();

    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = form.errors.with(|e| !e.is_empty());
        set_title(
            t.reset_title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = PasswordResetInput {
            login: draft.login.get_untracked(),
        };
        if !form.start(check_password_reset(&input)) {
            return;
        }
        let lang = i18n.lang_untracked();
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::start_password_reset(lang, &input).await {
                Ok(started) => {
                    form.succeed();
                    draft.started.set(Some(started));
                    draft.code.set(String::new());
                    draft.password.set(String::new());
                    navigate("/lupa-sandi/baru", Default::default());
                }
                Err(failure) => form.fail(failure, &[field::LOGIN]),
            }
        });
    };

    view! {
        <a class="back-link" href="/masuk">
            {tr(|t| t.back)}
        </a>
        <ErrorSummary errors=form.errors target=|_| field::LOGIN.to_owned() />
        <ProblemHints errors=form.errors />
        <h1>{tr(|t| t.reset_title)}</h1>
        <p>{tr(|t| t.reset_lead)}</p>
        <form novalidate on:submit=on_submit data-testid="reset-form">
            <TextField
                id="login"
                label=tr_signal(|t| t.login_label)
                hint=tr_signal(|t| t.login_hint)
                value=draft.login
                error=field_error(form.errors, "login")
                autocomplete="username"
                maxlength=254
            />
            <RequestTrouble trouble=form.trouble />
            <SubmitButton label=tr_signal(|t| t.send_code_button) busy=form.busy />
        </form>
    }
}

const NEW_FIELDS: [&str; 2] = [field::CODE, field::PASSWORD];

#[component]
pub fn ResetNewPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<ResetDraft>();
    let account = expect_context::<Account>();
    let Some(started) = draft.started.get_untracked() else {
        return view! { <Redirect path="/lupa-sandi" /> }.into_any();
    };
    let reset_id = RwSignal::new(started.reset_id);
    let form = FormState::new();
    let done = RwSignal::new(false);
    let resent = RwSignal::new(false);

    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = form.errors.with(|e| !e.is_empty());
        let title = if done.get() {
            t.reset_done_title
        } else {
            t.reset_new_title
        };
        set_title(
            title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });

    // The app knows only what was typed to find the account: a NIK, when it was one. The server
    // checks the whole personal-data rule (NIK, birth date, name) again.
    let login_nik = move || draft.login.with_untracked(|l| Nik::parse(l).ok());
    let rules = Signal::derive(move || {
        let nik = login_nik();
        let personal = PersonalData {
            nik: nik.as_ref(),
            ..PersonalData::default()
        };
        draft.password.with(|p| checklist(p, personal))
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = NewPasswordInput {
            code: draft.code.get_untracked(),
            password: draft.password.get_untracked(),
        };
        let nik = login_nik();
        let personal = PersonalData {
            nik: nik.as_ref(),
            ..PersonalData::default()
        };
        if !form.start(check_new_password(&input, personal)) {
            return;
        }
        let lang = i18n.lang_untracked();
        let id = reset_id.get_untracked();
        spawn_local(async move {
            match api::complete_password_reset(lang, &id, &input).await {
                Ok(()) => {
                    form.succeed();
                    // Every session of the account ended, this one too if it was signed in;
                    // the sign-in page then says the password was changed.
                    account.forget(Notice::PasswordChanged);
                    done.set(true);
                    draft.clear();
                }
                Err(failure) => form.fail(failure, &NEW_FIELDS),
            }
        });
    };

    let resend = move |_| {
        if !form.begin() {
            return;
        }
        resent.set(false);
        let lang = i18n.lang_untracked();
        let input = PasswordResetInput {
            login: draft.login.get_untracked(),
        };
        spawn_local(async move {
            match api::start_password_reset(lang, &input).await {
                Ok(started) => {
                    form.succeed();
                    reset_id.set(started.reset_id.clone());
                    draft.started.set(Some(started));
                    resent.set(true);
                }
                Err(failure) => form.fail(failure, &NEW_FIELDS),
            }
        });
    };

    view! {
        <Show
            when=move || !done.get()
            fallback=move || {
                view! {
                    <div class="panel-success" data-testid="reset-done">
                        <h1>{tr(|t| t.reset_done_title)}</h1>
                    </div>
                    <p>{tr(|t| t.reset_done_body)}</p>
                    <p>
                        <a class="button" href="/masuk" data-testid="to-sign-in">
                            {tr(|t| t.sign_in_button)}
                        </a>
                    </p>
                }
            }
        >
            <a class="back-link" href="/lupa-sandi">
                {tr(|t| t.back)}
            </a>
            <ErrorSummary errors=form.errors target=input_id />
            <ProblemHints errors=form.errors restart="/lupa-sandi" />
            <h1>{tr(|t| t.reset_new_title)}</h1>
            <p class="notice" role="status" data-testid="reset-sent">
                {tr(|t| t.reset_sent_neutral)}
            </p>
            <form novalidate on:submit=on_submit data-testid="new-password-form">
                <TextField
                    id="code"
                    label=tr_signal(|t| t.code_label)
                    hint=tr_signal(|t| t.code_hint)
                    value=draft.code
                    error=field_error(form.errors, "code")
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    maxlength=12
                />
                <PasswordField
                    id="password"
                    label=tr_signal(|t| t.new_password_label)
                    hint=tr_signal(|t| t.password_new_hint)
                    value=draft.password
                    error=field_error(form.errors, "password")
                    autocomplete="new-password"
                    rules
                />
                <RequestTrouble trouble=form.trouble />
                <SubmitButton
                    label=tr_signal(|t| t.reset_save_button)
                    busy=form.busy
                />
            </form>
            <p>
                <button
                    type="button"
                    class="link-button"
                    data-testid="resend-code"
                    disabled=move || form.busy.get()
                    on:click=resend
                >
                    {tr(|t| t.resend_code)}
                </button>
            </p>
            <p role="status" data-testid="resent">
                {move || resent.get().then(|| i18n.t().reset_resent)}
            </p>
        </Show>
    }
    .into_any()
}

fn input_id(finding: &klaim_core::message::Finding) -> String {
    finding.field.unwrap_or(field::CODE).to_owned()
}

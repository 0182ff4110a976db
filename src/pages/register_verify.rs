//! "Masukkan kode verifikasi": the 6-digit code; a new one on request. A right code creates the
//! account and signs the person in.

use klaim_core::forms::account::{CodeInput, check_code, field};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::browser::set_title;
use crate::components::{
    ErrorSummary, ProblemHints, RequestTrouble, SubmitButton, TextField, field_error,
};
use crate::form::FormState;
use crate::i18n::{tr, tr_signal, use_i18n};
use crate::state::{Account, Drafts, RegistrationDraft};

const FIELDS: [&str; 1] = [field::CODE];

#[component]
pub fn RegisterVerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<RegistrationDraft>();
    let account = expect_context::<Account>();
    let drafts = expect_context::<Drafts>();
    // Read here: contexts are not reachable from the submit handler.
    let room = use_context::<crate::offline::storage::StorageRoom>();
    let (Some(started), Some(first_sent)) =
        (draft.started.get_untracked(), draft.sent.get_untracked())
    else {
        return view! { <Redirect path="/daftar/kode" /> }.into_any();
    };
    let form = FormState::new();
    let navigate = use_navigate();
    // Where the latest code went, and whether it was a resend (said once, politely).
    let sent = RwSignal::new(first_sent);
    let resent = RwSignal::new(false);

    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = form.errors.with(|e| !e.is_empty());
        set_title(
            t.verify_title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });

    let id = started.registration_id.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = CodeInput {
            code: draft.code.get_untracked(),
        };
        if !form.start(check_code(&input)) {
            return;
        }
        let lang = i18n.lang_untracked();
        let navigate = navigate.clone();
        let id = id.clone();
        spawn_local(async move {
            match api::verify_registration(lang, &id, &input).await {
                Ok(me) => {
                    form.succeed();
                    account.signed_in.set(true);
                    drafts.signed_in(&me);
                    crate::offline::signed_in(room, lang, &me);
                    navigate("/akun", Default::default());
                    // The password and the registration are not needed any more.
                    draft.clear();
                }
                Err(failure) => form.fail(failure, &FIELDS),
            }
        });
    };

    let id = started.registration_id.clone();
    let resend = move |_| {
        if !form.begin() {
            return;
        }
        resent.set(false);
        let lang = i18n.lang_untracked();
        let channel = sent.get_untracked().channel;
        let id = id.clone();
        spawn_local(async move {
            match api::send_registration_code(lang, &id, channel).await {
                Ok(new) => {
                    form.succeed();
                    draft.sent.set(Some(new.clone()));
                    sent.set(new);
                    resent.set(true);
                }
                Err(failure) => form.fail(failure, &FIELDS),
            }
        });
    };

    view! {
        <a class="back-link" href="/daftar/kode">
            {tr(|t| t.back)}
        </a>
        <ErrorSummary errors=form.errors target=|_| field::CODE.to_owned() />
        <ProblemHints errors=form.errors restart="/daftar" />
        <h1>{tr(|t| t.verify_title)}</h1>
        <p data-testid="code-sent-to">
            {move || {
                let t = i18n.t();
                sent.with(|s| (t.code_sent_to)(&s.masked))
            }}
        </p>
        <form novalidate on:submit=on_submit data-testid="verify-form">
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
            <RequestTrouble trouble=form.trouble />
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
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
            {move || {
                resent
                    .get()
                    .then(|| sent.with(|s| (i18n.t().code_resent_to)(&s.masked)))
            }}
        </p>
    }
    .into_any()
}

//! "Masuk": NIK or e-mail, and the password.

use klaim_core::forms::account::{LoginInput, check_login, field};
use klaim_core::message::Finding;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::browser::set_title;
use crate::components::{
    ErrorSummary, ProblemHints, RequestTrouble, StaffRole, SubmitButton, TextField, field_error,
    landing,
};
use crate::form::FormState;
use crate::i18n::{Texts, tr, tr_signal, use_i18n};
use crate::state::{Account, ClaimDraft, Drafts, Notice};

const FIELDS: [&str; 2] = [field::LOGIN, field::PASSWORD];

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let account = expect_context::<Account>();
    let claim = expect_context::<ClaimDraft>();
    let drafts = expect_context::<Drafts>();
    // Read here: contexts are not reachable from the submit handler.
    let room = use_context::<crate::offline::storage::StorageRoom>();
    let staff = StaffRole::find();
    // Why the person is here (signed out, session ended…), said once.
    let notice = account.notice.get_untracked();
    account.notice.set(None);
    let form = FormState::new();
    let navigate = use_navigate();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());

    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = form.errors.with(|e| !e.is_empty());
        set_title(
            t.sign_in_title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = LoginInput {
            login: login.get_untracked(),
            password: password.get_untracked(),
        };
        if !form.start(check_login(&input)) {
            return;
        }
        let lang = i18n.lang_untracked();
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::sign_in(lang, &input).await {
                Ok(me) => {
                    form.succeed();
                    account.signed_in.set(true);
                    if let Some(staff) = staff {
                        staff.set(me.role);
                    }
                    // Facts fetched for someone else in this tab are not this person's.
                    claim.forget_facts();
                    // This account's saved claim draft, unless a journey is under way here.
                    drafts.signed_in(&me);
                    crate::offline::signed_in(room, lang, &me);
                    // Officers land on the queue, admins on the audit trail.
                    navigate(
                        &landing(me.role, account.take_return_to()),
                        Default::default(),
                    );
                }
                Err(failure) => form.fail(failure, &FIELDS),
            }
        });
    };

    view! {
        {notice
            .map(|n| {
                view! {
                    <p class="notice" role="status" data-testid="notice">
                        {move || notice_text(i18n.t(), n)}
                    </p>
                }
            })}
        <ErrorSummary errors=form.errors target=input_id />
        <ProblemHints errors=form.errors />
        <h1>{tr(|t| t.sign_in_title)}</h1>
        <form novalidate on:submit=on_submit data-testid="sign-in-form">
            <TextField
                id="login"
                label=tr_signal(|t| t.login_label)
                hint=tr_signal(|t| t.login_hint)
                value=login
                error=field_error(form.errors, "login")
                autocomplete="username"
                maxlength=254
            />
            <TextField
                id="password"
                label=tr_signal(|t| t.password_label)
                hint=tr_signal(|t| t.password_current_hint)
                value=password
                error=field_error(form.errors, "password")
                input_type="password"
                autocomplete="current-password"
                maxlength=128
            />
            <RequestTrouble trouble=form.trouble />
            <SubmitButton
                label=tr_signal(|t| t.sign_in_button)
                busy=form.busy
                testid="sign-in"
            />
        </form>
        <p>
            <a href="/lupa-sandi" data-testid="to-forgot-password">
                {tr(|t| t.forgot_password_link)}
            </a>
        </p>
        <p>
            {tr(|t| t.no_account)} " "
            <a href="/daftar" data-testid="to-register">
                {tr(|t| t.register_link)}
            </a>
        </p>
    }
}

fn notice_text(t: &'static Texts, notice: Notice) -> &'static str {
    match notice {
        Notice::SignedOut => t.signed_out_notice,
        Notice::SignInNeeded => t.sign_in_needed_notice,
        Notice::SignInToClaim => t.sign_in_to_claim_notice,
        Notice::PasswordChanged => t.password_changed_notice,
    }
}

/// A refusal about the whole form ("NIK atau email dan kata sandi tidak cocok") leads to the
/// first field.
fn input_id(finding: &Finding) -> String {
    finding.field.unwrap_or(field::LOGIN).to_owned()
}

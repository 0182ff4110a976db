//! "Ke mana kode verifikasi dikirim?": the contacts the registry holds, masked; one is chosen.

use klaim_core::AccountProblem;
use klaim_core::forms::account::{Channel, field};
use klaim_core::message::Finding;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::browser::set_title;
use crate::components::{ErrorSummary, ProblemHints, RequestTrouble, SubmitButton, field_error};
use crate::form::FormState;
use crate::i18n::{Texts, tr, tr_signal, use_i18n};
use crate::state::RegistrationDraft;

const FIELDS: [&str; 1] = [field::CHANNEL];

#[component]
pub fn RegisterCodePage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<RegistrationDraft>();
    // Reached without a registration the server started (a reload, a typed address): start over.
    let Some(started) = draft.started.get_untracked() else {
        return view! { <Redirect path="/daftar" /> }.into_any();
    };
    let form = FormState::new();
    let navigate = use_navigate();
    let first = started.contacts.first().map(|c| c.channel);
    let chosen = RwSignal::new(draft.sent.get_untracked().map(|s| s.channel).or(first));

    Effect::new(move |_| {
        let t = i18n.t();
        let has_errors = form.errors.with(|e| !e.is_empty());
        set_title(
            t.channel_title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });

    let registration_id = started.registration_id.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(channel) = chosen.get_untracked() else {
            form.refuse(vec![Finding::of(None, &AccountProblem::NoContact)]);
            return;
        };
        if !form.begin() {
            return;
        }
        let lang = i18n.lang_untracked();
        let navigate = navigate.clone();
        let id = registration_id.clone();
        spawn_local(async move {
            match api::send_registration_code(lang, &id, channel).await {
                Ok(sent) => {
                    form.succeed();
                    draft.sent.set(Some(sent));
                    navigate("/daftar/verifikasi", Default::default());
                }
                Err(failure) => form.fail(failure, &FIELDS),
            }
        });
    };

    let error = field_error(form.errors, field::CHANNEL);
    let has_error = move || error.with(Option::is_some);
    let options = started
        .contacts
        .iter()
        .enumerate()
        .map(|(index, contact)| {
            // The first radio carries the field's id, so the error summary can lead to it.
            let id = if index == 0 {
                field::CHANNEL.to_owned()
            } else {
                format!("{}-{index}", field::CHANNEL)
            };
            let channel = contact.channel;
            let masked = contact.masked.clone();
            view! {
                <div class="radio">
                    <input
                        class="radio__input"
                        type="radio"
                        id=id.clone()
                        name="channel"
                        value=channel.as_str()
                        data-testid=format!("channel-{}", channel.as_str())
                        prop:checked=move || chosen.get() == Some(channel)
                        on:change=move |_| chosen.set(Some(channel))
                    />
                    <label class="radio__label" for=id>
                        {move || channel_words(i18n.t(), channel)} " "
                        <span class="mono">{masked.clone()}</span>
                    </label>
                </div>
            }
        })
        .collect_view();

    view! {
        <a class="back-link" href="/daftar">
            {tr(|t| t.back)}
        </a>
        <ErrorSummary errors=form.errors target=|_| field::CHANNEL.to_owned() />
        <ProblemHints errors=form.errors restart="/daftar" />
        <form novalidate on:submit=on_submit data-testid="channel-form">
            <div class="field" class:field--error=has_error>
                <fieldset aria-describedby="channel-hint">
                    <legend class="page-legend">
                        <h1>{tr(|t| t.channel_title)}</h1>
                    </legend>
                    <span class="hint" id="channel-hint">
                        {tr(|t| t.channel_hint)}
                    </span>
                    <Show when=has_error>
                        <span class="error-message" id="channel-error">
                            <span class="visually-hidden">{tr(|t| t.error_prefix)} " "</span>
                            {move || error.get()}
                        </span>
                    </Show>
                    <div class="radios">{options}</div>
                </fieldset>
            </div>
            <RequestTrouble trouble=form.trouble />
            <SubmitButton label=tr_signal(|t| t.send_code_button) busy=form.busy />
        </form>
    }
    .into_any()
}

/// "SMS ke" / "Email ke".
pub fn channel_words(t: &'static Texts, channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => t.channel_sms,
        Channel::Email => t.channel_email,
    }
}

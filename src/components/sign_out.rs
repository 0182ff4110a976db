use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::RequestTrouble;
use crate::api::{self, Failure};
use crate::form::{FormState, Trouble};
use crate::i18n::{OutboxTexts, use_i18n};
use crate::offline::Outbox;
use crate::state::{Notice, Private};

/// "Keluar": ends the session on the server, forgets everything this tab holds about the person,
/// and goes to the sign-in page, which says "Anda sudah keluar". Claims still waiting on this
/// phone would be deleted with the rest: the first press says so, the second signs out.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let i18n = use_i18n();
    let private = Private::use_all();
    let navigate = use_navigate();
    let form = FormState::new();
    let outbox = expect_context::<Outbox>();
    let warned = RwSignal::new(false);
    let unsent = move || outbox.items.with(Vec::len);
    let show_warning = move || warned.get() && unsent() > 0;
    let sign_out = move |_| {
        if unsent() > 0 && !warned.get_untracked() {
            warned.set(true);
            return;
        }
        if !form.begin() {
            return;
        }
        let lang = i18n.lang_untracked();
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::sign_out(lang).await {
                // Already signed out (the session had ended): the same result.
                Ok(()) | Err(Failure::Api { status: 401, .. }) => {
                    form.succeed();
                    private.wipe(Notice::SignedOut);
                    navigate("/masuk", Default::default());
                }
                Err(Failure::Offline) => form.fail(Failure::Offline, &[]),
                Err(_) => {
                    form.busy.set(false);
                    form.trouble.set(Some(Trouble::Server));
                }
            }
        });
    };
    view! {
        <Show when=show_warning>
            <p class="notice" role="alert" data-testid="sign-out-warning">
                {move || (OutboxTexts::of(i18n.lang()).sign_out_warning)(unsent())}
            </p>
        </Show>
        <RequestTrouble trouble=form.trouble />
        <button
            type="button"
            class="button button--secondary"
            data-testid="sign-out"
            disabled=move || form.busy.get()
            aria-busy=move || form.busy.get().then_some("true")
            on:click=sign_out
        >
            {move || {
                let t = i18n.t();
                if form.busy.get() { t.busy } else { t.sign_out_button }
            }}
        </button>
    }
}

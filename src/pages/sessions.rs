//! "Perangkat yang masuk": the account's sessions, this one marked, the others can be signed out;
//! and "Keluar" for this one.

use klaim_core::Lang;
use klaim_core::api::account::SessionSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::account::{failure_view, loading_view, private_resource};
use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::components::{RequestTrouble, SignOutButton};
use crate::form::Trouble;
use crate::format::{now_unix_seconds, wib_moment};
use crate::i18n::{Texts, tr, use_i18n};
use crate::state::{Account, Notice};

#[component]
pub fn SessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let account = expect_context::<Account>();
    Effect::new(move |_| {
        let t = i18n.t();
        set_title(t.sessions_title, None, t.title_suffix);
    });
    let list = private_resource(move || api::sessions(i18n.lang_untracked()));
    // The session being signed out (one at a time), and what happened to the last one.
    let ending = RwSignal::new(None::<String>);
    let ended = RwSignal::new(false);
    let trouble = RwSignal::new(None::<Trouble>);

    let end = move |id: String| {
        if ending.get_untracked().is_some() {
            return;
        }
        ending.set(Some(id.clone()));
        ended.set(false);
        trouble.set(None);
        let lang = i18n.lang_untracked();
        spawn_local(async move {
            match api::end_session(lang, &id).await {
                // 404: it had ended already; either way the list is fetched again.
                Ok(()) | Err(Failure::Api { status: 404, .. }) => {
                    ended.set(true);
                    list.refetch();
                }
                Err(f) if f.is_unauthenticated() => {
                    account.forget(Notice::SignInNeeded);
                    list.refetch();
                }
                Err(Failure::Offline) => trouble.set(Some(Trouble::Offline)),
                Err(_) => trouble.set(Some(Trouble::Server)),
            }
            ending.set(None);
        });
    };

    // Plain text inside, re-drawn when the list or the language changes.
    let session_view = move |s: SessionSummary, t: &'static Texts, lang: Lang, now: i64| {
        let id = s.id;
        let this_id = id.clone();
        let end_button = (!s.current).then(|| {
            let busy = move || ending.with(|e| e.as_deref() == Some(this_id.as_str()));
            view! {
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="end-session"
                    aria-label=(t.end_session_label)(&s.device)
                    disabled=move || ending.with(Option::is_some)
                    on:click=move |_| end(id.clone())
                >
                    {move || if busy() { t.busy } else { t.end_session_button }}
                </button>
            }
        });
        let this_device = s.current.then(|| {
            view! {
                " "
                <span class="tag" data-testid="this-device">
                    {t.this_device}
                </span>
            }
        });
        view! {
            <li class="session" data-testid="session" data-current=s.current.to_string()>
                <p class="session__device">
                    <strong>{s.device}</strong>
                    {this_device}
                </p>
                <dl class="facts">
                    <div>
                        <dt>{t.session_created}</dt>
                        <dd>{wib_moment(s.created_at, now, lang)}</dd>
                    </div>
                    <div>
                        <dt>{t.session_last_seen}</dt>
                        <dd>{wib_moment(s.last_seen_at, now, lang)}</dd>
                    </div>
                </dl>
                {end_button}
            </li>
        }
    };

    view! {
        <a class="back-link" href="/akun">
            {tr(|t| t.back_to_account)}
        </a>
        <h1>{tr(|t| t.sessions_title)}</h1>
        <p>{tr(|t| t.sessions_lead)}</p>
        <p role="status" data-testid="session-ended">
            {move || ended.get().then(|| i18n.t().session_ended)}
        </p>
        <RequestTrouble trouble />
        {move || match list.get() {
            Some(Ok(answer)) => {
                let (t, lang, now) = (i18n.t(), i18n.lang(), now_unix_seconds());
                let items = answer
                    .sessions
                    .into_iter()
                    .map(|s| session_view(s, t, lang, now))
                    .collect_view();
                view! { <ul class="sessions" data-testid="sessions">{items}</ul> }.into_any()
            }
            Some(Err(failure)) => failure_view(failure, move || list.refetch()).into_any(),
            None => loading_view().into_any(),
        }}
        <Show when=move || list.with(|l| matches!(l, Some(Ok(_))))>
            <SignOutButton />
        </Show>
    }
}

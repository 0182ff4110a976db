//! One claim in "Klaim saya" (`/klaim-saya/:id`): where it stands in plain words with what
//! happens next and by when, what to fix when action is needed, the decision, the timeline, the
//! receipt, and the claim as submitted.
//!
//! Refreshed every 30 s while the page is visible; the browser revalidates with the server's
//! `ETag`, so an unchanged claim costs a 304 and redraws nothing. The status is remembered on
//! this phone (`follow::known`): offline, the page shows the last known status in grey with the
//! time it was fetched, instead of an error.

use std::time::Duration;

use klaim_core::Lang;
use klaim_core::api::claim::{ClaimStatus, ClaimView};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::components::{
    last_known_banner, needs_action_view, outcome_view, status_panel, timeline_view,
};
use crate::follow::known::{self, Known, KnownClaim};
use crate::follow::refresh;
use crate::follow::timeline::timeline;
use crate::format::now_unix_seconds;
use crate::i18n::{Texts, tr, use_i18n};
use crate::pages::claim::record_view;
use crate::pages::{failure_view, loading_view, private_resource_with};
use crate::state::{FixDraft, Inbox, Notice};

/// How often the page asks for news while it is visible.
const POLL: Duration = Duration::from_secs(30);

/// What the page shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Loading,
    /// The claim from the server; `offline` once a later refresh got no answer.
    Live {
        view: Box<ClaimView>,
        offline: bool,
    },
    /// Offline from the start: only the status this phone remembers.
    Remembered(Known<KnownClaim>),
    NotFound,
    Failed(Failure),
}

#[component]
pub fn MyClaimPage() -> impl IntoView {
    let i18n = use_i18n();
    let fix = expect_context::<FixDraft>();
    let inbox = expect_context::<Inbox>();
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let fetched = private_resource_with(Notice::SignInToClaim, {
        let id = id.clone();
        move || {
            let (id, lang) = (id.clone(), i18n.lang_untracked());
            async move { api::claim(lang, &id).await }
        }
    });
    let shown = RwSignal::new(Shown::Loading);
    // When the server last answered (for "Terakhir diperbarui" once offline).
    let checked_at = RwSignal::new(0_i64);
    // A status that changed while the page was open, for screen readers.
    let announced = RwSignal::new(None::<(String, ClaimStatus)>);

    Effect::new({
        let id = id.clone();
        move |_| {
            let Some(answer) = fetched.get() else { return };
            let now = shown.with_untracked(|s| next(s, answer, &id, checked_at));
            if let Some(now) = now {
                // The claim changed under the person's eyes: the header's count is likely stale,
                // and a new status is read out.
                let before = shown.with_untracked(|s| match s {
                    Shown::Live { view, .. } => Some(view.summary.status),
                    _ => None,
                });
                if let (
                    Some(before),
                    Shown::Live {
                        view,
                        offline: false,
                    },
                ) = (before, &now)
                {
                    inbox.ask_again();
                    if view.summary.status != before {
                        announced.set(Some((view.summary.reference.clone(), view.summary.status)));
                    }
                }
                shown.set(now);
            }
        }
    });
    refresh::while_visible(POLL, move || fetched.refetch());
    // "Perbaikan Anda sudah dikirim" is said once.
    on_cleanup(move || {
        let _ = fix.sent.try_set(None);
    });

    Effect::new(move |_| {
        let t = i18n.t();
        let programme = shown.with(|s| match s {
            Shown::Live { view, .. } => Some(view.summary.programme),
            Shown::Remembered(known) => Some(known.value.summary.programme),
            _ => None,
        });
        let title = programme.map_or_else(
            || t.my_claims_title.to_owned(),
            |p| (t.claim_title)(p.abbreviation()),
        );
        set_title(&title, None, t.title_suffix);
    });

    let retry = move || fetched.refetch();
    let announcement = move || {
        announced.get().map(|(reference, status)| {
            (i18n.t().notification_text)(&reference, status.title(i18n.lang()))
        })
    };
    view! {
        <a class="back-link" href="/klaim-saya" data-testid="back">
            {tr(|t| t.back_to_my_claims)}
        </a>
        <p class="visually-hidden" role="status" data-testid="status-announcement">
            {announcement}
        </p>
        {move || {
            let t = i18n.t();
            let lang = i18n.lang();
            match shown.get() {
                Shown::Loading => loading_view().into_any(),
                Shown::NotFound => {
                    view! {
                        <h1>{t.my_claims_title}</h1>
                        <p data-testid="claim-not-found">{t.claim_not_found}</p>
                    }
                        .into_any()
                }
                Shown::Failed(failure) => failure_view(failure, retry).into_any(),
                Shown::Live { view, offline } => {
                    let just_fixed = fix.sent.get().is_some_and(|s| s == view.summary.id);
                    let stale = offline
                        .then(|| last_known_banner(checked_at.get_untracked(), t, lang, retry));
                    view! {
                        {stale}
                        {just_fixed
                            .then(|| {
                                view! {
                                    <p class="notice" role="status" data-testid="resubmitted">
                                        {t.resubmitted_notice}
                                    </p>
                                }
                            })}
                        {live_view(*view, offline, t, lang)}
                    }
                        .into_any()
                }
                Shown::Remembered(known) => {
                    view! {
                        {last_known_banner(known.fetched_at, t, lang, retry)}
                        {remembered_view(known.value, t, lang)}
                    }
                        .into_any()
                }
            }
        }}
    }
}

/// What the page shows after an answer (or a failure) of the server; `None` to keep what is
/// drawn (an unchanged claim, a refresh that failed on a server error).
fn next(
    shown: &Shown,
    answer: Result<ClaimView, Failure>,
    id: &str,
    checked_at: RwSignal<i64>,
) -> Option<Shown> {
    match answer {
        Ok(view) => {
            let now = now_unix_seconds();
            known::save_claim(&view, now);
            checked_at.set(now);
            let unchanged = matches!(shown, Shown::Live { view: v, offline: false } if **v == view);
            (!unchanged).then(|| Shown::Live {
                view: Box::new(view),
                offline: false,
            })
        }
        Err(Failure::Offline) => match shown {
            Shown::Live {
                view,
                offline: false,
            } => Some(Shown::Live {
                view: view.clone(),
                offline: true,
            }),
            Shown::Live { .. } | Shown::Remembered(_) => None,
            _ => Some(
                known::load_claim(id)
                    .map(Shown::Remembered)
                    .unwrap_or(Shown::Failed(Failure::Offline)),
            ),
        },
        Err(Failure::Api { status: 404, .. }) => {
            known::forget_claim(id);
            Some(Shown::NotFound)
        }
        // A refresh that hit trouble leaves the claim as it was drawn.
        Err(_) if matches!(shown, Shown::Live { .. }) => None,
        Err(failure) => Some(Shown::Failed(failure)),
    }
}

/// The claim from the server; offline it is drawn grey and the fix waits for the network.
fn live_view(view: ClaimView, offline: bool, t: &'static Texts, lang: Lang) -> impl IntoView {
    let s = &view.summary;
    let steps = timeline(s, &view.history, &view.decision_due_on);
    let fix_href = (!offline).then(|| format!("/klaim-saya/{}/perbaiki", s.id));
    let needs_action = (s.status == ClaimStatus::NeedsAction).then(|| {
        needs_action_view(
            &view.open_items,
            view.note.clone(),
            s.reason,
            fix_href,
            t,
            lang,
        )
    });
    let note = (s.status == ClaimStatus::Rejected)
        .then(|| view.note.clone())
        .flatten();
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class:stale=offline data-testid="claim-follow" data-offline=offline.to_string()>
            <h1>{(t.claim_title)(s.programme.abbreviation())}</h1>
            <p class="mono reference" data-testid="follow-reference">
                {s.reference.clone()}
            </p>
            {status_panel(s.status, &view.decision_due_on, t, lang)}
            {needs_action}
            {outcome_view(s.status, &view.outcome, note, t, lang)}
            {timeline_view(steps, t, lang)}
            <h2 class="no-print">{t.receipt_heading}</h2>
            <p class="no-print">
                <a
                    class="button button--secondary"
                    href=api::receipt_url(&s.id)
                    download=""
                    data-testid="receipt-link"
                >
                    {t.receipt_link}
                </a>
                " "
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="print"
                    on:click=print
                >
                    {t.sent_print}
                </button>
            </p>
            <h2>{t.sent_record_heading}</h2>
            {record_view(&view, t, lang)}
        </div>
    }
}

/// Offline from the start: the status, steps and items to fix this phone remembers.
fn remembered_view(known: KnownClaim, t: &'static Texts, lang: Lang) -> impl IntoView {
    let s = &known.summary;
    let steps = timeline(s, &known.history, &known.decision_due_on);
    let needs_action = (s.status == ClaimStatus::NeedsAction)
        .then(|| needs_action_view(&known.open_items, None, s.reason, None, t, lang));
    view! {
        <div class="stale" data-testid="claim-follow" data-offline="true">
            <h1>{(t.claim_title)(s.programme.abbreviation())}</h1>
            <p class="mono reference" data-testid="follow-reference">
                {s.reference.clone()}
            </p>
            {status_panel(s.status, &known.decision_due_on, t, lang)}
            {needs_action}
            {timeline_view(steps, t, lang)}
        </div>
    }
}

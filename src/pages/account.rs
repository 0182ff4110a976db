//! "Akun saya": the participant as the registry knows them — name, masked NIK, KPJ numbers with
//! their employments, and the JHT balance. Fetched every time the page opens (never kept), so
//! after signing out the Back button finds nothing to show.
//!
//! The profile is drawn as plain text inside one reactive closure (re-drawn on a language
//! switch): far less compiled code than a closure per text.

use klaim_core::Lang;
use klaim_core::api::account::{EndReason, Me, Membership, ParticipantProfile};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::components::SignOutButton;
use crate::format::{date_words, rupiah};
use crate::i18n::{Texts, tr, use_i18n};
use crate::state::{Notice, Private};

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let t = i18n.t();
        set_title(t.account_title, None, t.title_suffix);
    });
    let me = private_resource(move || api::me(i18n.lang_untracked()));

    view! {
        <h1>{tr(|t| t.account_title)}</h1>
        {move || match me.get() {
            Some(Ok(me)) => profile_view(me, i18n.t(), i18n.lang()).into_any(),
            Some(Err(failure)) => failure_view(failure, move || me.refetch()).into_any(),
            None => loading_view().into_any(),
        }}
        <Show when=move || me.with(|m| matches!(m, Some(Ok(_))))>
            <p>
                <a href="/klaim-saya" data-testid="to-my-claims">
                    {tr(|t| t.nav_my_claims)}
                </a>
            </p>
            <p>
                <a href="/klaim" data-testid="to-claim">
                    {tr(|t| t.make_claim_link)}
                </a>
            </p>
            <p>
                <a href="/akun/sesi" data-testid="to-sessions">
                    {tr(|t| t.sessions_link)}
                </a>
            </p>
            <SignOutButton />
        </Show>
    }
}

/// A resource only a signed-in person may read: fetched on every mount; on 401 the tab forgets
/// the session and goes to the sign-in page (replacing this entry, so Back does not loop).
pub fn private_resource<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
) -> LocalResource<Result<T, Failure>>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, Failure>> + 'static,
{
    private_resource_with(Notice::SignInNeeded, fetch)
}

/// [`private_resource`] with the sign-in page's notice; after signing in, the person comes back
/// to this page.
pub fn private_resource_with<T, Fut>(
    notice: Notice,
    fetch: impl Fn() -> Fut + 'static,
) -> LocalResource<Result<T, Failure>>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, Failure>> + 'static,
{
    let private = Private::use_all();
    let account = private.account;
    let navigate = use_navigate();
    let location = use_location();
    let resource = LocalResource::new(fetch);
    Effect::new(move |_| {
        resource.with(|answer| match answer {
            Some(Err(failure)) if failure.is_unauthenticated() => {
                let here = format!(
                    "{}{}",
                    location.pathname.get_untracked(),
                    location.search.get_untracked()
                );
                // Found signed out: nothing of the last person stays in this tab.
                private.wipe(notice);
                account.return_to.set(Some(here));
                navigate(
                    "/masuk",
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
            Some(Ok(_)) => account.signed_in.set(true),
            _ => {}
        });
    });
    resource
}

pub fn loading_view() -> impl IntoView {
    view! {
        <p class="loading" role="status" data-testid="loading">
            {tr(|t| t.loading)}
        </p>
    }
}

/// Offline or a broken server: say so plainly, with a way to try again.
pub fn failure_view(failure: Failure, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    // Unauthenticated: on the way to the sign-in page.
    if failure.is_unauthenticated() {
        return loading_view().into_any();
    }
    let offline = failure == Failure::Offline;
    let (class, message) = if offline {
        ("offline", tr(|t| t.offline_message))
    } else {
        ("server-trouble", tr(|t| t.server_trouble))
    };
    view! {
        <p class=class role="status" data-testid=class>
            {message}
        </p>
        <button
            type="button"
            class="button button--secondary"
            data-testid="try-again"
            on:click=move |_| retry()
        >
            {tr(|t| t.try_again)}
        </button>
    }
    .into_any()
}

fn profile_view(me: Me, t: &'static Texts, lang: Lang) -> AnyView {
    match me.participant {
        Some(profile) => participant_view(profile, t, lang),
        None => view! {
            <dl class="summary-list">
                {row(t.account_name, me.display_name, "account-name")}
            </dl>
            <p>{t.officer_account}</p>
        }
        .into_any(),
    }
}

fn row(label: &'static str, value: String, testid: &'static str) -> impl IntoView {
    view! {
        <div>
            <dt>{label}</dt>
            <dd data-testid=testid>{value}</dd>
        </div>
    }
}

fn participant_view(p: ParticipantProfile, t: &'static Texts, lang: Lang) -> AnyView {
    let memberships = p
        .memberships
        .into_iter()
        .map(|m| membership_view(m, t, lang))
        .collect_view();
    view! {
        <dl class="summary-list" data-testid="profile">
            {row(t.account_name, p.full_name, "account-name")}
            {row(t.account_nik, p.nik_masked, "account-nik")}
            {row(t.account_birth_date, date_words(&p.birth_date, lang), "account-birth-date")}
        </dl>
        <h2>{t.jht_heading}</h2>
        <div class="balance">
            <p class="balance__label">{t.jht_total}</p>
            <p class="balance__amount" data-testid="jht-total">
                {rupiah(p.jht_balance_total)}
            </p>
            <p class="balance__date" data-testid="jht-total-date">
                {(t.as_of)(&date_words(&p.jht_balance_on, lang))}
            </p>
        </div>
        <h2>{t.memberships_heading}</h2>
        {memberships}
    }
    .into_any()
}

fn membership_view(m: Membership, t: &'static Texts, lang: Lang) -> impl IntoView {
    let employments = if m.employments.is_empty() {
        view! { <p>{t.no_employments}</p> }.into_any()
    } else {
        let items = m
            .employments
            .into_iter()
            .map(|e| {
                let ended = e.ended_on.map(|ended| {
                    view! {
                        <div>
                            <dt>{t.employment_ended}</dt>
                            <dd>{date_words(&ended, lang)}</dd>
                        </div>
                    }
                });
                let membership = if e.membership_active {
                    t.membership_active
                } else {
                    t.membership_inactive
                };
                view! {
                    <li class="employment" data-testid="employment">
                        <p class="employment__employer">
                            <strong>{e.employer}</strong>
                        </p>
                        <dl class="facts">
                            <div>
                                <dt>{t.employment_started}</dt>
                                <dd>{date_words(&e.started_on, lang)}</dd>
                            </div>
                            {ended}
                        </dl>
                        <p data-testid="employment-status">
                            {format!("{}. {membership}.", reason_words(t, e.end_reason))}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="employments">{items}</ul> }.into_any()
    };
    let primary = m.primary.then(|| {
        view! {
            " "
            <span class="tag" data-testid="primary">
                {t.kpj_primary}
            </span>
        }
    });
    let kpj = m.kpj.clone();
    view! {
        <section class="membership" data-testid="membership" data-kpj=kpj>
            <h3>"KPJ " <span class="mono">{m.kpj}</span> {primary}</h3>
            <p data-testid="membership-balance">
                {t.jht_heading} ": " <strong>{rupiah(m.jht_balance)}</strong> " "
                {(t.as_of)(&date_words(&m.jht_balance_on, lang))}
            </p>
            {employments}
        </section>
    }
}

/// How an employment ended, in words.
pub fn reason_words(t: &'static Texts, reason: EndReason) -> &'static str {
    match reason {
        EndReason::StillActive => t.reason_still_active,
        EndReason::Resigned => t.reason_resigned,
        EndReason::Dismissed => t.reason_dismissed,
        EndReason::ContractEnded => t.reason_contract_ended,
        EndReason::Retired => t.reason_retired,
        EndReason::Died => t.reason_died,
    }
}

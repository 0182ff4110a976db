//! "Klaim saya": this account's claims, newest first, each with its status in plain words.
//! The list is remembered on this phone (`follow::known`): offline, the last known list is shown
//! in grey with the time it was fetched. Claims waiting on this phone to be sent come first
//! ("Belum terkirim", `OutboxList`).

use klaim_core::api::claim::ClaimSummary;
use leptos::prelude::*;

use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::claim::words::{day_words, status_words};
use crate::components::{OutboxList, last_known_banner};
use crate::follow::known;
use crate::format::now_unix_seconds;
use crate::i18n::{tr, use_i18n};
use crate::offline::Outbox;
use crate::pages::{failure_view, loading_view, private_resource_with};
use crate::state::Notice;

#[component]
pub fn MyClaimsPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let t = i18n.t();
        set_title(t.my_claims_title, None, t.title_suffix);
    });
    let list = private_resource_with(Notice::SignInToClaim, move || {
        api::claims(i18n.lang_untracked())
    });
    Effect::new(move |_| {
        list.with(|answer| {
            if let Some(Ok(list)) = answer {
                known::save_list(&list.claims, now_unix_seconds());
            }
        });
    });
    let retry = move || list.refetch();
    // A claim the outbox just delivered joins the list.
    let outbox = expect_context::<Outbox>();
    Effect::new(move |before: Option<usize>| {
        let delivered = outbox.delivered.with(Vec::len);
        if before.is_some_and(|b| b != delivered) {
            list.refetch();
        }
        delivered
    });
    view! {
        <h1>{tr(|t| t.my_claims_title)}</h1>
        <OutboxList />
        {move || match list.get() {
            None => loading_view().into_any(),
            Some(Ok(list)) => list_view(list.claims).into_any(),
            Some(Err(Failure::Offline)) => {
                match known::load_list() {
                    Some(remembered) => {
                        let fetched_at = remembered.fetched_at;
                        view! {
                            {move || last_known_banner(fetched_at, i18n.t(), i18n.lang(), retry)}
                            <div class="stale" data-testid="claims-remembered">
                                {list_view(remembered.value)}
                            </div>
                        }
                            .into_any()
                    }
                    None => failure_view(Failure::Offline, retry).into_any(),
                }
            }
            Some(Err(failure)) => failure_view(failure, retry).into_any(),
        }}
        <p>
            <a class="button button--secondary" href="/klaim" data-testid="make-claim">
                {tr(|t| t.make_claim_link)}
            </a>
        </p>
    }
}

fn list_view(mut claims: Vec<ClaimSummary>) -> impl IntoView {
    let i18n = use_i18n();
    claims.sort_by_key(|c| std::cmp::Reverse(c.submitted_at));
    move || {
        let t = i18n.t();
        let lang = i18n.lang();
        if claims.is_empty() {
            return view! { <p data-testid="no-claims">{t.my_claims_empty}</p> }.into_any();
        }
        let items = claims
            .iter()
            .cloned()
            .map(|c| {
                view! {
                    <li class="claim-row" data-testid="claim-row" data-id=c.id.clone()>
                        <a href=format!("/klaim-saya/{}", c.id) data-testid="claim-link">
                            {(t.claim_title)(c.programme.abbreviation())} " — "
                            {c.reason.label(lang)}
                        </a>
                        <p class="mono" data-testid="claim-reference">
                            {c.reference}
                        </p>
                        <p>
                            <strong
                                class=format!("status-tag status-tag--{}", c.status.as_str())
                                data-testid="claim-status"
                                data-status=c.status.as_str()
                            >
                                {status_words(t, c.status)}
                            </strong>
                            " · "
                            {t.submitted_at}
                            " "
                            {day_words(c.submitted_at, lang)}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="claim-list" data-testid="claim-list">{items}</ul> }.into_any()
    }
}

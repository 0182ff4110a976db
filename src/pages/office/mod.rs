//! The back office under `/petugas`, one module per screen: the queue (`queue`), one claim
//! with its actions (`claim` and the modules it draws with), the audit trail for admins
//! (`audit`). Kept apart from the participant's pages so it can be split off by route later.
//!
//! The server decides who may see what (officers only; the audit trail admins only); a refusal
//! (403) is shown as a page saying so, never as a broken page.

mod actions;
mod approve;
mod audit;
mod checks;
mod claim;
mod documents;
mod facts;
mod filter;
mod history;
mod model;
mod queue;
mod reject;
mod request;
mod simple_steps;

#[cfg(test)]
mod tests;

pub use audit::OfficeAuditPage;
pub use claim::OfficeClaimPage;
pub use filter::filter_query;
pub use queue::OfficeQueuePage;

use leptos::prelude::*;

use crate::api::Failure;
use crate::i18n::{tr, tr_office};
use crate::pages::{failure_view, loading_view, private_resource_with};
use crate::state::Notice;

/// Who a page is for, to say so when the server refuses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Audience {
    Officers,
    Admins,
}

/// An office resource: fetched on every mount; signed-out people go to the sign-in page and
/// come back here.
fn office_resource<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> LocalResource<Result<T, Failure>>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, Failure>> + 'static,
{
    private_resource_with(Notice::SignInNeeded, fetch)
}

/// What an office page shows before its answer is in, or when it failed: loading, the
/// refusal of an account without the role, or the network or server trouble with a retry.
fn unanswered_view(
    failure: Option<Failure>,
    audience: Audience,
    retry: impl Fn() + Copy + 'static,
) -> AnyView {
    match failure {
        None => loading_view().into_any(),
        Some(Failure::Api { status: 403, .. }) => refused_view(audience).into_any(),
        Some(failure) => failure_view(failure, retry).into_any(),
    }
}

/// "Halaman ini hanya untuk petugas": an account without the role (a participant, or an admin
/// on the officers' pages) is told plainly, with the way to its own pages.
fn refused_view(audience: Audience) -> impl IntoView {
    let (title, body) = match audience {
        Audience::Officers => (
            tr_office(|t| t.officers_only_title),
            tr_office(|t| t.officers_only_body),
        ),
        Audience::Admins => (
            tr_office(|t| t.admins_only_title),
            tr_office(|t| t.admins_only_body),
        ),
    };
    view! {
        <div data-testid="office-refused">
            <h1>{title}</h1>
            <p>{body}</p>
            <p>
                <a href="/klaim-saya">{tr(|t| t.nav_my_claims)}</a>
            </p>
            <p>
                <a href="/akun">{tr(|t| t.nav_account)}</a>
            </p>
        </div>
    }
}

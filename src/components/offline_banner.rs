//! The calm, grey line under the header while the app cannot reach the server: "Anda sedang
//! offline. Klaim akan dikirim saat tersambung.", and how old the data on screen is when the
//! service worker gave it from its cache. Not an error: everything typed is kept.

use leptos::prelude::*;

use crate::format::{now_unix_seconds, wib_moment};
use crate::i18n::{tr_shell, use_i18n};
use crate::offline::Connectivity;

/// `children`: more for the offline line, e.g. the outbox's "Kirim sekarang" button.
#[component]
pub fn OfflineBanner(#[prop(optional)] children: Option<ChildrenFn>) -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = expect_context::<Connectivity>();
    let offline = Memo::new(move |_| connectivity.is_offline());
    let data_from = move || {
        connectivity.cached_at.get().map(|stored| {
            let moment = wib_moment(stored, now_unix_seconds(), i18n.lang());
            view! { <p data-testid="offline-data-from">{(i18n.shell().data_from)(&moment)}</p> }
        })
    };
    // The live region stays in the page so screen readers announce what appears in it.
    view! {
        <div class="app-banner" role="status">
            <Show when=move || offline.get()>
                <div class="app-banner__inner app-banner--offline" data-testid="offline-banner">
                    <p>{tr_shell(|t| t.offline)}</p>
                    {data_from}
                    {children.clone().map(|more| more())}
                </div>
            </Show>
        </div>
    }
}

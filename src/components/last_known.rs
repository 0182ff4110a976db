//! Offline, a claim page shows the last status this phone knew, in grey (not as an error), with
//! when it was fetched: "Terakhir diperbarui: Hari ini pukul 14.05 WIB".

use klaim_core::Lang;
use leptos::prelude::*;

use crate::format::{now_unix_seconds, wib_moment};
use crate::i18n::Texts;

pub fn last_known_banner(
    fetched_at: i64,
    t: &'static Texts,
    lang: Lang,
    retry: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let moment = wib_moment(fetched_at, now_unix_seconds(), lang);
    view! {
        <div class="offline" role="status" data-testid="last-known" data-fetched-at=fetched_at>
            <p>{t.last_known_offline}</p>
            <p data-testid="last-updated">{(t.last_updated)(&moment)}</p>
            <button
                type="button"
                class="button button--secondary"
                data-testid="try-again"
                on:click=move |_| retry()
            >
                {t.try_again}
            </button>
        </div>
    }
}

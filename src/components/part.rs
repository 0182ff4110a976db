//! A route's screen drawn from its part (see `crate::parts`).

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::set_title;
use crate::i18n::{tr_shell, use_i18n};
use crate::parts::{Page, PartMissing};

/// A route's `view` for a screen in a part: `view=from_part(parts::register)`.
pub fn from_part<F>(load: fn() -> F) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static
where
    F: Future<Output = Result<Page, PartMissing>> + 'static,
{
    move || part(load).into_any()
}

/// Nothing while the part arrives (from the worker's cache that takes milliseconds), "Memuat
/// halaman…" once it takes longer, and when the download fails a page that says the answers
/// are kept and offers to try again.
fn part<F>(load: fn() -> F) -> impl IntoView
where
    F: Future<Output = Result<Page, PartMissing>> + 'static,
{
    let part = LocalResource::new(load);
    let slow = RwSignal::new(false);
    // `try_set`: the route may be gone by then.
    set_timeout(
        move || {
            slow.try_set(true);
        },
        Duration::from_millis(400),
    );
    move || match part.get() {
        Some(Ok(page)) => page(),
        Some(Err(PartMissing)) => failed(move || part.refetch()).into_any(),
        None if slow.get() => view! {
            <p class="loading" role="status" data-testid="part-loading">
                {tr_shell(|t| t.part_loading)}
            </p>
        }
        .into_any(),
        None => ().into_any(),
    }
}

fn failed(retry: impl Fn() + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| set_title(i18n.shell().part_failed_title, None, i18n.t().title_suffix));
    view! {
        <div role="alert" data-testid="part-failed">
            <h1>{tr_shell(|t| t.part_failed_title)}</h1>
            <p class="offline">{tr_shell(|t| t.part_failed_body)}</p>
            <button
                type="button"
                class="button"
                data-testid="part-retry"
                on:click=move |_| retry()
            >
                {tr_shell(|t| t.part_retry)}
            </button>
        </div>
    }
}

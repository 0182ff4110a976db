//! Pages that cannot work without the server (signing in, registering, resetting a password,
//! the signed-in devices, the back office) show, while offline, a clear page saying so and what
//! still works, instead of a form that would fail after it was filled in.

use leptos::prelude::*;

use crate::browser::set_title;
use crate::i18n::{tr_shell, use_i18n};
use crate::offline::{Connectivity, connectivity};

/// Draws `children` while online, the needs-internet page while offline, and swaps back when the
/// connection returns. Once the person has typed into the page it stays: a request that then
/// fails is explained by the form itself, with everything typed kept.
#[component]
pub fn NeedsInternet(children: ChildrenFn) -> impl IntoView {
    let typed = RwSignal::new(false);
    let offline = Memo::new(move |_| Connectivity::current().is_some_and(|c| c.is_offline()));
    let shown = Memo::new(move |_| !offline.get() || typed.get());
    let on_input = move |_| {
        if !typed.get_untracked() {
            typed.set(true);
        }
    };
    move || {
        if shown.get() {
            view! { <div on:input=on_input>{children()}</div> }.into_any()
        } else {
            needs_internet_page().into_any()
        }
    }
}

fn needs_internet_page() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let shell = i18n.shell();
        set_title(shell.needs_internet_title, None, i18n.t().title_suffix);
    });
    view! {
        <div data-testid="needs-internet">
            <h1>{tr_shell(|t| t.needs_internet_title)}</h1>
            <p class="offline">{tr_shell(|t| t.needs_internet_body)}</p>
            <p>{tr_shell(|t| t.still_works_heading)}</p>
            <ul>
                <li>
                    <a href="/klaim">{tr_shell(|t| t.prepare_claim_link)}</a>
                    ": "
                    {tr_shell(|t| t.still_works_claim)}
                </li>
                <li>
                    <a href="/klaim-saya">{tr_shell(|t| t.my_claims_link)}</a>
                    ": "
                    {tr_shell(|t| t.still_works_status)}
                </li>
            </ul>
            <button
                type="button"
                class="button button--secondary"
                data-testid="check-connection"
                on:click=move |_| connectivity::probe()
            >
                {tr_shell(|t| t.check_again)}
            </button>
        </div>
    }
}

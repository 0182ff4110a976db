use klaim_core::Lang;
use leptos::prelude::*;

use crate::browser::focus_id;
use crate::i18n::use_i18n;

/// The green bar: skip link, the name of the service, and the language switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let switch = move |_| i18n.set(i18n.lang().pick(Lang::En, Lang::Id));
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                focus_id("main");
            }
        >
            {move || i18n.t().skip_link}
        </a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__brand" href="/">
                    "Klaim"
                    <span>{move || i18n.t().app_tagline}</span>
                </a>
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    lang=move || i18n.lang().pick("en", "id")
                    aria-label=move || i18n.t().switch_language_label
                    on:click=switch
                >
                    {move || i18n.t().switch_language}
                </button>
            </div>
        </header>
    }
}

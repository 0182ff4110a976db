use klaim_core::Lang;
use leptos::prelude::*;

use super::NotificationBadge;
use super::{OfficeNav, is_staff};
use crate::browser::focus_id;
use crate::i18n::{tr, use_i18n};
use crate::state::Account;

/// The green bar: skip link, the name of the service, the way into the account ("Masuk" or
/// "Akun saya"), and the language switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let account = expect_context::<Account>();
    let signed_in = move || account.signed_in.get();
    let staff = is_staff();
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
            {tr(|t| t.skip_link)}
        </a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__brand" href="/">
                    "Klaim"
                    <span>{tr(|t| t.app_tagline)}</span>
                </a>
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    lang=move || i18n.lang().pick("en", "id")
                    aria-label=move || i18n.t().switch_language_label
                    on:click=switch
                >
                    {tr(|t| t.switch_language)}
                </button>
                // A row of its own that keeps its height when the links change after `GET /me`
                // answers, and the link present from the start comes first: what follows it does
                // not move (a layout shift, CLS, on every signed-in page load otherwise).
                <div class="site-header__tools">
                    <a
                        class="site-header__account"
                        href=move || if signed_in() { "/akun" } else { "/masuk" }
                        data-testid="header-account"
                    >
                        {move || {
                            let t = i18n.t();
                            if signed_in() { t.nav_account } else { t.nav_sign_in }
                        }}
                    </a>
                    <OfficeNav />
                    <Show when=move || signed_in() && !staff.get()>
                        <a
                            class="site-header__account"
                            href="/klaim-saya"
                            data-testid="header-my-claims"
                        >
                            {tr(|t| t.nav_my_claims)}
                        </a>
                        <NotificationBadge />
                    </Show>
                </div>
            </div>
        </header>
    }
}

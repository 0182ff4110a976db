use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Says on every page that claiming is free and where to get help.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{move || i18n.t().footer_free} " " {move || i18n.t().footer_help}</p>
        </footer>
    }
}

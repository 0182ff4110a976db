use leptos::prelude::*;

use crate::i18n::tr;

/// Says on every page that claiming is free and where to get help.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer" data-testid="site-footer">
            <p>{tr(|t| t.footer_free)} " " {tr(|t| t.footer_help)}</p>
        </footer>
    }
}

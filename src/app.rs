//! The top-level layout and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::{SiteFooter, SiteHeader};
use crate::i18n::provide_i18n;
use crate::pages::{CheckPage, CheckResultPage, NotFoundPage};
use crate::state::MembershipDraft;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_context(MembershipDraft::default());
    view! {
        <Router>
            <SiteHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=CheckPage />
                    <Route path=path!("/cek/hasil") view=CheckResultPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

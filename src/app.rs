//! The top-level layout and the routes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::{SiteFooter, SiteHeader};
use crate::i18n::provide_i18n;
use crate::pages::{
    AccountPage, CheckPage, CheckResultPage, NotFoundPage, RegisterCodePage, RegisterPage,
    RegisterVerifyPage, ResetNewPage, ResetStartPage, SessionsPage, SignInPage,
};
use crate::state::{Account, provide_state};

#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    provide_state();
    // The session cookie is HttpOnly: ask once whether it still holds, for the header link.
    let account = expect_context::<Account>();
    spawn_local(async move {
        if api::me(i18n.lang_untracked()).await.is_ok() {
            account.signed_in.set(true);
        }
    });
    view! {
        <Router>
            <SiteHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=CheckPage />
                    <Route path=path!("/cek/hasil") view=CheckResultPage />
                    <Route path=path!("/daftar") view=RegisterPage />
                    <Route path=path!("/daftar/kode") view=RegisterCodePage />
                    <Route path=path!("/daftar/verifikasi") view=RegisterVerifyPage />
                    <Route path=path!("/masuk") view=SignInPage />
                    <Route path=path!("/lupa-sandi") view=ResetStartPage />
                    <Route path=path!("/lupa-sandi/baru") view=ResetNewPage />
                    <Route path=path!("/akun") view=AccountPage />
                    <Route path=path!("/akun/sesi") view=SessionsPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

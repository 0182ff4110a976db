//! The top-level layout and the routes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::{SiteFooter, SiteHeader, StaffRole};
use crate::i18n::provide_i18n;
use crate::pages::office::{OfficeAuditPage, OfficeClaimPage, OfficeQueuePage};
use crate::pages::{
    AccidentPage, AccountPage, BankPage, CheckPage, CheckResultPage, DeceasedPage, DocumentsPage,
    EventDatePage, KpjPage, MyClaimPage, MyClaimsPage, NotFoundPage, NpwpPage, ProgrammesPage,
    RegisterCodePage, RegisterPage, RegisterVerifyPage, ResetNewPage, ResetStartPage, ResultsPage,
    ReviewPage, SentPage, SessionsPage, SignInPage, StartPage, TasksPage,
};
use crate::pages::{FixPage, NotificationsPage};
use crate::state::{Account, Drafts, provide_state};

#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    provide_state();
    let staff = StaffRole::provide();
    // The session cookie is HttpOnly: ask once whether it still holds, for the header link.
    let account = expect_context::<Account>();
    let drafts = expect_context::<Drafts>();
    drafts.asking();
    spawn_local(async move {
        match api::me(i18n.lang_untracked()).await {
            Ok(me) => {
                account.signed_in.set(true);
                staff.set(me.role);
                // The saved claim draft is read before the journey's pages draw.
                drafts.signed_in(&me);
            }
            Err(_) => drafts.none(),
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
                    // The claim journey; the URL words of its steps are in claim/steps.rs.
                    <Route path=path!("/klaim") view=ProgrammesPage />
                    <Route path=path!("/klaim/terkirim/:id") view=SentPage />
                    <Route path=path!("/klaim/:programme") view=StartPage />
                    <Route path=path!("/klaim/:programme/:reason/hasil") view=ResultsPage />
                    <Route path=path!("/klaim/:programme/:reason/tugas") view=TasksPage />
                    <Route path=path!("/klaim/:programme/:reason/kpj") view=KpjPage />
                    <Route path=path!("/klaim/:programme/:reason/tanggal") view=EventDatePage />
                    <Route path=path!("/klaim/:programme/:reason/almarhum") view=DeceasedPage />
                    <Route path=path!("/klaim/:programme/:reason/kecelakaan") view=AccidentPage />
                    <Route path=path!("/klaim/:programme/:reason/rekening") view=BankPage />
                    <Route path=path!("/klaim/:programme/:reason/npwp") view=NpwpPage />
                    <Route path=path!("/klaim/:programme/:reason/dokumen") view=DocumentsPage />
                    <Route path=path!("/klaim/:programme/:reason/periksa") view=ReviewPage />
                    <Route path=path!("/klaim-saya") view=MyClaimsPage />
                    <Route path=path!("/klaim-saya/:id") view=MyClaimPage />
                    <Route path=path!("/klaim-saya/:id/perbaiki") view=FixPage />
                    <Route path=path!("/notifikasi") view=NotificationsPage />
                    // The back office (officers; the audit trail for admins).
                    <Route path=path!("/petugas") view=OfficeQueuePage />
                    <Route path=path!("/petugas/klaim/:id") view=OfficeClaimPage />
                    <Route path=path!("/petugas/audit") view=OfficeAuditPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

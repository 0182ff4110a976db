//! The top-level layout and the routes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::{
    NeedsInternet, OfflineBanner, SendNow, SiteFooter, SiteHeader, StaffRole, StorageNotice,
};
use crate::i18n::provide_i18n;
use crate::offline::service_worker::{self, Update, UpdateBanner};
use crate::offline::storage::StorageRoom;
use crate::offline::{self, Connectivity, Outbox};
use crate::pages::office::{OfficeAuditPage, OfficeClaimPage, OfficeQueuePage};
use crate::pages::{
    AccidentPage, AccountPage, BankPage, CheckPage, CheckResultPage, DeceasedPage, DocumentsPage,
    EventDatePage, KpjPage, MyClaimPage, MyClaimsPage, NotFoundPage, NpwpPage, ProgrammesPage,
    RegisterCodePage, RegisterPage, RegisterVerifyPage, ResetNewPage, ResetStartPage, ResultsPage,
    ReviewPage, SentPage, SessionsPage, SignInPage, StartPage, TasksPage,
};
use crate::pages::{FixPage, NotificationsPage};
use crate::state::{Account, Drafts, provide_state};
use crate::{api, browser};

#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    provide_state();
    let staff = StaffRole::provide();
    let connectivity = Connectivity::provide();
    let room = StorageRoom::provide();
    Update::provide();
    // The session cookie is HttpOnly: ask once whether it still holds, for the header link.
    let account = expect_context::<Account>();
    let drafts = expect_context::<Drafts>();
    let outbox = expect_context::<Outbox>();
    // Where the browser has Background Sync (Chromium), the worker wakes the outbox once the
    // device's network is back, even before the page notices; asked for whenever a claim is
    // waiting (and the device is offline: see `request_background_sync`).
    service_worker::on_outbox_message(move || outbox.deliver_soon());
    Effect::new(move |_| {
        if outbox.waiting() > 0 {
            service_worker::request_background_sync();
        }
    });
    drafts.asking();
    // Asked when a session was made here, or when someone kept a draft or a claim on this
    // device: after the browser was closed its session cookies are gone, but offline the worker
    // still answers `/me` for that person, whose vault then opens.
    if browser::has_session_sign() || offline::vault::any_on_this_device() {
        spawn_local(async move {
            match api::me(i18n.lang_untracked()).await {
                Ok(me) => {
                    account.signed_in.set(true);
                    staff.set(me.role);
                    // The saved claim draft is read before the journey's pages draw.
                    drafts.signed_in(&me);
                    // Only with the server's own answer (not the worker's copy of it).
                    if connectivity.online.get_untracked() {
                        offline::signed_in(Some(room), i18n.lang_untracked(), &me);
                    }
                }
                Err(failure) => {
                    if failure.is_unauthenticated() {
                        browser::forget_session_sign();
                    }
                    drafts.none();
                }
            }
        });
    } else {
        // No session was made in this browser: no one to ask about.
        drafts.none();
    }
    view! {
        <Router>
            <SiteHeader />
            <UpdateBanner />
            <OfflineBanner>
                <SendNow />
            </OfflineBanner>
            <StorageNotice />
            <main id="main" tabindex="-1">
                // Pages that only work with the server say so offline (`NeedsInternet`).
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=CheckPage />
                    <Route path=path!("/cek/hasil") view=CheckResultPage />
                    <Route
                        path=path!("/daftar")
                        view=|| view! { <NeedsInternet><RegisterPage /></NeedsInternet> }
                    />
                    <Route
                        path=path!("/daftar/kode")
                        view=|| view! { <NeedsInternet><RegisterCodePage /></NeedsInternet> }
                    />
                    <Route
                        path=path!("/daftar/verifikasi")
                        view=|| view! { <NeedsInternet><RegisterVerifyPage /></NeedsInternet> }
                    />
                    <Route
                        path=path!("/masuk")
                        view=|| view! { <NeedsInternet><SignInPage /></NeedsInternet> }
                    />
                    <Route
                        path=path!("/lupa-sandi")
                        view=|| view! { <NeedsInternet><ResetStartPage /></NeedsInternet> }
                    />
                    <Route
                        path=path!("/lupa-sandi/baru")
                        view=|| view! { <NeedsInternet><ResetNewPage /></NeedsInternet> }
                    />
                    <Route path=path!("/akun") view=AccountPage />
                    <Route
                        path=path!("/akun/sesi")
                        view=|| view! { <NeedsInternet><SessionsPage /></NeedsInternet> }
                    />
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
                    <Route
                        path=path!("/petugas")
                        view=|| view! { <NeedsInternet><OfficeQueuePage /></NeedsInternet> }
                    />
                    <Route
                        path=path!("/petugas/klaim/:id")
                        view=|| view! { <NeedsInternet><OfficeClaimPage /></NeedsInternet> }
                    />
                    <Route
                        path=path!("/petugas/audit")
                        view=|| view! { <NeedsInternet><OfficeAuditPage /></NeedsInternet> }
                    />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

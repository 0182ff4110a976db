//! The top-level layout and the routes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::{
    NeedsInternet, OfflineBanner, SendNow, SiteFooter, SiteHeader, StaffRole, StorageNotice,
    from_part,
};
use crate::i18n::provide_i18n;
use crate::offline::service_worker::{self, Update, UpdateBanner};
use crate::offline::storage::StorageRoom;
use crate::offline::{self, Connectivity, Outbox};
use crate::pages::{CheckPage, CheckResultPage, NotFoundPage, SignInPage};
use crate::state::{Account, Drafts, provide_state};
use crate::{api, browser, parts};

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
                // The first page's screens are here; the others come in parts (`crate::parts`),
                // downloaded when first opened. Pages that only work with the server say so
                // offline (`NeedsInternet`).
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=CheckPage />
                    <Route path=path!("/cek/hasil") view=CheckResultPage />
                    <Route
                        path=path!("/masuk")
                        view=|| view! { <NeedsInternet><SignInPage /></NeedsInternet> }
                    />
                    <Route path=path!("/daftar") view=from_part(parts::register) />
                    <Route path=path!("/daftar/kode") view=from_part(parts::register_code) />
                    <Route
                        path=path!("/daftar/verifikasi")
                        view=from_part(parts::register_verify)
                    />
                    <Route path=path!("/lupa-sandi") view=from_part(parts::reset_start) />
                    <Route path=path!("/lupa-sandi/baru") view=from_part(parts::reset_new) />
                    <Route path=path!("/akun") view=from_part(parts::account) />
                    <Route path=path!("/akun/sesi") view=from_part(parts::sessions) />
                    // The claim journey; the URL words of its steps are in claim/steps.rs.
                    <Route path=path!("/klaim") view=from_part(parts::programmes) />
                    <Route path=path!("/klaim/terkirim/:id") view=from_part(parts::sent) />
                    <Route path=path!("/klaim/:programme") view=from_part(parts::start) />
                    <Route
                        path=path!("/klaim/:programme/:reason/hasil")
                        view=from_part(parts::results)
                    />
                    <Route
                        path=path!("/klaim/:programme/:reason/tugas")
                        view=from_part(parts::tasks)
                    />
                    <Route path=path!("/klaim/:programme/:reason/kpj") view=from_part(parts::kpj) />
                    <Route
                        path=path!("/klaim/:programme/:reason/tanggal")
                        view=from_part(parts::event_date)
                    />
                    <Route
                        path=path!("/klaim/:programme/:reason/almarhum")
                        view=from_part(parts::deceased)
                    />
                    <Route
                        path=path!("/klaim/:programme/:reason/kecelakaan")
                        view=from_part(parts::accident)
                    />
                    <Route
                        path=path!("/klaim/:programme/:reason/rekening")
                        view=from_part(parts::bank)
                    />
                    <Route
                        path=path!("/klaim/:programme/:reason/npwp")
                        view=from_part(parts::npwp)
                    />
                    <Route
                        path=path!("/klaim/:programme/:reason/dokumen")
                        view=from_part(parts::documents)
                    />
                    <Route
                        path=path!("/klaim/:programme/:reason/periksa")
                        view=from_part(parts::review)
                    />
                    <Route path=path!("/klaim-saya") view=from_part(parts::my_claims) />
                    <Route path=path!("/klaim-saya/:id") view=from_part(parts::my_claim) />
                    <Route path=path!("/klaim-saya/:id/perbaiki") view=from_part(parts::fix) />
                    <Route path=path!("/notifikasi") view=from_part(parts::notifications) />
                    // The back office (officers; the audit trail for admins).
                    <Route path=path!("/petugas") view=from_part(parts::office_queue) />
                    <Route path=path!("/petugas/klaim/:id") view=from_part(parts::office_claim) />
                    <Route path=path!("/petugas/audit") view=from_part(parts::office_audit) />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

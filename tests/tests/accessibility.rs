//! axe-core (WCAG 2.x A and AA) on the pages and their error states: the start page, registration
//! and sign-in, a JHT claim's journey, "Klaim saya" and the needs-internet page offline; a claim
//! queued offline and delivered, the claim's page needing action, the fix, the notifications; the
//! officers' queue and claim page and the admins' audit trail (these also at 320 px and 200% zoom).
//! Every check fails on any violation. The bank-mismatch panel, a refused upload and the update
//! banner are checked where their own tests reach them (claims.rs, offline_shell.rs).
//! And the whole JHT journey with the keyboard alone, every stop showing its focus; and the pages
//! at 320 px wide and at 200% zoom with nothing sideways and nothing covering anything.

use std::time::Duration;

use klaim_core::Bank;
use klaim_core::api::claim::ClaimList;
use klaim_core::api::office::OfficerStep;
use klaim_core::claim::{
    ActionItem, ClaimReason, DocumentKind, ItemTarget, OfficerReason, Programme,
};
use klaim_e2e::a11y::assert_accessible;
use klaim_e2e::account_pages::Screen;
use klaim_e2e::browser::{Browser, PHONE};
use klaim_e2e::claim_pages::{Journey, RINA, Sent, letter, sign_up};
use klaim_e2e::follow_pages::{ClaimPage, NotificationsPage, Officer};
use klaim_e2e::keyboard::{arrow_to, enter, keys, space, tab_to};
use klaim_e2e::layout::{assert_fits, overlaps, zoom};
use klaim_e2e::office_pages::{
    ADMIN, AuditPage, OFFICER, OfficeClaimPage, QueuePage, staff_signs_in,
};
use klaim_e2e::outbox_pages::OutboxPage;
use klaim_e2e::pages::CheckPage;
use klaim_e2e::server::output_dir;
use klaim_e2e::{Session, wib_today};

#[tokio::test(flavor = "multi_thread")]
async fn every_participant_page_and_error_state_passes_axe_and_fits_small_screens() {
    let mut s = Session::start("a11y_participant").await;
    let b = &s.browser;

    // The start page, empty and with every error shown.
    let start = CheckPage::open(b).await;
    layout_check_sees_a_cover(b).await;
    check(b, "start page").await;
    start.press_continue().await;
    Screen::new(b).wait("error-summary").await;
    check(b, "start page with errors").await;

    // Signing in and registering, each with its errors.
    let screen = Screen::new(b);
    screen.open("/masuk", "sign-in-form").await;
    check(b, "sign-in").await;
    screen.press("sign-in").await;
    screen.wait("error-summary").await;
    check(b, "sign-in with errors").await;
    screen.open("/lupa-sandi", "reset-form").await;
    check(b, "forgotten password").await;
    screen.open("/daftar", "register-form").await;
    check(b, "registration").await;
    screen.press("continue").await;
    screen.wait("error-summary").await;
    check(b, "registration with errors").await;

    // Signed in: the account, the claim journey and its error states.
    sign_up(&s, &RINA).await;
    let screen = Screen::new(b);
    check(b, "Akun saya").await;
    screen.open("/akun/sesi", "sessions").await;
    check(b, "sessions").await;
    let claim = Journey::start(b, Programme::Jht, ClaimReason::Resigned).await;
    let results = claim.results().await;
    check(b, "results").await;
    results.proceed().await;
    claim.screen.wait("event-date-form").await;
    claim.screen.press("continue").await;
    claim.screen.wait("error-summary").await;
    check(b, "event date with errors").await;
    claim
        .answer_event_date(wib_today().add_days(-95).expect("a date"))
        .await;
    claim.screen.wait("bank-form").await;
    check(b, "bank account").await;
    claim.answer_bank(Bank::Bca, "8031234567").await;
    let documents = claim.documents().await;
    check(b, "documents").await;
    documents.proceed().await;
    claim.screen.wait("error-summary").await;
    check(b, "documents with errors").await;
    claim
        .screen
        .go_within_app(&claim.path("periksa"), "submit-form")
        .await;
    claim.screen.press("submit-claim").await;
    claim.screen.wait("review-problems").await;
    check(b, "review with problems").await;

    // "Klaim saya", then offline: the banner, the outbox and the needs-internet page.
    screen.go_within_app("/klaim-saya", "make-claim").await;
    check(b, "Klaim saya").await;
    s.server.stop();
    claim
        .screen
        .go_within_app(&claim.path("periksa"), "submit-form")
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    screen.go_within_app("/masuk", "needs-internet").await;
    check(b, "needs internet").await;
    s.server.restart();
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn following_a_claim_offline_and_the_back_office_pass_axe() {
    let test = "a11y_follow";
    let mut s = Session::start(test).await;
    s.server.add_staff(&OFFICER);
    s.server.add_staff(&ADMIN);
    sign_up(&s, &RINA).await;
    let b = &s.browser;

    // A claim queued without a connection: "Belum terkirim" and the grey banner.
    let claim = Journey::start(b, Programme::Jht, ClaimReason::Resigned).await;
    claim.results().await.proceed().await;
    claim
        .answer_event_date(wib_today().add_days(-95).expect("a date"))
        .await;
    claim.answer_bank(Bank::Bca, "8031234567").await;
    let documents = claim.documents().await;
    s.server.stop();
    let dir = output_dir().join("fixtures").join(test);
    for kind in documents.asked().await {
        documents.keep(kind, &letter(&dir, kind)).await;
    }
    assert_accessible(b, "documents kept on the phone").await;
    documents.proceed().await;
    claim.review().await.submit().await;
    let outbox = OutboxPage::wait(b).await;
    outbox.screen.wait("offline-banner").await;
    assert_accessible(b, "Belum terkirim, offline").await;
    s.server.restart();
    let rows = outbox.wait_until_settled(Duration::from_secs(60)).await;
    assert!(rows.is_empty(), "{rows:?}");
    assert_accessible(b, "delivered").await;

    // The claim's page, asked to fix a document, the fix page and the notifications.
    let list: ClaimList = b.api("/claims").await;
    let id = list.claims[0].id.clone();
    let officer = Browser::start("a11y_follow_officer", &s.server.url).await;
    let officers = Officer::sign_in(&officer, OFFICER.email, OFFICER.password).await;
    QueuePage::wait(&officer).await;
    check(&officer, "the queue").await;
    OfficeClaimPage::open(&officer, &id).await;
    check(&officer, "the office's claim page").await;
    officers.take(&id, &OfficerStep::StartVerification).await;
    officers
        .take(
            &id,
            &OfficerStep::RequestAction {
                items: vec![ActionItem {
                    reason: OfficerReason::DocumentUnreadable,
                    target: ItemTarget::Document(DocumentKind::BankBook),
                }],
                note: Some("Foto terpotong.".to_owned()),
            },
        )
        .await;
    officer.quit().await;

    let page = ClaimPage::open(b, &id).await;
    page.wait_status("needs_action", Duration::from_secs(40))
        .await;
    assert_accessible(b, "the claim's page, needing action").await;
    let fix = page.start_fix().await;
    fix.send().await;
    fix.screen.wait("error-summary").await;
    assert_accessible(b, "the fix page with errors").await;
    NotificationsPage::open(b).await;
    assert_accessible(b, "notifications").await;

    // The audit trail, for an admin.
    let admin = Browser::start("a11y_follow_admin", &s.server.url).await;
    staff_signs_in(&admin, &ADMIN).await;
    AuditPage::open(&admin, None).await;
    check(&admin, "the audit trail").await;
    admin.quit().await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_claim_journey_works_with_the_keyboard_alone() {
    let test = "a11y_keyboard";
    let s = Session::start(test).await;
    sign_up(&s, &RINA).await;
    let b = &s.browser;
    let claim = Journey {
        screen: Screen::new(b),
        programme: Programme::Jht,
        reason: ClaimReason::Resigned,
    };
    claim.screen.open("/klaim", "programmes").await;

    // The programme, then the reason (arrows within the group), then on.
    tab_to(b, "[data-testid=programme-jht]").await;
    enter(b).await;
    claim.screen.wait("reason-form").await;
    tab_to(b, "input[type=radio]").await;
    arrow_to(b, "[data-testid=reason-resigned]").await;
    space(b).await;
    tab_to(b, "[data-testid=continue]").await;
    enter(b).await;
    claim.results().await;
    tab_to(b, "[data-testid=continue]").await;
    enter(b).await;

    // The date, typed box by box.
    claim.screen.wait("event-date-form").await;
    let date = wib_today().add_days(-95).expect("a date");
    tab_to(b, "#event_date").await;
    keys(b, date.day().to_string()).await;
    tab_to(b, "#event_date_month").await;
    keys(b, date.month().to_string()).await;
    tab_to(b, "#event_date_year").await;
    keys(b, date.year().to_string()).await;
    tab_to(b, "[data-testid=continue]").await;
    enter(b).await;

    // The bank, chosen by typing its name in the list, and the number.
    claim.screen.wait_path(&claim.path("rekening")).await;
    claim.screen.wait("bank-form").await;
    tab_to(b, "#bank").await;
    keys(b, "BCA").await;
    tab_to(b, "#account_number").await;
    keys(b, "8031234567").await;
    tab_to(b, "[data-testid=continue]").await;
    enter(b).await;

    // Each document's file input is reached by Tab; the file is what its dialog would give.
    let documents = claim.documents().await;
    let dir = output_dir().join("fixtures").join(test);
    for kind in documents.asked().await {
        let input = format!("[data-kind={}] [data-testid=upload-input]", kind.as_str());
        tab_to(b, &input).await;
        let file = letter(&dir, kind);
        b.driver
            .active_element()
            .await
            .expect("the focused input")
            .send_keys(file.to_str().expect("a UTF-8 path"))
            .await
            .expect("the file");
        assert_eq!(documents.settled(kind).await.state, "done", "{kind:?}");
    }
    tab_to(b, "[data-testid=continue]").await;
    enter(b).await;

    // Checked and sent.
    claim.review().await;
    tab_to(b, "[data-testid=submit-claim]").await;
    enter(b).await;
    Sent::wait(b).await;
    let list: ClaimList = b.api("/claims").await;
    assert_eq!(list.claims.len(), 1, "{list:?}");
    s.finish().await;
}

/// axe on the page, then the page at 320 CSS pixels wide and at 200% zoom.
async fn check(b: &Browser, what: &str) {
    assert_accessible(b, what).await;
    fits_everywhere(b, what).await;
}

/// A control for the layout check itself: a paragraph laid over the heading is seen.
async fn layout_check_sees_a_cover(b: &Browser) {
    let _: bool = b
        .script(
            "const d = document.createElement('p'); d.id = 'cover'; d.textContent = 'menutupi'; \
             const h = document.querySelector('h1').getBoundingClientRect(); \
             Object.assign(d.style, { position: 'absolute', left: h.left + 'px', \
               top: (h.top + window.scrollY) + 'px', margin: 0 }); \
             document.body.appendChild(d); return true;",
        )
        .await;
    let covered = overlaps(b).await;
    assert!(
        covered.iter().any(|o| o.contains("menutupi")),
        "{covered:?}"
    );
    let _: bool = b
        .script("document.getElementById('cover').remove(); return true;")
        .await;
}

/// The page at 320 CSS pixels wide and at 200% zoom: nothing sideways, nothing covering.
async fn fits_everywhere(b: &Browser, what: &str) {
    b.set_viewport_width(320).await;
    assert_fits(b, &format!("{what} at 320 px")).await;
    b.set_viewport_width(PHONE.0).await;
    zoom(b, 200).await;
    assert_fits(b, &format!("{what} at 200% zoom")).await;
    b.screenshot(&format!("{what} 200%")).await;
    zoom(b, 100).await;
}

//! Drafts kept on the phone: a JHT claim half answered survives a reload and a browser restart
//! (same profile directory), with "Tersimpan di perangkat ini" shown; it is then sent once, and a
//! sign-out leaves no vault database behind. The server's own record is read afterwards.

use std::time::Duration;

use klaim_core::api::claim::{ClaimList, ClaimStatus};
use klaim_core::claim::{ClaimReason, DocumentKind, Programme};
use klaim_core::{Bank, Date};
use klaim_e2e::account_pages::{Screen, SignInPage};
use klaim_e2e::claim_pages::{Journey, RINA, Sent, poll, sign_up};
use klaim_e2e::server::output_dir;
use klaim_e2e::{Session, wib_today};

const RINA_NIK: &str = "3374055205919001";

fn rina_resigned_on() -> Date {
    wib_today().add_days(-95).expect("a date")
}

/// The "saved on this device" line once it is there, e.g. "Tersimpan di perangkat ini, 10.42".
async fn saved_line(screen: &Screen<'_>) -> String {
    let line = screen.text("draft-saved").await;
    let time = line
        .strip_prefix("Tersimpan di perangkat ini, ")
        .unwrap_or_else(|| panic!("the saved line: {line:?}"));
    let (h, m) = time.split_once('.').expect("hh.mm");
    assert!(
        h.len() == 2 && m.len() == 2 && h.parse::<u8>().is_ok_and(|h| h < 24),
        "a WIB time: {line:?}"
    );
    line
}

/// The event date and the bank page show what was answered before.
async fn answers_are_there(claim: &Journey<'_>, date: Date) {
    let screen = claim.screen;
    screen.wait("event-date-form").await;
    assert_eq!(
        (
            screen.value("event_date").await,
            screen.value("event_date_month").await,
            screen.value("event_date_year").await,
        ),
        (
            date.day().to_string(),
            date.month().to_string(),
            date.year().to_string()
        ),
        "the event date as typed"
    );
    saved_line(&screen).await;
    screen.press("continue").await;
    screen.wait_path(&claim.path("rekening")).await;
    screen.wait("bank-form").await;
    assert_eq!(screen.value("bank").await, Bank::Bca.code());
    assert_eq!(screen.value("account_number").await, "8031234567");
    saved_line(&screen).await;
}

/// The vault databases this origin has (`indexedDB.databases()`).
async fn vault_databases(s: &Session) -> Vec<String> {
    let names: Vec<String> = s
        .browser
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             indexedDB.databases().then(list => done(list.map(d => d.name)))",
            Vec::new(),
        )
        .await
        .expect("indexedDB.databases()")
        .convert()
        .expect("names");
    names
        .into_iter()
        .filter(|n| n.starts_with("klaim-vault-"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_survives_reload_and_browser_restart_and_is_wiped_on_sign_out() {
    let s = Session::start("drafts_survive").await;
    sign_up(&s, &RINA).await;
    let date = rina_resigned_on();
    let (programme, reason) = (Programme::Jht, ClaimReason::Resigned);
    {
        let claim = Journey::start(&s.browser, programme, reason).await;
        let results = claim.results().await;
        assert!(results.eligible().await);
        results.proceed().await;
        claim.answer_event_date(date).await;
        claim.answer_bank(Bank::Bca, "8031234567").await;
        claim.documents().await;
        saved_line(&claim.screen).await;
        // Past the 300 ms the last change waits before it is saved.
        tokio::time::sleep(Duration::from_secs(1)).await;

        // Reload: the journey is read back from the phone.
        claim
            .screen
            .open(&claim.path("tanggal"), "event-date-form")
            .await;
        answers_are_there(&claim, date).await;
        s.browser.screenshot("after-reload").await;
    }
    assert_eq!(
        vault_databases(&s).await.len(),
        1,
        "one vault, named by a digest"
    );

    // The browser quit and started again with the same profile.
    let Session { server, browser } = s;
    let browser = browser.restart().await;
    let s = Session { server, browser };
    let claim = Journey {
        screen: Screen::new(&s.browser),
        programme,
        reason,
    };
    // Signing in again (when the session ended with the browser) brings the draft back.
    SignInPage::open_signed_in(
        &s.browser,
        &claim.path("tanggal"),
        "event-date-form",
        RINA_NIK,
        RINA.password,
    )
    .await;
    answers_are_there(&claim, date).await;
    s.browser.screenshot("after-restart").await;

    // On to sending it, once.
    claim.screen.press("continue").await;
    let documents = claim.documents().await;
    let dir = output_dir().join("fixtures").join("drafts_survive");
    documents
        .upload_letters(
            &dir,
            &[
                DocumentKind::Ktp,
                DocumentKind::KpjCard,
                DocumentKind::BankBook,
            ],
        )
        .await;
    documents.proceed().await;
    let review = claim.review().await;
    review.submit().await;
    Sent::wait(&s.browser).await;
    let list: ClaimList = s.browser.api("/claims").await;
    assert_eq!(list.claims.len(), 1, "exactly one claim: {list:?}");
    assert_eq!(
        (list.claims[0].programme, list.claims[0].reason),
        (programme, reason)
    );
    assert_eq!(list.claims[0].status, ClaimStatus::Submitted);

    // Signing out deletes every vault on this phone.
    let account = Screen::new(&s.browser);
    account.open("/akun", "sign-out").await;
    account.press("sign-out").await;
    SignInPage::wait(&s.browser).await;
    let left = poll(Duration::from_secs(10), "no vault left", || async {
        let left = vault_databases(&s).await;
        left.is_empty().then_some(left)
    })
    .await;
    assert!(left.is_empty());
    s.finish().await;
}

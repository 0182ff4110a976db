//! The outbox: a claim made while the server cannot be reached waits on the phone ("Belum
//! terkirim"), survives a browser restart with its documents, and arrives exactly once when the
//! server is back, with no action; an upload cut off by a server crash is completed after the
//! restart; a claim the server refuses for good shows why and never holds up the next one. Every
//! case reads the server's own records afterwards: the claims, and the account's documents (none
//! left over that no claim uses).

use std::time::Duration;

use klaim_core::api::claim::{ClaimList, ClaimStatus, ClaimView, DocumentList};
use klaim_core::claim::{ClaimReason, DocumentKind, Programme};
use klaim_core::{Bank, Date};
use klaim_e2e::account_pages::{Screen, SignInPage};
use klaim_e2e::claim_pages::{BAMBANG, Documents, Journey, RINA, Sent, letter, poll, sign_up};
use klaim_e2e::fixtures::{document_photo, write};
use klaim_e2e::outbox_pages::OutboxPage;
use klaim_e2e::server::output_dir;
use klaim_e2e::{Session, wib_today};
use thirtyfour::By;
use thirtyfour::cdp::domains::network::NetworkConditions;

const RINA_NIK: &str = "3374055205919001";

fn rina_resigned_on() -> Date {
    wib_today().add_days(-95).expect("a date")
}

/// Keeps every document the page asks for on the phone (the server is gone): the ID card as a
/// photo, the rest as letters. Returns how many.
async fn keep_all(documents: &Documents<'_>, test: &str) -> usize {
    let dir = output_dir().join("fixtures").join(test);
    let kinds = documents.asked().await;
    for (seed, &kind) in (1..).zip(&kinds) {
        let file = if kind == DocumentKind::Ktp {
            write(&dir, "ktp.jpg", &document_photo(1600, 1200, seed))
        } else {
            letter(&dir, kind)
        };
        documents.keep(kind, &file).await;
    }
    kinds.len()
}

/// The server's records: exactly one claim, of this programme, with `documents` documents.
async fn exactly_one_claim(s: &Session, programme: Programme, documents: usize) -> ClaimView {
    let list: ClaimList = s.browser.api("/claims").await;
    assert_eq!(list.claims.len(), 1, "exactly one claim: {list:?}");
    assert_eq!(list.claims[0].programme, programme);
    assert_eq!(list.claims[0].status, ClaimStatus::Submitted);
    let claim: ClaimView = s
        .browser
        .api(&format!("/claims/{}", list.claims[0].id))
        .await;
    assert_eq!(claim.documents.len(), documents, "{:?}", claim.documents);
    claim
}

/// The account holds no document that no claim uses.
async fn no_orphan_documents(s: &Session, documents: usize) {
    let stored: DocumentList = s.browser.api("/documents").await;
    assert_eq!(
        stored.documents.len(),
        documents,
        "no orphan documents: {stored:?}"
    );
    assert!(
        stored.documents.iter().all(|d| d.in_claims == 1),
        "{stored:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_claim_made_offline_survives_a_restart_and_arrives_exactly_once() {
    let test = "outbox_delivers";
    let mut s = Session::start(test).await;
    sign_up(&s, &RINA).await;
    let (programme, reason) = (Programme::Jht, ClaimReason::Resigned);
    let kept = {
        let claim = Journey::start(&s.browser, programme, reason).await;
        let results = claim.results().await;
        assert!(results.eligible().await);
        results.proceed().await;

        // From here on the server cannot be reached.
        s.server.stop();
        claim.answer_event_date(rina_resigned_on()).await;
        // The bank cannot be asked: the account is kept unchecked and the journey goes on.
        claim.answer_bank(Bank::Bca, "8031234567").await;
        let documents = claim.documents().await;
        let kept = keep_all(&documents, test).await;
        let ktp = documents.row(DocumentKind::Ktp).await;
        assert!(
            ktp.text.contains("Tersimpan di perangkat ini"),
            "{}",
            ktp.text
        );
        s.browser.screenshot("documents-kept").await;
        // Past the 300 ms a change waits before it is saved.
        tokio::time::sleep(Duration::from_secs(1)).await;
        kept
    };

    // The browser quit and started again with the same profile, the server still gone: the
    // service worker serves the app and the vault gives back the journey and its documents.
    let Session { server, browser } = s;
    let browser = browser.restart().await;
    let mut s = Session { server, browser };
    let claim = Journey {
        screen: Screen::new(&s.browser),
        programme,
        reason,
    };
    claim
        .screen
        .open(&claim.path("dokumen"), "documents-form")
        .await;
    let documents = claim.documents().await;
    for kind in documents.asked().await {
        let row = documents.settled(kind).await;
        assert_eq!(
            row.state, "kept",
            "{kind:?} is still on the phone: {}",
            row.text
        );
        // The photo's thumbnail comes back from the phone's vault.
        assert_eq!(row.thumbnail, kind == DocumentKind::Ktp, "{kind:?}");
    }
    s.browser.screenshot("restored-offline").await;

    // Sent while the server is gone: "Belum terkirim".
    documents.proceed().await;
    let review = claim.review().await;
    assert!(review.screen.has("bank-unchecked").await);
    review.submit().await;
    let outbox = OutboxPage::wait(&s.browser).await;
    outbox.screen.wait("just-queued").await;
    let rows = outbox.rows().await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        matches!(rows[0].status.as_str(), "waiting" | "sending"),
        "{rows:?}"
    );
    assert!(rows[0].text.contains("Belum terkirim"), "{}", rows[0].text);
    // The grey banner says so too, with "Kirim sekarang" (pressing it while still offline
    // changes nothing).
    let banner = outbox.screen.wait("offline-banner").await;
    let said = banner.text().await.expect("text");
    assert!(
        said.contains("Anda sedang offline. Klaim akan dikirim saat tersambung.")
            && said.contains("Kirim sekarang"),
        "{said}"
    );
    banner
        .find(By::Css("[data-testid=send-now]"))
        .await
        .expect("Kirim sekarang in the banner")
        .click()
        .await
        .expect("press it");
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(outbox.rows().await.len(), 1);
    s.browser.screenshot("queued").await;

    // The server is back: delivered with no action, or (when the session cookie ended with the
    // browser) as soon as the person signs in again.
    s.server.restart();
    let asked_to_sign_in = poll(Duration::from_secs(60), "delivery or sign-in", || async {
        if outbox.screen.has("outbox-sign-in").await {
            Some(true)
        } else if !outbox.delivered().await.is_empty() {
            Some(false)
        } else {
            None
        }
    })
    .await;
    if asked_to_sign_in {
        // The list of claims appears once the claim has arrived.
        SignInPage::open_signed_in(
            &s.browser,
            "/klaim-saya",
            "claim-list",
            RINA_NIK,
            RINA.password,
        )
        .await;
    }
    assert!(outbox.rows().await.is_empty());
    let delivered = outbox.delivered().await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    let announced = outbox.screen.text("outbox-delivered").await;
    assert!(
        announced.contains("Klaim JHT Anda sudah diterima. Nomor klaim: KLM-"),
        "{announced}"
    );
    s.browser.screenshot("delivered").await;
    let claim = exactly_one_claim(&s, programme, kept).await;
    assert_eq!(claim.summary.id, delivered[0]);
    no_orphan_documents(&s, kept).await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_upload_cut_off_by_a_server_crash_completes_after_the_restart() {
    let test = "outbox_crash";
    let mut s = Session::start(test).await;
    sign_up(&s, &RINA).await;
    let claim = Journey::start(&s.browser, Programme::Jht, ClaimReason::Resigned).await;
    claim.results().await.proceed().await;
    claim.answer_event_date(rina_resigned_on()).await;
    claim.answer_bank(Bank::Bca, "8031234567").await;
    let documents = claim.documents().await;
    s.server.stop();
    let kept = keep_all(&documents, test).await;
    documents.proceed().await;
    claim.review().await.submit().await;
    let outbox = OutboxPage::wait(&s.browser).await;

    // A slow uplink (16 KB/s): the photo of about 160 KB takes some ten seconds.
    let cdp = s.browser.driver.cdp();
    cdp.network().enable().await.expect("Network.enable");
    let slow = NetworkConditions {
        upload_throughput: 16 * 1024,
        ..NetworkConditions::new()
    };
    cdp.network()
        .emulate_network_conditions(slow)
        .await
        .expect("throttle the network");
    s.server.restart();
    // The outbox's next round starts the upload; the server dies in the middle of it.
    poll(Duration::from_secs(30), "the delivery to start", || async {
        let rows = outbox.rows().await;
        rows.iter().any(|r| r.status == "sending").then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    s.server.restart();
    // The restarted server's sweep releases the reservation of the upload it was killed in.
    poll(
        Duration::from_secs(15),
        "the server was killed during an upload",
        || async {
            let log = std::fs::read_to_string(&s.server.log).expect("the server's log");
            log.lines()
                .any(|l| l.contains("storage swept") && !l.contains("reservations=0"))
                .then_some(())
        },
    )
    .await;
    cdp.network()
        .emulate_network_conditions(NetworkConditions::new())
        .await
        .expect("end the throttling");

    let rows = outbox.wait_until_settled(Duration::from_secs(90)).await;
    assert!(rows.is_empty(), "{rows:?}");
    assert_eq!(outbox.delivered().await.len(), 1);
    exactly_one_claim(&s, Programme::Jht, kept).await;
    no_orphan_documents(&s, kept).await;
    s.finish().await;
}

/// Bambang's JHT claim to an account in someone else's name (Asep's wife's), answered while the
/// bank cannot be asked and queued with the server gone (left stopped).
async fn queue_jht_to_someone_elses_account<'a>(s: &'a mut Session, test: &str) -> Journey<'a> {
    let jht = Journey::start(&s.browser, Programme::Jht, ClaimReason::Retirement).await;
    let results = jht.results().await;
    assert!(results.eligible().await, "{}", results.title().await);
    results.proceed().await;
    s.server.stop();
    jht.answer_bank(Bank::Bni, "0987654321").await;
    // His JHT is above Rp 50 jt: the NPWP (his NIK since 2024) is asked.
    jht.answer_npwp(BAMBANG.nik).await;
    let documents = jht.documents().await;
    keep_all(&documents, test).await;
    documents.proceed().await;
    jht.review().await.submit().await;
    OutboxPage::wait(&s.browser).await;
    jht
}

#[tokio::test(flavor = "multi_thread")]
async fn a_claim_refused_for_good_never_holds_up_the_next() {
    let test = "outbox_refused";
    let mut s = Session::start(test).await;
    sign_up(&s, &BAMBANG).await;

    // First: JHT to an account in someone else's name.
    queue_jht_to_someone_elses_account(&mut s, test).await;

    // Second: JP to his own account, still offline, started from inside the app.
    let jp = Journey::start_within_app(&s.browser, Programme::Jp, ClaimReason::Retirement).await;
    jp.results().await.proceed().await;
    jp.answer_bank(Bank::Bni, "0123456789").await;
    let documents = jp.documents().await;
    let kept = keep_all(&documents, test).await;
    documents.proceed().await;
    jp.review().await.submit().await;
    let outbox = OutboxPage::wait(&s.browser).await;
    let rows = outbox.rows().await;
    assert_eq!(rows.len(), 2, "{rows:?}");

    s.server.restart();
    let rows = outbox.wait_until_settled(Duration::from_secs(60)).await;
    assert_eq!(rows.len(), 1, "the JHT claim stays: {rows:?}");
    assert_eq!(
        rows[0].reasons,
        vec!["claim.bank_holder_differs".to_owned()],
        "{rows:?}"
    );
    assert!(
        rows[0].text.contains("Tidak dapat dikirim"),
        "{}",
        rows[0].text
    );
    s.browser.screenshot("refused").await;
    exactly_one_claim(&s, Programme::Jp, kept).await;

    // Signing out would delete it from the phone: the first press says so.
    let account = Screen::new(&s.browser);
    account.go_within_app("/akun", "sign-out").await;
    account.press("sign-out").await;
    let warning = account.text("sign-out-warning").await;
    assert!(
        warning.starts_with("1 klaim belum terkirim. Jika Anda keluar sekarang"),
        "{warning}"
    );
    account.go_within_app("/klaim-saya", "outbox").await;

    // Deleted by the person, after a confirmation.
    outbox.delete(&rows[0].id).await;
    poll(Duration::from_secs(10), "the row to go", || async {
        (!outbox.screen.has("queued-claim").await).then_some(())
    })
    .await;
    // Nothing waits now: one press signs out.
    account.go_within_app("/akun", "sign-out").await;
    account.press("sign-out").await;
    SignInPage::wait(&s.browser).await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_claim_is_changed_and_sent_again() {
    let test = "outbox_changed";
    let mut s = Session::start(test).await;
    sign_up(&s, &BAMBANG).await;
    queue_jht_to_someone_elses_account(&mut s, test).await;
    s.server.restart();
    let outbox = OutboxPage::wait(&s.browser).await;
    let rows = outbox.wait_until_settled(Duration::from_secs(60)).await;
    assert_eq!(rows.len(), 1, "{rows:?}");

    // "Hapus" asks first; "Batal" keeps it.
    outbox.cancel_delete(&rows[0].id).await;
    assert_eq!(outbox.rows().await.len(), 1);

    // "Ubah dan kirim lagi": back to the review page with every answer, out of the outbox.
    outbox.screen.press("queued-change").await;
    let jht = Journey {
        screen: Screen::new(&s.browser),
        programme: Programme::Jht,
        reason: ClaimReason::Retirement,
    };
    let review = jht.review().await;
    let rows = review.rows().await;
    assert!(
        rows.iter().any(|r| r.value == "BNI 0987654321"),
        "the answers came back: {rows:#?}"
    );
    // His own account this time, checked by the bank now that the server is there.
    jht.screen
        .go_within_app(&jht.path("rekening"), "bank-form")
        .await;
    jht.answer_bank(Bank::Bni, "0123456789").await;
    jht.answer_npwp(BAMBANG.nik).await;
    let documents = jht.documents().await;
    let kinds = documents.asked().await;
    for &kind in &kinds {
        assert_ne!(
            documents.settled(kind).await.state,
            "empty",
            "{kind:?} came back"
        );
    }
    let count = kinds.len();
    documents.proceed().await;
    jht.review().await.submit().await;
    Sent::wait(&s.browser).await;
    exactly_one_claim(&s, Programme::Jht, count).await;
    s.finish().await;
}

//! A claim from submission to payment in two Chromium sessions, through the screens only: the
//! participant submits; an officer, in the back office, asks for a new bank book with a reason;
//! the participant reads the reason in plain words with who can fix it and how, replaces only
//! that document and sends it back; the officer approves, orders and confirms the payment; the
//! participant sees "Dibayar", a notification and the receipt. Every status change also went out
//! by e-mail to a local SMTP sink, without personal data.

use std::time::{Duration, Instant};

use klaim_core::Lang;
use klaim_core::api::claim::ClaimList;
use klaim_core::claim::{DocumentKind, OfficerReason};
use klaim_e2e::account_pages::RegisterFlow;
use klaim_e2e::claim_pages::RINA;
use klaim_e2e::fixtures::{letter_pdf, write};
use klaim_e2e::follow_pages::{ClaimPage, NotificationsPage, badge, fetch_head};
use klaim_e2e::office_pages::{
    OFFICER, OfficeClaimPage, QueuePage, rina_sends_her_jht_claim, staff_signs_in,
};
use klaim_e2e::server::{last_six_digits, output_dir};
use klaim_e2e::{Browser, ServerOptions, Session};
use klaim_testkit::SmtpSink;

const TEST: &str = "to_payment";
const TRANSFER: &str = "TRF-20261124-0001";

/// Rina's data as the registry holds it: none of it may appear in an e-mail.
const PERSONAL: [&str; 7] = [
    "Rina",
    "Wulandari",
    "3374055205919001",
    "99010000001",
    "8031234567",
    "081234560001",
    "rina.wulandari",
];

#[tokio::test(flavor = "multi_thread")]
async fn a_claim_goes_from_submission_to_paid_with_one_document_fixed() {
    let sink = SmtpSink::start().await.expect("the SMTP sink starts");
    let options = ServerOptions {
        auto_approve: false,
        env: vec![
            ("KLAIM_SMTP_URL".into(), sink.url()),
            (
                "KLAIM_MAIL_FROM".into(),
                "Klaim <no-reply@klaim.test>".into(),
            ),
        ],
        ..ServerOptions::default()
    };
    let s = Session::start_with(TEST, &options).await;
    s.server.add_staff(&OFFICER);
    let dir = output_dir().join("fixtures").join(TEST);

    // Rina signs up with her e-mail address as the contact: the code comes by e-mail.
    let flow = RegisterFlow::open(&s.browser).await;
    flow.submit(&RINA).await;
    flow.screen.wait("channel-form").await;
    flow.screen.press("channel-email").await;
    flow.send_code().await;
    let mails = sink.wait_for(1, Duration::from_secs(15)).await;
    let code = last_six_digits(mails[0].body()).expect("the code is in the e-mail");
    flow.enter_code(&code).await;
    flow.screen.wait_path("/akun").await;

    let reference = rina_sends_her_jht_claim(&s.browser, &dir).await;
    let list: ClaimList = s.browser.api("/claims").await;
    let id = list.claims[0].id.clone();
    assert_eq!(list.claims[0].reference, reference);

    // The officer, in a browser of their own, finds the claim in the queue and asks for a new
    // bank book: the photo cannot be read.
    let desk = Browser::start("to_payment_officer", &s.server.url).await;
    staff_signs_in(&desk, &OFFICER).await;
    let queue = QueuePage::wait(&desk).await;
    let claim = queue.open_claim(&reference).await;
    claim.start_verification().await;
    claim
        .request_fix(
            &[("document-bank_book", "document_unreadable")],
            "Bagian bawah halaman terpotong.",
        )
        .await;
    claim.wait_status("needs_action").await;
    desk.screenshot("fix-requested").await;

    // Rina reads what is wrong, who can fix it and how; only the bank book can be replaced.
    let page = ClaimPage::open(&s.browser, &id).await;
    assert_eq!(page.status().await, "needs_action");
    assert_eq!(page.status_title().await, "Perlu tindakan");
    let items = page.needs_action().await;
    assert_eq!(items.len(), 1, "{items:?}");
    let reason = OfficerReason::DocumentUnreadable;
    assert_eq!(items[0].code, reason.as_str());
    assert_eq!(items[0].target, "document:bank_book");
    assert!(
        items[0].message.contains(reason.message(Lang::Id)),
        "{items:?}"
    );
    assert!(
        items[0]
            .fixer
            .as_deref()
            .is_some_and(|f| f.contains(reason.fixer().title(Lang::Id))),
        "{items:?}"
    );
    assert_eq!(items[0].steps, reason.steps(Lang::Id));
    assert!(!items[0].message.contains(reason.as_str()), "no bare code");
    assert_eq!(
        page.officer_note().await.as_deref(),
        Some("Bagian bawah halaman terpotong.")
    );
    s.browser.screenshot("needs-action").await;

    let fix = page.start_fix().await;
    assert_eq!(fix.upload_kinds().await, ["bank_book"]);
    let new_bank_book = write(&dir, "bank_book_new.pdf", &letter_pdf("Buku tabungan BCA"));
    fix.documents()
        .upload(DocumentKind::BankBook, &new_bank_book)
        .await;
    let page = fix.send_and_return().await;
    assert_eq!(page.status().await, "verifying");

    // The officer sees the new bank book, approves the computed amount and pays.
    let claim = OfficeClaimPage::open(&desk, &id).await;
    assert_eq!(claim.status().await, "verifying");
    assert_eq!(
        pdf_in_frame(&desk, DocumentKind::BankBook).await,
        "application/pdf"
    );
    let approve_words = claim.button_words("approve").await;
    assert!(approve_words.contains("Rp "), "{approve_words}");
    claim.approve("", "").await;
    claim.wait_status("approved").await;
    claim.take("start_payment").await;
    claim.wait_status("paying").await;
    claim.confirm_payment(TRANSFER).await;
    claim.wait_status("paid").await;
    desk.screenshot("paid").await;

    // Rina: "Dibayar", the transfer reference, a notification and the receipt.
    let page = ClaimPage::open(&s.browser, &id).await;
    assert_eq!(page.status().await, "paid");
    assert_eq!(page.status_title().await, "Dibayar");
    assert_eq!(page.transfer_reference().await.as_deref(), Some(TRANSFER));
    assert!(
        page.approved_amount()
            .await
            .is_some_and(|a| a.starts_with("Rp "))
    );
    let unread = badge(&s.browser).await.expect("the header's notifications");
    assert!(unread.unread >= 1, "{unread:?}");
    let notifications = NotificationsPage::from_header(&s.browser).await;
    let newest = notifications.items().await;
    assert_eq!(newest[0].status, "paid", "{newest:?}");
    assert_eq!(newest[0].claim_id, id);
    assert!(newest[0].text.contains("Dibayar"), "{newest:?}");
    let page = notifications.open_claim(&id).await;
    let receipt = page.receipt_href().await;
    let (status, content_type, start) = fetch_head(&s.browser, &receipt).await;
    assert_eq!(
        (status, content_type.as_str(), start.as_str()),
        (200, "application/pdf", "%PDF-")
    );
    s.browser.screenshot("paid").await;

    // Every status change reached Rina's inbox, each without personal data or the reference.
    let steps = ["verifying", "needs_action", "approved", "paying", "paid"];
    let mails = sink
        .wait_for(1 + steps.len(), Duration::from_secs(30))
        .await;
    let notices: Vec<_> = mails
        .iter()
        .filter(|m| m.body().contains("Status klaim Anda berubah"))
        .collect();
    assert!(notices.len() >= steps.len(), "{} notices", notices.len());
    for mail in notices {
        assert_eq!(
            mail.header("To").as_deref().map(str::trim),
            Some("rina.wulandari@example.com")
        );
        let text = format!("{}\n{}", mail.subject().unwrap_or_default(), mail.body());
        for personal in PERSONAL.iter().chain([&reference.as_str()]) {
            assert!(
                !text.contains(personal),
                "{personal:?} in an e-mail:\n{text}"
            );
        }
    }

    desk.quit().await;
    s.finish().await;
}

/// The content type of the document shown in the claim page's frame for `kind`: a frame the
/// server refused to be framed in holds an error page the app cannot read, so this stays empty.
async fn pdf_in_frame(browser: &Browser, kind: DocumentKind) -> String {
    let script = format!(
        "const f = document.querySelector('[data-testid=office-document][data-kind={}] \
         [data-testid=document-pdf]'); if (!f) return ''; f.scrollIntoView(); \
         try {{ return f.contentDocument ? f.contentDocument.contentType : ''; }} \
         catch (e) {{ return ''; }}",
        kind.as_str()
    );
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let shown: String = browser
            .driver
            .execute(script.clone(), Vec::new())
            .await
            .expect("run the script")
            .convert()
            .expect("a string");
        if (!shown.is_empty() && shown != "text/html") || Instant::now() > deadline {
            return shown;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

//! Following a claim in real Chromium: the participant's timeline after submitting, an
//! officer's request for a fix (taken through the API from the officer's own browser) read in
//! plain words with who can fix it and how, only the reopened document replaced and sent back,
//! the notifications and the header's count, the receipt, and the last known status once the
//! server is gone.

use std::path::PathBuf;
use std::time::Duration;

use klaim_core::Lang;
use klaim_core::api::claim::{ClaimList, ClaimStatus, ClaimView};
use klaim_core::api::office::OfficerStep;
use klaim_core::claim::{
    ActionItem, ClaimProblem, ClaimReason, DocumentKind, ItemTarget, OfficerReason, Programme,
    Question, ResubmissionProblem,
};
use klaim_core::{Bank, BankAccount, Explain, NameMatch};
use klaim_e2e::account_pages::Screen;
use klaim_e2e::claim_pages::{Journey, RINA, Sent, sign_up};
use klaim_e2e::fixtures::{document_photo, write};
use klaim_e2e::follow_pages::{
    ClaimPage, FixPage, NotificationsPage, Officer, badge, fetch_head, receipt_href, wait_badge,
};
use klaim_e2e::pages::input_value;
use klaim_e2e::server::output_dir;
use klaim_e2e::{Browser, Session, Staff, wib_today};

const OFFICER: Staff<'static> = Staff {
    role: "officer",
    email: "dewi.petugas@bpjs.example",
    name: "Dewi Petugas",
    password: "teh manis pagi cerah",
    nik: None,
};

/// The page refreshes every 30 s while visible; a change shows within one round and a margin.
const ONE_REFRESH: Duration = Duration::from_secs(40);

fn fixture_dir(test: &str) -> PathBuf {
    output_dir().join("fixtures").join(test)
}

/// Rina sends her JHT claim after resigning (three PDFs); returns the claim's id and reference,
/// on the confirmation page.
async fn rina_sends_a_claim(s: &Session, test: &str) -> (String, String) {
    sign_up(s, &RINA).await;
    let claim = Journey::start(&s.browser, Programme::Jht, ClaimReason::Resigned).await;
    let results = claim.results().await;
    assert!(results.eligible().await, "{}", results.title().await);
    results.proceed().await;
    claim
        .answer_event_date(wib_today().add_days(-95).expect("a date"))
        .await;
    claim.answer_bank(Bank::Bca, "8031234567").await;
    let documents = claim.documents().await;
    let dir = fixture_dir(test);
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
    claim.review().await.submit().await;
    let sent = Sent::wait(&s.browser).await;
    let reference = sent.reference().await;
    let list: ClaimList = s.browser.api("/claims").await;
    let id = list
        .claims
        .iter()
        .find(|c| c.reference == reference)
        .expect("the claim is listed")
        .id
        .clone();
    (id, reference)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fix_asked_for_is_read_in_plain_words_and_only_that_document_is_replaced() {
    let test = "follow_fix";
    let mut s = Session::start(test).await;
    s.server.add_staff(&OFFICER);
    let (id, reference) = rina_sends_a_claim(&s, test).await;

    // The receipt is there from the confirmation: a PDF made by the server.
    let href = receipt_href(&s.browser).await;
    assert_eq!(href, format!("/api/v1/claims/{id}/receipt.pdf"));
    let (status, content_type, start) = fetch_head(&s.browser, &href).await;
    assert_eq!(
        (status, content_type.as_str(), start.as_str()),
        (200, "application/pdf", "%PDF-")
    );

    // The timeline: received today, every step ahead, the decision with its deadline.
    let page = ClaimPage::open(&s.browser, &id).await;
    assert_eq!(page.status().await, "submitted");
    assert_eq!(page.status_title().await, "Diterima");
    assert_eq!(
        page.next_step().await,
        ClaimStatus::Submitted.next_step(Lang::Id)
    );
    let due = page.decision_due().await.expect("the decision's deadline");
    assert!(due.starts_with("Keputusan paling lambat "), "{due}");
    let steps = page.timeline().await;
    let seen: Vec<(&str, &str)> = steps
        .iter()
        .map(|st| (st.step.as_str(), st.state.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("submitted", "current"),
            ("verifying", "upcoming"),
            ("decision", "upcoming"),
            ("paying", "upcoming"),
            ("paid", "upcoming"),
        ]
    );
    assert_eq!(steps[0].title, "Diterima");
    assert_eq!(
        steps[0].when.as_deref(),
        Some(wib_today().format(Lang::Id).as_str())
    );
    assert!(
        steps[2]
            .when
            .as_deref()
            .is_some_and(|w| w.starts_with("paling lambat ")),
        "{:?}",
        steps[2]
    );
    assert_eq!(page.receipt_href().await, href);
    s.browser.screenshot("timeline").await;

    // The officer, in a browser of their own, starts checking and asks for a new bank book.
    let officer_browser = Browser::start("follow_fix_officer", &s.server.url).await;
    let officer = Officer::sign_in(&officer_browser, OFFICER.email, OFFICER.password).await;
    officer.take(&id, &OfficerStep::StartVerification).await;
    let note = "Foto buku tabungan terpotong di bagian bawah.";
    officer
        .take(
            &id,
            &OfficerStep::RequestAction {
                items: vec![ActionItem {
                    reason: OfficerReason::DocumentUnreadable,
                    target: ItemTarget::Document(DocumentKind::BankBook),
                }],
                note: Some(note.to_owned()),
            },
        )
        .await;

    // The open page notices by itself, and says what is wrong, who fixes it and how.
    page.wait_status("needs_action", ONE_REFRESH).await;
    assert_eq!(page.status_title().await, "Perlu tindakan");
    assert_eq!(
        page.announcement().await,
        format!("Status klaim {reference} berubah: Perlu tindakan"),
        "read out to screen readers"
    );
    let items = page.needs_action().await;
    assert_eq!(items.len(), 1, "{items:?}");
    let item = &items[0];
    let reason = OfficerReason::DocumentUnreadable;
    assert_eq!(item.code, "document_unreadable");
    assert_eq!(item.target, "document:bank_book");
    assert_eq!(item.what, DocumentKind::BankBook.name(Lang::Id));
    assert!(item.message.ends_with(reason.message(Lang::Id)), "{item:?}");
    assert!(
        item.fixer
            .as_deref()
            .is_some_and(|f| f.ends_with(reason.fixer().title(Lang::Id))),
        "{item:?}"
    );
    assert_eq!(item.steps, reason.steps(Lang::Id));
    assert_eq!(page.officer_note().await.as_deref(), Some(note));
    let body = page.screen.body_text().await;
    assert!(
        !body.contains("document_unreadable"),
        "no bare code: {body}"
    );
    let steps = page.timeline().await;
    assert_eq!(
        steps
            .iter()
            .map(|st| (st.step.as_str(), st.state.as_str()))
            .take(4)
            .collect::<Vec<_>>(),
        [
            ("submitted", "done"),
            ("verifying", "done"),
            ("needs_action", "current"),
            ("verifying", "upcoming"),
        ]
    );
    s.browser.screenshot("needs-action").await;

    // The header counts the news (asked again as soon as the page saw the change); the
    // notifications say which claim changed, to what.
    let header = wait_badge(&s.browser, 2, Duration::from_secs(15)).await;
    assert_eq!(header.label, "Notifikasi 2 belum dibaca");
    assert_eq!(header.count.as_deref(), Some("2"));
    let news = NotificationsPage::from_header(&s.browser).await;
    let rows = news.items().await;
    assert_eq!(
        rows.iter()
            .map(|r| (r.status.as_str(), r.new))
            .collect::<Vec<_>>(),
        [("needs_action", true), ("verifying", true)],
        "newest first: {rows:?}"
    );
    assert_eq!(
        rows[0].text,
        format!("Status klaim {reference} berubah: Perlu tindakan")
    );
    assert!(rows.iter().all(|r| r.claim_id == id));
    wait_badge(&s.browser, 0, Duration::from_secs(10)).await;
    assert_eq!(badge(&s.browser).await.and_then(|b| b.count), None);
    let page = news.open_claim(&id).await;

    // Only the bank book can be replaced; nothing else is open.
    let before: ClaimView = s.browser.api(&format!("/claims/{id}")).await;
    let fix = page.start_fix().await;
    assert_eq!(
        fix.items().await,
        [(
            "document_unreadable".to_owned(),
            "document:bank_book".to_owned()
        )]
    );
    assert_eq!(fix.upload_kinds().await, ["bank_book"]);
    assert!(!fix.has_input("account_number").await);
    assert!(!fix.has_input("event_date").await);
    let unchanged = fix.unchanged().await;
    for kind in [DocumentKind::Ktp, DocumentKind::KpjCard] {
        assert!(
            unchanged
                .iter()
                .any(|(label, _)| label == kind.name(Lang::Id)),
            "{} shown as it is: {unchanged:?}",
            kind.as_str()
        );
    }
    assert!(
        !unchanged
            .iter()
            .any(|(label, _)| label == DocumentKind::BankBook.name(Lang::Id)),
        "{unchanged:?}"
    );

    // Sending without a new bank book is stopped in the browser, in plain words.
    fix.send().await;
    let summary = fix.screen.error_summary().await;
    assert_eq!(
        summary,
        [(
            "bank_book".to_owned(),
            ResubmissionProblem::DocumentNotReplaced(DocumentKind::BankBook).message(Lang::Id)
        )]
    );
    assert!(fix.screen.title().await.starts_with("Kesalahan: "));

    // A new photo, through the journey's own checks, chosen while the server cannot be reached:
    // kept on the phone (the fix survives a reload), and sent first when the fix is sent back.
    let photo = write(
        &fixture_dir(test),
        "buku-tabungan-baru.jpg",
        &document_photo(2400, 1800, 9),
    );
    s.server.stop();
    let row = fix.documents().keep(DocumentKind::BankBook, &photo).await;
    assert!(row.thumbnail, "{row:?}");
    tokio::time::sleep(Duration::from_secs(1)).await;
    s.server.restart();
    let fix = FixPage::open(&s.browser, &id).await;
    let row = fix.documents().settled(DocumentKind::BankBook).await;
    assert_eq!(row.state, "kept", "{row:?}");
    assert!(row.thumbnail, "the thumbnail from the phone: {row:?}");
    let page = fix.send_and_return().await;
    assert_eq!(page.status().await, "verifying");
    assert_eq!(page.status_title().await, "Sedang diperiksa");
    assert!(page.resubmitted().await);
    assert!(page.needs_action().await.is_empty());
    s.browser.screenshot("sent-back").await;

    // The server has the new bank book and everything else as it was.
    let after: ClaimView = s.browser.api(&format!("/claims/{id}")).await;
    assert_eq!(after.summary.status, ClaimStatus::Verifying);
    assert!(after.open_items.is_empty(), "{:?}", after.open_items);
    assert_eq!(after.answers, before.answers);
    let id_of = |view: &ClaimView, kind: DocumentKind| {
        view.documents
            .iter()
            .find(|d| d.kind == kind)
            .map(|d| d.id.clone())
            .expect("attached")
    };
    assert_ne!(
        id_of(&after, DocumentKind::BankBook),
        id_of(&before, DocumentKind::BankBook)
    );
    for kind in [DocumentKind::Ktp, DocumentKind::KpjCard] {
        assert_eq!(
            id_of(&after, kind),
            id_of(&before, kind),
            "{}",
            kind.as_str()
        );
    }

    // The server gone: the last known status, in grey, with the time it was fetched.
    let screen = Screen::new(&s.browser);
    screen.go_within_app("/klaim-saya", "claim-list").await;
    s.server.stop();
    screen
        .go_within_app(&format!("/klaim-saya/{id}"), "last-known")
        .await;
    let page = ClaimPage::wait(&s.browser).await;
    assert!(page.is_stale().await);
    assert_eq!(page.status().await, "verifying");
    let updated = page.last_updated().await.expect("when it was fetched");
    assert!(
        updated.starts_with("Terakhir diperbarui: Hari ini pukul "),
        "{updated}"
    );
    assert!(!page.screen.has("server-trouble").await);
    s.browser.screenshot("offline").await;
    screen
        .go_within_app("/klaim-saya", "claims-remembered")
        .await;
    assert!(
        screen
            .text("last-updated")
            .await
            .starts_with("Terakhir diperbarui: ")
    );
    assert!(screen.body_text().await.contains(&reference));

    officer_browser.quit().await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reopened_bank_account_is_changed_with_the_same_checks_and_the_servers_refusal_shown() {
    let test = "follow_fix_answer";
    let s = Session::start(test).await;
    s.server.add_staff(&OFFICER);
    let (id, _reference) = rina_sends_a_claim(&s, test).await;

    let officer_browser = Browser::start("follow_fix_answer_officer", &s.server.url).await;
    let officer = Officer::sign_in(&officer_browser, OFFICER.email, OFFICER.password).await;
    officer.take(&id, &OfficerStep::StartVerification).await;
    officer
        .take(
            &id,
            &OfficerStep::RequestAction {
                items: vec![ActionItem {
                    reason: OfficerReason::BankNameDiffers,
                    target: ItemTarget::Answer(Question::BankAccount),
                }],
                note: None,
            },
        )
        .await;
    officer_browser.quit().await;

    let page = ClaimPage::open(&s.browser, &id).await;
    let items = page.needs_action().await;
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].target, "answer:bank_account");
    assert_eq!(items[0].what, Question::BankAccount.title(Lang::Id));
    assert!(
        items[0]
            .fixer
            .as_deref()
            .is_some_and(|f| f.ends_with("Bank Anda")),
        "{items:?}"
    );
    assert_eq!(page.officer_note().await, None);

    // Only the account can change; it starts from what was sent.
    let fix = page.start_fix().await;
    assert!(fix.upload_kinds().await.is_empty());
    assert!(!fix.has_input("event_date").await);
    assert_eq!(
        input_value(&s.browser, "account_number").await,
        "8031234567"
    );
    assert_eq!(input_value(&s.browser, "bank").await, Bank::Bca.code());

    // A number that cannot be an account: klaim-core's words, what was typed kept.
    fix.type_into("account_number", "12").await;
    fix.send().await;
    let expected = BankAccount::parse(Bank::Bca, "12")
        .unwrap_err()
        .message(Lang::Id);
    assert_eq!(
        fix.screen.error_summary().await,
        [("account_number".to_owned(), expected.clone())]
    );
    assert_eq!(
        fix.screen.inline_error("account_number").await.as_deref(),
        Some(expected.as_str())
    );
    assert_eq!(input_value(&s.browser, "account_number").await, "12");

    // An account in someone else's name passes the browser's checks; the server refuses it,
    // and says so on the number's field, with everything typed kept.
    fix.change_bank(Bank::Bni, "0987654321").await;
    fix.send().await;
    let refused = ClaimProblem::BankHolderDiffers {
        grade: NameMatch::Different,
    }
    .message(Lang::Id);
    poll_summary(&fix, &refused).await;
    assert_eq!(
        input_value(&s.browser, "account_number").await,
        "0987654321"
    );
    assert_eq!(input_value(&s.browser, "bank").await, Bank::Bni.code());
    let still: ClaimView = s.browser.api(&format!("/claims/{id}")).await;
    assert_eq!(still.summary.status, ClaimStatus::NeedsAction);
    s.browser.screenshot("refused").await;

    // Her own account after all (the bank corrected its record): sent back.
    fix.change_bank(Bank::Bca, "8031 2345 67").await;
    let page = fix.send_and_return().await;
    assert_eq!(page.status().await, "verifying");
    let after: ClaimView = s.browser.api(&format!("/claims/{id}")).await;
    assert_eq!(
        after.answers.bank_account,
        Some(BankAccount::parse(Bank::Bca, "8031234567").expect("an account"))
    );
    s.finish().await;
}

/// Waits for the server's refusal in the error summary: one entry, on the number's field.
async fn poll_summary(fix: &FixPage<'_>, message: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let summary = fix.screen.error_summary().await;
        if summary.iter().any(|(_, text)| text == message) {
            assert_eq!(summary, [("account_number".to_owned(), message.to_owned())]);
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the server's refusal in the summary: {summary:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

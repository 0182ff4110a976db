//! The back office in real Chromium against klaim-server: Rina sends a JHT claim; an officer
//! signs in by e-mail in a second browser, finds it in the queue, opens it (the automated checks
//! in words, her KTP photo shown inline), starts the verification and rejects it with a reason
//! from the catalogue; the participant is refused the officers' pages; an admin sees it all in
//! the audit trail. Then two tabs of one officer (the second finds the claim moved on), an
//! approval of another amount with its justification, the payment, and an officer who is the
//! participant and may only look.

use klaim_core::Lang;
use klaim_core::api::claim::{ClaimList, ClaimStatus};
use klaim_core::claim::{DocumentKind, OfficerReason};
use klaim_e2e::browser::PHONE;
use klaim_e2e::office_pages::{
    ADMIN, AuditPage, OFFICER, OfficeClaimPage, QueuePage, RINA_AS_OFFICER, refused,
    rina_sends_a_jht_claim, staff_signs_in,
};
use klaim_e2e::server::output_dir;
use klaim_e2e::{Browser, Session, wib_today};

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_verifies_and_rejects_a_claim_and_a_participant_is_refused() {
    let s = Session::start("office_reject").await;
    let dir = output_dir().join("fixtures").join("office_reject");
    let reference = rina_sends_a_jht_claim(&s, &dir).await;
    let mine: ClaimList = s.browser.api("/claims").await;
    let claim_id = mine.claims[0].id.clone();

    // The participant opening the officers' pages is told plainly (the server refuses too).
    s.browser.open("/petugas").await;
    assert_eq!(refused(&s.browser).await, "Halaman ini hanya untuk petugas");
    let (status, _) = s.browser.api_answer("/office/claims").await;
    assert_eq!(status, 403);

    s.server.add_staff(&OFFICER);
    let officer = Browser::start("office_reject_officer", &s.server.url).await;
    staff_signs_in(&officer, &OFFICER).await;
    let queue = QueuePage::wait(&officer).await;
    assert!(
        queue.screen.has("header-office").await,
        "the header's Petugas link"
    );
    assert!(
        !queue.screen.has("header-my-claims").await,
        "no Klaim saya for staff"
    );

    let row = queue.row(&reference).await;
    assert_eq!(row.id, claim_id);
    assert_eq!(row.status, "submitted");
    assert_eq!(row.amount, "Rp 12.350.000");
    assert!(!row.own && !row.overdue, "{row:?}");
    assert!(row.text.contains("Diterima"), "{}", row.text);
    officer.screenshot("queue").await;
    // A phone of 320 px: the table stacks into labelled lines, nothing scrolls sideways.
    officer.set_viewport_width(320).await;
    assert_eq!(
        officer.horizontal_overflow().await,
        0,
        "the queue fits 320 px"
    );
    officer.screenshot("queue-320").await;
    officer.set_viewport_width(PHONE.0).await;

    // Filters live in the address.
    queue.filter(Some("jht"), Some("submitted"), "0").await;
    queue.screen.wait("queue-table").await;
    assert_eq!(
        queue.address().await,
        "/petugas?programme=jht&status=submitted&older_than_days=0"
    );
    queue.row(&reference).await;
    queue.filter(None, Some("paid"), "").await;
    queue.screen.wait("queue-empty").await;
    assert_eq!(queue.address().await, "/petugas?status=paid");
    // A number of days that is not a number is explained, and nothing moves.
    queue.filter(None, Some("paid"), "tiga").await;
    let summary = queue.screen.error_summary().await;
    assert_eq!(summary.len(), 1);
    assert_eq!(summary[0].0, "older_than_days");
    assert_eq!(queue.address().await, "/petugas?status=paid");

    let queue = QueuePage::open(&officer, "/petugas").await;
    let page = queue.open_claim(&reference).await;
    assert_eq!(page.reference().await, reference);
    assert_eq!(page.status().await, "submitted");
    assert!(page.registry().await.contains("3374055205919001"));
    assert!(page.submitted().await.contains("BCA 8031234567"));

    let checks = page.checks().await;
    assert_eq!(checks.len(), 5, "{checks:?}");
    for c in &checks {
        let words = if c.passed { "Lolos" } else { "Tidak lolos" };
        assert!(c.text.contains(words), "{c:?}");
    }
    let identity = checks
        .iter()
        .find(|c| c.check == "identity_matches")
        .expect("the identity check");
    assert!(
        identity.passed && identity.text.contains('✓'),
        "{identity:?}"
    );

    let documents = page.documents().await;
    let ktp = documents
        .iter()
        .find(|d| d.kind == "ktp")
        .expect("the KTP is shown");
    assert_eq!(
        (ktp.file_type.as_str(), ktp.shown_as.as_str()),
        ("jpeg", "image")
    );
    assert!(
        documents
            .iter()
            .any(|d| d.kind == "bank_book" && d.shown_as == "pdf"),
        "{documents:?}"
    );
    let (w, h) = page.image_loaded(DocumentKind::Ktp).await;
    assert!(
        w >= 600 && h >= 400,
        "the photo arrived as a picture: {w}×{h}"
    );
    officer.screenshot("claim").await;
    officer.set_viewport_width(320).await;
    assert_eq!(
        officer.horizontal_overflow().await,
        0,
        "the claim fits 320 px"
    );
    officer.set_viewport_width(PHONE.0).await;

    assert_eq!(page.steps_offered().await, ["start_verification"]);
    page.start_verification().await;
    assert!(page.step_done().await.contains("Sedang diperiksa"));
    assert_eq!(page.history().await, ["submitted", "verifying"]);
    let mut offered = page.steps_offered().await;
    offered.sort();
    assert_eq!(offered, ["approve", "reject", "request_action"]);

    // Nothing ticked: klaim-core's own words, before anything is sent.
    page.reject(&[], None, "").await;
    let summary = page.error_summary().await;
    assert_eq!(summary[0].0, "reasons");
    assert!(
        summary[0].1.contains("paling sedikit satu alasan"),
        "{summary:?}"
    );
    assert_eq!(page.status().await, "verifying");

    let from = wib_today().add_days(40).expect("a date");
    page.reject(
        &["not_eligible_until"],
        Some(from),
        "Masa tunggu satu bulan belum terpenuhi.",
    )
    .await;
    page.wait_status("rejected").await;
    let outcome = page.outcome().await;
    assert!(
        outcome.contains("Belum memenuhi syarat sampai tanggal")
            && outcome.contains(&from.format(Lang::Id)),
        "{outcome}"
    );
    assert!(
        page.no_steps().await,
        "nothing left to do on a rejected claim"
    );
    officer.screenshot("rejected").await;

    // The participant's own record says it too.
    let theirs: klaim_core::api::claim::ClaimView =
        s.browser.api(&format!("/claims/{claim_id}")).await;
    assert_eq!(theirs.summary.status, ClaimStatus::Rejected);
    assert_eq!(
        theirs.outcome.rejection[0].reason,
        OfficerReason::NotEligibleUntil
    );
    assert_eq!(theirs.outcome.rejection[0].until, Some(from));

    // The admin sees every view and step of this claim; officers may not.
    let (status, _) = officer.api_answer("/admin/audit").await;
    assert_eq!(status, 403);
    officer.quit().await;
    s.server.add_staff(&ADMIN);
    let admin = Browser::start("office_reject_admin", &s.server.url).await;
    staff_signs_in(&admin, &ADMIN).await;
    let trail = AuditPage::open(&admin, Some(&claim_id)).await;
    let actions: Vec<String> = trail.rows().await.into_iter().map(|r| r.action).collect();
    for action in ["viewed_claim", "viewed_document", "transition"] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    assert_eq!(
        actions.iter().filter(|a| *a == "transition").count(),
        2,
        "started and rejected: {actions:?}"
    );
    admin.open("/petugas").await;
    assert_eq!(refused(&admin).await, "Halaman ini hanya untuk petugas");
    admin.quit().await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_officers_one_acts_first_and_an_own_claim_is_never_theirs_to_decide() {
    let s = Session::start("office_approve").await;
    let dir = output_dir().join("fixtures").join("office_approve");
    let reference = rina_sends_a_jht_claim(&s, &dir).await;
    s.server.add_staff(&OFFICER);
    s.server.add_staff(&RINA_AS_OFFICER);

    // Rina works in the back office too: she sees her own claim, marked, and cannot act on it.
    let rina = Browser::start("office_approve_rina", &s.server.url).await;
    staff_signs_in(&rina, &RINA_AS_OFFICER).await;
    let queue = QueuePage::wait(&rina).await;
    let row = queue.row(&reference).await;
    assert!(
        row.own && row.text.contains("Klaim Anda sendiri"),
        "{row:?}"
    );
    let own = queue.open_claim(&reference).await;
    let why = own
        .own_claim_explained()
        .await
        .expect("the reason there is no step");
    assert!(why.contains("petugas lain"), "{why}");
    assert!(own.steps_offered().await.is_empty());
    rina.quit().await;

    // The same officer in two tabs: the second press finds the claim moved on.
    let first = Browser::start("office_approve_first", &s.server.url).await;
    let second = Browser::start("office_approve_second", &s.server.url).await;
    staff_signs_in(&first, &OFFICER).await;
    staff_signs_in(&second, &OFFICER).await;
    let id = QueuePage::wait(&first).await.row(&reference).await.id;
    let a = OfficeClaimPage::open(&first, &id).await;
    let b = OfficeClaimPage::open(&second, &id).await;
    assert_eq!(b.steps_offered().await, ["start_verification"]);
    a.start_verification().await;
    b.take("start_verification").await;
    assert!(
        b.conflict()
            .await
            .contains("Petugas lain sudah bertindak lebih dulu")
    );
    b.wait_status("verifying").await;
    first.quit().await;

    // Approving another amount needs a sentence of justification; the button names the sum.
    assert_eq!(b.button_words("approve").await, "Setujui Rp 12.350.000");
    b.approve("Rp 12.000.000", "").await;
    let summary = b.error_summary().await;
    assert_eq!(summary[0].0, "justification", "{summary:?}");
    assert_eq!(b.button_words("approve").await, "Setujui Rp 12.000.000");
    b.approve(
        "Rp 12.000.000",
        "Saldo dikurangi iuran bulan Agustus yang dikembalikan ke perusahaan.",
    )
    .await;
    b.wait_status("approved").await;
    assert!(b.outcome().await.contains("Rp 12.000.000"));

    b.take("start_payment").await;
    b.wait_status("paying").await;
    b.confirm_payment("TRF/123").await;
    let summary = b.error_summary().await;
    assert_eq!(summary[0].0, "transfer_reference", "{summary:?}");
    b.confirm_payment("trf-20261124-0001").await;
    b.wait_status("paid").await;
    assert!(b.outcome().await.contains("TRF-20261124-0001"));
    assert_eq!(
        b.history().await,
        ["submitted", "verifying", "approved", "paying", "paid"]
    );
    assert!(b.no_steps().await);
    second.screenshot("paid").await;
    second.quit().await;
    s.finish().await;
}

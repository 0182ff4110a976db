//! Claims in real Chromium against klaim-server with a generated registry: a whole JHT claim
//! after resignation with photos and a PDF, a JKP attempt that ends on an explanation, a JKM claim
//! by an heir through its task list, an account in someone else's name, a double-clicked submit,
//! and bad input on the question and document pages. Each test checks the server's own record
//! afterwards through the API, as the signed-in person.

use std::path::PathBuf;

use klaim_core::api::claim::{ClaimList, ClaimStatus, DocumentList};
use klaim_core::claim::{Blocker, ClaimProblem, ClaimReason, DocumentKind, Programme, Reference};
use klaim_core::document::{FileType, inspect};
use klaim_core::{Bank, BankAccount, Explain, Lang, NameMatch, PersonName};
use klaim_e2e::Session;
use klaim_e2e::a11y::assert_accessible;
use klaim_e2e::claim_pages::{
    ASEP, HASNAH, Journey, MyClaims, RIDWAN, RINA, Sent, looks_like_reference, sign_up,
};
use klaim_e2e::fixtures::{document_photo, letter_pdf, write};
use klaim_e2e::server::output_dir;
use klaim_e2e::wib_today;

/// Where a test's files are written before they are chosen in the file input.
fn fixture_dir(test: &str) -> PathBuf {
    output_dir().join("fixtures").join(test)
}

/// Rina's resignation letter: 95 days ago, as the registry has it.
fn rina_resigned_on() -> klaim_core::Date {
    wib_today().add_days(-95).expect("a date")
}

/// Takes Rina's JHT claim to "Periksa jawaban Anda" with three small PDFs (for the tests about
/// what happens there).
async fn rina_to_review<'a>(s: &'a Session, test: &str) -> Journey<'a> {
    sign_up(s, &RINA).await;
    let claim = Journey::start(&s.browser, Programme::Jht, ClaimReason::Resigned).await;
    let results = claim.results().await;
    assert!(results.eligible().await, "{}", results.title().await);
    results.proceed().await;
    claim.answer_event_date(rina_resigned_on()).await;
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
    claim.review().await;
    claim
}

#[tokio::test(flavor = "multi_thread")]
async fn a_jht_claim_after_resignation_is_sent_with_photos_and_a_pdf() {
    let s = Session::start("claim_jht_resigned").await;
    sign_up(&s, &RINA).await;
    let claim = Journey::start(&s.browser, Programme::Jht, ClaimReason::Resigned).await;

    let results = claim.results().await;
    assert!(results.eligible().await);
    assert_eq!(
        results.title().await,
        "Anda dapat mengajukan klaim JHT sekarang"
    );
    assert_eq!(
        results.lump_sum().await,
        "Rp 12.350.000",
        "the whole balance"
    );
    let needed = results.documents_needed().await;
    for kind in [
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::BankBook,
    ] {
        assert!(
            needed.iter().any(|k| k == kind.as_str()),
            "{} is listed: {needed:?}",
            kind.as_str()
        );
    }
    s.browser.screenshot("results").await;
    results.proceed().await;

    let resigned_on = rina_resigned_on();
    claim.answer_event_date(resigned_on).await;
    claim.answer_bank(Bank::Bca, "8031234567").await;

    // Two phone photos of 6.75 megapixels and a PDF.
    let documents = claim.documents().await;
    documents.watch().await;
    let dir = fixture_dir("claim_jht_resigned");
    let photos = [
        (DocumentKind::Ktp, document_photo(3000, 2250, 1)),
        (DocumentKind::KpjCard, document_photo(3000, 2250, 2)),
    ];
    for (kind, photo) in &photos {
        let file = write(&dir, &format!("{}.jpg", kind.as_str()), photo);
        let row = documents.upload(*kind, &file).await;
        assert!(row.thumbnail, "a thumbnail of {}", kind.as_str());
        let (w, h) = documents.thumbnail_size(*kind).await;
        assert!(
            w <= 1600 && h <= 1600 && w > h,
            "the thumbnail is the photo as sent: {w}×{h}"
        );
        let size = row.size.expect("the size sent");
        assert!(
            size.starts_with("JPEG · Ukuran yang dikirim: ") && size.ends_with(" KB"),
            "reduced under 1 MB: {size}"
        );
        assert!(
            row.text.contains("Foto diperkecil dari "),
            "says the photo was made smaller: {}",
            row.text
        );
        let seen = documents.seen(*kind).await;
        let states: Vec<&str> = seen.states.iter().map(String::as_str).collect();
        assert_eq!(
            states,
            ["empty", "checking", "uploading", "done"],
            "checked, then uploaded"
        );
        assert_eq!(
            seen.progress.last().copied(),
            Some(100.0),
            "the progress bar reached the end: {:?}",
            seen.progress
        );
    }
    let letter = letter_pdf("Buku tabungan BCA 8031234567 a.n. Rina Wulandari");
    let file = write(&dir, "buku-tabungan.pdf", &letter);
    let row = documents.upload(DocumentKind::BankBook, &file).await;
    assert!(!row.thumbnail, "no thumbnail for a PDF");
    assert_eq!(
        row.size.as_deref(),
        Some("Dokumen PDF · Ukuran yang dikirim: 1 KB")
    );
    s.browser.screenshot("documents").await;

    // The server has the three, the photos as made smaller in the browser, the PDF as it was.
    let stored: DocumentList = s.browser.api("/documents").await;
    assert_eq!(stored.documents.len(), 3, "{stored:?}");
    for (kind, photo) in &photos {
        let d = stored
            .documents
            .iter()
            .find(|d| d.kind == *kind)
            .expect("stored");
        assert_eq!(d.file_type, FileType::Jpeg);
        assert!(
            d.bytes < 1_000_000 && d.bytes < photo.len() as u64 / 2,
            "{} stored as {} bytes (photo {} bytes)",
            kind.as_str(),
            d.bytes,
            photo.len()
        );
    }
    let pdf = stored
        .documents
        .iter()
        .find(|d| d.kind == DocumentKind::BankBook)
        .expect("stored");
    assert_eq!(
        (pdf.file_type, pdf.bytes),
        (FileType::Pdf, letter.len() as u64)
    );
    documents.proceed().await;

    let review = claim.review().await;
    let rows = review.rows().await;
    let value_of = |testid: &str, label: &str| {
        rows.iter()
            .find(|r| r.testid == testid && r.label == label)
            .unwrap_or_else(|| panic!("no row {label:?}: {rows:#?}"))
            .value
            .clone()
    };
    assert_eq!(
        value_of("answer-programme", "Program"),
        "JHT — Jaminan Hari Tua"
    );
    assert_eq!(
        value_of("answer-reason", "Alasan"),
        ClaimReason::Resigned.label(Lang::Id)
    );
    assert_eq!(
        value_of("answer", "Tanggal surat pengunduran diri"),
        resigned_on.format(Lang::Id)
    );
    assert!(
        rows.iter()
            .any(|r| r.testid == "answer" && r.value == "BCA 8031234567"),
        "the account: {rows:#?}"
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r.testid == "answer-document")
            .count(),
        3,
        "the three documents"
    );
    for row in &rows {
        let text = row.change_text.as_deref().unwrap_or_default();
        assert!(
            row.change.is_some() && text.starts_with("Ubah") && text.contains(&row.label),
            "every answer can be changed, the link names it: {row:?}"
        );
    }
    assert_eq!(review.submit_label().await, "Kirim klaim JHT");
    s.browser.screenshot("review").await;
    review.submit().await;

    let sent = Sent::wait(&s.browser).await;
    let reference = sent.reference().await;
    assert!(looks_like_reference(&reference), "{reference:?}");
    assert!(
        Reference::parse(&reference).is_some(),
        "its check character holds: {reference}"
    );
    let font = sent.reference_font().await;
    assert!(font.contains("monospace"), "fixed-width: {font}");
    assert!(
        sent.due().await.starts_with("Keputusan paling lambat "),
        "when the decision is due"
    );
    s.browser.screenshot("sent").await;

    let list: ClaimList = s.browser.api("/claims").await;
    assert_eq!(list.claims.len(), 1, "{list:?}");
    let stored = &list.claims[0];
    assert_eq!(stored.reference, reference);
    assert_eq!(
        (stored.programme, stored.reason, stored.status),
        (
            Programme::Jht,
            ClaimReason::Resigned,
            ClaimStatus::Submitted
        )
    );

    let mine = sent.to_my_claims().await;
    let lines = mine.lines().await;
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0].reference, reference);
    assert_eq!(
        (lines[0].status.as_str(), lines[0].status_words.as_str()),
        ("submitted", "Diterima")
    );
    assert!(lines[0].title.starts_with("Klaim JHT"), "{:?}", lines[0]);
    s.browser.screenshot("my-claims").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn jkp_after_resignation_ends_on_an_explanation_that_points_to_jht() {
    let s = Session::start("claim_jkp_resigned").await;
    sign_up(&s, &RINA).await;
    let claim = Journey::start(&s.browser, Programme::Jkp, ClaimReason::Resigned).await;
    let results = claim.results().await;
    assert!(!results.eligible().await);
    assert_eq!(
        results.title().await,
        "Klaim JKP tidak dapat diajukan saat ini"
    );
    let blocker = Blocker::JkpOnlyAfterDismissal {
        reason: ClaimReason::Resigned,
    };
    let blockers = results.blockers().await;
    assert_eq!(blockers.len(), 1, "{blockers:?}");
    let (code, text) = &blockers[0];
    assert_eq!(code, blocker.code());
    assert!(
        text.contains(&blocker.message(Lang::Id)) && text.contains(&blocker.hint(Lang::Id)),
        "the reason and what to do: {text}"
    );
    assert!(text.contains("JHT"), "points to JHT: {text}");

    // An explanation, not a form error, and no way forward but another choice.
    let screen = &results.screen;
    assert!(!screen.has("error-summary").await);
    assert!(!screen.title().await.starts_with("Kesalahan"));
    assert!(!screen.has("continue").await, "no Lanjutkan");
    s.browser.screenshot("jkp-explained").await;
    screen.press("choose-other").await;
    screen.wait_path("/klaim").await;
    screen.wait("programme-jht").await;

    let list: ClaimList = s.browser.api("/claims").await;
    assert!(list.claims.is_empty(), "nothing was sent: {list:?}");
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_heir_claims_jkm_through_the_task_list() {
    let s = Session::start("claim_jkm_heir").await;
    sign_up(&s, &HASNAH).await;
    let claim = Journey::start(&s.browser, Programme::Jkm, ClaimReason::Death).await;
    claim.answer_deceased(&RIDWAN).await;

    let results = claim.results().await;
    assert!(results.eligible().await, "{}", results.title().await);
    assert_eq!(results.lump_sum().await, "Rp 42.000.000");
    results.proceed().await;

    let tasks = claim.tasks().await;
    assert_eq!(
        tasks.statuses().await,
        [
            ("deceased".to_owned(), "Selesai".to_owned()),
            ("bank_account".to_owned(), "Belum selesai".to_owned()),
            ("documents".to_owned(), "Belum dapat dimulai".to_owned()),
            ("review".to_owned(), "Belum dapat dimulai".to_owned()),
        ]
    );
    s.browser.screenshot("tasks-start").await;
    tasks.open("bank_account").await;
    claim.answer_bank(Bank::Bri, "002501009101507").await;

    let tasks = claim.tasks().await;
    let statuses = tasks.statuses().await;
    assert_eq!(
        statuses[1],
        ("bank_account".to_owned(), "Selesai".to_owned())
    );
    assert_eq!(
        statuses[2],
        ("documents".to_owned(), "Belum selesai".to_owned())
    );
    tasks.open("documents").await;

    // The heir's documents: all chosen at once, then each waited for.
    let documents = claim.documents().await;
    let kinds = documents.kinds().await;
    let expected = [
        DocumentKind::Ktp,
        DocumentKind::DeceasedKtp,
        DocumentKind::KpjCard,
        DocumentKind::DeathCertificate,
        DocumentKind::FamilyCard,
        DocumentKind::HeirCertificate,
        DocumentKind::BankBook,
        DocumentKind::MarriageBook,
        DocumentKind::GuardianshipLetter,
    ];
    let mut sorted = kinds.clone();
    sorted.sort();
    let mut wanted: Vec<String> = expected.iter().map(|k| k.as_str().to_owned()).collect();
    wanted.sort();
    assert_eq!(sorted, wanted, "the heir documents");
    let dir = fixture_dir("claim_jkm_heir");
    for kind in expected {
        let file = if kind == DocumentKind::Ktp {
            write(&dir, "ktp.jpg", &document_photo(1200, 900, 3))
        } else {
            write(
                &dir,
                &format!("{}.pdf", kind.as_str()),
                &letter_pdf(&format!("Dokumen {}", kind.as_str())),
            )
        };
        documents.choose(kind, &file).await;
    }
    for kind in expected {
        let row = documents.settled(kind).await;
        assert_eq!(row.state, "done", "{}: {}", kind.as_str(), row.text);
    }
    s.browser.screenshot("heir-documents").await;
    documents.proceed().await;

    let tasks = claim.tasks().await;
    let statuses = tasks.all().await;
    assert!(
        statuses[..3].iter().all(|t| t.status == "done"),
        "{statuses:?}"
    );
    assert_eq!(statuses[3].status, "todo", "the review can start");
    s.browser.screenshot("tasks-done").await;
    tasks.open("review").await;

    let review = claim.review().await;
    let rows = review.rows().await;
    assert!(
        rows.iter()
            .any(|r| r.value.contains("NIK 7371111708759010") && r.value.contains("99100000010")),
        "the deceased: {rows:#?}"
    );
    assert_eq!(review.submit_label().await, "Kirim klaim JKM");
    review.submit().await;

    let sent = Sent::wait(&s.browser).await;
    let reference = sent.reference().await;
    assert!(looks_like_reference(&reference), "{reference:?}");
    let list: ClaimList = s.browser.api("/claims").await;
    assert_eq!(list.claims.len(), 1, "{list:?}");
    assert_eq!(list.claims[0].reference, reference);
    assert_eq!(
        (list.claims[0].programme, list.claims[0].reason),
        (Programme::Jkm, ClaimReason::Death)
    );
    s.browser.screenshot("jkm-sent").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_account_in_someone_elses_name_is_explained_and_never_sent() {
    let s = Session::start("claim_bank_mismatch").await;
    sign_up(&s, &ASEP).await;
    let claim = Journey::start(&s.browser, Programme::Jht, ClaimReason::Resigned).await;
    let results = claim.results().await;
    assert!(results.eligible().await, "{}", results.title().await);
    results.proceed().await;
    claim
        .answer_event_date(wib_today().add_days(-62).expect("a date"))
        .await;
    claim.answer_bank(Bank::Bni, "0987654321").await;

    let explained = claim.bank_mismatch().await;
    assert_accessible(&s.browser, "the bank-mismatch panel").await;
    let holder = PersonName::parse("EUIS KURNIASIH")
        .expect("a name")
        .masked();
    for said in [
        "Nama pemilik rekening berbeda dengan nama Anda",
        &format!("Rekening ini atas nama {holder}, bukan nama Anda."),
        "Klaim hanya dapat dibayarkan ke rekening atas nama Anda sendiri",
        "Gunakan rekening lain atas nama Anda sendiri",
    ] {
        assert!(explained.contains(said), "{said:?} in {explained:?}");
    }
    assert!(
        !explained.contains("EUIS") && !explained.contains("KURNIASIH"),
        "the holder's name stays masked: {explained}"
    );
    claim.screen.wait_path(&claim.path("rekening")).await;
    s.browser.screenshot("bank-mismatch").await;

    // Going on anyway (documents, then the review) ends at the same explanation, before sending.
    claim
        .screen
        .go_within_app(&claim.path("dokumen"), "documents-form")
        .await;
    let documents = claim.documents().await;
    let dir = fixture_dir("claim_bank_mismatch");
    for kind in [
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::BankBook,
    ] {
        let file = write(
            &dir,
            &format!("{}.pdf", kind.as_str()),
            &letter_pdf(&format!("Dokumen {}", kind.as_str())),
        );
        documents.upload(kind, &file).await;
    }
    documents.proceed().await;
    let review = claim.review().await;
    let problem = ClaimProblem::BankHolderDiffers {
        grade: NameMatch::Different,
    };
    let problems = review.problems().await;
    assert_eq!(problems.len(), 1, "only the account is wrong: {problems:?}");
    assert_eq!(problems[0].0, problem.code());
    assert!(
        problems[0].1.contains(&problem.message(Lang::Id)),
        "{:?}",
        problems[0]
    );
    review.submit().await;
    let problems = review.problems().await;
    assert_eq!(problems[0].0, problem.code(), "refused again");
    claim.screen.wait_path(&claim.path("periksa")).await;
    s.browser.screenshot("review-refused").await;

    let list: ClaimList = s.browser.api("/claims").await;
    assert!(list.claims.is_empty(), "nothing stored: {list:?}");
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_double_clicked_submit_makes_one_claim() {
    let s = Session::start("claim_double_click").await;
    let claim = rina_to_review(&s, "claim_double_click").await;
    let review = claim.review().await;
    review.record_requests().await;
    review.submit_twice().await;

    let sent = Sent::wait(&s.browser).await;
    let reference = sent.reference().await;
    assert!(looks_like_reference(&reference), "{reference:?}");
    let shown = sent.references().await;
    assert!(
        shown.iter().all(|r| *r == reference),
        "one reference on the page: {shown:?}"
    );

    let list: ClaimList = s.browser.api("/claims").await;
    assert_eq!(list.claims.len(), 1, "one claim on the server: {list:?}");
    assert_eq!(list.claims[0].reference, reference);
    // Whatever reached the server was the one claim under its one id (a second request, had
    // there been one, would have got the same claim back).
    let puts: Vec<String> = review
        .requests()
        .await
        .into_iter()
        .filter(|r| r.starts_with("PUT /api/v1/claims/"))
        .collect();
    assert!(!puts.is_empty(), "the claim went through fetch: {puts:?}");
    assert!(
        puts.iter()
            .all(|r| *r == format!("PUT /api/v1/claims/{}", list.claims[0].id)),
        "sent under the claim's one id: {puts:?}"
    );

    // "Klaim saya" lists it once.
    let screen = claim.screen;
    screen.press("header-my-claims").await;
    let lines = MyClaims::wait(&s.browser).await.lines().await;
    assert_eq!(lines.len(), 1, "{lines:?}");
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_kept_and_listed_and_a_program_is_caught_before_upload() {
    let s = Session::start("claim_bad_input").await;
    sign_up(&s, &RINA).await;
    let claim = Journey::start(&s.browser, Programme::Jht, ClaimReason::Resigned).await;
    claim.results().await.proceed().await;

    // A day that does not exist.
    claim.screen.wait("event-date-form").await;
    let typed_date = [
        ("event_date", "31"),
        ("event_date_month", "2"),
        ("event_date_year", "2026"),
    ];
    claim.screen.fill(&typed_date).await;
    claim.screen.press("continue").await;
    let summary = claim.screen.error_summary().await;
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert!(summary[0].0.starts_with("event_date"), "{summary:?}");
    for (id, typed) in typed_date {
        assert_eq!(claim.screen.value(id).await, typed, "{id} is kept");
    }
    assert!(claim.screen.title().await.starts_with("Kesalahan: "));
    claim.answer_event_date(rina_resigned_on()).await;

    // Letters in the account number.
    let typed = "8031abc567";
    claim.answer_bank(Bank::Bca, typed).await;
    let expected = BankAccount::parse(Bank::Bca, typed).expect_err("letters are refused");
    let summary = claim.screen.error_summary().await;
    assert_eq!(
        summary,
        [("account_number".to_owned(), expected.message(Lang::Id))]
    );
    assert_eq!(
        claim.screen.inline_error("account_number").await,
        Some(expected.message(Lang::Id))
    );
    assert_eq!(claim.screen.value("account_number").await, typed, "kept");
    assert_eq!(
        claim.screen.value("bank").await,
        Bank::Bca.code(),
        "the bank is kept"
    );
    assert!(claim.screen.title().await.starts_with("Kesalahan: "));
    claim.screen.wait_path(&claim.path("rekening")).await;
    s.browser.screenshot("account-letters").await;
    claim.answer_bank(Bank::Bca, "8031234567").await;

    // A program renamed ktp.jpg: named for what it is, and never sent.
    let documents = claim.documents().await;
    let mut program = b"\x7FELF\x02\x01\x01\x00".to_vec();
    program.extend(std::iter::repeat_n(0u8, 4096));
    let expected = inspect(&program).expect_err("not a document");
    let file = write(&fixture_dir("claim_bad_input"), "ktp.jpg", &program);
    documents.choose(DocumentKind::Ktp, &file).await;
    let row = documents.settled(DocumentKind::Ktp).await;
    assert_eq!(row.state, "refused", "{}", row.text);
    assert_eq!(row.error, Some(expected.message(Lang::Id)));
    assert!(
        row.error.as_deref().unwrap_or_default().contains("program"),
        "says what it really is: {:?}",
        row.error
    );
    assert!(row.text.contains(&expected.hint(Lang::Id)), "{}", row.text);
    s.browser.screenshot("program-refused").await;
    assert_accessible(&s.browser, "a refused upload").await;
    let stored: DocumentList = s.browser.api("/documents").await;
    assert!(stored.documents.is_empty(), "nothing uploaded: {stored:?}");

    // Lanjutkan without the documents: each missing one is listed and leads to its upload.
    documents.proceed().await;
    let summary = claim.screen.error_summary().await;
    let targets: Vec<&str> = summary.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(targets, ["ktp", "kpj_card", "bank_book"], "{summary:?}");
    assert_eq!(
        summary[1].1,
        ClaimProblem::DocumentMissing(DocumentKind::KpjCard).message(Lang::Id)
    );
    assert_eq!(claim.screen.path().await, claim.path("dokumen"));
    s.finish().await;
}

//! Two more claims in real Chromium against klaim-server with a generated registry: a JP pension
//! paid as a lump sum to a retiree with fewer than 15 years of contributions, and a JKK claim for a
//! work accident the participant recovered from, through its task list. Each is sent with
//! generated photos and PDFs and checked afterwards on the server, as the signed-in person.

use std::path::PathBuf;

use klaim_core::api::claim::{ClaimList, ClaimStatus, ClaimView};
use klaim_core::claim::{
    AccidentAnswers, AccidentOutcome, AccidentPlace, ClaimReason, DocumentKind, Programme,
    Reference,
};
use klaim_core::{Bank, Rupiah};
use klaim_e2e::Session;
use klaim_e2e::claim_pages::{
    AccidentTyped, BAMBANG, Documents, Journey, MADE, Sent, looks_like_reference, sign_up,
};
use klaim_e2e::fixtures::{document_photo, letter_pdf, write};
use klaim_e2e::server::output_dir;
use klaim_e2e::wib_today;

/// Where a test's files are written before they are chosen in the file input.
fn fixture_dir(test: &str) -> PathBuf {
    output_dir().join("fixtures").join(test)
}

/// Uploads a file for every kind the page asks for (photos of the two cards, PDFs for the rest)
/// and checks that `required` are among them.
async fn upload_all(documents: &Documents<'_>, test: &str, required: &[DocumentKind]) {
    let kinds = documents.kinds().await;
    for kind in required {
        assert!(
            kinds.iter().any(|k| k == kind.as_str()),
            "{} is asked for: {kinds:?}",
            kind.as_str()
        );
    }
    let dir = fixture_dir(test);
    for (seed, word) in (1..).zip(&kinds) {
        let photo = word == DocumentKind::Ktp.as_str() || word == DocumentKind::KpjCard.as_str();
        let file = if photo {
            write(
                &dir,
                &format!("{word}.jpg"),
                &document_photo(1600, 1200, seed),
            )
        } else {
            write(
                &dir,
                &format!("{word}.pdf"),
                &letter_pdf(&format!("Dokumen {word}")),
            )
        };
        let kind = DocumentKind::ALL
            .into_iter()
            .find(|k| k.as_str() == word)
            .expect("a known kind");
        let row = documents.upload(kind, &file).await;
        assert_eq!(row.thumbnail, photo, "{word}: {}", row.text);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_retiree_claims_jp_as_a_lump_sum() {
    let s = Session::start("claim_jp_retired").await;
    sign_up(&s, &BAMBANG).await;
    let claim = Journey::start(&s.browser, Programme::Jp, ClaimReason::Retirement).await;

    let results = claim.results().await;
    assert!(results.eligible().await, "{}", results.title().await);
    assert_eq!(
        results.title().await,
        "Anda dapat mengajukan klaim JP sekarang"
    );
    let lump_sum = results.lump_sum().await;
    assert!(
        lump_sum.starts_with("Rp ") && lump_sum != "Rp 0",
        "a lump sum: {lump_sum}"
    );
    assert!(
        !results.screen.has("estimate-monthly").await,
        "no monthly pension under 180 months"
    );
    let estimate = results.screen.text("estimate").await;
    assert!(
        estimate.contains("kurang dari 15 tahun") && estimate.contains("dibayar sekaligus"),
        "explains why it is paid at once: {estimate}"
    );
    let required = [
        DocumentKind::PensionForm7,
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::FamilyCard,
        DocumentKind::BankBook,
    ];
    let needed = results.documents_needed().await;
    for kind in required {
        assert!(
            needed.iter().any(|k| k == kind.as_str()),
            "{} is listed: {needed:?}",
            kind.as_str()
        );
    }
    s.browser.screenshot("results").await;
    results.proceed().await;

    // Retirement needs no date: the account comes first.
    claim.answer_bank(Bank::Bni, "0123456789").await;
    let documents = claim.documents().await;
    upload_all(&documents, "claim_jp_retired", &required).await;
    s.browser.screenshot("documents").await;
    documents.proceed().await;

    let review = claim.review().await;
    let rows = review.rows().await;
    assert!(
        rows.iter()
            .any(|r| r.testid == "answer-programme" && r.value.starts_with("JP")),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.testid == "answer" && r.value == "BNI 0123456789"),
        "the account: {rows:#?}"
    );
    assert_eq!(
        review.screen.text("estimate-lump-sum").await,
        lump_sum,
        "the same estimate before sending"
    );
    assert_eq!(review.submit_label().await, "Kirim klaim JP");
    s.browser.screenshot("review").await;
    review.submit().await;

    let sent = Sent::wait(&s.browser).await;
    let reference = sent.reference().await;
    assert!(looks_like_reference(&reference), "{reference:?}");
    assert!(Reference::parse(&reference).is_some(), "{reference}");
    s.browser.screenshot("sent").await;

    let list: ClaimList = s.browser.api("/claims").await;
    assert_eq!(list.claims.len(), 1, "{list:?}");
    let stored = &list.claims[0];
    assert_eq!(stored.reference, reference);
    assert_eq!(
        (stored.programme, stored.reason, stored.status),
        (
            Programme::Jp,
            ClaimReason::Retirement,
            ClaimStatus::Submitted
        )
    );
    let view: ClaimView = s.browser.api(&format!("/claims/{}", stored.id)).await;
    assert_eq!(view.estimate.lump_sum.to_string(), lump_sum);
    assert_eq!(view.estimate.monthly, None);
    assert_eq!(view.documents.len(), 5, "{:?}", view.documents);
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_employee_claims_jkk_after_recovering_from_a_work_accident() {
    let s = Session::start("claim_jkk_recovered").await;
    sign_up(&s, &MADE).await;
    let claim = Journey::start(&s.browser, Programme::Jkk, ClaimReason::WorkAccident).await;

    let results = claim.results().await;
    assert!(results.eligible().await, "{}", results.title().await);
    assert_eq!(
        results.title().await,
        "Anda dapat mengajukan klaim JKK sekarang"
    );
    s.browser.screenshot("results").await;
    results.proceed().await;

    let tasks = claim.tasks().await;
    let keys: Vec<String> = tasks.all().await.into_iter().map(|t| t.key).collect();
    assert_eq!(
        keys,
        [
            "event_date",
            "accident",
            "bank_account",
            "documents",
            "review"
        ],
        "the parts of a JKK claim"
    );
    s.browser.screenshot("tasks-start").await;

    // The doctor's certificate (KK3) ten days ago, the accident a month before it.
    let today = wib_today();
    let certified_on = today.add_days(-10).expect("a date");
    let happened_on = today.add_days(-40).expect("a date");
    tasks.open("event_date").await;
    claim.answer_event_date(certified_on).await;

    let tasks = claim.tasks().await;
    tasks.open("accident").await;
    claim
        .answer_accident(&AccidentTyped {
            happened_on,
            place: "at_work",
            outcome: "recovered",
            days: "14",
            medical: "1500000",
            transport: "none",
            transport_cost: "",
        })
        .await;

    let tasks = claim.tasks().await;
    tasks.open("bank_account").await;
    claim.answer_bank(Bank::Bsi, "7123456789").await;

    let tasks = claim.tasks().await;
    let statuses = tasks.all().await;
    assert!(
        statuses[..3].iter().all(|t| t.status == "done"),
        "the questions are answered: {statuses:?}"
    );
    tasks.open("documents").await;
    let documents = claim.documents().await;
    // Days off work ask for payslips, costs for the receipts.
    let required = [
        DocumentKind::AccidentReportKk2,
        DocumentKind::Ktp,
        DocumentKind::KpjCard,
        DocumentKind::DoctorCertificateKk3,
        DocumentKind::BankBook,
        DocumentKind::Payslips,
        DocumentKind::MedicalReceipts,
    ];
    upload_all(&documents, "claim_jkk_recovered", &required).await;
    s.browser.screenshot("documents").await;
    documents.proceed().await;

    let tasks = claim.tasks().await;
    let statuses = tasks.all().await;
    assert!(
        statuses[..4].iter().all(|t| t.status == "done"),
        "{statuses:?}"
    );
    assert_eq!(statuses[4].status, "todo", "the review can start");
    s.browser.screenshot("tasks-done").await;
    tasks.open("review").await;

    let review = claim.review().await;
    // 14 days at 100% of Rp 7.200.000 a month, plus the treatment paid.
    let expected = Rupiah::from_u64(7_200_000 * 14 / 30 + 1_500_000);
    assert_eq!(
        review.screen.text("estimate-lump-sum").await,
        expected.to_string()
    );
    assert_eq!(review.submit_label().await, "Kirim klaim JKK");
    s.browser.screenshot("review").await;
    review.submit().await;

    let sent = Sent::wait(&s.browser).await;
    let reference = sent.reference().await;
    assert!(looks_like_reference(&reference), "{reference:?}");
    assert!(Reference::parse(&reference).is_some(), "{reference}");
    s.browser.screenshot("sent").await;

    let list: ClaimList = s.browser.api("/claims").await;
    assert_eq!(list.claims.len(), 1, "{list:?}");
    let stored = &list.claims[0];
    assert_eq!(stored.reference, reference);
    assert_eq!(
        (stored.programme, stored.reason, stored.status),
        (
            Programme::Jkk,
            ClaimReason::WorkAccident,
            ClaimStatus::Submitted
        )
    );
    let view: ClaimView = s.browser.api(&format!("/claims/{}", stored.id)).await;
    assert_eq!(view.answers.event_on, Some(certified_on));
    assert_eq!(
        view.answers.accident,
        Some(AccidentAnswers {
            happened_on,
            place: AccidentPlace::AtWork,
            outcome: AccidentOutcome::Recovered,
            days_unable_to_work: 14,
            medical_costs: Rupiah::from_u64(1_500_000),
            transport: None,
        })
    );
    assert_eq!(view.estimate.lump_sum, expected);
    assert_eq!(view.documents.len(), required.len(), "{:?}", view.documents);
    s.finish().await;
}

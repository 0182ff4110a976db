//! The claim receipt: a PDF made by the server for the claimant only, with the reference, the
//! dates, the answers and the documents, and every identifier masked to its last four digits.
//! Runs on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "follow/support.rs"]
mod follow;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use follow::{change_status, submitted};
use harness::Harness;
use klaim_core::claim::ClaimStatus;

use crate::common::Reply;

async fn receipt(h: &Harness, id: &str, cookie: Option<&str>, lang: &str) -> Reply {
    let mut headers = vec![("accept-language", lang)];
    if let Some(cookie) = cookie {
        headers.push(("cookie", cookie));
    }
    common::get(
        &h.app,
        &format!("/api/v1/claims/{id}/receipt.pdf"),
        &headers,
    )
    .await
}

fn contains(pdf: &[u8], text: &str) -> bool {
    pdf.windows(text.len()).any(|w| w == text.as_bytes())
}

/// Text as the content stream writes it: a literal string shown with `Tj`.
fn shown(pdf: &[u8], text: &str) -> bool {
    contains(pdf, &format!("({text}) Tj"))
}

#[tokio::test]
async fn the_receipt_is_a_pdf_with_the_reference_and_only_masked_identifiers() {
    let h = Harness::new("receipt_pdf").await;
    let claim = submitted(&h, 1).await;
    let reply = receipt(&h, &claim.id, Some(&claim.cookie), "id").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), "application/pdf");
    assert_eq!(
        reply.header("content-disposition"),
        format!("attachment; filename=\"klaim-{}.pdf\"", claim.reference)
    );
    assert_eq!(reply.header("cache-control"), "no-store");
    let pdf = &reply.body[..];
    assert!(pdf.starts_with(b"%PDF-"), "{:?}", &pdf[..16]);
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
    // Base-14 Helvetica, WinAnsi, nothing embedded, streams not compressed.
    assert!(contains(pdf, "/BaseFont /Helvetica"));
    assert!(contains(pdf, "/WinAnsiEncoding"));
    assert!(!contains(pdf, "/FontFile"));
    assert!(!contains(pdf, "/Filter"));

    assert!(shown(pdf, "Tanda terima klaim / Claim receipt"));
    assert!(shown(pdf, "BPJS Ketenagakerjaan via Klaim"));
    assert!(shown(pdf, &claim.reference));
    assert!(shown(pdf, "Nomor referensi"));
    assert!(shown(pdf, "24 November 2026, 10.00 WIB"));
    assert!(shown(pdf, "Diterima (sejak 24 November 2026, 10.00 WIB)"));
    assert!(shown(pdf, "Saya mengundurkan diri"));

    let person = h.persona(1);
    let nik = person.nik.as_str();
    let kpj = person.kpjs[0].kpj.as_str();
    let account = person.bank_accounts[0].account.number();
    assert!(shown(pdf, &person.nik.masked()), "masked NIK");
    assert!(shown(pdf, &person.kpjs[0].kpj.masked()), "masked KPJ");
    assert!(
        shown(
            pdf,
            &format!(
                "{} {}",
                person.bank_accounts[0].account.bank().name(),
                person.bank_accounts[0].account.masked()
            )
        ),
        "masked bank account"
    );
    for (what, full) in [("NIK", nik), ("KPJ", kpj), ("bank account", account)] {
        assert!(!contains(pdf, full), "the full {what} is in the receipt");
        // Nor its first digits anywhere (a masked form shows only the last four).
        assert!(!contains(pdf, &full[..full.len() - 4]), "{what} prefix");
    }
    assert!(
        !contains(pdf, person.name.as_str()),
        "no name on the receipt"
    );

    // Every document: its kind, and the start of its SHA-256.
    let view = h
        .call(
            "GET",
            &format!("/api/v1/claims/{}", claim.id),
            None,
            Some(&claim.cookie),
        )
        .await
        .json();
    let documents = view["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 3);
    for document in documents {
        let sha = document["sha256"].as_str().unwrap();
        assert!(contains(pdf, &format!("SHA-256 {}", &sha[..12])), "{sha}");
        assert!(!contains(pdf, sha), "the short form only");
    }
    assert!(shown(pdf, "Rp 12.350.000"));
}

#[tokio::test]
async fn the_receipt_follows_the_language_and_the_status() {
    let h = Harness::new("receipt_status").await;
    let claim = submitted(&h, 1).await;
    h.clock.advance(1800);
    change_status(&h, &claim.id, ClaimStatus::Approved).await;
    sqlx::query("UPDATE claims SET approved_amount = 12000000 WHERE id = $1")
        .bind(&claim.id)
        .execute(h.db.db.pool())
        .await
        .unwrap();
    let english = receipt(&h, &claim.id, Some(&claim.cookie), "en").await;
    assert_eq!(english.status, 200);
    let pdf = &english.body[..];
    assert!(shown(pdf, "Tanda terima klaim / Claim receipt"));
    assert!(shown(pdf, "Reference"));
    assert!(shown(pdf, "24 November 2026, 10:00 WIB"));
    assert!(shown(pdf, "Approved"));
    assert!(shown(pdf, "Rp 12.000.000"));
    assert!(shown(pdf, "I resigned"));
    assert!(!shown(pdf, "Nomor referensi"));
}

#[tokio::test]
async fn only_the_claimant_gets_the_receipt() {
    let h = Harness::new("receipt_owner").await;
    let claim = submitted(&h, 1).await;
    let other = h.register(3).await;
    let theirs = receipt(&h, &claim.id, Some(&other), "id").await;
    assert_eq!(theirs.status, 404);
    assert_eq!(theirs.error_code(), "claim.not_found");
    assert_eq!(theirs.header("content-type"), "application/json");

    let signed_out = receipt(&h, &claim.id, None, "id").await;
    assert_eq!(signed_out.status, 401);
    assert_eq!(signed_out.error_code(), "api.unauthenticated");

    let officer = h.officer().await;
    let staff = receipt(&h, &claim.id, Some(&officer), "id").await;
    assert_eq!(staff.status, 403);

    for id in ["not-a-uuid", &support::new_id()] {
        let missing = receipt(&h, id, Some(&claim.cookie), "id").await;
        assert_eq!(missing.status, 404, "{id}");
        assert_eq!(missing.error_code(), "claim.not_found");
    }
}

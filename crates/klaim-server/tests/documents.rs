//! Documents: uploads streamed through klaim-core's checks into storage, retried uploads, the
//! hostile files of the issue (each refused with its code and nothing left behind), the headers,
//! and who may see what. Runs on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use harness::{Harness, codes};
use klaim_core::document::MAX_DOCUMENT_BYTES;
use support::{
    Upload, document_rows, jpeg, other_photo, pdf, photo, put_document, stored, stored_files,
    windows_program, zip,
};

#[tokio::test]
async fn an_upload_is_stored_listed_and_read_back_by_its_owner() {
    let h = Harness::new("doc_store").await;
    let rina = h.register(1).await;
    let bytes = photo();
    let upload = Upload::jpeg("ktp", bytes.clone());
    let reply = put_document(&h, Some(&rina), &upload).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    let info = reply.json();
    assert_eq!(info["id"], upload.id.as_str());
    assert_eq!(info["kind"], "ktp");
    assert_eq!(info["file_type"], "jpeg");
    assert_eq!(info["bytes"], bytes.len());
    assert_eq!(info["sha256"], support::sha256(&bytes));
    assert_eq!(info["in_claims"], 0);
    assert_eq!(stored_files(&h), vec![upload.id.clone()]);

    let list = h.call("GET", "/api/v1/documents", None, Some(&rina)).await;
    assert_eq!(list.status, 200);
    assert_eq!(list.json()["documents"][0], info);

    let one = h
        .call(
            "GET",
            &format!("/api/v1/documents/{}", upload.id),
            None,
            Some(&rina),
        )
        .await;
    assert_eq!((one.status.as_u16(), one.json()), (200, info.clone()));

    let content = h
        .call(
            "GET",
            &format!("/api/v1/documents/{}/content", upload.id),
            None,
            Some(&rina),
        )
        .await;
    assert_eq!(content.status, 200);
    assert_eq!(content.body.as_ref(), bytes.as_slice());
    assert_eq!(content.header("content-type"), "image/jpeg");
    assert_eq!(content.header("cache-control"), "private, no-store");
    assert_eq!(content.header("x-content-type-options"), "nosniff");
    assert_eq!(
        content.header("content-disposition"),
        format!("inline; filename=\"ktp-{}.jpg\"", &upload.id[..8])
    );
}

#[tokio::test]
async fn newest_documents_come_first() {
    let h = Harness::new("doc_order").await;
    let rina = h.register(1).await;
    let first = stored(&h, &rina, "ktp", photo()).await;
    h.clock.advance(60);
    let second = stored(&h, &rina, "bank_book", other_photo()).await;
    let list = h.call("GET", "/api/v1/documents", None, Some(&rina)).await;
    let ids: Vec<String> = list.json()["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, [second, first]);
}

#[tokio::test]
async fn a_retried_upload_returns_the_stored_document_and_a_taken_id_is_refused_neutrally() {
    let h = Harness::new("doc_retry").await;
    let rina = h.register(1).await;
    let upload = Upload::jpeg("ktp", photo());
    let first = put_document(&h, Some(&rina), &upload).await;
    assert_eq!(first.status, 201);
    let again = put_document(&h, Some(&rina), &upload).await;
    assert_eq!(again.status, 200, "{:?}", again.json());
    assert_eq!(again.json(), first.json());
    assert_eq!((document_rows(&h).await, stored_files(&h).len()), (1, 1));

    // The same id with other content, or as another kind.
    let mut other = Upload::jpeg("ktp", other_photo());
    other.id = upload.id.clone();
    let conflict = put_document(&h, Some(&rina), &other).await;
    assert_eq!(conflict.status, 409);
    assert_eq!(conflict.error_code(), "document.id_taken");
    let mut other_kind = upload.clone();
    other_kind.kind = "bank_book".into();
    assert_eq!(put_document(&h, Some(&rina), &other_kind).await.status, 409);

    // Another participant naming the id learns nothing beyond "taken": the same answer.
    let agus = h.register(2).await;
    let theirs = put_document(&h, Some(&agus), &upload).await;
    assert_eq!(theirs.status, 409);
    assert_eq!(theirs.json(), conflict.json());
    assert_eq!((document_rows(&h).await, stored_files(&h).len()), (1, 1));
    let content = h
        .call(
            "GET",
            &format!("/api/v1/documents/{}/content", upload.id),
            None,
            Some(&rina),
        )
        .await;
    assert_eq!(content.body.as_ref(), upload.body.as_slice(), "unchanged");
}

#[tokio::test]
async fn two_uploads_of_one_id_at_once_store_it_once() {
    let h = Harness::new("doc_race").await;
    let rina = h.register(1).await;
    let upload = Upload::jpeg("ktp", jpeg(800, 600, 512 * 1024));
    let (a, b) = tokio::join!(
        put_document(&h, Some(&rina), &upload),
        put_document(&h, Some(&rina), &upload)
    );
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert!(
        statuses == [200, 201] || statuses == [201, 409],
        "{statuses:?}: {:?} {:?}",
        a.json(),
        b.json()
    );
    assert_eq!(
        (document_rows(&h).await, stored_files(&h)),
        (1, vec![upload.id.clone()])
    );
    // Whichever answered 409 gets the stored document on its retry.
    assert_eq!(put_document(&h, Some(&rina), &upload).await.status, 200);
}

#[tokio::test]
async fn a_large_document_streams_through_whole() {
    let h = Harness::new("doc_large").await;
    let rina = h.register(1).await;
    let size = usize::try_from(MAX_DOCUMENT_BYTES).unwrap() - 100;
    let bytes = jpeg(4000, 3000, size - photo().len() + 2048);
    assert!(bytes.len() as u64 <= MAX_DOCUMENT_BYTES, "{}", bytes.len());
    let upload = Upload::jpeg("family_card", bytes.clone());
    let reply = put_document(&h, Some(&rina), &upload).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    let content = h
        .call(
            "GET",
            &format!("/api/v1/documents/{}/content", upload.id),
            None,
            Some(&rina),
        )
        .await;
    assert_eq!(content.header("content-length"), bytes.len().to_string());
    assert!(content.body.as_ref() == bytes.as_slice());
}

/// Each refusal: the status and code, and neither a row nor a file left.
#[tokio::test]
async fn hostile_documents_are_refused_and_leave_nothing_behind() {
    let h = Harness::new("doc_hostile").await;
    let rina = h.register(1).await;
    let seven_mb = jpeg(4000, 3000, 7 * 1000 * 1000);
    let mut truncated = photo();
    truncated.truncate(truncated.len() - 1500);
    let mut polyglot = photo();
    polyglot.extend(zip());
    let encrypted = pdf(
        "2 0 obj\n<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -1028 >>\n\
                         endobj\ntrailer << /Encrypt 2 0 R >>\n",
    );

    let mut cases: Vec<(&str, Upload, u16, &str)> = vec![
        (
            "a Windows program renamed .jpg",
            Upload::jpeg("ktp", windows_program()),
            422,
            "-:document.unsupported_type",
        ),
        (
            "a truncated JPEG",
            Upload::jpeg("ktp", truncated),
            422,
            "-:document.truncated",
        ),
        (
            "a PDF with /Encrypt",
            Upload::new("death_certificate", "application/pdf", encrypted),
            422,
            "-:document.encrypted_pdf",
        ),
        (
            "0 bytes",
            Upload::jpeg("ktp", Vec::new()),
            422,
            "-:document.empty",
        ),
        (
            "7 MB",
            Upload::jpeg("ktp", seven_mb.clone()),
            413,
            "-:document.too_large",
        ),
        (
            "a JPEG/ZIP polyglot",
            Upload::jpeg("ktp", polyglot),
            422,
            "-:document.polyglot",
        ),
        (
            "a photo too small to read",
            Upload::jpeg("ktp", jpeg(320, 240, 100)),
            422,
            "-:document.image_too_small",
        ),
        (
            "a JPEG sent as a PDF",
            Upload::new("ktp", "application/pdf", photo()),
            422,
            "content-type:upload.type_mismatch",
        ),
    ];
    let mut short = Upload::jpeg("ktp", photo());
    short.length = Some((photo().len() + 10).to_string());
    cases.push((
        "fewer bytes than Content-Length",
        short,
        422,
        "content-length:upload.size_mismatch",
    ));
    let mut long = Upload::jpeg("ktp", photo());
    long.length = Some((photo().len() - 10).to_string());
    cases.push((
        "more bytes than Content-Length",
        long,
        422,
        "content-length:upload.size_mismatch",
    ));
    let mut seven_mb_lying = Upload::jpeg("ktp", seven_mb);
    seven_mb_lying.length = Some("100000".into());
    cases.push((
        "7 MB behind a small Content-Length",
        seven_mb_lying,
        422,
        "content-length:upload.size_mismatch",
    ));
    let mut wrong_hash = Upload::jpeg("ktp", photo());
    wrong_hash.sha256 = Some(support::sha256(&other_photo()));
    cases.push((
        "a hash that does not match",
        wrong_hash,
        422,
        "x-klaim-sha256:upload.hash_mismatch",
    ));

    for (what, upload, status, code) in cases {
        let reply = put_document(&h, Some(&rina), &upload).await;
        assert_eq!(reply.status, status, "{what}: {:?}", reply.json());
        assert_eq!(codes(&reply), [code], "{what}");
        assert_eq!(document_rows(&h).await, 0, "{what}: a row was left");
        assert!(
            stored_files(&h).is_empty(),
            "{what}: {:?}",
            stored_files(&h)
        );
        let info = h
            .call(
                "GET",
                &format!("/api/v1/documents/{}", upload.id),
                None,
                Some(&rina),
            )
            .await;
        assert_eq!(info.status, 404, "{what}");
    }
    // Messages say what happened in the person's language.
    let mut en = Upload::jpeg("ktp", windows_program());
    en.id = support::new_id();
    let request_en = put_document_lang(&h, &rina, &en, "en").await;
    assert!(
        request_en.json()["errors"][0]["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("program"),
        "{:?}",
        request_en.json()
    );
}

async fn put_document_lang(
    h: &Harness,
    cookie: &str,
    upload: &Upload,
    lang: &str,
) -> common::Reply {
    use axum::body::Body;
    use axum::http::Request;
    let request = Request::put(format!("/api/v1/documents/{}", upload.id))
        .header("x-klaim-request", "1")
        .header("cookie", cookie)
        .header("accept-language", lang)
        .header("content-type", upload.content_type.as_deref().unwrap())
        .header("content-length", upload.body.len())
        .header("x-klaim-document-kind", &upload.kind)
        .header("x-klaim-sha256", upload.sha256.as_deref().unwrap())
        .body(Body::from(upload.body.clone()))
        .unwrap();
    common::send(&h.app, request).await
}

#[tokio::test]
async fn upload_headers_must_be_present_and_readable() {
    let h = Harness::new("doc_headers").await;
    let rina = h.register(1).await;
    let good = Upload::jpeg("ktp", photo());
    let mut cases: Vec<(Upload, &str)> = Vec::new();
    let mut u = good.clone();
    u.length = None;
    cases.push((u, "content-length:upload.header_invalid"));
    let mut u = good.clone();
    u.length = Some("12kB".into());
    cases.push((u, "content-length:upload.header_invalid"));
    let mut u = good.clone();
    u.content_type = None;
    cases.push((u, "content-type:upload.header_invalid"));
    let mut u = good.clone();
    u.content_type = Some("jpeg".into());
    cases.push((u, "content-type:upload.header_invalid"));
    let mut u = good.clone();
    u.kind = "selfie".into();
    cases.push((u, "x-klaim-document-kind:upload.header_invalid"));
    let mut u = good.clone();
    u.sha256 = None;
    cases.push((u, "x-klaim-sha256:upload.header_invalid"));
    let mut u = good.clone();
    u.sha256 = Some("abc123".into());
    cases.push((u, "x-klaim-sha256:upload.header_invalid"));
    let mut u = good.clone();
    u.id = "..%2F..%2Fklaim.db".into();
    cases.push((u, "-:api.malformed"));
    let mut u = good.clone();
    u.id = "not-a-uuid".into();
    cases.push((u, "-:api.malformed"));
    for (upload, code) in cases {
        let reply = put_document(&h, Some(&rina), &upload).await;
        assert_eq!(reply.status, 400, "{code}: {:?}", reply.json());
        assert_eq!(codes(&reply), [code]);
    }
    assert_eq!(document_rows(&h).await, 0);
    assert!(stored_files(&h).is_empty());
    // A media type Klaim does not take, for bytes it does: the bytes decide the answer.
    let mut heic_label = good.clone();
    heic_label.content_type = Some("image/heic".into());
    let reply = put_document(&h, Some(&rina), &heic_label).await;
    assert_eq!(codes(&reply), ["content-type:upload.type_mismatch"]);
    // The upper-case hash and a browser's image/jpg are fine.
    let mut fine = Upload::new("ktp", "image/jpg", photo());
    fine.sha256 = fine.sha256.map(|s| s.to_uppercase());
    assert_eq!(put_document(&h, Some(&rina), &fine).await.status, 201);
}

#[tokio::test]
async fn documents_are_seen_by_their_owner_only_and_staff_get_403() {
    let h = Harness::new("doc_authz").await;
    let rina = h.register(1).await;
    let agus = h.register(2).await;
    let officer = h.officer().await;
    let id = stored(&h, &rina, "ktp", photo()).await;
    let info = format!("/api/v1/documents/{id}");
    let content = format!("{info}/content");

    for uri in [info.as_str(), content.as_str()] {
        let reply = h.call("GET", uri, None, Some(&agus)).await;
        assert_eq!(reply.status, 404, "{uri}");
        assert_eq!(reply.error_code(), "document.not_found", "{uri}");
        let anonymous = h.call("GET", uri, None, None).await;
        assert_eq!(anonymous.status, 401, "{uri}");
        assert_eq!(anonymous.error_code(), "api.unauthenticated");
        let staff = h.call("GET", uri, None, Some(&officer)).await;
        assert_eq!(staff.status, 403, "{uri}");
        assert_eq!(staff.error_code(), "api.forbidden");
    }
    let theirs = h.call("GET", "/api/v1/documents", None, Some(&agus)).await;
    assert_eq!(theirs.json()["documents"], serde_json::json!([]));
    assert_eq!(
        h.call("GET", "/api/v1/documents", None, None).await.status,
        401
    );
    assert_eq!(
        h.call("GET", "/api/v1/documents", None, Some(&officer))
            .await
            .status,
        403
    );
    // Not a UUID: cannot be anyone's document.
    let odd = h
        .call(
            "GET",
            "/api/v1/documents/..%2F..%2Fklaim.db",
            None,
            Some(&rina),
        )
        .await;
    assert_eq!(odd.status, 404);

    let upload = Upload::jpeg("ktp", other_photo());
    assert_eq!(put_document(&h, None, &upload).await.status, 401);
    assert_eq!(put_document(&h, Some(&officer), &upload).await.status, 403);
    let mut unmarked = upload.clone();
    unmarked.marked = false;
    let reply = put_document(&h, Some(&rina), &unmarked).await;
    assert_eq!(reply.status, 403);
    assert_eq!(reply.error_code(), "api.request_header_missing");
    assert_eq!(document_rows(&h).await, 1);
}

#[tokio::test]
async fn uploads_are_rate_limited_per_account() {
    let h = Harness::new("doc_limit").await;
    let rina = h.register(1).await;
    let account: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE role = 'participant'")
        .fetch_one(h.db.db.pool())
        .await
        .unwrap();
    let limit = klaim_server::documents::UPLOADS_PER_ACCOUNT;
    let now = h.clock.now();
    sqlx::query("INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, $3)")
        .bind(format!("{}:{account}", limit.name))
        .bind(now - now.rem_euclid(limit.window_secs))
        .bind(limit.max)
        .execute(h.db.db.pool())
        .await
        .unwrap();
    let reply = put_document(&h, Some(&rina), &Upload::jpeg("ktp", photo())).await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.error_code(), "api.rate_limited");
    assert!(reply.header("retry-after").parse::<u64>().unwrap() > 0);
    assert_eq!(document_rows(&h).await, 0);
    assert!(stored_files(&h).is_empty());
    // Another account is not affected.
    let agus = h.register(2).await;
    stored(&h, &agus, "ktp", photo()).await;
}

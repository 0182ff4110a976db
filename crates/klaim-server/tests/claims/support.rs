//! What the documents and claims suites share: files built by hand (no binary fixtures), uploads
//! with any headers, and counts of what was stored.
// Each test crate uses only part of this module.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::common::{self, Reply};
use crate::harness::Harness;

// ---- Files ----

fn segment(v: &mut Vec<u8>, marker: u8, payload: &[u8]) {
    v.extend([0xFF, marker]);
    v.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    v.extend(payload);
}

/// A JPEG of `width` × `height` (SOI, APP0, DQT, SOF0, DHT, SOS, `scan` bytes of entropy-coded
/// data, EOI): what the checks read, without real pixels.
pub fn jpeg(width: u16, height: u16, scan: usize) -> Vec<u8> {
    let mut v = vec![0xFF, 0xD8];
    segment(&mut v, 0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    segment(&mut v, 0xDB, &[0; 65]);
    let mut sof = vec![8];
    sof.extend(height.to_be_bytes());
    sof.extend(width.to_be_bytes());
    sof.extend([1, 1, 0x11, 0]);
    segment(&mut v, 0xC0, &sof);
    segment(&mut v, 0xC4, &[0; 29]);
    segment(&mut v, 0xDA, &[1, 1, 0, 0, 63, 0]);
    v.extend(std::iter::repeat_n(0x5A, scan));
    v.extend([0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78]);
    v.extend([0xFF, 0xD9]);
    v
}

/// A readable photo of a document (800 × 600).
pub fn photo() -> Vec<u8> {
    jpeg(800, 600, 2048)
}

/// The same size, other bytes: another photo.
pub fn other_photo() -> Vec<u8> {
    jpeg(1024, 768, 2048)
}

pub fn pdf(body: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n{body}\
         trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"
    )
    .into_bytes()
}

/// A real ZIP with one stored file named `a.exe`.
pub fn zip() -> Vec<u8> {
    let mut v = b"PK\x03\x04".to_vec();
    v.extend([20, 0, 0, 0, 0, 0]);
    v.extend([0; 8]);
    v.extend([2, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0]);
    v.extend(b"a.exehi");
    let directory = v.len();
    v.extend(b"PK\x01\x02");
    v.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    v.extend([
        2, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    v.extend(b"a.exe");
    let directory_size = v.len() - directory;
    v.extend(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    v.extend(u32::try_from(directory_size).unwrap().to_le_bytes());
    v.extend(u32::try_from(directory).unwrap().to_le_bytes());
    v.extend([0, 0]);
    v
}

/// A Windows program's first bytes ("MZ", the DOS stub), padded.
pub fn windows_program() -> Vec<u8> {
    let mut v = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00".to_vec();
    v.extend(b"This program cannot be run in DOS mode.\r\r\n$");
    v.resize(4096, 0);
    v
}

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A fresh UUID (version 4 shape) for a document or claim.
pub fn new_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let pid = u64::from(std::process::id());
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        pid & 0xFFFF_FFFF,
        n & 0xFFFF,
        (n >> 16) & 0xFFF,
        (n >> 28) & 0xFFF,
        n ^ 0xC0FF_EE00_0000
    )
}

// ---- Uploads ----

/// An upload with every header right; change fields to make it wrong.
#[derive(Clone, Debug)]
pub struct Upload {
    pub id: String,
    pub kind: String,
    pub content_type: Option<String>,
    /// `Content-Length`; `None` leaves it out.
    pub length: Option<String>,
    pub sha256: Option<String>,
    pub body: Vec<u8>,
    /// Send `X-Klaim-Request: 1`.
    pub marked: bool,
}

impl Upload {
    pub fn new(kind: &str, content_type: &str, body: Vec<u8>) -> Upload {
        Upload {
            id: new_id(),
            kind: kind.to_owned(),
            content_type: Some(content_type.to_owned()),
            length: Some(body.len().to_string()),
            sha256: Some(sha256(&body)),
            body,
            marked: true,
        }
    }

    pub fn jpeg(kind: &str, body: Vec<u8>) -> Upload {
        Upload::new(kind, "image/jpeg", body)
    }
}

pub async fn put_document(h: &Harness, cookie: Option<&str>, upload: &Upload) -> Reply {
    let mut builder = Request::put(format!("/api/v1/documents/{}", upload.id))
        .header("x-klaim-document-kind", &upload.kind);
    if upload.marked {
        builder = builder.header("x-klaim-request", "1");
    }
    if let Some(cookie) = cookie {
        builder = builder.header("cookie", cookie);
    }
    if let Some(content_type) = &upload.content_type {
        builder = builder.header("content-type", content_type);
    }
    if let Some(length) = &upload.length {
        builder = builder.header("content-length", length);
    }
    if let Some(sha) = &upload.sha256 {
        builder = builder.header("x-klaim-sha256", sha);
    }
    let mut request = builder.body(Body::from(upload.body.clone())).unwrap();
    let addr: SocketAddr = "127.0.0.1:40000".parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(addr));
    common::send(&h.app, request).await
}

/// Uploads a document that passes every check; returns its id.
pub async fn stored(h: &Harness, cookie: &str, kind: &str, body: Vec<u8>) -> String {
    let upload = Upload::jpeg(kind, body);
    let reply = put_document(h, Some(cookie), &upload).await;
    assert_eq!(reply.status, 201, "{kind}: {:?}", reply.json());
    upload.id
}

/// Document rows (any state) in the database.
pub async fn document_rows(h: &Harness) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM documents")
        .fetch_one(h.db.db.pool())
        .await
        .unwrap()
}

/// Files in the documents directory (objects and unfinished uploads alike).
pub fn stored_files(h: &Harness) -> Vec<String> {
    match std::fs::read_dir(h.documents_dir()) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

pub async fn claim_rows(h: &Harness) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM claims")
        .fetch_one(h.db.db.pool())
        .await
        .unwrap()
}

// ---- Claims ----

/// A submission under the rules the server runs.
pub fn submission(answers: Value, documents: &[(&str, &str)]) -> Value {
    json!({
        "rules_version": klaim_core::RULES_VERSION,
        "answers": answers,
        "documents": documents
            .iter()
            .map(|(kind, id)| json!({"kind": kind, "document_id": id}))
            .collect::<Vec<_>>(),
    })
}

pub async fn put_claim(h: &Harness, cookie: &str, id: &str, body: Value) -> Reply {
    h.call(
        "PUT",
        &format!("/api/v1/claims/{id}"),
        Some(body),
        Some(cookie),
    )
    .await
}

/// The request of [`put_claim`], for sending from several tasks at once.
pub fn claim_request(cookie: &str, id: &str, body: &Value) -> Request<Body> {
    let mut request = Request::put(format!("/api/v1/claims/{id}"))
        .header("x-klaim-request", "1")
        .header("content-type", "application/json")
        .header("cookie", cookie)
        .body(Body::from(body.to_string()))
        .unwrap();
    let addr: SocketAddr = "127.0.0.1:40000".parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(addr));
    request
}

/// Answers as the app sends them: the person's first KPJ, the end of their last job as the event
/// and their first bank account.
pub fn answers(person: &Person, programme: &str, reason: &str) -> Value {
    let last = person
        .employments()
        .max_by_key(|e| e.started_on)
        .expect("a job");
    let bank = &person.bank_accounts[0].account;
    json!({
        "programme": programme,
        "reason": reason,
        "kpj": person.kpjs[0].kpj.as_str(),
        "event_on": last.ended_on.map(|d| d.to_iso()),
        "deceased": null,
        "accident": null,
        "bank_account": {"bank": bank.bank().code(), "number": bank.number()},
        "npwp": null,
    })
}

/// Uploads one photo per kind; returns `(kind, id)` pairs for a submission.
pub async fn attach(
    h: &Harness,
    cookie: &str,
    kinds: &[&'static str],
) -> Vec<(&'static str, String)> {
    let mut attached = Vec::new();
    for (n, kind) in kinds.iter().enumerate() {
        let width = 800 + u16::try_from(n).unwrap();
        let id = stored(h, cookie, kind, jpeg(width, 600, 1024)).await;
        attached.push((*kind, id));
    }
    attached
}

pub fn pairs<'a>(attached: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    attached.iter().map(|(k, id)| (*k, id.as_str())).collect()
}

use klaim_server::registry::model::Person;

//! Shared by the test crates: a throw-away dist directory and a way to send requests to the router.
// Each test crate uses only part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use klaim_server::AppState;
use klaim_server::accounts::{Accounts, Hasher};
use klaim_server::clock::Clock;
use klaim_server::config::{DatabaseUrl, StorageUrl};
use klaim_server::db::Db;
use klaim_server::documents::{Documents, ObjectStorage};
use klaim_server::instance::Instance;
use klaim_server::static_files::Dist;
use tower::ServiceExt;

pub const JS: &str = "klaim-1a2b3c4d5e6f7a8b.js";
pub const WASM: &str = "klaim-1a2b3c4d5e6f7a8b_bg.wasm";
/// Only a `.gz` beside it: brotli requests fall back to gzip.
pub const CSS: &str = "style-0123456789abcdef0123.css";
pub const INDEX_HTML: &str = "<!doctype html><title>Klaim</title>";

/// A directory removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("klaim-server-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `TMP/dist` as Trunk and xtask leave it, plus `TMP/Cargo.toml` holding `SECRET` as a target for
/// path traversal. The `.br`/`.gz` files hold marker text rather than real compressed bytes: the
/// server never decodes them, and the markers show which variant was sent.
pub fn dist() -> TempDir {
    let tmp = TempDir::new("dist");
    let dist = tmp.path().join("dist");
    let files: &[(&str, &[u8])] = &[
        ("index.html", INDEX_HTML.as_bytes()),
        ("index.html.br", b"BR index"),
        ("index.html.gz", b"GZ index"),
        (JS, b"export function start() {}"),
        (&format!("{JS}.br"), b"BR js"),
        (&format!("{JS}.gz"), b"GZ js"),
        (WASM, b"\0asm\x01\0\0\0"),
        (&format!("{WASM}.br"), b"BR wasm"),
        (&format!("{WASM}.gz"), b"GZ wasm"),
        (CSS, b"body { margin: 0 }"),
        (&format!("{CSS}.gz"), b"GZ css"),
        ("sw.js", b"self.addEventListener('fetch', () => {});"),
        ("manifest.webmanifest", b"{\"name\":\"Klaim\"}"),
        (
            "icons/icon.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
    ];
    for (name, bytes) in files {
        let path = dist.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::write(tmp.path().join("Cargo.toml"), "SECRET").unwrap();
    tmp
}

/// The router over the test dist and a fresh SQLite file in `tmp`.
pub async fn router(tmp: &TempDir) -> Router {
    let url = DatabaseUrl::sqlite_file(&tmp.path().join("var").join("klaim.db"));
    std::fs::create_dir_all(tmp.path().join("var")).unwrap();
    let db = Db::open(&url).await.expect("open the test database");
    klaim_server::router(state(tmp, db, Clock::system()))
}

/// App state over the test dist in `tmp`, the given database and clock; cookies not `Secure`.
pub fn state(tmp: &TempDir, db: Db, clock: Clock) -> AppState {
    let dist = Dist::open(&tmp.path().join("dist")).expect("test dist has index.html");
    let documents = documents_dir(tmp);
    std::fs::create_dir_all(&documents).expect("create the documents directory");
    let storage = ObjectStorage::open(&StorageUrl::Directory(documents)).expect("open storage");
    AppState {
        dist,
        data_dir: tmp.path().join("var").into(),
        documents: Documents {
            db: db.clone(),
            storage,
            clock: clock.clone(),
            instance: Instance::new(),
        },
        accounts: Accounts {
            db,
            clock,
            hasher: Hasher::default(),
        },
        cookie_secure: false,
        metrics_token: None,
        // Claims wait for an officer unless a test switches rule-based approval on.
        auto_approve: klaim_server::office::auto_approve::AutoApprove::Off,
    }
}

/// Where [`state`] keeps uploaded documents.
pub fn documents_dir(tmp: &TempDir) -> PathBuf {
    tmp.path().join("var").join("documents")
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    /// The header's value; panics with the header list when it is missing.
    pub fn header(&self, name: &str) -> &str {
        match self.headers.get(name) {
            Some(value) => value.to_str().unwrap(),
            None => panic!("no {name} header in {:?}", self.headers),
        }
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {:?}", self.body))
    }

    /// The code of the only error in an error-shaped body.
    pub fn error_code(&self) -> String {
        let json = self.json();
        let errors = json["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("not the error shape: {json}"));
        assert_eq!(errors.len(), 1, "{json}");
        errors[0]["code"].as_str().unwrap().to_owned()
    }
}

pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("router is infallible");
    let (parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .expect("body reads");
    Reply {
        status: parts.status,
        headers: parts.headers,
        body,
    }
}

pub fn request(method: &str, uri: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(Body::empty()).unwrap()
}

pub async fn get(router: &Router, uri: &str, headers: &[(&str, &str)]) -> Reply {
    send(router, request("GET", uri, headers)).await
}

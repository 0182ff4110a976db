//! The built app as the browser gets it: types, caching, precompressed variants, deep links,
//! 404s, HEAD, conditional requests and no way out of the dist directory.

mod common;

use axum::http::StatusCode;
use common::{CSS, INDEX_HTML, JS, WASM, get, request, send};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

#[tokio::test]
async fn files_have_their_content_type_and_cache_policy() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    let check = async |uri: &str, content_type: &str, cache: &str| {
        let reply = get(&app, uri, &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert_eq!(reply.header("content-type"), content_type, "{uri}");
        assert_eq!(reply.header("cache-control"), cache, "{uri}");
        assert_eq!(reply.header("vary"), "accept-encoding", "{uri}");
    };
    check("/", "text/html; charset=utf-8", "no-cache").await;
    check("/index.html", "text/html; charset=utf-8", "no-cache").await;
    check(&format!("/{JS}"), "text/javascript", IMMUTABLE).await;
    check(&format!("/{WASM}"), "application/wasm", IMMUTABLE).await;
    check(&format!("/{CSS}"), "text/css", IMMUTABLE).await;
    check("/sw.js", "text/javascript", "no-cache").await;
    check(
        "/manifest.webmanifest",
        "application/manifest+json",
        "no-cache",
    )
    .await;
    check("/icons/icon.svg", "image/svg+xml", "no-cache").await;
}

#[tokio::test]
async fn sends_the_best_precompressed_variant_the_request_accepts() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    let check = async |uri: &str, accept: Option<&str>, encoding: Option<&str>, body: &str| {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("accept-encoding", a)).into_iter().collect();
        let reply = get(&app, uri, &headers).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri} {accept:?}");
        let sent = reply
            .headers
            .get("content-encoding")
            .map(|v| v.to_str().unwrap());
        assert_eq!(sent, encoding, "{uri} {accept:?}");
        assert_eq!(
            String::from_utf8_lossy(&reply.body),
            body,
            "{uri} {accept:?}"
        );
        assert_eq!(
            reply.header("content-length"),
            body.len().to_string(),
            "{uri} {accept:?}"
        );
        assert_eq!(reply.header("vary"), "accept-encoding", "{uri} {accept:?}");
    };
    let js = format!("/{JS}");
    let plain_js = "export function start() {}";
    check(&js, Some("gzip, deflate, br, zstd"), Some("br"), "BR js").await;
    check(&js, Some("gzip"), Some("gzip"), "GZ js").await;
    check(&js, Some("gzip;q=1, br;q=0.5"), Some("gzip"), "GZ js").await;
    check(&js, Some("br;q=0, gzip"), Some("gzip"), "GZ js").await;
    check(&js, Some("br;q=0, gzip;q=0"), None, plain_js).await;
    check(&js, Some("identity"), None, plain_js).await;
    check(&js, Some("*"), Some("br"), "BR js").await;
    check(&js, None, None, plain_js).await;
    check(&format!("/{WASM}"), Some("br"), Some("br"), "BR wasm").await;
    // No .br beside the stylesheet: gzip is next best.
    check(&format!("/{CSS}"), Some("br, gzip"), Some("gzip"), "GZ css").await;
    check(&format!("/{CSS}"), Some("br"), None, "body { margin: 0 }").await;
    check(
        "/sw.js",
        Some("br, gzip"),
        None,
        "self.addEventListener('fetch', () => {});",
    )
    .await;
    check("/", Some("br, gzip"), Some("br"), "BR index").await;
    check("/klaim/baru", Some("gzip"), Some("gzip"), "GZ index").await;
}

#[tokio::test]
async fn the_app_routes_get_the_app_shell() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for uri in [
        "/",
        "/klaim/baru",
        "/klaim/baru/",
        "/klaim/baru?langkah=2",
        "/icons",
    ] {
        let reply = get(&app, uri, &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert_eq!(
            reply.header("content-type"),
            "text/html; charset=utf-8",
            "{uri}"
        );
        assert_eq!(reply.header("cache-control"), "no-cache", "{uri}");
        assert_eq!(reply.body, INDEX_HTML, "{uri}");
    }
}

#[tokio::test]
async fn a_missing_file_is_a_404_in_the_error_shape_not_html() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for uri in [
        "/missing.js",
        "/klaim-ffffffffffffffff.js",
        "/icons/missing.png",
        "/sw.js/extra.js",
        "/index.html.bak",
    ] {
        let reply = get(&app, uri, &[("accept-encoding", "br, gzip")]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reply.header("content-type"), "application/json", "{uri}");
        assert_eq!(reply.error_code(), "asset.not_found", "{uri}");
    }
}

#[tokio::test]
async fn nothing_outside_the_dist_directory_is_reachable() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for uri in [
        "/../Cargo.toml",
        "/icons/../../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E%2FCargo.toml",
        "/icons/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/..%5cCargo.toml",
        "/%5c..%5cCargo.toml",
        "/.%2e/Cargo.toml",
        "/%252e%252e/Cargo.toml",
        "/..",
        "/.%2e",
        "/%2e%2e%2f",
    ] {
        let reply = get(&app, uri, &[]).await;
        assert!(
            !String::from_utf8_lossy(&reply.body).contains("SECRET"),
            "{uri} leaked a file outside dist"
        );
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reply.error_code(), "asset.not_found", "{uri}");
    }
}

#[tokio::test]
async fn head_answers_like_get_without_the_body() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for (uri, accept) in [
        (format!("/{JS}"), "br"),
        (format!("/{WASM}"), ""),
        ("/klaim/baru".to_owned(), "gzip"),
    ] {
        let headers = [("accept-encoding", accept)];
        let full = get(&app, &uri, &headers).await;
        let head = send(&app, request("HEAD", &uri, &headers)).await;
        assert_eq!(head.status, StatusCode::OK, "{uri}");
        assert!(head.body.is_empty(), "{uri}");
        for name in [
            "content-type",
            "content-length",
            "cache-control",
            "etag",
            "vary",
        ] {
            assert_eq!(head.header(name), full.header(name), "{uri} {name}");
        }
        assert_eq!(
            head.headers.get("content-encoding"),
            full.headers.get("content-encoding"),
            "{uri}"
        );
    }
    let missing = send(&app, request("HEAD", "/missing.js", &[])).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.is_empty());
}

#[tokio::test]
async fn other_methods_are_refused_with_405() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for (method, uri) in [("POST", "/"), ("PUT", "/sw.js"), ("DELETE", "/klaim/baru")] {
        let reply = send(&app, request(method, uri, &[])).await;
        assert_eq!(
            reply.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}"
        );
        assert_eq!(reply.header("allow"), "GET, HEAD", "{method} {uri}");
        assert_eq!(
            reply.error_code(),
            "api.method_not_allowed",
            "{method} {uri}"
        );
    }
}

#[tokio::test]
async fn a_matching_etag_is_answered_304() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    let first = get(&app, "/sw.js", &[]).await;
    let etag = first.header("etag").to_owned();
    let weak = format!("W/{etag}");
    for if_none_match in [etag.as_str(), weak.as_str(), "\"other\", *"] {
        let again = get(&app, "/sw.js", &[("if-none-match", if_none_match)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{if_none_match}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), etag);
        assert_eq!(again.header("cache-control"), "no-cache");
    }
    let changed = get(&app, "/sw.js", &[("if-none-match", "\"other\"")]).await;
    assert_eq!(changed.status, StatusCode::OK);
    // Each encoding is its own representation with its own tag.
    let brotli = get(&app, "/", &[("accept-encoding", "br")]).await;
    let plain = get(&app, "/", &[]).await;
    assert_ne!(brotli.header("etag"), plain.header("etag"));
}

/// The service worker must be revalidated on every update check (a cached worker would hide a
/// new build for a day or more), and the page's policy must let it and the manifest load.
#[tokio::test]
async fn the_service_worker_and_manifest_may_load_and_the_worker_is_never_kept() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for accept in ["", "br, gzip"] {
        let reply = get(&app, "/sw.js", &[("accept-encoding", accept)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{accept}");
        assert_eq!(reply.header("cache-control"), "no-cache", "{accept}");
        assert_eq!(reply.header("content-type"), "text/javascript", "{accept}");
    }
    let manifest = get(&app, "/manifest.webmanifest", &[]).await;
    assert_eq!(manifest.header("content-type"), "application/manifest+json");
    let page = get(&app, "/klaim-saya", &[]).await;
    let policy = page.header("content-security-policy");
    let directive = |name: &str| {
        policy
            .split(';')
            .map(str::trim)
            .find_map(|d| d.strip_prefix(name).map(str::trim).map(str::to_owned))
            .unwrap_or_else(|| panic!("no {name} in {policy}"))
    };
    assert_eq!(directive("worker-src "), "'self'");
    assert_eq!(directive("manifest-src "), "'self'");
    assert!(directive("script-src ").split(' ').any(|s| s == "'self'"));
}

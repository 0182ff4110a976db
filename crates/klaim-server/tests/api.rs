//! The API's own answers: health, and errors in the one shape with the right status and language.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{get, request, send};
use klaim_server::api::JSON_BODY_LIMIT;
use klaim_server::security::CONTENT_SECURITY_POLICY;

#[tokio::test]
async fn health_reports_the_versions_and_is_never_cached() {
    let tmp = common::dist();
    let reply = get(&common::router(&tmp).await, "/api/v1/health", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), "application/json");
    assert_eq!(reply.header("cache-control"), "no-store");
    let health: klaim_core::api::Health = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(health.rules_version, klaim_core::RULES_VERSION);
}

#[tokio::test]
async fn an_unknown_api_path_is_a_404_in_the_error_shape() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for uri in [
        "/api/v1/nope",
        "/api/v1/nope.js",
        "/api/v2/health",
        "/api",
        "/api/",
        "/api/v1/health/x",
    ] {
        let reply = get(&app, uri, &[]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reply.header("content-type"), "application/json", "{uri}");
        assert_eq!(reply.header("cache-control"), "no-store", "{uri}");
        assert_eq!(reply.error_code(), "api.not_found", "{uri}");
        assert!(reply.json()["errors"][0]["field"].is_null(), "{uri}");
    }
}

#[tokio::test]
async fn a_wrong_method_on_a_known_path_is_a_405_in_the_error_shape() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let headers = [("x-klaim-request", "1")];
        let reply = send(&app, request(method, "/api/v1/health", &headers)).await;
        assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(reply.header("content-type"), "application/json", "{method}");
        assert!(reply.header("allow").contains("GET"), "{method}");
        assert_eq!(reply.error_code(), "api.method_not_allowed", "{method}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413_in_the_error_shape() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    let too_big = JSON_BODY_LIMIT + 1;
    let request = Request::post("/api/v1/health")
        .header("content-type", "application/json")
        .header("content-length", too_big)
        .body(Body::from(vec![b' '; too_big]))
        .unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.header("content-type"), "application/json");
    assert_eq!(reply.error_code(), "api.too_large");
}

#[tokio::test]
async fn messages_follow_accept_language() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    let check = async |accept: Option<&str>, message: &str| {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("accept-language", a)).into_iter().collect();
        for uri in ["/api/v1/nope", "/missing.js"] {
            let reply = get(&app, uri, &headers).await;
            let got = reply.json()["errors"][0]["message"]
                .as_str()
                .unwrap()
                .to_owned();
            assert!(got.contains(message), "{uri} {accept:?}: {got}");
        }
        let reply = send(&app, request("DELETE", "/api/v1/health", &headers)).await;
        let got = reply.json()["errors"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            !got.is_empty() && !got.contains("api."),
            "{accept:?}: {got}"
        );
    };
    check(None, "tidak ditemukan").await;
    check(Some("id-ID,id;q=0.9,en;q=0.8"), "tidak ditemukan").await;
    check(Some("en-US,en;q=0.9"), "not found").await;
    check(Some("fr, en;q=0.5"), "not found").await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let tmp = common::dist();
    let app = common::router(&tmp).await;
    for (method, uri) in [
        ("GET", "/"),
        ("GET", "/klaim/baru"),
        ("GET", "/sw.js"),
        ("GET", "/missing.js"),
        ("GET", "/../Cargo.toml"),
        ("HEAD", "/"),
        ("POST", "/"),
        ("GET", "/api/v1/health"),
        ("GET", "/api/v1/nope"),
        ("POST", "/api/v1/health"),
    ] {
        let reply = send(&app, request(method, uri, &[])).await;
        assert_eq!(
            reply.header("x-content-type-options"),
            "nosniff",
            "{method} {uri}"
        );
        assert_eq!(
            reply.header("referrer-policy"),
            "no-referrer",
            "{method} {uri}"
        );
        assert_eq!(reply.header("x-frame-options"), "DENY", "{method} {uri}");
        assert_eq!(
            reply.header("content-security-policy"),
            CONTENT_SECURITY_POLICY,
            "{method} {uri}"
        );
    }
    assert_eq!(
        CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
         frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
    );
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint_and_its_types() {
    let tmp = common::dist();
    let reply = get(&common::router(&tmp).await, "/api/v1/openapi.json", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    let doc = reply.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let expected = [
        ("/api/v1/health", "get"),
        ("/api/v1/registrations", "post"),
        ("/api/v1/registrations/{id}/code", "post"),
        ("/api/v1/registrations/{id}/verify", "post"),
        ("/api/v1/sessions", "post"),
        ("/api/v1/sessions", "get"),
        ("/api/v1/sessions/current", "delete"),
        ("/api/v1/sessions/{id}", "delete"),
        ("/api/v1/me", "get"),
        ("/api/v1/password-resets", "post"),
        ("/api/v1/password-resets/{id}/complete", "post"),
        ("/api/v1/documents", "get"),
        ("/api/v1/documents/{id}", "put"),
        ("/api/v1/documents/{id}", "get"),
        ("/api/v1/documents/{id}/content", "get"),
        ("/api/v1/claims/facts", "get"),
        ("/api/v1/bank-inquiries", "post"),
        ("/api/v1/claims", "get"),
        ("/api/v1/claims/{id}", "put"),
        ("/api/v1/claims/{id}", "get"),
        ("/api/v1/claims/{id}/resubmission", "post"),
        ("/api/v1/office/claims", "get"),
        ("/api/v1/office/claims/{id}", "get"),
        (
            "/api/v1/office/claims/{id}/documents/{document_id}/content",
            "get",
        ),
        ("/api/v1/office/claims/{id}/steps", "post"),
        ("/api/v1/admin/audit", "get"),
        ("/api/v1/claims/{id}/receipt.pdf", "get"),
        ("/api/v1/notifications", "get"),
        ("/api/v1/notifications/read", "post"),
    ];
    let paths = doc["paths"].as_object().unwrap();
    let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(documented, expected.len(), "{:?}", paths.keys());
    for (path, method) in expected {
        let operation = &doc["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is not documented");
        assert!(!operation["responses"].as_object().unwrap().is_empty());
        // Every `{name}` of the path is declared as a path parameter (API fuzzers need it).
        let declared: Vec<&str> = operation["parameters"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter(|p| p["in"] == "path")
                    .filter_map(|p| p["name"].as_str())
                    .collect()
            })
            .unwrap_or_default();
        for name in path.split('{').skip(1).filter_map(|s| s.split('}').next()) {
            assert!(
                declared.contains(&name),
                "{method} {path}: the path parameter {name} is not declared"
            );
        }
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "RegistrationInput",
        "LoginInput",
        "Me",
        "ParticipantProfile",
        "ApiErrors",
        "SessionList",
        "DocumentInfo",
        "DocumentList",
        "ClaimFacts",
        "ClaimSubmission",
        "ClaimAnswers",
        "ClaimView",
        "ClaimList",
        "BankInquiry",
        "BankInquiryAnswer",
        "DocumentKind",
        "Resubmission",
        "NotificationList",
        "MarkRead",
        "Queue",
        "OfficeClaim",
        "OfficerStep",
        "AuditTrail",
    ] {
        assert!(
            schemas.contains_key(name),
            "{name} missing: {:?}",
            schemas.keys()
        );
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["session"]["in"],
        "cookie"
    );
}

//! Who may call what, hostile input on every accounts endpoint, the request header against
//! cross-site requests, secure cookies and HSTS, and who may read /metrics.
//! Runs on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
mod testdb;

use harness::{Harness, OFFICER_EMAIL, PASSWORD, codes, registration_body, session_cookie};
use serde_json::json;

#[tokio::test]
async fn state_changing_calls_need_the_app_header() {
    let h = Harness::new("csrf").await;
    let cookie = h.register(1).await;
    for (method, uri) in [
        ("POST", "/api/v1/registrations"),
        ("POST", "/api/v1/registrations/x/code"),
        ("POST", "/api/v1/registrations/x/verify"),
        ("POST", "/api/v1/sessions"),
        ("DELETE", "/api/v1/sessions/current"),
        ("DELETE", "/api/v1/sessions/x"),
        ("POST", "/api/v1/password-resets"),
        ("POST", "/api/v1/password-resets/x/complete"),
    ] {
        let request = axum::http::Request::builder()
            .method(method)
            .uri(uri)
            .header("cookie", &cookie)
            .header("content-type", "application/json")
            .body(axum::body::Body::from("{}"))
            .unwrap();
        let reply = common::send(&h.app, request).await;
        assert_eq!(reply.status, 403, "{method} {uri}");
        assert_eq!(
            codes(&reply),
            ["-:api.request_header_missing"],
            "{method} {uri}"
        );
    }
    assert_eq!(
        h.call("GET", "/api/v1/me", None, Some(&cookie))
            .await
            .status,
        200,
        "still signed in"
    );
}

/// Who may call what: anonymous, the participant, another participant, an officer.
#[tokio::test]
async fn authorization_matrix() {
    let h = Harness::new("matrix").await;
    let participant = h.register(1).await;
    let other = h.register(2).await;
    let officer = h.officer().await;
    // A second session of the participant's, to be ended from the first.
    let nik = h.persona(1).nik.as_str().to_owned();
    h.sign_in(&nik, PASSWORD).await;
    let list = h
        .call("GET", "/api/v1/sessions", None, Some(&participant))
        .await
        .json();
    let spare = list["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["current"] == false);
    let own_session = spare.unwrap()["id"].as_str().unwrap().to_owned();
    let revoke_own = format!("/api/v1/sessions/{own_session}");

    // (method, uri, anonymous, participant, other participant, officer)
    let cases: &[(&str, &str, u16, u16, u16, u16)] = &[
        ("GET", "/api/v1/me", 401, 200, 200, 200),
        ("GET", "/api/v1/sessions", 401, 200, 200, 200),
        ("DELETE", &revoke_own, 401, 204, 404, 404),
        ("DELETE", "/api/v1/sessions/current", 401, 204, 204, 204),
    ];
    for (method, uri, anonymous, own, another, staff) in cases {
        let callers = [
            (None, *anonymous),
            (Some(&other), *another),
            (Some(&officer), *staff),
            (Some(&participant), *own),
        ];
        for (cookie, expected) in callers {
            let reply = h.call(method, uri, None, cookie.map(String::as_str)).await;
            assert_eq!(
                reply.status, expected,
                "{method} {uri} as {cookie:?}: {:?}",
                reply.body
            );
        }
        // Sign-out ended those sessions: sign in again for the next row.
    }
    // The officer's /me has no participant profile.
    let officer = session_cookie(&h.sign_in(OFFICER_EMAIL, PASSWORD).await);
    let me = h
        .call("GET", "/api/v1/me", None, Some(&officer))
        .await
        .json();
    assert_eq!(me["role"], "officer");
    assert!(me["participant"].is_null());

    // Anonymous calls to the public steps are allowed (they carry their own proof).
    let reply = h
        .post("/api/v1/password-resets", json!({"login": OFFICER_EMAIL}))
        .await;
    assert_eq!(reply.status, 202);
    // An officer cannot register as a participant: registration is only for the registry's people.
    let reply = h.sign_in(OFFICER_EMAIL, "wrong password here").await;
    assert_eq!(reply.status, 401);
}

/// Bad input on every endpoint: the right 4xx and code, nothing stored.
#[tokio::test]
async fn hostile_and_malformed_input() {
    let h = Harness::new("hostile").await;
    let endpoints = [
        "/api/v1/registrations",
        "/api/v1/registrations/abc/code",
        "/api/v1/registrations/abc/verify",
        "/api/v1/sessions",
        "/api/v1/password-resets",
        "/api/v1/password-resets/abc/complete",
    ];
    let raw = |uri: &str, content_type: &str, body: Vec<u8>| {
        axum::http::Request::post(uri)
            .header("x-klaim-request", "1")
            .header("content-type", content_type)
            .body(axum::body::Body::from(body))
            .unwrap()
    };
    for uri in endpoints {
        for (body, what) in [
            (b"{\"nik\": ".to_vec(), "truncated JSON"),
            (b"[1, 2, 3]".to_vec(), "an array"),
            (
                b"{\"code\": 123456, \"channel\": 1, \"login\": 7}".to_vec(),
                "wrong types",
            ),
            (b"{}".to_vec(), "missing fields"),
            (b"\xff\xfe".to_vec(), "not UTF-8"),
        ] {
            let reply = common::send(&h.app, raw(uri, "application/json", body)).await;
            assert_eq!(reply.status, 400, "{uri}: {what}: {:?}", reply.body);
            assert_eq!(codes(&reply), ["-:api.malformed"], "{uri}: {what}");
        }
        let reply = common::send(&h.app, raw(uri, "text/plain", b"{}".to_vec())).await;
        assert_eq!(reply.status, 415, "{uri}");
        let huge = vec![b' '; klaim_server::api::JSON_BODY_LIMIT + 1];
        let reply = common::send(&h.app, raw(uri, "application/json", huge)).await;
        assert_eq!(reply.status, 413, "{uri}");
    }
    // Extra fields are refused, not ignored: a typo must not pass silently.
    let mut body = registration_body(h.persona(1));
    body["role"] = json!("admin");
    assert_eq!(h.post("/api/v1/registrations", body).await.status, 400);
    let reply = h
        .post(
            "/api/v1/sessions",
            json!({"login": "x", "password": "y", "remember": true}),
        )
        .await;
    assert_eq!(reply.status, 400);

    // Well-formed but wrong values are rule findings with fields.
    let mut body = registration_body(h.persona(1));
    body["full_name"] = json!("A".repeat(5000));
    body["nik"] = json!("1' OR '1'='1");
    body["kpj"] = json!("'; DROP TABLE accounts; --");
    let reply = h.post("/api/v1/registrations", body).await;
    assert_eq!(reply.status, 422);
    assert_eq!(
        codes(&reply),
        [
            "full_name:name.too_long",
            "nik:nik.not_digits",
            "kpj:kpj.not_digits"
        ]
    );
    let mut body = registration_body(h.persona(1));
    body["full_name"] = json!("Сергей Иванов");
    let reply = h.post("/api/v1/registrations", body).await;
    assert_eq!(codes(&reply)[0], "full_name:name.character");
    let reply = h
        .post(
            "/api/v1/sessions",
            json!({"login": "' OR 1=1 --", "password": "x"}),
        )
        .await;
    assert_eq!(reply.status, 422);
    assert_eq!(codes(&reply), ["login:nik.not_digits"]);
    let reply = h
        .post(
            "/api/v1/sessions",
            json!({"login": "a@b.co' --", "password": "x"}),
        )
        .await;
    assert_eq!(reply.status, 422);
    let reply = h
        .post(
            "/api/v1/registrations/abc/verify",
            json!({"code": "12345x"}),
        )
        .await;
    assert_eq!(codes(&reply), ["code:code.not_digits"]);
    let reply = h
        .post("/api/v1/registrations/abc/code", json!({"channel": "fax"}))
        .await;
    assert_eq!(reply.status, 400);

    // English when asked.
    let request = axum::http::Request::post("/api/v1/sessions")
        .header("x-klaim-request", "1")
        .header("content-type", "application/json")
        .header("accept-language", "en")
        .body(axum::body::Body::from(r#"{"login":"","password":""}"#))
        .unwrap();
    let reply = common::send(&h.app, request).await;
    assert_eq!(
        reply.json()["errors"][0]["message"],
        "Enter your NIK or e-mail address"
    );

    // None of it stored anything.
    for table in ["accounts", "registrations", "sessions", "notifications"] {
        let sql = match table {
            "accounts" => "SELECT COUNT(*) FROM accounts",
            "registrations" => "SELECT COUNT(*) FROM registrations",
            "sessions" => "SELECT COUNT(*) FROM sessions",
            _ => "SELECT COUNT(*) FROM notifications",
        };
        let n: i64 = sqlx::query_scalar(sql)
            .fetch_one(h.db.db.pool())
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
}

#[tokio::test]
async fn metrics_are_for_loopback_and_count_sign_ins() {
    let h = Harness::new("metrics").await;
    h.register(1).await;
    let local = h
        .call_from("GET", "/metrics", None, None, "127.0.0.1:9")
        .await;
    assert_eq!(local.status, 200);
    assert!(
        local
            .header("content-type")
            .starts_with("text/plain; version=0.0.4")
    );
    let text = String::from_utf8(local.body.to_vec()).unwrap();
    assert!(
        text.contains("# TYPE klaim_sign_ins_total counter"),
        "{text}"
    );
    assert!(text.contains("klaim_sessions_live 1"), "{text}");
    assert!(
        text.contains("klaim_http_responses_total{class=\"2xx\"}"),
        "{text}"
    );
    let remote = h
        .call_from("GET", "/metrics", None, None, "203.0.113.9:9")
        .await;
    assert_eq!(remote.status, 403);
}

#[tokio::test]
async fn served_as_secure_cookies_are_secure_and_browsers_are_told_to_keep_to_https() {
    let tmp = common::dist();
    let db = testdb::TestDb::new("secure").await;
    let clock = klaim_server::clock::Clock::manual(harness::START);
    let people = klaim_server::registry::personas::people(clock.today());
    let mut conn = db.conn().await;
    klaim_server::registry::store::insert(&mut conn, &people)
        .await
        .unwrap();
    drop(conn);
    let mut state = common::state(&tmp, db.db.clone(), clock);
    state.cookie_secure = true;
    let app = klaim_server::router(state);
    let health = common::get(&app, "/api/v1/health", &[]).await;
    assert_eq!(
        health.header("strict-transport-security"),
        klaim_server::security::STRICT_TRANSPORT_SECURITY
    );
    let request = axum::http::Request::post("/api/v1/sessions")
        .header("x-klaim-request", "1")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(
            r#"{"login":"3174020101900001","password":"x"}"#,
        ))
        .unwrap();
    let reply = common::send(&app, request).await;
    assert_eq!(reply.status, 401);
    assert!(reply.headers.get("strict-transport-security").is_some());

    // Loopback development (the default test state) sends no HSTS.
    let h = Harness::new("insecure").await;
    let reply = h.call("GET", "/api/v1/health", None, None).await;
    assert!(reply.headers.get("strict-transport-security").is_none());
    let cookie = h.register(1).await;
    assert!(!cookie.is_empty());
}

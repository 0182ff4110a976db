//! Signing in, the limits on failures, sessions (list, revoke, sign out, idle end) and the
//! password reset by code.
//! Runs on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
mod testdb;

use harness::{Harness, PASSWORD, codes, session_cookie};
use serde_json::json;

#[tokio::test]
async fn sign_in_by_nik_or_email_and_failures_are_limited() {
    let h = Harness::new("login").await;
    let person = h.persona(1).clone();
    h.register(1).await;
    let nik = person.nik.as_str();
    let reply = h.sign_in(nik, PASSWORD).await;
    assert_eq!(reply.status, 201);
    assert_eq!(
        reply.json()["participant"]["full_name"],
        person.name.as_str()
    );
    if let Some(email) = &person.email {
        assert_eq!(
            h.sign_in(&email.as_str().to_uppercase(), PASSWORD)
                .await
                .status,
            201
        );
    }
    let wrong = h.sign_in(nik, "not the password at all").await;
    let unknown = h.sign_in("3174020101900001", PASSWORD).await;
    assert_eq!(wrong.status, 401);
    assert_eq!(unknown.status, 401);
    assert_eq!(codes(&wrong), ["-:login.failed"]);
    assert_eq!(wrong.body, unknown.body, "the same answer for both");

    for _ in 0..4 {
        assert_eq!(h.sign_in(nik, "not the password at all").await.status, 401);
    }
    let limited = h.sign_in(nik, PASSWORD).await;
    assert_eq!(
        limited.status, 429,
        "five failures lock even the right password"
    );
    assert_eq!(codes(&limited), ["-:api.rate_limited"]);
    let message = limited.json()["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("menit"), "{message}");
    let wait: i64 = limited.header("retry-after").parse().unwrap();
    assert!((1..=900).contains(&wait));
    h.clock.advance(wait);
    assert_eq!(h.sign_in(nik, PASSWORD).await.status, 201);
}

#[tokio::test]
async fn failures_from_one_address_are_limited_across_accounts() {
    let h = Harness::new("login_ip").await;
    for i in 0..50 {
        let nik = format!("31740201019{:05}", i + 1);
        let from = "203.0.113.7:5000";
        let reply = h
            .call_from(
                "POST",
                "/api/v1/sessions",
                Some(json!({"login": nik, "password": "x"})),
                None,
                from,
            )
            .await;
        assert_eq!(reply.status, 401, "attempt {i}: {:?}", reply.json());
    }
    let body = json!({"login": "3174020101900099", "password": "x"});
    let limited = h
        .call_from(
            "POST",
            "/api/v1/sessions",
            Some(body.clone()),
            None,
            "203.0.113.7:5000",
        )
        .await;
    assert_eq!(limited.status, 429);
    let elsewhere = h
        .call_from(
            "POST",
            "/api/v1/sessions",
            Some(body),
            None,
            "198.51.100.2:5000",
        )
        .await;
    assert_eq!(elsewhere.status, 401, "another address is not affected");
}

#[tokio::test]
async fn sessions_are_listed_revoked_and_end_on_sign_out_and_when_idle() {
    let h = Harness::new("sessions").await;
    let first = h.register(1).await;
    let nik = h.persona(1).nik.as_str().to_owned();
    let second = session_cookie(&h.sign_in(&nik, PASSWORD).await);

    let list = h.call("GET", "/api/v1/sessions", None, Some(&second)).await;
    assert_eq!(list.status, 200);
    let sessions = list.json()["sessions"].as_array().unwrap().clone();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    assert_eq!(sessions[0]["device"], "Chrome, Android");
    let other_id = sessions.iter().find(|s| s["current"] == false).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Another participant cannot end this participant's session: it does not exist for them.
    let stranger = h.register(2).await;
    let reply = h
        .call(
            "DELETE",
            &format!("/api/v1/sessions/{other_id}"),
            None,
            Some(&stranger),
        )
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        h.call("GET", "/api/v1/me", None, Some(&first)).await.status,
        200
    );

    let reply = h
        .call(
            "DELETE",
            &format!("/api/v1/sessions/{other_id}"),
            None,
            Some(&second),
        )
        .await;
    assert_eq!(reply.status, 204);
    assert_eq!(
        h.call("GET", "/api/v1/me", None, Some(&first)).await.status,
        401
    );

    let out = h
        .call("DELETE", "/api/v1/sessions/current", None, Some(&second))
        .await;
    assert_eq!(out.status, 204);
    assert!(out.header("set-cookie").contains("Max-Age=0"));
    // The app's sign goes with the session.
    assert!(
        out.headers.get_all("set-cookie").iter().any(|v| v
            .to_str()
            .unwrap()
            .starts_with("klaim_signed_in=;")
            && v.to_str().unwrap().contains("Max-Age=0")),
        "{:?}",
        out.headers
    );
    let after = h.call("GET", "/api/v1/me", None, Some(&second)).await;
    assert_eq!(after.status, 401);
    assert_eq!(codes(&after), ["-:api.unauthenticated"]);

    let third = session_cookie(&h.sign_in(&nik, PASSWORD).await);
    h.clock.advance(59 * 60);
    assert_eq!(
        h.call("GET", "/api/v1/me", None, Some(&third)).await.status,
        200
    );
    h.clock.advance(59 * 60);
    assert_eq!(
        h.call("GET", "/api/v1/me", None, Some(&third)).await.status,
        200,
        "in use: alive"
    );
    h.clock.advance(61 * 60);
    assert_eq!(
        h.call("GET", "/api/v1/me", None, Some(&third)).await.status,
        401,
        "idle: ended"
    );
}

#[tokio::test]
async fn a_password_reset_by_code_ends_every_session() {
    let h = Harness::new("reset").await;
    let old_session = h.register(3).await;
    let person = h.persona(3).clone();
    let nik = person.nik.as_str();
    let before = h.notifications().await;
    let started = h
        .post("/api/v1/password-resets", json!({"login": nik}))
        .await;
    assert_eq!(started.status, 202);
    assert_eq!(h.notifications().await, before + 1);
    let id = started.json()["reset_id"].as_str().unwrap().to_owned();
    let code = h.latest_code().await;
    let complete_uri = format!("/api/v1/password-resets/{id}/complete");
    let complete = |code: &str, password: &str| {
        h.post(&complete_uri, json!({"code": code, "password": password}))
    };
    let with_nik = format!("baru {nik}");
    assert_eq!(
        codes(&complete(&code, &with_nik).await),
        ["password:password.contains_nik"]
    );
    assert_eq!(
        codes(&complete(&code, "pendek").await),
        ["password:password.too_short"]
    );
    let new_password = "sepeda biru di pasar minggu";
    assert_eq!(complete(&code, new_password).await.status, 204);
    assert_eq!(
        h.call("GET", "/api/v1/me", None, Some(&old_session))
            .await
            .status,
        401
    );
    assert_eq!(h.sign_in(nik, PASSWORD).await.status, 401);
    assert_eq!(h.sign_in(nik, new_password).await.status, 201);
    assert_eq!(
        codes(&complete(&code, new_password).await),
        ["-:account.step_expired"]
    );

    // An unknown login gets the same answer; no message goes anywhere; no code fits.
    let before = h.notifications().await;
    let unknown = h
        .post(
            "/api/v1/password-resets",
            json!({"login": "3174020101900001"}),
        )
        .await;
    assert_eq!(unknown.status, 202);
    assert_eq!(
        unknown.json().as_object().unwrap().len(),
        started.json().as_object().unwrap().len()
    );
    assert_eq!(h.notifications().await, before);
    let id = unknown.json()["reset_id"].as_str().unwrap().to_owned();
    let reply = h
        .post(
            &format!("/api/v1/password-resets/{id}/complete"),
            json!({"code": "123456", "password": new_password}),
        )
        .await;
    assert_eq!(codes(&reply), ["code:code.wrong"]);
}

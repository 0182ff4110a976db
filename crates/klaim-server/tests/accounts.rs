//! The accounts API end to end through the router: registration against the registry, codes,
//! sign-in, sessions, password reset, rate limits, who may call what, and hostile input. Runs on
//! SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
mod testdb;

use harness::{Harness, OFFICER_EMAIL, PASSWORD, codes, registration_body, session_cookie};
use serde_json::json;

#[tokio::test]
async fn a_participant_registers_with_a_code_and_sees_their_account() {
    let h = Harness::new("register").await;
    let person = h.persona(6).clone(); // three KPJ numbers
    let started = h.start_registration(6).await;
    assert_eq!(started.status, 201, "{:?}", started.json());
    let body = started.json();
    let id = body["registration_id"].as_str().unwrap();
    assert_eq!(body["contacts"][0]["channel"], "sms");
    let masked = body["contacts"][0]["masked"].as_str().unwrap();
    let phone = person.phone.as_ref().unwrap().e164();
    assert!(masked.ends_with(&phone[phone.len() - 4..]) && !masked.contains(&phone[3..9]));

    let sent = h
        .post(
            &format!("/api/v1/registrations/{id}/code"),
            json!({"channel": "sms"}),
        )
        .await;
    assert_eq!(sent.status, 202);
    assert_eq!(sent.json()["expires_in_secs"], 600);
    let code = h.latest_code().await;
    assert_eq!(code.len(), 6);

    let done = h
        .post(
            &format!("/api/v1/registrations/{id}/verify"),
            json!({"code": code}),
        )
        .await;
    assert_eq!(done.status, 201, "{:?}", done.json());
    let set_cookie = done.header("set-cookie");
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"));
    assert!(
        !set_cookie.contains("Secure"),
        "loopback test state: not Secure"
    );
    let cookie = session_cookie(&done);

    let me = h.call("GET", "/api/v1/me", None, Some(&cookie)).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.header("cache-control"), "no-store");
    let me = me.json();
    assert_eq!(me["role"], "participant");
    let profile = &me["participant"];
    assert_eq!(profile["full_name"], person.name.as_str());
    assert_eq!(profile["nik_masked"], person.nik.masked());
    assert!(
        !me.to_string().contains(person.nik.as_str()),
        "whole NIK never sent"
    );
    let memberships = profile["memberships"].as_array().unwrap();
    assert_eq!(memberships.len(), 3);
    assert_eq!(memberships[0]["primary"], true);
    assert_eq!(memberships[0]["kpj"], person.kpjs[0].kpj.as_str());
    let total: u64 = person.kpjs.iter().map(|k| k.jht_balance.amount()).sum();
    assert_eq!(profile["jht_balance_total"], total);
    assert!(memberships[0]["employments"][0]["employer"].is_string());

    // The step is used up: the same registration cannot make a second account.
    let again = h
        .post(
            &format!("/api/v1/registrations/{id}/verify"),
            json!({"code": code}),
        )
        .await;
    assert_eq!(codes(&again), ["-:account.step_expired"]);
    let twice = h.start_registration(6).await;
    assert_eq!(twice.status, 409);
    assert_eq!(codes(&twice), ["-:registration.already_registered"]);
}

#[tokio::test]
async fn only_a_differing_name_is_named_every_other_mismatch_is_neutral() {
    let h = Harness::new("mismatch").await;
    let person = h.persona(1).clone();
    let base = registration_body(&person);
    let with = |key: &str, value: &str| {
        let mut body = base.clone();
        body[key] = json!(value);
        body
    };
    let reply = h
        .post(
            "/api/v1/registrations",
            with("full_name", "Bambang Sutrisno"),
        )
        .await;
    assert_eq!(reply.status, 422);
    assert_eq!(codes(&reply), ["full_name:registration.name_differs"]);

    // Titles, case and spacing are not a different name.
    let upper = person.name.as_str().to_uppercase();
    let reply = h
        .post(
            "/api/v1/registrations",
            with("full_name", &format!("  {upper} ")),
        )
        .await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());

    let other_kpj = h.persona(2).kpjs[0].kpj.as_str().to_owned();
    let other_nik = h.persona(2).nik.as_str().to_owned();
    let wrong_year = (person.birth_date.year() - 1).to_string();
    let unknown_nik = "3174020101900001"; // valid shape, not in the registry
    let mut messages = Vec::new();
    for body in [
        with("kpj", &other_kpj),
        with("birth_year", &wrong_year),
        with("nik", &other_nik),
        with("nik", unknown_nik),
    ] {
        let reply = h.post("/api/v1/registrations", body.clone()).await;
        // A NIK whose birth date contradicts the declared one is a form finding instead.
        if reply.status == 422 && codes(&reply) == ["-:registration.not_found"] {
            let message = reply.json()["errors"][0]["message"]
                .as_str()
                .unwrap()
                .to_owned();
            messages.push(message);
        } else {
            assert_eq!(reply.status, 422, "{body}: {:?}", reply.json());
        }
    }
    assert!(messages.len() >= 2, "{messages:?}");
    assert!(
        messages.windows(2).all(|w| w[0] == w[1]),
        "one neutral message: {messages:?}"
    );

    // The deceased member's NIK cannot open an account (the heirs act for them).
    let reply = h.start_registration(10).await;
    assert_eq!(codes(&reply), ["-:registration.not_found"]);
}

#[tokio::test]
async fn codes_expire_allow_five_tries_and_are_resent_at_most_once_a_minute() {
    let h = Harness::new("codes").await;
    let started = h.start_registration(1).await;
    let id = started.json()["registration_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let verify_uri = format!("/api/v1/registrations/{id}/verify");
    let send_uri = format!("/api/v1/registrations/{id}/code");
    let verify = |code: &str| h.post(&verify_uri, json!({"code": code}));
    assert_eq!(codes(&verify("123456").await), ["code:code.not_sent"]);
    let send = || h.post(&send_uri, json!({"channel": "sms"}));
    assert_eq!(send().await.status, 202);
    let resend = send().await;
    assert_eq!(resend.status, 429);
    assert!(resend.header("retry-after").parse::<u64>().unwrap() <= 60);
    let code = h.latest_code().await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..=4).rev() {
        let reply = verify(wrong).await;
        assert_eq!(codes(&reply), ["code:code.wrong"]);
        let message = reply.json()["errors"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(message.contains(&format!("sisa {left} kali")), "{message}");
    }
    assert_eq!(codes(&verify(wrong).await), ["code:code.tries_used"]);
    assert_eq!(
        codes(&verify(&code).await),
        ["code:code.tries_used"],
        "even the right one"
    );

    // A new code resets the tries; it expires after ten minutes.
    h.clock.advance(61);
    assert_eq!(send().await.status, 202);
    let code = h.latest_code().await;
    h.clock.advance(600);
    assert_eq!(codes(&verify(&code).await), ["code:code.expired"]);
    h.clock.advance(61);
    assert_eq!(send().await.status, 202);
    let code = h.latest_code().await;
    assert_eq!(verify(&code).await.status, 201);

    let unknown = h
        .post(
            &format!("/api/v1/registrations/{}/verify", "ab".repeat(32)),
            json!({"code": "123456"}),
        )
        .await;
    assert_eq!(codes(&unknown), ["-:account.step_expired"]);
}

#[tokio::test]
async fn a_registration_expires_after_thirty_minutes_and_needs_a_contact_on_file() {
    let h = Harness::new("expiry").await;
    let started = h.start_registration(2).await;
    let id = started.json()["registration_id"]
        .as_str()
        .unwrap()
        .to_owned();
    h.clock.advance(30 * 60);
    let reply = h
        .post(
            &format!("/api/v1/registrations/{id}/code"),
            json!({"channel": "sms"}),
        )
        .await;
    assert_eq!(codes(&reply), ["-:account.step_expired"]);

    if let Some(n) = (1..=12).find(|&n| n != 10 && h.persona(n).email.is_none()) {
        let started = h.start_registration(n).await;
        let id = started.json()["registration_id"]
            .as_str()
            .unwrap()
            .to_owned();
        let reply = h
            .post(
                &format!("/api/v1/registrations/{id}/code"),
                json!({"channel": "email"}),
            )
            .await;
        assert_eq!(codes(&reply), ["channel:code.channel_unavailable"]);
    }
}

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
async fn registrations_from_one_address_are_limited() {
    let h = Harness::new("register_ip").await;
    let body = registration_body(h.persona(1));
    for _ in 0..20 {
        let reply = h
            .call_from(
                "POST",
                "/api/v1/registrations",
                Some(body.clone()),
                None,
                "203.0.113.8:1",
            )
            .await;
        assert_eq!(reply.status, 201);
    }
    let limited = h
        .call_from(
            "POST",
            "/api/v1/registrations",
            Some(body),
            None,
            "203.0.113.8:1",
        )
        .await;
    assert_eq!(limited.status, 429);
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
async fn the_outbox_delivers_each_code_once_and_forgets_it() {
    let h = Harness::new("outbox").await;
    let started = h.start_registration(1).await;
    let id = started.json()["registration_id"]
        .as_str()
        .unwrap()
        .to_owned();
    h.post(
        &format!("/api/v1/registrations/{id}/code"),
        json!({"channel": "sms"}),
    )
    .await;
    let db = h.db.db.clone();
    let delivery = klaim_server::accounts::outbox::Delivery::Log;
    let sent = klaim_server::accounts::outbox::deliver_pending(&db, &h.clock, delivery)
        .await
        .unwrap();
    assert_eq!(sent, 1);
    let again = klaim_server::accounts::outbox::deliver_pending(&db, &h.clock, delivery)
        .await
        .unwrap();
    assert_eq!(again, 0);
    let (secret, recipient): (String, String) =
        sqlx::query_as("SELECT secret, recipient FROM notifications")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!((secret.as_str(), recipient.as_str()), ("", ""));
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

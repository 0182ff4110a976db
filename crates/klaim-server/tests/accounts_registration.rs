//! Signing up against the participant registry: the privacy of mismatches, one-time codes (expiry,
//! tries, resending), the registration's lifetime and the per-address limit.
//! Runs on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
mod testdb;

use harness::{Harness, codes, registration_body, session_cookie};
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
    // After the session cookie, the app's readable sign of it (no secret in it).
    let cookies: Vec<&str> = done
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert_eq!(cookies.len(), 2, "{cookies:?}");
    assert!(cookies[0].starts_with("klaim_session="), "{cookies:?}");
    assert!(
        cookies[1].starts_with("klaim_signed_in=1;") && !cookies[1].contains("HttpOnly"),
        "{cookies:?}"
    );
    let cookie = session_cookie(&done);

    let me = h.call("GET", "/api/v1/me", None, Some(&cookie)).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.header("cache-control"), "no-store");
    let me = me.json();
    assert_eq!(me["role"], "participant");
    let vault_id = me["vault_id"].as_str().unwrap();
    assert!(
        vault_id.len() == 64 && vault_id.bytes().all(|b| b.is_ascii_hexdigit()),
        "an opaque digest names the drafts vault: {vault_id}"
    );
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
    let channels = klaim_server::notifications::Channels::log_only();
    let sent = klaim_server::notifications::outbox::deliver_pending(&db, &h.clock, &channels)
        .await
        .unwrap();
    assert_eq!(sent.delivered, 1);
    let again = klaim_server::notifications::outbox::deliver_pending(&db, &h.clock, &channels)
        .await
        .unwrap();
    assert_eq!(again.delivered, 0);
    let (secret, recipient): (Option<String>, String) =
        sqlx::query_as("SELECT secret, recipient FROM notifications")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!((secret, recipient.as_str()), (None, ""));
}

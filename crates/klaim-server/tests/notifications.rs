//! Notifications: a status change leaves an in-app notice and one generic message (e-mail over
//! SMTP or SMS through the webhook) with no personal data; delivery retries with back-off, gives
//! up, and one failing message never holds up another; each account sees only its own list.
//! Runs on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "follow/support.rs"]
mod follow;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use follow::{change_status, flush, set_contact, submitted};
use harness::{Harness, PASSWORD, codes, session_cookie};
use klaim_core::api::account::Role;
use klaim_core::claim::ClaimStatus;
use klaim_server::notifications::outbox::{self, MAX_ATTEMPTS, retry_delay};
use klaim_server::notifications::{Channels, DeliveryArgs};
use klaim_testkit::{SmtpSink, WebhookReceiver};
use serde_json::{Value, json};

const STATUS_ID: &str = "Status klaim Anda berubah. Buka Klaim untuk melihat.";
const STATUS_EN: &str = "Your claim's status changed. Open Klaim to see it.";

fn mail_channels(sink: &SmtpSink) -> Channels {
    Channels::from_args(&DeliveryArgs {
        smtp_url: Some(sink.url().parse().unwrap()),
        mail_from: Some("Klaim <no-reply@klaim.example.id>".into()),
        ..DeliveryArgs::default()
    })
    .unwrap()
}

fn sms_channels(url: String, token: Option<&str>) -> Channels {
    Channels::from_args(&DeliveryArgs {
        sms_webhook_url: Some(url.parse().unwrap()),
        sms_webhook_token: token.map(str::to_owned),
        ..DeliveryArgs::default()
    })
    .unwrap()
}

async fn deliver(h: &Harness, channels: &Channels) -> outbox::Round {
    outbox::deliver_pending(&h.db.db, &h.clock, channels)
        .await
        .unwrap()
}

/// The claim-status rows of the outbox: (channel, recipient, recipient_masked, secret).
async fn status_messages(h: &Harness) -> Vec<(String, String, String, Option<String>)> {
    sqlx::query_as(
        "SELECT channel, recipient, recipient_masked, secret FROM notifications
         WHERE kind = 'claim_status' ORDER BY id",
    )
    .fetch_all(h.db.db.pool())
    .await
    .unwrap()
}

/// (attempts, next_attempt_at, last_error, recipient, sent_at, gave_up_at) of the newest row.
async fn newest_row(h: &Harness) -> (i64, i64, Option<String>, String, Option<i64>, Option<i64>) {
    sqlx::query_as(
        "SELECT attempts, next_attempt_at, last_error, recipient, sent_at, gave_up_at
         FROM notifications ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(h.db.db.pool())
    .await
    .unwrap()
}

/// Every piece of the person and the claim that must never travel in a message.
fn personal_data(h: &Harness, n: usize, reference: &str) -> Vec<String> {
    let person = h.persona(n);
    let mut data = vec![
        person.name.as_str().to_owned(),
        person.nik.as_str().to_owned(),
        reference.to_owned(),
    ];
    data.extend(person.name.as_str().split_whitespace().map(str::to_owned));
    data.extend(person.kpjs.iter().map(|k| k.kpj.as_str().to_owned()));
    if let Some(phone) = &person.phone {
        data.push(phone.e164());
        data.push(phone.national());
    }
    if let Some(email) = &person.email {
        data.push(email.local_part().to_owned());
    }
    data.push(person.bank_accounts[0].account.number().to_owned());
    data
}

fn assert_none_in(text: &str, data: &[String]) {
    let lower = text.to_lowercase();
    for item in data {
        assert!(
            !lower.contains(&item.to_lowercase()),
            "{item:?} found in {text:?}"
        );
    }
}

#[tokio::test]
async fn a_status_change_leaves_an_inbox_row_and_one_generic_message() {
    let h = Harness::new("notify_queue").await;
    let claim = submitted(&h, 1).await;
    flush(&h).await;
    h.clock.advance(60);
    change_status(&h, &claim.id, ClaimStatus::Verifying).await;

    let inbox: Vec<(i64, String, String, i64, Option<i64>)> =
        sqlx::query_as("SELECT account_id, claim_id, status, created_at, read_at FROM inbox")
            .fetch_all(h.db.db.pool())
            .await
            .unwrap();
    assert_eq!(
        inbox,
        vec![(
            claim.account_id,
            claim.id.clone(),
            "verifying".to_owned(),
            h.clock.now(),
            None
        )]
    );
    // To the contact verified at registration (SMS), as the registry has it; no secret.
    let phone = h.persona(1).phone.as_ref().unwrap();
    assert_eq!(
        status_messages(&h).await,
        vec![("sms".to_owned(), phone.e164(), phone.masked(), None)]
    );
}

#[tokio::test]
async fn the_e_mail_reaches_the_smtp_sink_with_the_generic_text_and_no_personal_data() {
    let h = Harness::new("notify_mail").await;
    let sink = SmtpSink::start().await.unwrap();
    let claim = submitted(&h, 1).await;
    flush(&h).await;
    set_contact(&h, claim.account_id, "email").await;
    change_status(&h, &claim.id, ClaimStatus::NeedsAction).await;

    let round = deliver(&h, &mail_channels(&sink)).await;
    assert_eq!(round.delivered, 1, "{round:?}");
    let mails = sink.mails();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    let email = h.persona(1).email.as_ref().unwrap();
    assert_eq!(mail.to, vec![email.as_str().to_owned()]);
    assert_eq!(mail.from, "no-reply@klaim.example.id");
    let subject = mail.subject().unwrap();
    assert_eq!(
        subject,
        "Status klaim Anda berubah / Your claim's status changed"
    );
    assert!(mail.body().contains(STATUS_ID), "{}", mail.body());
    assert!(mail.body().contains(STATUS_EN), "{}", mail.body());
    let data = personal_data(&h, 1, &claim.reference);
    assert_none_in(&subject, &data);
    assert_none_in(mail.body(), &data);
    // Nor the status itself, the programme or an amount: only that something changed.
    for word in ["Perlu tindakan", "JHT", "Rp"] {
        assert!(!mail.body().contains(word), "{word}");
    }

    // Delivered: the address is wiped from the row.
    let (attempts, _, error, recipient, sent_at, gave_up) = newest_row(&h).await;
    assert_eq!((attempts, error, recipient.as_str()), (1, None, ""));
    assert_eq!((sent_at, gave_up), (Some(h.clock.now()), None));
    // Nothing is sent twice.
    assert_eq!(deliver(&h, &mail_channels(&sink)).await.delivered, 0);
    assert_eq!(sink.mails().len(), 1);
}

#[tokio::test]
async fn the_sms_reaches_the_webhook_as_json_with_the_gateway_token() {
    let h = Harness::new("notify_sms").await;
    let webhook = WebhookReceiver::start().await.unwrap();
    let claim = submitted(&h, 1).await;
    flush(&h).await;
    change_status(&h, &claim.id, ClaimStatus::Paid).await;

    let channels = sms_channels(webhook.url(), Some("gateway-key"));
    assert_eq!(deliver(&h, &channels).await.delivered, 1);
    let requests = webhook.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/sms")
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("authorization"), Some("Bearer gateway-key"));
    let body: Value = serde_json::from_str(&request.body).unwrap();
    let phone = h.persona(1).phone.as_ref().unwrap();
    assert_eq!(
        body,
        json!({"to": phone.e164(), "text": format!("{STATUS_ID} / {STATUS_EN}")})
    );
    let text = body["text"].as_str().unwrap();
    assert_none_in(text, &personal_data(&h, 1, &claim.reference));
    assert!(text.len() <= 160, "one SMS: {} characters", text.len());
}

#[tokio::test]
async fn a_refused_delivery_is_tried_again_later_with_growing_waits_until_it_succeeds() {
    let h = Harness::new("notify_retry").await;
    let sink = SmtpSink::start().await.unwrap();
    let channels = mail_channels(&sink);
    let claim = submitted(&h, 1).await;
    flush(&h).await;
    set_contact(&h, claim.account_id, "email").await;
    change_status(&h, &claim.id, ClaimStatus::Approved).await;
    sink.fail_next(2);

    let first = deliver(&h, &channels).await;
    assert_eq!((first.delivered, first.retrying), (0, 1));
    let start = h.clock.now();
    let (attempts, next, error, recipient, sent, _) = newest_row(&h).await;
    assert_eq!((attempts, next), (1, start + retry_delay(1)));
    // The reply code only: a mail server's words may quote the address.
    assert_eq!(error.as_deref(), Some("smtp 451"));
    assert!(!recipient.is_empty(), "kept for the next try");
    assert_eq!(sent, None);

    // Not due yet: nothing happens.
    h.clock.advance(retry_delay(1) - 1);
    assert_eq!(deliver(&h, &channels).await, outbox::Round::default());
    h.clock.advance(1);
    assert_eq!(deliver(&h, &channels).await.retrying, 1);
    let (attempts, next, ..) = newest_row(&h).await;
    assert_eq!((attempts, next), (2, h.clock.now() + retry_delay(2)));
    assert!(retry_delay(2) > retry_delay(1));

    h.clock.advance(retry_delay(2));
    assert_eq!(deliver(&h, &channels).await.delivered, 1);
    assert_eq!((sink.refused(), sink.mails().len()), (2, 1));
    let (attempts, _, error, recipient, sent, gave_up) = newest_row(&h).await;
    assert_eq!((attempts, error, recipient.as_str()), (3, None, ""));
    assert_eq!((sent.is_some(), gave_up), (true, None));
}

#[tokio::test]
async fn a_message_that_keeps_failing_is_given_up_and_its_address_forgotten() {
    let h = Harness::new("notify_give_up").await;
    let webhook = WebhookReceiver::start().await.unwrap();
    let channels = sms_channels(webhook.url(), None);
    let claim = submitted(&h, 1).await;
    flush(&h).await;
    change_status(&h, &claim.id, ClaimStatus::Rejected).await;
    webhook.fail_next(u32::try_from(MAX_ATTEMPTS).unwrap() + 5);

    for attempt in 1..MAX_ATTEMPTS {
        let round = deliver(&h, &channels).await;
        assert_eq!(round.retrying, 1, "attempt {attempt}: {round:?}");
        h.clock.advance(retry_delay(attempt));
    }
    let last = deliver(&h, &channels).await;
    assert_eq!((last.retrying, last.gave_up), (0, 1));
    assert_eq!(webhook.refused(), u32::try_from(MAX_ATTEMPTS).unwrap());
    let (attempts, _, error, recipient, sent, gave_up) = newest_row(&h).await;
    assert_eq!(attempts, MAX_ATTEMPTS);
    assert_eq!(error.as_deref(), Some("webhook status 500"));
    assert_eq!((recipient.as_str(), sent), ("", None));
    assert_eq!(gave_up, Some(h.clock.now()));

    // Given up means never tried again, however long one waits.
    h.clock.advance(24 * 3600);
    assert_eq!(deliver(&h, &channels).await, outbox::Round::default());
    assert_eq!(webhook.refused(), u32::try_from(MAX_ATTEMPTS).unwrap());
    assert!(webhook.requests().is_empty());
    // The in-app notice is there all the same.
    let unread: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM inbox WHERE read_at IS NULL")
        .fetch_one(h.db.db.pool())
        .await
        .unwrap();
    assert_eq!(unread, 1);
}

#[tokio::test]
async fn one_failing_message_does_not_hold_up_another() {
    let h = Harness::new("notify_independent").await;
    let sink = SmtpSink::start().await.unwrap();
    // An SMS gateway that is down: nothing listens on its port.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_gateway = format!("http://{}/sms", closed.local_addr().unwrap());
    drop(closed);
    let channels = Channels::from_args(&DeliveryArgs {
        smtp_url: Some(sink.url().parse().unwrap()),
        mail_from: Some("no-reply@klaim.example.id".into()),
        sms_webhook_url: Some(dead_gateway.parse().unwrap()),
        sms_webhook_token: None,
    })
    .unwrap();
    let claim = submitted(&h, 1).await;
    flush(&h).await;
    // The SMS is queued first, so it is tried first.
    change_status(&h, &claim.id, ClaimStatus::Verifying).await;
    set_contact(&h, claim.account_id, "email").await;
    change_status(&h, &claim.id, ClaimStatus::Approved).await;

    let round = deliver(&h, &channels).await;
    assert_eq!((round.delivered, round.retrying), (1, 1), "{round:?}");
    assert_eq!(sink.mails().len(), 1);
    let errors: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT last_error FROM notifications WHERE kind = 'claim_status' ORDER BY id",
    )
    .fetch_all(h.db.db.pool())
    .await
    .unwrap();
    assert_eq!(errors, vec![Some("webhook connection".to_owned()), None]);

    // And the other way round: an SMTP server refusing one message, the next one goes.
    change_status(&h, &claim.id, ClaimStatus::Paying).await;
    change_status(&h, &claim.id, ClaimStatus::Paid).await;
    sink.fail_next(1);
    let round = deliver(&h, &channels).await;
    assert_eq!((round.delivered, round.retrying), (1, 1), "{round:?}");
    assert_eq!(sink.mails().len(), 2);
}

#[tokio::test]
async fn the_worker_delivers_in_the_background() {
    let h = Harness::new("notify_worker").await;
    let sink = SmtpSink::start().await.unwrap();
    let claim = submitted(&h, 1).await;
    set_contact(&h, claim.account_id, "email").await;
    let worker = tokio::spawn(outbox::run(
        h.db.db.clone(),
        h.clock.clone(),
        mail_channels(&sink),
    ));
    change_status(&h, &claim.id, ClaimStatus::Verifying).await;
    let mails = sink.wait_for(1, Duration::from_secs(10)).await;
    worker.abort();
    assert_eq!(mails.len(), 1);
    assert_eq!(
        mails[0].subject().as_deref(),
        Some("Status klaim Anda berubah / Your claim's status changed")
    );
}

#[tokio::test]
async fn the_list_shows_the_newest_first_with_the_unread_count_and_marks_read() {
    let h = Harness::new("notify_list").await;
    let claim = submitted(&h, 1).await;
    let statuses = [
        ClaimStatus::Verifying,
        ClaimStatus::NeedsAction,
        ClaimStatus::Verifying,
    ];
    for status in statuses {
        h.clock.advance(600);
        change_status(&h, &claim.id, status).await;
    }
    let get = || h.call("GET", "/api/v1/notifications", None, Some(&claim.cookie));
    let list = get().await;
    assert_eq!(list.status, 200);
    let json = list.json();
    assert_eq!(json["unread"], 3);
    let items = json["notifications"].as_array().unwrap();
    let seen: Vec<(&str, i64, bool)> = items
        .iter()
        .map(|n| {
            assert_eq!(n["claim_id"], claim.id.as_str());
            assert_eq!(n["reference"], claim.reference.as_str());
            (
                n["status"].as_str().unwrap(),
                n["at"].as_i64().unwrap(),
                n["read"].as_bool().unwrap(),
            )
        })
        .collect();
    let now = h.clock.now();
    assert_eq!(
        seen,
        vec![
            ("verifying", now, false),
            ("needs_action", now - 600, false),
            ("verifying", now - 1200, false),
        ]
    );
    let newest = items[0]["id"].as_i64().unwrap();

    let read = h
        .call(
            "POST",
            "/api/v1/notifications/read",
            Some(json!({"ids": [newest, newest]})),
            Some(&claim.cookie),
        )
        .await;
    assert_eq!(read.status, 204);
    assert!(read.body.is_empty());
    let json = get().await.json();
    assert_eq!(json["unread"], 2);
    assert_eq!(json["notifications"][0]["read"], true);
    assert_eq!(json["notifications"][1]["read"], false);
    // Marking again changes nothing.
    let again = h
        .call(
            "POST",
            "/api/v1/notifications/read",
            Some(json!({"ids": [newest]})),
            Some(&claim.cookie),
        )
        .await;
    assert_eq!(again.status, 204);
    assert_eq!(get().await.json()["unread"], 2);

    let all = h
        .call(
            "POST",
            "/api/v1/notifications/read",
            Some(json!({"all": true})),
            Some(&claim.cookie),
        )
        .await;
    assert_eq!(all.status, 204);
    let json = get().await.json();
    assert_eq!(json["unread"], 0);
    assert!(
        json["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["read"] == true)
    );
}

#[tokio::test]
async fn marking_read_refuses_bad_input_and_unsigned_requests() {
    let h = Harness::new("notify_bad_input").await;
    let claim = submitted(&h, 1).await;
    change_status(&h, &claim.id, ClaimStatus::Verifying).await;
    let post = |body: Value| {
        h.call(
            "POST",
            "/api/v1/notifications/read",
            Some(body),
            Some(&claim.cookie),
        )
    };
    for body in [
        json!({"ids": "1"}),
        json!({"ids": [1], "extra": true}),
        json!({"all": "yes"}),
        json!([1, 2]),
        json!({"ids": (1..=201).collect::<Vec<i64>>()}),
    ] {
        let reply = post(body.clone()).await;
        assert_eq!(reply.status, 400, "{body}");
        assert_eq!(codes(&reply), ["-:api.malformed"], "{body}");
    }
    // Without the app's request header (a form posted from another site).
    let mut request = Request::post("/api/v1/notifications/read")
        .header("content-type", "application/json")
        .header("cookie", &claim.cookie)
        .body(Body::from(json!({"all": true}).to_string()))
        .unwrap();
    let addr: std::net::SocketAddr = "127.0.0.1:40000".parse().unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(addr));
    let unmarked = common::send(&h.app, request).await;
    assert_eq!(unmarked.status, 403);
    assert_eq!(unmarked.error_code(), "api.request_header_missing");
    // Signed out.
    let list = h.call("GET", "/api/v1/notifications", None, None).await;
    assert_eq!(list.status, 401);
    assert_eq!(list.error_code(), "api.unauthenticated");
    let read = h
        .call(
            "POST",
            "/api/v1/notifications/read",
            Some(json!({"all": true})),
            None,
        )
        .await;
    assert_eq!(read.status, 401);
    // Nothing was marked by any of it.
    let list = h
        .call("GET", "/api/v1/notifications", None, Some(&claim.cookie))
        .await;
    assert_eq!(list.json()["unread"], 1);
}

#[tokio::test]
async fn a_participant_never_sees_or_marks_another_s_notifications() {
    let h = Harness::new("notify_privacy").await;
    let rina = submitted(&h, 1).await;
    change_status(&h, &rina.id, ClaimStatus::Verifying).await;
    change_status(&h, &rina.id, ClaimStatus::NeedsAction).await;
    let other = h.register(3).await;

    let theirs = h
        .call("GET", "/api/v1/notifications", None, Some(&other))
        .await;
    assert_eq!(theirs.status, 200);
    assert_eq!(theirs.json(), json!({"notifications": [], "unread": 0}));

    let rinas = h
        .call("GET", "/api/v1/notifications", None, Some(&rina.cookie))
        .await
        .json();
    let ids: Vec<i64> = rinas["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_i64().unwrap())
        .collect();
    // Someone else's id, an id that does not exist: the same answer, and nothing marked.
    for body in [
        json!({"ids": [ids[0]]}),
        json!({"ids": [999_999]}),
        json!({"ids": ids, "all": true}),
    ] {
        let reply = h
            .call(
                "POST",
                "/api/v1/notifications/read",
                Some(body.clone()),
                Some(&other),
            )
            .await;
        assert_eq!(reply.status, 404, "{body}");
        assert_eq!(codes(&reply), ["ids:notification.not_found"], "{body}");
    }
    // `all` marks only the caller's own.
    let all = h
        .call(
            "POST",
            "/api/v1/notifications/read",
            Some(json!({"all": true})),
            Some(&other),
        )
        .await;
    assert_eq!(all.status, 204);
    // One of the caller's own ids with someone else's: all or nothing.
    let mixed = h
        .call(
            "POST",
            "/api/v1/notifications/read",
            Some(json!({"ids": [ids[0], 999_999]})),
            Some(&rina.cookie),
        )
        .await;
    assert_eq!(mixed.status, 404);
    let after = h
        .call("GET", "/api/v1/notifications", None, Some(&rina.cookie))
        .await;
    assert_eq!(after.json()["unread"], 2);
}

#[tokio::test]
async fn officers_and_admins_have_their_own_empty_lists() {
    let h = Harness::new("notify_staff").await;
    let rina = submitted(&h, 1).await;
    change_status(&h, &rina.id, ClaimStatus::Verifying).await;
    let officer = h.officer().await;
    let accounts = klaim_server::accounts::Accounts {
        db: h.db.db.clone(),
        clock: h.clock.clone(),
        hasher: Default::default(),
    };
    klaim_server::accounts::officers::create(
        &accounts,
        Role::Admin,
        "admin@bpjs.example.id",
        "Dewi Admin",
        PASSWORD,
    )
    .await
    .unwrap();
    let admin = session_cookie(&h.sign_in("admin@bpjs.example.id", PASSWORD).await);
    for cookie in [&officer, &admin] {
        let list = h
            .call("GET", "/api/v1/notifications", None, Some(cookie))
            .await;
        assert_eq!(list.status, 200);
        assert_eq!(list.json(), json!({"notifications": [], "unread": 0}));
        let all = h
            .call(
                "POST",
                "/api/v1/notifications/read",
                Some(json!({"all": true})),
                Some(cookie),
            )
            .await;
        assert_eq!(all.status, 204);
    }
    let rinas = h
        .call("GET", "/api/v1/notifications", None, Some(&rina.cookie))
        .await;
    assert_eq!(rinas.json()["unread"], 1);
}

#[tokio::test]
async fn a_code_that_expired_before_delivery_is_given_up_unsent() {
    let h = Harness::new("notify_code_expiry").await;
    let webhook = WebhookReceiver::start().await.unwrap();
    let started = h.start_registration(1).await;
    let id = started.json()["registration_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let sent = h
        .post(
            &format!("/api/v1/registrations/{id}/code"),
            json!({"channel": "sms"}),
        )
        .await;
    assert_eq!(sent.status, 202);
    // The gateway was down for the code's whole life.
    h.clock.advance(11 * 60);
    let channels = sms_channels(webhook.url(), None);
    let round = deliver(&h, &channels).await;
    assert_eq!(round.gave_up, 1, "{round:?}");
    assert!(webhook.requests().is_empty());
    let (secret, error): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT secret, last_error FROM notifications")
            .fetch_one(h.db.db.pool())
            .await
            .unwrap();
    assert_eq!(
        (secret, error.as_deref()),
        (None, Some("expired before delivery"))
    );
}

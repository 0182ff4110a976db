//! The audit trail and what writes the history: officers' views and every step are recorded and
//! shown to admins; nothing in the API edits or removes an entry and the database refuses it
//! too; rule-based approval on and off; and the participant's resubmission, which may change only
//! what the officer reopened. Runs on SQLite, and on PostgreSQL when KLAIM_TEST_POSTGRES_URL is
//! set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "office/support.rs"]
mod office;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use clap::Parser;
use harness::Harness;
use klaim_core::claim::{ClaimStatus, Transition};
use office::{
    admin, claim_view, codes, drive_to, good_step, officer, resubmit, resubmit_new_bank_book,
    sign_in_again, state, step, submit_jht, unchanged, with_auto_approval,
};
use serde_json::{Value, json};

async fn audit(h: &Harness, admin: &str, query: &str) -> Vec<Value> {
    let reply = h
        .call(
            "GET",
            &format!("/api/v1/admin/audit{query}"),
            None,
            Some(admin),
        )
        .await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    reply.json()["entries"].as_array().unwrap().clone()
}

fn sha256_hex(bytes: &[u8]) -> String {
    support::sha256(bytes)
}

#[tokio::test]
async fn views_and_steps_are_audited_and_admins_see_them() {
    let h = Harness::new("audit_trail").await;
    let rina = h.register(1).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let boss = admin(&h).await;
    let id = submit_jht(&h, &rina).await;
    let view = claim_view(&h, &rina, &id).await;
    let document = view["documents"][0].clone();
    let document_id = document["id"].as_str().unwrap();

    let page = h
        .call(
            "GET",
            &format!("/api/v1/office/claims/{id}"),
            None,
            Some(&dewi),
        )
        .await;
    assert_eq!(page.status, 200);
    let content = h
        .call(
            "GET",
            &format!("/api/v1/office/claims/{id}/documents/{document_id}/content"),
            None,
            Some(&dewi),
        )
        .await;
    assert_eq!(content.status, 200);
    assert_eq!(content.header("content-type"), "image/jpeg");
    assert!(content.header("content-disposition").starts_with("inline"));
    assert_eq!(content.header("cache-control"), "private, no-store");
    // Framed by the back office's own page only (PDFs are shown in a frame), and the page
    // itself still may not be framed by anyone.
    assert_eq!(content.header("x-frame-options"), "SAMEORIGIN");
    assert_eq!(
        content.header("content-security-policy"),
        klaim_server::security::FRAMED_DOCUMENT_POLICY
    );
    assert_eq!(page.header("x-frame-options"), "DENY");
    assert_eq!(
        sha256_hex(&content.body),
        document["sha256"].as_str().unwrap()
    );

    // A document that is not on this claim, and a claim that does not exist: nothing recorded.
    let before = state(&h, &id).await.audit;
    let elsewhere = support::attach(&h, &rina, &["family_card"]).await;
    let reply = h
        .call(
            "GET",
            &format!(
                "/api/v1/office/claims/{id}/documents/{}/content",
                elsewhere[0].1
            ),
            None,
            Some(&dewi),
        )
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.error_code(), "document.not_found");
    let reply = h
        .call(
            "GET",
            &format!(
                "/api/v1/office/claims/{}/documents/{document_id}/content",
                support::new_id()
            ),
            None,
            Some(&dewi),
        )
        .await;
    assert_eq!(reply.error_code(), "claim.not_found");
    assert_eq!(state(&h, &id).await.audit, before);

    for transition in [Transition::StartVerification, Transition::RequestAction] {
        assert_eq!(
            step(&h, &dewi, &id, good_step(transition)).await.status,
            200
        );
    }
    assert_eq!(resubmit_new_bank_book(&h, &rina, &id).await.status, 200);
    assert_eq!(
        step(&h, &dewi, &id, good_step(Transition::Approve))
            .await
            .status,
        200
    );

    let entries = audit(&h, &boss, &format!("?claim_id={id}")).await;
    let seen: Vec<(&str, Option<&str>, Option<&str>)> = entries
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["subject"].as_str(),
                e["role"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("transition", Some("approve"), Some("officer")),
            ("transition", Some("resubmit"), Some("participant")),
            ("transition", Some("request_action"), Some("officer")),
            ("transition", Some("start_verification"), Some("officer")),
            ("viewed_document", Some(document_id), Some("officer")),
            ("viewed_claim", None, Some("officer")),
        ],
        "newest first"
    );
    assert!(entries.iter().all(|e| e["claim_id"] == id.as_str()));
    assert!(entries.iter().all(|e| e["account_id"].is_i64()));
    let ids: Vec<i64> = entries.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]));
    assert_eq!(entries[0]["at"], h.clock.now());
    // The whole trail holds them too; another claim's id holds none of them.
    assert_eq!(audit(&h, &boss, "").await.len(), entries.len());
    assert!(
        audit(&h, &boss, &format!("?claim_id={}", support::new_id()))
            .await
            .is_empty()
    );
    for bad in [
        "?claim_id=KLM-26-7QX4-M2PA",
        "?claim=1",
        "?claim_id=a&claim_id=b",
    ] {
        let reply = h
            .call(
                "GET",
                &format!("/api/v1/admin/audit{bad}"),
                None,
                Some(&boss),
            )
            .await;
        assert_eq!(reply.status, 400, "{bad}");
    }
}

#[tokio::test]
async fn nothing_edits_or_removes_the_trail_or_the_history() {
    let h = Harness::new("audit_append_only").await;
    let rina = h.register(1).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let boss = admin(&h).await;
    let id = submit_jht(&h, &rina).await;
    drive_to(&h, &dewi, &id, ClaimStatus::Approved).await;
    let entries = audit(&h, &boss, "").await;
    let entry = entries[0]["id"].as_i64().unwrap();
    let before = state(&h, &id).await;

    // The API has no way to change an entry: every other method on the trail is refused.
    for (who, steps_post) in [(&boss, 403), (&dewi, 400)] {
        for method in ["POST", "PUT", "PATCH", "DELETE"] {
            for (uri, expected) in [
                ("/api/v1/admin/audit".to_owned(), 405),
                (format!("/api/v1/admin/audit?claim_id={id}"), 405),
                (format!("/api/v1/admin/audit/{entry}"), 404),
                (format!("/api/v1/office/claims/{id}"), 405),
                (
                    format!("/api/v1/office/claims/{id}/steps"),
                    if method == "POST" { steps_post } else { 405 },
                ),
            ] {
                let body = Some(json!({"subject": "nothing happened"}));
                let reply = h.call(method, &uri, body, Some(who)).await;
                assert_eq!(reply.status, expected, "{method} {uri}");
            }
        }
    }
    assert_eq!(audit(&h, &boss, "").await, entries);
    assert_eq!(state(&h, &id).await, before);

    // The database refuses it as well, whoever connects.
    let pool = h.db.db.pool();
    for sql in [
        "UPDATE audit_log SET subject = 'nothing happened'",
        "DELETE FROM audit_log",
        "UPDATE claim_status_history SET status = 'paid'",
        "DELETE FROM claim_status_history",
    ] {
        let error = sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(pool)
            .await
            .expect_err(sql);
        assert!(error.to_string().contains("append-only"), "{sql}: {error}");
    }
    // Removing the claim would take its history with it: refused too.
    let error = sqlx::query("DELETE FROM claims WHERE id = $1")
        .bind(&id)
        .execute(pool)
        .await
        .expect_err("a claim with a history stays");
    assert!(!error.to_string().is_empty());
    assert_eq!(audit(&h, &boss, "").await, entries);
    assert_eq!(state(&h, &id).await, before);
}

#[tokio::test]
async fn rule_based_approval_decides_a_simple_jht_claim_as_the_system() {
    let server = with_auto_approval("audit_auto_on").await;
    let h = &server.h;
    let rina = h.register(1).await;
    let boss = admin(h).await;
    let dewi = officer(h, "dewi@bpjs.example.id").await;
    let docs = support::attach(h, &rina, &office::JHT_RESIGNED).await;
    let body = support::submission(
        support::answers(h.persona(1), "jht", "resigned"),
        &support::pairs(&docs),
    );
    let id = support::new_id();
    let reply = support::put_claim(h, &rina, &id, body.clone()).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    let view = reply.json();
    assert_eq!(view["status"], "approved");
    assert_eq!(view["outcome"]["auto_approved"], true);
    assert_eq!(view["outcome"]["approved_amount"], 12_350_000);
    let steps: Vec<(&str, &str)> = view["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["status"].as_str().unwrap(), e["by"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        [
            ("submitted", "claimant"),
            ("verifying", "system"),
            ("approved", "system")
        ]
    );
    // The system is no account: no one's name on the steps or the audit entries.
    let system_rows: Vec<Option<i64>> = sqlx::query_scalar(
        "SELECT by_account FROM claim_status_history WHERE claim_id = $1 AND actor = 'system'",
    )
    .bind(&id)
    .fetch_all(h.db.db.pool())
    .await
    .unwrap();
    assert_eq!(system_rows, [None, None]);
    let entries = audit(h, &boss, &format!("?claim_id={id}")).await;
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .all(|e| e["account_id"].is_null() && e["role"].is_null())
    );
    assert_eq!(state(h, &id).await.inbox, 2, "a notice per step");

    // A retry returns the claim as it stands and decides nothing again.
    let before = state(h, &id).await;
    let retry = support::put_claim(h, &rina, &id, body).await;
    assert_eq!(retry.status, 200);
    assert_eq!(retry.json(), view);
    assert_eq!(state(h, &id).await, before);

    // The officer pays it; a second claim for the same thing waits for an officer (a duplicate).
    drive_to_paid(h, &dewi, &id).await;
    let again = submit_jht(h, &rina).await;
    let second = state(h, &again).await;
    assert_eq!(second.status, "submitted");
    assert_eq!(second.history, 1);
}

async fn drive_to_paid(h: &Harness, officer: &str, id: &str) {
    for transition in [Transition::StartPayment, Transition::ConfirmPayment] {
        let reply = step(h, officer, id, good_step(transition)).await;
        assert_eq!(reply.status, 200, "{transition:?}: {:?}", reply.json());
    }
}

#[tokio::test]
async fn without_rule_based_approval_claims_wait_for_an_officer() {
    let h = Harness::new("audit_auto_off").await;
    let rina = h.register(1).await;
    let id = submit_jht(&h, &rina).await;
    let stored = state(&h, &id).await;
    assert_eq!((stored.status.as_str(), stored.history), ("submitted", 1));
    // The server's switch: on unless told otherwise.
    let serve = |args: &[&str]| {
        let argv = std::iter::once("klaim-server").chain(args.iter().copied());
        match klaim_server::Cli::try_parse_from(argv)
            .unwrap()
            .into_command()
        {
            klaim_server::Command::Serve(serve) => serve.auto_approve,
            _ => panic!("not serve"),
        }
    };
    use klaim_server::office::auto_approve::AutoApprove;
    if std::env::var_os("KLAIM_AUTO_APPROVE").is_none() {
        assert_eq!(serve(&[]), AutoApprove::On);
    }
    assert_eq!(serve(&["--auto-approve", "off"]), AutoApprove::Off);
    assert_eq!(serve(&["serve", "--auto-approve", "on"]), AutoApprove::On);
    assert!(
        klaim_server::Cli::try_parse_from(["klaim-server", "--auto-approve", "maybe"]).is_err()
    );
}

/// Reopens `items` on a fresh claim; returns its id and the participant's view of it.
async fn needing_action(h: &Harness, dewi: &str, rina: &str, items: Value) -> (String, Value) {
    let id = submit_jht(h, rina).await;
    drive_to(h, dewi, &id, ClaimStatus::Verifying).await;
    let reply = step(
        h,
        dewi,
        &id,
        json!({"step": "request_action", "items": items, "note": null}),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    let view = claim_view(h, rina, &id).await;
    (id, view)
}

fn replace_document(body: &mut Value, kind: &str, id: &str) {
    for doc in body["documents"].as_array_mut().unwrap() {
        if doc["kind"] == kind {
            doc["document_id"] = json!(id);
        }
    }
}

#[tokio::test]
async fn a_resubmission_changes_only_what_was_reopened() {
    let h = Harness::new("audit_resubmit").await;
    let rina = h.register(1).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let bank_book = json!([{"reason": "document_unreadable", "target": {"document": "bank_book"}}]);
    let (id, view) = needing_action(&h, &dewi, &rina, bank_book).await;
    let before = state(&h, &id).await;
    let new = support::attach(&h, &rina, &["ktp", "bank_book", "kpj_card"]).await;

    let mut ktp_too = unchanged(&view);
    replace_document(&mut ktp_too, "bank_book", &new[1].1);
    replace_document(&mut ktp_too, "ktp", &new[0].1);
    let mut answer_too = unchanged(&view);
    replace_document(&mut answer_too, "bank_book", &new[1].1);
    answer_too["answers"]["event_on"] = json!(h.clock.today().add_days(-100).unwrap().to_iso());
    // A new upload of another kind sent as the bank book.
    let mut wrong_kind = unchanged(&view);
    replace_document(&mut wrong_kind, "bank_book", &new[2].1);
    let cases: Vec<(Value, Vec<&str>, u16)> = vec![
        (
            unchanged(&view),
            vec!["documents:resubmission.document_not_replaced"],
            422,
        ),
        (
            ktp_too,
            vec!["documents:resubmission.document_not_reopened"],
            422,
        ),
        (
            answer_too,
            vec!["event_date:resubmission.answer_not_reopened"],
            422,
        ),
        (
            wrong_kind,
            vec!["documents:claim.document_kind_differs"],
            422,
        ),
    ];
    for (body, expected, status) in cases {
        let reply = resubmit(&h, &rina, &id, body.clone()).await;
        assert_eq!(reply.status, status, "{body}: {:?}", reply.json());
        assert_eq!(codes(&reply), expected, "{body}");
        assert_eq!(state(&h, &id).await, before, "{body}");
    }
    let mut extra = unchanged(&view);
    extra["reason"] = json!("later");
    let reply = resubmit(&h, &rina, &id, extra).await;
    assert_eq!(reply.status, 400);

    // The right fix, a day later: back to verifying, the new bank book in place of the old one.
    h.clock.advance(86_400);
    let rina = sign_in_again(&h, h.persona(1).nik.as_str()).await;
    let mut fixed = unchanged(&view);
    replace_document(&mut fixed, "bank_book", &new[1].1);
    let reply = resubmit(&h, &rina, &id, fixed).await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    let back = reply.json();
    assert_eq!(back["status"], "verifying");
    assert_eq!(back["open_items"], json!([]));
    let kinds: Vec<(&str, &str)> = back["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["kind"].as_str().unwrap(), d["id"].as_str().unwrap()))
        .collect();
    assert!(
        kinds.contains(&("bank_book", new[1].1.as_str())),
        "{kinds:?}"
    );
    assert!(
        !kinds
            .iter()
            .any(|(_, id)| *id == view["documents"][2]["id"])
    );
    // The legal deadline runs again from the complete application.
    assert!(back["decision_due_on"].as_str().unwrap() > view["decision_due_on"].as_str().unwrap());
    // Sending it again is too late: it is being checked.
    let again = resubmit(&h, &rina, &id, unchanged(&back)).await;
    assert_eq!(again.status, 409);
    assert_eq!(again.error_code(), "claim.transition_invalid");
}

#[tokio::test]
async fn reopened_answers_are_checked_again_by_the_rules() {
    let h = Harness::new("audit_resubmit_answers").await;
    let rina = h.register(1).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let date = json!([{"reason": "end_date_differs", "target": {"answer": "event_date"}}]);
    let (id, view) = needing_action(&h, &dewi, &rina, date).await;
    let before = state(&h, &id).await;
    // The server runs klaim-core's gate on the claim as it would be: a date after today fails.
    let mut future = unchanged(&view);
    future["answers"]["event_on"] = json!(h.clock.today().add_days(3).unwrap().to_iso());
    let reply = resubmit(&h, &rina, &id, future).await;
    assert_eq!(reply.status, 422, "{:?}", reply.json());
    assert!(
        codes(&reply).contains(&"event_date:claim.event_in_future".to_owned()),
        "{:?}",
        codes(&reply)
    );
    assert_eq!(state(&h, &id).await, before);
    // An earlier date is accepted and stored.
    let earlier = h.clock.today().add_days(-120).unwrap().to_iso();
    let mut fixed = unchanged(&view);
    fixed["answers"]["event_on"] = json!(earlier);
    let reply = resubmit(&h, &rina, &id, fixed).await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    assert_eq!(reply.json()["answers"]["event_on"], earlier.as_str());

    // Something only others can fix (HR deactivates the membership): sent back as it was.
    let outside = json!([{"reason": "membership_still_active", "target": "outside"}]);
    let reply = step(
        &h,
        &dewi,
        &id,
        json!({"step": "request_action", "items": outside, "note": null}),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    let view = claim_view(&h, &rina, &id).await;
    let reply = resubmit(&h, &rina, &id, unchanged(&view)).await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    assert_eq!(reply.json()["status"], "verifying");
    // The bank account reopened: one the bank does not know is refused by name.
    let bank = json!([{"reason": "bank_name_differs", "target": {"answer": "bank_account"}}]);
    assert_eq!(
        step(
            &h,
            &dewi,
            &id,
            json!({"step": "request_action", "items": bank, "note": null})
        )
        .await
        .status,
        200
    );
    let view = claim_view(&h, &rina, &id).await;
    let mut unknown = unchanged(&view);
    unknown["answers"]["bank_account"] = json!({"bank": "014", "number": "1111111111"});
    let reply = resubmit(&h, &rina, &id, unknown).await;
    assert_eq!(reply.status, 422, "{:?}", reply.json());
    assert_eq!(codes(&reply), ["bank_account:bank.account_not_found"]);
    assert_eq!(state(&h, &id).await.status, "needs_action");
}

//! Who may call the back office and what a step may carry: participants never reach the office
//! or the audit trail, admins read the audit trail but take no steps, an officer never decides a
//! claim by or about themselves, a participant never sees or resubmits another's claim, and every
//! bad step is refused with its codes while the claim stays as it was. Runs on SQLite, and on
//! PostgreSQL when KLAIM_TEST_POSTGRES_URL is set.

mod common;
#[path = "accounts/harness.rs"]
mod harness;
#[path = "office/support.rs"]
mod office;
#[path = "claims/support.rs"]
mod support;
mod testdb;

use harness::Harness;
use klaim_core::api::account::Role;
use klaim_core::claim::{ClaimStatus, Transition};
use office::{
    admin, claim_view, codes, drive_to, good_step, officer, resubmit, resubmit_new_bank_book,
    staff, state, step, submit_jht, unchanged,
};
use serde_json::{Value, json};

/// Every back-office and admin endpoint, with a body where it takes one.
fn endpoints(claim_id: &str, document_id: &str) -> Vec<(&'static str, String, Option<Value>)> {
    vec![
        ("GET", "/api/v1/office/claims".into(), None),
        ("GET", format!("/api/v1/office/claims/{claim_id}"), None),
        (
            "GET",
            format!("/api/v1/office/claims/{claim_id}/documents/{document_id}/content"),
            None,
        ),
        (
            "POST",
            format!("/api/v1/office/claims/{claim_id}/steps"),
            Some(good_step(Transition::StartVerification)),
        ),
        ("GET", "/api/v1/admin/audit".into(), None),
        (
            "GET",
            format!("/api/v1/admin/audit?claim_id={claim_id}"),
            None,
        ),
    ]
}

#[tokio::test]
async fn only_officers_reach_the_office_and_only_admins_the_audit() {
    let h = Harness::new("office_roles").await;
    let rina = h.register(1).await;
    let agus = h.register(2).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let boss = admin(&h).await;
    let id = submit_jht(&h, &rina).await;
    let document = claim_view(&h, &rina, &id).await["documents"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = state(&h, &id).await;
    for (method, uri, body) in endpoints(&id, &document) {
        let admin_only = uri.starts_with("/api/v1/admin");
        let anonymous = h.call(method, &uri, body.clone(), None).await;
        assert_eq!(anonymous.status, 401, "{method} {uri}");
        assert_eq!(anonymous.error_code(), "api.unauthenticated");
        for participant in [&rina, &agus] {
            let reply = h.call(method, &uri, body.clone(), Some(participant)).await;
            assert_eq!(reply.status, 403, "participant: {method} {uri}");
            assert_eq!(reply.error_code(), "api.forbidden");
        }
        let (allowed, refused) = if admin_only {
            (&boss, &dewi)
        } else {
            (&dewi, &boss)
        };
        let reply = h.call(method, &uri, body.clone(), Some(refused)).await;
        assert_eq!(reply.status, 403, "wrong staff role: {method} {uri}");
        assert_eq!(reply.error_code(), "api.forbidden");
        if method == "GET" {
            let reply = h.call(method, &uri, None, Some(allowed)).await;
            assert_eq!(reply.status, 200, "{method} {uri}");
        } else {
            // Without the app's request header, even the right role is refused.
            let request = axum::http::Request::builder()
                .method(method)
                .uri(&uri)
                .header("content-type", "application/json")
                .header("cookie", allowed.as_str())
                .body(axum::body::Body::from(body.unwrap().to_string()))
                .unwrap();
            let unmarked = common::send(&h.app, request).await;
            assert_eq!(unmarked.status, 403, "{method} {uri}");
            assert_eq!(unmarked.error_code(), "api.request_header_missing");
        }
    }
    // Nothing above changed the claim: no step went through. (The officer's views are audited.)
    let after = state(&h, &id).await;
    assert_eq!(
        (after.status.as_str(), after.version),
        ("submitted", before.version)
    );
    assert_eq!(after.history, before.history);
    // Staff have no participant endpoints: an admin cannot resubmit or see claims either.
    let view = claim_view(&h, &rina, &id).await;
    for who in [&dewi, &boss] {
        let reply = resubmit(&h, who, &id, unchanged(&view)).await;
        assert_eq!(reply.status, 403);
        assert_eq!(reply.error_code(), "api.forbidden");
    }
}

#[tokio::test]
async fn an_officer_sees_their_own_claim_but_takes_no_step_on_it() {
    let h = Harness::new("office_own").await;
    let rina = h.register(1).await;
    // Rina works in the back office too: her NIK is on her staff account.
    let rina_at_work = staff(
        &h,
        Role::Officer,
        "rina.w@bpjs.example.id",
        Some(h.persona(1).nik.as_str()),
    )
    .await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let id = submit_jht(&h, &rina).await;

    let queue = h
        .call("GET", "/api/v1/office/claims", None, Some(&rina_at_work))
        .await;
    assert_eq!(queue.json()["entries"][0]["own"], true);
    let page = h
        .call(
            "GET",
            &format!("/api/v1/office/claims/{id}"),
            None,
            Some(&rina_at_work),
        )
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(page.json()["own"], true);
    assert_eq!(page.json()["available"], json!([]));
    let before = state(&h, &id).await;
    let reply = step(
        &h,
        &rina_at_work,
        &id,
        good_step(Transition::StartVerification),
    )
    .await;
    assert_eq!(reply.status, 403, "{:?}", reply.json());
    assert_eq!(reply.error_code(), "office.own_claim");
    assert_eq!(state(&h, &id).await, before);
    // At every later stage too.
    drive_to(&h, &dewi, &id, ClaimStatus::Verifying).await;
    for transition in [
        Transition::Approve,
        Transition::Reject,
        Transition::RequestAction,
    ] {
        let reply = step(&h, &rina_at_work, &id, good_step(transition)).await;
        assert_eq!(reply.error_code(), "office.own_claim", "{transition:?}");
    }
    // Another officer's view of the same claim is not "own".
    let other = h
        .call(
            "GET",
            &format!("/api/v1/office/claims/{id}"),
            None,
            Some(&dewi),
        )
        .await;
    assert_eq!(other.json()["own"], false);
    assert_eq!(
        other.json()["available"],
        json!(["request_action", "approve", "reject"])
    );
}

#[tokio::test]
async fn a_participant_never_reaches_another_participants_claim() {
    let h = Harness::new("office_other_participant").await;
    let rina = h.register(1).await;
    let agus = h.register(2).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let id = submit_jht(&h, &rina).await;
    drive_to(&h, &dewi, &id, ClaimStatus::NeedsAction).await;
    let view = claim_view(&h, &rina, &id).await;
    let before = state(&h, &id).await;

    let theirs = h
        .call("GET", &format!("/api/v1/claims/{id}"), None, Some(&agus))
        .await;
    assert_eq!(theirs.status, 404);
    let document = view["documents"][0]["id"].as_str().unwrap();
    for uri in [
        format!("/api/v1/documents/{document}"),
        format!("/api/v1/documents/{document}/content"),
    ] {
        let reply = h.call("GET", &uri, None, Some(&agus)).await;
        assert_eq!(reply.status, 404, "{uri}");
    }
    // Agus sends Rina's claim back with his own new bank book: not found, nothing changes.
    let his_book = support::attach(&h, &agus, &["bank_book"]).await;
    let mut body = unchanged(&view);
    for doc in body["documents"].as_array_mut().unwrap() {
        if doc["kind"] == "bank_book" {
            doc["document_id"] = json!(his_book[0].1);
        }
    }
    let reply = resubmit(&h, &agus, &id, body.clone()).await;
    assert_eq!(reply.status, 404, "{:?}", reply.json());
    assert_eq!(reply.error_code(), "claim.not_found");
    // Rina cannot attach Agus's upload either.
    let reply = resubmit(&h, &rina, &id, body).await;
    assert_eq!(reply.status, 404, "{:?}", reply.json());
    assert_eq!(codes(&reply), ["documents:document.not_found"]);
    assert_eq!(state(&h, &id).await, before);
    // An unknown claim id reads the same as someone else's.
    let reply = resubmit(&h, &agus, &support::new_id(), unchanged(&view)).await;
    assert_eq!(reply.error_code(), "claim.not_found");
    let reply = resubmit(&h, &agus, "not-a-uuid", unchanged(&view)).await;
    assert_eq!(reply.error_code(), "claim.not_found");
    // Her own resubmission still works.
    assert_eq!(resubmit_new_bank_book(&h, &rina, &id).await.status, 200);
}

/// Sends each bad step and checks the codes and that nothing changed.
async fn refused(h: &Harness, officer: &str, id: &str, cases: Vec<(Value, Vec<&str>)>) {
    for (body, expected) in cases {
        let before = state(h, id).await;
        let reply = step(h, officer, id, body.clone()).await;
        assert_eq!(reply.status, 422, "{body}: {:?}", reply.json());
        assert_eq!(codes(&reply), expected, "{body}");
        assert_eq!(state(h, id).await, before, "{body}");
    }
}

#[tokio::test]
async fn bad_steps_are_refused_with_every_problem_and_change_nothing() {
    let h = Harness::new("office_bad_steps").await;
    let rina = h.register(1).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let id = submit_jht(&h, &rina).await;
    drive_to(&h, &dewi, &id, ClaimStatus::Verifying).await;
    let item = |reason: &str, target: Value| json!({"reason": reason, "target": target});
    refused(
        &h,
        &dewi,
        &id,
        vec![
            (
                json!({"step": "request_action", "items": [], "note": null}),
                vec!["items:decision.no_items"],
            ),
            (
                json!({"step": "request_action", "items": [item("bank_name_differs", json!({"document": "ktp"}))], "note": null}),
                vec!["items:decision.target_does_not_fit"],
            ),
            (
                json!({"step": "request_action", "items": [item("already_paid", json!("outside"))], "note": "x".repeat(1001)}),
                vec!["items:decision.reason_not_for_request", "note:decision.note_too_long"],
            ),
            (
                json!({"step": "request_action", "items": [
                    item("document_unreadable", json!({"document": "ktp"})),
                    item("document_wrong_kind", json!({"document": "ktp"})),
                ], "note": null}),
                vec!["items:decision.same_item_twice"],
            ),
            (
                json!({"step": "approve", "amount": 9_000_000, "justification": null}),
                vec!["justification:decision.justification_needed"],
            ),
            (
                json!({"step": "approve", "amount": 9_000_000, "justification": "koreksi"}),
                vec!["justification:decision.justification_too_short"],
            ),
            (
                json!({"step": "approve", "amount": 0, "justification": "Tidak ada saldo yang dapat dibayarkan."}),
                vec!["amount:decision.amount_zero"],
            ),
            (
                json!({"step": "reject", "reasons": [], "note": null}),
                vec!["reasons:decision.no_reasons"],
            ),
            (
                json!({"step": "reject", "reasons": [{"reason": "document_unreadable", "until": null}], "note": null}),
                vec!["reasons:decision.reason_not_for_rejection"],
            ),
            (
                json!({"step": "reject", "reasons": [{"reason": "not_eligible_until", "until": null}], "note": null}),
                vec!["reasons:decision.date_needed"],
            ),
        ],
    )
    .await;
    // Malformed: not the shape of a step at all (400, nothing changed).
    let before = state(&h, &id).await;
    for body in [
        json!({"step": "approve", "amount": null, "justification": null, "override": true}),
        json!({"step": "approve", "amount": -1, "justification": null}),
        json!({"step": "reject", "reasons": [{"reason": "because", "until": null}], "note": null}),
        json!({"step": "delete"}),
        json!({"items": []}),
        json!([]),
    ] {
        let reply = step(&h, &dewi, &id, body.clone()).await;
        assert_eq!(reply.status, 400, "{body}: {:?}", reply.json());
        assert_eq!(reply.error_code(), "api.malformed", "{body}");
    }
    let request = axum::http::Request::post(format!("/api/v1/office/claims/{id}/steps"))
        .header("x-klaim-request", "1")
        .header("content-type", "application/json")
        .header("cookie", &dewi)
        .body(axum::body::Body::from("{\"step\": "))
        .unwrap();
    assert_eq!(common::send(&h.app, request).await.status, 400);
    assert_eq!(state(&h, &id).await, before);

    // The bank's transfer reference, once the transfer is ordered.
    drive_to_paying(&h, &dewi, &id).await;
    let pay = |reference: &str| json!({"step": "confirm_payment", "transfer_reference": reference});
    refused(
        &h,
        &dewi,
        &id,
        vec![
            (
                pay(""),
                vec!["transfer_reference:decision.transfer_reference_missing"],
            ),
            (
                pay("TRF 1"),
                vec!["transfer_reference:decision.transfer_reference_invalid"],
            ),
            (
                pay("TRF/2026/11"),
                vec!["transfer_reference:decision.transfer_reference_invalid"],
            ),
        ],
    )
    .await;
    // In English when asked.
    let reply = h
        .call_lang(
            "POST",
            &format!("/api/v1/office/claims/{id}/steps"),
            pay(""),
            &dewi,
            "en",
        )
        .await;
    assert!(
        reply.json()["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("transfer reference"),
        "{:?}",
        reply.json()
    );
}

async fn drive_to_paying(h: &Harness, officer: &str, id: &str) {
    for transition in [Transition::Approve, Transition::StartPayment] {
        let reply = step(h, officer, id, good_step(transition)).await;
        assert_eq!(reply.status, 200, "{transition:?}: {:?}", reply.json());
    }
}

/// `call` with an Accept-Language header.
trait CallLang {
    async fn call_lang(
        &self,
        method: &str,
        uri: &str,
        body: Value,
        cookie: &str,
        lang: &str,
    ) -> common::Reply;
}

impl CallLang for Harness {
    async fn call_lang(
        &self,
        method: &str,
        uri: &str,
        body: Value,
        cookie: &str,
        lang: &str,
    ) -> common::Reply {
        let mut request = axum::http::Request::builder()
            .method(method)
            .uri(uri)
            .header("x-klaim-request", "1")
            .header("content-type", "application/json")
            .header("accept-language", lang)
            .header("cookie", cookie)
            .body(axum::body::Body::from(body.to_string()))
            .unwrap();
        let addr: std::net::SocketAddr = "127.0.0.1:40000".parse().unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
        common::send(&self.app, request).await
    }
}

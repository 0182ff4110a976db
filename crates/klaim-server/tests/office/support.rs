//! What the back-office suites share: staff accounts, a submitted claim, officers' steps as the
//! back office sends them, the participant's resubmission, and driving a claim to any status
//! through the API.
// Each office test crate uses only part of this module.
#![allow(dead_code)]

use klaim_core::api::account::Role;
use klaim_core::claim::{ClaimStatus, Transition};
use klaim_server::accounts::officers::{self, NewStaff};
use klaim_server::office::auto_approve::AutoApprove;
use serde_json::{Value, json};
use sqlx::Row;

use crate::common::{self, Reply, TempDir};
use crate::harness::{self, Harness, PASSWORD};
use crate::support::{answers, attach, pairs, put_claim, submission};

/// What a JHT claim after resignation needs (domain.md §2).
pub const JHT_RESIGNED: [&str; 3] = ["ktp", "kpj_card", "bank_book"];

/// A harness whose server approves simple JHT claims by rule (`--auto-approve on`).
pub struct AutoApproving {
    pub h: Harness,
    _dist: TempDir,
}

pub async fn with_auto_approval(tag: &str) -> AutoApproving {
    let mut h = Harness::new(tag).await;
    let dist = common::dist();
    let mut state = common::state(&dist, h.db.db.clone(), h.clock.clone());
    state.auto_approve = AutoApprove::On;
    h.app = klaim_server::router(state);
    AutoApproving { h, _dist: dist }
}

/// A staff account (with the member's NIK when given), signed in; its session cookie.
pub async fn staff(h: &Harness, role: Role, email: &str, nik: Option<&str>) -> String {
    let accounts = klaim_server::accounts::Accounts {
        db: h.db.db.clone(),
        clock: h.clock.clone(),
        hasher: Default::default(),
    };
    officers::create_staff(
        &accounts,
        &NewStaff {
            role,
            email,
            name: "Sri Wahyuni",
            password: PASSWORD,
            nik,
        },
    )
    .await
    .expect("create staff");
    let reply = h.sign_in(email, PASSWORD).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    harness::session_cookie(&reply)
}

/// Signs in again (after the manual clock moved past the session's idle time); the new cookie.
/// Participants sign in by NIK, staff by e-mail.
pub async fn sign_in_again(h: &Harness, login: &str) -> String {
    let reply = h.sign_in(login, PASSWORD).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    harness::session_cookie(&reply)
}

pub async fn officer(h: &Harness, email: &str) -> String {
    staff(h, Role::Officer, email, None).await
}

pub async fn admin(h: &Harness) -> String {
    staff(h, Role::Admin, "admin@bpjs.example.id", None).await
}

/// Persona 1's JHT claim after resignation, submitted (status `submitted` unless approved by
/// rule); its id.
pub async fn submit_jht(h: &Harness, cookie: &str) -> String {
    let docs = attach(h, cookie, &JHT_RESIGNED).await;
    let body = submission(answers(h.persona(1), "jht", "resigned"), &pairs(&docs));
    let id = crate::support::new_id();
    let reply = put_claim(h, cookie, &id, body).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    id
}

/// A step as the back office sends it, with content that is good for the step.
pub fn good_step(step: Transition) -> Value {
    match step {
        Transition::StartVerification => json!({"step": "start_verification"}),
        Transition::RequestAction => json!({
            "step": "request_action",
            "items": [{"reason": "bank_name_differs", "target": {"document": "bank_book"}}],
            "note": "Buku tabungan tidak terbaca namanya.",
        }),
        Transition::Resubmit => json!({"step": "resubmit"}),
        Transition::Approve => json!({"step": "approve", "amount": null, "justification": null}),
        Transition::Reject => json!({
            "step": "reject",
            "reasons": [{"reason": "not_eligible", "until": null}],
            "note": null,
        }),
        Transition::StartPayment => json!({"step": "start_payment"}),
        Transition::ConfirmPayment => {
            json!({"step": "confirm_payment", "transfer_reference": "TRF-20261124-0001"})
        }
    }
}

pub async fn step(h: &Harness, officer: &str, claim_id: &str, body: Value) -> Reply {
    h.call(
        "POST",
        &format!("/api/v1/office/claims/{claim_id}/steps"),
        Some(body),
        Some(officer),
    )
    .await
}

/// The claim as its owner sees it.
pub async fn claim_view(h: &Harness, participant: &str, claim_id: &str) -> Value {
    let reply = h
        .call(
            "GET",
            &format!("/api/v1/claims/{claim_id}"),
            None,
            Some(participant),
        )
        .await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    reply.json()
}

/// The claim's answers and attachments as they stand: a resubmission that changes nothing.
pub fn unchanged(view: &Value) -> Value {
    let documents: Vec<Value> = view["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| json!({"kind": d["kind"], "document_id": d["id"]}))
        .collect();
    json!({"answers": view["answers"], "documents": documents})
}

pub async fn resubmit(h: &Harness, participant: &str, claim_id: &str, body: Value) -> Reply {
    h.call(
        "POST",
        &format!("/api/v1/claims/{claim_id}/resubmission"),
        Some(body),
        Some(participant),
    )
    .await
}

/// Replaces the bank book (the item `good_step(RequestAction)` reopens) and sends the claim back.
pub async fn resubmit_new_bank_book(h: &Harness, participant: &str, claim_id: &str) -> Reply {
    let view = claim_view(h, participant, claim_id).await;
    let new_book = attach(h, participant, &["bank_book"]).await;
    let mut body = unchanged(&view);
    for doc in body["documents"].as_array_mut().unwrap() {
        if doc["kind"] == "bank_book" {
            doc["document_id"] = json!(new_book[0].1);
        }
    }
    resubmit(h, participant, claim_id, body).await
}

/// Takes a legal step and checks it went through.
async fn take(h: &Harness, officer: &str, claim_id: &str, transition: Transition) {
    let reply = step(h, officer, claim_id, good_step(transition)).await;
    assert_eq!(reply.status, 200, "{transition:?}: {:?}", reply.json());
}

/// Drives a `submitted` claim to `status` through an officer's legal steps only.
pub async fn drive_to(h: &Harness, officer: &str, claim_id: &str, status: ClaimStatus) {
    use Transition::*;
    let path: &[Transition] = match status {
        ClaimStatus::Submitted => &[],
        ClaimStatus::Verifying => &[StartVerification],
        ClaimStatus::NeedsAction => &[StartVerification, RequestAction],
        ClaimStatus::Approved => &[StartVerification, Approve],
        ClaimStatus::Rejected => &[StartVerification, Reject],
        ClaimStatus::Paying => &[StartVerification, Approve, StartPayment],
        ClaimStatus::Paid => &[StartVerification, Approve, StartPayment, ConfirmPayment],
    };
    for transition in path {
        take(h, officer, claim_id, *transition).await;
    }
    assert_eq!(state(h, claim_id).await.status, status.as_str());
}

/// The claim's row as the database has it: what must not change when a request is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub status: String,
    pub version: i64,
    pub open_items: Option<String>,
    pub note: Option<String>,
    pub approved_amount: Option<i64>,
    pub rejection: Option<String>,
    pub transfer_reference: Option<String>,
    pub history: i64,
    pub audit: i64,
    pub inbox: i64,
    pub documents: Vec<String>,
}

pub async fn state(h: &Harness, claim_id: &str) -> Stored {
    let pool = h.db.db.pool();
    let row = sqlx::query(
        "SELECT status, version, open_items, note, approved_amount, rejection, transfer_reference
         FROM claims WHERE id = $1",
    )
    .bind(claim_id)
    .fetch_one(pool)
    .await
    .unwrap();
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(claim_id)
            .fetch_one(pool)
            .await
            .unwrap()
    };
    let documents = sqlx::query_scalar(
        "SELECT document_id FROM claim_documents WHERE claim_id = $1 ORDER BY seq",
    )
    .bind(claim_id)
    .fetch_all(pool)
    .await
    .unwrap();
    Stored {
        status: row.get("status"),
        version: row.get("version"),
        open_items: row.get("open_items"),
        note: row.get("note"),
        approved_amount: row.get("approved_amount"),
        rejection: row.get("rejection"),
        transfer_reference: row.get("transfer_reference"),
        history: count("SELECT COUNT(*) FROM claim_status_history WHERE claim_id = $1").await,
        audit: count("SELECT COUNT(*) FROM audit_log WHERE claim_id = $1").await,
        inbox: count("SELECT COUNT(*) FROM inbox WHERE claim_id = $1").await,
        documents,
    }
}

/// Every error in an error-shaped reply as `field:code` (`-` without a field).
pub fn codes(reply: &Reply) -> Vec<String> {
    harness::codes(reply)
}

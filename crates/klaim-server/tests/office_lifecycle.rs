//! The claim lifecycle through the API: every step from every status (the legal ones go through
//! and are recorded; the others are refused with their code and change nothing), two officers at
//! once, the queue, and the claim page with the automated checks. Runs on SQLite, and on
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
use klaim_core::claim::{ClaimStatus, Transition};
use office::{
    Stored, claim_view, drive_to, good_step, officer, resubmit, resubmit_new_bank_book,
    sign_in_again, state, step, submit_jht, unchanged,
};
use serde_json::{Value, json};
use sqlx::Row;

use ClaimStatus::*;
use Transition::*;

const OFFICER_STEPS: [Transition; 6] = [
    StartVerification,
    RequestAction,
    Approve,
    Reject,
    StartPayment,
    ConfirmPayment,
];

/// The officer's legal steps from each status, written out by hand.
fn legal(status: ClaimStatus) -> &'static [Transition] {
    match status {
        Submitted => &[StartVerification],
        Verifying => &[RequestAction, Approve, Reject],
        NeedsAction | Rejected | Paid => &[],
        Approved => &[StartPayment],
        Paying => &[ConfirmPayment],
    }
}

/// Every step that cannot be taken from the claim's `status` now is refused with its code and
/// leaves the claim as it was: the officer's steps (409), the claimant's resubmission (409 unless
/// the claim needs action), and the claimant's step asked for by an officer (403).
async fn everything_else_is_refused(
    h: &Harness,
    officer: &str,
    participant: &str,
    claim_id: &str,
    status: ClaimStatus,
) {
    let before: Stored = state(h, claim_id).await;
    assert_eq!(before.status, status.as_str());
    for transition in OFFICER_STEPS {
        if legal(status).contains(&transition) {
            continue;
        }
        let reply = step(h, officer, claim_id, good_step(transition)).await;
        assert_eq!(
            reply.status,
            409,
            "{transition:?} from {status:?}: {:?}",
            reply.json()
        );
        assert_eq!(reply.error_code(), "claim.transition_invalid");
        assert_eq!(
            state(h, claim_id).await,
            before,
            "{transition:?} from {status:?}"
        );
    }
    let by_officer = step(h, officer, claim_id, good_step(Resubmit)).await;
    assert_eq!(by_officer.status, 403, "{:?}", by_officer.json());
    assert_eq!(by_officer.error_code(), "claim.transition_forbidden");
    if status != NeedsAction {
        let view = claim_view(h, participant, claim_id).await;
        let reply = resubmit(h, participant, claim_id, unchanged(&view)).await;
        assert_eq!(
            reply.status,
            409,
            "resubmit from {status:?}: {:?}",
            reply.json()
        );
        assert_eq!(reply.error_code(), "claim.transition_invalid");
    }
    assert_eq!(state(h, claim_id).await, before, "from {status:?}");
}

/// Takes a legal step; checks the answer and what was recorded.
async fn legal_step(h: &Harness, officer: &str, claim_id: &str, transition: Transition) -> Value {
    let before = state(h, claim_id).await;
    let reply = step(h, officer, claim_id, good_step(transition)).await;
    assert_eq!(reply.status, 200, "{transition:?}: {:?}", reply.json());
    let page = reply.json();
    let after = state(h, claim_id).await;
    assert_eq!(page["claim"]["status"], after.status.as_str());
    assert_eq!(after.version, before.version + 1);
    assert_eq!(after.history, before.history + 1);
    assert_eq!(after.audit, before.audit + 1, "one audit row per step");
    assert_eq!(
        after.inbox,
        before.inbox + 1,
        "one notice for the participant"
    );
    let last = page["claim"]["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["step"], transition.as_str());
    assert_eq!(last["by"], "officer");
    assert_eq!(last["status"], after.status.as_str());
    let status = ClaimStatus::from_wire(&after.status).unwrap();
    let available: Vec<&str> = legal(status).iter().map(|t| t.as_str()).collect();
    assert_eq!(page["available"], json!(available));
    page
}

#[tokio::test]
async fn every_step_from_every_status_is_decided_by_the_state_machine() {
    let h = Harness::new("office_matrix").await;
    let rina = h.register(1).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;

    // One claim the whole way: submitted → verifying → needs action → verifying → approved →
    // paying → paid, every other step tried at each stop.
    let a = submit_jht(&h, &rina).await;
    everything_else_is_refused(&h, &dewi, &rina, &a, Submitted).await;
    legal_step(&h, &dewi, &a, StartVerification).await;
    everything_else_is_refused(&h, &dewi, &rina, &a, Verifying).await;
    let page = legal_step(&h, &dewi, &a, RequestAction).await;
    assert_eq!(
        page["claim"]["open_items"],
        json!([{"reason": "bank_name_differs", "target": {"document": "bank_book"}}])
    );
    assert_eq!(
        page["claim"]["note"],
        "Buku tabungan tidak terbaca namanya."
    );
    everything_else_is_refused(&h, &dewi, &rina, &a, NeedsAction).await;

    let before = state(&h, &a).await;
    let back = resubmit_new_bank_book(&h, &rina, &a).await;
    assert_eq!(back.status, 200, "{:?}", back.json());
    assert_eq!(back.json()["status"], "verifying");
    assert_eq!(back.json()["open_items"], json!([]));
    assert_eq!(back.json()["note"], Value::Null);
    let last = back.json()["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["step"].as_str(), last["by"].as_str()),
        (Some("resubmit"), Some("claimant"))
    );
    let after = state(&h, &a).await;
    assert_eq!(
        (after.history, after.inbox),
        (before.history + 1, before.inbox + 1)
    );
    assert_ne!(
        after.documents, before.documents,
        "the bank book was replaced"
    );

    everything_else_is_refused(&h, &dewi, &rina, &a, Verifying).await;
    let page = legal_step(&h, &dewi, &a, Approve).await;
    assert_eq!(page["claim"]["outcome"]["approved_amount"], 12_350_000);
    assert_eq!(page["claim"]["outcome"]["auto_approved"], false);
    everything_else_is_refused(&h, &dewi, &rina, &a, Approved).await;
    legal_step(&h, &dewi, &a, StartPayment).await;
    everything_else_is_refused(&h, &dewi, &rina, &a, Paying).await;
    let page = legal_step(&h, &dewi, &a, ConfirmPayment).await;
    assert_eq!(
        page["claim"]["outcome"]["transfer_reference"],
        "TRF-20261124-0001"
    );
    everything_else_is_refused(&h, &dewi, &rina, &a, Paid).await;

    // The participant sees the whole way in plain steps, each by its actor.
    let view = claim_view(&h, &rina, &a).await;
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
            ("verifying", "officer"),
            ("needs_action", "officer"),
            ("verifying", "claimant"),
            ("approved", "officer"),
            ("paying", "officer"),
            ("paid", "officer"),
        ]
    );
    // Paid closes the claim: another for the same reason may be made.
    let open_key: Option<String> = sqlx::query_scalar("SELECT open_key FROM claims WHERE id = $1")
        .bind(&a)
        .fetch_one(h.db.db.pool())
        .await
        .unwrap();
    assert_eq!(open_key, None);

    // A second claim to the other end: rejected.
    let b = submit_jht(&h, &rina).await;
    drive_to(&h, &dewi, &b, Verifying).await;
    let page = legal_step(&h, &dewi, &b, Reject).await;
    assert_eq!(
        page["claim"]["outcome"]["rejection"],
        json!([{"reason": "not_eligible", "until": null}])
    );
    everything_else_is_refused(&h, &dewi, &rina, &b, Rejected).await;

    // Who took each step is on record, with what came with it.
    let rows = sqlx::query(
        "SELECT step, actor, by_account, detail FROM claim_status_history
         WHERE claim_id = $1 ORDER BY id",
    )
    .bind(&b)
    .fetch_all(h.db.db.pool())
    .await
    .unwrap();
    assert_eq!(rows.len(), 3);
    let step_of = |i: usize| rows[i].get::<Option<String>, _>("step");
    assert_eq!(step_of(0), None, "the submission has no step");
    assert_eq!(step_of(2).as_deref(), Some("reject"));
    assert_eq!(rows[2].get::<String, _>("actor"), "officer");
    assert!(rows[2].get::<Option<i64>, _>("by_account").is_some());
    let detail: String = rows[2].get("detail");
    let detail: Value = serde_json::from_str(&detail).unwrap();
    assert_eq!(detail["reasons"][0]["reason"], "not_eligible");
}

#[tokio::test]
async fn two_officers_at_once_one_wins_and_the_other_is_told() {
    let h = Harness::new("office_race").await;
    let rina = h.register(1).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let yusuf = officer(&h, "yusuf@bpjs.example.id").await;
    let id = submit_jht(&h, &rina).await;
    drive_to(&h, &dewi, &id, Verifying).await;
    let before = state(&h, &id).await;
    let (approve, reject) = tokio::join!(
        step(&h, &dewi, &id, good_step(Approve)),
        step(&h, &yusuf, &id, good_step(Reject)),
    );
    let mut statuses = [approve.status.as_u16(), reject.status.as_u16()];
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [200, 409],
        "{:?} {:?}",
        approve.json(),
        reject.json()
    );
    let (winner, loser) = if approve.status == 200 {
        (approve, reject)
    } else {
        (reject, approve)
    };
    assert_eq!(loser.error_code(), "claim.transition_invalid");
    let after = state(&h, &id).await;
    assert_eq!(
        after.status,
        winner.json()["claim"]["status"].as_str().unwrap()
    );
    assert_eq!(after.history, before.history + 1, "one decision recorded");
    assert_eq!(after.version, before.version + 1);
    // The loser's message names the status the winner left.
    let message = loser.json()["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    let title = ClaimStatus::from_wire(&after.status)
        .unwrap()
        .title(klaim_core::Lang::Id);
    assert!(message.contains(title), "{message}");
}

#[tokio::test]
async fn another_amount_is_approved_only_with_a_justification_and_recorded() {
    let h = Harness::new("office_amount").await;
    let rina = h.register(1).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let id = submit_jht(&h, &rina).await;
    drive_to(&h, &dewi, &id, Verifying).await;
    let why = "Saldo dikoreksi: iuran Oktober dikembalikan ke perusahaan.";
    let reply = step(
        &h,
        &dewi,
        &id,
        json!({"step": "approve", "amount": 12_000_000, "justification": why}),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
    assert_eq!(
        reply.json()["claim"]["outcome"]["approved_amount"],
        12_000_000
    );
    assert_eq!(reply.json()["computed_amount"], 12_350_000);
    let stored: (Option<i64>, Option<String>) =
        sqlx::query_as("SELECT approved_amount, approval_justification FROM claims WHERE id = $1")
            .bind(&id)
            .fetch_one(h.db.db.pool())
            .await
            .unwrap();
    assert_eq!(stored, (Some(12_000_000), Some(why.to_owned())));
}

/// The officer's queue under `query`.
async fn queue(h: &Harness, officer: &str, query: &str) -> Vec<Value> {
    let reply = h
        .call(
            "GET",
            &format!("/api/v1/office/claims{query}"),
            None,
            Some(officer),
        )
        .await;
    assert_eq!(reply.status, 200, "{query}: {:?}", reply.json());
    reply.json()["entries"].as_array().unwrap().clone()
}

fn ids(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_queue_puts_the_earliest_due_first_and_filters() {
    let h = Harness::new("office_queue").await;
    let rina = h.register(1).await;
    let hasnah = h.register(13).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let jht = submit_jht(&h, &rina).await;
    h.clock.advance(600);
    let jkm = submit_jkm_by_heir(&h, &hasnah).await;

    let all = queue(&h, &dewi, "").await;
    // JHT of Rp 10 jt or more is due in 5 working days, JKM in 3: JKM first although submitted
    // later.
    let due: Vec<&str> = all
        .iter()
        .map(|e| e["decision_due_on"].as_str().unwrap())
        .collect();
    assert!(due[0] < due[1], "{due:?}");
    assert_eq!(ids(&all), [jkm.as_str(), jht.as_str()]);
    let first_jht = &all[1];
    assert_eq!(first_jht["reference"].as_str().unwrap().len(), 16);
    assert_eq!(first_jht["amount"], 12_350_000);
    assert_eq!(first_jht["age_days"], 0);
    assert_eq!(first_jht["overdue"], false);
    assert_eq!(first_jht["own"], false);
    assert_eq!(
        ids(&queue(&h, &dewi, "?programme=jkm").await),
        [jkm.as_str()]
    );
    assert!(queue(&h, &dewi, "?status=verifying").await.is_empty());
    assert!(queue(&h, &dewi, "?older_than_days=2").await.is_empty());
    let blank = queue(&h, &dewi, "?programme=&status=&older_than_days=").await;
    assert_eq!(blank.len(), 2);

    // Ten days on: both are old and past their decision date.
    h.clock.advance(10 * 86_400);
    let dewi = sign_in_again(&h, "dewi@bpjs.example.id").await;
    let later = queue(&h, &dewi, "?older_than_days=10").await;
    assert_eq!(ids(&later).len(), 2);
    assert!(
        later
            .iter()
            .all(|e| e["overdue"] == true && e["age_days"] == 10),
        "{later:?}"
    );
    // Decided claims leave the default queue and are found by status.
    drive_to(&h, &dewi, &jht, Rejected).await;
    assert_eq!(ids(&queue(&h, &dewi, "").await), [jkm.as_str()]);
    assert_eq!(
        ids(&queue(&h, &dewi, "?status=rejected").await),
        [jht.as_str()]
    );

    for bad in [
        "?programme=bonus",
        "?status=draft",
        "?older_than_days=-1",
        "?older_than_days=soon",
        "?sort=amount",
        "?status=paid&status=rejected",
    ] {
        let reply = h
            .call(
                "GET",
                &format!("/api/v1/office/claims{bad}"),
                None,
                Some(&dewi),
            )
            .await;
        assert_eq!(reply.status, 400, "{bad}");
        assert_eq!(reply.error_code(), "api.malformed", "{bad}");
    }
}

/// Hasnah's JKM claim as Ridwan's widow, with the documents klaim-core asks for; its id.
async fn submit_jkm_by_heir(h: &Harness, hasnah: &str) -> String {
    use klaim_core::claim::{ClaimAnswers, ClaimFacts, Claimant, Necessity, assess};
    let ridwan = h.persona(10).clone();
    let mut answers = support::answers(h.persona(13), "jkm", "death");
    answers["kpj"] = json!(ridwan.kpjs[0].kpj.as_str());
    answers["event_on"] = json!(ridwan.deceased_on.unwrap().to_iso());
    answers["deceased"] = json!({
        "nik": ridwan.nik.as_str(),
        "kpj": ridwan.kpjs[0].kpj.as_str(),
        "birth_date": ridwan.birth_date.to_iso(),
    });
    let facts = h
        .call(
            "GET",
            &format!(
                "/api/v1/claims/facts?deceased_nik={}&deceased_kpj={}",
                ridwan.nik.as_str(),
                ridwan.kpjs[0].kpj.as_str()
            ),
            None,
            Some(hasnah),
        )
        .await;
    assert_eq!(facts.status, 200, "{:?}", facts.json());
    let facts: ClaimFacts = serde_json::from_value(facts.json()).unwrap();
    let widow = h.persona(13);
    let claimant = Claimant {
        name: widow.name.clone(),
        nik: widow.nik,
        birth_date: widow.birth_date,
    };
    let typed: ClaimAnswers = serde_json::from_value(answers.clone()).unwrap();
    let needed: Vec<&'static str> = assess(&facts, &claimant, &typed, h.clock.today())
        .documents
        .iter()
        .filter(|d| d.necessity == Necessity::Required)
        .map(|d| d.kind.as_str())
        .collect();
    let docs = support::attach(h, hasnah, &needed).await;
    let id = support::new_id();
    let reply = support::put_claim(
        h,
        hasnah,
        &id,
        support::submission(answers, &support::pairs(&docs)),
    )
    .await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    id
}

#[tokio::test]
async fn the_claim_page_shows_the_registry_the_checks_and_the_amount() {
    let h = Harness::new("office_page").await;
    let rina = h.register(1).await;
    let hasnah = h.register(13).await;
    let dewi = officer(&h, "dewi@bpjs.example.id").await;
    let page = |id: String| {
        let h = &h;
        let dewi = dewi.clone();
        async move {
            let reply = h
                .call(
                    "GET",
                    &format!("/api/v1/office/claims/{id}"),
                    None,
                    Some(&dewi),
                )
                .await;
            assert_eq!(reply.status, 200, "{:?}", reply.json());
            reply.json()
        }
    };
    let checks = |page: &Value| -> Vec<(String, bool)> {
        page["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                assert!(!c["note_id"].as_str().unwrap().is_empty());
                assert_ne!(c["note_id"], c["note_en"]);
                (
                    c["check"].as_str().unwrap().to_owned(),
                    c["passed"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let all_passed: Vec<(String, bool)> = [
        "identity_matches",
        "membership_inactive",
        "bank_name_matches",
        "documents_complete",
        "no_duplicate_claim",
    ]
    .iter()
    .map(|c| (c.to_string(), true))
    .collect();

    let jht = submit_jht(&h, &rina).await;
    let first = page(jht.clone()).await;
    let person = h.persona(1);
    assert_eq!(first["participant"]["full_name"], person.name.as_str());
    assert_eq!(
        first["participant"]["nik"],
        person.nik.as_str(),
        "officers see it whole"
    );
    assert_eq!(
        first["participant"]["memberships"][0]["jht_balance"],
        12_350_000
    );
    assert_eq!(first["claimant"], Value::Null);
    assert_eq!(first["bank_holder"], "RINA WULANDARI");
    assert_eq!(first["computed_amount"], 12_350_000);
    assert_eq!(first["available"], json!(["start_verification"]));
    assert_eq!(first["own"], false);
    assert_eq!(first["claim"]["id"], jht.as_str());
    assert_eq!(checks(&first), all_passed);

    // Paid, then claimed again: the second claim is flagged as a possible duplicate.
    drive_to(&h, &dewi, &jht, Paid).await;
    let again = submit_jht(&h, &rina).await;
    let second = page(again).await;
    let duplicate = second["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "no_duplicate_claim")
        .unwrap()
        .clone();
    assert_eq!(duplicate["passed"], false);
    let reference = first["claim"]["reference"].as_str().unwrap();
    assert!(
        duplicate["note_en"].as_str().unwrap().contains(reference),
        "{duplicate}"
    );
    assert!(
        duplicate["note_id"].as_str().unwrap().contains("Dibayar"),
        "{duplicate}"
    );

    // An heir's claim: the member is the deceased, the claimant the widow; identity covers both.
    let jkm = submit_jkm_by_heir(&h, &hasnah).await;
    let heir = page(jkm).await;
    assert_eq!(heir["participant"]["nik"], h.persona(10).nik.as_str());
    assert_eq!(heir["claimant"]["nik"], h.persona(13).nik.as_str());
    let identity = &heir["checks"][0];
    assert_eq!(identity["check"], "identity_matches");
    assert_eq!(identity["passed"], true, "{identity}");
    assert!(
        identity["note_en"].as_str().unwrap().contains("deceased"),
        "{identity}"
    );
    // JKM: Rp 42 jt for the death, plus what else the rules count.
    assert!(
        heir["computed_amount"].as_u64().unwrap() >= 42_000_000,
        "{heir}"
    );

    let missing = h
        .call(
            "GET",
            &format!("/api/v1/office/claims/{}", support::new_id()),
            None,
            Some(&dewi),
        )
        .await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.error_code(), "claim.not_found");
    let bad = h
        .call("GET", "/api/v1/office/claims/not-a-uuid", None, Some(&dewi))
        .await;
    assert_eq!(bad.status, 404);
}

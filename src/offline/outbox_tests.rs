//! The outbox in headless Chromium with a real vault: what each failure means for delivery, a
//! claim that cannot reach the server kept and read back, a document gone from the phone refused
//! for good with its reason, and the sweep of document bytes nothing refers to. (The test server
//! has no API, so every request gets a 404 without the error shape: a passing trouble.)

use klaim_core::api::ApiError;
use klaim_core::api::claim::ClaimSubmission;
use klaim_core::claim::{ClaimAnswers, ClaimReason, DocumentKind, Programme};
use klaim_core::{FileType, RULES_VERSION};
use leptos::prelude::*;
use wasm_bindgen_test::*;

use super::outbox::{Delivery, Outbox, judge};
use super::queued::{QueuedClaim, QueuedDocument, document_key, queued_key};
use super::vault::Vault;
use crate::api::Failure;
use crate::claim::{DraftSnapshot, TypedSnapshot};

use crate::tests::wait_ms;

wasm_bindgen_test_configure!(run_in_browser);

/// A reactive owner for the test.
fn owner() -> Owner {
    let owner = Owner::new();
    owner.set();
    owner
}

fn error(code: &str) -> ApiError {
    ApiError {
        code: code.to_owned(),
        field: None,
        message: String::new(),
    }
}

fn check(failure: Failure, expected: Delivery) {
    assert_eq!(judge(failure.clone()), expected, "{failure:?}");
}

#[wasm_bindgen_test]
fn failures_are_sorted_into_later_sign_in_and_for_good() {
    let api = |status, code: &str| Failure::Api {
        status,
        errors: vec![error(code)],
    };
    check(Failure::Offline, Delivery::Later);
    check(Failure::Unexpected(502), Delivery::Later);
    check(api(503, "api.unavailable"), Delivery::Later);
    check(api(429, "api.rate_limited"), Delivery::Later);
    check(api(408, "api.timeout"), Delivery::Later);
    check(api(409, "document.upload_in_progress"), Delivery::Later);
    check(api(422, "upload.hash_mismatch"), Delivery::Later);
    check(api(401, "session.required"), Delivery::SignIn);
    check(
        api(422, "claim.bank_holder_differs"),
        Delivery::Refused(vec![error("claim.bank_holder_differs")]),
    );
    check(
        api(409, "claim.already_open"),
        Delivery::Refused(vec![error("claim.already_open")]),
    );
    check(
        api(409, "document.id_taken"),
        Delivery::Refused(vec![error("document.id_taken")]),
    );
}

fn queued(claim_id: &str, documents: Vec<QueuedDocument>) -> QueuedClaim {
    let (programme, reason) = (Programme::Jht, ClaimReason::Resigned);
    let draft = DraftSnapshot {
        programme,
        reason,
        claim_id: claim_id.to_owned(),
        answers: None,
        typed: TypedSnapshot::default(),
        phk_proof: None,
        inquiry: None,
        documents: Vec::new(),
    };
    let submission = ClaimSubmission {
        rules_version: RULES_VERSION.to_owned(),
        answers: ClaimAnswers::new(programme, reason),
        documents: Vec::new(),
    };
    QueuedClaim::new(draft, submission, documents, 1_790_000_000)
}

fn document(id: &str, sent: bool) -> QueuedDocument {
    QueuedDocument {
        id: id.to_owned(),
        kind: DocumentKind::Ktp,
        file_type: FileType::Jpeg,
        sha256: "0".repeat(64),
        sent,
    }
}

async fn fresh_vault(account: &str) -> std::rc::Rc<Vault> {
    let vault = Vault::open(account).await.expect("a vault");
    for key in vault.keys().await.unwrap() {
        vault.delete(&key).await.unwrap();
    }
    std::rc::Rc::new(vault)
}

/// Puts `claim` in the vault as the outbox keeps it (queued in an earlier session).
async fn store_queued(vault: &Vault, claim: &QueuedClaim) {
    let bytes = serde_json::to_vec(claim).unwrap();
    vault
        .put(&queued_key(&claim.claim_id), &bytes)
        .await
        .unwrap();
}

/// An outbox on an emptied vault of `account`, as the app has it once signed in.
async fn opened(account: &str) -> (Owner, Outbox, std::rc::Rc<Vault>) {
    let owner = owner();
    let outbox = Outbox::provide();
    let vault = fresh_vault(account).await;
    outbox.open(vault.clone()).await;
    (owner, outbox, vault)
}

#[wasm_bindgen_test]
async fn a_claim_that_cannot_reach_the_server_is_kept_and_read_back() {
    let (owner, outbox, vault) = opened("outbox-kept").await;

    let claim = queued(
        "0b9e1c58-5a4e-4c1e-9d0b-2f0f3f6a7c11",
        vec![document("d1", true)],
    );
    assert_eq!(outbox.send(claim.clone()).await, Delivery::Later);
    assert_eq!(outbox.items.get_untracked(), vec![claim.clone()]);
    assert!(
        outbox.next_round_at.get_untracked().is_some(),
        "another round is planned"
    );
    assert!(outbox.just_queued.get_untracked());

    // The vault holds it, as the app finds it at its next start.
    let later = Outbox::provide();
    later.open(vault.clone()).await;
    assert_eq!(later.items.get_untracked(), vec![claim.clone()]);

    later.remove(&claim.claim_id).await;
    assert!(later.items.get_untracked().is_empty());
    assert_eq!(vault.get(&queued_key(&claim.claim_id)).await.unwrap(), None);
    drop(owner);
}

#[wasm_bindgen_test]
async fn a_document_gone_from_the_phone_is_refused_for_good_with_its_reason() {
    let (owner, outbox, vault) = opened("outbox-missing").await;
    // Sent at once: a refusal on the first try is taken out again (the journey is on screen).
    let claim = queued(
        "6a1f2d3e-4b5c-4d6e-8f70-8192a3b4c5d6",
        vec![document("gone", false)],
    );
    match outbox.send(claim.clone()).await {
        Delivery::Refused(errors) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].code, "outbox.document_missing");
            assert!(errors[0].message.contains("KTP"), "{}", errors[0].message);
        }
        other => panic!("refused, not {other:?}"),
    }
    assert!(outbox.items.get_untracked().is_empty());

    // Queued earlier (found in the vault at start): refused, it stays with its reason.
    store_queued(&vault, &claim).await;
    let later = Outbox::provide();
    later.open(vault.clone()).await;
    let settled = poll_items(later, |items| items.iter().all(|q| !q.waiting())).await;
    assert_eq!(settled.len(), 1);
    assert_eq!(settled[0].refused[0].code, "outbox.document_missing");
    let stored: QueuedClaim = serde_json::from_slice(
        &vault
            .get(&queued_key(&claim.claim_id))
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(stored.refused, settled[0].refused, "kept with its reason");
    later.remove(&claim.claim_id).await;
    drop(owner);
}

#[wasm_bindgen_test]
async fn the_sweep_keeps_only_the_bytes_something_refers_to() {
    let owner = owner();
    let outbox = Outbox::provide();
    let vault = fresh_vault("outbox-sweep").await;
    for id in ["in-draft", "in-queue", "replaced"] {
        vault.put(&document_key(id), b"bytes").await.unwrap();
    }
    let claim = queued(
        "9c8b7a65-4321-4fed-8cba-987654321000",
        vec![document("in-queue", false)],
    );
    store_queued(&vault, &claim).await;
    outbox.open(vault.clone()).await;
    outbox.sweep(&vault, &["in-draft".to_owned()]).await;
    let mut keys = vault.keys().await.unwrap();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            document_key("in-draft"),
            document_key("in-queue"),
            queued_key(&claim.claim_id),
        ]
    );
    outbox.forget();
    drop(owner);
}

/// Waits (up to 5 s) until the outbox's items satisfy `done`.
async fn poll_items(outbox: Outbox, done: impl Fn(&[QueuedClaim]) -> bool) -> Vec<QueuedClaim> {
    for _ in 0..100 {
        let items = outbox.items.get_untracked();
        if !items.is_empty() && done(&items) {
            return items;
        }
        wait_ms(50).await;
    }
    panic!(
        "the outbox did not settle: {:?}",
        outbox.items.get_untracked()
    );
}

//! The claim draft as saved on the phone: a round trip through JSON keeps every answer, a draft
//! saved under other rules keeps what was typed and drops what was checked, and (against the real
//! vault) a change is saved shortly after and read back by a fresh tab of the same account.

use klaim_core::api::account::{Me, Role};
use klaim_core::api::claim::{BankInquiryAnswer, DocumentInfo};
use klaim_core::claim::{ClaimReason, DocumentKind, Programme};
use klaim_core::document::FileType;
use klaim_core::{Bank, BankAccount, Date, NameMatch, RULES_VERSION};
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::tests::wait_ms;

use super::draft::{Attached, ClaimDraft, Inquiry};
use super::snapshot::{DraftSnapshot, SavedDraft};
use crate::offline::Drafts;
use crate::offline::drafts::{CLAIM_DRAFT, FIX_DRAFT};
use crate::offline::vault::Vault;
use crate::state::FixDraft;

wasm_bindgen_test_configure!(run_in_browser);

fn document_info(kind: DocumentKind) -> DocumentInfo {
    DocumentInfo {
        id: format!("doc-{}", kind.as_str()),
        kind,
        file_type: FileType::Pdf,
        bytes: 1234,
        sha256: "ab".repeat(32),
        uploaded_at: 1_790_000_000,
        in_claims: 0,
    }
}

/// Rina's JHT claim half answered: the event date and the bank checked, one document.
fn half_answered() -> ClaimDraft {
    let draft = ClaimDraft::default();
    draft.begin(Programme::Jht, ClaimReason::Resigned);
    draft.typed.event.day.set("20".into());
    draft.typed.event.month.set("8".into());
    draft.typed.event.year.set("2026".into());
    draft.typed.bank.set(Bank::Bca.code().into());
    draft.typed.account.set("803 123 4567".into());
    let account = BankAccount::parse(Bank::Bca, "8031234567").unwrap();
    draft.update(|a| {
        a.event_on = Some(Date::parse_iso("2026-08-20").unwrap());
        a.bank_account = Some(account.clone());
    });
    draft.inquiry.set(Some(Inquiry {
        account,
        answer: BankInquiryAnswer {
            holder_masked: "R*** W*********".into(),
            name_match: NameMatch::Same,
        },
    }));
    draft.phk_proof.set(Some(DocumentKind::Ktp));
    draft.attach(Attached {
        info: document_info(DocumentKind::Ktp),
        content: None,
        original_bytes: Some(4_000_000),
        sent: true,
    });
    draft
}

#[wasm_bindgen_test]
fn a_saved_draft_comes_back_whole() {
    let owner = Owner::new();
    owner.with(|| {
        let draft = half_answered();
        let saved = SavedDraft {
            saved_at: 1_790_000_000,
            draft: draft.snapshot().expect("a journey"),
        };
        let bytes = serde_json::to_vec(&saved).unwrap();
        let read: SavedDraft = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(read, saved);

        let (snapshot, migrated) = read.draft.migrate(RULES_VERSION);
        assert!(!migrated, "same rules: nothing dropped");
        let fresh = ClaimDraft::default();
        fresh.restore(snapshot);
        assert_eq!(fresh.snapshot(), draft.snapshot());
        assert_eq!(fresh.answers.get_untracked(), draft.answers.get_untracked());
        assert_eq!(
            fresh.claim_id.get_untracked(),
            draft.claim_id.get_untracked()
        );
        assert!(
            !fresh.claim_id.get_untracked().is_empty(),
            "the same claim id"
        );
        assert_eq!(fresh.typed.account.get_untracked(), "803 123 4567");
        assert_eq!(fresh.inquiry.get_untracked(), draft.inquiry.get_untracked());
        let documents = fresh.documents.get_untracked();
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].info, document_info(DocumentKind::Ktp));
        assert!(
            documents[0].content.is_none(),
            "the content stays on the server"
        );
        // Starting the same journey keeps it.
        fresh.begin(Programme::Jht, ClaimReason::Resigned);
        assert_eq!(fresh.snapshot(), draft.snapshot());
    });
    owner.unset();
}

#[wasm_bindgen_test]
fn no_journey_no_snapshot() {
    let owner = Owner::new();
    owner.with(|| assert_eq!(ClaimDraft::default().snapshot(), None));
    owner.unset();
}

#[wasm_bindgen_test]
fn a_draft_saved_under_other_rules_keeps_what_was_typed_and_asks_again() {
    let owner = Owner::new();
    owner.with(|| {
        let draft = half_answered();
        let snapshot = draft.snapshot().unwrap();
        let (migrated, dropped) = snapshot.clone().migrate("rules-of-last-year");
        assert!(dropped);
        assert_eq!(migrated.answers, None, "checked answers dropped");
        assert_eq!(migrated.inquiry, None, "the bank is asked again");
        assert_eq!(migrated.typed, snapshot.typed, "typed inputs kept");
        assert_eq!(migrated.documents, snapshot.documents, "documents kept");
        assert_eq!(migrated.claim_id, snapshot.claim_id, "the same claim id");

        let fresh = ClaimDraft::default();
        fresh.restore(migrated);
        let answers = fresh.answers.get_untracked().expect("a journey");
        assert_eq!(
            (answers.programme, answers.reason),
            (Programme::Jht, ClaimReason::Resigned)
        );
        assert_eq!(answers.event_on, None, "to be confirmed again");
        assert_eq!(answers.bank_account, None);
        assert_eq!(fresh.typed.event.day.get_untracked(), "20");
        assert_eq!(fresh.typed.account.get_untracked(), "803 123 4567");
    });
    owner.unset();
}

#[wasm_bindgen_test]
fn answers_that_no_longer_read_are_asked_again() {
    let owner = Owner::new();
    owner.with(|| {
        let mut snapshot: DraftSnapshot = half_answered().snapshot().unwrap();
        if let Some(serde_json::Value::Object(map)) = snapshot.answers.as_mut() {
            map.insert("a_field_of_old_rules".into(), serde_json::Value::Bool(true));
        }
        let json = snapshot.to_json();
        let read: DraftSnapshot = serde_json::from_str(&json).expect("still opens");
        let answers = read.checked_answers();
        assert_eq!(answers.event_on, None);
        assert_eq!(answers.programme, Programme::Jht);
    });
    owner.unset();
}

fn me(vault_id: &str) -> Me {
    Me {
        role: Role::Participant,
        display_name: "Rina".into(),
        participant: None,
        vault_id: vault_id.into(),
    }
}

/// Mounts an app-like owner (effects run) with a claim draft and a fix saved through [`Drafts`].
fn mounted() -> (
    ClaimDraft,
    FixDraft,
    Drafts,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let filled = slot.clone();
    let handle = leptos::mount::mount_to(container.unchecked_into(), move || {
        let (draft, fix) = (ClaimDraft::default(), FixDraft::default());
        let drafts = Drafts::provide(draft, fix, crate::offline::Outbox::provide());
        filled.set(Some((draft, fix, drafts)));
    });
    let (draft, fix, drafts) = slot.take().unwrap();
    (draft, fix, drafts, handle)
}

#[wasm_bindgen_test]
async fn a_change_is_saved_in_the_vault_and_read_back_by_a_new_tab() {
    let account = "drafts-test-account";
    let (draft, _, drafts, handle) = mounted();
    drafts.signed_in(&me(account));
    wait_ms(300).await;
    assert!(drafts.ready.get_untracked());
    draft.begin(Programme::Jht, ClaimReason::Resigned);
    draft.typed.kpj.set("99010000001".into());
    wait_ms(1000).await;
    let saved_at = drafts.saved_at.get_untracked().expect("saved");

    let vault = Vault::open(account).await.unwrap();
    let record = vault
        .open_record(CLAIM_DRAFT)
        .await
        .unwrap()
        .expect("a record");
    assert_eq!(record.rules_version, RULES_VERSION);
    let read: SavedDraft = serde_json::from_slice(&record.bytes).unwrap();
    assert_eq!(read.saved_at, saved_at);
    assert_eq!(read.draft.typed.kpj, "99010000001");
    drop(vault);
    drop(handle);

    // A new tab: its empty journey is filled from the vault.
    let (again, _, drafts, handle) = mounted();
    drafts.signed_in(&me(account));
    wait_ms(500).await;
    assert!(drafts.ready.get_untracked());
    assert_eq!(again.typed.kpj.get_untracked(), "99010000001");
    assert_eq!(drafts.saved_at.get_untracked(), Some(saved_at));
    assert!(!drafts.migrated.get_untracked());

    // Signed out: every vault is gone.
    drafts.forget(true);
    wait_ms(500).await;
    let left = crate::offline::idb::database_names()
        .await
        .unwrap_or_default();
    assert!(
        !left.iter().any(|n| n.starts_with("klaim-vault-")),
        "{left:?}"
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_fix_under_way_is_saved_and_read_back_then_deleted_once_sent() {
    let account = "fix-drafts-test-account";
    let (_, fix, drafts, handle) = mounted();
    drafts.signed_in(&me(account));
    wait_ms(300).await;
    fix.begin("claim-1");
    fix.draft.typed.account.set("8031234567".into());
    fix.outside_done.set(true);
    fix.draft.attach(Attached {
        info: document_info(DocumentKind::BankBook),
        content: None,
        original_bytes: None,
        sent: false,
    });
    wait_ms(1000).await;
    drop(handle);

    let (claim, again, drafts, handle) = mounted();
    drafts.signed_in(&me(account));
    wait_ms(500).await;
    assert!(
        claim.answers.get_untracked().is_none(),
        "no journey was made up"
    );
    assert_eq!(again.claim_id.get_untracked(), "claim-1");
    assert_eq!(again.draft.typed.account.get_untracked(), "8031234567");
    assert!(again.outside_done.get_untracked());
    let documents = again.draft.documents.get_untracked();
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0].info.kind, DocumentKind::BankBook);
    assert!(!documents[0].sent, "still waiting to be sent");
    assert!(!again.begin("claim-1"), "the page keeps the restored fix");

    // Sent: nothing of it stays on the phone.
    again.finish("claim-1");
    wait_ms(1000).await;
    let vault = Vault::open(account).await.unwrap();
    assert_eq!(vault.get(FIX_DRAFT).await.unwrap(), None);
    drop(vault);
    drafts.forget(true);
    wait_ms(300).await;
    drop(handle);
}

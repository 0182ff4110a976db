//! The follow-up logic in headless Chromium (it reads localStorage): the timeline drawn from a
//! claim, the fix built from the open items, the last known status kept and wiped.

use klaim_core::api::claim::{
    AttachedDocument, ClaimStatus, ClaimSummary, ClaimView, DocumentInfo, Outcome, StatusEvent,
};
use klaim_core::claim::{
    ActionItem, Actor, ClaimAnswers, ClaimReason, DocumentKind, Estimate, ItemTarget,
    OfficerReason, Programme, Question, ResubmissionProblem, Transition,
};
use klaim_core::document::FileType;
use klaim_core::{Bank, BankAccount, Date, Lang, Npwp, Rupiah};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::fix::{FixProblem, Fixed, OUTSIDE_FIELD, resubmission};
use super::known::{self, KnownClaim};
use super::timeline::{Step, StepName, StepState, timeline};

wasm_bindgen_test_configure!(run_in_browser);

const DAY: i64 = 86_400;
/// 2026-11-24 10:00 WIB.
const SUBMITTED: i64 = 1_795_489_200;

fn attached(id: &str, kind: DocumentKind) -> DocumentInfo {
    DocumentInfo {
        id: id.to_owned(),
        kind,
        file_type: FileType::Jpeg,
        bytes: 300_000,
        sha256: "0".repeat(64),
        uploaded_at: SUBMITTED - 600,
        in_claims: 1,
    }
}

fn event(status: ClaimStatus, at: i64, step: Option<Transition>, by: Actor) -> StatusEvent {
    StatusEvent {
        status,
        at,
        step,
        by,
    }
}

/// A JHT claim after resignation: KTP, bank book and proof of employment, BCA 8031234567.
fn claim(status: ClaimStatus, history: Vec<StatusEvent>, open_items: Vec<ActionItem>) -> ClaimView {
    let mut answers = ClaimAnswers::new(Programme::Jht, ClaimReason::Resigned);
    answers.event_on = Date::new(2026, 8, 20);
    answers.bank_account = Some(BankAccount::parse(Bank::Bca, "8031234567").unwrap());
    ClaimView {
        summary: ClaimSummary {
            id: "0b7c1f9e-8a4d-4c1e-9f57-2d1f3b6a9c01".to_owned(),
            reference: "KLM-26-7QX4-M2PA".to_owned(),
            programme: Programme::Jht,
            reason: ClaimReason::Resigned,
            status,
            submitted_at: SUBMITTED,
        },
        answers,
        documents: vec![
            attached("ktp-1", DocumentKind::Ktp),
            attached("book-1", DocumentKind::BankBook),
            attached("letter-1", DocumentKind::ProofOfEmployment),
        ],
        estimate: Estimate {
            lump_sum: Rupiah::from_u64(12_350_000),
            monthly: None,
            months: None,
            total: None,
            tax: Rupiah::ZERO,
            explanation_id: String::new(),
            explanation_en: String::new(),
        },
        decision_due_on: "2026-12-01".to_owned(),
        history,
        open_items,
        note: Some("Foto buku tabungan terpotong.".to_owned()),
        outcome: Outcome::default(),
    }
}

fn submitted_only() -> Vec<StatusEvent> {
    vec![event(
        ClaimStatus::Submitted,
        SUBMITTED,
        None,
        Actor::Claimant,
    )]
}

fn bank_book_request() -> Vec<ActionItem> {
    vec![ActionItem {
        reason: OfficerReason::DocumentUnreadable,
        target: ItemTarget::Document(DocumentKind::BankBook),
    }]
}

fn names_and_states(steps: &[Step]) -> Vec<(&'static str, StepState)> {
    steps.iter().map(|s| (s.name.as_str(), s.state)).collect()
}

#[wasm_bindgen_test]
fn a_new_claim_is_received_with_every_step_ahead_and_the_decision_due() {
    let view = claim(ClaimStatus::Submitted, submitted_only(), Vec::new());
    let steps = timeline(&view.summary, &view.history, &view.decision_due_on);
    assert_eq!(
        names_and_states(&steps),
        vec![
            ("submitted", StepState::Current),
            ("verifying", StepState::Upcoming),
            ("decision", StepState::Upcoming),
            ("paying", StepState::Upcoming),
            ("paid", StepState::Upcoming),
        ]
    );
    assert_eq!(steps[0].at, Some(SUBMITTED));
    let decision = steps.iter().find(|s| s.name == StepName::Decision).unwrap();
    assert_eq!(decision.due_on.as_deref(), Some("2026-12-01"));
    assert!(steps[1..].iter().all(|s| s.at.is_none()));
}

#[wasm_bindgen_test]
fn a_request_for_action_keeps_every_step_taken_and_leads_back_to_checking() {
    let history = vec![
        event(ClaimStatus::Submitted, SUBMITTED, None, Actor::Claimant),
        event(
            ClaimStatus::Verifying,
            SUBMITTED + DAY,
            Some(Transition::StartVerification),
            Actor::Officer,
        ),
        event(
            ClaimStatus::NeedsAction,
            SUBMITTED + DAY + 3600,
            Some(Transition::RequestAction),
            Actor::Officer,
        ),
    ];
    let view = claim(ClaimStatus::NeedsAction, history, bank_book_request());
    let steps = timeline(&view.summary, &view.history, &view.decision_due_on);
    assert_eq!(
        names_and_states(&steps),
        vec![
            ("submitted", StepState::Done),
            ("verifying", StepState::Done),
            ("needs_action", StepState::Current),
            ("verifying", StepState::Upcoming),
            ("decision", StepState::Upcoming),
            ("paying", StepState::Upcoming),
            ("paid", StepState::Upcoming),
        ]
    );
    assert_eq!(steps[2].at, Some(SUBMITTED + DAY + 3600));
}

#[wasm_bindgen_test]
fn a_claim_approved_by_the_rules_says_so_and_a_paid_claim_has_nothing_ahead() {
    let mut history = vec![
        event(ClaimStatus::Submitted, SUBMITTED, None, Actor::Claimant),
        event(
            ClaimStatus::Verifying,
            SUBMITTED + 1,
            Some(Transition::StartVerification),
            Actor::System,
        ),
        event(
            ClaimStatus::Approved,
            SUBMITTED + 2,
            Some(Transition::Approve),
            Actor::System,
        ),
    ];
    let approved = claim(ClaimStatus::Approved, history.clone(), Vec::new());
    let steps = timeline(
        &approved.summary,
        &approved.history,
        &approved.decision_due_on,
    );
    assert_eq!(
        steps.iter().map(|s| s.by_rule).collect::<Vec<_>>(),
        vec![false, true, true, false, false]
    );
    assert_eq!(
        names_and_states(&steps)[2..],
        [
            ("approved", StepState::Current),
            ("paying", StepState::Upcoming),
            ("paid", StepState::Upcoming),
        ]
    );
    // No deadline once decided.
    assert!(steps.iter().all(|s| s.due_on.is_none()));

    history.push(event(
        ClaimStatus::Paying,
        SUBMITTED + DAY,
        Some(Transition::StartPayment),
        Actor::Officer,
    ));
    history.push(event(
        ClaimStatus::Paid,
        SUBMITTED + 2 * DAY,
        Some(Transition::ConfirmPayment),
        Actor::Officer,
    ));
    let paid = claim(ClaimStatus::Paid, history, Vec::new());
    let steps = timeline(&paid.summary, &paid.history, &paid.decision_due_on);
    assert_eq!(steps.len(), 5);
    assert_eq!(steps[4].state, StepState::Current);
    assert!(steps[..4].iter().all(|s| s.state == StepState::Done));

    let rejected = claim(
        ClaimStatus::Rejected,
        vec![
            event(ClaimStatus::Submitted, SUBMITTED, None, Actor::Claimant),
            event(ClaimStatus::Verifying, SUBMITTED + 5, None, Actor::Officer),
            event(ClaimStatus::Rejected, SUBMITTED + 9, None, Actor::Officer),
        ],
        Vec::new(),
    );
    let steps = timeline(
        &rejected.summary,
        &rejected.history,
        &rejected.decision_due_on,
    );
    assert_eq!(steps.last().unwrap().name.as_str(), "rejected");
    assert_eq!(steps.last().unwrap().state, StepState::Current);
}

#[wasm_bindgen_test]
fn a_claim_without_history_still_shows_where_it_stands() {
    let view = claim(ClaimStatus::Verifying, Vec::new(), Vec::new());
    let steps = timeline(&view.summary, &view.history, &view.decision_due_on);
    assert_eq!(steps[0].name, StepName::Status(ClaimStatus::Verifying));
    assert_eq!(steps[0].state, StepState::Current);
    assert_eq!(steps[0].at, Some(SUBMITTED));
}

fn upload(id: &str, kind: DocumentKind) -> AttachedDocument {
    AttachedDocument {
        kind,
        document_id: id.to_owned(),
    }
}

#[wasm_bindgen_test]
fn only_the_reopened_document_and_answer_are_changed() {
    let mut items = bank_book_request();
    items.push(ActionItem {
        reason: OfficerReason::BankNameDiffers,
        target: ItemTarget::Answer(Question::BankAccount),
    });
    let view = claim(ClaimStatus::NeedsAction, submitted_only(), items);
    // The page holds more than was reopened: a new KTP and another event date are ignored.
    let mut answers = view.answers.clone();
    answers.bank_account = Some(BankAccount::parse(Bank::Bri, "002501009101507").unwrap());
    answers.event_on = Date::new(2026, 8, 21);
    let fixed = Fixed {
        answers,
        uploads: vec![
            upload("ktp-2", DocumentKind::Ktp),
            upload("book-2", DocumentKind::BankBook),
        ],
        outside_done: false,
    };
    let sent = resubmission(&view, &fixed).expect("a fix that can be sent");
    assert_eq!(
        sent.documents,
        vec![
            upload("ktp-1", DocumentKind::Ktp),
            upload("book-2", DocumentKind::BankBook),
            upload("letter-1", DocumentKind::ProofOfEmployment),
        ]
    );
    let mut expected = view.answers.clone();
    expected.bank_account = fixed.answers.bank_account.clone();
    assert_eq!(sent.answers, expected);
}

#[wasm_bindgen_test]
fn a_reopened_document_must_be_a_new_upload() {
    let view = claim(
        ClaimStatus::NeedsAction,
        submitted_only(),
        bank_book_request(),
    );
    let nothing = Fixed {
        answers: view.answers.clone(),
        uploads: Vec::new(),
        outside_done: false,
    };
    let problems = resubmission(&view, &nothing).unwrap_err();
    assert_eq!(
        problems,
        vec![FixProblem::Resubmission(
            ResubmissionProblem::DocumentNotReplaced(DocumentKind::BankBook)
        )]
    );
    assert_eq!(problems[0].field(), Some("bank_book"));
    // The same file again is no replacement.
    let same = Fixed {
        uploads: vec![upload("book-1", DocumentKind::BankBook)],
        ..nothing
    };
    assert!(resubmission(&view, &same).is_err());
}

#[wasm_bindgen_test]
fn a_document_asked_for_that_the_claim_lacked_is_added_and_outside_items_are_confirmed() {
    let items = vec![
        ActionItem {
            reason: OfficerReason::NpwpMissing,
            target: ItemTarget::Document(DocumentKind::Npwp),
        },
        ActionItem {
            reason: OfficerReason::NpwpMissing,
            target: ItemTarget::Answer(Question::Npwp),
        },
        ActionItem {
            reason: OfficerReason::MembershipStillActive,
            target: ItemTarget::Outside,
        },
    ];
    let view = claim(ClaimStatus::NeedsAction, submitted_only(), items);
    let mut answers = view.answers.clone();
    answers.npwp = Some(Npwp::parse("09.254.294.3-407.000").unwrap());
    let fixed = Fixed {
        answers,
        uploads: vec![upload("npwp-1", DocumentKind::Npwp)],
        outside_done: false,
    };
    let problems = resubmission(&view, &fixed).unwrap_err();
    assert_eq!(problems, vec![FixProblem::OutsideNotDone]);
    assert_eq!(problems[0].field(), Some(OUTSIDE_FIELD));
    let done = Fixed {
        outside_done: true,
        ..fixed
    };
    let sent = resubmission(&view, &done).unwrap();
    assert_eq!(
        sent.documents.last(),
        Some(&upload("npwp-1", DocumentKind::Npwp))
    );
    assert_eq!(sent.documents.len(), 4);
    assert!(sent.answers.npwp.is_some());
}

#[wasm_bindgen_test]
fn the_last_known_status_is_kept_without_the_answers_and_wiped_on_sign_out() {
    known::wipe();
    let view = claim(
        ClaimStatus::NeedsAction,
        submitted_only(),
        bank_book_request(),
    );
    known::save_claim(&view, SUBMITTED + 60);
    let back = known::load_claim(&view.summary.id).expect("remembered");
    assert_eq!(back.fetched_at, SUBMITTED + 60);
    assert_eq!(back.value, KnownClaim::of(&view));
    assert_eq!(back.value.open_items, view.open_items);

    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let stored = storage
        .get_item(&format!("klaim.follow.claim.{}", view.summary.id))
        .unwrap()
        .unwrap();
    for private in ["8031234567", "Foto buku", "ktp-1", "12350000"] {
        assert!(!stored.contains(private), "{private} kept in {stored}");
    }

    known::save_list(std::slice::from_ref(&view.summary), SUBMITTED + 70);
    let list = known::load_list().unwrap();
    assert_eq!((list.fetched_at, list.value.len()), (SUBMITTED + 70, 1));
    // A list without the claim (another person signed in here) drops it.
    known::save_list(&[], SUBMITTED + 80);
    assert!(known::load_claim(&view.summary.id).is_none());

    // Something unreadable (an older app's shape) is forgotten, not shown.
    storage
        .set_item("klaim.follow.list", "{\"old\":true}")
        .unwrap();
    assert!(known::load_list().is_none());
    assert!(storage.get_item("klaim.follow.list").unwrap().is_none());

    known::save_claim(&view, SUBMITTED + 90);
    known::save_list(std::slice::from_ref(&view.summary), SUBMITTED + 90);
    storage.set_item("klaim.lang", "en").unwrap();
    known::wipe();
    assert!(known::load_claim(&view.summary.id).is_none());
    assert!(known::load_list().is_none());
    assert_eq!(
        storage.get_item("klaim.lang").unwrap().as_deref(),
        Some("en")
    );
    storage.remove_item("klaim.lang").unwrap();
}

#[wasm_bindgen_test]
fn signing_out_wipes_the_last_known_status_and_the_fix_under_way() {
    let owner = Owner::new();
    owner.with(|| {
        crate::i18n::provide_i18n();
        crate::state::provide_state();
        let private = crate::state::Private::use_all();
        let view = claim(
            ClaimStatus::NeedsAction,
            submitted_only(),
            bank_book_request(),
        );
        known::save_claim(&view, SUBMITTED);
        private.fix.begin(&view.summary.id);
        private.fix.outside_done.set(true);
        private.inbox.unread.set(Some(2));
        // A session that ended clears the same as a sign-out, except the drafts vaults, whose
        // deletion (in the background) would race the vault's own tests in this page.
        private.wipe(crate::state::Notice::SignInNeeded);
        assert!(known::load_claim(&view.summary.id).is_none());
        assert!(private.fix.claim_id.get_untracked().is_empty());
        assert!(!private.fix.outside_done.get_untracked());
        assert_eq!(private.inbox.unread.get_untracked(), None);
    });
}

#[wasm_bindgen_test]
async fn what_to_fix_is_said_in_words_with_who_and_how_never_as_a_code() {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let items = vec![ActionItem {
        reason: OfficerReason::BankNameDiffers,
        target: ItemTarget::Document(DocumentKind::BankBook),
    }];
    let handle = leptos::mount::mount_to(container.clone(), move || {
        crate::i18n::provide_i18n().set(Lang::Id);
        let t = crate::i18n::Texts::of(Lang::Id);
        crate::components::needs_action_view(
            &items,
            Some("Nama di buku tabungan berbeda.".to_owned()),
            ClaimReason::Resigned,
            Some("/klaim-saya/x/perbaiki".to_owned()),
            t,
            Lang::Id,
        )
    });
    handle.forget();
    let text = container.text_content().unwrap();
    let reason = OfficerReason::BankNameDiffers;
    assert!(text.contains(reason.message(Lang::Id)), "{text}");
    assert!(text.contains(reason.fixer().title(Lang::Id)), "{text}");
    for step in reason.steps(Lang::Id) {
        assert!(text.contains(step), "{step} missing in {text}");
    }
    assert!(
        text.contains(DocumentKind::BankBook.name(Lang::Id)),
        "{text}"
    );
    assert!(text.contains("Nama di buku tabungan berbeda."), "{text}");
    assert!(!text.contains(reason.as_str()), "a bare code in {text}");
    let item = container
        .query_selector("[data-testid=action-item]")
        .unwrap()
        .unwrap();
    assert_eq!(
        item.get_attribute("data-target").as_deref(),
        Some("document:bank_book")
    );
    container.remove();
}

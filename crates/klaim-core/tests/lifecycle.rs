//! The claim lifecycle's rules as tables: every status × step × actor, the reason catalogue, an
//! officer's step parsed, and what a resubmission may change. Each table row goes through one
//! small `check(input, expected)`; the expected values are written out here, never computed by
//! the code under test.

use std::collections::HashSet;

use klaim_core::api::claim::AttachedDocument;
use klaim_core::api::office::OfficerStep;
use klaim_core::claim::*;
use klaim_core::*;

use Actor::{Claimant, Officer, System};
use ClaimStatus::*;

// ---- The state machine ----

/// The whole machine by hand: (step, from, to, who may take it).
const EDGES: [(Transition, ClaimStatus, ClaimStatus, &[Actor]); 7] = [
    (
        Transition::StartVerification,
        Submitted,
        Verifying,
        &[Officer, System],
    ),
    (
        Transition::RequestAction,
        Verifying,
        NeedsAction,
        &[Officer],
    ),
    (Transition::Resubmit, NeedsAction, Verifying, &[Claimant]),
    (Transition::Approve, Verifying, Approved, &[Officer, System]),
    (Transition::Reject, Verifying, Rejected, &[Officer]),
    (Transition::StartPayment, Approved, Paying, &[Officer]),
    (Transition::ConfirmPayment, Paying, Paid, &[Officer]),
];

const ACTORS: [Actor; 3] = [Claimant, Officer, System];

/// What the machine must answer, as codes: `Ok(status)` or the refusal's code.
fn expected(
    from: ClaimStatus,
    step: Transition,
    actor: Actor,
) -> Result<ClaimStatus, &'static str> {
    let (_, start, end, who) = EDGES.iter().find(|e| e.0 == step).unwrap();
    if !who.contains(&actor) {
        Err("claim.transition_forbidden")
    } else if *start != from {
        Err("claim.transition_invalid")
    } else {
        Ok(*end)
    }
}

fn check_transition(input: (ClaimStatus, Transition, Actor), expected: Result<ClaimStatus, &str>) {
    let (from, step, actor) = input;
    let got = transition(from, step, actor).map_err(|e| e.code());
    assert_eq!(got, expected, "{from:?} --{step:?}--> by {actor:?}");
}

#[test]
fn every_status_step_and_actor_is_decided_as_the_table_says() {
    let mut legal = 0;
    for from in ClaimStatus::ALL {
        for step in Transition::ALL {
            for actor in ACTORS {
                let want = expected(from, step, actor);
                legal += usize::from(want.is_ok());
                check_transition((from, step, actor), want);
            }
        }
    }
    // 7 steps; start and approve each by two actors.
    assert_eq!(legal, 9);
    assert_eq!(
        ClaimStatus::ALL.len() * Transition::ALL.len() * ACTORS.len(),
        147
    );
}

#[test]
fn refusals_say_who_and_when_in_both_languages() {
    let not_yours = transition(Verifying, Transition::Reject, System).unwrap_err();
    assert_eq!(
        not_yours,
        TransitionError::NotYours {
            step: Transition::Reject,
            actor: System
        }
    );
    let not_now = transition(Paid, Transition::Approve, Officer).unwrap_err();
    assert!(
        not_now.message(Lang::Id).contains("Dibayar"),
        "{}",
        not_now.message(Lang::Id)
    );
    assert!(
        not_now.message(Lang::En).contains("Paid"),
        "{}",
        not_now.message(Lang::En)
    );
    // The actor is checked first: the claimant never learns more about an officer's step.
    assert_eq!(
        transition(Paid, Transition::Approve, Claimant).map_err(|e| e.code()),
        Err("claim.transition_forbidden")
    );
}

#[test]
fn available_steps_are_exactly_the_legal_ones() {
    for status in ClaimStatus::ALL {
        for actor in ACTORS {
            let got: Vec<Transition> = Transition::available(status, actor).collect();
            let want: Vec<Transition> = EDGES
                .iter()
                .filter(|(_, from, _, who)| *from == status && who.contains(&actor))
                .map(|e| e.0)
                .collect();
            assert_eq!(got, want, "{status:?} for {actor:?}");
        }
    }
    // Nothing follows the two ends.
    for end in [Rejected, Paid] {
        for actor in ACTORS {
            assert_eq!(Transition::available(end, actor).count(), 0);
        }
    }
}

#[test]
fn statuses_steps_and_actors_read_back_from_their_words() {
    let words: Vec<&str> = ClaimStatus::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        words,
        [
            "submitted",
            "verifying",
            "needs_action",
            "approved",
            "rejected",
            "paying",
            "paid"
        ]
    );
    for status in ClaimStatus::ALL {
        assert_eq!(ClaimStatus::from_wire(status.as_str()), Some(status));
        let json = serde_json::to_string(&status).unwrap();
        assert_eq!(json, format!("\"{}\"", status.as_str()));
        assert!(!status.title(Lang::Id).is_empty() && !status.next_step(Lang::En).is_empty());
        assert_ne!(status.next_step(Lang::Id), status.next_step(Lang::En));
        assert_eq!(
            status.is_open(),
            !matches!(status, Rejected | Paid),
            "{status:?}"
        );
    }
    for step in Transition::ALL {
        assert_eq!(Transition::from_wire(step.as_str()), Some(step));
    }
    for actor in ACTORS {
        assert_eq!(Actor::from_wire(actor.as_str()), Some(actor));
    }
    assert_eq!(ClaimStatus::from_wire("draft"), None);
    assert_eq!(Transition::from_wire("delete"), None);
}

// ---- The reason catalogue ----

fn every_target() -> Vec<ItemTarget> {
    let mut targets: Vec<ItemTarget> = DocumentKind::ALL
        .into_iter()
        .map(ItemTarget::Document)
        .collect();
    targets.extend(Question::ALL.into_iter().map(ItemTarget::Answer));
    targets.push(ItemTarget::Outside);
    targets
}

#[test]
fn every_reason_has_text_steps_and_a_place_in_both_languages() {
    let mut codes = HashSet::new();
    for reason in OfficerReason::ALL {
        assert!(codes.insert(reason.as_str()), "{reason:?} code twice");
        assert_eq!(OfficerReason::from_wire(reason.as_str()), Some(reason));
        let (id, en) = (reason.message(Lang::Id), reason.message(Lang::En));
        assert!(id.len() > 20 && en.len() > 20, "{reason:?}");
        assert_ne!(id, en, "{reason:?}");
        assert!(!id.contains(reason.as_str()) && !en.contains(reason.as_str()));
        let (steps_id, steps_en) = (reason.steps(Lang::Id), reason.steps(Lang::En));
        assert!(!steps_id.is_empty(), "{reason:?} has no steps");
        assert_eq!(steps_id.len(), steps_en.len(), "{reason:?}");
        for (i, e) in steps_id.iter().zip(steps_en) {
            assert!(!i.is_empty() && !e.is_empty() && i != e, "{reason:?}");
        }
        assert!(
            reason.for_request() || reason.for_rejection(),
            "{reason:?} can be given nowhere"
        );
        let fitting = every_target()
            .into_iter()
            .filter(|t| reason.fits(*t))
            .count();
        assert!(fitting >= 1, "{reason:?} fits no target");
        assert!(!reason.fixer().title(Lang::Id).is_empty());
    }
    assert_eq!(codes.len(), 16);
}

/// Who can fix what, by hand, for the reasons the participant reads most.
#[test]
fn reasons_name_who_fixes_them_and_what_they_reopen() {
    let check = |input: (OfficerReason, ItemTarget), expected: bool| {
        assert_eq!(input.0.fits(input.1), expected, "{input:?}");
    };
    use DocumentKind::{BankBook, Ktp, Npwp};
    use ItemTarget::{Answer, Document, Outside};
    check((OfficerReason::BankNameDiffers, Document(BankBook)), true);
    check(
        (
            OfficerReason::BankNameDiffers,
            Answer(Question::BankAccount),
        ),
        true,
    );
    check((OfficerReason::BankNameDiffers, Document(Ktp)), false);
    check((OfficerReason::BankNameDiffers, Outside), false);
    check((OfficerReason::DocumentUnreadable, Document(Ktp)), true);
    check(
        (OfficerReason::DocumentUnreadable, Answer(Question::Kpj)),
        false,
    );
    check((OfficerReason::NpwpMissing, Document(Npwp)), true);
    check((OfficerReason::NpwpMissing, Answer(Question::Npwp)), true);
    check(
        (OfficerReason::EndDateDiffers, Answer(Question::EventDate)),
        true,
    );
    check((OfficerReason::MembershipStillActive, Outside), true);
    check((OfficerReason::MembershipStillActive, Document(Ktp)), false);
    check((OfficerReason::NotEligibleUntil, Outside), true);

    assert_eq!(OfficerReason::BankNameDiffers.fixer(), Fixer::Bank);
    assert_eq!(
        OfficerReason::MembershipStillActive.fixer(),
        Fixer::EmployerHr
    );
    assert_eq!(
        OfficerReason::NameDiffersFromCivilRegistry.fixer(),
        Fixer::CivilRegistry
    );
    assert_eq!(
        OfficerReason::DocumentUnreadable.fixer(),
        Fixer::Participant
    );
    assert_eq!(OfficerReason::AlreadyPaid.fixer(), Fixer::Nobody);
    // Only the dated refusal carries a date; rejection-only reasons cannot be fixed.
    for reason in OfficerReason::ALL {
        assert_eq!(
            reason.needs_date(),
            reason == OfficerReason::NotEligibleUntil
        );
        if !reason.for_request() {
            assert_eq!(reason.fixer(), Fixer::Nobody, "{reason:?}");
        }
    }
}

// ---- An officer's step, parsed ----

const COMPUTED: u64 = 12_350_000;

fn item(reason: OfficerReason, target: ItemTarget) -> ActionItem {
    ActionItem { reason, target }
}

fn stated(reason: OfficerReason, until: Option<&str>) -> StatedReason {
    StatedReason {
        reason,
        until: until.map(|d| Date::parse_iso(d).unwrap()),
    }
}

/// `Ok(decision)` or every problem as `field:code`.
fn check_decision(input: OfficerStep, expected: Result<Decision, Vec<&str>>) {
    let got = Decision::parse(&input, Rupiah::from_u64(COMPUTED)).map_err(|problems| {
        problems
            .iter()
            .map(|p| format!("{}:{}", p.field(), p.code()))
            .collect::<Vec<_>>()
    });
    let expected = expected.map_err(|codes| codes.iter().map(|c| c.to_string()).collect());
    assert_eq!(got, expected, "{input:?}");
}

#[test]
fn good_steps_parse_into_decisions() {
    let bank_book = item(
        OfficerReason::BankNameDiffers,
        ItemTarget::Document(DocumentKind::BankBook),
    );
    check_decision(
        OfficerStep::StartVerification,
        Ok(Decision::StartVerification),
    );
    check_decision(
        OfficerStep::RequestAction {
            items: vec![bank_book],
            note: Some("  Buku tabungan atas nama istri.  ".into()),
        },
        Ok(Decision::RequestAction {
            items: vec![bank_book],
            note: Some("Buku tabungan atas nama istri.".into()),
        }),
    );
    check_decision(
        OfficerStep::Approve {
            amount: None,
            justification: None,
        },
        Ok(Decision::Approve {
            amount: Rupiah::from_u64(COMPUTED),
            justification: None,
        }),
    );
    // The computed amount sent explicitly needs no justification, and a stray one is dropped.
    check_decision(
        OfficerStep::Approve {
            amount: Some(COMPUTED),
            justification: Some("sama".into()),
        },
        Ok(Decision::Approve {
            amount: Rupiah::from_u64(COMPUTED),
            justification: None,
        }),
    );
    check_decision(
        OfficerStep::Approve {
            amount: Some(10_000_000),
            justification: Some("Saldo dikoreksi setelah iuran Oktober dibatalkan.".into()),
        },
        Ok(Decision::Approve {
            amount: Rupiah::from_u64(10_000_000),
            justification: Some("Saldo dikoreksi setelah iuran Oktober dibatalkan.".into()),
        }),
    );
    check_decision(
        OfficerStep::Reject {
            reasons: vec![stated(OfficerReason::NotEligibleUntil, Some("2027-01-10"))],
            note: None,
        },
        Ok(Decision::Reject {
            reasons: vec![stated(OfficerReason::NotEligibleUntil, Some("2027-01-10"))],
            note: None,
        }),
    );
    check_decision(OfficerStep::StartPayment, Ok(Decision::StartPayment));
    let Ok(Decision::ConfirmPayment { transfer_reference }) = Decision::parse(
        &OfficerStep::ConfirmPayment {
            transfer_reference: " trf-20261124-0001 ".into(),
        },
        Rupiah::from_u64(COMPUTED),
    ) else {
        panic!("a good transfer reference");
    };
    assert_eq!(transfer_reference.as_str(), "TRF-20261124-0001");
}

#[test]
fn bad_steps_name_every_problem_and_its_field() {
    let unreadable_ktp = item(
        OfficerReason::DocumentUnreadable,
        ItemTarget::Document(DocumentKind::Ktp),
    );
    let request =
        |items: Vec<ActionItem>, note: Option<String>| OfficerStep::RequestAction { items, note };
    check_decision(request(vec![], None), Err(vec!["items:decision.no_items"]));
    check_decision(
        request(
            vec![item(OfficerReason::AlreadyPaid, ItemTarget::Outside)],
            None,
        ),
        Err(vec!["items:decision.reason_not_for_request"]),
    );
    check_decision(
        request(
            vec![item(
                OfficerReason::BankNameDiffers,
                ItemTarget::Document(DocumentKind::Ktp),
            )],
            None,
        ),
        Err(vec!["items:decision.target_does_not_fit"]),
    );
    check_decision(
        request(
            vec![
                unreadable_ktp,
                item(
                    OfficerReason::DocumentWrongKind,
                    ItemTarget::Document(DocumentKind::Ktp),
                ),
            ],
            Some("x".repeat(MAX_NOTE_CHARS + 1)),
        ),
        Err(vec![
            "items:decision.same_item_twice",
            "note:decision.note_too_long",
        ]),
    );
    let approve = |amount: Option<u64>, justification: Option<&str>| OfficerStep::Approve {
        amount,
        justification: justification.map(str::to_owned),
    };
    check_decision(
        approve(Some(10_000_000), None),
        Err(vec!["justification:decision.justification_needed"]),
    );
    check_decision(
        approve(Some(10_000_000), Some("   ")),
        Err(vec!["justification:decision.justification_needed"]),
    );
    check_decision(
        approve(Some(10_000_000), Some("koreksi saldo")),
        Err(vec!["justification:decision.justification_too_short"]),
    );
    check_decision(
        approve(Some(0), None),
        Err(vec![
            "amount:decision.amount_zero",
            "justification:decision.justification_needed",
        ]),
    );
    let reject = |reasons: Vec<StatedReason>| OfficerStep::Reject {
        reasons,
        note: None,
    };
    check_decision(reject(vec![]), Err(vec!["reasons:decision.no_reasons"]));
    check_decision(
        reject(vec![stated(OfficerReason::DocumentUnreadable, None)]),
        Err(vec!["reasons:decision.reason_not_for_rejection"]),
    );
    check_decision(
        reject(vec![stated(OfficerReason::NotEligibleUntil, None)]),
        Err(vec!["reasons:decision.date_needed"]),
    );
    check_decision(
        reject(vec![
            stated(OfficerReason::NotEligible, Some("2027-01-10")),
            stated(OfficerReason::NotEligible, None),
        ]),
        Err(vec![
            "reasons:decision.date_not_expected",
            "reasons:decision.same_reason_twice",
        ]),
    );
    let pay = |reference: &str| OfficerStep::ConfirmPayment {
        transfer_reference: reference.into(),
    };
    check_decision(
        pay("  "),
        Err(vec![
            "transfer_reference:decision.transfer_reference_missing",
        ]),
    );
    for bad in [
        "TRF1",
        "TRF 2026 0001",
        "TRF_20261124",
        &"A".repeat(41),
        "TRF-1124/01",
    ] {
        check_decision(
            pay(bad),
            Err(vec![
                "transfer_reference:decision.transfer_reference_invalid",
            ]),
        );
    }
}

#[test]
fn officer_steps_on_the_wire_are_tagged_and_refuse_unknown_fields() {
    let parse = |json: &str| serde_json::from_str::<OfficerStep>(json);
    assert_eq!(
        parse(r#"{"step":"start_verification"}"#).unwrap(),
        OfficerStep::StartVerification
    );
    let request = parse(
        r#"{"step":"request_action","items":[{"reason":"bank_name_differs","target":{"document":"bank_book"}}],"note":null}"#,
    )
    .unwrap();
    assert_eq!(
        request,
        OfficerStep::RequestAction {
            items: vec![item(
                OfficerReason::BankNameDiffers,
                ItemTarget::Document(DocumentKind::BankBook)
            )],
            note: None
        }
    );
    for bad in [
        r#"{"step":"approve","amount":null,"justification":null,"extra":1}"#,
        r#"{"step":"resubmit"}"#,
        r#"{"step":"approve","amount":-5,"justification":null}"#,
        r#"{"items":[]}"#,
    ] {
        assert!(parse(bad).is_err(), "{bad}");
    }
}

// ---- What a resubmission may change ----

fn answers() -> ClaimAnswers {
    let mut a = ClaimAnswers::new(Programme::Jht, ClaimReason::Resigned);
    a.kpj = Some(Kpj::parse("99010000001").unwrap());
    a.event_on = Some(Date::parse_iso("2026-08-20").unwrap());
    a.bank_account = Some(BankAccount::parse(Bank::Bri, "002301000123501").unwrap());
    a
}

fn doc(kind: DocumentKind, id: &str) -> AttachedDocument {
    AttachedDocument {
        kind,
        document_id: id.to_owned(),
    }
}

fn before_docs() -> Vec<AttachedDocument> {
    vec![
        doc(DocumentKind::Ktp, "ktp-1"),
        doc(DocumentKind::KpjCard, "kpj-1"),
        doc(DocumentKind::BankBook, "bank-1"),
    ]
}

struct Resubmitted {
    items: Vec<ActionItem>,
    answers: ClaimAnswers,
    docs: Vec<AttachedDocument>,
}

fn check_resubmitted(input: Resubmitted, expected: Result<(), Vec<&str>>) {
    let got = check_resubmission(
        &input.items,
        &answers(),
        &input.answers,
        &before_docs(),
        &input.docs,
    )
    .map_err(|problems| {
        problems
            .iter()
            .map(|p| format!("{}:{}", p.field().unwrap_or("-"), p.code()))
            .collect::<Vec<_>>()
    });
    let expected = expected.map_err(|codes| codes.iter().map(|c| c.to_string()).collect());
    assert_eq!(got, expected);
}

#[test]
fn only_reopened_items_may_change() {
    let bank_book = item(
        OfficerReason::BankNameDiffers,
        ItemTarget::Document(DocumentKind::BankBook),
    );
    let bank_answer = item(
        OfficerReason::BankNameDiffers,
        ItemTarget::Answer(Question::BankAccount),
    );
    let new_book = || {
        let mut docs = before_docs();
        docs[2] = doc(DocumentKind::BankBook, "bank-2");
        docs
    };
    let other_account = || {
        let mut a = answers();
        a.bank_account = Some(BankAccount::parse(Bank::Bca, "1234567890").unwrap());
        a
    };
    // The bank book replaced, in any order.
    let mut reordered = new_book();
    reordered.reverse();
    for docs in [new_book(), reordered] {
        check_resubmitted(
            Resubmitted {
                items: vec![bank_book],
                answers: answers(),
                docs,
            },
            Ok(()),
        );
    }
    // Not replaced: the same upload sent back, or none at all.
    check_resubmitted(
        Resubmitted {
            items: vec![bank_book],
            answers: answers(),
            docs: before_docs(),
        },
        Err(vec!["documents:resubmission.document_not_replaced"]),
    );
    check_resubmitted(
        Resubmitted {
            items: vec![bank_book],
            answers: answers(),
            docs: before_docs()[..2].to_vec(),
        },
        Err(vec!["documents:resubmission.document_not_replaced"]),
    );
    // The KTP was not reopened: replacing it (or dropping it) is refused.
    let mut ktp_too = new_book();
    ktp_too[0] = doc(DocumentKind::Ktp, "ktp-2");
    check_resubmitted(
        Resubmitted {
            items: vec![bank_book],
            answers: answers(),
            docs: ktp_too,
        },
        Err(vec!["documents:resubmission.document_not_reopened"]),
    );
    check_resubmitted(
        Resubmitted {
            items: vec![bank_book],
            answers: answers(),
            docs: new_book()[1..].to_vec(),
        },
        Err(vec!["documents:resubmission.document_not_reopened"]),
    );
    // Answers: a reopened one may change, another may not.
    check_resubmitted(
        Resubmitted {
            items: vec![bank_answer],
            answers: other_account(),
            docs: before_docs(),
        },
        Ok(()),
    );
    check_resubmitted(
        Resubmitted {
            items: vec![bank_book],
            answers: other_account(),
            docs: new_book(),
        },
        Err(vec!["bank_account:resubmission.answer_not_reopened"]),
    );
    let mut later = other_account();
    later.event_on = Some(Date::parse_iso("2026-08-21").unwrap());
    later.reason = ClaimReason::Dismissed;
    check_resubmitted(
        Resubmitted {
            items: vec![bank_answer],
            answers: later,
            docs: before_docs(),
        },
        Err(vec![
            "-:resubmission.claim_changed",
            "event_date:resubmission.answer_not_reopened",
        ]),
    );
    // Something fixed outside Klaim (HR deactivates the membership): sent back as it was.
    check_resubmitted(
        Resubmitted {
            items: vec![item(
                OfficerReason::MembershipStillActive,
                ItemTarget::Outside,
            )],
            answers: answers(),
            docs: before_docs(),
        },
        Ok(()),
    );
    // A reopened document that was never attached (an NPWP asked for) must be added.
    let npwp = item(
        OfficerReason::NpwpMissing,
        ItemTarget::Document(DocumentKind::Npwp),
    );
    check_resubmitted(
        Resubmitted {
            items: vec![npwp],
            answers: answers(),
            docs: before_docs(),
        },
        Err(vec!["documents:resubmission.document_not_replaced"]),
    );
    let mut with_npwp = before_docs();
    with_npwp.push(doc(DocumentKind::Npwp, "npwp-1"));
    check_resubmitted(
        Resubmitted {
            items: vec![npwp],
            answers: answers(),
            docs: with_npwp,
        },
        Ok(()),
    );
}

// ---- Wording of the new findings ----

#[test]
fn lifecycle_findings_follow_the_wording_rules() {
    let findings: Vec<Box<dyn Explain>> = vec![
        Box::new(TransitionError::NotYours {
            step: Transition::Approve,
            actor: Claimant,
        }),
        Box::new(TransitionError::NotNow {
            step: Transition::Approve,
            from: Paid,
        }),
        Box::new(ResubmissionProblem::ClaimChanged),
        Box::new(ResubmissionProblem::AnswerNotReopened(
            Question::BankAccount,
        )),
        Box::new(ResubmissionProblem::DocumentNotReopened(DocumentKind::Ktp)),
        Box::new(ResubmissionProblem::DocumentNotReplaced(
            DocumentKind::BankBook,
        )),
        Box::new(DecisionProblem::NoItems),
        Box::new(DecisionProblem::JustificationNeeded {
            computed: Rupiah::from_u64(COMPUTED),
        }),
        Box::new(DecisionProblem::TransferReferenceInvalid),
    ];
    let mut codes = HashSet::new();
    for f in &findings {
        let code = f.code();
        assert!(codes.insert(code), "{code} twice");
        let (area, reason) = code.split_once('.').unwrap();
        assert!(!area.is_empty() && !reason.is_empty(), "{code}");
        for lang in [Lang::Id, Lang::En] {
            let (message, hint) = (f.message(lang), f.hint(lang));
            assert!(!message.is_empty() && !hint.is_empty(), "{code}");
            assert!(
                !message.to_lowercase().contains("invalid"),
                "{code}: {message}"
            );
            assert!(!message.contains(code), "{code}: {message}");
        }
        assert_ne!(f.message(Lang::Id), f.message(Lang::En), "{code}");
    }
}

#[test]
fn the_amount_to_approve_is_the_total_else_monthly_else_the_lump_sum() {
    let estimate = |lump: u64, monthly: Option<u64>, total: Option<u64>| Estimate {
        lump_sum: Rupiah::from_u64(lump),
        monthly: monthly.map(Rupiah::from_u64),
        months: None,
        total: total.map(Rupiah::from_u64),
        tax: Rupiah::ZERO,
        explanation_id: String::new(),
        explanation_en: String::new(),
    };
    let check = |input: Estimate, expected: u64| {
        assert_eq!(
            input.amount_to_approve(),
            Rupiah::from_u64(expected),
            "{input:?}"
        );
    };
    // JKP: six monthly payments counted in the total.
    check(estimate(0, Some(3_000_000), Some(18_000_000)), 18_000_000);
    // A JP pension for life: one monthly payment.
    check(estimate(0, Some(450_000), None), 450_000);
    check(estimate(12_350_000, None, None), 12_350_000);
    check(estimate(12_350_000, None, Some(12_350_000)), 12_350_000);
}

#[test]
fn approval_by_rule_needs_jht_every_check_and_a_small_balance() {
    let today = Date::parse_iso("2026-11-24").unwrap();
    let passed = |check: AutoCheck| CheckResult {
        check,
        passed: true,
        note_id: String::new(),
        note_en: String::new(),
    };
    let all: Vec<CheckResult> = AutoCheck::ALL.into_iter().map(passed).collect();
    let estimate = |lump: u64| Estimate {
        lump_sum: Rupiah::from_u64(lump),
        monthly: None,
        months: None,
        total: Some(Rupiah::from_u64(lump)),
        tax: Rupiah::ZERO,
        explanation_id: String::new(),
        explanation_en: String::new(),
    };
    let check = |input: (Programme, &[CheckResult], u64), expected: bool| {
        let got = auto_approvable(input.0, input.1, &estimate(input.2), today);
        assert_eq!(
            got,
            expected,
            "{:?} {} checks, Rp {}",
            input.0,
            input.1.len(),
            input.2
        );
    };
    check((Programme::Jht, &all, 12_350_000), true);
    check((Programme::Jht, &all, 15_000_000), true);
    check((Programme::Jht, &all, 15_000_001), false);
    check((Programme::Jkp, &all, 1_000_000), false);
    check((Programme::Jht, &all[1..], 1_000_000), false);
    let mut one_failed = all.clone();
    one_failed[2].passed = false;
    check((Programme::Jht, &one_failed, 1_000_000), false);
}

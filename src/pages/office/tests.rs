//! The back office's pure parts in headless Chromium: the queue filter and its address, the
//! action forms made into officer steps and checked by klaim-core, where each role lands after
//! signing in; and the claim page drawn from a fixture (checks in words, documents inline, only
//! the steps offered).

use klaim_core::api::account::Role;
use klaim_core::api::claim::{ClaimStatus, ClaimSummary, ClaimView, DocumentInfo, Outcome};
use klaim_core::api::office::{OfficeClaim, OfficerStep, QueueFilter, RegistryRecord};
use klaim_core::claim::{
    ActionItem, AutoCheck, CheckResult, ClaimAnswers, ClaimReason, DocumentKind, Estimate,
    ItemTarget, OfficerReason, Programme, Question, Transition,
};
use klaim_core::document::FileType;
use klaim_core::message::Finding;
use klaim_core::{Bank, BankAccount, Date, Lang, Rupiah};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::audit::audit_path;
use super::filter::{filter_from_query, filter_query, parse_filter, queue_path};
use super::model::{
    approve_step, approved_amount, checked, reject_input, request_reasons, request_step,
    request_targets, target_key,
};
use crate::components::landing;
use crate::i18n::{OfficeTexts, provide_i18n};

wasm_bindgen_test_configure!(run_in_browser);

fn codes(found: &[Finding]) -> Vec<&'static str> {
    found.iter().map(|f| f.code).collect()
}

#[wasm_bindgen_test]
fn the_filter_goes_into_the_address_and_back() {
    let filter = QueueFilter {
        programme: Some(Programme::Jht),
        status: Some(ClaimStatus::NeedsAction),
        older_than_days: Some(3),
    };
    let query = filter_query(&filter);
    assert_eq!(query, "programme=jht&status=needs_action&older_than_days=3");
    assert_eq!(queue_path(&filter), format!("/petugas?{query}"));
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .map(|p| p.split_once('=').unwrap())
        .collect();
    let back = filter_from_query(|k| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| (*v).to_owned())
    });
    assert_eq!(back, filter);

    let nothing = QueueFilter::default();
    assert_eq!(filter_query(&nothing), "");
    assert_eq!(queue_path(&nothing), "/petugas");

    // An old or hand-made address: unknown words are ignored, not an error page.
    let odd = filter_from_query(|k| {
        Some(match k {
            "programme" => "jhx".to_owned(),
            "status" => "paid".to_owned(),
            _ => "many".to_owned(),
        })
    });
    assert_eq!(
        odd,
        QueueFilter {
            programme: None,
            status: Some(ClaimStatus::Paid),
            older_than_days: None,
        }
    );
}

#[wasm_bindgen_test]
fn the_filter_form_reads_choices_and_a_number_of_days() {
    let all = parse_filter("", "", "  ").unwrap();
    assert_eq!(all, QueueFilter::default());
    let some = parse_filter("jkm", "submitted", " 7 ").unwrap();
    assert_eq!(some.programme, Some(Programme::Jkm));
    assert_eq!(some.status, Some(ClaimStatus::Submitted));
    assert_eq!(some.older_than_days, Some(7));
    for typed in ["tiga", "-2", "1.5", "99999999999"] {
        let finding = parse_filter("", "", typed).unwrap_err();
        assert_eq!(finding.code, "office.filter_days", "{typed}");
        assert_eq!(finding.field, Some("older_than_days"));
        assert!(finding.message(Lang::Id).contains("angka"));
        assert!(finding.message(Lang::En).contains("number"));
    }
}

#[wasm_bindgen_test]
fn a_request_keeps_only_the_items_given_a_reason_in_page_order() {
    let rows = vec![
        (ItemTarget::Document(DocumentKind::Ktp), String::new()),
        (
            ItemTarget::Document(DocumentKind::BankBook),
            "bank_name_differs".to_owned(),
        ),
        (ItemTarget::Answer(Question::EventDate), String::new()),
        (ItemTarget::Outside, "membership_still_active".to_owned()),
    ];
    let step = request_step(&rows, "  Mohon segera.  ");
    assert_eq!(
        step,
        OfficerStep::RequestAction {
            items: vec![
                ActionItem {
                    reason: OfficerReason::BankNameDiffers,
                    target: ItemTarget::Document(DocumentKind::BankBook),
                },
                ActionItem {
                    reason: OfficerReason::MembershipStillActive,
                    target: ItemTarget::Outside,
                },
            ],
            note: Some("Mohon segera.".to_owned()),
        }
    );
    assert!(checked(step, 1_000_000).is_ok());

    // Nothing chosen: klaim-core's own problem, on the items.
    let none = request_step(&rows[..1], "   ");
    assert_eq!(
        none,
        OfficerStep::RequestAction {
            items: vec![],
            note: None
        }
    );
    let found = checked(none, 1_000_000).unwrap_err();
    assert_eq!(codes(&found), ["decision.no_items"]);
    assert_eq!(found[0].field, Some("items"));

    // A reason that does not fit its item is caught before sending.
    let misfit = request_step(
        &[(
            ItemTarget::Document(DocumentKind::Ktp),
            "bank_name_differs".to_owned(),
        )],
        "",
    );
    assert_eq!(
        codes(&checked(misfit, 1).unwrap_err()),
        ["decision.target_does_not_fit"]
    );
}

#[wasm_bindgen_test]
fn each_item_offers_only_the_request_reasons_that_fit_it() {
    for target in [
        ItemTarget::Document(DocumentKind::BankBook),
        ItemTarget::Answer(Question::BankAccount),
        ItemTarget::Outside,
    ] {
        let reasons = request_reasons(target);
        assert!(!reasons.is_empty(), "{target:?}");
        for r in reasons {
            assert!(r.for_request() && r.fits(target), "{r:?} for {target:?}");
        }
    }
    assert!(
        request_reasons(ItemTarget::Answer(Question::Kpj)).is_empty(),
        "no reason reopens the KPJ page"
    );
    assert_eq!(
        target_key(ItemTarget::Document(DocumentKind::BankBook)),
        "document-bank_book"
    );
    assert_eq!(
        target_key(ItemTarget::Answer(Question::BankAccount)),
        "answer-bank_account"
    );
}

#[wasm_bindgen_test]
fn the_items_offered_are_the_claims_documents_and_answers() {
    let c = fixture(false, vec![Transition::RequestAction]);
    let targets = request_targets(&c.claim);
    assert_eq!(
        targets,
        vec![
            ItemTarget::Document(DocumentKind::Ktp),
            ItemTarget::Document(DocumentKind::BankBook),
            ItemTarget::Answer(Question::EventDate),
            ItemTarget::Answer(Question::BankAccount),
            ItemTarget::Answer(Question::Npwp),
            ItemTarget::Outside,
        ],
        "the KPJ page is answered but no reason reopens it"
    );
}

#[wasm_bindgen_test]
fn an_approval_names_its_amount_and_justifies_a_change() {
    assert_eq!(
        approve_step("", "").unwrap(),
        OfficerStep::Approve {
            amount: None,
            justification: None
        }
    );
    assert_eq!(approved_amount("", 4_250_000), 4_250_000);
    assert_eq!(approved_amount("Rp 4.000.000", 4_250_000), 4_000_000);
    assert_eq!(approved_amount("empat juta", 4_250_000), 4_250_000);

    let typo = approve_step("4.00.000", "").unwrap_err();
    assert_eq!(typo[0].field, Some("amount"));

    let changed = approve_step("Rp 4.000.000", "").unwrap();
    let found = checked(changed, 4_250_000).unwrap_err();
    assert_eq!(codes(&found), ["decision.justification_needed"]);
    assert_eq!(found[0].field, Some("justification"));
    assert!(found[0].message(Lang::Id).contains("Rp 4.250.000"));

    let short = approve_step("4000000", "terlalu").unwrap();
    assert_eq!(
        codes(&checked(short, 4_250_000).unwrap_err()),
        ["decision.justification_too_short"]
    );
    let justified = approve_step(
        "4000000",
        "Saldo dikurangi pengambilan 10% pada tahun 2024.",
    )
    .unwrap();
    assert!(checked(justified, 4_250_000).is_ok());
    // The computed amount typed out needs no justification.
    assert!(checked(approve_step("Rp 4.250.000", "").unwrap(), 4_250_000).is_ok());
}

#[wasm_bindgen_test]
fn a_rejection_dates_only_the_reason_that_needs_a_date() {
    let on = Date::new(2027, 3, 14).unwrap();
    let step = reject_input(
        &[OfficerReason::NotEligibleUntil, OfficerReason::NotEligible],
        Some(Ok(on)),
        "",
        1,
    )
    .unwrap();
    let OfficerStep::Reject { reasons, note } = step else {
        panic!("a rejection");
    };
    assert_eq!(note, None);
    assert_eq!(reasons.len(), 2);
    // Catalogue order, whatever order they were ticked in.
    assert_eq!(reasons[0].reason, OfficerReason::NotEligibleUntil);
    assert_eq!(reasons[0].until, Some(on));
    assert_eq!(reasons[1].until, None);

    // The date boxes did not read: that finding, without klaim-core's "date needed" on top.
    let unreadable = crate::claim::Said {
        code: "date.missing",
        message: |t| t.date_missing,
        hint: |t| t.date_hint,
    }
    .about("until");
    let found = reject_input(
        &[OfficerReason::NotEligibleUntil],
        Some(Err(unreadable)),
        &"x".repeat(1001),
        1,
    )
    .unwrap_err();
    assert_eq!(codes(&found), ["date.missing", "decision.note_too_long"]);

    assert_eq!(
        codes(&reject_input(&[], None, "", 1).unwrap_err()),
        ["decision.no_reasons"]
    );
    // A reason the participant can fix is for a request, not a rejection.
    assert_eq!(
        codes(
            &checked(
                super::model::reject_step(&[OfficerReason::DocumentUnreadable], None, ""),
                1
            )
            .unwrap_err()
        ),
        ["decision.reason_not_for_rejection"]
    );
}

#[wasm_bindgen_test]
fn a_payment_needs_the_banks_reference() {
    let missing = OfficerStep::ConfirmPayment {
        transfer_reference: "  ".to_owned(),
    };
    let found = checked(missing, 1).unwrap_err();
    assert_eq!(codes(&found), ["decision.transfer_reference_missing"]);
    assert_eq!(found[0].field, Some("transfer_reference"));
    let fine = OfficerStep::ConfirmPayment {
        transfer_reference: "trf-20261124-0001".to_owned(),
    };
    assert!(checked(fine, 1).is_ok());
}

#[wasm_bindgen_test]
fn each_role_lands_on_its_own_pages_after_signing_in() {
    assert_eq!(
        landing(Role::Participant, "/klaim-saya/1".into()),
        "/klaim-saya/1"
    );
    assert_eq!(landing(Role::Officer, "/akun".into()), "/petugas");
    assert_eq!(landing(Role::Officer, "/klaim-saya".into()), "/petugas");
    assert_eq!(
        landing(Role::Officer, "/petugas/klaim/abc".into()),
        "/petugas/klaim/abc"
    );
    assert_eq!(
        landing(Role::Officer, "/petugas?status=submitted".into()),
        "/petugas?status=submitted"
    );
    assert_eq!(landing(Role::Officer, "/petugas/audit".into()), "/petugas");
    assert_eq!(landing(Role::Admin, "/akun".into()), "/petugas/audit");
    assert_eq!(landing(Role::Admin, "/petugas".into()), "/petugas/audit");
    assert_eq!(
        landing(Role::Admin, "/petugas/audit?claim_id=x".into()),
        "/petugas/audit?claim_id=x"
    );
}

#[wasm_bindgen_test]
fn the_audit_filter_is_one_encoded_claim_id() {
    assert_eq!(audit_path("  "), "/petugas/audit");
    assert_eq!(audit_path(" abc-1 "), "/petugas/audit?claim_id=abc-1");
    assert_eq!(audit_path("a&b=c"), "/petugas/audit?claim_id=a%26b%3Dc");
}

#[wasm_bindgen_test]
fn every_reason_has_its_own_short_title_in_both_languages() {
    for lang in [Lang::Id, Lang::En] {
        let o = OfficeTexts::of(lang);
        assert_eq!(o.lang, lang);
        let titles: Vec<&str> = OfficerReason::ALL
            .iter()
            .map(|r| o.reason_title(*r))
            .collect();
        for (i, t) in titles.iter().enumerate() {
            assert!(!t.is_empty());
            assert!(!titles[..i].contains(t), "{t} twice");
        }
    }
    assert_eq!(
        OfficeTexts::of(Lang::Id).reason_title(OfficerReason::BankNameDiffers),
        "Rekening atas nama orang lain"
    );
}

/// A JHT claim in verification: two documents (a photo and a PDF), two checks.
fn fixture(own: bool, available: Vec<Transition>) -> OfficeClaim {
    let mut answers = ClaimAnswers::new(Programme::Jht, ClaimReason::Resigned);
    answers.kpj = Some(klaim_core::Kpj::parse("99010000001").unwrap());
    answers.event_on = Date::new(2026, 8, 21);
    answers.bank_account = Some(BankAccount::parse(Bank::Bca, "8031234567").unwrap());
    let document = |id: &str, kind, file_type| DocumentInfo {
        id: id.to_owned(),
        kind,
        file_type,
        bytes: 340_000,
        sha256: "0".repeat(64),
        uploaded_at: 1_790_000_000,
        in_claims: 1,
    };
    let record = RegistryRecord {
        full_name: "Rina Wulandari".to_owned(),
        nik: "3374055205919001".to_owned(),
        birth_date: "1991-05-12".to_owned(),
        memberships: vec![],
    };
    OfficeClaim {
        claim: ClaimView {
            summary: ClaimSummary {
                id: "c-1".to_owned(),
                reference: "KLM-26-7QX4-M2PA".to_owned(),
                programme: Programme::Jht,
                reason: ClaimReason::Resigned,
                status: ClaimStatus::Verifying,
                submitted_at: 1_790_000_000,
            },
            answers,
            documents: vec![
                document("d-ktp", DocumentKind::Ktp, FileType::Jpeg),
                document("d-book", DocumentKind::BankBook, FileType::Pdf),
            ],
            estimate: Estimate {
                lump_sum: Rupiah::from_u64(4_250_000),
                monthly: None,
                months: None,
                total: Some(Rupiah::from_u64(4_250_000)),
                tax: Rupiah::ZERO,
                explanation_id: String::new(),
                explanation_en: String::new(),
            },
            decision_due_on: "2026-11-30".to_owned(),
            history: vec![],
            open_items: vec![],
            note: None,
            outcome: Outcome::default(),
        },
        participant: record,
        claimant: None,
        bank_holder: Some("RINA WULANDARI".to_owned()),
        checks: vec![
            CheckResult {
                check: AutoCheck::IdentityMatches,
                passed: true,
                note_id: "Nama, NIK, dan tanggal lahir cocok.".to_owned(),
                note_en: "Name, NIK and birth date match.".to_owned(),
            },
            CheckResult {
                check: AutoCheck::MembershipInactive,
                passed: false,
                note_id: "Kepesertaan masih aktif.".to_owned(),
                note_en: "The membership is still active.".to_owned(),
            },
        ],
        computed_amount: 4_250_000,
        available,
        own,
    }
}

/// Lets effects and the browser's rendering run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Draws the claim page's body for `claim` (no request is made: the desk's resource is never
/// read) in a fresh container, in Indonesian.
fn mount_claim(claim: OfficeClaim) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_i18n().set(Lang::Id);
        let resource = LocalResource::new(|| async {
            Err::<OfficeClaim, crate::api::Failure>(crate::api::Failure::Offline)
        });
        let desk = super::actions::Desk::new("c-1".to_owned(), resource);
        view! {
            <Router>
                {super::claim::claim_view(claim, desk)}
            </Router>
        }
    });
    handle.forget();
    container
}

fn all(container: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::HtmlElement> {
    let found = container.query_selector_all(selector).unwrap();
    (0..found.length())
        .map(|i| found.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn checks_read_in_words_and_documents_show_inline() {
    let container = mount_claim(fixture(false, vec![Transition::Approve]));
    settle().await;
    let checks = all(&container, "[data-testid=check]");
    assert_eq!(checks.len(), 2);
    assert_eq!(
        checks[0].get_attribute("data-passed").as_deref(),
        Some("true")
    );
    let first = checks[0].text_content().unwrap();
    assert!(first.contains('✓') && first.contains("Lolos"), "{first}");
    let second = checks[1].text_content().unwrap();
    assert!(
        second.contains('✗') && second.contains("Tidak lolos") && second.contains("masih aktif"),
        "{second}"
    );

    let image = one(&container, "[data-testid=document-image]");
    assert_eq!(
        image.get_attribute("src").as_deref(),
        Some("/api/v1/office/claims/c-1/documents/d-ktp/content")
    );
    assert!(image.get_attribute("alt").unwrap().contains("KTP"));
    let pdf = one(&container, "[data-testid=document-pdf]");
    assert_eq!(
        pdf.get_attribute("src").as_deref(),
        Some("/api/v1/office/claims/c-1/documents/d-book/content")
    );
    let tabs = all(&container, "[data-testid=open-document]");
    assert_eq!(tabs.len(), 2);
    assert_eq!(tabs[1].get_attribute("target").as_deref(), Some("_blank"));

    let registry = one(&container, "[data-testid=registry-participant]")
        .text_content()
        .unwrap();
    assert!(
        registry.contains("3374055205919001"),
        "officers see the NIK whole"
    );
    let holder = one(&container, "[data-testid=bank-holder]")
        .text_content()
        .unwrap();
    assert!(holder.contains("RINA WULANDARI"));
    container.remove();
}

#[wasm_bindgen_test]
async fn an_own_claim_shows_no_action_and_says_why() {
    let container = mount_claim(fixture(true, vec![Transition::Approve]));
    settle().await;
    assert!(
        container
            .query_selector("[data-testid=own-claim]")
            .unwrap()
            .is_some()
    );
    let why = one(&container, "[data-testid=own-no-actions]")
        .text_content()
        .unwrap();
    assert!(why.contains("klaim Anda sendiri"), "{why}");
    assert!(all(&container, "[data-testid^=take-]").is_empty());
    container.remove();
}

#[wasm_bindgen_test]
async fn an_approval_is_checked_before_sending_and_keeps_what_was_typed() {
    let available = vec![
        Transition::RequestAction,
        Transition::Approve,
        Transition::Reject,
    ];
    let container = mount_claim(fixture(false, available));
    settle().await;
    assert_eq!(all(&container, "input[name=action]").len(), 3);
    assert!(
        all(&container, "[data-testid^=take-]").is_empty(),
        "no form before a choice"
    );

    one(&container, "[data-testid=action-approve]").click();
    settle().await;
    let button = one(&container, "[data-testid=take-approve]");
    assert_eq!(button.text_content().unwrap(), "Setujui Rp 4.250.000");

    let amount: web_sys::HtmlInputElement = one(&container, "#amount").unchecked_into();
    amount.set_value("Rp 4.000.000");
    amount
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(button.text_content().unwrap(), "Setujui Rp 4.000.000");

    button.click();
    settle().await;
    let summary = one(&container, "[data-testid=error-summary]")
        .text_content()
        .unwrap();
    assert!(summary.contains("Tulis alasannya"), "{summary}");
    assert_eq!(
        one(&container, "#justification")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    let kept: web_sys::HtmlInputElement = one(&container, "#amount").unchecked_into();
    assert_eq!(kept.value(), "Rp 4.000.000");
    container.remove();
}

#[wasm_bindgen_test]
async fn a_request_previews_what_the_participant_reads_and_who_fixes_it() {
    let container = mount_claim(fixture(false, vec![Transition::RequestAction]));
    settle().await;
    // The only step: its form is open at once.
    let select: web_sys::HtmlSelectElement =
        one(&container, "[data-testid=reason-document-bank_book]").unchecked_into();
    let offered: Vec<String> = (0..select.length())
        .map(|i| select.item(i).unwrap().get_attribute("value").unwrap())
        .collect();
    assert!(offered.contains(&"bank_name_differs".to_owned()));
    assert!(
        !offered.contains(&"membership_still_active".to_owned()),
        "only reasons that fit a bank book"
    );
    assert!(
        container
            .query_selector("[data-testid=preview]")
            .unwrap()
            .is_none()
    );
    select.set_value("bank_name_differs");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    let preview = one(&container, "[data-testid=preview]")
        .text_content()
        .unwrap();
    assert!(preview.contains("atas nama orang lain"), "{preview}");
    assert!(preview.contains("Bank Anda"), "{preview}");

    // Sent with nothing else wrong, the page would call the server; an empty request is not.
    select.set_value("");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    one(&container, "[data-testid=take-request_action]").click();
    settle().await;
    let summary = one(&container, "[data-testid=error-summary]")
        .text_content()
        .unwrap();
    assert!(summary.contains("paling sedikit satu"), "{summary}");
    container.remove();
}

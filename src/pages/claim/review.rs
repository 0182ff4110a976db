//! "Periksa jawaban Anda": every answer with an "Ubah" link that returns here, the documents, the
//! estimate; klaim-core's submission gate runs in the browser first, its problems link to the
//! page that fixes them. The button names the action ("Kirim klaim JHT"); the claim id was made
//! once for the journey, so a retry or a double click sends the same claim. Sending goes through
//! the outbox: without a connection the claim waits there ("Belum terkirim") and "Klaim saya"
//! shows it; a bank account not yet checked (the inquiry needs the network) is checked by the
//! server when the claim arrives.

use klaim_core::api::ApiError;
use klaim_core::api::claim::{AttachedDocument, ClaimSubmission};
use klaim_core::claim::ClaimProblem::BankHolderNotChecked;
use klaim_core::claim::{ClaimProblem, ClaimReason, Programme, Question, assess, questions};
use klaim_core::message::Finding;
use klaim_core::{Lang, RULES_VERSION};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::{Ready, back_link, journey_page, page_title, with_facts};
use crate::api::Failure;
use crate::browser::today;
use crate::claim::steps::{self, Step};
use crate::claim::words::{answer_words, programme_words, question_label, size_words};
use crate::claim::{ClaimDraft, check_ready};
use crate::components::{RequestTrouble, estimate_view, summary_row};
use crate::form::{FormState, findings};
use crate::format::now_unix_seconds;
use crate::i18n::{OutboxTexts, Texts, tr, use_i18n};
use crate::offline::{Delivery, Outbox, QueuedClaim, QueuedDocument};

#[component]
pub fn ReviewPage() -> impl IntoView {
    journey_page(|programme, reason| {
        let form = FormState::new();
        page_title(Some(form.errors), |t, _| t.review_title.to_owned());
        view! {
            {back_link(steps::path(
                programme,
                reason,
                if steps::uses_task_list(programme, reason) { Step::Tasks } else { Step::Documents },
            ))}
            {with_facts(programme, reason, move |ready| review(programme, reason, ready, form))}
        }
        .into_any()
    })
}

/// One thing to fix before sending, with where it is fixed.
#[derive(Clone)]
struct Fix {
    finding: Finding,
    href: Option<String>,
}

fn review(programme: Programme, reason: ClaimReason, ready: Ready, form: FormState) -> AnyView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let outbox = expect_context::<Outbox>();
    let navigate = use_navigate();
    let Ready { facts, claimant } = ready;
    let fixes = RwSignal::new(Vec::<Fix>::new());
    let list = NodeRef::<html::Div>::new();

    // The gate, run on what is in the draft now. An account the bank could not be asked about
    // (no connection on the bank page) does not stop the claim: the server asks when it arrives.
    let gate = {
        let (facts, claimant) = (facts.clone(), claimant.clone());
        move || {
            let answers = draft.answers_for(programme, reason);
            let checked = check_ready(
                &facts,
                &claimant,
                &answers,
                &draft.attached_kinds(),
                draft.inquiry.get_untracked().as_ref(),
                today(),
            );
            match checked {
                Ok(_) => Ok(()),
                Err(mut problems) => {
                    problems.retain(|p| *p != BankHolderNotChecked);
                    if problems.is_empty() {
                        Ok(())
                    } else {
                        Err(problems)
                    }
                }
            }
        }
    };
    let bank_unchecked = move || {
        draft.inquiry.with(Option::is_none)
            && draft
                .answers
                .with(|a| a.as_ref().is_some_and(|a| a.bank_account.is_some()))
    };
    let problems_now = move |problems: Vec<ClaimProblem>| -> Vec<Fix> {
        problems
            .into_iter()
            .map(|p| {
                let href = match p {
                    ClaimProblem::Blocked(_) => steps::path(programme, reason, Step::Results),
                    _ => steps::fix_path(programme, reason, p.field()),
                };
                Fix {
                    finding: Finding::of(p.field(), &p),
                    href: Some(href),
                }
            })
            .collect()
    };
    fixes.set(gate().err().map(problems_now).unwrap_or_default());

    let on_submit = {
        let gate = gate.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if form.busy.get_untracked() {
                return;
            }
            if let Err(problems) = gate() {
                fixes.set(problems_now(problems));
                focus(list);
                return;
            }
            if !form.begin() {
                return;
            }
            let answers = draft.answers_for(programme, reason);
            let submission = ClaimSubmission {
                rules_version: RULES_VERSION.to_owned(),
                answers,
                documents: draft.documents.with_untracked(|d| {
                    d.iter()
                        .map(|a| AttachedDocument {
                            kind: a.info.kind,
                            document_id: a.info.id.clone(),
                        })
                        .collect()
                }),
            };
            let Some(queued) = queued_claim(draft, submission) else {
                return;
            };
            let navigate = navigate.clone();
            spawn_local(async move {
                match outbox.send(queued).await {
                    Delivery::Delivered(view) => {
                        form.succeed();
                        let to = format!("/klaim/terkirim/{}", view.summary.id);
                        draft.finish(*view);
                        navigate(&to, Default::default());
                    }
                    Delivery::Later => {
                        form.succeed();
                        draft.queued();
                        navigate("/klaim-saya", Default::default());
                    }
                    Delivery::Refused(errors) => {
                        form.busy.set(false);
                        let found = findings(&errors, &[]);
                        fixes.set(
                            found
                                .into_iter()
                                .zip(errors.iter())
                                .map(|(finding, e)| Fix {
                                    href: server_fix(e, programme, reason),
                                    finding,
                                })
                                .collect(),
                        );
                        focus(list);
                    }
                    // Kept in the outbox; after signing in again it is sent from there.
                    Delivery::SignIn => {
                        draft.queued();
                        form.fail(
                            Failure::Api {
                                status: 401,
                                errors: Vec::new(),
                            },
                            &[],
                        );
                    }
                }
            });
        }
    };

    let answers_view = move || {
        let t = i18n.t();
        let lang = i18n.lang();
        // Read, never begun here: once the claim is sent or queued the journey is cleared while
        // this page is still drawn, and starting a new one then would leave an empty draft.
        let answers = draft.answers.get_untracked()?;
        let claim_rows = view! {
            {summary_row(
                t.review_programme.to_owned(),
                programme_words(programme, lang),
                Some(format!("/klaim/{}", programme.as_str())),
                "answer-programme",
            )}
            {summary_row(
                t.review_reason.to_owned(),
                reason.label(lang).to_owned(),
                Some(format!("/klaim/{}", programme.as_str())),
                "answer-reason",
            )}
        };
        let answer_rows = questions(&facts, &answers)
            .into_iter()
            .map(|q| {
                summary_row(
                    question_label(q, reason, lang).to_owned(),
                    answer_words(q, &answers, false, lang)
                        .unwrap_or_else(|| t.not_answered.to_owned()),
                    Some(steps::fix_path(programme, reason, Some(q.as_str()))),
                    "answer",
                )
            })
            .collect_view();
        let documents = draft.documents.with(|d| {
            d.iter()
                .map(|a| {
                    summary_row(
                        a.info.kind.name(lang).to_owned(),
                        format!(
                            "{} · {}",
                            a.info.file_type.as_str().to_uppercase(),
                            size_words(a.info.bytes, lang)
                        ),
                        Some(steps::fix_path(
                            programme,
                            reason,
                            Some(steps::DOCUMENTS_FIELD),
                        )),
                        "answer-document",
                    )
                })
                .collect_view()
        });
        let estimate = assess(&facts, &claimant, &answers, today()).estimate;
        Some(view! {
            <h2>{t.review_claim_heading}</h2>
            <dl class="summary-list">{claim_rows}</dl>
            <h2>{t.review_answers_heading}</h2>
            <dl class="summary-list" data-testid="answers">{answer_rows}</dl>
            <h2>{t.review_documents_heading}</h2>
            <dl class="summary-list" data-testid="review-documents">{documents}</dl>
            <h2>{t.estimate_heading}</h2>
            {estimate_view(&estimate, t, lang)}
        })
    };

    view! {
        <div node_ref=list tabindex="-1" class="review-problems-anchor">
            {move || problems_view(fixes.get(), i18n.t(), i18n.lang())}
        </div>
        <h1>{tr(|t| t.review_title)}</h1>
        <p class="lead">{tr(|t| t.review_lead)}</p>
        {answers_view}
        <Show when=bank_unchecked>
            <p class="notice" data-testid="bank-unchecked">
                {move || OutboxTexts::of(i18n.lang()).bank_unchecked}
            </p>
        </Show>
        <form novalidate on:submit=on_submit data-testid="submit-form">
            <p>{tr(|t| t.review_declaration)}</p>
            <RequestTrouble trouble=form.trouble />
            <button
                type="submit"
                class="button"
                data-testid="submit-claim"
                disabled=move || form.busy.get()
                aria-busy=move || form.busy.get().then_some("true")
            >
                {move || {
                    let t = i18n.t();
                    if form.busy.get() { t.busy } else { (t.submit_claim)(programme) }
                }}
            </button>
        </form>
    }
    .into_any()
}

/// The problems as a list with links to the page that fixes each.
fn problems_view(fixes: Vec<Fix>, t: &'static Texts, lang: Lang) -> Option<impl IntoView> {
    if fixes.is_empty() {
        return None;
    }
    let items = fixes
        .into_iter()
        .map(|fix| {
            let message = fix.finding.message(lang).to_owned();
            let hint = fix.finding.hint(lang).to_owned();
            let text = match fix.href {
                Some(href) => view! { <a href=href>{message}</a> }.into_any(),
                None => view! { <span>{message}</span> }.into_any(),
            };
            view! {
                <li data-testid="review-problem" data-code=fix.finding.code>
                    {text}
                    {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <div
            class="error-summary"
            role="alert"
            aria-labelledby="review-problems-title"
            data-testid="review-problems"
        >
            <h2 id="review-problems-title">{t.review_problems_title}</h2>
            <ul>{items}</ul>
        </div>
    })
}

/// Where a refusal of the server is fixed: an open claim is in "Klaim saya"; rules that changed
/// mean starting over; a problem about a page (the `field` of klaim-core's gate) on that page.
fn server_fix(error: &ApiError, programme: Programme, reason: ClaimReason) -> Option<String> {
    match error.code.as_str() {
        "claim.already_open" => Some("/klaim-saya".to_owned()),
        "claim.rules_changed" => Some(format!("/klaim/{}", programme.as_str())),
        _ => error
            .field
            .as_deref()
            .filter(|f| *f == steps::DOCUMENTS_FIELD || Question::from_wire(f).is_some())
            .map(|f| steps::fix_path(programme, reason, Some(f))),
    }
}

/// The claim as the outbox keeps it: the journey, the submission and its documents in order.
fn queued_claim(draft: ClaimDraft, submission: ClaimSubmission) -> Option<QueuedClaim> {
    let snapshot = untrack(|| draft.snapshot())?;
    let documents = draft
        .documents
        .with_untracked(|d| d.iter().map(QueuedDocument::of).collect());
    Some(QueuedClaim::new(
        snapshot,
        submission,
        documents,
        now_unix_seconds(),
    ))
}

fn focus(list: NodeRef<html::Div>) {
    if let Some(el) = list.get_untracked() {
        let _ = el.focus();
    }
}

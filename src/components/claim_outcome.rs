//! Where a claim stands, for its page: the status in plain words with what it means and the
//! decision's deadline while undecided; once decided, the outcome (the approved amount, the
//! bank's transfer reference when paid, or each reason for a rejection with what can be done).

use klaim_core::Lang;
use klaim_core::api::claim::{ClaimStatus, Outcome};
use leptos::prelude::*;

use super::needs_action::{officer_note_view, reason_view};
use crate::follow::timeline::undecided;
use crate::format::{date_words, rupiah};
use crate::i18n::Texts;

/// "Status klaim: Sedang diperiksa", what that means, and by when the decision is due.
pub fn status_panel(
    status: ClaimStatus,
    decision_due_on: &str,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView + use<> {
    let due = undecided(status).then(|| {
        view! {
            <p data-testid="decision-due">{(t.sent_due)(&date_words(decision_due_on, lang))}</p>
        }
    });
    view! {
        <section
            class=format!("status-panel status-panel--{}", status.as_str())
            aria-labelledby="status-heading"
            data-testid="status-panel"
            data-status=status.as_str()
        >
            <h2 id="status-heading">
                {t.status_heading} ": " <span data-testid="status-title">{status.title(lang)}</span>
            </h2>
            <p data-testid="next-step">{status.next_step(lang)}</p>
            {due}
        </section>
    }
}

/// The decision, once there is one.
pub fn outcome_view(
    status: ClaimStatus,
    outcome: &Outcome,
    note: Option<String>,
    t: &'static Texts,
    lang: Lang,
) -> Option<AnyView> {
    match status {
        ClaimStatus::Approved | ClaimStatus::Paying | ClaimStatus::Paid => {
            let amount = outcome.approved_amount.map(|amount| {
                view! {
                    <div class="summary-list__row">
                        <dt>{t.approved_amount}</dt>
                        <dd data-testid="approved-amount">{rupiah(amount)}</dd>
                    </div>
                }
            });
            let transfer = outcome.transfer_reference.clone().map(|reference| {
                view! {
                    <div class="summary-list__row">
                        <dt>{t.transfer_reference}</dt>
                        <dd class="mono" data-testid="transfer-reference">
                            {reference}
                        </dd>
                    </div>
                }
            });
            let by_rule = outcome
                .auto_approved
                .then(|| view! { <p data-testid="auto-approved">{t.auto_approved}</p> });
            Some(
                view! {
                    <section data-testid="outcome" data-outcome="approved">
                        <h2>{t.outcome_heading}</h2>
                        <dl class="summary-list">{amount} {transfer}</dl>
                        {by_rule}
                    </section>
                }
                .into_any(),
            )
        }
        ClaimStatus::Rejected => {
            let reasons = outcome
                .rejection
                .iter()
                .map(|stated| {
                    let again = stated.until.map(|date| {
                        view! {
                            <p data-testid="claim-again-from">
                                {(t.claim_again_from)(&date.format(lang))}
                            </p>
                        }
                    });
                    view! {
                        <li
                            class="action-item"
                            data-testid="rejection-reason"
                            data-code=stated.reason.as_str()
                        >
                            {reason_view(stated.reason, t, lang)}
                            {again}
                        </li>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <section data-testid="outcome" data-outcome="rejected">
                        <h2>{t.rejection_heading}</h2>
                        <ul class="action-items">{reasons}</ul>
                        {officer_note_view(note, t)}
                    </section>
                }
                .into_any(),
            )
        }
        ClaimStatus::Submitted | ClaimStatus::Verifying | ClaimStatus::NeedsAction => None,
    }
}

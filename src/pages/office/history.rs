//! Where the claim has been: every status with when and by whom, the items reopened for the
//! participant (with the reason they read and who can fix it), and what was decided.

use klaim_core::Lang;
use klaim_core::api::claim::ClaimView;
use klaim_core::claim::{ClaimReason, ItemTarget};
use leptos::prelude::*;

use super::model::target_key;
use crate::claim::words::question_label;
use crate::format::{now_unix_seconds, rupiah, wib_moment};
use crate::i18n::OfficeTexts;

pub fn history_view(
    claim: &ClaimView,
    o: &'static OfficeTexts,
    lang: Lang,
) -> impl IntoView + use<> {
    let now = now_unix_seconds();
    let events = claim
        .history
        .iter()
        .map(|e| {
            view! {
                <li data-testid="history-event" data-status=e.status.as_str()>
                    <strong>{e.status.title(lang)}</strong>
                    " — "
                    {wib_moment(e.at, now, lang)}
                    " · "
                    {o.by}
                    " "
                    {o.actor(e.by)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{o.history_heading}</h2>
            <ol class="office-history" data-testid="history">{events}</ol>
        </section>
    }
}

/// A reopened item as an officer names it: "Dokumen: Buku tabungan", "Jawaban: Rekening bank".
pub fn target_words(
    target: ItemTarget,
    reason: ClaimReason,
    o: &'static OfficeTexts,
    lang: Lang,
) -> String {
    match target {
        ItemTarget::Document(kind) => (o.target_document)(kind.name(lang)),
        ItemTarget::Answer(q) => (o.target_answer)(question_label(q, reason, lang)),
        ItemTarget::Outside => o.target_outside.to_owned(),
    }
}

pub fn open_items_view(
    claim: &ClaimView,
    o: &'static OfficeTexts,
    lang: Lang,
) -> Option<impl IntoView + use<>> {
    if claim.open_items.is_empty() {
        return None;
    }
    let reason_of_claim = claim.summary.reason;
    let items = claim
        .open_items
        .iter()
        .map(|item| {
            view! {
                <li
                    class="office-item"
                    data-testid="open-item"
                    data-reason=item.reason.as_str()
                    data-target=target_key(item.target)
                >
                    <p>
                        <strong>{target_words(item.target, reason_of_claim, o, lang)}</strong>
                        ": "
                        {o.reason_title(item.reason)}
                    </p>
                    <p>{item.reason.message(lang)}</p>
                    <p>{o.fixer_label} ": " {o.fixer(item.reason.fixer())}</p>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="open-items-heading">
            <h2 id="open-items-heading">{o.open_items_heading}</h2>
            <ul class="office-items" data-testid="open-items">{items}</ul>
            {note_view(claim, o)}
        </section>
    })
}

fn note_view(claim: &ClaimView, o: &'static OfficeTexts) -> Option<impl IntoView + use<>> {
    let note = claim.note.clone()?;
    Some(view! {
        <p data-testid="officer-note">
            <strong>{o.officer_note_label} ": "</strong>
            {note}
        </p>
    })
}

pub fn outcome_view(
    claim: &ClaimView,
    o: &'static OfficeTexts,
    lang: Lang,
) -> impl IntoView + use<> {
    let outcome = &claim.outcome;
    let mut rows = Vec::new();
    if let Some(amount) = outcome.approved_amount {
        let auto = outcome.auto_approved.then_some(o.auto_approved);
        rows.push(
            view! {
                <div class="summary-list__row" data-testid="outcome-approved">
                    <dt>{o.approved_amount_label}</dt>
                    <dd>{rupiah(amount)} {auto.map(|a| view! { <br /> {a} })}</dd>
                </div>
            }
            .into_any(),
        );
    }
    if !outcome.rejection.is_empty() {
        let reasons = outcome
            .rejection
            .iter()
            .map(|r| {
                let until = r
                    .until
                    .map(|d| format!(" ({})", (o.until_words)(&d.format(lang))));
                view! {
                    <li data-testid="outcome-reason" data-reason=r.reason.as_str()>
                        {o.reason_title(r.reason)}
                        {until}
                    </li>
                }
            })
            .collect_view();
        rows.push(
            view! {
                <div class="summary-list__row" data-testid="outcome-rejected">
                    <dt>{o.rejection_label}</dt>
                    <dd>
                        <ul class="list">{reasons}</ul>
                    </dd>
                </div>
            }
            .into_any(),
        );
    }
    if let Some(reference) = outcome.transfer_reference.clone() {
        rows.push(
            view! {
                <div class="summary-list__row" data-testid="outcome-transfer">
                    <dt>{o.transfer_reference_label}</dt>
                    <dd class="mono">{reference}</dd>
                </div>
            }
            .into_any(),
        );
    }
    let body = if rows.is_empty() {
        view! { <p data-testid="outcome-none">{o.no_decision}</p> }.into_any()
    } else {
        view! { <dl class="summary-list" data-testid="outcome">{rows}</dl> }.into_any()
    };
    view! {
        <section aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">{o.outcome_heading}</h2>
            {body}
        </section>
    }
}

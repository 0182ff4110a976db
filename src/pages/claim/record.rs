//! A submitted claim as a record: reference, status, what was answered (identifiers masked to
//! their last four digits), the documents and the estimate. Shown on the confirmation page
//! (printable) and in "Klaim saya".

use klaim_core::Lang;
use klaim_core::api::claim::ClaimView;
use klaim_core::claim::Question;
use leptos::prelude::*;

use crate::claim::words::{
    answer_words, day_words, programme_words, question_label, size_words, status_words,
};
use crate::components::{estimate_view, summary_row};
use crate::i18n::Texts;

pub fn record_view(claim: &ClaimView, t: &'static Texts, lang: Lang) -> impl IntoView + use<> {
    let s = &claim.summary;
    let answers = Question::ALL
        .into_iter()
        .filter_map(|q| {
            let value = answer_words(q, &claim.answers, true, lang)?;
            Some(summary_row(
                question_label(q, s.reason, lang).to_owned(),
                value,
                None,
                "answer",
            ))
        })
        .collect_view();
    let documents = claim
        .documents
        .iter()
        .map(|d| {
            summary_row(
                d.kind.name(lang).to_owned(),
                format!(
                    "{} · {}",
                    d.file_type.as_str().to_uppercase(),
                    size_words(d.bytes, lang)
                ),
                None,
                "record-document",
            )
        })
        .collect_view();
    view! {
        <dl class="summary-list" data-testid="claim-record">
            <div class="summary-list__row">
                <dt>{t.reference_label}</dt>
                <dd class="mono reference" data-testid="claim-reference">
                    {s.reference.clone()}
                </dd>
            </div>
            <div class="summary-list__row">
                <dt>{t.status_label}</dt>
                <dd data-testid="claim-status" data-status=s.status.as_str()>
                    {status_words(t, s.status)}
                </dd>
            </div>
            {summary_row(
                t.review_programme.to_owned(),
                programme_words(s.programme, lang),
                None,
                "record-programme",
            )}
            {summary_row(
                t.review_reason.to_owned(),
                s.reason.label(lang).to_owned(),
                None,
                "record-reason",
            )}
            {summary_row(
                t.submitted_at.to_owned(),
                day_words(s.submitted_at, lang),
                None,
                "record-submitted",
            )}
            {answers}
        </dl>
        <h2>{t.review_documents_heading}</h2>
        <dl class="summary-list" data-testid="record-documents">{documents}</dl>
        <h2>{t.estimate_heading}</h2>
        {estimate_view(&claim.estimate, t, lang)}
    }
}

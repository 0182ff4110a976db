//! The registry's data beside what was submitted: the member (and the heir who claims), with
//! every KPJ and employment and whether the membership is still active; then the claim's
//! answers in words, unmasked (officers compare them with the documents), the bank's holder
//! name and the computed amount.

use klaim_core::Lang;
use klaim_core::api::account::Membership;
use klaim_core::api::office::{OfficeClaim, RegistryRecord};
use klaim_core::claim::Question;
use leptos::prelude::*;

use crate::claim::words::{answer_words, day_words, programme_words, question_label};
use crate::format::{date_words, rupiah};
use crate::i18n::{OfficeTexts, Texts};
use crate::pages::reason_words;

fn row(label: String, value: String, testid: &'static str) -> impl IntoView {
    view! {
        <div class="summary-list__row" data-testid=testid>
            <dt>{label}</dt>
            <dd data-testid="value">{value}</dd>
        </div>
    }
}

/// One person as the registry has them.
pub fn registry_view(
    heading: &'static str,
    record: &RegistryRecord,
    testid: &'static str,
    t: &'static Texts,
    o: &'static OfficeTexts,
    lang: Lang,
) -> impl IntoView + use<> {
    let memberships = record
        .memberships
        .iter()
        .map(|m| membership_view(m, t, o, lang))
        .collect_view();
    view! {
        <section class="office-record" data-testid=testid>
            <h3>{heading}</h3>
            <dl class="summary-list">
                {row(o.label_name.to_owned(), record.full_name.clone(), "registry-name")}
                <div class="summary-list__row" data-testid="registry-nik">
                    <dt>{o.label_nik}</dt>
                    <dd class="mono" data-testid="value">
                        {record.nik.clone()}
                    </dd>
                </div>
                {row(
                    o.label_birth_date.to_owned(),
                    date_words(&record.birth_date, lang),
                    "registry-birth-date",
                )}
            </dl>
            {memberships}
        </section>
    }
}

fn membership_view(
    m: &Membership,
    t: &'static Texts,
    o: &'static OfficeTexts,
    lang: Lang,
) -> impl IntoView + use<> {
    let employments = m
        .employments
        .iter()
        .map(|e| {
            let period = match &e.ended_on {
                Some(ended) => format!(
                    "{} – {}",
                    date_words(&e.started_on, lang),
                    date_words(ended, lang)
                ),
                None => format!(
                    "{} {}",
                    t.employment_started,
                    date_words(&e.started_on, lang)
                ),
            };
            let active = if e.membership_active {
                t.membership_active
            } else {
                t.membership_inactive
            };
            view! {
                <li class="employment" data-testid="registry-employment">
                    <p>
                        <strong>{e.employer.clone()}</strong>
                    </p>
                    <p>{period}</p>
                    <p>{reason_words(t, e.end_reason)}</p>
                    <p
                        data-testid="membership-active"
                        data-active=e.membership_active.to_string()
                    >
                        <strong>{active}</strong>
                    </p>
                </li>
            }
        })
        .collect_view();
    let primary = m.primary.then(|| {
        view! {
            " "
            <span class="tag">{o.primary_kpj}</span>
        }
    });
    view! {
        <div class="membership" data-testid="registry-membership" data-kpj=m.kpj.clone()>
            <h4>"KPJ " <span class="mono">{m.kpj.clone()}</span> {primary}</h4>
            <ul class="employments">{employments}</ul>
        </div>
    }
}

/// What the claimant sent, in words, with what the bank and the rules say about it.
pub fn submitted_view(
    c: &OfficeClaim,
    o: &'static OfficeTexts,
    lang: Lang,
) -> impl IntoView + use<> {
    let claim = &c.claim;
    let s = &claim.summary;
    let answers = Question::ALL
        .into_iter()
        .filter_map(|q| {
            let value = answer_words(q, &claim.answers, false, lang)?;
            Some(row(
                question_label(q, s.reason, lang).to_owned(),
                value,
                "submitted-answer",
            ))
        })
        .collect_view();
    let bank_holder = claim.answers.bank_account.as_ref().map(|_| {
        row(
            o.bank_holder_label.to_owned(),
            c.bank_holder
                .clone()
                .unwrap_or_else(|| o.bank_holder_unknown.to_owned()),
            "bank-holder",
        )
    });
    view! {
        <dl class="summary-list" data-testid="submitted">
            {row(o.label_programme.to_owned(), programme_words(s.programme, lang), "submitted-programme")}
            {row(o.label_reason.to_owned(), s.reason.label(lang).to_owned(), "submitted-reason")}
            {row(o.label_submitted.to_owned(), day_words(s.submitted_at, lang), "submitted-on")}
            {row(o.label_due.to_owned(), date_words(&claim.decision_due_on, lang), "submitted-due")}
            {answers}
            {bank_holder}
            {row(o.computed_amount_label.to_owned(), rupiah(c.computed_amount), "computed-amount")}
        </dl>
    }
}

//! `/petugas`: the queue of claims, the earliest decision due date first (as the server orders
//! it), with filters for programme, status and age kept in the address. A table on wide
//! screens; on a phone each row stacks into labelled lines (style/office.css).

use klaim_core::Lang;
use klaim_core::api::claim::ClaimStatus;
use klaim_core::api::office::{Queue, QueueEntry};
use klaim_core::claim::Programme;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::filter::{
    OLDER_THAN_DAYS, PROGRAMME, STATUS, filter_from_query, parse_filter, queue_path,
};
use super::{Audience, office_resource, unanswered_view};
use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::claim::words::{day_words, status_words};
use crate::components::{ErrorSummary, TextField, field_error};
use crate::form::FormState;
use crate::format::rupiah;
use crate::i18n::{OfficeTexts, Texts, tr_office, tr_office_signal, use_i18n};

#[component]
pub fn OfficeQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| filter_from_query(|k| q.get(k))));
    let queue = office_resource(move || {
        let (filter, lang) = (filter.get(), i18n.lang_untracked());
        async move { api::office::queue(lang, &filter).await }
    });
    let form = FormState::new();
    let refused = move || queue.with(|q| matches!(q, Some(Err(Failure::Api { status: 403, .. }))));
    Effect::new(move |_| {
        let (t, o) = (i18n.t(), i18n.office());
        let has_errors = form.errors.with(|e| !e.is_empty());
        let title = if refused() {
            o.officers_only_title
        } else {
            o.queue_title
        };
        set_title(
            title,
            has_errors.then_some(t.error_title_prefix),
            t.title_suffix,
        );
    });
    view! {
        {move || match queue.get() {
            Some(Ok(queue)) => {
                view! {
                    <div class="office" data-testid="office-queue">
                        <h1>{tr_office(|t| t.queue_title)}</h1>
                        <p class="lead">{tr_office(|t| t.queue_lead)}</p>
                        {filter_form(filter, form)}
                        {queue_view(queue)}
                    </div>
                }
                    .into_any()
            }
            Some(Err(failure)) => {
                unanswered_view(Some(failure), Audience::Officers, move || queue.refetch())
            }
            None => unanswered_view(None, Audience::Officers, move || queue.refetch()),
        }}
    }
}

/// The filters as a GET form (it works as a plain form too); pressing "Terapkan saringan"
/// moves to the address of the filter, which fetches the queue again.
fn filter_form(
    filter: Memo<klaim_core::api::office::QueueFilter>,
    form: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let current = filter.get_untracked();
    let programme = RwSignal::new(
        current
            .programme
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
    );
    let status = RwSignal::new(
        current
            .status
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
    );
    let older = RwSignal::new(
        current
            .older_than_days
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match parse_filter(
            &programme.get_untracked(),
            &status.get_untracked(),
            &older.get_untracked(),
        ) {
            Ok(chosen) => {
                form.succeed();
                navigate(&queue_path(&chosen), Default::default());
            }
            Err(finding) => form.refuse(vec![finding]),
        }
    };
    let programme_choices = move || {
        let lang = i18n.lang();
        Programme::ALL
            .into_iter()
            .map(|p| {
                (
                    p.as_str().to_owned(),
                    format!("{} — {}", p.abbreviation(), p.name(lang)),
                )
            })
            .collect::<Vec<_>>()
    };
    let status_choices = move || {
        let t = i18n.t();
        ClaimStatus::ALL
            .into_iter()
            .map(|s| (s.as_str().to_owned(), status_words(t, s).to_owned()))
            .collect::<Vec<_>>()
    };
    view! {
        <ErrorSummary errors=form.errors target=|f| f.field.unwrap_or(OLDER_THAN_DAYS).to_owned() />
        <form
            method="get"
            action="/petugas"
            novalidate
            class="office-filter"
            data-testid="queue-filter"
            on:submit=on_submit
        >
            <h2>{tr_office(|t| t.filter_heading)}</h2>
            <div class="office-filter__fields">
                {select(PROGRAMME, tr_office(|t| t.filter_programme), programme, programme_choices)}
                {select(STATUS, tr_office(|t| t.filter_status), status, status_choices)}
                <TextField
                    id=OLDER_THAN_DAYS
                    label=tr_office_signal(|t| t.filter_older)
                    hint=tr_office_signal(|t| t.filter_older_hint)
                    value=older
                    error=field_error(form.errors, OLDER_THAN_DAYS)
                    inputmode="numeric"
                    maxlength=4
                />
            </div>
            <button type="submit" class="button" data-testid="apply-filter">
                {tr_office(|t| t.filter_apply)}
            </button>
            " "
            <a href="/petugas" class="button button--secondary" data-testid="clear-filter">
                {tr_office(|t| t.filter_clear)}
            </a>
        </form>
    }
}

/// A select with "Semua" first; `choices` are (wire word, words).
fn select(
    id: &'static str,
    label: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    value: RwSignal<String>,
    choices: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        let chosen = value.get();
        let all = view! {
            <option value="" selected=chosen.is_empty()>
                {i18n.office().filter_any}
            </option>
        };
        let rest = choices()
            .into_iter()
            .map(|(word, words)| {
                let selected = chosen == word;
                view! {
                    <option value=word selected=selected>
                        {words}
                    </option>
                }
            })
            .collect_view();
        view! {
            {all}
            {rest}
        }
    };
    view! {
        <div class="field">
            <label class="label" for=id>
                {label}
            </label>
            <select
                class="input select"
                id=id
                name=id
                data-testid=format!("filter-{id}")
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {options}
            </select>
        </div>
    }
}

fn queue_view(queue: Queue) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (t, o, lang) = (i18n.t(), i18n.office(), i18n.lang());
        if queue.entries.is_empty() {
            return view! { <p data-testid="queue-empty">{o.queue_empty}</p> }.into_any();
        }
        let rows = queue
            .entries
            .iter()
            .map(|e| row_view(e, t, o, lang))
            .collect_view();
        view! {
            <table class="office-table" data-testid="queue-table">
                <caption data-testid="queue-count">{(o.queue_count)(queue.entries.len())}</caption>
                <thead>
                    <tr>
                        <th scope="col">{o.col_reference}</th>
                        <th scope="col">{o.col_programme}</th>
                        <th scope="col">{o.col_reason}</th>
                        <th scope="col">{o.col_status}</th>
                        <th scope="col">{o.col_submitted}</th>
                        <th scope="col">{o.col_due}</th>
                        <th scope="col" class="office-table__number">{o.col_amount}</th>
                        <th scope="col">{o.col_note}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    }
}

fn row_view(
    e: &QueueEntry,
    t: &'static Texts,
    o: &'static OfficeTexts,
    lang: Lang,
) -> impl IntoView {
    let s = &e.summary;
    let overdue = e.overdue.then(|| {
        view! {
            " "
            <strong class="tag tag--overdue" data-testid="queue-overdue">
                {o.overdue}
            </strong>
        }
    });
    let own = e.own.then(|| {
        view! {
            <strong class="tag tag--quiet" data-testid="queue-own">
                {o.own_claim_mark}
            </strong>
        }
    });
    view! {
        <tr
            data-testid="queue-row"
            data-id=s.id.clone()
            data-status=s.status.as_str()
            data-overdue=e.overdue.to_string()
            data-own=e.own.to_string()
        >
            <th scope="row" data-label=o.col_reference>
                <a
                    class="mono"
                    href=format!("/petugas/klaim/{}", s.id)
                    data-testid="queue-reference"
                >
                    {s.reference.clone()}
                </a>
            </th>
            <td data-label=o.col_programme>{s.programme.abbreviation()}</td>
            <td data-label=o.col_reason>{s.reason.label(lang)}</td>
            <td data-label=o.col_status data-testid="queue-status">
                {status_words(t, s.status)}
            </td>
            <td data-label=o.col_submitted>
                {day_words(s.submitted_at, lang)}
                <span class="office-table__aside">{(o.age_days)(e.age_days)}</span>
            </td>
            <td data-label=o.col_due data-testid="queue-due">
                {e.decision_due_on.format(lang)}
                {overdue}
            </td>
            <td data-label=o.col_amount class="office-table__number" data-testid="queue-amount">
                {rupiah(e.amount)}
            </td>
            <td data-label=o.col_note>{own}</td>
        </tr>
    }
}

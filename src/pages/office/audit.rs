//! `/petugas/audit` (admins only): the append-only audit trail, newest first — every officer's
//! view of a claim or a document, and every status change — with a claim-id filter kept in the
//! address (`?claim_id=…`).

use klaim_core::api::office::{AuditEntry, AuditTrail};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{Audience, office_resource, unanswered_view};
use crate::api::{self, Failure};
use crate::browser::set_title;
use crate::components::TextField;
use crate::format::{now_unix_seconds, wib_moment};
use crate::i18n::{tr_office, tr_office_signal, use_i18n};

const CLAIM_ID: &str = "claim_id";

/// The claim id the address asks for, if any.
pub fn claim_filter(query: Option<String>) -> Option<String> {
    query.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty())
}

/// The trail's address for a claim id typed into the filter.
pub fn audit_path(claim_id: &str) -> String {
    match claim_filter(Some(claim_id.to_owned())) {
        Some(id) => format!(
            "/petugas/audit?{CLAIM_ID}={}",
            String::from(js_sys::encode_uri_component(&id))
        ),
        None => "/petugas/audit".to_owned(),
    }
}

#[component]
pub fn OfficeAuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let claim_id = Memo::new(move |_| query.with(|q| claim_filter(q.get(CLAIM_ID))));
    let trail = office_resource(move || {
        let (id, lang) = (claim_id.get(), i18n.lang_untracked());
        async move { api::office::audit(lang, id.as_deref()).await }
    });
    Effect::new(move |_| {
        let (t, o) = (i18n.t(), i18n.office());
        let refused = trail.with(|a| matches!(a, Some(Err(Failure::Api { status: 403, .. }))));
        set_title(
            if refused {
                o.admins_only_title
            } else {
                o.audit_title
            },
            None,
            t.title_suffix,
        );
    });
    view! {
        {move || match trail.get() {
            Some(Ok(trail)) => {
                view! {
                    <div class="office" data-testid="office-audit">
                        <h1>{tr_office(|t| t.audit_title)}</h1>
                        <p class="lead">{tr_office(|t| t.audit_lead)}</p>
                        {filter_form(claim_id.get_untracked().unwrap_or_default())}
                        {trail_view(trail)}
                    </div>
                }
                    .into_any()
            }
            answer => {
                unanswered_view(
                    answer.and_then(Result::err),
                    Audience::Admins,
                    move || trail.refetch(),
                )
            }
        }}
    }
}

fn filter_form(current: String) -> impl IntoView {
    let navigate = use_navigate();
    let typed = RwSignal::new(current);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        navigate(&audit_path(&typed.get_untracked()), Default::default());
    };
    view! {
        <form
            method="get"
            action="/petugas/audit"
            novalidate
            class="office-filter"
            data-testid="audit-filter"
            on:submit=on_submit
        >
            <TextField
                id=CLAIM_ID
                label=tr_office_signal(|t| t.audit_claim_label)
                hint=tr_office_signal(|t| t.audit_claim_hint)
                value=typed
                error=Signal::derive(|| None)
                maxlength=64
            />
            <button type="submit" class="button" data-testid="apply-audit-filter">
                {tr_office(|t| t.filter_apply)}
            </button>
        </form>
    }
}

fn trail_view(trail: AuditTrail) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (o, lang) = (i18n.office(), i18n.lang());
        if trail.entries.is_empty() {
            return view! { <p data-testid="audit-empty">{o.audit_empty}</p> }.into_any();
        }
        let now = now_unix_seconds();
        let rows = trail
            .entries
            .iter()
            .map(|e: &AuditEntry| {
                let account = e
                    .account_id
                    .map_or_else(|| o.system.to_owned(), |id| format!("#{id}"));
                let role = e.role.map_or(o.system, |r| o.role(r));
                view! {
                    <tr data-testid="audit-row" data-action=action_word(e)>
                        <td data-label=o.col_when>{wib_moment(e.at, now, lang)}</td>
                        <td data-label=o.col_account>{account}</td>
                        <td data-label=o.col_role>{role}</td>
                        <td data-label=o.col_action>{o.audit_action(e.action)}</td>
                        <td data-label=o.col_claim class="mono">{e.claim_id.clone()}</td>
                        <td data-label=o.col_detail class="mono">{e.subject.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="office-table" data-testid="audit-table">
                <thead>
                    <tr>
                        <th scope="col">{o.col_when}</th>
                        <th scope="col">{o.col_account}</th>
                        <th scope="col">{o.col_role}</th>
                        <th scope="col">{o.col_action}</th>
                        <th scope="col">{o.col_claim}</th>
                        <th scope="col">{o.col_detail}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    }
}

fn action_word(e: &AuditEntry) -> &'static str {
    use klaim_core::api::office::AuditAction;
    match e.action {
        AuditAction::ViewedClaim => "viewed_claim",
        AuditAction::ViewedDocument => "viewed_document",
        AuditAction::Transition => "transition",
    }
}

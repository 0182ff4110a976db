//! What the NIK says, after the membership details passed their checks.

use klaim_core::message::Finding;
use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::browser::set_title;
use crate::components::WarningList;
use crate::i18n::{Texts, use_i18n};
use crate::state::MembershipDraft;

#[component]
pub fn CheckResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let draft = expect_context::<MembershipDraft>();
    // Warnings (e.g. a NIK whose date differs from the one typed) must not sit under "all is well".
    let title = move |t: &'static Texts| {
        let warned = draft
            .result
            .with(|r| r.as_ref().is_some_and(|c| !c.warnings.is_empty()));
        if warned {
            t.result_title_with_warnings
        } else {
            t.result_title
        }
    };
    Effect::new(move |_| {
        let t = i18n.t();
        set_title(title(t), None, t.title_suffix);
    });

    move || {
        // Reached without a checked form (a reload or a typed address): start again.
        let Some(checked) = draft.result.get() else {
            return view! { <Redirect path="/" /> }.into_any();
        };
        let t = i18n.t();
        let lang = i18n.lang();
        let warnings: Vec<Finding> = checked.warnings.clone();
        let row = |label: &'static str, value: String, testid: &'static str| {
            view! {
                <div>
                    <dt>{label}</dt>
                    <dd data-testid=testid>{value}</dd>
                </div>
            }
        };
        view! {
            <div class:panel-success=warnings.is_empty()>
                <h1>{title(t)}</h1>
            </div>
            <p>{t.result_lead}</p>
            <WarningList warnings />
            <h2>{t.result_nik_heading}</h2>
            <dl class="summary-list" data-testid="nik-details">
                {row(t.result_province, checked.province.name().to_owned(), "nik-province")}
                {row(t.result_birth_date, checked.nik_birth_date.format(lang), "nik-birth-date")}
                {row(t.result_sex, checked.sex.label(lang).to_owned(), "nik-sex")}
            </dl>
            <h2>{t.result_entered_heading}</h2>
            <dl class="summary-list">
                {row(t.result_name, checked.name.as_str().to_owned(), "entered-name")}
                {row(t.result_nik, checked.nik.as_str().to_owned(), "entered-nik")}
                {row(t.result_kpj, checked.kpj.as_str().to_owned(), "entered-kpj")}
                {row(t.result_phone, checked.phone.national(), "entered-phone")}
            </dl>
            <p>{t.result_next}</p>
            <a class="button button--secondary" href="/" data-testid="change-answers">
                {t.change_answers}
            </a>
        }
        .into_any()
    }
}

use klaim_core::PasswordRule;
use leptos::prelude::*;

use super::field_notes::FieldNotes;
use crate::i18n::{tr, use_i18n};

/// Each password rule and whether the text typed so far meets it (klaim-core's `checklist`).
pub type Rules = [(PasswordRule, bool); 3];

/// A password input with the live checklist of the rules under it. The checklist is announced
/// politely as it changes; each rule says met / not met in words and with an icon, never by
/// colour alone. Ids: `{id}`, `{id}-hint`, `{id}-error`, `{id}-rules`.
#[component]
pub fn PasswordField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    /// `new-password` (the browser offers to generate and save one).
    autocomplete: &'static str,
    rules: Signal<Rules>,
) -> impl IntoView {
    let has_error = move || error.with(Option::is_some);
    let described_by = move || {
        if has_error() {
            format!("{id}-hint {id}-rules {id}-error")
        } else {
            format!("{id}-hint {id}-rules")
        }
    };
    view! {
        <div class="field" class:field--error=has_error>
            <label class="label" for=id>
                {move || label.get()}
            </label>
            <FieldNotes id hint error />
            <input
                class="input"
                class:input--error=has_error
                id=id
                name=id
                type="password"
                autocomplete=autocomplete
                maxlength=128
                spellcheck="false"
                autocapitalize="none"
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                bind:value=value
            />
            <PasswordChecklist id=format!("{id}-rules") rules />
        </div>
    }
}

/// The three rules, each with its state.
#[component]
pub fn PasswordChecklist(id: String, rules: Signal<Rules>) -> impl IntoView {
    let i18n = use_i18n();
    let item = move |index: usize| {
        let rule = move || rules.with(|r| r[index].0);
        let met = move || rules.with(|r| r[index].1);
        view! {
            <li
                class="checklist__item"
                class:checklist__item--met=met
                data-rule=move || rule_name(rule())
                data-met=move || if met() { "true" } else { "false" }
            >
                <span class="checklist__icon" aria-hidden="true">
                    {move || if met() { "✓" } else { "✗" }}
                </span>
                " "
                <span class="checklist__label">{move || rule().label(i18n.lang())}</span>
                " "
                <span class="checklist__status">
                    {move || {
                        let t = i18n.t();
                        format!("({})", if met() { t.rule_met } else { t.rule_unmet })
                    }}
                </span>
            </li>
        }
    };
    view! {
        <div class="checklist" id=id data-testid="password-checklist">
            <p class="checklist__title">{tr(|t| t.checklist_title)}</p>
            <ul aria-live="polite">{item(0)} {item(1)} {item(2)}</ul>
        </div>
    }
}

/// A stable name for tests and styling.
fn rule_name(rule: PasswordRule) -> &'static str {
    match rule {
        PasswordRule::MinLength => "min_length",
        PasswordRule::NotCommon => "not_common",
        PasswordRule::NoPersonalData => "no_personal_data",
    }
}

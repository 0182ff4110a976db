//! The bank chooser of the bank question, shared by the claim journey and the fix of a reopened
//! bank account: every bank Klaim knows, by short and full name, with its error in place.

use klaim_core::Bank;
use klaim_core::message::Finding;
use leptos::prelude::*;

use super::field_error;
use crate::i18n::{tr, use_i18n};

/// The field's id and name (also the `field` of its findings).
pub const BANK: &str = "bank";

/// The `<select>` with its label, hint and error; `value` holds the chosen bank's code as typed.
pub fn bank_select(value: RwSignal<String>, errors: RwSignal<Vec<Finding>>) -> impl IntoView {
    let i18n = use_i18n();
    let error = field_error(errors, BANK);
    let has_error = move || error.with(Option::is_some);
    let options = move || {
        let chosen = value.get();
        let first = view! {
            <option value="" selected=chosen.is_empty()>
                {i18n.t().bank_choose}
            </option>
        };
        let banks = Bank::all()
            .iter()
            .map(|b| {
                view! {
                    <option value=b.code() selected=chosen == b.code()>
                        {format!("{} ({})", b.name(), b.full_name())}
                    </option>
                }
            })
            .collect_view();
        view! {
            {first}
            {banks}
        }
    };
    view! {
        <div class="field" class:field--error=has_error>
            <label class="label" for=BANK>
                {tr(|t| t.bank_label)}
            </label>
            <span class="hint" id="bank-hint">
                {tr(|t| t.bank_hint)}
            </span>
            <Show when=has_error>
                <span class="error-message" id="bank-error">
                    <span class="visually-hidden">{tr(|t| t.error_prefix)} " "</span>
                    {move || error.get()}
                </span>
            </Show>
            <select
                class="input select"
                class:input--error=has_error
                id=BANK
                name=BANK
                aria-describedby=move || {
                    if has_error() { "bank-hint bank-error" } else { "bank-hint" }
                }
                aria-invalid=move || has_error().then_some("true")
                data-testid="bank-select"
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {options}
            </select>
        </div>
    }
}

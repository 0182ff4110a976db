use leptos::prelude::*;

use super::field_notes::{FieldNotes, described_by};
use crate::i18n::use_i18n;

/// A date as three numeric boxes (day, month, year): easier than a picker for a birth date on a
/// cheap phone, and it keeps exactly what was typed. Ids: `{id}` (day), `{id}_month`, `{id}_year`.
#[component]
pub fn DateField(
    id: &'static str,
    #[prop(into)] legend: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    error: Signal<Option<String>>,
    /// The autocomplete token prefix, e.g. `bday` for a birth date; `off` for a date the
    /// browser cannot know (it stays `off` on each box: `off-day` is no token).
    autocomplete: &'static str,
    /// The legend is the page's `<h1>` (a question page that asks only this).
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_error = move || error.with(Option::is_some);
    let part = move |part_id: String,
                     label: fn(&crate::i18n::Texts) -> &'static str,
                     value: RwSignal<String>,
                     width: &'static str,
                     token: String,
                     maxlength: u32| {
        view! {
            <div class="date-input__item">
                <label for=part_id.clone()>{move || label(i18n.t())}</label>
                <input
                    class=format!("input {width}")
                    class:input--error=has_error
                    id=part_id.clone()
                    name=part_id
                    type="text"
                    inputmode="numeric"
                    autocomplete=token
                    maxlength=maxlength
                    spellcheck="false"
                    aria-invalid=move || has_error().then_some("true")
                    bind:value=value
                />
            </div>
        }
    };
    let token = move |part: &str| {
        if autocomplete == "off" {
            "off".to_owned()
        } else {
            format!("{autocomplete}-{part}")
        }
    };
    view! {
        <div class="field" class:field--error=has_error>
            <fieldset role="group" aria-describedby=described_by(id, error)>
                {if heading {
                    view! {
                        <legend class="page-legend">
                            <h1>{move || legend.get()}</h1>
                        </legend>
                    }
                        .into_any()
                } else {
                    view! { <legend>{move || legend.get()}</legend> }.into_any()
                }}
                <FieldNotes id hint error />
                <div class="date-input">
                    {part(id.to_owned(), |t| t.day, day, "input--w2", token("day"), 2)}
                    {part(format!("{id}_month"), |t| t.month, month, "input--w2", token("month"), 2)}
                    {part(format!("{id}_year"), |t| t.year, year, "input--w4", token("year"), 4)}
                </div>
            </fieldset>
        </div>
    }
}

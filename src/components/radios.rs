use leptos::prelude::*;

use crate::i18n::tr;

/// One choice: its value (a wire word) and its label as read.
pub type Choice = (String, String);

/// A group of radio buttons in a fieldset. With `heading`, the legend is the page's `<h1>` (a
/// question page asking one thing). The first radio carries the field's id, so the error summary
/// can lead to it. Each radio has `data-testid="{id}-{value}"`.
#[component]
pub fn Radios(
    id: &'static str,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    error: Signal<Option<String>>,
    /// Re-read on a language switch.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    selected: RwSignal<String>,
    #[prop(optional)] heading: bool,
) -> impl IntoView {
    let has_error = move || error.with(Option::is_some);
    let described_by = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if has_error() {
            ids.push(format!("{id}-error"));
        }
        ids.join(" ")
    };
    let legend_view = move || {
        if heading {
            view! {
                <legend class="page-legend">
                    <h1>{move || legend.get()}</h1>
                </legend>
            }
            .into_any()
        } else {
            view! { <legend>{move || legend.get()}</legend> }.into_any()
        }
    };
    let options = move || {
        choices
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, (value, label))| {
                let input_id = if index == 0 {
                    id.to_owned()
                } else {
                    format!("{id}-{index}")
                };
                let is_it = value.clone();
                let pick = value.clone();
                view! {
                    <div class="radio">
                        <input
                            class="radio__input"
                            type="radio"
                            id=input_id.clone()
                            name=id
                            data-testid=format!("{id}-{value}")
                            value=value
                            prop:checked=move || selected.with(|s| *s == is_it)
                            on:change=move |_| selected.set(pick.clone())
                        />
                        <label class="radio__label" for=input_id>
                            {label}
                        </label>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field" class:field--error=has_error>
            <fieldset aria-describedby=described_by>
                {legend_view}
                {hint
                    .map(|hint| {
                        view! {
                            <span class="hint" id=format!("{id}-hint")>
                                {move || hint.get()}
                            </span>
                        }
                    })}
                <Show when=has_error>
                    <span class="error-message" id=format!("{id}-error")>
                        <span class="visually-hidden">{tr(|t| t.error_prefix)} " "</span>
                        {move || error.get()}
                    </span>
                </Show>
                <div class="radios">{options}</div>
            </fieldset>
        </div>
    }
}

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A labelled text input with its hint and, when there is one, its error message.
/// Identifier fields pass `inputmode="numeric"`; spellcheck is always off (names and numbers).
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_error = move || error.with(Option::is_some);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if has_error() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="field" class:field--error=has_error>
            <label class="label" for=id>
                {move || label.get()}
            </label>
            <span class="hint" id=hint_id>
                {move || hint.get()}
            </span>
            <Show when=has_error>
                <span class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{move || i18n.t().error_prefix} " "</span>
                    {move || error.get()}
                </span>
            </Show>
            <input
                class="input"
                class:input--error=has_error
                id=id
                name=id
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                maxlength=maxlength
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                bind:value=value
            />
        </div>
    }
}

use leptos::prelude::*;

use super::field_notes::{FieldNotes, described_by};

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
    let has_error = move || error.with(Option::is_some);
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
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                maxlength=maxlength
                spellcheck="false"
                aria-describedby=described_by(id, error)
                aria-invalid=move || has_error().then_some("true")
                bind:value=value
            />
        </div>
    }
}

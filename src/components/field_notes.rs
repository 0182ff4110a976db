use leptos::prelude::*;

use crate::i18n::tr;

/// A field's hint and, when there is one, its error message (after a visually hidden
/// "Kesalahan:" for screen readers). Ids: `{id}-hint`, `{id}-error`.
#[component]
pub fn FieldNotes(
    id: &'static str,
    hint: Signal<&'static str>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <span class="hint" id=format!("{id}-hint")>
            {move || hint.get()}
        </span>
        <Show when=move || error.with(Option::is_some)>
            <span class="error-message" id=format!("{id}-error")>
                <span class="visually-hidden">{tr(|t| t.error_prefix)} " "</span>
                {move || error.get()}
            </span>
        </Show>
    }
}

/// The `aria-describedby` value of a field: its hint, and its error message when there is one.
pub fn described_by(id: &'static str, error: Signal<Option<String>>) -> impl Fn() -> String {
    move || {
        if error.with(Option::is_some) {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-hint")
        }
    }
}

//! Form pieces only the back office uses: a labelled text area (notes, justifications) and a
//! submit button whose words carry a figure ("Setujui Rp 4.250.000").

use leptos::prelude::*;

use super::field_notes::{FieldNotes, described_by};
use crate::i18n::use_i18n;

/// A labelled text area with its hint and, when there is one, its error message.
#[component]
pub fn TextArea(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="field" class:field--error=has_error>
            <label class="label" for=id>
                {move || label.get()}
            </label>
            <FieldNotes id hint error />
            <textarea
                class="input textarea"
                class:input--error=has_error
                id=id
                name=id
                rows=rows
                maxlength=maxlength
                aria-describedby=described_by(id, error)
                aria-invalid=move || has_error().then_some("true")
                bind:value=value
            ></textarea>
        </div>
    }
}

/// A form's submit button that names the action; busy while the request is under way, and it
/// takes no second press then.
#[component]
pub fn ActionButton(
    #[prop(into)] label: Signal<String>,
    busy: RwSignal<bool>,
    testid: String,
    #[prop(optional)] warning: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="submit"
            class="button"
            class:button--warning=warning
            data-testid=testid
            disabled=move || busy.get()
            aria-busy=move || busy.get().then_some("true")
        >
            {move || if busy.get() { i18n.t().busy.to_owned() } else { label.get() }}
        </button>
    }
}

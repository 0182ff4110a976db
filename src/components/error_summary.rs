use klaim_core::message::Finding;
use leptos::html;
use leptos::prelude::*;

use crate::browser::focus_id;
use crate::i18n::{tr, use_i18n};

/// The box at the top of a page with errors: it takes focus (so screen readers announce it) and
/// links each message to its field. `target` gives the id of the input a finding is about.
#[component]
pub fn ErrorSummary(
    errors: RwSignal<Vec<Finding>>,
    target: fn(&Finding) -> String,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<html::Div>::new();
    // Every press of Continue that finds errors moves focus here, even when they did not change.
    Effect::new(move |_| {
        if errors.with(|e| !e.is_empty())
            && let Some(el) = summary.get()
        {
            let _ = el.focus();
        }
    });
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div
                id="error-summary"
                class="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
                data-testid="error-summary"
                node_ref=summary
            >
                <h2 id="error-summary-title">{tr(|t| t.error_summary_title)}</h2>
                <ul>
                    {move || {
                        let lang = i18n.lang();
                        errors
                            .get()
                            .into_iter()
                            .filter(|f| f.severity == klaim_core::Severity::Error)
                            .map(|f| {
                                let id = target(&f);
                                let href = format!("#{id}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_id(&id);
                                            }
                                        >
                                            {f.message(lang).to_owned()}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

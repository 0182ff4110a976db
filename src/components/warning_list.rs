use klaim_core::Severity;
use klaim_core::message::Finding;
use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};

/// Soft findings: shown with their hint, never blocking.
#[component]
pub fn WarningList(warnings: Vec<Finding>) -> impl IntoView {
    let i18n = use_i18n();
    let warnings: Vec<Finding> = warnings
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    (!warnings.is_empty()).then(|| {
        view! {
            <div class="warnings" data-testid="warnings" role="status">
                <h2>{tr(|t| t.warnings_title)}</h2>
                <ul>
                    {warnings
                        .into_iter()
                        .map(|w| {
                            let w2 = w.clone();
                            view! {
                                <li>
                                    <strong>{move || w.message(i18n.lang()).to_owned()}</strong>
                                    <span class="hint">{move || w2.hint(i18n.lang()).to_owned()}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

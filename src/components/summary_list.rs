use leptos::prelude::*;

use crate::i18n::tr;

/// One row of a summary list: what was asked, the answer, and optionally an "Ubah" link that
/// names what it changes for screen readers.
pub fn summary_row(
    label: String,
    value: String,
    change: Option<String>,
    testid: &'static str,
) -> impl IntoView {
    let hidden_label = label.clone();
    view! {
        <div class="summary-list__row" data-testid=testid>
            <dt>{label}</dt>
            <dd data-testid="value">{value}</dd>
            {change
                .map(|href| {
                    view! {
                        <dd class="summary-list__action">
                            <a href=href data-testid="change">
                                {tr(|t| t.change)}
                                <span class="visually-hidden">" " {hidden_label}</span>
                            </a>
                        </dd>
                    }
                })}
        </div>
    }
}

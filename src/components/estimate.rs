use klaim_core::Lang;
use klaim_core::claim::Estimate;
use leptos::prelude::*;

use crate::i18n::Texts;

/// The benefit estimate: the amounts, tax as an estimate, what it rests on, and that it is no
/// promise.
pub fn estimate_view(estimate: &Estimate, t: &'static Texts, lang: Lang) -> impl IntoView + use<> {
    let monthly = estimate.monthly.map(|m| {
        let period = match estimate.months {
            Some(n) => (t.estimate_months)(n),
            None => t.estimate_for_life.to_owned(),
        };
        view! {
            <div>
                <dt>{t.estimate_monthly}</dt>
                <dd data-testid="estimate-monthly">{format!("{m} {period}")}</dd>
            </div>
        }
    });
    // Nothing to show yet (JKK before the accident is described): the explanation says why.
    let lump_sum = (estimate.lump_sum.amount() > 0).then(|| {
        view! {
            <div>
                <dt>{t.estimate_lump_sum}</dt>
                <dd data-testid="estimate-lump-sum">{estimate.lump_sum.to_string()}</dd>
            </div>
        }
    });
    let tax = (estimate.tax.amount() > 0).then(|| {
        view! {
            <div>
                <dt>{t.estimate_tax}</dt>
                <dd data-testid="estimate-tax">{estimate.tax.to_string()}</dd>
            </div>
        }
    });
    let explanation = lang
        .pick(&estimate.explanation_id, &estimate.explanation_en)
        .clone();
    view! {
        <div class="estimate" data-testid="estimate">
            <dl class="summary-list">{lump_sum} {monthly} {tax}</dl>
            <p>{explanation}</p>
            <p class="hint">{t.estimate_note}</p>
        </div>
    }
}

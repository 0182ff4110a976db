//! The automated checks beside the claim: each passed or failed in words and with an icon
//! (never colour alone), with what the server found.

use klaim_core::Lang;
use klaim_core::claim::{AutoCheck, CheckResult};
use leptos::prelude::*;

use crate::i18n::OfficeTexts;

/// The check's wire word (as serde writes it), for tests and styles.
fn check_word(check: AutoCheck) -> &'static str {
    match check {
        AutoCheck::IdentityMatches => "identity_matches",
        AutoCheck::MembershipInactive => "membership_inactive",
        AutoCheck::BankNameMatches => "bank_name_matches",
        AutoCheck::DocumentsComplete => "documents_complete",
        AutoCheck::NoDuplicateClaim => "no_duplicate_claim",
    }
}

pub fn checks_view(
    checks: &[CheckResult],
    o: &'static OfficeTexts,
    lang: Lang,
) -> impl IntoView + use<> {
    let items = checks
        .iter()
        .map(|c| {
            let (icon, words, class) = if c.passed {
                ("✓", o.check_passed, "office-check office-check--passed")
            } else {
                ("✗", o.check_failed, "office-check office-check--failed")
            };
            let note = lang.pick(&c.note_id, &c.note_en).to_owned();
            view! {
                <li
                    class=class
                    data-testid="check"
                    data-check=check_word(c.check)
                    data-passed=c.passed.to_string()
                >
                    <span class="office-check__icon" aria-hidden="true">
                        {icon}
                    </span>
                    <strong>{c.check.title(lang)}</strong>
                    ": "
                    <span class="office-check__result" data-testid="check-result">
                        {words}
                    </span>
                    {(!note.is_empty()).then(|| view! { <p class="office-check__note">{note}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="checks-heading">
            <h2 id="checks-heading">{o.checks_heading}</h2>
            <ul class="office-checks" data-testid="checks">{items}</ul>
        </section>
    }
}

//! "Perlu tindakan": for each item the officer reopened, which document or answer, what is
//! wrong, who can fix it and how (klaim-core's reason catalogue; never a bare code), with the
//! officer's note and the way into the fix. The same reason details explain a rejection.

use klaim_core::Lang;
use klaim_core::claim::{
    ActionItem, ClaimReason, Fixer, ItemTarget, OfficerReason, Question, event_date_label,
};
use leptos::prelude::*;

use crate::i18n::Texts;

/// Which document or answer an item is about, in words.
pub fn target_words(
    target: ItemTarget,
    reason: ClaimReason,
    t: &'static Texts,
    lang: Lang,
) -> &'static str {
    match target {
        ItemTarget::Document(kind) => kind.name(lang),
        ItemTarget::Answer(Question::EventDate) => event_date_label(reason, lang),
        ItemTarget::Answer(question) => question.title(lang),
        ItemTarget::Outside => t.outside_item,
    }
}

/// The word in `data-target`: `document:bank_book`, `answer:bank_account`, `outside`.
pub fn target_key(target: ItemTarget) -> String {
    match target {
        ItemTarget::Document(kind) => format!("document:{}", kind.as_str()),
        ItemTarget::Answer(question) => format!("answer:{}", question.as_str()),
        ItemTarget::Outside => "outside".to_owned(),
    }
}

/// What is wrong, who can fix it (when someone can) and the steps.
pub fn reason_view(reason: OfficerReason, t: &'static Texts, lang: Lang) -> impl IntoView {
    let fixer = reason.fixer();
    let who = (fixer != Fixer::Nobody).then(|| {
        view! {
            <p data-testid="reason-fixer">
                <strong>{t.who_fixes} ": "</strong>
                {fixer.title(lang)}
            </p>
        }
    });
    let steps = reason
        .steps(lang)
        .iter()
        .map(|step| view! { <li data-testid="reason-step">{*step}</li> })
        .collect_view();
    view! {
        <p data-testid="reason-message">
            <strong>{t.whats_wrong} ": "</strong>
            {reason.message(lang)}
        </p>
        {who}
        <p class="reason__how">
            <strong>{t.how_to_fix} ":"</strong>
        </p>
        <ol class="list">{steps}</ol>
    }
}

/// The officer's note, when there is one.
pub fn officer_note_view(note: Option<String>, t: &'static Texts) -> impl IntoView {
    note.filter(|n| !n.trim().is_empty()).map(|note| {
        view! {
            <div class="officer-note" data-testid="officer-note">
                <p>
                    <strong>{t.officer_note} ":"</strong>
                </p>
                <p class="officer-note__text">{note}</p>
            </div>
        }
    })
}

/// The items to fix, with the link to the fix (`fix_href`; none when offline: fixing needs
/// the network).
pub fn needs_action_view(
    items: &[ActionItem],
    note: Option<String>,
    reason: ClaimReason,
    fix_href: Option<String>,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView + use<> {
    let rows = items
        .iter()
        .map(|item| {
            view! {
                <li
                    class="action-item"
                    data-testid="action-item"
                    data-code=item.reason.as_str()
                    data-target=target_key(item.target)
                >
                    <h3 data-testid="action-target">
                        {target_words(item.target, reason, t, lang)}
                    </h3>
                    {reason_view(item.reason, t, lang)}
                </li>
            }
        })
        .collect_view();
    let fix = fix_href.map(|href| {
        view! {
            <p>
                <a class="button" href=href data-testid="start-fix">
                    {t.start_fix}
                </a>
            </p>
        }
    });
    view! {
        <section class="needs-action" aria-labelledby="needs-action-heading" data-testid="needs-action">
            <h2 id="needs-action-heading">{t.needs_action_heading}</h2>
            <p>{t.needs_action_lead}</p>
            <ul class="action-items">{rows}</ul>
            {officer_note_view(note, t)}
            {fix}
        </section>
    }
}

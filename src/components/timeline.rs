//! The status timeline: each step the claim took, named in plain words (klaim-core's
//! `ClaimStatus::title`) with its date, where it is now, and the steps still ahead, the
//! decision with its legal deadline (what the current step means is in the status panel above). The state of each step is written out
//! ("Selesai", "Sekarang", "Belum"), never shown by colour alone.

use klaim_core::Lang;
use leptos::prelude::*;

use crate::claim::words::day_words;
use crate::follow::timeline::{Step, StepName, StepState};
use crate::format::date_words;
use crate::i18n::Texts;

pub fn timeline_view(steps: Vec<Step>, t: &'static Texts, lang: Lang) -> impl IntoView + use<> {
    let items = steps
        .into_iter()
        .map(|step| {
            let title = match step.name {
                StepName::Status(status) => status.title(lang),
                StepName::Decision => t.step_decision,
            };
            let state_words = match step.state {
                StepState::Done => t.step_done,
                StepState::Current => t.step_current,
                StepState::Upcoming => t.step_upcoming,
            };
            let when = match (step.at, &step.due_on) {
                (Some(at), _) if step.by_rule => {
                    Some(format!("{} ({})", day_words(at, lang), t.step_by_rule))
                }
                (Some(at), _) => Some(day_words(at, lang)),
                (None, Some(due)) => Some((t.step_due)(&date_words(due, lang))),
                (None, None) => None,
            };
            let state = step.state;
            view! {
                <li
                    class=format!("timeline__step timeline__step--{}", state.as_str())
                    aria-current=(state == StepState::Current).then_some("step")
                    data-testid="timeline-step"
                    data-step=step.name.as_str()
                    data-state=state.as_str()
                >
                    <p>
                        <strong data-testid="timeline-title">{title}</strong>
                        " "
                        <span class="tag tag--quiet" data-testid="timeline-state">
                            {state_words}
                        </span>
                    </p>
                    {when.map(|w| view! { <p data-testid="timeline-when">{w}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 id="timeline-heading">{t.timeline_heading}</h2>
        <ol class="timeline" aria-labelledby="timeline-heading" data-testid="timeline">
            {items}
        </ol>
    }
}

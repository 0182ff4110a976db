//! "Tentang kecelakaan kerja": when and where it happened, what the doctor's certificate (KK3)
//! says, days unable to work, and costs to be reimbursed. One small group of questions.

use klaim_core::claim::{
    AccidentAnswers, AccidentOutcome, AccidentPlace, Question, Transport, TransportMode,
};
use klaim_core::message::Finding;
use klaim_core::{Date, Rupiah};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{Flow, Ready, back_link, page_title, question_page};
use crate::browser::today;
use crate::claim::words::{outcome_words, place_words, transport_words};
use crate::claim::{ClaimDraft, Said, Typed, date_input_id, parse_date};
use crate::components::{
    Choice, DateField, ErrorSummary, Radios, SubmitButton, TextField, field_error,
};
use crate::form::FormState;
use crate::i18n::{Texts, tr_signal, use_i18n};

const DATE: &str = "accident_on";
const PLACE: &str = "place";
const OUTCOME: &str = "outcome";
const DAYS: &str = "days";
const MEDICAL: &str = "medical";
const TRANSPORT: &str = "transport";
const TRANSPORT_COST: &str = "transport_cost";

const PLACES: [(AccidentPlace, &str); 3] = [
    (AccidentPlace::AtWork, "at_work"),
    (AccidentPlace::OnTheRoad, "on_the_road"),
    (AccidentPlace::AwayFromWork, "away_from_work"),
];
const OUTCOMES: [(AccidentOutcome, &str); 3] = [
    (AccidentOutcome::Recovered, "recovered"),
    (AccidentOutcome::Disability, "disability"),
    (AccidentOutcome::Died, "died"),
];
const MODES: [(TransportMode, &str); 3] = [
    (TransportMode::Land, "land"),
    (TransportMode::Sea, "sea"),
    (TransportMode::Air, "air"),
];

#[component]
pub fn AccidentPage() -> impl IntoView {
    question_page(Question::Accident, accident_form)
}

fn accident_form(flow: Flow, _ready: Ready) -> AnyView {
    let i18n = use_i18n();
    let draft = expect_context::<ClaimDraft>();
    let navigate = use_navigate();
    let form = FormState::new();
    let typed = draft.typed;
    page_title(Some(form.errors), |_, lang| {
        Question::Accident.title(lang).to_owned()
    });
    if let Some(a) = draft
        .answers
        .with_untracked(|a| a.as_ref().and_then(|a| a.accident.clone()))
        && typed.days.with_untracked(String::is_empty)
    {
        prefill(typed, &a);
    }

    let choices = |pick: fn(&'static Texts) -> Vec<Choice>| Signal::derive(move || pick(i18n.t()));
    let places = choices(|t| {
        PLACES
            .iter()
            .map(|(p, w)| ((*w).to_owned(), place_words(t, *p).to_owned()))
            .collect()
    });
    let outcomes = choices(|t| {
        OUTCOMES
            .iter()
            .map(|(o, w)| ((*w).to_owned(), outcome_words(t, *o).to_owned()))
            .collect()
    });
    let modes = choices(|t| {
        let mut all = vec![("none".to_owned(), t.transport_none.to_owned())];
        all.extend(
            MODES
                .iter()
                .map(|(m, w)| ((*w).to_owned(), transport_words(t, *m).to_owned())),
        );
        all
    });
    let with_transport = move || typed.transport.with(|m| !m.is_empty() && m != "none");

    let next = flow.next();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match check(typed, today()) {
            Ok(accident) => {
                form.succeed();
                draft.update(|a| a.accident = Some(accident));
                navigate(&next, Default::default());
            }
            Err(found) => form.refuse(found),
        }
    };

    view! {
        {back_link(flow.back())}
        <ErrorSummary errors=form.errors target=target />
        <h1>{move || Question::Accident.title(i18n.lang())}</h1>
        <form novalidate on:submit=on_submit data-testid="accident-form">
            <DateField
                id=DATE
                legend=tr_signal(|t| t.accident_date_legend)
                hint=tr_signal(|t| t.event_date_hint)
                day=typed.accident_on.day
                month=typed.accident_on.month
                year=typed.accident_on.year
                error=field_error(form.errors, DATE)
                autocomplete="off"
            />
            <Radios
                id=PLACE
                legend=Signal::derive(move || i18n.t().accident_place_legend.to_owned())
                error=field_error(form.errors, PLACE)
                choices=places
                selected=typed.place
            />
            <Radios
                id=OUTCOME
                legend=Signal::derive(move || i18n.t().accident_outcome_legend.to_owned())
                error=field_error(form.errors, OUTCOME)
                choices=outcomes
                selected=typed.outcome
            />
            <TextField
                id=DAYS
                label=tr_signal(|t| t.days_label)
                hint=tr_signal(|t| t.days_hint)
                value=typed.days
                error=field_error(form.errors, DAYS)
                inputmode="numeric"
                maxlength=5
            />
            <TextField
                id=MEDICAL
                label=tr_signal(|t| t.medical_label)
                hint=tr_signal(|t| t.medical_hint)
                value=typed.medical
                error=field_error(form.errors, MEDICAL)
                inputmode="numeric"
                maxlength=20
            />
            <Radios
                id=TRANSPORT
                legend=Signal::derive(move || i18n.t().transport_legend.to_owned())
                error=field_error(form.errors, TRANSPORT)
                choices=modes
                selected=typed.transport
            />
            <Show when=with_transport>
                <TextField
                    id=TRANSPORT_COST
                    label=tr_signal(|t| t.transport_cost_label)
                    hint=tr_signal(|t| t.transport_cost_hint)
                    value=typed.transport_cost
                    error=field_error(form.errors, TRANSPORT_COST)
                    inputmode="numeric"
                    maxlength=20
                />
            </Show>
            <SubmitButton label=tr_signal(|t| t.continue_button) busy=form.busy />
        </form>
    }
    .into_any()
}

fn prefill(typed: Typed, a: &AccidentAnswers) {
    let date = a.happened_on;
    typed.accident_on.day.set(date.day().to_string());
    typed.accident_on.month.set(date.month().to_string());
    typed.accident_on.year.set(date.year().to_string());
    typed.place.set(word_of(&PLACES, a.place));
    typed.outcome.set(word_of(&OUTCOMES, a.outcome));
    typed.days.set(a.days_unable_to_work.to_string());
    if a.medical_costs > Rupiah::ZERO {
        typed.medical.set(a.medical_costs.amount().to_string());
    }
    match a.transport {
        Some(t) => {
            typed.transport.set(word_of(&MODES, t.mode));
            typed.transport_cost.set(t.cost.amount().to_string());
        }
        None => typed.transport.set("none".to_owned()),
    }
}

/// The wire word of `value` in `list`.
fn word_of<T: PartialEq>(list: &[(T, &'static str)], value: T) -> String {
    list.iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, w)| *w)
        .to_owned()
}

/// Every field through its parser; all problems at once.
fn check(typed: Typed, today: Date) -> Result<AccidentAnswers, Vec<Finding>> {
    let mut found = Vec::new();
    let happened_on = keep(&mut found, parse_date(typed.accident_on, DATE, Some(today)));
    let place = keep(
        &mut found,
        choice(&PLACES, typed.place, PLACE, |t| t.place_missing),
    );
    let outcome = keep(
        &mut found,
        choice(&OUTCOMES, typed.outcome, OUTCOME, |t| t.outcome_missing),
    );
    let days = keep(
        &mut found,
        typed
            .days
            .with_untracked(|d| d.trim().parse::<u32>())
            .map_err(|_| {
                Said {
                    code: "claim.days_not_number",
                    message: |t| t.days_not_number,
                    hint: |t| t.days_hint_fix,
                }
                .about(DAYS)
            }),
    );
    let medical = keep(
        &mut found,
        typed.medical.with_untracked(|m| {
            if m.trim().is_empty() {
                Ok(Rupiah::ZERO)
            } else {
                Rupiah::parse(m).map_err(|e| Finding::of(Some(MEDICAL), &e))
            }
        }),
    );
    let mode = MODES
        .iter()
        .find(|(_, w)| typed.transport.with_untracked(|t| t == w))
        .map(|(m, _)| *m);
    let transport = match mode {
        None => Some(None),
        Some(mode) => keep(
            &mut found,
            typed
                .transport_cost
                .with_untracked(|c| Rupiah::parse(c))
                .map(|cost| Some(Transport { mode, cost }))
                .map_err(|e| Finding::of(Some(TRANSPORT_COST), &e)),
        ),
    };
    match (happened_on, place, outcome, days, medical, transport) {
        (
            Some(happened_on),
            Some(place),
            Some(outcome),
            Some(days_unable_to_work),
            Some(medical_costs),
            Some(transport),
        ) => Ok(AccidentAnswers {
            happened_on,
            place,
            outcome,
            days_unable_to_work,
            medical_costs,
            transport,
        }),
        _ => Err(found),
    }
}

/// The value when it passed; the finding kept when not.
fn keep<T>(found: &mut Vec<Finding>, checked: Result<T, Finding>) -> Option<T> {
    checked.map_err(|f| found.push(f)).ok()
}

/// The choice among `list` whose wire word was picked, or "choose one".
fn choice<T: Copy>(
    list: &[(T, &str)],
    picked: RwSignal<String>,
    field: &'static str,
    missing: fn(&'static Texts) -> &'static str,
) -> Result<T, Finding> {
    list.iter()
        .find(|(_, w)| picked.with_untracked(|p| p == w))
        .map(|(v, _)| *v)
        .ok_or_else(|| {
            Said {
                code: "claim.choice_missing",
                message: missing,
                hint: |t| t.choice_missing_hint,
            }
            .about(field)
        })
}

fn target(finding: &Finding) -> String {
    let field = finding.field.unwrap_or(DATE);
    if field == DATE {
        date_input_id(DATE, finding.code)
    } else {
        field.to_owned()
    }
}

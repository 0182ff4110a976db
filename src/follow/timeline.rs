//! The status timeline as data: every status the claim took (with its date, and whether the
//! rules took the step without an officer), then the steps still ahead on the usual way to
//! payment. Drawn by `components::timeline`; tested without a DOM.

use klaim_core::api::claim::{ClaimStatus, ClaimSummary, StatusEvent};
use klaim_core::claim::Actor;

/// Where a step stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    Done,
    /// Where the claim is now (the last status it took).
    Current,
    /// Not reached yet.
    Upcoming,
}

impl StepState {
    /// The word in `data-state`.
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Current => "current",
            StepState::Upcoming => "upcoming",
        }
    }
}

/// What a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepName {
    Status(ClaimStatus),
    /// The decision still to come: approved or not. Named apart because either status can
    /// follow, and the claim has not taken one yet.
    Decision,
}

impl StepName {
    /// The word in `data-step`: the status's wire word, or `decision`.
    pub fn as_str(self) -> &'static str {
        match self {
            StepName::Status(status) => status.as_str(),
            StepName::Decision => "decision",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub name: StepName,
    pub state: StepState,
    /// When the claim took this status (Unix seconds); `None` for steps ahead.
    pub at: Option<i64>,
    /// Taken by the rules (rule-based approval), not by a person.
    pub by_rule: bool,
    /// For the decision ahead: the legal deadline (ISO date).
    pub due_on: Option<String>,
}

/// The timeline of a claim: `history` oldest first, as the server sends it. A claim whose
/// history is missing (or lags behind its status) still shows where it stands.
pub fn timeline(
    summary: &ClaimSummary,
    history: &[StatusEvent],
    decision_due_on: &str,
) -> Vec<Step> {
    let mut events: Vec<(ClaimStatus, i64, bool)> = history
        .iter()
        .map(|e| (e.status, e.at, e.by == Actor::System))
        .collect();
    if events.last().map(|e| e.0) != Some(summary.status) {
        let at = events.last().map_or(summary.submitted_at, |e| e.1);
        events.push((summary.status, at, false));
    }
    let last = events.len() - 1;
    let mut steps: Vec<Step> = events
        .into_iter()
        .enumerate()
        .map(|(i, (status, at, by_rule))| Step {
            name: StepName::Status(status),
            state: if i == last {
                StepState::Current
            } else {
                StepState::Done
            },
            at: Some(at),
            by_rule,
            due_on: None,
        })
        .collect();
    steps.extend(ahead(summary.status).iter().map(|&name| Step {
        name,
        state: StepState::Upcoming,
        at: None,
        by_rule: false,
        due_on: (name == StepName::Decision).then(|| decision_due_on.to_owned()),
    }));
    steps
}

/// The steps still ahead from `status` on the way to payment.
fn ahead(status: ClaimStatus) -> &'static [StepName] {
    use ClaimStatus as S;
    use StepName::{Decision, Status};
    match status {
        S::Submitted | S::NeedsAction => &[
            Status(S::Verifying),
            Decision,
            Status(S::Paying),
            Status(S::Paid),
        ],
        S::Verifying => &[Decision, Status(S::Paying), Status(S::Paid)],
        S::Approved => &[Status(S::Paying), Status(S::Paid)],
        S::Paying => &[Status(S::Paid)],
        S::Rejected | S::Paid => &[],
    }
}

/// The claim has not been decided yet: the decision's deadline still matters.
pub fn undecided(status: ClaimStatus) -> bool {
    matches!(
        status,
        ClaimStatus::Submitted | ClaimStatus::Verifying | ClaimStatus::NeedsAction
    )
}

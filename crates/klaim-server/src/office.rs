//! The back office without HTTP: the officers' queue, a claim beside the registry with the
//! automated checks, the steps that move a claim (klaim-core's state machine), rule-based
//! approval, and the audit trail. The handlers in `api::office` and `api::admin` map
//! [`OfficeError`] to the API's error shape.
//!
//! Invariants: every step is checked by klaim-core (`transition` for who and when,
//! `Decision::parse` for what) before anything is written; a step, its history row, its audit row
//! and the participant's notification are written in one transaction, or none is; two officers
//! acting at once cannot both move a claim (the update names the status it starts from); the
//! history and the audit trail are append-only (database triggers, migration 0004); an officer
//! never takes a step on a claim by or about themselves (`accounts.staff_nik`).

pub mod audit;
pub mod auto_approve;
pub mod checks;
pub mod queue;
mod refusal;
pub mod steps;
pub mod stored;
pub mod view;

use klaim_core::api::account::Role;
use klaim_core::claim::{DecisionProblem, TransitionError};

pub use refusal::OwnClaim;

use crate::claims::ClaimsError;
use crate::clock::Clock;
use crate::db::Db;
use crate::registry::store::StoreError;

/// What the office functions need from the server. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Office {
    pub db: Db,
    pub clock: Clock,
}

/// The signed-in staff member (an officer for the office, an admin for the audit trail).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Staff {
    pub account_id: i64,
    pub role: Role,
}

#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    /// No claim with that id (or no such document on it).
    #[error("claim or document not found")]
    NotFound,
    /// The claim is by or about the officer.
    #[error("the officer's own claim")]
    OwnClaim,
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// klaim-core's parse of the step refused it: every problem.
    #[error("{} problem(s) with the step", .0.len())]
    Decision(Vec<DecisionProblem>),
    /// Reading the registry or the bank stand-in failed.
    #[error(transparent)]
    Claims(#[from] ClaimsError),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Registry(#[from] StoreError),
}

impl From<steps::StepError> for OfficeError {
    fn from(e: steps::StepError) -> OfficeError {
        match e {
            steps::StepError::Transition(e) => OfficeError::Transition(e),
            steps::StepError::Db(e) => OfficeError::Db(e),
        }
    }
}

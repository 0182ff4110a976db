//! Claims without HTTP: the facts the rules read (from the registry and earlier claims), the
//! bank's account-name inquiry (the registry's stand-in), and a submission checked again by
//! klaim-core's rules and stored once, whatever the network does to the request. The handlers in
//! `api::claims` map [`ClaimsError`] to the API's error shape.
//!
//! Invariants: the server never trusts the app (every rule runs again here, on the registry's
//! facts, today's date and the caller's own documents); a claim id names one claim forever (a
//! retry with the same content returns it, other content is refused); one open claim per
//! participant, programme and reason, kept by a unique column even against simultaneous requests;
//! a claim, its attachments and its first status are written in one transaction.

pub mod bank;
mod canonical;
pub mod freshness;
pub mod records;
mod refusal;
pub mod resubmit;
pub mod subject;
pub mod submit;

use klaim_core::message::Finding;

pub use refusal::ClaimRefusal;

use crate::accounts::rate_limit::{LimitError, RetryAfter};
use crate::clock::Clock;
use crate::db::Db;
use crate::documents::UploadRefusal;
use crate::registry::store::StoreError;

/// What the claim functions need from the server. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Claims {
    pub db: Db,
    pub clock: Clock,
}

/// The signed-in participant.
#[derive(Clone, Copy, Debug)]
pub struct Caller {
    pub account_id: i64,
    pub participant_id: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum ClaimsError {
    /// Refused with an explanation (conflicts, not found, rules changed).
    #[error(transparent)]
    Refused(#[from] ClaimRefusal),
    /// A document named in the submission is not one of the caller's.
    #[error(transparent)]
    Document(#[from] UploadRefusal),
    /// The rules (and the checks around them) refuse the submission: every finding, with its
    /// field.
    #[error("{} problem(s)", .0.len())]
    Problems(Vec<Finding>),
    #[error("rate limited for {} s", .0.0)]
    RateLimited(RetryAfter),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Registry(#[from] StoreError),
}

impl From<LimitError> for ClaimsError {
    fn from(e: LimitError) -> ClaimsError {
        match e {
            LimitError::Exceeded(wait) => ClaimsError::RateLimited(wait),
            LimitError::Db(e) => ClaimsError::Db(e),
        }
    }
}

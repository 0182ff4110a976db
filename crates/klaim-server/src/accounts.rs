//! Accounts: registration against the participant registry, one-time codes, sign-in, sessions,
//! password reset, and the profile shown on "Akun saya". No HTTP here: the handlers in
//! `api::account` call these functions and map [`AccountError`] to the API's error shape.
//!
//! Invariants: passwords are hashed with Argon2id off the async runtime ([`password_hash`]);
//! tokens and codes are stored only as digests ([`secret`]); sessions, rate limits and the
//! outbox (`crate::notifications`) live in the database, never in process memory; nothing here
//! logs personal data.

pub mod command;
pub mod device;
pub mod login;
pub mod officers;
pub mod password_hash;
pub mod profile;
pub mod rate_limit;
pub mod registration;
pub mod reset;
pub mod secret;
pub mod sessions;
mod step_code;

use klaim_core::message::Finding;
use klaim_core::{AccountProblem, Lang};

use crate::clock::Clock;
use crate::db::Db;
pub use password_hash::Hasher;
use rate_limit::{LimitError, RetryAfter};

/// What the account functions need from the server.
#[derive(Clone, Debug)]
pub struct Accounts {
    pub db: Db,
    pub clock: Clock,
    pub hasher: Hasher,
}

/// Who is asking: for rate limits per client address, the session list and the message language.
#[derive(Clone, Debug)]
pub struct Caller {
    pub address: String,
    pub user_agent: Option<String>,
    pub lang: Lang,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The form's own checks (klaim-core) failed.
    #[error("{} form finding(s)", .0.len())]
    Form(Vec<Finding>),
    /// A refusal explained to the person.
    #[error("{problem}")]
    Problem {
        problem: AccountProblem,
        field: Option<&'static str>,
    },
    #[error("rate limited for {} s", .0.0)]
    RateLimited(RetryAfter),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Hash(#[from] password_hash::HashError),
}

impl AccountError {
    fn problem(problem: AccountProblem) -> AccountError {
        AccountError::Problem {
            problem,
            field: None,
        }
    }
}

impl From<LimitError> for AccountError {
    fn from(e: LimitError) -> AccountError {
        match e {
            LimitError::Exceeded(wait) => AccountError::RateLimited(wait),
            LimitError::Db(e) => AccountError::Db(e),
        }
    }
}

/// How long a registration or a password reset may take from its first step to its last.
pub const STEP_VALID_SECS: i64 = 30 * 60;
/// How long a code is valid ([`klaim_core::account::CODE_VALID_MINUTES`]).
pub const CODE_VALID_SECS: i64 = klaim_core::account::CODE_VALID_MINUTES as i64 * 60;

/// Removes what has expired: sessions, unfinished steps, old rate-limit windows. Run about once a
/// minute by the outbox worker (`notifications::outbox::run`), which also tidies the outbox.
pub async fn housekeeping(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(now)
        .bind(now - sessions::IDLE_SECS)
        .execute(db.pool())
        .await?;
    sqlx::query("DELETE FROM registrations WHERE expires_at <= $1")
        .bind(now)
        .execute(db.pool())
        .await?;
    sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1")
        .bind(now)
        .execute(db.pool())
        .await?;
    rate_limit::forget_old(db, now).await?;
    Ok(())
}

//! Signing in by NIK or e-mail. Unknown logins and wrong passwords get the same answer and take
//! the same time; failures count per account and per client address.

use klaim_core::AccountProblem;
use klaim_core::api::account::Role;
use klaim_core::forms::account::{LoginId, LoginInput, check_login};
use sqlx::Row;

use super::rate_limit::{LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS};
use super::registration::SignedIn;
use super::sessions;
use super::{AccountError, Accounts, Caller, device, profile, secret};
use crate::db::Db;

/// An account found by its login.
pub struct Found {
    pub id: i64,
    pub role: Role,
    pub participant_id: Option<i64>,
    pub password_hash: String,
}

/// The account for a NIK (participants) or an e-mail address (anyone, compared without case as
/// mail providers do); `None` when there is not exactly one.
pub async fn find(db: &Db, id: &LoginId) -> Result<Option<Found>, sqlx::Error> {
    let rows = match id {
        LoginId::Nik(nik) => {
            sqlx::query(
                "SELECT a.id, a.role, a.participant_id, a.password_hash
                 FROM accounts a JOIN registry_participants p ON p.id = a.participant_id
                 WHERE p.nik = $1",
            )
            .bind(nik.as_str())
            .fetch_all(db.pool())
            .await?
        }
        LoginId::Email(email) => {
            sqlx::query(
                "SELECT a.id, a.role, a.participant_id, a.password_hash FROM accounts a
                 WHERE LOWER(a.email) = LOWER($1)",
            )
            .bind(email.as_str())
            .fetch_all(db.pool())
            .await?
        }
    };
    let [row] = rows.as_slice() else {
        return Ok(None);
    };
    let role: String = row.try_get("role")?;
    Ok(Some(Found {
        id: row.try_get("id")?,
        role: Role::from_wire(&role).ok_or_else(|| sqlx::Error::Decode("unknown role".into()))?,
        participant_id: row.try_get("participant_id")?,
        password_hash: row.try_get("password_hash")?,
    }))
}

/// What the per-account limit counts for a login: the account, or the digest of what was typed
/// when there is no account (so that probing unknown logins is limited too).
pub fn subject(found: Option<&Found>, id: &LoginId) -> String {
    match (found, id) {
        (Some(found), _) => format!("a{}", found.id),
        (None, LoginId::Nik(nik)) => secret::digest(nik.as_str()),
        (None, LoginId::Email(email)) => secret::digest(email.as_str()),
    }
}

pub async fn sign_in(
    accounts: &Accounts,
    caller: &Caller,
    input: &LoginInput,
) -> Result<SignedIn, AccountError> {
    let now = accounts.clock.now();
    let db = &accounts.db;
    let login = check_login(input).map_err(AccountError::Form)?;
    LOGIN_FAILURES_PER_ADDRESS
        .check(db, &caller.address, now)
        .await?;
    let found = find(db, &login.id).await?;
    let subject = subject(found.as_ref(), &login.id);
    LOGIN_FAILURES_PER_ACCOUNT.check(db, &subject, now).await?;

    let stored = found.as_ref().map(|f| f.password_hash.clone());
    let matches = accounts.hasher.verify(&login.password, stored).await?;
    let Some(found) = found.filter(|_| matches) else {
        LOGIN_FAILURES_PER_ACCOUNT.hit(db, &subject, now).await?;
        LOGIN_FAILURES_PER_ADDRESS
            .hit(db, &caller.address, now)
            .await?;
        return Err(AccountError::problem(AccountProblem::LoginFailed));
    };
    let device = device::describe(caller.user_agent.as_deref());
    let mut conn = db.pool().acquire().await?;
    let (token, session) = sessions::create(
        &mut conn,
        found.id,
        found.role,
        found.participant_id,
        &device,
        now,
    )
    .await?;
    drop(conn);
    Ok(SignedIn {
        me: profile::me(db, &session).await?,
        token,
    })
}

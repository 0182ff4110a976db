//! "Lupa kata sandi": a code to the contact verified on the account, then a new password. Asking
//! for an unknown login makes a reset too (one whose code nobody received), so the answers never
//! tell which accounts exist.

use klaim_core::api::account::PasswordResetStarted;
use klaim_core::forms::account::{
    Channel, NewPasswordInput, PasswordResetInput, check_new_password, check_password_reset,
};
use klaim_core::{AccountProblem, PersonalData};
use sqlx::Row;

use super::rate_limit::{CODE_CHECKS_PER_ADDRESS, RESETS_PER_ACCOUNT, RESETS_PER_ADDRESS};
use super::registration::code_problem;
use super::step_code::{self, StoredCode, Verdict};
use super::{
    AccountError, Accounts, CODE_VALID_SECS, Caller, STEP_VALID_SECS, login, profile, secret,
    sessions,
};
use crate::notifications::outbox::{self, Kind, Message};

pub async fn start(
    accounts: &Accounts,
    caller: &Caller,
    input: &PasswordResetInput,
) -> Result<PasswordResetStarted, AccountError> {
    let now = accounts.clock.now();
    let db = &accounts.db;
    let id = check_password_reset(input).map_err(AccountError::Form)?;
    RESETS_PER_ADDRESS.take(db, &caller.address, now).await?;
    let found = login::find(db, &id).await?;
    RESETS_PER_ACCOUNT
        .take(db, &login::subject(found.as_ref(), &id), now)
        .await?;
    let destination = match &found {
        Some(found) => destination(accounts, found.id).await?,
        None => None,
    };

    let token = secret::token();
    let code = secret::code();
    let mut tx = db.begin_write().await?;
    // The digest needs the row id; a placeholder that matches no code comes first.
    let reset_id: i64 = sqlx::query_scalar(
        "INSERT INTO password_resets (token_hash, account_id, created_at, expires_at, code_hash, code_expires_at)
         VALUES ($1, $2, $3, $4, '', $5) RETURNING id",
    )
    .bind(secret::digest(&token))
    .bind(found.as_ref().map(|f| f.id))
    .bind(now)
    .bind(now + STEP_VALID_SECS)
    .bind(now + CODE_VALID_SECS)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE password_resets SET code_hash = $1 WHERE id = $2")
        .bind(secret::code_digest(reset_id, &code))
        .bind(reset_id)
        .execute(&mut *tx)
        .await?;
    if let Some((channel, recipient, masked)) = &destination {
        let message = Message {
            kind: Kind::PasswordResetCode,
            channel: *channel,
            recipient,
            recipient_masked: masked,
            lang: caller.lang,
            code: &code,
        };
        outbox::enqueue(&mut tx, &message, now).await?;
    }
    tx.commit().await?;
    Ok(PasswordResetStarted {
        reset_id: token,
        expires_in_secs: CODE_VALID_SECS as u32,
    })
}

/// Where an account's codes go: the contact verified at registration, as the registry holds it
/// now; officers' e-mail addresses.
async fn destination(
    accounts: &Accounts,
    account_id: i64,
) -> Result<Option<(Channel, String, String)>, AccountError> {
    let row =
        sqlx::query("SELECT participant_id, email, contact_channel FROM accounts WHERE id = $1")
            .bind(account_id)
            .fetch_one(accounts.db.pool())
            .await?;
    let participant: Option<i64> = row.try_get("participant_id")?;
    let channel = row
        .try_get::<Option<String>, _>("contact_channel")?
        .and_then(|c| Channel::from_wire(&c))
        .unwrap_or(Channel::Email);
    Ok(match participant {
        Some(id) => {
            let person = profile::person(&accounts.db, id).await?;
            person
                .contact(channel)
                .map(|(to, masked)| (channel, to, masked))
        }
        None => row
            .try_get::<Option<String>, _>("email")?
            .and_then(|e| klaim_core::Email::parse(&e).ok())
            .map(|e| (Channel::Email, e.as_str().to_owned(), e.masked())),
    })
}

pub async fn complete(
    accounts: &Accounts,
    caller: &Caller,
    token: &str,
    input: &NewPasswordInput,
) -> Result<(), AccountError> {
    let now = accounts.clock.now();
    let db = &accounts.db;
    CODE_CHECKS_PER_ADDRESS
        .take(db, &caller.address, now)
        .await?;
    let row = sqlx::query(
        "SELECT id, account_id, code_hash, code_expires_at, code_tries FROM password_resets
         WHERE token_hash = $1 AND expires_at > $2 AND completed_at IS NULL",
    )
    .bind(secret::digest(token))
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        // Still check the form, so that a typo is reported before "start again".
        check_new_password(input, PersonalData::default()).map_err(AccountError::Form)?;
        return Err(AccountError::problem(AccountProblem::Expired));
    };
    let account_id: Option<i64> = row.try_get("account_id")?;
    let stored = StoredCode {
        step_id: row.try_get("id")?,
        code_hash: row.try_get("code_hash")?,
        expires_at: row.try_get("code_expires_at")?,
        tries: row.try_get("code_tries")?,
    };
    // The new password must not contain the registry's NIK, birth date or name either.
    let person = match account_id {
        Some(id) => match participant_of(accounts, id).await? {
            Some(participant) => Some(profile::person(db, participant).await?),
            None => None,
        },
        None => None,
    };
    let personal = PersonalData {
        nik: person.as_ref().map(|p| &p.nik),
        birth_date: person.as_ref().map(|p| p.birth_date),
        name: person.as_ref().map(|p| &p.name),
    };
    let (code, password) = check_new_password(input, personal).map_err(AccountError::Form)?;
    match step_code::check(&stored, code.as_str(), now) {
        Verdict::Right => {}
        Verdict::Refused(problem) => return Err(code_problem(problem)),
        Verdict::Wrong(problem) => {
            sqlx::query("UPDATE password_resets SET code_tries = code_tries + 1 WHERE id = $1")
                .bind(stored.step_id)
                .execute(db.pool())
                .await?;
            return Err(code_problem(problem));
        }
    }
    // Only a real reset's code can be right: a placeholder's code was never sent.
    let Some(account_id) = account_id else {
        return Err(AccountError::problem(AccountProblem::Expired));
    };
    let hash = accounts.hasher.hash(&password).await?;
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE password_resets SET completed_at = $1 WHERE id = $2 AND completed_at IS NULL",
    )
    .bind(now)
    .bind(stored.step_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AccountError::problem(AccountProblem::Expired));
    }
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    sessions::end_all(&mut tx, account_id).await?;
    tx.commit().await?;
    tracing::info!(account = account_id, "password reset; every session ended");
    Ok(())
}

async fn participant_of(accounts: &Accounts, account_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT participant_id FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(accounts.db.pool())
        .await
}

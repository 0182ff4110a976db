//! Registering: the registry check, the code to a contact on file, and the account once the code
//! is verified. A registration is a row of its own until then; its id is a random token.

use klaim_core::api::account::{CodeSent, Me, RegistrationStarted, Role};
use klaim_core::forms::account::{
    CodeInput, RegistrationInput, SendCodeInput, check_code, check_registration, field,
};
use klaim_core::{AccountProblem, NameMatch};
use sqlx::Row;

use super::profile::{self, Person};
use super::rate_limit::{
    CODE_CHECKS_PER_ADDRESS, CODES_SENT_PER_ADDRESS, CODES_SENT_PER_PERSON_HOUR,
    CODES_SENT_PER_PERSON_MINUTE, REGISTRATIONS_PER_ADDRESS,
};
use super::step_code::{self, StoredCode, Verdict};
use super::{
    AccountError, Accounts, CODE_VALID_SECS, Caller, STEP_VALID_SECS, device, secret, sessions,
};
use crate::notifications::outbox::{self, Kind, Message};

/// A new account and its first session.
pub struct SignedIn {
    pub me: Me,
    pub token: String,
}

/// Step 1: the person as the registry knows them, and the password they chose.
pub async fn start(
    accounts: &Accounts,
    caller: &Caller,
    input: &RegistrationInput,
) -> Result<RegistrationStarted, AccountError> {
    let now = accounts.clock.now();
    let db = &accounts.db;
    REGISTRATIONS_PER_ADDRESS
        .take(db, &caller.address, now)
        .await?;
    let form = check_registration(input, accounts.clock.today()).map_err(AccountError::Form)?;

    let person = match profile::person_by_nik(db, &form.nik).await? {
        Some(p)
            if p.birth_date == form.birth_date
                && profile::has_kpj(db, p.id, form.kpj.as_str()).await? =>
        {
            p
        }
        _ => return Err(AccountError::problem(AccountProblem::NotInRegistry)),
    };
    if matches!(
        form.name.compare(&person.name),
        NameMatch::Similar | NameMatch::Different
    ) {
        return Err(AccountError::Problem {
            problem: AccountProblem::NameDiffers,
            field: Some(field::FULL_NAME),
        });
    }
    if has_account(accounts, person.id).await? {
        return Err(AccountError::problem(AccountProblem::AlreadyRegistered));
    }
    let contacts = person.contacts();
    if contacts.is_empty() {
        return Err(AccountError::problem(AccountProblem::NoContact));
    }
    let password_hash = accounts.hasher.hash(&form.password).await?;
    let token = secret::token();
    sqlx::query(
        "INSERT INTO registrations (token_hash, participant_id, password_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(secret::digest(&token))
    .bind(person.id)
    .bind(password_hash)
    .bind(now)
    .bind(now + STEP_VALID_SECS)
    .execute(db.pool())
    .await?;
    Ok(RegistrationStarted {
        registration_id: token,
        expires_in_secs: STEP_VALID_SECS as u32,
        contacts,
    })
}

async fn has_account(accounts: &Accounts, participant_id: i64) -> Result<bool, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE participant_id = $1")
        .bind(participant_id)
        .fetch_optional(accounts.db.pool())
        .await?;
    Ok(id.is_some())
}

/// A registration that has not expired, with its code.
struct Pending {
    code: StoredCode,
    participant_id: i64,
    password_hash: String,
    channel: Option<String>,
}

async fn pending(accounts: &Accounts, token: &str, now: i64) -> Result<Pending, AccountError> {
    let row = sqlx::query(
        "SELECT id, participant_id, password_hash, code_channel, code_hash, code_expires_at, code_tries
         FROM registrations WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(secret::digest(token))
    .bind(now)
    .fetch_optional(accounts.db.pool())
    .await?;
    let Some(row) = row else {
        return Err(AccountError::problem(AccountProblem::Expired));
    };
    Ok(Pending {
        code: StoredCode {
            step_id: row.try_get("id")?,
            code_hash: row.try_get("code_hash")?,
            expires_at: row.try_get("code_expires_at")?,
            tries: row.try_get("code_tries")?,
        },
        participant_id: row.try_get("participant_id")?,
        password_hash: row.try_get("password_hash")?,
        channel: row.try_get("code_channel")?,
    })
}

/// Step 2: send a (new) code to the chosen contact on file.
pub async fn send_code(
    accounts: &Accounts,
    caller: &Caller,
    token: &str,
    input: &SendCodeInput,
) -> Result<CodeSent, AccountError> {
    let now = accounts.clock.now();
    let db = &accounts.db;
    let pending = pending(accounts, token, now).await?;
    let person: Person = profile::person(db, pending.participant_id).await?;
    let Some((recipient, masked)) = person.contact(input.channel) else {
        return Err(AccountError::Problem {
            problem: AccountProblem::ChannelUnavailable,
            field: Some(field::CHANNEL),
        });
    };
    // Per person, not per registration: starting over must not flood someone's phone.
    let step = format!("p{}", person.id);
    CODES_SENT_PER_PERSON_MINUTE.take(db, &step, now).await?;
    CODES_SENT_PER_PERSON_HOUR.take(db, &step, now).await?;
    CODES_SENT_PER_ADDRESS
        .take(db, &caller.address, now)
        .await?;

    let code = secret::code();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE registrations SET code_channel = $1, code_hash = $2, code_expires_at = $3, code_tries = 0
         WHERE id = $4",
    )
    .bind(input.channel.as_str())
    .bind(secret::code_digest(pending.code.step_id, &code))
    .bind(now + CODE_VALID_SECS)
    .bind(pending.code.step_id)
    .execute(&mut *tx)
    .await?;
    let message = Message {
        kind: Kind::RegistrationCode,
        channel: input.channel,
        recipient: &recipient,
        recipient_masked: &masked,
        lang: caller.lang,
        code: &code,
    };
    outbox::enqueue(&mut tx, &message, now).await?;
    tx.commit().await?;
    Ok(CodeSent {
        channel: input.channel,
        masked,
        expires_in_secs: CODE_VALID_SECS as u32,
    })
}

/// Step 3: the code proves the contact; the account is made and signed in.
pub async fn verify(
    accounts: &Accounts,
    caller: &Caller,
    token: &str,
    input: &CodeInput,
) -> Result<SignedIn, AccountError> {
    let now = accounts.clock.now();
    let db = &accounts.db;
    let code = check_code(input).map_err(AccountError::Form)?;
    CODE_CHECKS_PER_ADDRESS
        .take(db, &caller.address, now)
        .await?;
    let pending = pending(accounts, token, now).await?;
    match step_code::check(&pending.code, code.as_str(), now) {
        Verdict::Right => {}
        Verdict::Refused(problem) => return Err(code_problem(problem)),
        Verdict::Wrong(problem) => {
            sqlx::query("UPDATE registrations SET code_tries = code_tries + 1 WHERE id = $1")
                .bind(pending.code.step_id)
                .execute(db.pool())
                .await?;
            return Err(code_problem(problem));
        }
    }
    let person = profile::person(db, pending.participant_id).await?;
    let mut tx = db.begin_write().await?;
    // Deleting first makes a double-submitted code create one account: the second finds nothing.
    let deleted = sqlx::query("DELETE FROM registrations WHERE id = $1")
        .bind(pending.code.step_id)
        .execute(&mut *tx)
        .await?;
    if deleted.rows_affected() == 0 {
        return Err(AccountError::problem(AccountProblem::Expired));
    }
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM accounts WHERE participant_id = $1")
            .bind(person.id)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() {
        return Err(AccountError::problem(AccountProblem::AlreadyRegistered));
    }
    let account_id: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (role, participant_id, display_name, email, password_hash, contact_channel, created_at)
         VALUES ('participant', $1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(person.id)
    .bind(person.name.as_str())
    .bind(person.email.as_ref().map(|e| e.as_str().to_owned()))
    .bind(&pending.password_hash)
    .bind(pending.channel)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let device = device::describe(caller.user_agent.as_deref());
    let (token, session) = sessions::create(
        &mut tx,
        account_id,
        Role::Participant,
        Some(person.id),
        &device,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(account = account_id, "account registered");
    Ok(SignedIn {
        me: profile::me(db, &session).await?,
        token,
    })
}

/// Code refusals are about the code field.
pub(super) fn code_problem(problem: AccountProblem) -> AccountError {
    AccountError::Problem {
        problem,
        field: Some(field::CODE),
    }
}

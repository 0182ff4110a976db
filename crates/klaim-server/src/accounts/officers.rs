//! Officer and admin accounts: not in the participant registry, they sign in by work e-mail.
//! Created by whoever runs the server (`klaim-server account add-staff`), never by registration.

use klaim_core::api::account::Role;
use klaim_core::message::Finding;
use klaim_core::{Email, Password, PersonName, PersonalData};

use super::{AccountError, Accounts};

/// Creates a staff account; the password follows the same rules as participants' passwords.
pub async fn create(
    accounts: &Accounts,
    role: Role,
    email: &str,
    name: &str,
    password: &str,
) -> Result<i64, AccountError> {
    let email = Email::parse(email)
        .map_err(|e| AccountError::Form(vec![Finding::of(Some("email"), &e)]))?;
    let name = PersonName::parse(name)
        .map_err(|e| AccountError::Form(vec![Finding::of(Some("name"), &e)]))?;
    let personal = PersonalData {
        name: Some(&name),
        ..PersonalData::default()
    };
    let password = Password::parse(password, personal)
        .map_err(|e| AccountError::Form(vec![Finding::of(Some("password"), &e[0])]))?;
    assert_ne!(role, Role::Participant, "participants register themselves");
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM accounts WHERE LOWER(email) = LOWER($1)")
            .bind(email.as_str())
            .fetch_optional(accounts.db.pool())
            .await?;
    if taken.is_some() {
        return Err(AccountError::Form(vec![Finding::of(
            Some("email"),
            &klaim_core::AccountProblem::AlreadyRegistered,
        )]));
    }
    let hash = accounts.hasher.hash(&password).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO accounts (role, display_name, email, password_hash, contact_channel, created_at)
         VALUES ($1, $2, $3, $4, 'email', $5) RETURNING id",
    )
    .bind(role.as_str())
    .bind(name.as_str())
    .bind(email.as_str())
    .bind(hash)
    .bind(accounts.clock.now())
    .fetch_one(accounts.db.pool())
    .await?;
    Ok(id)
}

//! Officer and admin accounts: not in the participant registry, they sign in by work e-mail.
//! Created by whoever runs the server (`klaim-server account add-staff`), never by registration.
//! A staff member is often a member too: with their NIK on file (`--nik`), a claim by or about
//! them is shown to them but never theirs to decide.

use klaim_core::api::account::Role;
use klaim_core::message::Finding;
use klaim_core::{Email, Nik, Password, PersonName, PersonalData};

use super::{AccountError, Accounts};

/// A staff account to create, as typed by the operator.
pub struct NewStaff<'a> {
    pub role: Role,
    pub email: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    /// The staff member's own NIK, if they have one.
    pub nik: Option<&'a str>,
}

/// Creates a staff account without a NIK on file.
pub async fn create(
    accounts: &Accounts,
    role: Role,
    email: &str,
    name: &str,
    password: &str,
) -> Result<i64, AccountError> {
    create_staff(
        accounts,
        &NewStaff {
            role,
            email,
            name,
            password,
            nik: None,
        },
    )
    .await
}

/// Creates a staff account; the password follows the same rules as participants' passwords.
/// Every field is checked before anything is written.
pub async fn create_staff(accounts: &Accounts, staff: &NewStaff<'_>) -> Result<i64, AccountError> {
    let mut findings = Vec::new();
    let email = Email::parse(staff.email)
        .map_err(|e| findings.push(Finding::of(Some("email"), &e)))
        .ok();
    let name = PersonName::parse(staff.name)
        .map_err(|e| findings.push(Finding::of(Some("name"), &e)))
        .ok();
    let nik = match staff.nik {
        Some(nik) => Nik::parse(nik)
            .map_err(|e| findings.push(Finding::of(Some("nik"), &e)))
            .ok(),
        None => None,
    };
    let personal = PersonalData {
        name: name.as_ref(),
        nik: nik.as_ref(),
        ..PersonalData::default()
    };
    let password = Password::parse(staff.password, personal)
        .map_err(|e| findings.push(Finding::of(Some("password"), &e[0])))
        .ok();
    let (Some(email), Some(name), Some(password)) = (email, name, password) else {
        return Err(AccountError::Form(findings));
    };
    if !findings.is_empty() {
        return Err(AccountError::Form(findings));
    }
    assert_ne!(
        staff.role,
        Role::Participant,
        "participants register themselves"
    );
    if find(accounts, email.as_str()).await?.is_some() {
        return Err(AccountError::Form(vec![Finding::of(
            Some("email"),
            &klaim_core::AccountProblem::AlreadyRegistered,
        )]));
    }
    let hash = accounts.hasher.hash(&password).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO accounts
         (role, display_name, email, password_hash, contact_channel, created_at, staff_nik)
         VALUES ($1, $2, $3, $4, 'email', $5, $6) RETURNING id",
    )
    .bind(staff.role.as_str())
    .bind(name.as_str())
    .bind(email.as_str())
    .bind(hash)
    .bind(accounts.clock.now())
    .bind(nik.map(|n| n.as_str().to_owned()))
    .fetch_one(accounts.db.pool())
    .await?;
    Ok(id)
}

/// The account signing in with this e-mail address, if any.
pub async fn find(accounts: &Accounts, email: &str) -> Result<Option<i64>, AccountError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM accounts WHERE LOWER(email) = LOWER($1)")
            .bind(email)
            .fetch_optional(accounts.db.pool())
            .await?,
    )
}

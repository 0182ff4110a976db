//! What the registry says about a participant: identity and contacts for registration, and the
//! profile on "Akun saya".

use klaim_core::api::account::{
    ContactOption, Employment, EndReason, Me, Membership, ParticipantProfile,
};
use klaim_core::forms::account::Channel;
use klaim_core::{Date, Email, Nik, PersonName, PhoneNumber};
use sqlx::Row;

use super::sessions::Session;
use crate::db::Db;

/// A participant's identity and contacts from the registry.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: i64,
    pub nik: Nik,
    pub name: PersonName,
    pub birth_date: Date,
    pub phone: Option<PhoneNumber>,
    pub email: Option<Email>,
}

impl Person {
    /// Where codes can go, in the order offered (the phone first: most people read SMS first).
    pub fn contacts(&self) -> Vec<ContactOption> {
        let phone = self.phone.as_ref().map(|p| ContactOption {
            channel: Channel::Sms,
            masked: p.masked(),
        });
        let email = self.email.as_ref().map(|e| ContactOption {
            channel: Channel::Email,
            masked: e.masked(),
        });
        phone.into_iter().chain(email).collect()
    }

    /// The full address for a channel, and its masked form.
    pub fn contact(&self, channel: Channel) -> Option<(String, String)> {
        match channel {
            Channel::Sms => self.phone.as_ref().map(|p| (p.e164(), p.masked())),
            Channel::Email => self
                .email
                .as_ref()
                .map(|e| (e.as_str().to_owned(), e.masked())),
        }
    }
}

/// Registry data is checked on import, so a value that no longer parses is a fault, not input.
fn corrupt(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("registry {what} does not parse").into())
}

fn person_from(row: &sqlx::any::AnyRow) -> Result<Person, sqlx::Error> {
    let text = |name: &str| row.try_get::<String, _>(name);
    let optional = |name: &str| row.try_get::<Option<String>, _>(name);
    Ok(Person {
        id: row.try_get("id")?,
        nik: Nik::parse(&text("nik")?).map_err(|_| corrupt("NIK"))?,
        name: PersonName::parse(&text("full_name")?).map_err(|_| corrupt("name"))?,
        birth_date: Date::parse_iso(&text("birth_date")?).map_err(|_| corrupt("birth date"))?,
        phone: optional("phone")?
            .map(|p| PhoneNumber::parse(&p).map_err(|_| corrupt("phone")))
            .transpose()?,
        email: optional("email")?
            .map(|e| Email::parse(&e).map_err(|_| corrupt("e-mail")))
            .transpose()?,
    })
}

/// A living participant by NIK.
pub async fn person_by_nik(db: &Db, nik: &Nik) -> Result<Option<Person>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, nik, full_name, birth_date, phone, email FROM registry_participants
         WHERE nik = $1 AND deceased_on IS NULL",
    )
    .bind(nik.as_str())
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(person_from).transpose()
}

pub async fn person(db: &Db, participant_id: i64) -> Result<Person, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, nik, full_name, birth_date, phone, email FROM registry_participants
         WHERE id = $1",
    )
    .bind(participant_id)
    .fetch_one(db.pool())
    .await?;
    person_from(&row)
}

/// Whether the KPJ number is one of the participant's.
pub async fn has_kpj(db: &Db, participant_id: i64, kpj: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM registry_kpj_numbers WHERE participant_id = $1 AND kpj = $2",
    )
    .bind(participant_id)
    .bind(kpj)
    .fetch_optional(db.pool())
    .await?;
    Ok(found.is_some())
}

/// `GET /me` for the session's account.
pub async fn me(db: &Db, session: &Session) -> Result<Me, sqlx::Error> {
    let display_name: String =
        sqlx::query_scalar("SELECT display_name FROM accounts WHERE id = $1")
            .bind(session.account_id)
            .fetch_one(db.pool())
            .await?;
    let participant = match session.participant_id {
        Some(id) => Some(participant_profile(db, id).await?),
        None => None,
    };
    Ok(Me {
        role: session.role,
        display_name,
        participant,
        vault_id: vault_id(session.account_id),
    })
}

/// What names an account's drafts vault on the phone: a digest of a constant and the account's
/// number, so it is stable, differs per account and tells nothing about the person.
pub fn vault_id(account_id: i64) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("klaim-vault-v1:{account_id}").as_bytes());
    crate::documents::Sha256Hex::of(&digest).as_str().to_owned()
}

async fn participant_profile(
    db: &Db,
    participant_id: i64,
) -> Result<ParticipantProfile, sqlx::Error> {
    let person = person(db, participant_id).await?;
    let kpj_rows = sqlx::query(
        "SELECT id, kpj, seq, jht_balance, jht_balance_on FROM registry_kpj_numbers
         WHERE participant_id = $1 ORDER BY seq",
    )
    .bind(participant_id)
    .fetch_all(db.pool())
    .await?;
    let job_rows = sqlx::query(
        "SELECT e.kpj_id, e.employer, e.started_on, e.ended_on, e.end_reason, e.membership
         FROM registry_employments e JOIN registry_kpj_numbers k ON k.id = e.kpj_id
         WHERE k.participant_id = $1 ORDER BY e.started_on DESC, e.id DESC",
    )
    .bind(participant_id)
    .fetch_all(db.pool())
    .await?;
    let mut memberships = Vec::with_capacity(kpj_rows.len());
    for row in &kpj_rows {
        let kpj_id: i64 = row.try_get("id")?;
        let mut employments = Vec::new();
        for job in &job_rows {
            if job.try_get::<i64, _>("kpj_id")? != kpj_id {
                continue;
            }
            let reason: String = job.try_get("end_reason")?;
            employments.push(Employment {
                employer: job.try_get("employer")?,
                started_on: job.try_get("started_on")?,
                ended_on: job.try_get("ended_on")?,
                end_reason: EndReason::from_wire(&reason).ok_or_else(|| corrupt("end reason"))?,
                membership_active: job.try_get::<String, _>("membership")? == "active",
            });
        }
        let balance: i64 = row.try_get("jht_balance")?;
        memberships.push(Membership {
            kpj: row.try_get("kpj")?,
            primary: row.try_get::<i64, _>("seq")? == 1,
            jht_balance: u64::try_from(balance).map_err(|_| corrupt("balance"))?,
            jht_balance_on: row.try_get("jht_balance_on")?,
            employments,
        });
    }
    let jht_balance_total = memberships.iter().map(|m| m.jht_balance).sum();
    // ISO dates sort as text; the total is only as recent as its oldest part.
    let jht_balance_on = memberships
        .iter()
        .map(|m| m.jht_balance_on.clone())
        .min()
        .unwrap_or_default();
    Ok(ParticipantProfile {
        full_name: person.name.as_str().to_owned(),
        nik_masked: person.nik.masked(),
        birth_date: person.birth_date.to_iso(),
        contacts: person.contacts(),
        memberships,
        jht_balance_total,
        jht_balance_on,
    })
}

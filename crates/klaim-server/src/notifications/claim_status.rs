//! A claim's status changed: one in-app notice for the claimant's account and one message to the
//! contact that account verified.

use klaim_core::Lang;
use klaim_core::claim::ClaimStatus;
use klaim_core::forms::account::Channel;
use klaim_core::{Email, PhoneNumber};
use sqlx::{AnyConnection, Row};

/// Records the change for the claim's account: the inbox row and, when the account has a contact
/// on file, one outbox message. Call it inside the transaction that changed the status.
pub async fn claim_status_changed(
    conn: &mut AnyConnection,
    claim_id: &str,
    status: ClaimStatus,
    now: i64,
) -> Result<(), sqlx::Error> {
    // The contact is read from the registry as it is now (people change numbers); staff accounts
    // have no participant and are reached at their work address.
    let row = sqlx::query(
        "SELECT a.id AS account_id, a.contact_channel, a.email AS account_email,
                p.phone AS phone, p.email AS participant_email, a.participant_id
         FROM claims c
         JOIN accounts a ON a.id = c.account_id
         LEFT JOIN registry_participants p ON p.id = a.participant_id
         WHERE c.id = $1",
    )
    .bind(claim_id)
    .fetch_one(&mut *conn)
    .await?;
    let account_id: i64 = row.try_get("account_id")?;
    sqlx::query(
        "INSERT INTO inbox (account_id, claim_id, status, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(account_id)
    .bind(claim_id)
    .bind(status.as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?;

    let Some(contact) = contact(&row)? else {
        return Ok(());
    };
    sqlx::query(
        "INSERT INTO notifications
            (kind, channel, recipient, recipient_masked, lang, secret, created_at, next_attempt_at)
         VALUES ('claim_status', $1, $2, $3, $4, NULL, $5, $5)",
    )
    .bind(contact.channel.as_str())
    .bind(&contact.address)
    .bind(&contact.masked)
    .bind(Lang::Id.tag())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

struct Contact {
    channel: Channel,
    address: String,
    masked: String,
}

/// The account's verified channel first; if the registry no longer has that contact, the other
/// one on file (a status notice carries no secret, so any contact of the person will do).
fn contact(row: &sqlx::any::AnyRow) -> Result<Option<Contact>, sqlx::Error> {
    let preferred = row
        .try_get::<Option<String>, _>("contact_channel")?
        .and_then(|c| Channel::from_wire(&c))
        .unwrap_or(Channel::Email);
    let participant: Option<i64> = row.try_get("participant_id")?;
    let phone = row
        .try_get::<Option<String>, _>("phone")?
        .and_then(|p| PhoneNumber::parse(&p).ok())
        .map(|p| Contact {
            channel: Channel::Sms,
            address: p.e164(),
            masked: p.masked(),
        });
    let email_column = if participant.is_some() {
        "participant_email"
    } else {
        "account_email"
    };
    let email = row
        .try_get::<Option<String>, _>(email_column)?
        .and_then(|e| Email::parse(&e).ok())
        .map(|e| Contact {
            channel: Channel::Email,
            address: e.as_str().to_owned(),
            masked: e.masked(),
        });
    Ok(match preferred {
        Channel::Sms => phone.or(email),
        Channel::Email => email.or(phone),
    })
}

/// What an e-mail or SMS about a status change says: nothing but that something changed, no
/// reference, name or amount. Messages carry both languages, Indonesian first (the account has no
/// language of its own), so the outbox row's `lang` is `id`.
pub fn status_text(lang: Lang) -> &'static str {
    lang.pick(
        "Status klaim Anda berubah. Buka Klaim untuk melihat.",
        "Your claim's status changed. Open Klaim to see it.",
    )
}

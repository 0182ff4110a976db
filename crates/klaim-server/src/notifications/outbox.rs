//! The outbox: messages written in the same transaction as the step that needs them (a one-time
//! code, a claim's status change) and delivered by a background worker. If the process dies in
//! between, the next start (or another process) delivers them; nothing lives only in memory.
//!
//! Each message is claimed before it is sent, so two server processes never send the same one.
//! A failed delivery is tried again later with capped exponential back-off
//! ([`retry_delay`]), and given up after [`MAX_ATTEMPTS`] (a one-time code as soon as it has
//! expired: nobody can use it any more). A failure is recorded without personal data
//! (`last_error` names the kind of failure, never the server's words, which may quote the
//! address). Once delivered or given up, the address and the code are wiped from the row.
//! One message failing never holds up the others: each row stands alone.

use std::time::Duration;

use klaim_core::Lang;
use klaim_core::forms::account::Channel;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::claim_status::status_text;
use super::delivery::{Channels, Failure, Outgoing};
use crate::accounts::CODE_VALID_SECS;
use crate::clock::Clock;
use crate::db::Db;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    RegistrationCode,
    PasswordResetCode,
    /// A claim's status changed: no secret, and the text says nothing else.
    ClaimStatus,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::RegistrationCode => "registration_code",
            Kind::PasswordResetCode => "password_reset_code",
            Kind::ClaimStatus => "claim_status",
        }
    }

    pub fn from_wire(text: &str) -> Option<Kind> {
        [
            Kind::RegistrationCode,
            Kind::PasswordResetCode,
            Kind::ClaimStatus,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }

    /// When a message of this kind stops being worth sending: a code that expired cannot be
    /// used.
    fn useless_after(self, created_at: i64) -> Option<i64> {
        match self {
            Kind::RegistrationCode | Kind::PasswordResetCode => Some(created_at + CODE_VALID_SECS),
            Kind::ClaimStatus => None,
        }
    }
}

/// One code to queue.
pub struct Message<'a> {
    pub kind: Kind,
    pub channel: Channel,
    pub recipient: &'a str,
    pub recipient_masked: &'a str,
    pub lang: Lang,
    pub code: &'a str,
}

pub async fn enqueue(
    conn: &mut AnyConnection,
    message: &Message<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notifications
            (kind, channel, recipient, recipient_masked, lang, secret, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(message.kind.as_str())
    .bind(message.channel.as_str())
    .bind(message.recipient)
    .bind(message.recipient_masked)
    .bind(message.lang.tag())
    .bind(message.code)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Tries per message before it is given up: with [`retry_delay`], about two hours of trying.
pub const MAX_ATTEMPTS: i64 = 8;
/// The wait after the first failure; it doubles with each further failure.
pub const FIRST_RETRY_SECS: i64 = 30;
/// The longest wait between two tries.
pub const MAX_RETRY_SECS: i64 = 3600;

/// How long to wait after the `attempts`-th failed try: 30 s, 1 min, 2 min, … capped at 1 h.
pub fn retry_delay(attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    FIRST_RETRY_SECS
        .saturating_mul(1 << doublings)
        .min(MAX_RETRY_SECS)
}

/// How often the worker looks for new messages.
const POLL: Duration = Duration::from_millis(250);
/// A claimed message not marked sent after this long (a process died mid-send) is tried again.
/// Longer than any send may take (the transports time out after 10 s per step).
const CLAIM_TIMEOUT_SECS: i64 = 120;
/// Delivered rows are kept a day, given-up rows a week (for support to see that something
/// failed and why), then removed. Neither holds an address or a code by then.
const KEEP_DELIVERED_SECS: i64 = 24 * 3600;
const KEEP_GIVEN_UP_SECS: i64 = 7 * 24 * 3600;

/// Runs until the task is dropped: delivers pending messages and tidies expired rows.
pub async fn run(db: Db, clock: Clock, channels: Channels) {
    let mut ticks = 0u32;
    loop {
        if let Err(e) = deliver_pending(&db, &clock, &channels).await {
            tracing::warn!(error = %e, "notification delivery failed; will retry");
        }
        // About once a minute.
        if ticks.is_multiple_of(240) {
            let now = clock.now();
            if let Err(e) = crate::accounts::housekeeping(&db, now).await {
                tracing::warn!(error = %e, "housekeeping failed; will retry");
            }
            if let Err(e) = forget_done(&db, now).await {
                tracing::warn!(error = %e, "outbox housekeeping failed; will retry");
            }
        }
        ticks = ticks.wrapping_add(1);
        tokio::time::sleep(POLL).await;
    }
}

/// What one pass of the worker did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    /// Handed to a transport (or printed by the log delivery).
    pub delivered: usize,
    /// Failed, to be tried again later.
    pub retrying: usize,
    /// Failed for the last time (or no longer worth sending).
    pub gave_up: usize,
}

/// Delivers what is due now, each message on its own.
pub async fn deliver_pending(
    db: &Db,
    clock: &Clock,
    channels: &Channels,
) -> Result<Round, sqlx::Error> {
    let now = clock.now();
    let due = sqlx::query(
        "SELECT id FROM notifications
         WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $1
           AND (claimed_at IS NULL OR claimed_at < $2)
         ORDER BY next_attempt_at, id LIMIT 20",
    )
    .bind(now)
    .bind(now - CLAIM_TIMEOUT_SECS)
    .fetch_all(db.pool())
    .await?;
    let mut round = Round::default();
    for row in due {
        let id: i64 = row.try_get(0)?;
        // Claim first, so that two server processes never send the same message.
        let claimed = sqlx::query(
            "UPDATE notifications SET claimed_at = $1, attempts = attempts + 1
             WHERE id = $2 AND sent_at IS NULL AND gave_up_at IS NULL
               AND (claimed_at IS NULL OR claimed_at < $3)
             RETURNING kind, channel, recipient, recipient_masked, lang, secret, created_at,
                       attempts",
        )
        .bind(now)
        .bind(id)
        .bind(now - CLAIM_TIMEOUT_SECS)
        .fetch_optional(db.pool())
        .await?;
        let Some(row) = claimed else { continue };
        let claimed = Claimed::read(&row)?;
        let outcome = match claimed.outgoing(now) {
            Ok(outgoing) => channels.send(&outgoing).await,
            Err(failure) => Err(failure),
        };
        match outcome {
            Ok(()) => {
                finish_delivered(db, id, now).await?;
                round.delivered += 1;
            }
            Err(failure) => {
                let last_try = failure.permanent || claimed.attempts >= MAX_ATTEMPTS;
                tracing::warn!(
                    notification = id,
                    kind = claimed.kind.as_str(),
                    channel = claimed.channel.as_str(),
                    attempts = claimed.attempts,
                    error = %failure.reason,
                    given_up = last_try,
                    "notification not delivered"
                );
                if last_try {
                    give_up(db, id, now, &failure.reason).await?;
                    round.gave_up += 1;
                } else {
                    let next = now + retry_delay(claimed.attempts);
                    retry_later(db, id, next, &failure.reason).await?;
                    round.retrying += 1;
                }
            }
        }
    }
    Ok(round)
}

/// A claimed row, read back.
struct Claimed {
    kind: Kind,
    channel: Channel,
    recipient: String,
    recipient_masked: String,
    lang: Lang,
    secret: Option<String>,
    created_at: i64,
    attempts: i64,
}

impl Claimed {
    fn read(row: &AnyRow) -> Result<Claimed, sqlx::Error> {
        let corrupt = |what: &str| sqlx::Error::Decode(format!("notifications.{what}").into());
        let kind: String = row.try_get("kind")?;
        let channel: String = row.try_get("channel")?;
        Ok(Claimed {
            kind: Kind::from_wire(&kind).ok_or_else(|| corrupt("kind"))?,
            channel: Channel::from_wire(&channel).ok_or_else(|| corrupt("channel"))?,
            recipient: row.try_get("recipient")?,
            recipient_masked: row.try_get("recipient_masked")?,
            lang: Lang::from_tag(&row.try_get::<String, _>("lang")?),
            secret: row.try_get("secret")?,
            created_at: row.try_get("created_at")?,
            attempts: row.try_get("attempts")?,
        })
    }

    /// The message as it leaves, or why it is no longer worth sending.
    fn outgoing(&self, now: i64) -> Result<Outgoing<'_>, Failure> {
        if self
            .kind
            .useless_after(self.created_at)
            .is_some_and(|t| now >= t)
        {
            return Err(Failure::permanent("expired before delivery"));
        }
        let (subject, text) = match self.kind {
            Kind::RegistrationCode | Kind::PasswordResetCode => {
                let code = self
                    .secret
                    .as_deref()
                    .filter(|c| !c.is_empty())
                    .ok_or_else(|| Failure::permanent("no code to send"))?;
                (
                    code_subject(self.lang).to_owned(),
                    code_text(self.lang, code),
                )
            }
            Kind::ClaimStatus => (status_subject().to_owned(), status_message(self.channel)),
        };
        Ok(Outgoing {
            kind: self.kind,
            channel: self.channel,
            to: &self.recipient,
            to_masked: &self.recipient_masked,
            subject,
            text,
            code: self.secret.as_deref(),
        })
    }
}

async fn finish_delivered(db: &Db, id: i64, now: i64) -> Result<(), sqlx::Error> {
    // Delivered: the code and the address are no longer needed.
    sqlx::query(
        "UPDATE notifications SET sent_at = $1, secret = NULL, recipient = '', last_error = NULL
         WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(())
}

async fn give_up(db: &Db, id: i64, now: i64, reason: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notifications SET gave_up_at = $1, secret = NULL, recipient = '', last_error = $2,
                claimed_at = NULL
         WHERE id = $3",
    )
    .bind(now)
    .bind(reason)
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(())
}

async fn retry_later(db: &Db, id: i64, next: i64, reason: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notifications SET next_attempt_at = $1, last_error = $2, claimed_at = NULL
         WHERE id = $3",
    )
    .bind(next)
    .bind(reason)
    .bind(id)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Removes rows delivered more than a day ago and rows given up more than a week ago.
pub async fn forget_done(db: &Db, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM notifications
         WHERE (sent_at IS NOT NULL AND sent_at <= $1)
            OR (gave_up_at IS NOT NULL AND gave_up_at <= $2)",
    )
    .bind(now - KEEP_DELIVERED_SECS)
    .bind(now - KEEP_GIVEN_UP_SECS)
    .execute(db.pool())
    .await?;
    Ok(())
}

fn code_subject(lang: Lang) -> &'static str {
    lang.pick("Kode verifikasi Klaim", "Your Klaim verification code")
}

/// What an SMS or e-mail with a one-time code says.
pub fn code_text(lang: Lang, code: &str) -> String {
    lang.pick(
        format!(
            "Kode verifikasi Klaim: {code}. Berlaku 10 menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas."
        ),
        format!(
            "Your Klaim verification code: {code}. Valid for 10 minutes. Never give this code to anyone, staff included."
        ),
    )
}

/// The subject of a status e-mail: as generic as its text.
pub fn status_subject() -> &'static str {
    "Status klaim Anda berubah / Your claim's status changed"
}

/// A status message in both languages, Indonesian first: on one line for an SMS, as two
/// paragraphs in an e-mail.
pub fn status_message(channel: Channel) -> String {
    let separator = match channel {
        Channel::Sms => " / ",
        Channel::Email => "\r\n\r\n",
    };
    format!(
        "{}{separator}{}",
        status_text(Lang::Id),
        status_text(Lang::En)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_up_to_the_cap() {
        let delays: Vec<i64> = (1..=MAX_ATTEMPTS).map(retry_delay).collect();
        assert_eq!(delays, [30, 60, 120, 240, 480, 960, 1920, 3600]);
        assert_eq!(retry_delay(40), MAX_RETRY_SECS);
        assert_eq!(retry_delay(0), FIRST_RETRY_SECS);
    }

    #[test]
    fn kinds_read_back_from_their_column() {
        for kind in [
            Kind::RegistrationCode,
            Kind::PasswordResetCode,
            Kind::ClaimStatus,
        ] {
            assert_eq!(Kind::from_wire(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::from_wire("newsletter"), None);
    }

    #[test]
    fn a_status_message_says_only_that_something_changed() {
        assert_eq!(
            status_message(Channel::Sms),
            "Status klaim Anda berubah. Buka Klaim untuk melihat. / \
             Your claim's status changed. Open Klaim to see it."
        );
        assert!(status_message(Channel::Email).contains("\r\n\r\nYour claim's"));
        assert!(
            !status_message(Channel::Sms)
                .chars()
                .any(|c| c.is_ascii_digit())
        );
    }
}

//! The notification outbox: a code is written in the same transaction as the step that needs it,
//! and a background task delivers it. If the process dies in between, the next start (or another
//! process) delivers it; nothing lives only in memory.
//!
//! Delivery today is `log`: for development and tests the message is printed to the server log
//! (the code with the masked recipient). An SMS or e-mail gateway is another [`Delivery`].
//! Messages carry no personal data, only the code.

use std::time::Duration;

use klaim_core::Lang;
use klaim_core::forms::account::Channel;
use sqlx::{Any, AnyConnection, Row};

use crate::clock::Clock;
use crate::db::Db;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    RegistrationCode,
    PasswordResetCode,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::RegistrationCode => "registration_code",
            Kind::PasswordResetCode => "password_reset_code",
        }
    }
}

/// One message to queue.
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
            (kind, channel, recipient, recipient_masked, lang, secret, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
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

/// How queued messages leave the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Delivery {
    /// Print to the server log (development and tests).
    Log,
}

/// How often the worker looks for new messages.
const POLL: Duration = Duration::from_millis(250);
/// A claimed message not marked sent after this long (a process died mid-send) is tried again.
const CLAIM_TIMEOUT_SECS: i64 = 60;

/// Runs until the task is dropped: delivers pending messages and tidies expired rows.
pub async fn run(db: Db, clock: Clock, delivery: Delivery) {
    let mut ticks = 0u32;
    loop {
        if let Err(e) = deliver_pending(&db, &clock, delivery).await {
            tracing::warn!(error = %e, "notification delivery failed; will retry");
        }
        // About once a minute.
        if ticks.is_multiple_of(240)
            && let Err(e) = super::housekeeping(&db, clock.now()).await
        {
            tracing::warn!(error = %e, "housekeeping failed; will retry");
        }
        ticks = ticks.wrapping_add(1);
        tokio::time::sleep(POLL).await;
    }
}

/// Delivers what is pending now; returns how many messages went out.
pub async fn deliver_pending(
    db: &Db,
    clock: &Clock,
    delivery: Delivery,
) -> Result<usize, sqlx::Error> {
    let now = clock.now();
    let pending = sqlx::query(
        "SELECT id FROM notifications
         WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < $1)
         ORDER BY id LIMIT 20",
    )
    .bind(now - CLAIM_TIMEOUT_SECS)
    .fetch_all(db.pool())
    .await?;
    let mut sent = 0;
    for row in pending {
        let id: i64 = row.try_get(0)?;
        // Claim first, so that two server processes never send the same message.
        let claimed = sqlx::query(
            "UPDATE notifications SET claimed_at = $1, attempts = attempts + 1
             WHERE id = $2 AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < $3)
             RETURNING kind, channel, recipient_masked, lang, secret",
        )
        .bind(now)
        .bind(id)
        .bind(now - CLAIM_TIMEOUT_SECS)
        .fetch_optional(db.pool())
        .await?;
        let Some(row) = claimed else { continue };
        deliver(delivery, &row)?;
        // Delivered: the code and the address are no longer needed.
        sqlx::query::<Any>(
            "UPDATE notifications SET sent_at = $1, secret = '', recipient = '' WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(db.pool())
        .await?;
        sent += 1;
    }
    Ok(sent)
}

fn deliver(delivery: Delivery, row: &sqlx::any::AnyRow) -> Result<(), sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    let channel: String = row.try_get("channel")?;
    let to: String = row.try_get("recipient_masked")?;
    let lang = Lang::from_tag(&row.try_get::<String, _>("lang")?);
    let code: String = row.try_get("secret")?;
    match delivery {
        Delivery::Log => tracing::info!(
            target: "klaim::delivery",
            kind = %kind,
            channel = %channel,
            to = %to,
            text = %text(lang, &code),
            code = %code,
            "one-time code (development delivery: printed, not sent)"
        ),
    }
    Ok(())
}

/// What the SMS or e-mail says.
pub fn text(lang: Lang, code: &str) -> String {
    lang.pick(
        format!(
            "Kode verifikasi Klaim: {code}. Berlaku 10 menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas."
        ),
        format!(
            "Your Klaim verification code: {code}. Valid for 10 minutes. Never give this code to anyone, staff included."
        ),
    )
}

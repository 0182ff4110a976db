//! What the notification, refresh and receipt suites share: a participant with a submitted JHT
//! claim, and a status change as the back office makes it (the claim's version raised and
//! `notifications::claim_status_changed` in the same transaction).
// Each test crate uses only part of this module.
#![allow(dead_code)]

use klaim_core::claim::ClaimStatus;
use klaim_server::notifications::{self, Channels, outbox};

use crate::harness::Harness;
use crate::support::{answers, attach, pairs, put_claim, submission};

/// What a JHT claim after resignation needs.
pub const JHT_RESIGNED: [&str; 3] = ["ktp", "kpj_card", "bank_book"];

/// A participant's submitted claim.
pub struct Submitted {
    pub cookie: String,
    pub id: String,
    pub reference: String,
    pub account_id: i64,
    /// `(kind, document id)` as attached.
    pub documents: Vec<(&'static str, String)>,
}

/// Registers persona `n` (contact: SMS) and submits a JHT claim after resignation for them.
pub async fn submitted(h: &Harness, n: usize) -> Submitted {
    let cookie = h.register(n).await;
    let documents = attach(h, &cookie, &JHT_RESIGNED).await;
    let body = submission(answers(h.persona(n), "jht", "resigned"), &pairs(&documents));
    let id = crate::support::new_id();
    let reply = put_claim(h, &cookie, &id, body).await;
    assert_eq!(reply.status, 201, "{:?}", reply.json());
    let reference = reply.json()["reference"].as_str().unwrap().to_owned();
    let account_id = sqlx::query_scalar("SELECT account_id FROM claims WHERE id = $1")
        .bind(&id)
        .fetch_one(h.db.db.pool())
        .await
        .unwrap();
    Submitted {
        cookie,
        id,
        reference,
        account_id,
        documents,
    }
}

/// Moves the claim to `status` the way a step does: the claim changes and its notice is queued
/// in one transaction.
pub async fn change_status(h: &Harness, claim_id: &str, status: ClaimStatus) {
    let mut tx = h.db.db.begin_write().await.unwrap();
    // A closed claim gives up its place as the open claim of its programme (a table rule).
    sqlx::query(
        "UPDATE claims SET status = $1, version = version + 1,
                open_key = CASE WHEN $1 IN ('rejected', 'paid') THEN NULL ELSE open_key END
         WHERE id = $2",
    )
    .bind(status.as_str())
    .bind(claim_id)
    .execute(&mut *tx)
    .await
    .unwrap();
    notifications::claim_status_changed(&mut tx, claim_id, status, h.clock.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// Where the account's notices go from now on.
pub async fn set_contact(h: &Harness, account_id: i64, channel: &str) {
    sqlx::query("UPDATE accounts SET contact_channel = $1 WHERE id = $2")
        .bind(channel)
        .bind(account_id)
        .execute(h.db.db.pool())
        .await
        .unwrap();
}

/// Delivers everything due (registration codes included) to the log, so that a test starts
/// with an empty outbox.
pub async fn flush(h: &Harness) {
    let round = outbox::deliver_pending(&h.db.db, &h.clock, &Channels::log_only())
        .await
        .unwrap();
    assert_eq!((round.retrying, round.gave_up), (0, 0), "{round:?}");
}

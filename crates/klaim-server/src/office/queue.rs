//! `GET /office/claims`: the officers' queue, the earliest legal decision date first (then the
//! oldest submission), with how old each claim is, whether it is overdue, the amount klaim-core
//! computed, and whether it is the officer's own.

use klaim_core::Date;
use klaim_core::api::claim::ClaimStatus;
use klaim_core::api::office::{Queue, QueueEntry, QueueFilter};
use klaim_core::claim::Programme;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::stored::{self, corrupt};
use super::{Office, Staff};
use crate::claims::records;

/// The most entries one answer carries; narrow the filter to see others.
pub const MAX_ENTRIES: usize = 500;

/// The queue for `officer` under `filter`. Without a status it holds the claims still open (not
/// rejected, not paid).
pub async fn list(
    office: &Office,
    officer: Staff,
    filter: &QueueFilter,
) -> Result<Queue, sqlx::Error> {
    let mut conn = office.db.pool().acquire().await?;
    let staff_nik = stored::staff_nik(&mut conn, officer.account_id).await?;
    let rows = sqlx::query(
        "SELECT c.id, c.reference, c.programme, c.reason, c.status, c.submitted_at,
         c.decision_due_on, c.estimate_lump_sum, c.estimate_monthly, c.estimate_months,
         c.estimate_total, c.estimate_tax, c.estimate_explanation_id, c.estimate_explanation_en,
         p.nik AS participant_nik, q.nik AS claimant_nik
         FROM claims c
         JOIN registry_participants p ON p.id = c.participant_id
         JOIN registry_participants q ON q.id = c.claimant_participant_id
         WHERE ($1 = '' OR c.programme = $1)
         AND (($2 = '' AND c.open_key IS NOT NULL) OR c.status = $2)
         ORDER BY c.decision_due_on, c.submitted_at, c.id",
    )
    .bind(filter.programme.map_or("", Programme::as_str))
    .bind(filter.status.map_or("", ClaimStatus::as_str))
    .fetch_all(&mut *conn)
    .await?;
    let today = office.clock.today();
    let mut entries = Vec::new();
    for row in &rows {
        let entry = entry(row, today, staff_nik.as_deref())?;
        if filter
            .older_than_days
            .is_some_and(|days| entry.age_days < days)
        {
            continue;
        }
        entries.push(entry);
        if entries.len() == MAX_ENTRIES {
            break;
        }
    }
    Ok(Queue { entries })
}

fn entry(row: &AnyRow, today: Date, staff_nik: Option<&str>) -> Result<QueueEntry, sqlx::Error> {
    let text = |column: &str| row.try_get::<String, _>(column);
    let status = ClaimStatus::from_wire(&text("status")?).ok_or_else(|| corrupt("status"))?;
    let submitted_at: i64 = row.try_get("submitted_at")?;
    let due = Date::parse_iso(&text("decision_due_on")?).map_err(|_| corrupt("decision_due_on"))?;
    let estimate = records::estimate(row)?;
    let age = crate::clock::wib_date(submitted_at).days_until(today);
    let own = staff_nik.is_some_and(|nik| {
        [text("participant_nik"), text("claimant_nik")]
            .into_iter()
            .any(|n| n.is_ok_and(|n| n == nik))
    });
    Ok(QueueEntry {
        summary: records::summary(row)?,
        decision_due_on: due,
        // The deadline runs while the agency holds the claim; waiting for the participant
        // (needs action) or after the decision it cannot be missed.
        overdue: due < today && matches!(status, ClaimStatus::Submitted | ClaimStatus::Verifying),
        age_days: u32::try_from(age.max(0)).unwrap_or(0),
        amount: estimate.amount_to_approve().amount(),
        own,
    })
}

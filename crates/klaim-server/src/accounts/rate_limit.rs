//! Fixed-window counters in the database, so that limits hold across several server processes
//! and restarts. A key names what is counted (`login_fail_account:42`, `register_ip:10.0.0.7`).

use sqlx::Row;

use crate::db::Db;

/// At most `max` hits per `window_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub name: &'static str,
    pub max: i64,
    pub window_secs: i64,
}

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;

// The figures are in docs/accounts-api.md; keep them in step.
pub const LOGIN_FAILURES_PER_ACCOUNT: Limit = Limit::new("login_fail_account", 5, 15 * MINUTE);
pub const LOGIN_FAILURES_PER_ADDRESS: Limit = Limit::new("login_fail_ip", 50, 15 * MINUTE);
pub const REGISTRATIONS_PER_ADDRESS: Limit = Limit::new("register_ip", 20, HOUR);
pub const CODE_CHECKS_PER_ADDRESS: Limit = Limit::new("code_check_ip", 50, 15 * MINUTE);
pub const CODES_SENT_PER_PERSON_MINUTE: Limit = Limit::new("code_send_minute", 1, MINUTE);
pub const CODES_SENT_PER_PERSON_HOUR: Limit = Limit::new("code_send_hour", 5, HOUR);
pub const CODES_SENT_PER_ADDRESS: Limit = Limit::new("code_send_ip", 20, HOUR);
pub const RESETS_PER_ACCOUNT: Limit = Limit::new("reset_account", 3, HOUR);
pub const RESETS_PER_ADDRESS: Limit = Limit::new("reset_ip", 20, HOUR);

/// How long to wait before the limit lets the next request through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryAfter(pub i64);

impl Limit {
    pub const fn new(name: &'static str, max: i64, window_secs: i64) -> Limit {
        Limit {
            name,
            max,
            window_secs,
        }
    }

    fn key(&self, subject: &str) -> String {
        format!("{}:{subject}", self.name)
    }

    fn window_start(&self, now: i64) -> i64 {
        now - now.rem_euclid(self.window_secs)
    }

    fn retry_after(&self, now: i64) -> RetryAfter {
        RetryAfter(self.window_start(now) + self.window_secs - now)
    }

    /// Counts one hit and refuses it when it goes over the limit.
    pub async fn take(&self, db: &Db, subject: &str, now: i64) -> Result<(), LimitError> {
        let hits = self.hit(db, subject, now).await?;
        if hits > self.max {
            Err(LimitError::Exceeded(self.retry_after(now)))
        } else {
            Ok(())
        }
    }

    /// Counts one hit (a failure after the fact) without refusing anything.
    pub async fn hit(&self, db: &Db, subject: &str, now: i64) -> Result<i64, LimitError> {
        let row = sqlx::query(
            "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
             ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
             RETURNING hits",
        )
        .bind(self.key(subject))
        .bind(self.window_start(now))
        .fetch_one(db.pool())
        .await?;
        Ok(row.try_get::<i64, _>(0)?)
    }

    /// Refuses when earlier hits used up the window, without counting this one.
    pub async fn check(&self, db: &Db, subject: &str, now: i64) -> Result<(), LimitError> {
        let hits: Option<i64> =
            sqlx::query_scalar("SELECT hits FROM rate_limits WHERE key = $1 AND window_start = $2")
                .bind(self.key(subject))
                .bind(self.window_start(now))
                .fetch_optional(db.pool())
                .await?;
        if hits.unwrap_or(0) >= self.max {
            Err(LimitError::Exceeded(self.retry_after(now)))
        } else {
            Ok(())
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LimitError {
    #[error("rate limit exceeded; retry after {} s", .0.0)]
    Exceeded(RetryAfter),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Drops windows that ended more than a day ago (the longest window is an hour).
pub async fn forget_old(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
        .bind(now - 24 * HOUR)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_and_waits() {
        let limit = Limit::new("t", 5, 900);
        assert_eq!(limit.window_start(1_000), 900);
        assert_eq!(limit.retry_after(1_000), RetryAfter(800));
        assert_eq!(limit.key("42"), "t:42");
    }
}

//! The server's clock: klaim-core never reads the time, so this is where it is read. Tests use a
//! manual clock to step past expiry times without waiting.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use klaim_core::Date;

/// Indonesia's western time zone (WIB, UTC+7), where most participants and the agency's head
/// office are: a claim filed at 06:00 in Jakarta belongs to that day, not to yesterday in UTC.
const WIB_OFFSET_SECONDS: i64 = 7 * 3600;

/// The system clock, or a manual one for tests. Cheap to clone; clones share a manual time.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    manual: Option<Arc<AtomicI64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that stands still at `unix_seconds` until [`Clock::advance`]d.
    pub fn manual(unix_seconds: i64) -> Clock {
        Clock {
            manual: Some(Arc::new(AtomicI64::new(unix_seconds))),
        }
    }

    /// Moves a manual clock forward; does nothing to the system clock.
    pub fn advance(&self, seconds: i64) {
        if let Some(now) = &self.manual {
            now.fetch_add(seconds, Ordering::SeqCst);
        }
    }

    /// Unix seconds.
    pub fn now(&self) -> i64 {
        match &self.manual {
            Some(now) => now.load(Ordering::SeqCst),
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
        }
    }

    /// Today in WIB.
    pub fn today(&self) -> Date {
        wib_date(self.now())
    }
}

/// The WIB calendar date of a Unix time.
pub fn wib_date(unix_seconds: i64) -> Date {
    let days = (unix_seconds + WIB_OFFSET_SECONDS).div_euclid(86_400);
    Date::from_days_since_epoch(i32::try_from(days).unwrap_or(0)).unwrap_or(Date::MIN)
}

/// Today in WIB by the system clock.
pub fn today() -> Date {
    Clock::system().today()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_recent_date() {
        assert!(today().year() >= 2025);
    }

    #[test]
    fn wib_is_seven_hours_ahead_of_utc() {
        // 2026-11-23 17:00 UTC is 2026-11-24 00:00 WIB.
        let evening_utc = 1_795_453_200;
        assert_eq!(wib_date(evening_utc - 1).to_iso(), "2026-11-23");
        assert_eq!(wib_date(evening_utc).to_iso(), "2026-11-24");
    }

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let clock = Clock::manual(1_000);
        let shared = clock.clone();
        assert_eq!(clock.now(), 1_000);
        shared.advance(600);
        assert_eq!(clock.now(), 1_600);
    }
}

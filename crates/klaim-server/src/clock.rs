//! Today's date for the server: klaim-core never reads the clock, so this is where it is read.

use std::time::{SystemTime, UNIX_EPOCH};

use klaim_core::Date;

/// Indonesia's western time zone (WIB, UTC+7), where most participants and the agency's head
/// office are: a claim filed at 06:00 in Jakarta belongs to that day, not to yesterday in UTC.
const WIB_OFFSET_SECONDS: u64 = 7 * 3600;

/// Today in WIB.
pub fn today() -> Date {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (seconds + WIB_OFFSET_SECONDS) / 86_400;
    Date::from_days_since_epoch(i32::try_from(days).unwrap_or(0)).unwrap_or(Date::MIN)
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_a_recent_date() {
        assert!(super::today().year() >= 2025);
    }
}

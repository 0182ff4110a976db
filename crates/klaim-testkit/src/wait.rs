//! Waiting for something a background task delivers, with a deadline.

use std::time::{Duration, Instant};

/// Polls `ready` every 20 ms until it returns `Some`, or gives up after `timeout`.
pub(crate) async fn until<T>(timeout: Duration, mut ready: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = ready() {
            return Some(value);
        }
        if Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

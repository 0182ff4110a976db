//! Following a submitted claim: the timeline drawn from its history, the fix sent back after
//! "Perlu tindakan", the last known status kept for offline, and refreshing while visible.

pub mod fix;
pub mod fix_snapshot;
pub mod known;
pub mod refresh;
pub mod timeline;

#[cfg(test)]
mod tests;

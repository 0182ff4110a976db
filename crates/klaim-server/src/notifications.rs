//! Notifications: what a participant is told when their claim moves, in the app (the `inbox`
//! table) and by e-mail or SMS (the `notifications` outbox, delivered by a background worker).
//!
//! Both are written inside the transaction of the step that changed the claim, so a committed
//! step always has its notice and a rolled-back one never does. Nothing lives in process memory:
//! any server process may deliver what another queued.
//!
//! No personal data leaves in a message: an e-mail or SMS says only that a claim's status changed
//! (no reference, no name, no amount); the app shows the rest after sign-in.

mod claim_status;

pub use claim_status::{claim_status_changed, status_text};

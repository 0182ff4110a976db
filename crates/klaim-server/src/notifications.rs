//! Notifications: what a participant is told when their claim moves, in the app (the `inbox`
//! table) and by e-mail or SMS (the `notifications` outbox, delivered by a background worker),
//! and the one-time codes of registration and password reset, which travel the same way.
//!
//! Both are written inside the transaction of the step that changed the claim, so a committed
//! step always has its notice and a rolled-back one never does. Nothing lives in process memory:
//! any server process may deliver what another queued.
//!
//! No personal data leaves in a message: an e-mail or SMS says only that a claim's status changed
//! (no reference, no name, no amount); the app shows the rest after sign-in. Logs name the
//! recipient masked, never the address. See docs/notifications.md.

mod claim_status;
pub mod delivery;
pub mod inbox;
mod mail;
pub mod outbox;
mod refusal;
mod sms;

pub use claim_status::{claim_status_changed, status_text};
pub use delivery::{Channels, DeliveryArgs, SetupError};
pub use refusal::NotificationRefusal;

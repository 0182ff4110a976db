//! Offline storage: drafts kept on the phone, encrypted at rest (`vault`), over a small IndexedDB
//! wrapper (`idb`); `drafts` keeps the claim journey in the signed-in account's vault, `outbox`
//! the claims waiting to be sent (`queued`) and their documents.

pub mod drafts;
pub mod idb;
pub mod outbox;
pub mod queued;
pub mod vault;

#[cfg(test)]
mod outbox_tests;
#[cfg(test)]
mod tests;

pub use drafts::Drafts;
pub use outbox::{Delivery, Outbox};
pub use queued::{QueuedClaim, QueuedDocument};

//! Offline: drafts kept on the phone, encrypted at rest (`vault`), over a small IndexedDB
//! wrapper (`idb`); `drafts` keeps the claim journey in the signed-in account's vault, `outbox`
//! the claims waiting to be sent (`queued`) and their documents. The app shell and the person's
//! reads offline: `service_worker` (registration, the new version, the Background Sync
//! wake-up), `api_cache` (the worker's cache of reads: warmed, and emptied when the account may
//! change), `connectivity` (offline as the person should be told), `storage` (persistence and
//! room left).

pub mod api_cache;
pub mod connectivity;
pub mod drafts;
pub mod idb;
pub mod outbox;
pub mod queued;
pub mod service_worker;
pub mod storage;
pub mod vault;

#[cfg(test)]
mod outbox_tests;
#[cfg(test)]
mod shell_tests;
#[cfg(test)]
mod tests;

pub use connectivity::Connectivity;
pub use drafts::Drafts;
pub use outbox::{Delivery, Outbox};
pub use queued::{QueuedClaim, QueuedDocument};

use klaim_core::Lang;
use klaim_core::api::account::Me;

/// Someone is signed in, with a fresh answer from the server (at start, after signing in or
/// registering): ask to keep this site's storage, and fetch what the claim journey reads so it
/// works offline later. `room` is `None` where the app's shell is not mounted (wasm tests).
pub fn signed_in(room: Option<storage::StorageRoom>, lang: Lang, me: &Me) {
    if let Some(room) = room {
        room.signed_in();
    }
    api_cache::warm(lang, me);
}

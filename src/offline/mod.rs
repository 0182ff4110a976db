//! Offline: drafts kept on the phone, encrypted at rest (`vault`), over a small IndexedDB
//! wrapper (`idb`); `drafts` keeps the claim journey in the signed-in account's vault. The app
//! shell and the person's reads offline: `service_worker` (registration, the new version, the
//! Background Sync wake-up), `api_cache` (the worker's cache of reads: warmed, and emptied when
//! the account may change), `connectivity` (offline as the person should be told), `storage`
//! (persistence and room left).

// `get`, `keys` and `clear` serve the tests and the outbox to come.
#![allow(dead_code)]

pub mod api_cache;
pub mod connectivity;
pub mod drafts;
pub mod idb;
pub mod service_worker;
pub mod storage;
pub mod vault;

#[cfg(test)]
mod shell_tests;
#[cfg(test)]
mod tests;

pub use connectivity::Connectivity;
pub use drafts::Drafts;

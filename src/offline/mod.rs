//! Offline storage: drafts kept on the phone, encrypted at rest (`vault`), over a small IndexedDB
//! wrapper (`idb`); `drafts` keeps the claim journey in the signed-in account's vault.

// `get`, `keys` and `clear` serve the tests and the outbox to come.
#![allow(dead_code)]

pub mod drafts;
pub mod idb;
pub mod vault;

#[cfg(test)]
mod tests;

pub use drafts::Drafts;

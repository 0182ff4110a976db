//! Offline storage: drafts kept on the phone, encrypted at rest (`vault`), over a small IndexedDB
//! wrapper (`idb`). Not yet used by the claim journey (the next step wires drafts into it).

#![allow(dead_code, unused_imports)]

pub mod idb;
pub mod vault;

#[cfg(test)]
mod tests;

pub use vault::{Opened, Vault, VaultError};

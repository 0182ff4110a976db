//! Klaim's shared rules, run unchanged in the browser (wasm) and on the server.
//!
//! Invariants: no I/O, no async, no clock reads (today's date is always a parameter), few and small
//! dependencies. A value of an identifier type exists only if it is valid (parse, don't validate).

pub mod api;
pub mod message;

pub use message::{Explain, Lang, Severity};

/// Version of the rule set. Drafts and API payloads carry it so that a newer app can migrate them.
pub const RULES_VERSION: &str = "2026.11.1";

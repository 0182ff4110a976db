//! The claim journey's state and the rules around it: the draft kept across pages, where each
//! page leads, the facts the rules read, and the app's own findings.

mod dates;
mod draft;
mod facts;
mod ready;
mod said;
pub mod snapshot;
#[cfg(test)]
mod snapshot_tests;
pub mod steps;
pub mod words;

pub use dates::{date_input_id, parse_date};
pub use draft::{Attached, ClaimDraft, DateParts, Inquiry, Typed};
pub use facts::{Loaded, load};
pub use ready::check_ready;
pub use said::Said;
#[cfg(test)]
pub use snapshot::TypedSnapshot;
pub use snapshot::{DraftSnapshot, SavedDraft};

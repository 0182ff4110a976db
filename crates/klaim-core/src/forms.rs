//! Whole forms: the raw fields people type, checked together into typed values, with at most
//! one error per field. The app runs these as people type; the server re-runs them on submit.

pub mod account;
pub mod membership;

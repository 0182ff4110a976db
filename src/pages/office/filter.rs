//! The queue's filters live in the address (`/petugas?programme=jht&status=submitted&
//! older_than_days=3`), so a filtered queue can be reloaded, bookmarked and shared, and Back
//! returns to the previous filter. The API takes the same query.

use klaim_core::api::claim::ClaimStatus;
use klaim_core::api::office::QueueFilter;
use klaim_core::claim::Programme;
use klaim_core::message::Finding;

use super::model::OfficeSaid;

pub const PROGRAMME: &str = "programme";
pub const STATUS: &str = "status";
pub const OLDER_THAN_DAYS: &str = "older_than_days";

/// The filter an address asks for. Words it does not know are ignored, so an old bookmark still
/// opens the queue.
pub fn filter_from_query(get: impl Fn(&str) -> Option<String>) -> QueueFilter {
    QueueFilter {
        programme: get(PROGRAMME).and_then(|p| Programme::from_wire(&p)),
        status: get(STATUS).and_then(|s| ClaimStatus::from_wire(&s)),
        older_than_days: get(OLDER_THAN_DAYS).and_then(|d| d.trim().parse().ok()),
    }
}

/// The query of a filter, without `?`; empty when nothing is filtered.
pub fn filter_query(filter: &QueueFilter) -> String {
    let mut pairs = Vec::new();
    if let Some(p) = filter.programme {
        pairs.push(format!("{PROGRAMME}={}", p.as_str()));
    }
    if let Some(s) = filter.status {
        pairs.push(format!("{STATUS}={}", s.as_str()));
    }
    if let Some(d) = filter.older_than_days {
        pairs.push(format!("{OLDER_THAN_DAYS}={d}"));
    }
    pairs.join("&")
}

/// The queue's address for a filter.
pub fn queue_path(filter: &QueueFilter) -> String {
    match filter_query(filter) {
        q if q.is_empty() => "/petugas".to_owned(),
        q => format!("/petugas?{q}"),
    }
}

/// The filter form as chosen and typed: the choices are wire words ("" for all), the age is
/// digits or nothing.
pub fn parse_filter(programme: &str, status: &str, older: &str) -> Result<QueueFilter, Finding> {
    let older = older.trim();
    let older_than_days = if older.is_empty() {
        None
    } else {
        Some(older.parse::<u32>().map_err(|_| {
            OfficeSaid {
                code: "office.filter_days",
                message: |t| t.filter_days_invalid,
                hint: |t| t.filter_days_hint,
            }
            .about(OLDER_THAN_DAYS)
        })?)
    };
    Ok(QueueFilter {
        programme: Programme::from_wire(programme),
        status: ClaimStatus::from_wire(status),
        older_than_days,
    })
}

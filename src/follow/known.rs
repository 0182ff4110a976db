//! The last known status, kept in localStorage so that offline (or with the server unreachable)
//! "Klaim saya" and a claim's page show where things stood, in grey, with the time it was
//! fetched, instead of an error. Only what those pages show about the status: the list of
//! claims (reference, programme, reason, status, date), and each claim's history, decision date
//! and the items reopened for a fix (reason codes and which document or answer). Never the
//! answers, documents, amounts or the officer's note. Wiped on sign-out; claims no longer in the account's
//! list are dropped whenever the list is fetched.

use klaim_core::api::claim::{ClaimSummary, ClaimView, StatusEvent};
use klaim_core::claim::ActionItem;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Every key of this store starts with this.
const PREFIX: &str = "klaim.follow.";
const LIST_KEY: &str = "klaim.follow.list";
const CLAIM_PREFIX: &str = "klaim.follow.claim.";

/// A value with the time it was fetched (Unix seconds, device clock).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known<T> {
    pub fetched_at: i64,
    pub value: T,
}

/// What a claim's page shows of its status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownClaim {
    pub summary: ClaimSummary,
    pub decision_due_on: String,
    pub history: Vec<StatusEvent>,
    pub open_items: Vec<ActionItem>,
}

impl KnownClaim {
    pub fn of(view: &ClaimView) -> KnownClaim {
        KnownClaim {
            summary: view.summary.clone(),
            decision_due_on: view.decision_due_on.clone(),
            history: view.history.clone(),
            open_items: view.open_items.clone(),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn claim_key(id: &str) -> String {
    format!("{CLAIM_PREFIX}{id}")
}

fn save<T: Serialize>(key: &str, value: &Known<T>) {
    let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(value)) else {
        return;
    };
    // A full storage only means nothing is remembered for offline; the page works the same.
    let _ = storage.set_item(key, &text);
}

/// What was saved under `key`; something unreadable (an older app's shape) is removed.
fn load<T: DeserializeOwned>(key: &str) -> Option<Known<T>> {
    let storage = storage()?;
    let text = storage.get_item(key).ok().flatten()?;
    match serde_json::from_str(&text) {
        Ok(known) => Some(known),
        Err(_) => {
            let _ = storage.remove_item(key);
            None
        }
    }
}

/// Remembers the list, and forgets claims no longer in it (another person signed in here).
pub fn save_list(claims: &[ClaimSummary], fetched_at: i64) {
    save(
        LIST_KEY,
        &Known {
            fetched_at,
            value: claims.to_vec(),
        },
    );
    let keep: Vec<String> = claims.iter().map(|c| claim_key(&c.id)).collect();
    remove_where(|key| key.starts_with(CLAIM_PREFIX) && !keep.iter().any(|k| k == key));
}

pub fn load_list() -> Option<Known<Vec<ClaimSummary>>> {
    load(LIST_KEY)
}

pub fn save_claim(view: &ClaimView, fetched_at: i64) {
    let known = Known {
        fetched_at,
        value: KnownClaim::of(view),
    };
    save(&claim_key(&view.summary.id), &known);
}

/// The last known status of claim `id`.
pub fn load_claim(id: &str) -> Option<Known<KnownClaim>> {
    load::<KnownClaim>(&claim_key(id)).filter(|k| k.value.summary.id == id)
}

/// The server says the claim is not this account's (404): forget it.
pub fn forget_claim(id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&claim_key(id));
    }
}

/// Forgets everything this store kept (sign-out).
pub fn wipe() {
    remove_where(|key| key.starts_with(PREFIX));
}

fn remove_where(doomed: impl Fn(&str) -> bool) {
    let Some(storage) = storage() else { return };
    let count = storage.length().unwrap_or(0);
    // Collected first: removing while walking the indexes would skip keys.
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| doomed(key))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

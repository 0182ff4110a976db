//! The service worker's cache of the signed-in person's reads (`sw/sw.js`, cache `klaim-api`):
//! emptied whenever the account on this phone may change, and filled in the background once a
//! participant is known, so someone who opened Klaim once online can prepare a claim offline.
//!
//! Those reads hold personal data in plain Cache Storage (unlike the drafts, which are
//! encrypted): they are deleted on sign-out and on every sign-in, so no other account sees them.

use klaim_core::Lang;
use klaim_core::api::account::{Me, Role};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::api;
use crate::follow::known;
use crate::format::now_unix_seconds;

/// The names of the API caches start with this (the worker's `API_CACHE`); the shell's caches
/// (`klaim-shell-…`) hold no personal data and stay.
const API_CACHE_PREFIX: &str = "klaim-api";

/// Deletes every API cache of this origin. Nothing to do where Cache Storage is missing (an
/// insecure origin, an old browser); a failure leaves the worker's own 401 rule as the backstop.
pub async fn clear() {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return;
    };
    let Ok(names) = JsFuture::from(caches.keys()).await else {
        return;
    };
    let Ok(names) = names.dyn_into::<js_sys::Array>() else {
        return;
    };
    for name in names.iter().filter_map(|n| n.as_string()) {
        if name.starts_with(API_CACHE_PREFIX) {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
}

/// [`clear`] without waiting (sign-out).
pub fn clear_soon() {
    leptos::task::spawn_local(clear());
}

/// After a fresh `GET /me` of a participant: asks once for what the claim journey and "Klaim
/// saya" read, so the worker keeps a copy for offline. The answers themselves are not needed;
/// the claims list also becomes the last known list.
pub fn warm(lang: Lang, me: &Me) {
    if me.role != Role::Participant {
        return;
    }
    leptos::task::spawn_local(async move {
        let _ = api::own_claim_facts(lang).await;
        let _ = api::documents(lang).await;
        if let Ok(list) = api::claims(lang).await {
            known::save_list(&list.claims, now_unix_seconds());
        }
    });
}

//! Browser storage can be evicted, and phones fill up. Once someone is signed in, ask for
//! persistent storage (a refusal is normal and said to nobody: the drafts still work, they are
//! only less protected from clean-ups), and look at how much room is left: when little is, a
//! plain-words notice says so before a photo fails to save.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Below this much free room, a claim's photos may not fit (five documents of up to ~2 MB each
/// after shrinking, with room to spare).
const LOW_ROOM_BYTES: f64 = 30.0 * 1024.0 * 1024.0;

/// Whether the phone's storage for this site is nearly full (shared as context).
#[derive(Clone, Copy)]
pub struct StorageRoom {
    pub low: RwSignal<bool>,
}

impl StorageRoom {
    pub fn provide() -> StorageRoom {
        let room = StorageRoom {
            low: RwSignal::new(false),
        };
        provide_context(room);
        room
    }

    /// Signed in: asks for persistence once per app start (the browser remembers a grant) and
    /// checks the room left.
    pub fn signed_in(self) {
        leptos::task::spawn_local(async move {
            let Some(storage) = manager() else {
                return;
            };
            let persisted = match storage.persisted() {
                Ok(promise) => JsFuture::from(promise).await.ok(),
                Err(_) => None,
            };
            if persisted.and_then(|p| p.as_bool()) == Some(false)
                && let Ok(promise) = storage.persist()
            {
                let _ = JsFuture::from(promise).await;
            }
            if let Some(left) = room_left(&storage).await {
                let _ = self.low.try_set(left < LOW_ROOM_BYTES);
            }
        });
    }
}

/// `navigator.storage`, where the browser has it (missing on insecure origins and old browsers).
fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).ok()?;
    has.then(|| navigator.storage())
}

/// `quota - usage` from `storage.estimate()`, in bytes.
async fn room_left(storage: &web_sys::StorageManager) -> Option<f64> {
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let number = |key: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some(number("quota")? - number("usage").unwrap_or(0.0))
}

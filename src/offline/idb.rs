//! A small promise-style IndexedDB wrapper: open a database with its object stores, put, add, get,
//! delete and clear by string key, list the keys, delete a whole database. No crate: these few
//! calls through web-sys cost fewer bytes than a general wrapper.
//!
//! Writes resolve when their transaction completes (the data is committed, and a full disk shows
//! up as the transaction's `QuotaExceededError`); reads resolve with the request's result.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    EventTarget, IdbDatabase, IdbFactory, IdbObjectStore, IdbOpenDbRequest, IdbRequest,
    IdbTransaction, IdbTransactionMode,
};

/// The browser's IndexedDB, or the error a page without it (or a blocked one) gives.
fn factory() -> Result<IdbFactory, JsValue> {
    web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)
}

/// Waits for one of `ok` or `fail` events on `target`, removing its listeners afterwards, also
/// when the waiting future is dropped early. `Ok` for `ok`, `Err(())` for any of `fail`.
async fn event(target: &EventTarget, ok: &str, fail: &[&str]) -> Result<(), ()> {
    struct Listening<'a> {
        target: &'a EventTarget,
        ok: &'a str,
        fail: &'a [&'a str],
        on_ok: Closure<dyn FnMut(JsValue)>,
        on_fail: Closure<dyn FnMut(JsValue)>,
    }
    impl Drop for Listening<'_> {
        fn drop(&mut self) {
            let _ = self
                .target
                .remove_event_listener_with_callback(self.ok, self.on_ok.as_ref().unchecked_ref());
            for name in self.fail {
                let _ = self.target.remove_event_listener_with_callback(
                    name,
                    self.on_fail.as_ref().unchecked_ref(),
                );
            }
        }
    }

    let mut callbacks = None;
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_ok = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_fail = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let _ = reject.call0(&JsValue::NULL);
        });
        callbacks = Some((on_ok, on_fail));
    });
    let (on_ok, on_fail) = callbacks.ok_or(())?;
    let listening = Listening {
        target,
        ok,
        fail,
        on_ok,
        on_fail,
    };
    let _ = target.add_event_listener_with_callback(ok, listening.on_ok.as_ref().unchecked_ref());
    for name in fail {
        let _ = target
            .add_event_listener_with_callback(name, listening.on_fail.as_ref().unchecked_ref());
    }
    let outcome = JsFuture::from(promise).await.map(drop).map_err(drop);
    drop(listening);
    outcome
}

/// The result of a request, or its error (a `DOMException`).
async fn request(request: &IdbRequest) -> Result<JsValue, JsValue> {
    match event(request, "success", &["error"]).await {
        Ok(()) => request.result(),
        Err(()) => Err(request.error()?.map_or(JsValue::NULL, JsValue::from)),
    }
}

/// Waits until a write transaction is committed; its error (e.g. `QuotaExceededError`) otherwise.
async fn committed(transaction: &IdbTransaction) -> Result<(), JsValue> {
    // A failed request aborts its transaction, which sets `error`; wait for the abort, not the
    // request's `error` event (the transaction's `error` is still empty then).
    match event(transaction, "complete", &["abort"]).await {
        Ok(()) => Ok(()),
        Err(()) => Err(transaction.error().map_or(JsValue::NULL, JsValue::from)),
    }
}

/// One open database. Closes itself when dropped, and when another connection (this tab's or
/// another's) wants to delete or upgrade it, so `delete_database` never waits forever.
pub struct Db {
    db: IdbDatabase,
    _on_version_change: Closure<dyn FnMut(JsValue)>,
}

impl Db {
    /// Opens (at version 1, creating the stores the first time) the database `name`.
    pub async fn open(name: &str, stores: &'static [&'static str]) -> Result<Db, JsValue> {
        let open: IdbOpenDbRequest = factory()?.open_with_u32(name, 1)?;
        let upgrading = open.clone();
        let on_upgrade = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Ok(db) = upgrading.result() {
                // Only ever at version 1: this runs once, on an empty database.
                let db: IdbDatabase = db.unchecked_into();
                for store in stores {
                    let _ = db.create_object_store(store);
                }
            }
        });
        open.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let opened = request(&open).await;
        open.set_onupgradeneeded(None);
        drop(on_upgrade);
        let db: IdbDatabase = opened?.unchecked_into();
        let closing = db.clone();
        let on_version_change = Closure::<dyn FnMut(JsValue)>::new(move |_| closing.close());
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(Db {
            db,
            _on_version_change: on_version_change,
        })
    }

    fn store(
        &self,
        store: &str,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, IdbObjectStore), JsValue> {
        let transaction = self.db.transaction_with_str_and_mode(store, mode)?;
        let object_store = transaction.object_store(store)?;
        Ok((transaction, object_store))
    }

    /// Stores `value` under `key`, replacing what was there.
    pub async fn put(&self, store: &str, key: &str, value: &JsValue) -> Result<(), JsValue> {
        let (transaction, object_store) = self.store(store, IdbTransactionMode::Readwrite)?;
        object_store.put_with_key(value, &JsValue::from_str(key))?;
        committed(&transaction).await
    }

    /// Stores `value` under `key` only if nothing is there: `Ok(false)` when something already was.
    pub async fn add(&self, store: &str, key: &str, value: &JsValue) -> Result<bool, JsValue> {
        let (transaction, object_store) = self.store(store, IdbTransactionMode::Readwrite)?;
        let added = object_store.add_with_key(value, &JsValue::from_str(key))?;
        // Handled here, so the transaction is not aborted by a key that already exists.
        let refused = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            event.prevent_default();
        });
        added.set_onerror(Some(refused.as_ref().unchecked_ref()));
        let outcome = committed(&transaction).await;
        added.set_onerror(None);
        drop(refused);
        outcome?;
        let exists = added
            .error()
            .ok()
            .flatten()
            .is_some_and(|e| e.name() == "ConstraintError");
        Ok(!exists)
    }

    /// The value under `key`, `None` when there is none.
    pub async fn get(&self, store: &str, key: &str) -> Result<Option<JsValue>, JsValue> {
        let (_transaction, object_store) = self.store(store, IdbTransactionMode::Readonly)?;
        let value = request(&object_store.get(&JsValue::from_str(key))?).await?;
        Ok((!value.is_undefined()).then_some(value))
    }

    /// Every key in `store` (string keys only).
    pub async fn keys(&self, store: &str) -> Result<Vec<String>, JsValue> {
        let (_transaction, object_store) = self.store(store, IdbTransactionMode::Readonly)?;
        let keys: Array = request(&object_store.get_all_keys()?)
            .await?
            .unchecked_into();
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    /// Removes the value under `key` (nothing happens when there is none).
    pub async fn delete(&self, store: &str, key: &str) -> Result<(), JsValue> {
        let (transaction, object_store) = self.store(store, IdbTransactionMode::Readwrite)?;
        object_store.delete(&JsValue::from_str(key))?;
        committed(&transaction).await
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.close();
    }
}

/// Deletes the database `name` (succeeds when there is none). Open connections of this app close
/// themselves on the way (see [`Db`]), so this does not hang on `blocked`.
pub async fn delete_database(name: &str) -> Result<(), JsValue> {
    let deleting = factory()?.delete_database(name)?;
    request(&deleting).await.map(drop)
}

/// The names of this origin's databases, where the browser can list them (`indexedDB.databases()`:
/// Chromium, Safari 14, Firefox 126); `None` where it cannot.
pub async fn database_names() -> Option<Vec<String>> {
    let factory = factory().ok()?;
    let databases = js_sys::Reflect::get(&factory, &JsValue::from_str("databases")).ok()?;
    let databases: Function = databases.dyn_into().ok()?;
    let promise: Promise = databases.call0(&factory).ok()?.dyn_into().ok()?;
    let list: Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(
        list.iter()
            .filter_map(|info| js_sys::Reflect::get(&info, &JsValue::from_str("name")).ok())
            .filter_map(|name| name.as_string())
            .collect(),
    )
}

//! The service worker (`/sw.js`, made by the build from `sw/sw.js`): registered once the app is
//! drawn, a new version announced ("Versi baru tersedia — muat ulang") and applied only when the
//! person asks, and the worker's Background Sync wake-up passed on to the app's outbox.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};

use crate::i18n::tr_shell;

const SCRIPT: &str = "/sw.js";
/// The Background Sync tag, and the message the worker sends when it fires (sw/sw.js).
const OUTBOX_TAG: &str = "klaim-outbox";
/// The claim draft is saved 300 ms after a change (`offline::drafts`); the update waits a little
/// longer before the page reloads, so the last answer typed is on the phone first.
const SAVE_GRACE_MS: i32 = 500;

/// A new version is installed and waiting for the person to reload (shared as context).
#[derive(Clone, Copy)]
pub struct Update {
    available: RwSignal<bool>,
}

thread_local! {
    /// The app's [`Update`], for the registration (which runs outside the reactive tree).
    static UPDATE: RefCell<Option<Update>> = const { RefCell::new(None) };
    /// The waiting worker itself, kept out of the signal (a signal of a new type costs the
    /// phone more code than this).
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
}

impl Update {
    pub fn provide() -> Update {
        let update = Update {
            available: RwSignal::new(false),
        };
        UPDATE.with_borrow_mut(|u| *u = Some(update));
        provide_context(update);
        update
    }
}

/// `navigator.serviceWorker`, where the browser has it (not on insecure origins).
fn sw_container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| navigator.service_worker())
}

/// Registers `/sw.js` for the whole site once the page has loaded (the first load's bandwidth
/// goes to the app itself). Called by `mount`, never by the wasm tests.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if sw_container().is_none() {
        return;
    }
    let start = Closure::once_into_js(|| leptos::task::spawn_local(register_now()));
    let loaded = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        let _ = window.set_timeout_with_callback(start.unchecked_ref());
    } else {
        let _ = window.add_event_listener_with_callback("load", start.unchecked_ref());
    }
}

async fn register_now() {
    let Some(container) = sw_container() else {
        return;
    };
    let Ok(registration) = JsFuture::from(container.register(SCRIPT)).await else {
        return;
    };
    let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
        return;
    };
    // A version that finished installing while no page asked (e.g. in another tab).
    if let Some(waiting) = registration.waiting() {
        announce(&container, waiting);
    }
    let found_registration = registration.clone();
    let found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = found_registration.installing() else {
            return;
        };
        let worker = installing.clone();
        let changed = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == web_sys::ServiceWorkerState::Installed
                && let Some(container) = sw_container()
            {
                announce(&container, worker.clone());
            }
        });
        installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    });
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
}

/// Only an update is announced: the very first worker installs while a page without one is
/// open, and simply takes over (sw/sw.js claims its clients).
fn announce(container: &ServiceWorkerContainer, worker: ServiceWorker) {
    if container.controller().is_none() {
        return;
    }
    WAITING.with_borrow_mut(|w| *w = Some(worker));
    UPDATE.with_borrow(|u| {
        if let Some(update) = u {
            let _ = update.available.try_set(true);
        }
    });
}

/// Lets the waiting version take over, then reloads once it controls the page. Drafts live in
/// IndexedDB, which neither step touches.
fn apply(worker: ServiceWorker) {
    let Some(container) = sw_container() else {
        return;
    };
    let on_change = Closure::once_into_js(reload);
    container.set_oncontrollerchange(Some(on_change.unchecked_ref()));
    let skip = Closure::once_into_js(move || {
        // Another tab applied it already: it controls this page too, nothing more to wait for.
        if worker.state() == web_sys::ServiceWorkerState::Activated {
            reload();
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into());
        let _ = worker.post_message(&message);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            skip.unchecked_ref(),
            SAVE_GRACE_MS,
        );
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// "Versi baru tersedia — muat ulang", with the button that applies it. Nothing while there is
/// no new version.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let update = expect_context::<Update>();
    let busy = RwSignal::new(false);
    let reload = move |_| {
        if let Some(worker) = WAITING.with_borrow(Clone::clone) {
            busy.set(true);
            apply(worker);
        }
    };
    view! {
        <Show when=move || update.available.get()>
            <div class="app-notice" role="status" data-testid="update-available">
                <p>{tr_shell(|t| t.update_available)}</p>
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="update-reload"
                    disabled=move || busy.get()
                    on:click=reload
                >
                    {tr_shell(|t| t.update_button)}
                </button>
            </div>
        </Show>
    }
}

/// Calls `f` whenever the service worker passes on a Background Sync for the outbox (the app
/// delivers its outbox itself; the worker only wakes it).
pub fn on_outbox_message(f: impl Fn() + 'static) {
    let Some(container) = sw_container() else {
        return;
    };
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let kind = js_sys::Reflect::get(&event.data(), &"type".into())
                .ok()
                .and_then(|k| k.as_string());
            if kind.as_deref() == Some(OUTBOX_TAG) {
                f();
            }
        });
    let _ =
        container.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    // Messages from a worker that started before the app listened are queued until this
    // (`startMessages` is not in web-sys; `onmessage` would start them but allow one listener).
    if let Ok(start) = js_sys::Reflect::get(&container, &"startMessages".into())
        && let Ok(start) = start.dyn_into::<js_sys::Function>()
    {
        let _ = start.call0(&container);
    }
    listener.forget();
}

/// Asks the browser to wake the app through the worker when the network is back, where it has
/// Background Sync (Chromium); elsewhere the app's own retries (start, `online`, timer) do it.
/// Only while the device itself is offline: Chromium fires the sync at once on a device that is
/// online, and each wake-up is an outbox round that fails against a server that is down,
/// stretching the outbox's back-off for nothing (that case is the back-off's own job).
pub fn request_background_sync() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.navigator().on_line() {
        return;
    }
    let Some(container) = sw_container() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(ready) = container.ready() else {
            return;
        };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        // `registration.sync` is not in web-sys's stable API: called by name.
        let Ok(sync) = js_sys::Reflect::get(&registration, &"sync".into()) else {
            return;
        };
        if sync.is_undefined() {
            return;
        }
        let Ok(register) = js_sys::Reflect::get(&sync, &"register".into()) else {
            return;
        };
        let Ok(register) = register.dyn_into::<js_sys::Function>() else {
            return;
        };
        if let Ok(promise) = register.call1(&sync, &OUTBOX_TAG.into()) {
            let _ = JsFuture::from(js_sys::Promise::from(promise)).await;
        }
    });
}

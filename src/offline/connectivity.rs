//! Whether the app can reach the server, as the person should be told. `navigator.onLine` and the
//! `online`/`offline` events alone are not enough (a phone on a dead cell says "online"; the
//! service worker answers reads from its cache, so a page sees data, not a failure), so every
//! request tells this too, from `api::send`: no answer → offline; an answer → online; an answer
//! the service worker gave from its cache (header `X-Klaim-Cached`) → offline, with the time the
//! data was stored.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How often the server is asked whether it is back, while offline.
const PROBE_MS: i32 = 15_000;

#[derive(Clone, Copy)]
pub struct Connectivity {
    pub online: RwSignal<bool>,
    /// The data last shown came from the service worker's cache, stored then (Unix seconds).
    pub cached_at: RwSignal<Option<i64>>,
}

thread_local! {
    /// The app's connectivity, for `api::send` (which has no reactive context).
    static SHARED: Cell<Option<Connectivity>> = const { Cell::new(None) };
}

impl Connectivity {
    /// Made once by the app: starts from `navigator.onLine`, follows the browser's events, and
    /// while offline asks the server every 15 s whether it is back.
    pub fn provide() -> Connectivity {
        let navigator_online = web_sys::window().is_none_or(|w| w.navigator().on_line());
        let connectivity = Connectivity {
            online: RwSignal::new(navigator_online),
            cached_at: RwSignal::new(None),
        };
        SHARED.set(Some(connectivity));
        provide_context(connectivity);
        connectivity.listen();
        connectivity
    }

    /// The app's connectivity, if the app made one (not in tests that mount a single page).
    pub fn current() -> Option<Connectivity> {
        SHARED.get()
    }

    /// Reactive: the person should be told they are offline.
    pub fn is_offline(&self) -> bool {
        !self.online.get()
    }

    fn listen(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        // The browser says the network is back: ask the server at once, and let its answer (not
        // the event: a phone can join a network that goes nowhere) end the offline state.
        let online = Closure::<dyn FnMut()>::new(probe);
        let offline = Closure::<dyn FnMut()>::new(move || change(self.online, false));
        let tick = Closure::<dyn FnMut()>::new(move || {
            if self.online.try_get_untracked() == Some(false) {
                probe();
            }
        });
        let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("offline", offline.as_ref().unchecked_ref());
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            PROBE_MS,
        );
        // They live as long as the page.
        online.forget();
        offline.forget();
        tick.forget();
    }
}

/// A request got an answer; `cached_at` when the service worker gave it from its cache.
pub fn answered(cached_at: Option<i64>) {
    if let Some(c) = Connectivity::current() {
        change(c.online, cached_at.is_none());
        change(c.cached_at, cached_at);
    }
}

/// A request got no answer at all (network down, server unreachable, time ran out).
pub fn no_answer() {
    if let Some(c) = Connectivity::current() {
        change(c.online, false);
    }
}

/// Sets only a different value: every request reports, and views that depend on the state
/// (a form swapped for the needs-internet page) must not be redrawn when nothing changed.
fn change<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    let _ = signal.try_maybe_update(|current| {
        let differs = *current != value;
        if differs {
            *current = value;
        }
        (differs, ())
    });
}

/// Asks the server whether it answers; the request itself updates the state.
pub fn probe() {
    leptos::task::spawn_local(async {
        let _ = crate::api::reachable().await;
    });
}

//! Klaim, the app: Leptos, client-side rendered, built to wasm by Trunk.

mod api;
mod app;
mod browser;
mod claim;
mod components;
mod follow;
mod form;
mod format;
mod i18n;
mod offline;
mod pages;
mod parts;
mod state;
mod upload;

#[cfg(test)]
mod tests;

pub use app::App;

/// Mounts the app on `<body>`; called by `main`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    // Here rather than in `App`, so the wasm tests that mount the app never register a worker.
    offline::service_worker::register();
}

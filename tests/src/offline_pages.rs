//! Page objects for the app shell offline: the service worker taking control, its caches, the
//! offline banner, the needs-internet page, the new version's announcement, and the drafts'
//! IndexedDB databases, all read from the page itself.

use std::time::Duration;

use crate::Browser;
use crate::account_pages::Screen;
use crate::claim_pages::poll;

/// Runs `body` (which ends by calling `done(value)`) as an asynchronous script in the page.
async fn run_async<T: serde::de::DeserializeOwned>(browser: &Browser, body: &str) -> T {
    let script = format!("const done = arguments[arguments.length - 1]; {body}");
    browser
        .driver
        .execute_async(script, Vec::new())
        .await
        .unwrap_or_else(|e| panic!("script {body}: {e}"))
        .convert()
        .expect("the script's result")
}

/// Waits until a service worker controls the page (after the first visit it serves it).
pub async fn wait_for_service_worker(browser: &Browser) {
    poll(
        Duration::from_secs(20),
        "the service worker controls the page",
        || async {
            let controlled: bool = browser
                .script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")
                .await;
            controlled.then_some(())
        },
    )
    .await;
}

/// The names in Cache Storage (`caches.keys()`).
pub async fn cache_names(browser: &Browser) -> Vec<String> {
    run_async(browser, "caches.keys().then(done, () => done([]))").await
}

/// Whether the API cache holds an answer for `path` (e.g. `/api/v1/me`).
pub async fn api_cache_has(browser: &Browser, path: &str) -> bool {
    run_async(
        browser,
        &format!(
            "caches.match({path:?}, {{ cacheName: 'klaim-api', ignoreVary: true }}) \
             .then(r => done(!!r), () => done(false))"
        ),
    )
    .await
}

/// The drafts' vault databases this origin has (`indexedDB.databases()`).
pub async fn vault_databases(browser: &Browser) -> Vec<String> {
    let names: Vec<String> = run_async(
        browser,
        "indexedDB.databases().then(list => done(list.map(d => d.name)))",
    )
    .await;
    names
        .into_iter()
        .filter(|n| n.starts_with("klaim-vault-"))
        .collect()
}

/// Asks the browser to look for a new `/sw.js` now (it would on the next navigation anyway).
pub async fn check_for_update(browser: &Browser) {
    let _: bool = run_async(
        browser,
        "navigator.serviceWorker.getRegistration() \
         .then(r => r.update()).then(() => done(true), () => done(false))",
    )
    .await;
}

/// The shell's lines under the header and the needs-internet page.
pub struct Shell<'a> {
    pub screen: Screen<'a>,
}

impl<'a> Shell<'a> {
    pub fn new(browser: &'a Browser) -> Shell<'a> {
        Shell {
            screen: Screen::new(browser),
        }
    }

    /// The offline banner's text, once it shows.
    pub async fn offline_banner(&self) -> String {
        self.screen.text("offline-banner").await
    }

    /// Waits until the offline banner is gone (a request got an answer again).
    pub async fn wait_online(&self) {
        poll(
            Duration::from_secs(30),
            "the offline banner goes away",
            || async { (!self.screen.has("offline-banner").await).then_some(()) },
        )
        .await;
    }

    pub async fn needs_internet(&self) -> String {
        self.screen.text("needs-internet").await
    }

    /// The new version's announcement, once it shows.
    pub async fn update_available(&self) -> String {
        poll(
            Duration::from_secs(30),
            "the new version is announced",
            || async {
                if self.screen.has("update-available").await {
                    Some(self.screen.text("update-available").await)
                } else {
                    None
                }
            },
        )
        .await
    }
}

//! The offline shell in headless Chromium: the banner and the needs-internet wrapper follow what
//! requests report, and the API cache is emptied while the app shell's cache stays.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use super::{Connectivity, api_cache, connectivity};
use crate::components::{NeedsInternet, OfflineBanner};
use crate::i18n::provide_i18n;

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = JsFuture::from(promise).await;
}

fn mount_shell() -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || {
        provide_i18n().set(klaim_core::Lang::Id);
        Connectivity::provide();
        view! {
            <OfflineBanner>
                <button data-testid="send-now">"Kirim sekarang"</button>
            </OfflineBanner>
            <NeedsInternet>
                <form data-testid="a-form">
                    <input id="typed" />
                </form>
            </NeedsInternet>
        }
    });
    handle.forget();
    container
}

fn has(container: &web_sys::HtmlElement, testid: &str) -> bool {
    container
        .query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .is_some()
}

fn text(container: &web_sys::HtmlElement, testid: &str) -> String {
    container
        .query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_banner_and_the_needs_internet_page_follow_the_requests() {
    let container = mount_shell();
    // Start online (the headless browser is), whatever an earlier test left.
    connectivity::answered(None);
    settle().await;
    assert!(!has(&container, "offline-banner"));
    assert!(has(&container, "a-form"));

    // No answer at all: offline, the form swapped for the page that says why.
    connectivity::no_answer();
    settle().await;
    assert_eq!(
        text(&container, "offline-banner"),
        "Anda sedang offline. Klaim akan dikirim saat tersambung.Kirim sekarang"
    );
    assert!(!has(&container, "offline-data-from"));
    assert!(has(&container, "send-now"), "the outbox's slot is drawn");
    assert!(!has(&container, "a-form"));
    assert!(text(&container, "needs-internet").contains("Halaman ini perlu internet"));
    let status = container.query_selector("[role=status]").unwrap().unwrap();
    assert!(
        status.contains(Some(
            &container
                .query_selector("[data-testid=offline-banner]")
                .unwrap()
                .unwrap()
        ))
    );

    // An answer from the worker's cache: still offline, and how old the data is.
    let stored = crate::format::now_unix_seconds() - 60;
    connectivity::answered(Some(stored));
    settle().await;
    assert!(
        text(&container, "offline-data-from").starts_with("Data yang tampil adalah data terakhir"),
        "{}",
        text(&container, "offline-data-from")
    );

    // The server answers: the banner goes and the form is back.
    connectivity::answered(None);
    settle().await;
    assert!(!has(&container, "offline-banner"));
    assert!(has(&container, "a-form"));

    // Once something is typed the form stays, also when a request then fails.
    let input: web_sys::HtmlInputElement = container
        .query_selector("#typed")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("kept");
    input
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    connectivity::no_answer();
    settle().await;
    assert!(has(&container, "offline-banner"));
    assert!(!has(&container, "needs-internet"));
    let input: web_sys::HtmlInputElement = container
        .query_selector("#typed")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "kept");
    connectivity::answered(None);
    container.remove();
}

async fn cache_names() -> Vec<String> {
    let caches = web_sys::window().unwrap().caches().unwrap();
    let names = JsFuture::from(caches.keys()).await.unwrap();
    names
        .unchecked_into::<js_sys::Array>()
        .iter()
        .filter_map(|n| n.as_string())
        .collect()
}

#[wasm_bindgen_test]
async fn clearing_removes_the_api_cache_and_keeps_the_shell() {
    let caches = web_sys::window().unwrap().caches().unwrap();
    for name in ["klaim-api", "klaim-shell-test"] {
        JsFuture::from(caches.open(name)).await.unwrap();
    }
    assert!(cache_names().await.contains(&"klaim-api".to_owned()));
    api_cache::clear().await;
    let names = cache_names().await;
    assert!(
        !names.iter().any(|n| n.starts_with("klaim-api")),
        "{names:?}"
    );
    assert!(names.contains(&"klaim-shell-test".to_owned()), "{names:?}");
    JsFuture::from(caches.delete("klaim-shell-test"))
        .await
        .unwrap();
}

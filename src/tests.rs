//! Tests that run in headless Chromium (`cargo test --target wasm32-unknown-unknown`): the
//! components against a real DOM, storage and focus. The whole journey is in tests/ (end-to-end).

use klaim_core::Lang;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::i18n::{provide_i18n, saved};
use crate::pages::CheckPage;
use crate::state::MembershipDraft;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets effects and the browser's rendering run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts the start page in a fresh container and returns the container.
fn mount_check_page() -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || {
        provide_i18n();
        provide_context(MembershipDraft::default());
        view! {
            <Router>
                <CheckPage />
            </Router>
        }
    });
    handle.forget();
    container
}

fn element(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn type_into(container: &web_sys::HtmlElement, id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = element(container, &format!("#{id}")).unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
fn language_choice_is_saved_and_put_on_the_document() {
    let owner = Owner::new();
    owner.with(|| {
        let i18n = provide_i18n();
        i18n.set(Lang::En);
        assert_eq!(saved(), Some(Lang::En));
        assert_eq!(
            document()
                .document_element()
                .unwrap()
                .get_attribute("lang")
                .as_deref(),
            Some("en")
        );
        assert_eq!(i18n.t().continue_button, "Continue");
        i18n.set(Lang::Id);
        assert_eq!(saved(), Some(Lang::Id));
        assert_eq!(i18n.t().continue_button, "Lanjutkan");
    });
}

#[wasm_bindgen_test]
fn today_comes_from_the_device_calendar() {
    let now = js_sys::Date::new_0();
    let today = crate::browser::today();
    assert_eq!(i32::from(today.year()), now.get_full_year() as i32);
    assert_eq!(u32::from(today.month()), now.get_month() + 1);
}

#[wasm_bindgen_test]
async fn continue_on_an_empty_form_shows_and_focuses_the_summary() {
    let container = mount_check_page();
    element(&container, "[data-testid=continue]").click();
    settle().await;

    let links = container
        .query_selector_all("[data-testid=error-summary] li a")
        .unwrap();
    assert_eq!(links.length(), 5, "one error per field");
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "error-summary");
    assert!(
        document().title().starts_with("Kesalahan: ") || document().title().starts_with("Error: ")
    );
    let nik: web_sys::Element = element(&container, "#nik").unchecked_into();
    assert_eq!(nik.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        nik.get_attribute("aria-describedby")
            .unwrap()
            .contains("nik-error")
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn fixing_a_field_clears_its_error_on_the_next_continue() {
    let container = mount_check_page();
    type_into(&container, "full_name", "Budi Santoso");
    element(&container, "[data-testid=continue]").click();
    settle().await;
    assert!(
        container
            .query_selector("#full_name-error")
            .unwrap()
            .is_none(),
        "a filled name has no error"
    );
    assert!(container.query_selector("#nik-error").unwrap().is_some());
    let name: web_sys::HtmlInputElement = element(&container, "#full_name").unchecked_into();
    assert_eq!(name.value(), "Budi Santoso", "typed text is kept");
    container.remove();
}

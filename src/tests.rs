//! Tests that run in headless Chromium (`cargo test --target wasm32-unknown-unknown`): the
//! components against a real DOM, storage and focus. The whole journey is in tests/ (end-to-end).

use klaim_core::Lang;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::i18n::{provide_i18n, saved};
use crate::pages::{CheckPage, RegisterPage, SignInPage};
use crate::state::{MembershipDraft, provide_state};

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

/// Mounts a page with everything the app shares (language, drafts, account) in a fresh container.
fn mount_page<V: IntoView + 'static>(page: fn() -> V) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_i18n().set(Lang::Id);
        provide_state();
        view! { <Router>{page()}</Router> }
    });
    handle.forget();
    container
}

/// Waits (up to 5 s) until `selector` matches inside the container.
async fn wait_for(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    for _ in 0..250 {
        if let Some(found) = container.query_selector(selector).unwrap() {
            return found.unchecked_into();
        }
        settle().await;
    }
    panic!("{selector} did not appear");
}

/// Each checklist item as (rule, met, icon, text).
fn checklist_items(container: &web_sys::HtmlElement) -> Vec<(String, bool, String, String)> {
    let items = container
        .query_selector_all("[data-testid=password-checklist] li")
        .unwrap();
    (0..items.length())
        .map(|i| {
            let li: web_sys::Element = items.item(i).unwrap().unchecked_into();
            let icon = li
                .query_selector(".checklist__icon")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap_or_default();
            (
                li.get_attribute("data-rule").unwrap_or_default(),
                li.get_attribute("data-met").as_deref() == Some("true"),
                icon,
                li.text_content().unwrap_or_default(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn password_checklist_says_met_and_not_met_in_words_and_icons() {
    use klaim_core::password::{PersonalData, checklist};

    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let password = RwSignal::new(String::new());
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_i18n().set(Lang::Id);
        let rules =
            Signal::derive(move || password.with(|p| checklist(p, PersonalData::default())));
        view! { <crate::components::PasswordChecklist id="pw-rules".to_owned() rules /> }
    });
    handle.forget();
    settle().await;

    let list = element(&container, "[data-testid=password-checklist] ul");
    assert_eq!(
        list.get_attribute("aria-live").as_deref(),
        Some("polite"),
        "changes are announced without interrupting"
    );
    let items = checklist_items(&container);
    let rules: Vec<&str> = items.iter().map(|(r, ..)| r.as_str()).collect();
    assert_eq!(rules, ["min_length", "not_common", "no_personal_data"]);
    for (rule, met, icon, text) in &items {
        assert!(!met, "{rule} is not met while nothing is typed");
        assert_eq!(icon, "✗");
        assert!(
            text.contains("(belum terpenuhi)"),
            "{rule} says so in words: {text}"
        );
    }
    assert!(items[0].3.contains("Paling sedikit 10 karakter"));

    password.set("kopi".to_owned());
    settle().await;
    let items = checklist_items(&container);
    assert!(!items[0].1, "4 characters are too few");

    password.set("kopi hujan sepeda biru".to_owned());
    settle().await;
    for (rule, met, icon, text) in checklist_items(&container) {
        assert!(met, "{rule} is met");
        assert_eq!(icon, "✓");
        assert!(text.contains("(terpenuhi)"), "{text}");
    }
    container.remove();
}

#[wasm_bindgen_test]
async fn register_checklist_knows_the_nik_typed_above_it() {
    let container = mount_page(RegisterPage);
    settle().await;
    type_into(&container, "nik", "3374055205919001");
    type_into(&container, "password", "rahasia3374055205919001");
    settle().await;
    let items = checklist_items(&container);
    assert!(items[0].1, "long enough");
    assert!(!items[2].1, "contains the NIK typed above: {:?}", items[2]);
    let password: web_sys::Element = element(&container, "#password").unchecked_into();
    assert_eq!(password.get_attribute("type").as_deref(), Some("password"));
    assert_eq!(
        password.get_attribute("autocomplete").as_deref(),
        Some("new-password")
    );
    assert!(
        password
            .get_attribute("aria-describedby")
            .unwrap()
            .contains("password-rules"),
        "the checklist describes the input"
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn register_continue_on_an_empty_form_lists_every_field() {
    let container = mount_page(RegisterPage);
    element(&container, "[data-testid=continue]").click();
    settle().await;
    let links = container
        .query_selector_all("[data-testid=error-summary] li a")
        .unwrap();
    let targets: Vec<String> = (0..links.length())
        .map(|i| {
            let a: web_sys::Element = links.item(i).unwrap().unchecked_into();
            a.get_attribute("href").unwrap_or_default()
        })
        .collect();
    assert_eq!(
        targets,
        ["#full_name", "#nik", "#kpj", "#birth_date", "#password"]
    );
    assert_eq!(document().active_element().unwrap().id(), "error-summary");
    assert!(document().title().starts_with("Kesalahan: "));
    assert!(
        container
            .query_selector("#password-error")
            .unwrap()
            .is_some(),
        "the password's message is inline too"
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn an_unusable_answer_is_explained_and_the_form_can_be_sent_again() {
    // The test runner's server knows no API: the answer is an error page, not the error shape.
    let container = mount_page(SignInPage);
    type_into(&container, "login", "3374055205919001");
    type_into(&container, "password", "kopi hujan sepeda biru");
    element(&container, "[data-testid=sign-in]").click();
    let trouble = wait_for(&container, "[data-testid=server-trouble]").await;
    assert!(trouble.text_content().unwrap().contains("175"));
    // The button is usable again once the answer is in.
    for _ in 0..50 {
        if !element(&container, "[data-testid=sign-in]").has_attribute("disabled") {
            break;
        }
        settle().await;
    }
    let button = element(&container, "[data-testid=sign-in]");
    assert!(!button.has_attribute("disabled"));
    assert_eq!(button.text_content().unwrap(), "Masuk");
    let login: web_sys::HtmlInputElement = element(&container, "#login").unchecked_into();
    assert_eq!(login.value(), "3374055205919001", "typed text is kept");
    container.remove();
}

#[wasm_bindgen_test]
fn server_findings_speak_like_the_app() {
    use klaim_core::api::ApiError;
    use klaim_core::{AccountProblem, Explain};

    let errors = [
        ApiError {
            code: "registration.name_differs".into(),
            field: Some("full_name".into()),
            message: "Nama tidak sama…".into(),
        },
        ApiError {
            code: "code.wrong".into(),
            field: Some("code".into()),
            message: "Kode verifikasi tidak sesuai; sisa 3 kali percobaan".into(),
        },
        ApiError {
            code: "nik.length".into(),
            field: Some("somewhere_else".into()),
            message: "NIK harus 16 angka".into(),
        },
    ];
    let found = crate::form::findings(&errors, &["full_name", "code"]);
    assert_eq!(found[0].field, Some("full_name"));
    assert_eq!(found[0].code, "registration.name_differs");
    assert_eq!(
        found[0].message(Lang::En),
        AccountProblem::NameDiffers.message(Lang::En),
        "known refusals follow the language switch"
    );
    assert!(found[0].hint(Lang::Id).contains("KPJ"));
    assert_eq!(
        found[1].message(Lang::Id),
        "Kode verifikasi tidak sesuai; sisa 3 kali percobaan",
        "the server's count of tries is kept"
    );
    assert_eq!(
        found[2].field, None,
        "a field the form lacks is about the form"
    );
    assert_eq!(found[2].message(Lang::Id), "NIK harus 16 angka");
}

#[wasm_bindgen_test]
fn amounts_dates_and_times_read_as_people_write_them() {
    use crate::format::{date_words, rupiah, wib_moment};

    assert_eq!(rupiah(1_250_000), "Rp 1.250.000");
    assert_eq!(rupiah(0), "Rp 0");
    assert_eq!(date_words("2026-11-24", Lang::Id), "24 November 2026");
    assert_eq!(date_words("2026-08-17", Lang::Id), "17 Agustus 2026");
    // 2026-11-24 07:05 UTC is 14.05 WIB.
    let at = 1_795_503_900;
    assert_eq!(
        wib_moment(at, at + 60, Lang::Id),
        "Hari ini pukul 14.05 WIB"
    );
    assert_eq!(
        wib_moment(at, at + 86_400, Lang::En),
        "Yesterday at 14:05 WIB"
    );
    assert_eq!(
        wib_moment(at, at + 3 * 86_400, Lang::Id),
        "24 November 2026 pukul 14.05 WIB"
    );
    // 20:00 UTC is already the next day in WIB.
    assert_eq!(
        wib_moment(at + 13 * 3600, at + 20 * 86_400, Lang::Id),
        "25 November 2026 pukul 03.05 WIB"
    );
}

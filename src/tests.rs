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
    wait_ms(20).await;
}

/// Lets timers, IndexedDB and WebCrypto run for `ms` milliseconds.
pub async fn wait_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
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

// ---- The claim journey: documents checked on the phone, and the review's problem list. ----

mod claim {
    use klaim_core::Lang;
    use klaim_core::claim::{ClaimFacts, ClaimReason, DocumentKind, Necessity, Programme};
    use klaim_core::document::{DocumentError, FileType, inspect};
    use leptos::prelude::*;
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    use super::{element, settle, wait_for};
    use crate::claim::ClaimDraft;
    use crate::components::DocumentUpload;
    use crate::i18n::provide_i18n;
    use crate::pages::ReviewPage;
    use crate::state::provide_state;
    use crate::upload::{blob_of, prepare, read_bytes, sha256_hex, uuid_v4};

    fn container() -> web_sys::HtmlElement {
        let container: web_sys::HtmlElement =
            document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&container).unwrap();
        container
    }

    /// Requests to `path_part` the page has made so far (XMLHttpRequest and fetch alike).
    fn requests_to(path_part: &str) -> usize {
        let entries = web_sys::window()
            .unwrap()
            .performance()
            .unwrap()
            .get_entries_by_type("resource");
        entries
            .iter()
            .filter(|e| {
                e.unchecked_ref::<web_sys::PerformanceEntry>()
                    .name()
                    .contains(path_part)
            })
            .count()
    }

    /// Puts a file into a file input as if the person had chosen it.
    fn choose_file(input: &web_sys::HtmlInputElement, bytes: &[u8], name: &str) {
        let options = web_sys::FilePropertyBag::new();
        options.set_type("application/octet-stream");
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let file =
            web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap();
        let transfer = web_sys::DataTransfer::new().unwrap();
        transfer.items().add_with_file(&file).unwrap();
        input.set_files(transfer.files().as_ref());
        input
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_file_that_is_no_document_is_refused_before_anything_is_sent() {
        // Other tests in this page ask for documents lists: only new uploads count.
        let sent_before = requests_to("/api/v1/documents");
        let container = container();
        let draft = ClaimDraft::default();
        let handle = leptos::mount::mount_to(container.clone(), move || {
            provide_i18n().set(Lang::Id);
            // The app's state (the drafts keep chosen files), with this test's claim draft.
            provide_state();
            provide_context(draft);
            view! {
                <DocumentUpload
                    kind=DocumentKind::Ktp
                    necessity=Necessity::Required
                    earlier=Signal::derive(Vec::new)
                    page_error=Signal::derive(|| None)
                />
            }
        });
        handle.forget();
        settle().await;

        // A program renamed to .jpg: the bytes say what it is, not the name.
        let exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00 not a photo at all";
        let input: web_sys::HtmlInputElement =
            element(&container, "[data-testid=upload-input]").unchecked_into();
        choose_file(&input, exe, "ktp.jpg");
        let error = wait_for(&container, "[data-testid=upload-error]").await;
        let expected = inspect(exe).unwrap_err();
        assert!(matches!(expected, DocumentError::UnsupportedType { .. }));
        let text = error.text_content().unwrap();
        assert!(
            text.contains(&klaim_core::Explain::message(&expected, Lang::Id)),
            "klaim-core's words: {text}"
        );
        assert_eq!(
            element(&container, "[data-testid=document]")
                .get_attribute("data-state")
                .as_deref(),
            Some("refused")
        );
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "the input says it has a problem"
        );
        assert_eq!(
            requests_to("/api/v1/documents"),
            sent_before,
            "nothing was sent"
        );
        assert!(draft.documents.with_untracked(Vec::is_empty));

        // An empty file, likewise.
        choose_file(&input, b"", "kosong.pdf");
        settle().await;
        for _ in 0..100 {
            if element(&container, "[data-testid=upload-error]")
                .text_content()
                .unwrap()
                .contains(&klaim_core::Explain::message(
                    &DocumentError::Empty,
                    Lang::Id,
                ))
            {
                break;
            }
            settle().await;
        }
        assert!(
            element(&container, "[data-testid=upload-error]")
                .text_content()
                .unwrap()
                .contains(&klaim_core::Explain::message(
                    &DocumentError::Empty,
                    Lang::Id
                ))
        );
        assert_eq!(requests_to("/api/v1/documents"), sent_before);
        container.remove();
    }

    /// A 12-megapixel "photo" made on a canvas: smooth light with sensor-like noise, written
    /// as a PNG far over the 6 MB limit, as a phone's camera file can be.
    async fn camera_like_png() -> web_sys::Blob {
        let (width, height) = (4000u32, 3000u32);
        let canvas: web_sys::HtmlCanvasElement = document()
            .create_element("canvas")
            .unwrap()
            .unchecked_into();
        canvas.set_width(width);
        canvas.set_height(height);
        let context: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").unwrap().unwrap().unchecked_into();
        // Deterministic noise (a tiny LCG) over a gradient.
        let mut seed: u32 = 7;
        let mut pixels = vec![0u8; (width * height * 4) as usize];
        for (i, px) in pixels.chunks_exact_mut(4).enumerate() {
            let (x, y) = (i as u32 % width, i as u32 / width);
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let noise = (seed >> 24) as u8 & 0x0f;
            px[0] = (x * 200 / width) as u8 + noise;
            px[1] = (y * 200 / height) as u8 + noise;
            px[2] = 120 + noise;
            px[3] = 255;
        }
        let data = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            wasm_bindgen::Clamped(&pixels),
            width,
            height,
        )
        .unwrap();
        context.put_image_data(&data, 0.0, 0.0).unwrap();
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            canvas.to_blob_with_type(&resolve, "image/png").unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .unwrap()
            .unchecked_into()
    }

    #[wasm_bindgen_test]
    async fn a_large_photo_is_made_small_on_the_phone_and_hashed() {
        let photo = camera_like_png().await;
        assert!(
            photo.size() > klaim_core::document::MAX_DOCUMENT_BYTES as f64,
            "over the limit as chosen: {}",
            photo.size()
        );
        let prepared = prepare(&photo).await.expect("a photo passes");
        assert_eq!(prepared.file_type, FileType::Jpeg, "re-encoded as JPEG");
        assert!(
            prepared.bytes.len() < 1_000_000,
            "well under 1 MB: {}",
            prepared.bytes.len()
        );
        assert_eq!(prepared.original_bytes, photo.size() as u64);
        let checked = inspect(&prepared.bytes).expect("what is sent passes klaim-core's checks");
        assert_eq!(checked.dimensions, Some((1600, 1200)), "long side 1600 px");
        assert_eq!(
            prepared.sha256,
            sha256_hex(&prepared.bytes).await.unwrap(),
            "the hash is of the bytes that are sent"
        );
    }

    /// A "motion photo" as phones save it: a JPEG with the video appended after its end.
    #[wasm_bindgen_test]
    async fn a_motion_photo_is_sent_as_the_picture_alone() {
        let canvas: web_sys::HtmlCanvasElement = document()
            .create_element("canvas")
            .unwrap()
            .unchecked_into();
        canvas.set_width(1200);
        canvas.set_height(900);
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            canvas.to_blob_with_type(&resolve, "image/jpeg").unwrap();
        });
        let picture: web_sys::Blob = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .unwrap()
            .unchecked_into();
        let mut bytes = read_bytes(&picture).await.unwrap();
        bytes.extend_from_slice(b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom video frames");
        assert_eq!(inspect(&bytes), Err(DocumentError::TrailingData));
        let motion = blob_of(&bytes, "image/jpeg").unwrap();
        let prepared = prepare(&motion).await.expect("the picture passes");
        assert_eq!(prepared.file_type, FileType::Jpeg);
        assert!(
            inspect(&prepared.bytes).is_ok(),
            "no video left after the picture"
        );
    }

    #[wasm_bindgen_test]
    async fn sha256_comes_from_webcrypto_in_lower_case_hex() {
        assert_eq!(
            sha256_hex(b"abc").await.unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b"").await.unwrap(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[wasm_bindgen_test]
    async fn a_small_pdf_is_sent_as_it_is() {
        let pdf =
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        let prepared = prepare(&blob_of(pdf, "application/pdf").unwrap())
            .await
            .expect("a plain PDF passes");
        assert_eq!(prepared.file_type, FileType::Pdf);
        assert_eq!(prepared.bytes, pdf.to_vec(), "never re-encoded");
    }

    #[wasm_bindgen_test]
    fn uuids_are_random_version_4() {
        let a = uuid_v4().unwrap();
        let b = uuid_v4().unwrap();
        assert_ne!(a, b);
        for id in [&a, &b] {
            assert_eq!(id.len(), 36);
            let groups: Vec<&str> = id.split('-').collect();
            assert_eq!(
                groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
                [8, 4, 4, 4, 12]
            );
            assert!(groups[2].starts_with('4'), "version 4: {id}");
            assert!(
                matches!(groups[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'),
                "RFC 4122 variant: {id}"
            );
        }
        assert_eq!(
            crate::upload::format_v4([0xff; 16]),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
    }

    #[wasm_bindgen_test]
    fn downscaling_keeps_a_narrow_photo_readable() {
        use crate::upload::target_size;
        assert_eq!(target_size(4000, 3000), (1600, 1200));
        assert_eq!(target_size(3000, 4000), (1200, 1600));
        assert_eq!(target_size(1200, 800), (1200, 800), "never enlarged");
        // A long strip: the short side stays at the readable minimum.
        let (w, h) = target_size(4000, 900);
        assert_eq!(h, 400);
        assert!(w > 1600);
    }

    /// A participant who resigned in January 2020 (no waiting period left, whatever today is).
    fn resigned_facts() -> ClaimFacts {
        serde_json::from_str(
            r#"{
                "name": "Rina Wulandari", "nik": "3374055205919001", "birth_date": "1991-05-12",
                "sex": "female", "nationality": "wni", "deceased_on": null, "jkn_enrolled": true,
                "memberships": [{
                    "kpj": "99010000001", "jht_balance": 12350000, "jht_balance_on": "2020-10-31",
                    "employments": [{
                        "employer": "PT Sinar Abadi Tekstil", "started_on": "2016-02-01",
                        "ended_on": "2020-01-31", "end_reason": "resigned",
                        "membership_active": false
                    }],
                    "wages": [], "jp_months": [], "jkp_months": []
                }],
                "family": [], "past_claims": []
            }"#,
        )
        .expect("facts as the API sends them")
    }

    #[wasm_bindgen_test]
    async fn review_lists_what_is_missing_with_links_and_sends_nothing() {
        // Other tests in this page send claims of their own (the outbox's): only new ones count.
        let sent_before = requests_to("/api/v1/claims/");
        let container = container();
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .push_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some("/klaim/jht/resigned/periksa"),
            )
            .unwrap();
        let handle = leptos::mount::mount_to(container.clone(), move || {
            provide_i18n().set(Lang::Id);
            provide_state();
            let draft = expect_context::<ClaimDraft>();
            draft.own_facts.set(Some(resigned_facts()));
            draft.begin(Programme::Jht, ClaimReason::Resigned);
            view! {
                <Router>
                    <Routes fallback=|| "no route">
                        <Route path=path!("/klaim/:programme/:reason/periksa") view=ReviewPage />
                    </Routes>
                </Router>
            }
        });
        handle.forget();
        let list = wait_for(&container, "[data-testid=review-problems]").await;
        let links: Vec<(String, String)> = {
            let found = list.query_selector_all("li").unwrap();
            (0..found.length())
                .map(|i| {
                    let li: web_sys::Element = found.item(i).unwrap().unchecked_into();
                    let href = li
                        .query_selector("a")
                        .unwrap()
                        .and_then(|a| a.get_attribute("href"))
                        .unwrap_or_default();
                    (li.get_attribute("data-code").unwrap_or_default(), href)
                })
                .collect()
        };
        let has = |code: &str, href: &str| links.iter().any(|(c, h)| c == code && h == href);
        assert!(
            has(
                "claim.unanswered",
                "/klaim/jht/resigned/tanggal?dari=periksa"
            ),
            "the event date: {links:?}"
        );
        assert!(
            has(
                "claim.unanswered",
                "/klaim/jht/resigned/rekening?dari=periksa"
            ),
            "the bank account: {links:?}"
        );
        assert!(
            has(
                "claim.document_missing",
                "/klaim/jht/resigned/dokumen?dari=periksa"
            ),
            "the documents: {links:?}"
        );
        assert!(
            list.text_content()
                .unwrap()
                .contains("Dokumen ini belum dilampirkan: KTP"),
            "klaim-core's words"
        );

        let button = element(&container, "[data-testid=submit-claim]");
        assert_eq!(button.text_content().unwrap(), "Kirim klaim JHT");
        button.click();
        settle().await;
        assert_eq!(
            requests_to("/api/v1/claims/"),
            sent_before,
            "nothing is sent"
        );
        assert_eq!(
            document()
                .active_element()
                .map(|e| e.class_name())
                .as_deref(),
            Some("review-problems-anchor"),
            "the list takes focus"
        );
        container.remove();
    }
}

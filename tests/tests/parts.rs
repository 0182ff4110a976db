//! Screens come in parts that the browser downloads when one is first opened (route splitting,
//! src/parts.rs): the first page needs none. A part that cannot be downloaded is a page that
//! says what happened and that the answers are kept, in Indonesian and English, while the app
//! keeps running; "Coba lagi" loads it once the connection is back.

use klaim_e2e::Session;
use klaim_e2e::a11y::assert_accessible;
use klaim_e2e::account_pages::Screen;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_part_that_cannot_be_downloaded_says_so_and_loads_when_tried_again() {
    let s = Session::start("parts").await;
    let cdp = s.browser.driver.cdp();
    cdp.send_raw("Network.enable", json!({}))
        .await
        .expect("Network.enable");
    // The service worker keeps every part after the first visit: go around it, as on a first
    // visit, and let no part through.
    cdp.send_raw("Network.setBypassServiceWorker", json!({ "bypass": true }))
        .await
        .expect("bypass the worker");
    cdp.send_raw(
        "Network.setBlockedURLs",
        json!({ "urls": ["*/split_*", "*/chunk_*"] }),
    )
    .await
    .expect("block the parts");

    // The first page is whole without any part.
    let screen = Screen::new(&s.browser);
    screen.open("/", "membership-form").await;

    // Opening the claim journey needs its part.
    screen.go_within_app("/klaim", "part-failed").await;
    assert_eq!(screen.heading().await, "Halaman ini belum dapat dimuat");
    let said = screen.text("part-failed").await;
    assert!(
        said.contains("Jawaban dan dokumen Anda tetap tersimpan"),
        "{said}"
    );
    assert!(said.contains("175"), "{said}");
    assert!(
        screen
            .title()
            .await
            .starts_with("Halaman ini belum dapat dimuat"),
        "{}",
        screen.title().await
    );
    assert_accessible(&s.browser, "a part that could not be downloaded").await;
    s.browser.screenshot("part-failed").await;

    // The app still runs: the language switch answers, and the page says it in English.
    screen.press("lang-switch").await;
    let english = screen.text_changed_from("part-failed", &said).await;
    assert!(
        english.starts_with("This page could not be loaded yet"),
        "{english}"
    );
    assert!(
        english.contains("Your answers and documents are still saved"),
        "{english}"
    );

    // Still cut off: trying again fails again, and says so again.
    screen.press("part-retry").await;
    screen.wait("part-failed").await;

    // The connection is back: the same button brings the screen.
    cdp.send_raw("Network.setBlockedURLs", json!({ "urls": [] }))
        .await
        .expect("unblock the parts");
    screen.press("part-retry").await;
    screen.wait("programmes").await;
    assert!(!screen.has("part-failed").await);
    assert_eq!(screen.heading().await, "What would you like to claim?");
    s.finish().await;
}

//! Screens come in parts that the browser downloads when one is first opened (route splitting,
//! src/parts.rs): the first page needs none. A slow part is announced as loading; a part that
//! cannot be downloaded is a page that says what happened and that the answers are kept, in
//! Indonesian and English, while the app keeps running; "Coba lagi" loads it once the
//! connection is back.

use klaim_e2e::Session;
use klaim_e2e::a11y::assert_accessible;
use klaim_e2e::account_pages::Screen;
use serde_json::json;
use thirtyfour::cdp::Cdp;
use thirtyfour::cdp::domains::network::NetworkConditions;

/// The service worker keeps every part after the first visit: requests go around it here, as on
/// a first visit, so the network decides.
async fn around_the_worker(s: &Session) -> Cdp {
    let cdp = s.browser.driver.cdp();
    cdp.network().enable().await.expect("Network.enable");
    cdp.send_raw("Network.setBypassServiceWorker", json!({ "bypass": true }))
        .await
        .expect("bypass the worker");
    cdp
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_part_is_announced_then_shown() {
    let s = Session::start("parts_slow").await;
    let cdp = around_the_worker(&s).await;
    let screen = Screen::new(&s.browser);
    screen.open("/", "membership-form").await;

    // About 4 s for the claim journey's part and what it shares with others.
    let slow = NetworkConditions {
        latency: 300,
        download_throughput: 40 * 1024,
        ..NetworkConditions::new()
    };
    cdp.network()
        .emulate_network_conditions(slow)
        .await
        .expect("throttle the network");
    screen.go_within_app("/klaim", "part-loading").await;
    assert_eq!(screen.text("part-loading").await, "Memuat halaman…");
    assert!(!screen.has("programmes").await);
    cdp.network()
        .emulate_network_conditions(NetworkConditions::new())
        .await
        .expect("end the throttling");
    screen.wait("programmes").await;
    assert!(!screen.has("part-loading").await);
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_part_that_cannot_be_downloaded_says_so_and_loads_when_tried_again() {
    let s = Session::start("parts").await;
    let cdp = around_the_worker(&s).await;
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

//! The app shell offline, with the real service worker: opened once online, the app starts again
//! with the server gone (stopped, as when the network is down), shows the calm offline banner,
//! "Klaim saya" with the last known list, and a needs-internet page for signing in; the banner
//! goes once the server answers again; a claim can be prepared offline from the cached facts; signing out leaves no API cache and no drafts database.
//! A new build is announced ("Versi baru tersedia") and its button reloads into it.

use std::time::Duration;

use klaim_core::claim::{ClaimReason, Programme};
use klaim_e2e::a11y::assert_accessible;
use klaim_e2e::account_pages::Screen;
use klaim_e2e::claim_pages::{Journey, RINA, poll, sign_up};
use klaim_e2e::offline_pages::{
    Shell, api_cache_has, cache_names, check_for_update, vault_databases, wait_for_service_worker,
};
use klaim_e2e::server::output_dir;
use klaim_e2e::{ServerOptions, Session, wib_today};

const OFFLINE_ID: &str = "Anda sedang offline. Klaim akan dikirim saat tersambung.";

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_the_app_works_offline_and_sign_out_leaves_nothing() {
    let mut s = Session::start("offline_shell").await;
    sign_up(&s, &RINA).await;
    wait_for_service_worker(&s.browser).await;
    let screen = Screen::new(&s.browser);
    // A load under the worker: "Klaim saya" read once, and the journey's reads kept for offline.
    screen.open("/klaim-saya", "no-claims").await;
    for path in [
        "/api/v1/me",
        "/api/v1/claims",
        "/api/v1/claims/facts",
        "/api/v1/documents",
    ] {
        poll(Duration::from_secs(15), path, || async {
            api_cache_has(&s.browser, path).await.then_some(())
        })
        .await;
    }
    // Never the back office or anything that was not asked for.
    assert!(!api_cache_has(&s.browser, "/api/v1/office/claims").await);

    s.server.stop();
    let shell = Shell::new(&s.browser);
    // A full reload with the server gone: the shell comes from the worker, the account from its
    // cached `GET /me`.
    screen.open("/", "membership-form").await;
    assert!(shell.offline_banner().await.starts_with(OFFLINE_ID));
    screen.wait("offline-data-from").await;
    assert!(
        screen.has("header-my-claims").await,
        "still signed in, from the last known account"
    );
    s.browser.screenshot("offline-start").await;
    screen
        .go_within_app("/klaim-saya", "claims-remembered")
        .await;
    screen.wait("last-known").await;
    screen.wait("no-claims").await;
    assert!(!screen.has("server-trouble").await);
    s.browser.screenshot("offline-my-claims").await;

    // A claim can be prepared offline: the journey reads the facts the worker kept, and the
    // answers are saved in the account's vault (opened from the cached account).
    let claim = Journey::start(&s.browser, Programme::Jht, ClaimReason::Resigned).await;
    let results = claim.results().await;
    assert!(
        results.eligible().await,
        "the registry's facts, from the cache"
    );
    results.proceed().await;
    claim
        .answer_event_date(wib_today().add_days(-95).expect("a date"))
        .await;
    claim.screen.wait_path(&claim.path("rekening")).await;
    let saved = claim.screen.text("draft-saved").await;
    assert!(saved.starts_with("Tersimpan di perangkat ini"), "{saved}");
    s.browser.screenshot("offline-journey").await;

    // Signing in needs the server: a page that says so, not a form that would fail.
    screen.go_within_app("/masuk", "needs-internet").await;
    assert!(!screen.has("sign-in-form").await);
    let page = shell.needs_internet().await;
    assert!(page.contains("Halaman ini perlu internet"), "{page}");
    assert!(page.contains("menyiapkan klaim"), "{page}");
    s.browser.screenshot("offline-needs-internet").await;
    screen.open("/daftar", "needs-internet").await;

    // The server back: one answer and the banner goes, the form comes back.
    s.server.restart();
    screen.press("check-connection").await;
    shell.wait_online().await;
    screen.wait("register-form").await;

    // Sign-out: nothing of the person is left in the caches or IndexedDB.
    screen.open("/akun", "account-name").await;
    assert!(
        cache_names(&s.browser)
            .await
            .iter()
            .any(|n| n == "klaim-api"),
        "the reads were cached before"
    );
    screen.press("sign-out").await;
    screen.wait("sign-in-form").await;
    poll(
        Duration::from_secs(15),
        "no API cache and no vault",
        || async {
            let caches = cache_names(&s.browser).await;
            let vaults = vault_databases(&s.browser).await;
            (!caches.iter().any(|n| n.starts_with("klaim-api")) && vaults.is_empty()).then_some(())
        },
    )
    .await;
    assert!(
        cache_names(&s.browser)
            .await
            .iter()
            .any(|n| n.starts_with("klaim-shell-")),
        "the app shell (no personal data) stays for offline"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_build_is_announced_and_its_button_reloads_into_it() {
    // A copy of the built app to publish a "new build" into while the page is open.
    let dist = output_dir().join("dist-copies").join("offline_update");
    let _ = std::fs::remove_dir_all(&dist);
    copy_dir(
        std::path::Path::new(&std::env::var("KLAIM_DIST_DIR").expect("KLAIM_DIST_DIR")),
        &dist,
    );
    let options = ServerOptions {
        dist: Some(dist.clone()),
        ..ServerOptions::default()
    };
    let s = Session::start_with("offline_update", &options).await;
    let screen = Screen::new(&s.browser);
    screen.open("/", "membership-form").await;
    wait_for_service_worker(&s.browser).await;
    let old_shell = poll(Duration::from_secs(15), "the shell cached", || async {
        cache_names(&s.browser)
            .await
            .into_iter()
            .find(|n| n.starts_with("klaim-shell-"))
    })
    .await;
    // The first worker simply takes over: nothing to announce.
    assert!(!screen.has("update-available").await);

    // A new build: another worker version (its precompressed copies removed, so it is served).
    let worker = dist.join("sw.js");
    let script = std::fs::read_to_string(&worker).expect("sw.js");
    let old_version = old_shell.trim_start_matches("klaim-shell-");
    let new_version = "e2e0000000000001";
    let changed = script.replace(
        &format!("const VERSION = \"{old_version}\";"),
        &format!("const VERSION = \"{new_version}\";"),
    );
    assert_ne!(changed, script, "the version is in sw.js");
    std::fs::write(&worker, changed).expect("write sw.js");
    for variant in ["sw.js.br", "sw.js.gz"] {
        let _ = std::fs::remove_file(dist.join(variant));
    }
    let _: bool = s
        .browser
        .script("window.klaimBefore = true; return true")
        .await;
    check_for_update(&s.browser).await;

    let shell = Shell::new(&s.browser);
    let said = shell.update_available().await;
    assert!(said.contains("Versi baru tersedia"), "{said}");
    s.browser.screenshot("update-available").await;
    assert_accessible(&s.browser, "the update banner").await;
    screen.press("update-reload").await;
    poll(Duration::from_secs(20), "the page reloads", || async {
        let reloaded: bool = s
            .browser
            .script("return window.klaimBefore === undefined")
            .await;
        reloaded.then_some(())
    })
    .await;
    screen.wait("membership-form").await;
    let names = poll(Duration::from_secs(15), "the old shell removed", || async {
        let names = cache_names(&s.browser).await;
        (!names.contains(&old_shell)).then_some(names)
    })
    .await;
    assert!(
        names.contains(&format!("klaim-shell-{new_version}")),
        "{names:?}"
    );
    assert!(!screen.has("update-available").await);
    s.finish().await;
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read dist") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

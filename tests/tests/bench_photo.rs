//! A figure for `cargo xtask bench`, not a check (hence `#[ignore]`): how long the app takes, in
//! headless Chromium, to prepare a 12-megapixel phone photo for upload (klaim-core's byte checks
//! in wasm, downscaling on a canvas, checking again, SHA-256), and how large the result is.
//!
//! The time is measured inside the page: a MutationObserver notes when the upload row turns to
//! `checking` (the file was chosen) and to `uploading` (preparation done, the first byte is about
//! to go). The output size is what the server stored. Three runs with the same photo; the median
//! is written to `KLAIM_BENCH_OUT` (default `target/bench/photo.json` in the workspace):
//! `{ "photo_12mp": { "input_bytes", "output_bytes", "prepare_ms" } }`.

use std::path::PathBuf;
use std::time::Instant;

use klaim_core::api::claim::DocumentList;
use klaim_core::claim::DocumentKind;
use klaim_e2e::Session;
use klaim_e2e::account_pages::Screen;
use klaim_e2e::claim_pages::{Documents, RINA, sign_up};
use klaim_e2e::fixtures::{document_photo, write};
use klaim_e2e::server::output_dir;

const RUNS: usize = 3;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a bench figure, run by `cargo xtask bench`"]
async fn prepare_a_12_megapixel_photo() {
    let s = Session::start("bench_photo").await;
    sign_up(&s, &RINA).await;
    // Straight to the documents of a JHT claim: the page asks for the KTP whatever the answers.
    let screen = Screen::new(&s.browser);
    screen
        .open("/klaim/jht/resigned/dokumen", "documents-form")
        .await;
    let documents = Documents { screen };
    documents.watch().await;

    let photo = document_photo(4000, 3000, 12);
    let file = write(
        &output_dir().join("fixtures").join("bench_photo"),
        "photo-12mp.jpg",
        &photo,
    );
    let mut prepare_ms = Vec::new();
    for run in 1..=RUNS {
        documents.forget(DocumentKind::Ktp).await;
        let started = Instant::now();
        documents.upload(DocumentKind::Ktp, &file).await;
        let wall = started.elapsed();
        let seen = documents.seen(DocumentKind::Ktp).await;
        let ms = seen
            .ms_between("checking", "uploading")
            .unwrap_or_else(|| panic!("no checking → uploading in {:?}", seen.states));
        println!(
            "run {run}: prepared in {ms:.0} ms (chosen to uploaded: {} ms)",
            wall.as_millis()
        );
        prepare_ms.push(ms);
    }
    prepare_ms.sort_by(f64::total_cmp);
    let median = prepare_ms[RUNS / 2];

    let stored: DocumentList = s.browser.api("/documents").await;
    let newest = stored
        .documents
        .iter()
        .max_by_key(|d| d.uploaded_at)
        .expect("the photo was stored");
    let json = format!(
        "{{ \"photo_12mp\": {{ \"input_bytes\": {}, \"output_bytes\": {}, \"prepare_ms\": {:.0} }} }}\n",
        photo.len(),
        newest.bytes,
        median
    );
    let out = std::env::var_os("KLAIM_BENCH_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench/photo.json")
        });
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).expect("bench folder");
    }
    std::fs::write(&out, &json).expect("write the bench figures");
    print!("{json}");
    s.finish().await;
}

//! Figures for `cargo xtask bench`, not checks (hence `#[ignore]`), in headless Chromium against
//! the release app and server:
//! - restoring a draft with five documents: a JHT claim whose five documents (all photos, the
//!   heaviest to restore: each thumbnail is decoded again) were kept on the phone while the
//!   server was gone; the documents page is loaded again and timed, inside the page, from the
//!   start of navigation until the five rows show their documents and thumbnails;
//! - delivering 100 queued claims once the server is back: the claim is queued offline, then
//!   copied 99 times in the page's vault under new claim ids (decrypted and encrypted again with
//!   the account's own key, as the app does), and "Klaim saya" is loaded with the server up; the
//!   time runs from navigation until every claim has the server's answer. One account may have
//!   one open claim per programme and reason, so the first is delivered and the 99 copies end as
//!   `claim.already_open` refusals; each still makes its document requests and its submission.
//!
//! Writes `{ "draft_restore": {…}, "outbox_delivery": {…} }` to `KLAIM_BENCH_OUT`.

use std::path::PathBuf;
use std::time::Duration;

use klaim_core::Date;
use klaim_core::claim::{ClaimReason, Programme};
use klaim_e2e::claim_pages::{Journey, RINA, sign_up};
use klaim_e2e::fixtures::{document_photo, write};
use klaim_e2e::outbox_pages::OutboxPage;
use klaim_e2e::server::output_dir;
use klaim_e2e::{Session, wib_today};
use serde_json::{Value, json};

const RUNS: usize = 3;
const QUEUED: usize = 100;

fn rina_resigned_on() -> Date {
    wib_today().add_days(-95).expect("a date")
}

/// Waits inside the page until `condition` (a JS expression) holds, polling every frame; the
/// page's clock then (ms since navigation started).
async fn page_ms_until(s: &Session, condition: &str) -> f64 {
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         const check = () => {{ if ({condition}) done(performance.now()); \
           else requestAnimationFrame(check); }}; check();"
    );
    let value = s
        .browser
        .driver
        .execute_async(script, Vec::new())
        .await
        .unwrap_or_else(|e| panic!("waiting for {condition}: {e}"));
    value.convert().expect("a number")
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Copies the account's one queued claim `copies` times under new ids, in the page's vault.
const COPY_QUEUED: &str = r#"
const done = arguments[arguments.length - 1];
const copies = arguments[0];
const ask = (request) => new Promise((ok, no) => {
  request.onsuccess = () => ok(request.result); request.onerror = () => no(request.error);
});
(async () => {
  const names = (await indexedDB.databases()).map(d => d.name).filter(n => n.startsWith('klaim-vault-'));
  if (names.length !== 1) throw new Error('vaults: ' + names);
  const db = await ask(indexedDB.open(names[0]));
  const store = (name, mode) => db.transaction(name, mode).objectStore(name);
  const keys = await ask(store('records').getAllKeys());
  const name = keys.find(k => k.startsWith('outbox:'));
  const key = await ask(store('key').get('aes-gcm'));
  const record = await ask(store('records').get(name));
  const bound = (n) => new TextEncoder().encode(`klaim-vault/1\u0000${record.rules}\u0000${n}`);
  const sealed = record.sealed;
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.slice(0, 12), additionalData: bound(name) }, key, sealed.slice(12));
  const claim = JSON.parse(new TextDecoder().decode(plain));
  for (let i = 0; i < copies; i++) {
    const id = crypto.randomUUID();
    claim.claim_id = id; claim.draft.claim_id = id; claim.queued_at += 1;
    const n = 'outbox:' + id;
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const body = new Uint8Array(await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: bound(n) }, key,
      new TextEncoder().encode(JSON.stringify(claim))));
    const out = new Uint8Array(12 + body.length); out.set(iv); out.set(body, 12);
    await new Promise((ok, no) => {
      const t = db.transaction('records', 'readwrite');
      t.objectStore('records').put({ rules: record.rules, sealed: out }, n);
      t.oncomplete = ok; t.onerror = () => no(t.error);
    });
  }
  db.close();
  done(copies);
})().catch(e => done('error: ' + e));
"#;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "bench figures, run by `cargo xtask bench`"]
async fn restore_a_draft_and_deliver_queued_claims() {
    let test = "bench_outbox";
    let mut s = Session::start(test).await;
    sign_up(&s, &RINA).await;
    let claim = Journey::start(&s.browser, Programme::Jht, ClaimReason::Resigned).await;
    claim.results().await.proceed().await;
    claim.answer_event_date(rina_resigned_on()).await;
    claim.answer_bank(klaim_core::Bank::Bca, "8031234567").await;
    let documents = claim.documents().await;

    s.server.stop();
    let dir = output_dir().join("fixtures").join(test);
    let kinds = documents.asked().await;
    assert_eq!(kinds.len(), 5, "five documents: {kinds:?}");
    let mut photo_bytes = 0;
    for (seed, kind) in (1..).zip(kinds) {
        let photo = document_photo(1600, 1200, seed);
        photo_bytes += photo.len();
        let name = format!("{}.jpg", kind.as_str());
        documents.keep(kind, &write(&dir, &name, &photo)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    s.server.restart();

    let five = "document.querySelectorAll('[data-testid=document][data-state=kept]').length === 5 \
                && document.querySelectorAll('[data-testid=upload-thumbnail]').length === 5";
    let mut restore_ms = Vec::new();
    for run in 1..=RUNS {
        s.browser.open(&claim.path("dokumen")).await;
        let ms = page_ms_until(&s, five).await;
        println!("draft restore, run {run}: {ms:.0} ms from navigation");
        restore_ms.push(ms);
    }

    // Queued offline, copied, delivered once the server is back.
    s.server.stop();
    documents.proceed().await;
    claim.review().await.submit().await;
    OutboxPage::wait(&s.browser).await;
    let copied: Value = s
        .browser
        .driver
        .execute_async(COPY_QUEUED, vec![json!(QUEUED - 1)])
        .await
        .expect("copy the queued claim")
        .json()
        .clone();
    assert_eq!(copied, json!(QUEUED - 1), "{copied}");
    s.server.restart();
    s.browser.open("/klaim-saya").await;
    let settled = format!(
        "document.querySelectorAll('[data-testid=delivered]').length \
         + document.querySelectorAll('[data-testid=queued-claim][data-status=refused]').length \
         === {QUEUED}"
    );
    let delivery_ms = page_ms_until(&s, &settled).await;
    let outbox = OutboxPage::wait(&s.browser).await;
    let delivered = outbox.delivered().await.len();
    let refused = outbox.rows().await.len();
    println!("{QUEUED} queued claims settled {delivery_ms:.0} ms after navigation");

    let figures = json!({
        "draft_restore": {
            "documents": 5,
            "photo_bytes_before_downscaling": photo_bytes,
            "restore_ms": median(restore_ms).round(),
            "runs": RUNS,
        },
        "outbox_delivery": {
            "queued": QUEUED,
            "delivered": delivered,
            "refused_already_open": refused,
            "settled_ms_from_navigation": delivery_ms.round(),
            "ms_per_claim": (delivery_ms / QUEUED as f64 * 10.0).round() / 10.0,
        },
    });
    let out = std::env::var_os("KLAIM_BENCH_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench/outbox.json")
        });
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).expect("bench folder");
    }
    let text = serde_json::to_string_pretty(&figures).expect("JSON") + "\n";
    std::fs::write(&out, &text).expect("write the bench figures");
    print!("{text}");
    s.finish().await;
}

//! Uploads at the document limit: 20 clients each `PUT` a 6 MiB PDF at the same moment, a few
//! rounds, while a thread reads the server's resident memory every 20 ms. The server streams each
//! upload frame by frame through klaim-core's checks and SHA-256 into storage; were it to hold
//! whole files, the peak would rise by about 20 × 6 MiB.

use std::time::Duration;

use klaim_core::claim::DocumentKind;
use klaim_core::document::MAX_DOCUMENT_BYTES;
use serde_json::{Value, json};

use super::super::klaim::Klaim;
use super::super::wrk::round;
use super::client::{Client, random_source, uuid};
use super::documents::Document;
use super::memory::{self, Sampler, mib};
use super::rounds::{self, Outcome, ms};

/// The figure: 20 concurrent uploads.
pub const UPLOADERS: usize = 20;
const ROUNDS: usize = 3;
/// `UPLOADS_PER_ACCOUNT` in klaim-server's documents: 200 an hour.
const UPLOADS_PER_ACCOUNT: usize = 200;
const SAMPLE_EVERY: Duration = Duration::from_millis(20);
const KIND: DocumentKind = DocumentKind::Ktp;

/// Runs on a server with a fresh account (its session cookie): one upload to warm up, then the
/// rounds. Every upload is one the account may make within its hourly limit.
pub fn measure(server: &Klaim, cookie: &str, name: &str) -> anyhow::Result<Value> {
    let accounts_needed = (1 + UPLOADERS * ROUNDS).div_ceil(UPLOADS_PER_ACCOUNT);
    anyhow::ensure!(
        accounts_needed == 1,
        "the upload bench would need {accounts_needed} accounts"
    );
    let document = Document::pdf(MAX_DOCUMENT_BYTES as usize, 6);
    let clients: Vec<Client> = (0..UPLOADERS).map(|_| Client::new(&server.base)).collect();
    let mut random = random_source();
    let ids: Vec<Vec<String>> = (0..UPLOADERS)
        .map(|_| (0..ROUNDS).map(|_| uuid(&mut random)).collect())
        .collect();

    // The first upload sets up what every later one reuses (storage directory, pools).
    let warm = clients[0].upload(&uuid(&mut random), KIND, &document, cookie)?;
    anyhow::ensure!(
        warm.status == 201,
        "the warm-up upload answered {}: {}",
        warm.status,
        warm.text()
    );
    std::thread::sleep(Duration::from_millis(500));
    let before = memory::read(server.pid())?;

    let sampler = Sampler::start(server.pid(), SAMPLE_EVERY);
    let run = rounds::run(UPLOADERS, ROUNDS, |client, round| {
        let answer = clients[client].upload(&ids[client][round], KIND, &document, cookie);
        Some(answer.map(|a| Outcome {
            status: a.status,
            expected: a.status == 201,
            note: (a.status != 201).then(|| format!("{} {}", a.status, a.text())),
        }))
    });
    let peak = sampler.stop();
    std::thread::sleep(Duration::from_secs(1));
    let after = memory::read(server.pid())?;

    let bytes = (document.bytes.len() * run.requests) as f64;
    let mb_per_s = bytes / 1e6 / run.wall.as_secs_f64().max(1e-9);
    let growth = peak.rss_kib.saturating_sub(before.rss_kib);
    let whole_files = (UPLOADERS * document.bytes.len()) as u64 / 1024;
    println!(
        "{name:<12} {:>7.1} MB/s  per upload p50 {:.2} s  p99 {:.2} s   RSS before {:.1} MiB, peak {:.1} MiB (+{:.1}; {UPLOADERS} whole files would be +{:.0}), after {:.1} MiB, VmHWM {:.1} MiB",
        mb_per_s,
        run.percentile(0.5).as_secs_f64(),
        run.percentile(0.99).as_secs_f64(),
        mib(before.rss_kib),
        mib(peak.rss_kib),
        mib(growth),
        mib(whole_files),
        mib(after.rss_kib),
        mib(after.hwm_kib),
    );
    run.warn(&format!("uploads on {name}"));
    let figures = run.to_json();
    Ok(json!({
        "uploads": run.requests,
        "concurrent": UPLOADERS,
        "rounds": ROUNDS,
        "bytes_each": document.bytes.len(),
        "file": "PDF (incompressible stream), checked by klaim-core on both sides",
        "mb_per_second": round(mb_per_s, 1),
        "per_upload_p50_seconds": round(run.percentile(0.5).as_secs_f64(), 3),
        "per_upload_p99_seconds": round(run.percentile(0.99).as_secs_f64(), 3),
        "per_upload_max": ms(run.latencies.last().copied().unwrap_or_default()),
        "statuses": figures["statuses"],
        "unexpected": run.unexpected,
        "server_memory_mib": {
            "rss_before": round(mib(before.rss_kib), 1),
            "rss_peak_during": round(mib(peak.rss_kib), 1),
            "rss_after": round(mib(after.rss_kib), 1),
            "peak_growth": round(mib(growth), 1),
            "vm_hwm_before": round(mib(before.hwm_kib), 1),
            "vm_hwm_after": round(mib(after.hwm_kib), 1),
            "whole_files_in_flight_would_be": round(mib(whole_files), 1),
            "samples": peak.samples,
            "sample_every_ms": SAMPLE_EVERY.as_millis() as u64,
        },
    }))
}

//! `cargo xtask soak [--minutes M] [--participants N]`: N simulated participants use one server
//! for M minutes as people do (issue 7, item 4; defaults 200 and 10), and the command reports
//! latency per kind of request and over time, and the server's resident memory over time. It
//! fails on any unexpected answer or when memory keeps growing.
//!
//! Method. klaim-server (release build) on SQLite, its default, with a generated registry. N
//! registry people who can make a claim today sign up through the API first (as the claims bench
//! does). Then each participant is a thread with its own connection: it signs in with its
//! password, and until the time is up waits 1–4 s (thinking, reading) and does one thing:
//! reads its claims list, its profile, its claim or its documents, its notifications; now and
//! then signs out and in again; and once, at a random moment in the middle 80% of the run,
//! uploads its documents and submits its claim (as the app's outbox does). Every request is
//! timed by the client and its answer checked (200, 201 or 204 as the API promises). A thread
//! reads the server's VmRSS every [`SAMPLE_EVERY`].
//!
//! "Memory flat": the mean resident size over the last fifth of the run against the mean over
//! the second fifth (after warming up), at most [`FLAT_GROWTH`] larger plus [`CACHE_FILL_MIB`]:
//! SQLite's page caches (2 MiB for each of the server's 8 connections) fill as the database
//! grows and then stay, which a short run still sees as growth. Writes target/bench/soak.json.

mod participant;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::{Value, json};

use super::child::TempDir;
use super::claims::documents::Document;
use super::claims::memory;
use super::claims::population;
use super::claims::rounds::percentile;
use super::claims::signup::Addresses;
use super::claims::submissions::eligible;
use super::claims::wib_today;
use super::crash::clients::prepare;
use super::klaim::{self, Storage};
use super::wrk::round;
use crate::proc::Counts;
use participant::{Participant, Request};

const SAMPLE_EVERY: Duration = Duration::from_secs(5);
/// Growth allowed between the second and the last fifth of the run, on top of the caches.
const FLAT_GROWTH: f64 = 0.10;
const CACHE_FILL_MIB: f64 = 16.0;
const DOCUMENT_BYTES: usize = 60_000;
const REGISTRY_SEED: u64 = 23;

/// `cargo xtask soak [--minutes M] [--participants N]`.
pub fn command(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let usage = "usage: cargo xtask soak [--minutes M] [--participants N]";
    let (mut minutes, mut participants) = (10.0_f64, 200_usize);
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().context(usage)?;
        match flag.as_str() {
            "--minutes" => minutes = value.parse().context("--minutes takes a number")?,
            "--participants" => {
                participants = value.parse().context("--participants takes a number")?
            }
            _ => bail!(usage),
        }
    }
    let tools = crate::tools::bootstrap(root)?;
    let dist = crate::build::app(root, &tools)?;
    let server = crate::build::server(root)?;
    let (result, ok) = run(
        &server,
        &dist,
        participants,
        Duration::from_secs_f64(minutes * 60.0),
    )?;
    super::write(root, "soak.json", &result)?;
    if !ok {
        bail!("the soak test failed; see target/bench/soak.json");
    }
    Ok(())
}

/// The short run of `cargo xtask test`: 30 participants for 40 seconds, one test.
pub fn smoke(server: &Path, dist: &Path) -> anyhow::Result<Counts> {
    let (_, ok) = run(server, dist, 30, Duration::from_secs(40))?;
    Ok(Counts {
        passed: u64::from(ok),
        failed: u64::from(!ok),
    })
}

fn run(
    server: &Path,
    dist: &Path,
    participants: usize,
    duration: Duration,
) -> anyhow::Result<(Value, bool)> {
    let temp = TempDir::new("klaim-soak")?;
    let today = wib_today();
    let csv = temp.path().join("registry.csv");
    let count = u32::try_from(participants * 3 + 100).context("too many participants")?;
    klaim::generate_registry(server, count, REGISTRY_SEED, today, &csv)?;
    let people = population::read(&csv)?;
    let data = temp.sub("sqlite")?;
    let storage = Storage {
        data_dir: &data,
        database_url: None,
    };
    let klaim = klaim::start_with_registry(server, dist, "klaim-server (soak)", &storage, &csv)?;
    let mut found = eligible(&klaim, &people, &mut Addresses::new(), today, participants)?;
    if found.ready.len() < participants {
        bail!(
            "only {} of {} people signed up can claim today; {participants} are needed",
            found.ready.len(),
            found.signed_up
        );
    }
    found.ready.truncate(participants);
    let work = prepare(&found.ready);
    let document = Document::pdf(DOCUMENT_BYTES, 5);
    println!(
        "\nsoak: {participants} participants for {:.0} s against {}",
        duration.as_secs_f64(),
        klaim.base
    );

    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (stop, pid) = (Arc::clone(&stop), klaim.pid());
        std::thread::spawn(move || sample(pid, &stop))
    };
    let started = Instant::now();
    let requests: Vec<Request> = std::thread::scope(|scope| {
        let handles: Vec<_> = found
            .ready
            .iter()
            .zip(&work)
            .map(|((account, _), work)| {
                let participant = Participant {
                    base: &klaim.base,
                    nik: &people[account.person].nik,
                    work,
                    document: &document,
                    started,
                    duration,
                };
                scope.spawn(move || participant.run())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a participant panicked"))
            .collect()
    });
    stop.store(true, Ordering::Relaxed);
    let rss = sampler.join().expect("the sampler panicked");
    let wall = started.elapsed();
    drop(klaim);

    let report = Report::of(&requests, &rss, wall);
    report.print();
    let ok = report.unexpected == 0 && report.memory_flat;
    let mut result = report.to_json();
    result["participants"] = json!(participants);
    result["seconds"] = json!(round(wall.as_secs_f64(), 1));
    result["storage"] = json!("SQLite");
    result["ok"] = json!(ok);
    Ok((result, ok))
}

/// VmRSS every [`SAMPLE_EVERY`] until stopped: (seconds since start, KiB).
fn sample(pid: u32, stop: &AtomicBool) -> Vec<(f64, u64)> {
    let started = Instant::now();
    let mut series = Vec::new();
    let mut next = Duration::ZERO;
    while !stop.load(Ordering::Relaxed) {
        if started.elapsed() >= next {
            if let Ok(m) = memory::read(pid) {
                series.push((started.elapsed().as_secs_f64(), m.rss_kib));
            }
            next += SAMPLE_EVERY;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    series
}

struct Report {
    /// Latencies (sorted) and unexpected answers per kind of request.
    by_kind: BTreeMap<&'static str, (Vec<Duration>, u64)>,
    per_minute: BTreeMap<u64, Vec<Duration>>,
    all: Vec<Duration>,
    unexpected: u64,
    first_unexpected: Vec<String>,
    rss: Vec<(f64, u64)>,
    growth: f64,
    memory_flat: bool,
}

impl Report {
    fn of(requests: &[Request], rss: &[(f64, u64)], wall: Duration) -> Report {
        let mut by_kind: BTreeMap<&'static str, (Vec<Duration>, u64)> = BTreeMap::new();
        let mut per_minute: BTreeMap<u64, Vec<Duration>> = BTreeMap::new();
        let mut first_unexpected = Vec::new();
        for r in requests {
            let (latencies, unexpected) = by_kind.entry(r.kind).or_default();
            latencies.push(r.latency);
            if let Some(note) = &r.unexpected {
                *unexpected += 1;
                if first_unexpected.len() < 10 {
                    first_unexpected.push(format!("{}: {note}", r.kind));
                }
            }
            per_minute
                .entry(r.at.as_secs() / 60)
                .or_default()
                .push(r.latency);
        }
        for (latencies, _) in by_kind.values_mut() {
            latencies.sort();
        }
        for latencies in per_minute.values_mut() {
            latencies.sort();
        }
        let mut all: Vec<Duration> = requests.iter().map(|r| r.latency).collect();
        all.sort();
        let unexpected = by_kind.values().map(|(_, u)| u).sum();
        let fifth = wall.as_secs_f64() / 5.0;
        let mean = |from: f64, to: f64| {
            let v: Vec<u64> = rss
                .iter()
                .filter(|(t, _)| *t >= from && *t <= to)
                .map(|(_, k)| *k)
                .collect();
            (!v.is_empty()).then(|| v.iter().sum::<u64>() as f64 / v.len() as f64)
        };
        let (warm, end) = (mean(fifth, 2.0 * fifth), mean(4.0 * fifth, 5.0 * fifth));
        let (growth, flat) = match (warm, end) {
            (Some(warm), Some(end)) => (
                end / warm - 1.0,
                end <= warm * (1.0 + FLAT_GROWTH) + CACHE_FILL_MIB * 1024.0,
            ),
            _ => (f64::NAN, false),
        };
        Report {
            by_kind,
            per_minute,
            all,
            unexpected,
            first_unexpected,
            rss: rss.to_vec(),
            growth,
            memory_flat: flat,
        }
    }

    fn print(&self) {
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        for (kind, (latencies, unexpected)) in &self.by_kind {
            println!(
                "{kind:<14} {:>7} requests  p50 {:>9}  p99 {:>9}  unexpected {unexpected}",
                latencies.len(),
                ms(percentile(latencies, 0.5)),
                ms(percentile(latencies, 0.99)),
            );
        }
        println!(
            "{:<14} {:>7} requests  p50 {:>9}  p99 {:>9}  unexpected {}",
            "all",
            self.all.len(),
            ms(percentile(&self.all, 0.5)),
            ms(percentile(&self.all, 0.99)),
            self.unexpected
        );
        for note in &self.first_unexpected {
            println!("  unexpected: {note}");
        }
        let first = self.rss.first().map_or(0, |(_, k)| *k);
        let peak = self.rss.iter().map(|(_, k)| *k).max().unwrap_or(0);
        let last = self.rss.last().map_or(0, |(_, k)| *k);
        println!(
            "server RSS: first {:.1} MiB, peak {:.1} MiB, last {:.1} MiB; last fifth vs second fifth {:+.1}% ({})",
            memory::mib(first),
            memory::mib(peak),
            memory::mib(last),
            self.growth * 100.0,
            if self.memory_flat { "flat" } else { "GROWING" }
        );
    }

    fn to_json(&self) -> Value {
        let figures = |l: &[Duration]| {
            json!({
                "requests": l.len(),
                "p50_ms": round(percentile(l, 0.5).as_secs_f64() * 1000.0, 2),
                "p99_ms": round(percentile(l, 0.99).as_secs_f64() * 1000.0, 2),
                "max_ms": round(l.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0), 2),
            })
        };
        let mut kinds = serde_json::Map::new();
        for (kind, (latencies, unexpected)) in &self.by_kind {
            let mut f = figures(latencies);
            f["unexpected"] = json!(unexpected);
            kinds.insert((*kind).to_owned(), f);
        }
        json!({
            "all": figures(&self.all),
            "by_kind": kinds,
            "per_minute": self.per_minute.iter().map(|(m, l)| {
                let mut f = figures(l);
                f["minute"] = json!(m);
                f
            }).collect::<Vec<_>>(),
            "unexpected": self.unexpected,
            "first_unexpected": self.first_unexpected,
            "rss_mib": self.rss.iter().map(|(t, k)| json!([round(*t, 0), round(memory::mib(*k), 1)])).collect::<Vec<_>>(),
            "rss_growth_last_vs_second_fifth": round(self.growth, 4),
            "memory_flat": self.memory_flat,
            "flat_means_growth_at_most": { "share": FLAT_GROWTH, "plus_mib": CACHE_FILL_MIB },
        })
    }
}

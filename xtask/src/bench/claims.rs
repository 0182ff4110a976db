//! Claim figures (issue 4, item 8): uploads at the document limit with the server's memory, and
//! claim submissions at 64 concurrent clients. Figures, never pass/fail.
//!
//! Method. klaim-server is built with its release profile and started twice, on SQLite and on
//! the PostgreSQL test cluster, each with its own data directory and the same registry: a
//! population generated for the server's today (`registry generate --count 800 --seed 4 --csv`)
//! and imported, so the bench knows every person in it, bank accounts included (the bank inquiry
//! stand-in reads the registry's accounts). Everything goes through the HTTP API on loopback.
//!
//! 1. Uploads. The demo persona signs up; one 6 MiB upload warms the server up; then 20 client
//!    threads, each with its own connection, `PUT /api/v1/documents/{uuid}` a 6 MiB PDF (valid,
//!    with an incompressible stream; klaim-core's checks accept it) at the same moment, three
//!    rounds: 60 uploads, within the account's limit of 200 an hour. MB/s is all bytes over the
//!    wall time of the rounds; latencies are per upload, request to answer. A thread reads the
//!    server's VmRSS from /proc every 20 ms; VmHWM is read before and after. Were whole files held
//!    in memory, the peak would rise by about 20 × 6 MiB = 120 MiB.
//! 2. Claims. Registry people (alive, with a phone or e-mail address, and a bank account in their
//!    own name) sign up through the API in batches of 20, each batch from its own loopback source
//!    address (the server allows 20 registrations per address an hour), with the codes read from
//!    the server's log. For each, `GET /api/v1/claims/facts` and klaim-core's rules pick the first
//!    own claim they can make today (JHT after resignation, dismissal or a contract's end, at 56
//!    or partial; JKP; JP) with the answers a person would give (their KPJ, the day their job
//!    ended, their own account, their NIK as NPWP) and pass the full gate (`ready_to_submit`)
//!    locally (about 5 in 6 of those signed up can claim something today); each required
//!    document is uploaded (a 150 KB PDF). Then 64 client threads each `PUT /api/v1/claims/{uuid}`
//!    one claim per round, all 64 in flight at once, three rounds (192 people): p50, p99 and max
//!    latency, claims per second over the rounds' wall time, every answer checked to be 201 with
//!    a valid reference. Then the same 64 clients resend those claims (same id, same body) for 20
//!    rounds: the idempotent path, checked to be 200 with the first answer's reference.
//!
//! The bench machine has two cores, shared by the load, the server and the database.

pub(super) mod client;
pub(super) mod documents;
mod memory;
pub(super) mod plan;
pub(super) mod population;
mod rounds;
mod signup;
pub(super) mod submissions;
mod uploads;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use klaim_core::Date;
use serde_json::{Value, json};

use super::child::TempDir;
use super::klaim::{self, Klaim, Storage};
use crate::postgres;

/// Enough people that 192 can make a claim today: about 240 sign-ups find them, and nearly all
/// generated people can sign up and have an account in their own name; 800 leaves a margin.
const REGISTRY_COUNT: u32 = 800;
const REGISTRY_SEED: u64 = 4;

pub fn measure(root: &Path, dist: &Path) -> anyhow::Result<Value> {
    let server = crate::build::server(root)?;
    let temp = TempDir::new("klaim-bench-claims")?;
    println!("\nclaims bench: working in {}", temp.path().display());
    let today = wib_today();
    let csv = temp.path().join("registry.csv");
    klaim::generate_registry(&server, REGISTRY_COUNT, REGISTRY_SEED, today, &csv)?;
    let people = population::read(&csv)?;

    let sqlite_dir = temp.sub("sqlite")?;
    let on_sqlite = Storage {
        data_dir: &sqlite_dir,
        database_url: None,
    };
    let sqlite = on_database(&server, dist, &csv, &people, today, "SQLite", &on_sqlite)?;

    let cluster = postgres::start()?;
    let pg_dir = temp.sub("postgres")?;
    let on_postgres = Storage {
        data_dir: &pg_dir,
        database_url: Some(&cluster.url),
    };
    let pg = on_database(
        &server,
        dist,
        &csv,
        &people,
        today,
        "PostgreSQL",
        &on_postgres,
    )?;

    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    Ok(json!({
        "machine": { "cpus": cpus, "note": "the clients, the server and the database share these cores" },
        "registry": { "count": REGISTRY_COUNT, "seed": REGISTRY_SEED, "today": today.to_iso() },
        "uploads": { "sqlite": sqlite.0, "postgres": pg.0 },
        "claims": { "sqlite": sqlite.1, "postgres": pg.1 },
        "notes": [
            "klaim-server logs one line per request at its default level (info), to a file",
            "documents are stored in the data directory (object_store, local file system)",
            "the PostgreSQL cluster is the test stage's: fsync and synchronous_commit off",
        ],
    }))
}

/// Both figures on one server: uploads first (on a server that has done little else), then
/// claims.
fn on_database(
    server: &Path,
    dist: &Path,
    csv: &Path,
    people: &[population::Person],
    today: Date,
    name: &str,
    storage: &Storage,
) -> anyhow::Result<(Value, Value)> {
    let mut klaim: Klaim = klaim::start_with_registry(
        server,
        dist,
        &format!("klaim-server ({name})"),
        storage,
        csv,
    )?;
    let cookie = klaim.sign_up()?;
    println!(
        "\n{} uploads of {} bytes at once, {name}:",
        uploads::UPLOADERS,
        klaim_core::document::MAX_DOCUMENT_BYTES
    );
    let uploads = uploads::measure(&klaim, &cookie, name)?;
    println!(
        "\nclaim submissions, {} clients at once, {name}:",
        submissions::CLIENTS
    );
    let mut addresses = signup::Addresses::new();
    let claims = submissions::measure(&klaim, people, &mut addresses, today, name)?;
    Ok((uploads, claims))
}

/// The server's today: its dates are in WIB (UTC+7), whatever the machine's zone.
pub fn wib_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i32::try_from((secs + 7 * 3600) / 86_400)
        .ok()
        .and_then(Date::from_days_since_epoch)
        .unwrap_or_else(|| Date::new(2026, 1, 1).expect("a valid date"))
}

/// `f` over `items` on `workers` threads; the results in the items' order.
fn parallel<T: Sync, R: Send>(items: &[T], workers: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(items.len()))
            .map(|_| {
                let (next, f) = (&next, &f);
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker panicked"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_keeps_the_order() {
        let items: Vec<u32> = (0..100).collect();
        assert_eq!(
            parallel(&items, 3, |x| x * 2),
            (0..100).map(|x| x * 2).collect::<Vec<_>>()
        );
        assert!(parallel(&[] as &[u32], 3, |x| *x).is_empty());
    }
}

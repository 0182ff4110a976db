//! `cargo xtask crash [--claims N]`: claims with documents sent by concurrent clients while the
//! server is killed with SIGKILL and started again at random moments (issue 7, item 3). Then:
//! every claim a client saw confirmed exists exactly once, with the documents it named; no
//! document is orphaned or left in no claim; `klaim-server check` passes (the database's own
//! integrity check, and storage agreeing with it). Three setups, each on fresh storage: SQLite,
//! PostgreSQL, and two server processes sharing PostgreSQL and the document directory.
//!
//! Method. Registry people sign up through the API and klaim-core's rules pick a claim each can
//! make today (as the claims bench does, `claims::submissions::eligible`). Then [`CLIENTS`]
//! threads each take one person at a time and do what the app's outbox does: upload every
//! document under an id made on the client, then `PUT` the claim under its own id, each request
//! repeated until the server answers it (a refused connection, a broken answer, a 5xx or "upload
//! in progress" are tried again after a short pause; any other answer is a failure). With two
//! servers each request goes to either at random. Meanwhile one thread kills a server every
//! 0.2–1.5 s (the first within 0.15 s; chosen at random), and starts it again on the same
//! address after 0–300 ms. A setup where no kill happened fails.
//!
//! Figures, and pass/fail: the command fails when any claim failed, any check above fails, or a
//! client saw a confirmation the server does not keep. Writes target/bench/crash.json.

mod chaos;
pub mod clients;
mod verify;

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, bail};
use serde_json::{Value, json};

use super::child::TempDir;
use super::claims::documents::Document;
use super::claims::population::{self, Person};
use super::claims::signup::Addresses;
use super::claims::submissions::eligible;
use super::claims::wib_today;
use super::klaim::{self, Storage};
use crate::postgres;
use crate::proc::Counts;

/// Concurrent clients, as phones delivering their outboxes.
pub const CLIENTS: usize = 32;
/// One supporting document: about a photo re-encoded by the app, smaller than the claims bench's
/// so that a thousand claims fit in minutes on two cores.
const DOCUMENT_BYTES: usize = 40_000;
/// Sign-ups needed per claim, with a margin: about 5 in 6 people signed up can claim today.
const REGISTRY_PER_CLAIM: u32 = 4;
const REGISTRY_SEED: u64 = 11;

/// The three setups.
#[derive(Clone, Copy, Debug)]
enum Setup {
    Sqlite,
    Postgres,
    TwoServersOnPostgres,
}

impl Setup {
    const ALL: [Setup; 3] = [Setup::Sqlite, Setup::Postgres, Setup::TwoServersOnPostgres];

    fn name(self) -> &'static str {
        match self {
            Setup::Sqlite => "sqlite",
            Setup::Postgres => "postgres",
            Setup::TwoServersOnPostgres => "postgres_two_servers",
        }
    }
}

/// `cargo xtask crash [--claims N]`.
pub fn command(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let claims = match args {
        [flag, n] if flag == "--claims" => n.parse::<usize>().context("--claims takes a number")?,
        [] => 1000,
        _ => bail!("usage: cargo xtask crash [--claims N]"),
    };
    let tools = crate::tools::bootstrap(root)?;
    let dist = crate::build::app(root, &tools)?;
    let server = crate::build::server(root)?;
    let (result, ok) = all(&server, &dist, claims)?;
    super::write(root, "crash.json", &result)?;
    if !ok {
        bail!("the crash test failed; see target/bench/crash.json");
    }
    Ok(())
}

/// The short run of `cargo xtask test`: each setup counts as one test.
pub fn smoke(server: &Path, dist: &Path) -> anyhow::Result<Counts> {
    let (result, _) = all(server, dist, 80)?;
    let passed = Setup::ALL
        .iter()
        .filter(|s| result[s.name()]["ok"] == true)
        .count() as u64;
    Ok(Counts {
        passed,
        failed: Setup::ALL.len() as u64 - passed,
    })
}

fn all(server: &Path, dist: &Path, claims: usize) -> anyhow::Result<(Value, bool)> {
    let temp = TempDir::new("klaim-crash")?;
    let today = wib_today();
    let csv = temp.path().join("registry.csv");
    let count = u32::try_from(claims).unwrap_or(u32::MAX / 8) * REGISTRY_PER_CLAIM + 100;
    klaim::generate_registry(server, count, REGISTRY_SEED, today, &csv)?;
    let people = population::read(&csv)?;
    let document = Document::pdf(DOCUMENT_BYTES, 3);
    let cluster = postgres::start()?;

    let mut result = json!({
        "claims_per_setup": claims,
        "clients": CLIENTS,
        "document_bytes": DOCUMENT_BYTES,
        "registry": { "count": count, "seed": REGISTRY_SEED, "today": today.to_iso() },
    });
    let mut ok = true;
    for (n, setup) in Setup::ALL.into_iter().enumerate() {
        // Each setup on a database of its own.
        let database_url = match setup {
            Setup::Sqlite => None,
            _ => Some(cluster.create_database(&format!("klaim_crash_{n}"))?),
        };
        let dir = temp.sub(setup.name())?;
        let storage = Storage {
            data_dir: &dir,
            database_url: database_url.as_deref(),
        };
        let run = Run {
            server,
            dist,
            csv: &csv,
            people: &people,
            document: &document,
            claims,
        };
        println!("\ncrash test, {}:", setup.name());
        let figures = match run.setup(setup, &storage) {
            Ok(figures) => figures,
            Err(e) => json!({ "ok": false, "error": format!("{e:#}") }),
        };
        ok &= figures["ok"] == true;
        println!(
            "{}: {}",
            setup.name(),
            if figures["ok"] == true {
                "passed"
            } else {
                "FAILED"
            }
        );
        result[setup.name()] = figures;
    }
    Ok((result, ok))
}

/// What every setup shares.
struct Run<'a> {
    server: &'a Path,
    dist: &'a Path,
    csv: &'a Path,
    people: &'a [Person],
    document: &'a Document,
    claims: usize,
}

impl Run<'_> {
    fn setup(&self, setup: Setup, storage: &Storage) -> anyhow::Result<Value> {
        let first = klaim::start_with_registry(
            self.server,
            self.dist,
            &format!("klaim-server ({})", setup.name()),
            storage,
            self.csv,
        )?;
        let setup_started = Instant::now();
        let mut addresses = Addresses::new();
        let mut found = eligible(
            &first,
            self.people,
            &mut addresses,
            wib_today(),
            self.claims,
        )?;
        if found.ready.len() < self.claims {
            bail!(
                "only {} of {} people signed up can claim today; {} are needed",
                found.ready.len(),
                found.signed_up,
                self.claims
            );
        }
        found.ready.truncate(self.claims);
        let work = clients::prepare(&found.ready);
        println!(
            "{} people signed up, {} claims with {} documents prepared in {:.1} s",
            found.signed_up,
            work.len(),
            work.iter().map(|w| w.documents.len()).sum::<usize>(),
            setup_started.elapsed().as_secs_f64()
        );

        let mut servers = vec![first];
        if matches!(setup, Setup::TwoServersOnPostgres) {
            servers.push(klaim::serve_logged(
                self.server,
                self.dist,
                "klaim-server (second)",
                storage,
                "server-b.log",
            )?);
        }
        let bases: Vec<String> = servers.iter().map(|s| s.base.clone()).collect();

        let started = Instant::now();
        let chaos = chaos::Chaos::start(servers);
        let sent = clients::send_all(&work, &bases, self.document);
        let (servers, kills) = chaos.stop()?;
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{} confirmed, {} failed in {seconds:.1} s; {} kills; {} requests tried again",
            sent.confirmed.len(),
            sent.failed.len(),
            kills.count,
            sent.retries
        );

        let seen = verify::as_clients_see(&servers[0], &sent.confirmed);
        // Stopped on purpose (SIGTERM) before the check, as an operator would.
        drop(servers);
        let check = verify::check(self.server, storage)?;
        let expected_claims = sent.confirmed.len() as i64;
        let ok = kills.count > 0
            && sent.failed.is_empty()
            && seen.problems.is_empty()
            && check["ok"] == true
            && check["claims"] == expected_claims
            && check["documents_in_no_claim"] == 0
            && check["uploads_under_way"] == 0;
        Ok(json!({
            "ok": ok,
            "servers": bases.len(),
            "claims_confirmed": sent.confirmed.len(),
            "claims_failed": sent.failed.len(),
            "first_failures": sent.failed.iter().take(5).collect::<Vec<_>>(),
            "documents": sent.documents,
            "requests": sent.requests,
            "requests_tried_again": sent.retries,
            "kills": kills.count,
            "seconds_down": super::wrk::round(kills.down.as_secs_f64(), 2),
            "seconds": super::wrk::round(seconds, 1),
            "claims_per_second": super::wrk::round(sent.confirmed.len() as f64 / seconds, 1),
            "as_clients_see": {
                "claims_checked": seen.checked,
                "problems": seen.problems.iter().take(10).collect::<Vec<_>>(),
            },
            "check": check,
        }))
    }
}

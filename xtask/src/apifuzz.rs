//! `cargo xtask apifuzz [--requests N]`: schemathesis against the server's own OpenAPI document
//! (`/api/v1/openapi.json`), signed in as a participant and as an officer, with every check it
//! has. Passes only with 0 server errors and 0 failed checks; writes target/bench/apifuzz.json.
//!
//! The server is the release build with a temporary data directory and the bench's registry
//! (bench/klaim.rs); the participant is demo persona 1, signed up through the API; the officer
//! is made with `klaim-server account add-staff` and signs in through the API. Each role gets
//! its own schemathesis run with the session cookie and the `X-Klaim-Request` header on every
//! request. Requests and 5xx answers are counted from the server's own request log, the
//! failures per check from schemathesis's JSON report.

mod report;
mod run;

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::bench::child::TempDir;
use crate::bench::klaim::{self, Storage};
use crate::proc::Counts;
use crate::{build, tools};

pub use report::RoleReport;

/// The long run's total over both roles (issue 7: at least 2,000 generated requests).
pub const DEFAULT_REQUESTS: u32 = 2_000;
/// The short run inside `cargo xtask test`: a few hundred requests, well under two minutes.
pub const SMOKE_REQUESTS: u32 = 300;
/// The short run leaves out the coverage phase (its boundary values of every parameter and field
/// make well over a thousand requests per role); the long run has every phase.
const SMOKE_PHASES: &str = "examples,fuzzing,stateful";

/// The officer the run creates (never a real address: `.test` is reserved).
const OFFICER_EMAIL: &str = "fuzz-officer@klaim.test";
const OFFICER_NAME: &str = "Sri Handayani";
const OFFICER_PASSWORD: &str = "periksa-skema-api-2026";

/// `cargo xtask apifuzz [--requests N]`.
pub fn command(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let requests = parse_requests(args)?;
    let reports = fuzz(root, requests, None)?;
    let result = json!({
        "requested": requests,
        "roles": reports.iter().map(RoleReport::to_json).collect::<Vec<Value>>(),
        "total": totals(&reports),
    });
    crate::bench::write(root, "apifuzz.json", &result)?;
    let failed: Vec<&str> = reports
        .iter()
        .filter(|r| !r.clean())
        .map(|r| r.role)
        .collect();
    if !failed.is_empty() {
        bail!("API fuzzing found problems as {}", failed.join(" and "));
    }
    let made: u64 = reports.iter().map(|r| r.requests).sum();
    if made < u64::from(requests) {
        bail!("API fuzzing made {made} requests, fewer than the {requests} asked for");
    }
    Ok(())
}

/// The short run for `cargo xtask test`: one test per role, passed when that role's run is clean.
pub fn smoke(root: &Path) -> anyhow::Result<Counts> {
    let reports = fuzz(root, SMOKE_REQUESTS, Some(SMOKE_PHASES))?;
    let mut counts = Counts::default();
    for report in &reports {
        if report.clean() {
            counts.passed += 1;
        } else {
            counts.failed += 1;
        }
    }
    Ok(counts)
}

fn parse_requests(args: &[String]) -> anyhow::Result<u32> {
    match args {
        [] => Ok(DEFAULT_REQUESTS),
        [flag, n] if flag == "--requests" => {
            let n: u32 = n
                .parse()
                .with_context(|| format!("--requests {n}: not a number"))?;
            if n < 2 {
                bail!("--requests must be at least 2 (one per role)");
            }
            Ok(n)
        }
        _ => bail!("usage: cargo xtask apifuzz [--requests N]"),
    }
}

/// Starts the server, signs both roles in, runs schemathesis for each and prints the summary.
fn fuzz(root: &Path, requests: u32, phases: Option<&str>) -> anyhow::Result<Vec<RoleReport>> {
    let st = tools::ensure_schemathesis(root)?;
    let server = build::server(root)?;
    let temp = TempDir::new("klaim-apifuzz")?;
    println!("\nAPI fuzzing: working in {}", temp.path().display());
    let data = temp.sub("data")?;
    let dist = stand_in_app(&temp)?;
    add_officer(&server, &data)?;
    let storage = Storage {
        data_dir: &data,
        database_url: None,
    };
    let mut klaim = klaim::start(&server, &dist, "klaim-server (API fuzzing)", &storage)?;
    klaim.sign_up()?;

    let dir = root.join("xtask/src/apifuzz");
    let per_role = requests.div_ceil(2);
    let roles = [
        (
            "participant",
            klaim::PERSONA_NIK,
            klaim::PASSWORD,
            "127.0.0.2",
        ),
        ("officer", OFFICER_EMAIL, OFFICER_PASSWORD, "127.0.0.3"),
    ];
    let mut reports = Vec::new();
    for (role, login, password, source) in roles {
        let run = run::Run {
            st: &st,
            klaim: &klaim,
            role,
            login,
            password,
            source,
            dir: &dir,
            requests: per_role,
            phases,
            reports: &temp.sub(role)?,
        };
        reports.push(run.execute()?);
    }
    report::print(&reports);
    Ok(reports)
}

/// The server needs an app directory; the API does not use it.
fn stand_in_app(temp: &TempDir) -> anyhow::Result<std::path::PathBuf> {
    let dist = temp.sub("dist")?;
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Klaim</title>\n",
    )?;
    Ok(dist)
}

/// `klaim-server account add-staff`, before the server starts, on its data directory.
fn add_officer(server: &Path, data: &Path) -> anyhow::Result<()> {
    let mut cmd = Command::new(server);
    cmd.args(["account", "add-staff", "--email", OFFICER_EMAIL, "--name"])
        .arg(OFFICER_NAME)
        .args(["--role", "officer", "--data-dir"])
        .arg(data)
        .env("KLAIM_NEW_PASSWORD", OFFICER_PASSWORD)
        .env_remove("DATABASE_URL")
        .env_remove("KLAIM_DATA_DIR")
        .env_remove("KLAIM_STORAGE_URL");
    crate::proc::run(&mut cmd)
}

fn totals(reports: &[RoleReport]) -> Value {
    let requests: u64 = reports.iter().map(|r| r.requests).sum();
    let server_errors: u64 = reports.iter().map(|r| r.server_errors).sum();
    let failures: u64 = reports.iter().map(RoleReport::failure_count).sum();
    json!({ "requests": requests, "server_errors": server_errors, "failures": failures })
}

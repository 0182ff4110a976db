//! One schemathesis run as one role: the command, and its report read back.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::Value;

use super::report::{self, RoleReport};
use crate::bench::http;
use crate::bench::klaim::Klaim;

/// Fixed, so a run can be repeated request for request (with one worker).
const SEED: &str = "20261107";
const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

pub struct Run<'a> {
    pub st: &'a Path,
    pub klaim: &'a Klaim,
    pub role: &'static str,
    /// How the hooks sign in (session_auth.py).
    pub login: &'a str,
    pub password: &'a str,
    /// The loopback address the hooks sign in from.
    pub source: &'a str,
    /// `session_auth.py` and `schemathesis.toml` beside this file.
    pub dir: &'a Path,
    /// Requests wanted from this run, at least.
    pub requests: u32,
    /// `--phases`; all of them when `None`.
    pub phases: Option<&'a str>,
    /// Where schemathesis writes its report (also its working directory).
    pub reports: &'a Path,
}

impl Run<'_> {
    pub fn execute(&self) -> anyhow::Result<RoleReport> {
        let schema_url = self.klaim.url("/api/v1/openapi.json");
        let operations = operations(&schema_url)?;
        // The fuzzing phase makes up to this many cases per operation; the other phases add
        // theirs on top (the coverage phase a thousand or more), so the run makes at least the
        // requests wanted.
        let max_examples = self.requests.div_ceil(operations).max(1);
        let report_file = self.reports.join("report.json");
        let log_offset = std::fs::metadata(self.klaim.log()).map_or(0, |m| m.len());

        let mut cmd = Command::new(self.st);
        cmd.current_dir(self.reports)
            .arg("--config-file")
            .arg(self.dir.join("schemathesis.toml"))
            .arg("run")
            .arg(&schema_url)
            .args(["--checks", "all", "--seed", SEED])
            .arg("--max-examples")
            .arg(max_examples.to_string())
            // One worker: the same seed then makes the same requests in the same order.
            .args(["--workers", "1"])
            // The session cookie comes from the hooks; the header every state-changing call
            // needs goes on every request, as the app sends it.
            .args(["--header", "X-Klaim-Request: 1"])
            .args(["--report", "json", "--report-json-path"])
            .arg(&report_file)
            // Nothing kept between runs: each run is its seed alone.
            .args(["--generation-database", "none", "--no-color"])
            .args(self.phases.iter().flat_map(|p| ["--phases", p]))
            .env("SCHEMATHESIS_HOOKS", self.dir.join("session_auth.py"))
            .env("KLAIM_FUZZ_LOGIN", self.login)
            .env("KLAIM_FUZZ_PASSWORD", self.password)
            .env("KLAIM_FUZZ_SOURCE", self.source);
        println!(
            "\n==> schemathesis as the {} ({operations} operations, up to {max_examples} examples each)",
            self.role
        );
        println!("$ {}", crate::proc::describe(&cmd));
        let started = Instant::now();
        // Non-zero when a check failed: the report says which, so the status is not an error here.
        let status = cmd
            .status()
            .with_context(|| format!("could not start {}", self.st.display()))?;
        let seconds = started.elapsed().as_secs_f64();
        let st_report = report::read_st_report(&report_file)
            .with_context(|| format!("schemathesis exited {status}"))?;
        // The trace layer writes its line as the answer leaves; let the last one land.
        std::thread::sleep(Duration::from_millis(300));
        let (requests, server_errors) = report::count_answers(self.klaim.log(), log_offset)?;
        Ok(RoleReport {
            role: self.role,
            requests,
            server_errors,
            test_cases: st_report.test_cases,
            failures: st_report.failures,
            errors: st_report.errors,
            sign_ins_again: st_report.sign_ins_again,
            max_examples,
            seconds,
        })
    }
}

/// How many operations the document has.
fn operations(schema_url: &str) -> anyhow::Result<u32> {
    let answer = http::get(schema_url, None)?;
    if answer.status != 200 {
        bail!("GET {schema_url} answered {}", answer.status);
    }
    let doc: Value = serde_json::from_slice(&answer.body).context("the OpenAPI document")?;
    let paths = doc["paths"]
        .as_object()
        .context("the OpenAPI document has no paths")?;
    let count = paths
        .values()
        .flat_map(|item| METHODS.iter().filter(move |m| item.get(**m).is_some()))
        .count();
    let count = u32::try_from(count)?;
    if count == 0 {
        bail!("the OpenAPI document has no operation to test");
    }
    Ok(count)
}

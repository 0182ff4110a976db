//! `cargo xtask test`: every check CI runs, in order of cost. Each test stage must run at least
//! one test; the last line is `summary: N passed, M failed`.

use std::path::Path;
use std::process::Command;

use anyhow::bail;

use crate::proc::{self, Counts};
use crate::tools::{self, Tools, WASM_TARGET};
use crate::{apifuzz, bench, build, fuzz, postgres};

pub fn all(root: &Path) -> anyhow::Result<()> {
    let tools = tools::bootstrap(root)?;
    let mut total = Counts::default();
    let result = stages(root, &tools, &mut total);
    let failed = total.failed + u64::from(result.is_err() && total.failed == 0);
    println!("summary: {} passed, {failed} failed", total.passed);
    result
}

fn stages(root: &Path, tools: &Tools, total: &mut Counts) -> anyhow::Result<()> {
    let core = root.join("crates/klaim-core");

    stage("format");
    proc::run(&mut cargo(root, "fmt --all --check"))?;
    proc::run(&mut cargo(
        root,
        "fmt --check --manifest-path crates/klaim-core/fuzz/Cargo.toml",
    ))?;

    stage("clippy");
    proc::run(&mut cargo(
        root,
        "clippy --workspace --exclude klaim --all-targets -- -D warnings",
    ))?;
    let wasm_clippy = format!(
        "clippy --package klaim --target {WASM_TARGET} --all-targets --features split -- -D warnings"
    );
    proc::run(&mut tools.apply(cargo(root, &wasm_clippy)))?;

    stage("native tests");
    let rules_and_tools = "test --package klaim-core --package klaim-testkit --package xtask";
    tests(
        "rules and tools tests",
        total,
        &mut cargo(root, rules_and_tools),
    )?;
    // klaim-server alone, so that its test binaries resolve the same features in both runs and
    // are built once: on SQLite here, on PostgreSQL below.
    let mut on_sqlite = cargo(root, SERVER_TESTS);
    on_sqlite
        .env_remove(POSTGRES_ENV)
        .env_remove("DATABASE_URL");
    tests("klaim-server on SQLite", total, &mut on_sqlite)?;

    stage("PostgreSQL integration");
    let cluster = postgres::start()?;
    let mut on_postgres = cargo(root, SERVER_TESTS);
    on_postgres
        .env(POSTGRES_ENV, &cluster.url)
        .env_remove("DATABASE_URL");
    tests("PostgreSQL integration", total, &mut on_postgres)?;
    drop(cluster);

    stage("API fuzzing: schemathesis as a participant and as an officer, a few hundred requests");
    // Builds the release server the end-to-end stage uses as well (built once).
    short_run("API fuzzing", total, apifuzz::smoke(root))?;

    stage("fuzz targets build");
    // cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the one stable toolchain accept them.
    let mut fuzz = tools.apply(cargo(&core, "fuzz build --dev"));
    proc::run(fuzz.env("RUSTC_BOOTSTRAP", "1"))?;

    stage("fuzz targets, two seconds each from the committed seeds");
    short_run("fuzz", total, fuzz::smoke(root, tools))?;

    stage("app tests in headless Chromium (wasm-bindgen-test)");
    tools::ensure_chromium()?;
    let wasm_tests = format!("test --package klaim --target {WASM_TARGET}");
    tests(
        "wasm tests",
        total,
        &mut tools.apply(cargo(root, &wasm_tests)),
    )?;

    stage("end-to-end tests: Chromium against klaim-server and the release app");
    let built = build::all(root, tools)?;
    let output = build::target_dir(root).join("e2e");
    let mut e2e = cargo(root, "test --package klaim-e2e -- --test-threads=1");
    e2e.env("KLAIM_SERVER_BIN", &built.server)
        .env("KLAIM_DIST_DIR", &built.dist)
        .env("KLAIM_E2E_OUTPUT", &output)
        .env("KLAIM_AXE_JS", &tools.axe);
    tests("end-to-end tests", total, &mut e2e)?;
    println!("screenshots: {}", output.display());

    stage(
        "crash test: 80 claims a setup while servers are killed (SQLite, PostgreSQL, two servers)",
    );
    short_run(
        "crash test",
        total,
        bench::crash::smoke(&built.server, &built.dist),
    )?;

    stage("soak: 30 participants for 40 seconds");
    short_run(
        "soak",
        total,
        bench::soak::smoke(&built.server, &built.dist),
    )?;

    stage("Lighthouse, signed out: accessibility 100, best practices 100, CLS 0");
    short_run(
        "Lighthouse",
        total,
        bench::lighthouse::smoke(root, &built.dist),
    )?;
    Ok(())
}

/// A short run of a long xtask command, counted like a test stage.
fn short_run(name: &str, total: &mut Counts, counts: anyhow::Result<Counts>) -> anyhow::Result<()> {
    let counts = counts?;
    *total += counts;
    println!("{name}: {} passed, {} failed", counts.passed, counts.failed);
    if counts.failed > 0 {
        bail!("{name} failed");
    }
    Ok(())
}

const SERVER_TESTS: &str = "test --package klaim-server";

/// klaim-server's test suites run on PostgreSQL when this names a server they may create databases on.
const POSTGRES_ENV: &str = "KLAIM_TEST_POSTGRES_URL";

/// `cargo` with space-separated arguments, run in `dir`.
fn cargo(dir: &Path, args: &str) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(dir).args(args.split_whitespace());
    cmd
}

fn stage(name: &str) {
    println!("\n==> {name}");
}

/// Runs one test stage and adds its counts; a stage that fails or runs no test fails the run.
fn tests(name: &str, total: &mut Counts, cmd: &mut Command) -> anyhow::Result<()> {
    let (counts, ok) = proc::run_tests(cmd)?;
    *total += counts;
    println!("{name}: {} passed, {} failed", counts.passed, counts.failed);
    if !ok || counts.failed > 0 {
        bail!("{name} failed");
    }
    if counts.passed == 0 {
        bail!("{name} ran no test");
    }
    Ok(())
}

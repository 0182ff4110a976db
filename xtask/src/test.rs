//! `cargo xtask test`: every check CI runs, in order of cost. Each test stage must run at least
//! one test; the last line is `summary: N passed, M failed`.

use std::path::Path;
use std::process::Command;

use anyhow::bail;

use crate::build;
use crate::proc::{self, Counts};
use crate::tools::{self, Tools, WASM_TARGET};

pub fn all(root: &Path) -> anyhow::Result<()> {
    let tools = tools::bootstrap(root)?;
    let mut total = Counts::default();
    let result = stages(root, &tools, &mut total);
    let failed = total.failed + u64::from(result.is_err() && total.failed == 0);
    println!("summary: {} passed, {failed} failed", total.passed);
    result
}

fn stages(root: &Path, tools: &Tools, total: &mut Counts) -> anyhow::Result<()> {
    stage("format");
    proc::run(cargo(root).args(["fmt", "--all", "--check"]))?;
    proc::run(cargo(root).args(["fmt", "--check", "--manifest-path", FUZZ_MANIFEST]))?;

    stage("clippy");
    proc::run(cargo(root).args([
        "clippy",
        "--workspace",
        "--exclude",
        "klaim",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    proc::run(tools.command("cargo", root).args([
        "clippy",
        "--package",
        "klaim",
        "--target",
        WASM_TARGET,
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;

    stage("native tests");
    tests(
        "native tests",
        total,
        cargo(root).args([
            "test",
            "--workspace",
            "--exclude",
            "klaim",
            "--exclude",
            "klaim-e2e",
        ]),
    )?;

    stage("fuzz targets build");
    // cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the one stable toolchain accept them.
    proc::run(
        tools
            .command("cargo", &root.join("crates/klaim-core"))
            .args(["fuzz", "build", "--dev"])
            .env("RUSTC_BOOTSTRAP", "1"),
    )?;

    stage("app tests in headless Chromium (wasm-bindgen-test)");
    tools::ensure_chromium()?;
    tests(
        "wasm tests",
        total,
        tools
            .command("cargo", root)
            .args(["test", "--package", "klaim", "--target", WASM_TARGET]),
    )?;

    stage("end-to-end tests: Chromium against klaim-server and the release app");
    let built = build::all(root, tools)?;
    let output = build::target_dir(root).join("e2e");
    tests(
        "end-to-end tests",
        total,
        cargo(root)
            .args(["test", "--package", "klaim-e2e", "--", "--test-threads=1"])
            .env("KLAIM_SERVER_BIN", &built.server)
            .env("KLAIM_DIST_DIR", &built.dist)
            .env("KLAIM_E2E_OUTPUT", &output),
    )?;
    println!("screenshots: {}", output.display());
    Ok(())
}

const FUZZ_MANIFEST: &str = "crates/klaim-core/fuzz/Cargo.toml";

fn cargo(root: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(root);
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

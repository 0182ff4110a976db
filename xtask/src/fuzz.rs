//! `cargo xtask fuzz --seconds N`: every cargo-fuzz target of klaim-core (its parsers, the
//! document checks, the claim rules) for N seconds each. Each run starts from the committed seeds
//! (`crates/klaim-core/fuzz/seeds/<target>`, only read) and a fresh working corpus in a temporary
//! directory; a crash leaves its input under `target/fuzz/artifacts/`. Prints a line per target
//! and writes `target/bench/fuzz.json`. `cargo xtask test` runs the same for two seconds a target.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::build;
use crate::proc::{self, Counts};
use crate::tools::Tools;

/// One target's run.
#[derive(Debug)]
pub struct Run {
    pub target: String,
    pub runs: u64,
    pub seconds: u64,
    pub crashed: bool,
}

/// Runs every target for `seconds`; `dev` reuses the build `cargo fuzz build --dev` made (the
/// test stage), otherwise targets are built optimised as cargo-fuzz does by default.
pub fn all(
    root: &Path,
    tools: &Tools,
    seconds: u64,
    jobs: usize,
    dev: bool,
) -> anyhow::Result<Vec<Run>> {
    let fuzz_dir = root.join("crates/klaim-core");
    let listed = proc::output(&mut fuzz_cargo(tools, &fuzz_dir, &["fuzz", "list"]))?;
    let targets: Vec<&str> = listed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if targets.is_empty() {
        bail!("cargo fuzz list named no target");
    }
    let artifacts = absolute(root, build::target_dir(root))
        .join("fuzz")
        .join("artifacts");
    std::fs::create_dir_all(&artifacts)?;
    let work = tempdir("klaim-fuzz")?;
    // Targets are taken from one queue by `jobs` workers, each running one libFuzzer at a time.
    let queue = std::sync::Mutex::new(targets.into_iter());
    let found = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let Some(target) = queue.lock().unwrap().next() else {
                        break;
                    };
                    let run = run_one(tools, &fuzz_dir, &work, &artifacts, target, seconds, dev);
                    found.lock().unwrap().push(run);
                }
            });
        }
    });
    let mut found = found.into_inner().unwrap();
    found.sort_by(|a, b| a.target.cmp(&b.target));
    let _ = std::fs::remove_dir_all(&work);
    Ok(found)
}

/// One target for `seconds`, from a fresh working corpus and the committed seeds.
fn run_one(
    tools: &Tools,
    fuzz_dir: &Path,
    work: &Path,
    artifacts: &Path,
    target: &str,
    seconds: u64,
    dev: bool,
) -> Run {
    let corpus = work.join(target);
    let seeds = fuzz_dir.join("fuzz").join("seeds").join(target);
    let mut args = vec!["fuzz", "run"];
    if dev {
        args.push("--dev");
    }
    let time = format!("-max_total_time={seconds}");
    let prefix = format!("-artifact_prefix={}/{target}-", artifacts.display());
    let corpus_arg = corpus.display().to_string();
    let seeds_arg = seeds.display().to_string();
    args.extend([target, &corpus_arg]);
    if seeds.is_dir() {
        args.push(&seeds_arg);
    }
    args.extend(["--", &time, &prefix, "-timeout=10", "-print_final_stats=1"]);
    let mut cmd = fuzz_cargo(tools, fuzz_dir, &args);
    let output = std::fs::create_dir_all(&corpus).and_then(|()| cmd.output());
    let (crashed, log) = match output {
        Ok(out) => (
            !out.status.success(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ),
        Err(e) => (true, format!("running {}: {e}", proc::describe(&cmd))),
    };
    let run = Run {
        target: target.to_owned(),
        runs: done_runs(&log).unwrap_or(0),
        seconds,
        crashed,
    };
    // One print per target, so lines of parallel workers do not interleave.
    let mut report = format!(
        "{:<16} {:>12} runs in {:>4} s  {}\n",
        run.target,
        run.runs,
        run.seconds,
        if run.crashed { "CRASHED" } else { "no crash" }
    );
    if run.crashed {
        let tail: Vec<&str> = log.lines().rev().take(30).collect();
        for line in tail.into_iter().rev() {
            report.push_str(&format!("  {line}\n"));
        }
    }
    print!("{report}");
    run
}

/// `cargo xtask fuzz --seconds N`.
pub fn command(root: &Path, tools: &Tools, args: &[String]) -> anyhow::Result<()> {
    let usage = "usage: cargo xtask fuzz [--seconds N] [--jobs N]";
    let (mut seconds, mut jobs) = (60, 1);
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().context(usage)?;
        match flag.as_str() {
            "--seconds" => seconds = value.parse().context("--seconds takes a number")?,
            "--jobs" => jobs = value.parse().context("--jobs takes a number")?,
            _ => bail!(usage),
        }
    }
    let runs = all(root, tools, seconds, jobs, false)?;
    let result = json!({
        "seconds_per_target": seconds,
        "jobs": jobs,
        "targets": runs.iter().map(|r| json!({
            "target": r.target,
            "runs": r.runs,
            "seconds": r.seconds,
            "crashed": r.crashed,
        })).collect::<Vec<Value>>(),
        "crashes": runs.iter().filter(|r| r.crashed).count(),
    });
    let dir = absolute(root, build::target_dir(root)).join("bench");
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("fuzz.json");
    std::fs::write(&file, serde_json::to_string_pretty(&result)? + "\n")?;
    println!("\nwritten: {}", file.display());
    if runs.iter().any(|r| r.crashed) {
        bail!("a fuzz target crashed; its input is under target/fuzz/artifacts/");
    }
    Ok(())
}

/// The short run of `cargo xtask test`: each target counts as one test.
pub fn smoke(root: &Path, tools: &Tools) -> anyhow::Result<Counts> {
    let runs = all(root, tools, 2, 1, true)?;
    let failed = runs.iter().filter(|r| r.crashed).count() as u64;
    Ok(Counts {
        passed: runs.len() as u64 - failed,
        failed,
    })
}

/// cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the one stable toolchain accept them.
fn fuzz_cargo(tools: &Tools, dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(dir).args(args);
    let mut cmd = tools.apply(cmd);
    cmd.env("RUSTC_BOOTSTRAP", "1");
    cmd
}

/// libFuzzer's last word: "Done 123456 runs in 10 second(s)".
fn done_runs(log: &str) -> Option<u64> {
    log.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("Done "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

fn absolute(root: &Path, p: PathBuf) -> PathBuf {
    if p.is_absolute() { p } else { root.join(p) }
}

fn tempdir(prefix: &str) -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("{prefix}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::done_runs;

    #[test]
    fn reads_libfuzzers_last_count() {
        let log = "#2 INITED\n#4096 pulse\nDone 123456 runs in 10 second(s)\nstat::number_of_executed_units: 123456\n";
        assert_eq!(done_runs(log), Some(123_456));
        assert_eq!(done_runs("crashed before the end"), None);
    }
}

//! `cargo xtask <command>`: the project's automation, in Rust so it runs wherever cargo does.

mod apifuzz;
mod bench;
mod build;
mod fuzz;
mod postgres;
mod proc;
mod test;
mod tools;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  bootstrap   install the pinned build tools (idempotent; seconds when present)
  build       release build of the app into dist/ and of klaim-server
  run         bootstrap, build, then serve the app on http://127.0.0.1:8080
  test        everything CI runs; last line: `summary: N passed, M failed`
  fuzz        every klaim-core fuzz target for `--seconds N` each (default 60) from the
              committed seeds; crashes under target/fuzz/artifacts/, JSON in
              target/bench/fuzz.json
  crash       claims with documents from concurrent clients while the server is killed
              (SIGKILL) and started again at random, on SQLite, PostgreSQL and two servers
              sharing PostgreSQL; then every confirmed claim is checked and `klaim-server
              check` must pass; `--claims N` per setup (default 1000); target/bench/crash.json
  soak        `--participants N` (default 200) simulated participants for `--minutes M`
              (default 10): sign-ins, status reads, uploads and submissions; p50/p99 per
              kind and per minute, server RSS over time; fails on an unexpected answer or
              growing memory; target/bench/soak.json
  apifuzz     schemathesis against /api/v1/openapi.json as a participant and as an officer,
              every check, `--requests N` in total (default 2000); fails on any server error
              or failed check; JSON in target/bench/apifuzz.json
  bench       first-load transfer, klaim-core and server throughput, uploads and claim
              submissions, in-browser photo preparation, draft restore and outbox
              delivery, Lighthouse; JSON in target/bench/;
              `bench server`: the server figures only, without building the app;
              `bench claims`: uploads, claim submissions and the photo figure only;
              `bench outbox`: draft restore and queued-claim delivery only;
              `bench lighthouse`: Lighthouse (mobile) on four pages only";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("bootstrap") => tools::bootstrap(&root).map(|_| ()),
        Some("build") => tools::bootstrap(&root).and_then(|t| build::all(&root, &t).map(|_| ())),
        Some("run") => run(&root, &args[1..]),
        Some("test") => test::all(&root),
        Some("fuzz") => tools::bootstrap(&root).and_then(|t| fuzz::command(&root, &t, &args[1..])),
        Some("crash") => bench::crash::command(&root, &args[1..]),
        Some("soak") => bench::soak::command(&root, &args[1..]),
        Some("apifuzz") => apifuzz::command(&root, &args[1..]),
        Some("bench") if args.len() == 1 => bench::all(&root),
        Some("bench") if args[1..] == ["server"] => bench::server_only(&root),
        Some("bench") if args[1..] == ["claims"] => bench::claims_only(&root),
        Some("bench") if args[1..] == ["outbox"] => bench::outbox_only(&root),
        Some("bench") if args[1..] == ["lighthouse"] => bench::lighthouse_only(&root),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Builds everything and runs the server in the foreground; extra arguments go to `klaim-server`.
fn run(root: &Path, extra: &[String]) -> anyhow::Result<()> {
    let tools = tools::bootstrap(root)?;
    let built = build::all(root, &tools)?;
    // First start: load the demo population into an empty registry, then show who to try.
    let registry = |args: &[&str]| {
        let mut cmd = std::process::Command::new(&built.server);
        cmd.current_dir(root)
            .arg("registry")
            .args(args)
            .args(["--data-dir", "var"])
            .args(storage_flags(extra));
        cmd
    };
    proc::run(&mut registry(&["generate", "--if-empty", "--count", "200"]))?;
    proc::run(&mut registry(&["demo"]))?;
    // The demo officer and admin (made once, passwords printed), to take a claim to payment.
    let mut staff = std::process::Command::new(&built.server);
    staff
        .current_dir(root)
        .args(["account", "demo-staff", "--data-dir", "var"])
        .args(storage_flags(extra));
    println!();
    proc::run(&mut staff)?;
    println!(
        "\nKlaim: open http://127.0.0.1:8080 in a browser (Ctrl-C stops the server).\n\
         Back office: http://127.0.0.1:8080/petugas, signed in as petugas@klaim.test \
         (password \"periksa klaim 2026\").\n\
         JHT claims up to Rp 15 juta whose checks all pass are approved by rule at once; add \
         `-- --auto-approve off` to decide every claim by hand.\n"
    );
    let mut cmd = std::process::Command::new(&built.server);
    cmd.current_dir(root)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:8080",
            "--data-dir",
            "var",
            "--dist",
        ])
        .arg(&built.dist)
        .args(extra);
    proc::run(&mut cmd)
}

/// The database flags among the extra arguments, so the registry commands use the server's database.
fn storage_flags(extra: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut args = extra.iter();
    while let Some(arg) = args.next() {
        if arg == "--database-url" {
            out.push(arg.clone());
            out.extend(args.next().cloned());
        } else if arg.starts_with("--database-url=") {
            out.push(arg.clone());
        }
    }
    out
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the root")
        .to_path_buf()
}

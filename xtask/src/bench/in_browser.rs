//! Figures measured in headless Chromium by the release app: the end-to-end crate has one ignored
//! test per figure (`tests/tests/bench_*.rs`) that writes JSON to `$KLAIM_BENCH_OUT`; this runs it
//! as `cargo xtask test` runs the end-to-end tests and reads what it wrote.
//! - `bench_photo`: a 12-megapixel photo checked, downscaled and re-encoded (issue 4, item 8);
//! - `bench_outbox`: a draft with five documents restored, 100 queued claims delivered (issue 6).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use serde_json::Value;

use crate::build::{self, Built};
use crate::{proc, tools};

/// The ignored end-to-end tests that measure, by name.
pub const PHOTO: &str = "bench_photo";
pub const OUTBOX: &str = "bench_outbox";

/// Runs the test `name` against the built server and app; its JSON, as written.
pub fn measure(root: &Path, built: &Built, name: &str) -> anyhow::Result<Value> {
    tools::ensure_chromium()?;
    let absolute = |p: PathBuf| if p.is_absolute() { p } else { root.join(p) };
    let target = absolute(build::target_dir(root));
    let out = target.join("bench").join(format!("{name}-raw.json"));
    std::fs::create_dir_all(target.join("bench"))?;
    // A figure from an earlier run must not pass for this one's.
    let _ = std::fs::remove_file(&out);
    println!("\n{name} in headless Chromium (tests/tests/{name}.rs)");
    proc::run(
        Command::new("cargo")
            .current_dir(root)
            .args([
                "test",
                "--package",
                "klaim-e2e",
                "--test",
                name,
                "--",
                "--ignored",
                "--test-threads=1",
            ])
            .env("KLAIM_SERVER_BIN", absolute(built.server.clone()))
            .env("KLAIM_DIST_DIR", absolute(built.dist.clone()))
            .env("KLAIM_E2E_OUTPUT", target.join("e2e"))
            .env("KLAIM_BENCH_OUT", &out),
    )?;
    let text = std::fs::read_to_string(&out)
        .with_context(|| format!("{name} wrote no {}", out.display()))?;
    let value: Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", out.display()))?;
    println!("{}", serde_json::to_string_pretty(&value)?);
    Ok(value)
}

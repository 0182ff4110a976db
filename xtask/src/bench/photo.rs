//! The in-browser photo preparation figure (issue 4, item 8): a 12-megapixel test photo checked,
//! downscaled and re-encoded by the release app in headless Chromium — time and output size. The
//! end-to-end crate measures it (`tests/tests/bench_photo.rs`, an ignored test that writes JSON
//! to `$KLAIM_BENCH_OUT`); this runs it as `cargo xtask test` runs the end-to-end tests and reads
//! what it wrote.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use serde_json::Value;

use crate::build::{self, Built};
use crate::{proc, tools};

/// The test, relative to the project root.
pub const TEST_FILE: &str = "tests/tests/bench_photo.rs";

/// Whether the end-to-end crate has the photo bench yet.
pub fn available(root: &Path) -> bool {
    root.join(TEST_FILE).is_file()
}

/// Runs the test against the built server and app; its JSON, as written.
pub fn measure(root: &Path, built: &Built) -> anyhow::Result<Value> {
    tools::ensure_chromium()?;
    let absolute = |p: PathBuf| if p.is_absolute() { p } else { root.join(p) };
    let target = absolute(build::target_dir(root));
    let out = target.join("bench").join("photo-raw.json");
    std::fs::create_dir_all(target.join("bench"))?;
    // A figure from an earlier run must not pass for this one's.
    let _ = std::fs::remove_file(&out);
    println!("\nphoto preparation in headless Chromium ({TEST_FILE})");
    proc::run(
        Command::new("cargo")
            .current_dir(root)
            .args([
                "test",
                "--package",
                "klaim-e2e",
                "--test",
                "bench_photo",
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
        .with_context(|| format!("the photo bench wrote no {}", out.display()))?;
    let value: Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", out.display()))?;
    println!("{}", serde_json::to_string_pretty(&value)?);
    Ok(value)
}

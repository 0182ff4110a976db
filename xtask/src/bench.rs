//! `cargo xtask bench`: figures, never pass/fail. Prints them and writes target/bench/bench.json.

pub(crate) mod child;
mod claims;
pub mod crash;
pub(crate) mod http;
mod in_browser;
pub(crate) mod klaim;
pub mod lighthouse;
mod nginx;
mod server;
pub mod soak;
mod wrk;

use std::path::Path;
use std::process::Command;

use anyhow::Context;
use serde_json::{Value, json};

use crate::{build, proc, tools};

/// First load on a phone, brotli: the budget in DESIGN.md and the goal in the foundation issue.
const BUDGET_BROTLI: u64 = 200 * 1024;
const GOAL_BROTLI: u64 = 150 * 1024;

pub fn all(root: &Path) -> anyhow::Result<()> {
    let tools = tools::bootstrap(root)?;
    let dist = build::app(root, &tools)?;
    let first_load = first_load(&dist)?;
    let core = core_throughput(root)?;
    // Last: they need the built app, and a failure still leaves the figures above written.
    let server = server::measure(root, &dist);
    let claims = claims::measure(root, &dist);
    let photo = in_browser_figures(root, &dist, in_browser::PHOTO);
    let outbox = in_browser_figures(root, &dist, in_browser::OUTBOX);
    let lighthouse = lighthouse::measure(root, &dist);

    let result = json!({
        "rules_version": klaim_core::RULES_VERSION,
        "first_load": first_load,
        "klaim_core_parse": core,
        "server": or_error(&server),
        "claims": or_error(&claims),
        "photo": or_error(&photo),
        "outbox": or_error(&outbox),
        "lighthouse": or_error(&lighthouse),
    });
    write(root, "bench.json", &result)?;
    server.context("server bench")?;
    claims.context("claims bench")?;
    photo.context("photo bench")?;
    outbox.context("outbox bench")?;
    lighthouse.context("lighthouse bench").map(|_| ())
}

/// `cargo xtask bench lighthouse`: Lighthouse on four pages of the release app, to
/// target/bench/lighthouse.json (reports in target/bench/lighthouse/).
pub fn lighthouse_only(root: &Path) -> anyhow::Result<()> {
    let tools = tools::bootstrap(root)?;
    let dist = build::app(root, &tools)?;
    let lighthouse = lighthouse::measure(root, &dist)?;
    let result = json!({
        "rules_version": klaim_core::RULES_VERSION,
        "lighthouse": lighthouse,
    });
    write(root, "lighthouse.json", &result)
}

/// `cargo xtask bench outbox`: a draft with five documents restored and 100 queued claims
/// delivered, in headless Chromium with the release app, to target/bench/outbox.json.
pub fn outbox_only(root: &Path) -> anyhow::Result<()> {
    let tools = tools::bootstrap(root)?;
    let dist = build::app(root, &tools)?;
    let outbox = in_browser_figures(root, &dist, in_browser::OUTBOX)?;
    let result = json!({
        "rules_version": klaim_core::RULES_VERSION,
        "outbox": outbox,
    });
    write(root, "outbox.json", &result)
}

/// `cargo xtask bench claims`: uploads and claim submissions, and the in-browser photo figure
/// (which needs the release app), to target/bench/claims.json.
pub fn claims_only(root: &Path) -> anyhow::Result<()> {
    let tools = tools::bootstrap(root)?;
    let dist = build::app(root, &tools)?;
    let claims = claims::measure(root, &dist);
    let photo = in_browser_figures(root, &dist, in_browser::PHOTO);
    let result = json!({
        "rules_version": klaim_core::RULES_VERSION,
        "claims": or_error(&claims),
        "photo": or_error(&photo),
    });
    write(root, "claims.json", &result)?;
    claims.context("claims bench")?;
    photo.context("photo bench").map(|_| ())
}

/// A figure the end-to-end crate measures in the browser, against the built app and server.
fn in_browser_figures(root: &Path, dist: &Path, name: &str) -> anyhow::Result<Value> {
    let built = build::Built {
        dist: dist.to_path_buf(),
        server: build::server(root)?,
    };
    in_browser::measure(root, &built, name)
}

fn or_error(figures: &anyhow::Result<Value>) -> Value {
    match figures {
        Ok(figures) => figures.clone(),
        Err(err) => json!({ "error": format!("{err:#}") }),
    }
}

/// The dist/ already built, or a stand-in page: the server figures do not depend on the app.
fn dist_or_stand_in(root: &Path, stand_in: &child::TempDir) -> anyhow::Result<std::path::PathBuf> {
    let built = root.join("dist");
    if built.join("index.html").is_file() {
        return Ok(built);
    }
    std::fs::write(
        stand_in.path().join("index.html"),
        "<!doctype html><title>Klaim</title>\n",
    )?;
    Ok(stand_in.path().to_path_buf())
}

/// `cargo xtask bench server`: the server figures alone, without building the app (they do not
/// depend on it): the dist/ already built, or a stand-in page. Written to target/bench/server.json.
pub fn server_only(root: &Path) -> anyhow::Result<()> {
    let stand_in = child::TempDir::new("klaim-bench-dist")?;
    let dist = dist_or_stand_in(root, &stand_in)?;
    let server = server::measure(root, &dist)?;
    let result = json!({
        "rules_version": klaim_core::RULES_VERSION,
        "server": server,
    });
    write(root, "server.json", &result)
}

/// Into target/bench/.
pub(crate) fn write(root: &Path, name: &str, result: &Value) -> anyhow::Result<()> {
    let dir = build::target_dir(root).join("bench");
    std::fs::create_dir_all(&dir)?;
    let file = dir.join(name);
    std::fs::write(&file, serde_json::to_string_pretty(result)? + "\n")?;
    println!("\nwritten: {}", file.display());
    Ok(())
}

/// What a phone downloads on first visit: index.html and the js, wasm and css it names (the boot
/// script, the main module, the parts' loader, the stylesheets); then, apart, the parts that
/// come when their screens are first opened.
fn first_load(dist: &Path) -> anyhow::Result<Value> {
    let html =
        std::fs::read_to_string(dist.join("index.html")).context("dist has no index.html")?;
    let mut first = first_load_files(&html);
    first.push("index.html".to_owned());
    first.sort();
    let mut parts: Vec<String> = std::fs::read_dir(dist)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".wasm") && !first.contains(n))
        .collect();
    parts.sort();

    println!("\nfirst load (bytes)                  raw       gzip     brotli");
    let (files, total) = sizes(dist, &first)?;
    let br = total["brotli"].as_u64().unwrap_or_default();
    println!(
        "brotli total {:.1} KB; goal {} KB, budget {} KB: {}",
        br as f64 / 1024.0,
        GOAL_BROTLI / 1024,
        BUDGET_BROTLI / 1024,
        if br <= GOAL_BROTLI {
            "within the goal"
        } else if br <= BUDGET_BROTLI {
            "within the budget, over the goal"
        } else {
            "OVER BUDGET"
        }
    );
    println!("\nparts, each downloaded when a screen needing it is first opened");
    let (part_files, part_total) = sizes(dist, &parts)?;
    Ok(json!({
        "files": files,
        "total": total,
        "goal_brotli": GOAL_BROTLI,
        "budget_brotli": BUDGET_BROTLI,
        "parts": { "files": part_files, "total": part_total },
    }))
}

/// Raw, gzip and brotli sizes of each file and their total, printed as a table.
fn sizes(dist: &Path, names: &[String]) -> anyhow::Result<(Vec<Value>, Value)> {
    let mut files = Vec::new();
    let (mut raw, mut gz, mut br) = (0u64, 0u64, 0u64);
    for name in names {
        let bytes = std::fs::read(dist.join(name)).with_context(|| format!("dist/{name}"))?;
        let sizes = [
            bytes.len() as u64,
            build::gzip_bytes(&bytes)?.len() as u64,
            build::brotli_bytes(&bytes)?.len() as u64,
        ];
        println!(
            "{name:<36} {:>9} {:>10} {:>10}",
            sizes[0], sizes[1], sizes[2]
        );
        raw += sizes[0];
        gz += sizes[1];
        br += sizes[2];
        files.push(json!({ "file": name, "raw": sizes[0], "gzip": sizes[1], "brotli": sizes[2] }));
    }
    println!("{:<36} {raw:>9} {gz:>10} {br:>10}", "total");
    Ok((files, json!({ "raw": raw, "gzip": gz, "brotli": br })))
}

/// The js, wasm and css files the page names (`href="/…"`, `src="/…"`); the manifest and icons
/// are not part of the app's load.
fn first_load_files(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for attribute in ["href=\"/", "src=\"/"] {
        for (at, _) in html.match_indices(attribute) {
            let rest = &html[at + attribute.len()..];
            let name = &rest[..rest.find('"').unwrap_or(0)];
            let asset = [".js", ".wasm", ".css"].iter().any(|e| name.ends_with(e));
            if asset && !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// klaim-core's parsers, measured in an optimised native build (the server's profile).
fn core_throughput(root: &Path) -> anyhow::Result<Value> {
    let out = proc::output(Command::new("cargo").current_dir(root).args([
        "run",
        "--quiet",
        "--profile",
        "server",
        "--package",
        "klaim-core",
        "--example",
        "parse_throughput",
    ]))?;
    let value: Value = serde_json::from_str(&out).context("parse_throughput printed no JSON")?;
    println!("\nklaim-core parse throughput (native, --profile server)");
    if let Some(rows) = value.as_object() {
        for (name, row) in rows {
            println!(
                "{name:<24} {:>12.0} parses/s",
                row["per_second"].as_f64().unwrap_or_default()
            );
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::{first_load, first_load_files};

    #[test]
    fn the_first_load_is_what_the_page_names() {
        let html = r#"<link rel="manifest" href="/manifest.webmanifest" />
            <link rel="icon" href="/icons/icon-192.png" />
            <link rel="stylesheet" href="/main-1.css"/>
            <link rel="modulepreload" href="/klaim-1.js" />
            <link rel="modulepreload" href="/parts-1.js" />
            <link rel="preload" href="/klaim-1_bg.wasm" as="fetch" />
            <script type="module" src="/boot-1.js"></script>
            <a href="/klaim-1.js">again</a>"#;
        assert_eq!(
            first_load_files(html),
            [
                "main-1.css",
                "klaim-1.js",
                "parts-1.js",
                "klaim-1_bg.wasm",
                "boot-1.js"
            ]
        );
    }

    #[test]
    fn the_parts_are_counted_apart_from_the_first_load() {
        let dist = std::env::temp_dir().join(format!("klaim-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(&dist).unwrap();
        let html = r#"<script type="module" src="/boot-1.js"></script>
            <link rel="preload" href="/klaim-1_bg.wasm" as="fetch" />"#;
        for (name, bytes) in [
            ("index.html", html.as_bytes()),
            ("boot-1.js", b"import init from '/klaim-1.js';".as_slice()),
            ("klaim-1_bg.wasm", &[0u8; 300]),
            ("split_office-1.wasm", &[1u8; 200]),
        ] {
            std::fs::write(dist.join(name), bytes).unwrap();
        }
        let result = first_load(&dist).unwrap();
        let raw = 300 + html.len() as u64 + 31;
        assert_eq!(result["total"]["raw"], raw);
        assert_eq!(result["files"].as_array().unwrap().len(), 3);
        assert_eq!(result["parts"]["total"]["raw"], 200);
        assert_eq!(result["parts"]["files"][0]["file"], "split_office-1.wasm");
        let _ = std::fs::remove_dir_all(&dist);
    }
}

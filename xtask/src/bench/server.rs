//! Server throughput: authenticated `GET /api/v1/me` on SQLite and on PostgreSQL, beside nginx
//! serving the same bytes as a static file (the ceiling on this machine), and sign-in throughput
//! (bounded by Argon2id by design). The load comes from Debian's wrk in a second process.
//!
//! Everything started here stops on the way out, also on error: the servers, nginx, the
//! PostgreSQL cluster, the temporary directory.

use std::path::Path;

use anyhow::Context;
use serde_json::{Value, json};

use super::child::TempDir;
use super::klaim::{self, Klaim, Storage};
use super::wrk::{self, Figures, Load, round};
use super::{http, nginx};
use crate::{postgres, tools};

/// The figure: 64 connections.
const ME_CONNECTIONS: u32 = 64;
const ME_SECONDS: u32 = 10;
/// Sign-ins cost a password hash each: a few connections keep both cores busy.
const LOGIN_CONNECTIONS: u32 = 8;
const LOGIN_SECONDS: u32 = 5;
const WARM_UP_SECONDS: u32 = 2;
/// wrk's threads share the two cores of the bench machine with the server under test.
const WRK_THREADS: u32 = 2;

const ME_PATH: &str = "/api/v1/me";

pub fn measure(root: &Path, dist: &Path) -> anyhow::Result<Value> {
    tools::ensure_debian_packages(
        &[wrk::WRK, nginx::NGINX],
        &["wrk", "nginx"],
        "the server bench needs Debian's wrk (load generator) and nginx (the ceiling)",
    )?;
    let server = crate::build::server(root)?;
    // Dropped last: the processes below stop before their files go.
    let temp = TempDir::new("klaim-bench")?;
    println!("\nserver bench: working in {}", temp.path().display());

    // SQLite: the server's default storage.
    let sqlite_dir = temp.sub("sqlite")?;
    let mut on_sqlite = klaim::start(
        &server,
        dist,
        "klaim-server (SQLite)",
        &Storage {
            data_dir: &sqlite_dir,
            database_url: None,
        },
    )?;
    let sqlite_cookie = on_sqlite.sign_up()?;
    let me = on_sqlite.me(&sqlite_cookie)?;

    // PostgreSQL: the throw-away cluster of the test stage.
    let cluster = postgres::start()?;
    let pg_dir = temp.sub("postgres")?;
    let mut on_postgres = klaim::start(
        &server,
        dist,
        "klaim-server (PostgreSQL)",
        &Storage {
            data_dir: &pg_dir,
            database_url: Some(&cluster.url),
        },
    )?;
    let pg_cookie = on_postgres.sign_up()?;
    let pg_me = on_postgres.me(&pg_cookie)?;
    if pg_me.len() != me.len() {
        println!(
            "note: /me answers {} bytes on SQLite, {} on PostgreSQL",
            me.len(),
            pg_me.len()
        );
    }

    // The ceiling: the same bytes as a file.
    let ceiling = nginx::start(&temp.sub("nginx")?, ME_PATH, &me)?;

    let nginx_url = format!("http://{}{ME_PATH}", ceiling.addr);
    // The servers are idle now: whatever keeps the cores busy is other work, and it lowers
    // every figure below.
    let busy = busy_elsewhere();
    if let Some(busy) = busy {
        println!(
            "\ncores busy with other work just before measuring: {:.0}%",
            busy * 100.0
        );
        if busy > 0.1 {
            println!(
                "WARNING: other work shares the cores; the figures below are lower than on a quiet machine"
            );
        }
    }
    println!(
        "\nauthenticated GET {ME_PATH} ({} bytes): wrk -t{WRK_THREADS} -c{ME_CONNECTIONS} -d{ME_SECONDS}s, each after a {WARM_UP_SECONDS} s warm-up",
        me.len()
    );
    let nginx_figures = load_me(&nginx_url, None, "nginx")?;
    let sqlite_figures = load_me(&on_sqlite.url(ME_PATH), Some(&sqlite_cookie), "SQLite")?;
    let pg_figures = load_me(&on_postgres.url(ME_PATH), Some(&pg_cookie), "PostgreSQL")?;

    println!(
        "\nsign-in POST /api/v1/sessions (Argon2id by design): wrk -t{WRK_THREADS} -c{LOGIN_CONNECTIONS} -d{LOGIN_SECONDS}s"
    );
    let script = login_script(temp.path())?;
    on_sqlite.sign_in_once()?;
    let sqlite_login = load_login(&on_sqlite, &script, "SQLite")?;
    on_postgres.sign_in_once()?;
    let pg_login = load_login(&on_postgres, &script, "PostgreSQL")?;

    let rows = [
        ("nginx, static file (ceiling)", &nginx_figures),
        ("klaim-server, SQLite", &sqlite_figures),
        ("klaim-server, PostgreSQL", &pg_figures),
    ];
    print_me_table(&rows, nginx_figures.requests_per_sec);
    print_login_table(&[("SQLite", &sqlite_login), ("PostgreSQL", &pg_login)]);

    let ratio = |f: &Figures| round(f.requests_per_sec / nginx_figures.requests_per_sec, 3);
    let with_ratio = |f: &Figures| {
        let mut v = f.to_json();
        v["ratio_to_nginx"] = json!(ratio(f));
        v
    };
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    Ok(json!({
        "machine": {
            "cpus": cpus,
            "busy_elsewhere_before": busy.map(|b| round(b, 3)),
            "note": "wrk, the servers and the database share these cores",
        },
        "load_generator": wrk::version(),
        "ceiling": nginx::version()?,
        "me": {
            "path": ME_PATH,
            "body_bytes": me.len(),
            "connections": ME_CONNECTIONS,
            "threads": WRK_THREADS,
            "seconds": ME_SECONDS,
            "warm_up_seconds": WARM_UP_SECONDS,
            "nginx": nginx_figures.to_json(),
            "sqlite": with_ratio(&sqlite_figures),
            "postgres": with_ratio(&pg_figures),
        },
        "login": {
            "path": "/api/v1/sessions",
            "connections": LOGIN_CONNECTIONS,
            "threads": WRK_THREADS,
            "seconds": LOGIN_SECONDS,
            "sqlite": sqlite_login.to_json(),
            "postgres": pg_login.to_json(),
        },
        "notes": [
            "klaim-server logs one line per request at its default level (info), to a file here",
            "the PostgreSQL cluster is the test stage's: fsync and synchronous_commit off",
        ],
    }))
}

fn load_me(url: &str, cookie: Option<&str>, name: &str) -> anyhow::Result<Figures> {
    let headers: Vec<String> = cookie.map(|c| format!("Cookie: {c}")).into_iter().collect();
    let mut load = Load {
        url,
        threads: WRK_THREADS,
        connections: ME_CONNECTIONS,
        seconds: WARM_UP_SECONDS,
        headers: &headers,
        script: None,
    };
    load.run().with_context(|| format!("warming up {name}"))?;
    load.seconds = ME_SECONDS;
    let figures = load.run().with_context(|| format!("measuring {name}"))?;
    println!(
        "{name:<12} {:>10.0} requests/s  p50 {}  p99 {}",
        figures.requests_per_sec,
        ms(figures.p50_ms),
        ms(figures.p99_ms)
    );
    warn_on_failures(name, &figures);
    Ok(figures)
}

fn load_login(server: &Klaim, script: &Path, name: &str) -> anyhow::Result<Figures> {
    let url = server.url("/api/v1/sessions");
    let load = Load {
        url: &url,
        threads: WRK_THREADS,
        connections: LOGIN_CONNECTIONS,
        seconds: LOGIN_SECONDS,
        headers: &[],
        script: Some(script),
    };
    let figures = load
        .run()
        .with_context(|| format!("sign-in load on {name}"))?;
    println!(
        "{name:<12} {:>10.1} sign-ins/s  p50 {}  p99 {}",
        figures.requests_per_sec,
        ms(figures.p50_ms),
        ms(figures.p99_ms)
    );
    warn_on_failures(name, &figures);
    Ok(figures)
}

/// A bench reports, it does not fail on figures: refusals and socket errors are printed loudly.
fn warn_on_failures(name: &str, figures: &Figures) {
    if figures.non_2xx > 0 {
        println!(
            "WARNING: {name}: {} of {} answers were not 2xx/3xx; the figures above include them",
            figures.non_2xx, figures.requests
        );
    }
    if figures.socket_errors > 0 {
        println!(
            "WARNING: {name}: {} socket errors (connect, read, write or timeout)",
            figures.socket_errors
        );
    }
}

/// wrk's Lua script for sign-ins: the persona's NIK and the right password (failures would be
/// rate-limited per account and per address; successes are not).
fn login_script(dir: &Path) -> anyhow::Result<std::path::PathBuf> {
    let body = klaim::login_body().to_string();
    anyhow::ensure!(
        !body.contains("]==]"),
        "the sign-in body cannot be a Lua long string"
    );
    let (name, value) = http::REQUEST_HEADER;
    let script = format!(
        "wrk.method = \"POST\"\n\
         wrk.body = [==[{body}]==]\n\
         wrk.headers[\"Content-Type\"] = \"application/json\"\n\
         wrk.headers[\"{name}\"] = \"{value}\"\n"
    );
    let path = dir.join("login.lua");
    std::fs::write(&path, script)?;
    Ok(path)
}

fn print_me_table(rows: &[(&str, &Figures)], ceiling: f64) {
    println!(
        "\n{:<30} {:>12} {:>11} {:>11} {:>9}",
        "GET /api/v1/me", "requests/s", "p50", "p99", "of nginx"
    );
    for (name, f) in rows {
        println!(
            "{name:<30} {:>12.0} {:>11} {:>11} {:>8.1}%",
            f.requests_per_sec,
            ms(f.p50_ms),
            ms(f.p99_ms),
            100.0 * f.requests_per_sec / ceiling
        );
    }
}

fn print_login_table(rows: &[(&str, &Figures)]) {
    println!(
        "\n{:<30} {:>12} {:>11} {:>11} {:>9}",
        "POST /api/v1/sessions", "sign-ins/s", "p50", "p99", "non-2xx"
    );
    for (name, f) in rows {
        println!(
            "{:<30} {:>12.1} {:>11} {:>11} {:>9}",
            format!("klaim-server, {name}"),
            f.requests_per_sec,
            ms(f.p50_ms),
            ms(f.p99_ms),
            f.non_2xx
        );
    }
}

fn ms(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.2} ms")
    } else {
        format!("{value:.1} ms")
    }
}

/// The share of CPU time not idle during one second, from /proc/stat (Linux); `None` elsewhere.
pub(super) fn busy_elsewhere() -> Option<f64> {
    fn sample() -> Option<(u64, u64)> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let fields: Vec<u64> = stat
            .lines()
            .next()?
            .strip_prefix("cpu ")?
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
        let idle = fields.get(3)? + fields.get(4).copied().unwrap_or(0);
        let total = fields.iter().take(8).sum();
        Some((idle, total))
    }
    let (idle0, total0) = sample()?;
    std::thread::sleep(std::time::Duration::from_secs(1));
    let (idle1, total1) = sample()?;
    let total = total1.checked_sub(total0).filter(|t| *t > 0)?;
    let idle = idle1.saturating_sub(idle0);
    Some(1.0 - idle as f64 / total as f64)
}

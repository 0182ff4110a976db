//! A throw-away PostgreSQL server for the test suite: Debian's binaries, a cluster in a temporary
//! directory, listening on a free loopback port with its socket in that directory, trust
//! authentication (nothing but this machine can reach it), stopped and deleted when the guard is
//! dropped — also when the tests fail.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::proc;

/// Where Debian installs each PostgreSQL major version.
const DEBIAN_LIB: &str = "/usr/lib/postgresql";
/// Durability settings off: the cluster lives for one test run.
const FAST: &str = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";

/// A running cluster; stopped and removed on drop.
pub struct Postgres {
    /// `postgres://postgres@127.0.0.1:PORT/postgres`: a superuser, so tests may create databases.
    pub url: String,
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
}

pub fn start() -> anyhow::Result<Postgres> {
    let bin = ensure_installed()?;
    // initdb refuses to run as root: then the cluster belongs to Debian's `postgres` user.
    let as_postgres = is_root();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("klaim-pg-{}-{stamp}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
    let mut cluster = Postgres {
        url: String::new(),
        bin,
        dir,
        as_postgres,
    };
    if as_postgres {
        proc::output(
            Command::new("chown")
                .arg("postgres:postgres")
                .arg(&cluster.dir),
        )
        .context("the `postgres` system user (from Debian's postgresql package) is needed")?;
    }
    let data = cluster.data();
    let initdb = cluster
        .tool("initdb")
        .arg("-D")
        .arg(&data)
        .args([
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ])
        .output()
        .context("run initdb")?;
    if !initdb.status.success() {
        bail!(
            "initdb failed:\n{}",
            String::from_utf8_lossy(&initdb.stderr)
        );
    }
    // A free port can be taken between asking and binding; try a few.
    for _ in 0..5 {
        let port = free_port()?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 {FAST}",
            cluster.dir.display()
        );
        let started = cluster
            .tool("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(cluster.dir.join("server.log"))
            .args(["-w", "-t", "60", "-o", &options, "start"])
            .output()
            .context("run pg_ctl start")?;
        if started.status.success() {
            cluster.url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
            println!(
                "PostgreSQL test cluster on 127.0.0.1:{port} in {}",
                cluster.dir.display()
            );
            return Ok(cluster);
        }
    }
    let log = std::fs::read_to_string(cluster.dir.join("server.log")).unwrap_or_default();
    bail!("the PostgreSQL test cluster did not start:\n{log}")
}

impl Postgres {
    /// A new, empty database on the cluster; its URL.
    pub fn create_database(&self, name: &str) -> anyhow::Result<String> {
        let base = self
            .url
            .strip_suffix("/postgres")
            .context("the cluster's URL ends in /postgres")?;
        proc::output(
            Command::new(self.bin.join("psql"))
                .arg(&self.url)
                .args(["-v", "ON_ERROR_STOP=1", "-c"])
                .arg(format!("CREATE DATABASE {name}")),
        )?;
        Ok(format!("{base}/{name}"))
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// A PostgreSQL program, run as the cluster's owner.
    fn tool(&self, name: &str) -> Command {
        let program = self.bin.join(name);
        if self.as_postgres {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(program);
            cmd
        } else {
            Command::new(program)
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if !self.url.is_empty() {
            let data = self.data();
            let _ = self
                .tool("pg_ctl")
                .arg("-D")
                .arg(&data)
                .args(["-m", "immediate", "-w", "stop"])
                .output();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The newest `/usr/lib/postgresql/N/bin`, installing Debian's package first when root.
fn ensure_installed() -> anyhow::Result<PathBuf> {
    if let Some(bin) = newest_bin() {
        return Ok(bin);
    }
    if !is_root() {
        bail!(
            "the PostgreSQL tests need Debian's PostgreSQL: run `sudo apt-get update && sudo apt-get install -y postgresql`"
        );
    }
    println!("installing Debian's postgresql package for the PostgreSQL tests");
    proc::run(Command::new("apt-get").arg("update"))?;
    proc::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "postgresql"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    newest_bin().with_context(|| format!("postgresql installed, but no {DEBIAN_LIB}/*/bin/initdb"))
}

fn newest_bin() -> Option<PathBuf> {
    let versions = std::fs::read_dir(DEBIAN_LIB).ok()?;
    versions
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            has_tools(&bin).then_some((version, bin))
        })
        .max_by_key(|(version, _)| *version)
        .map(|(_, bin)| bin)
}

fn has_tools(bin: &Path) -> bool {
    bin.join("initdb").is_file() && bin.join("pg_ctl").is_file()
}

fn is_root() -> bool {
    proc::output(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0")
}

/// A loopback port free at the time of asking (also for the bench's nginx).
pub fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("find a free loopback port")?;
    Ok(listener.local_addr()?.port())
}

//! klaim-server under test: a process with its own data directory and database, a registry
//! generated into it, and a participant signed up through the API as a person would
//! (crates/klaim-server/docs/accounts-api.md, "Registering").

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use klaim_core::Date;
use klaim_core::api::account::{Me, RegistrationStarted, Role};
use klaim_core::forms::account::{RegistrationInput, check_registration};
use serde_json::json;

use super::child::{Running, log_tail};
use super::http;
use crate::proc;

/// Demo persona 1 (registry/personas.rs): resigned, one KPJ, a mobile number and an e-mail address.
pub const PERSONA_NAME: &str = "Rina Wulandari";
pub const PERSONA_NIK: &str = "3374055205919001";
const PERSONA_KPJ: &str = "99010000001";
const PERSONA_BIRTH: (&str, &str, &str) = ("12", "05", "1991");
/// Passes klaim-core's password rules (checked below before it is sent).
pub const PASSWORD: &str = "jeruk-bangku-taman-71";

/// The registry every server under test gets: the personas and a few generated people.
const REGISTRY: [&str; 6] = ["registry", "generate", "--count", "50", "--seed", "1"];

/// Where a server keeps its data: its own directory, and PostgreSQL when a URL is given.
pub struct Storage<'a> {
    pub data_dir: &'a Path,
    pub database_url: Option<&'a str>,
}

/// A running klaim-server; stopped on drop (SIGTERM: it finishes requests in flight and closes
/// its database).
pub struct Klaim {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    log: PathBuf,
    pid: u32,
    process: Running,
    /// How it was started, to start it again after [`Klaim::kill`].
    launch: Launch,
}

/// Everything `serve` needs, owned.
#[derive(Clone)]
struct Launch {
    server: PathBuf,
    dist: PathBuf,
    name: String,
    data_dir: PathBuf,
    database_url: Option<String>,
    log: PathBuf,
}

/// Loads the registry, then starts `server serve` on a free loopback port with its log (stderr)
/// in `<data_dir>/server.log`, and waits for its `listening on` line.
pub fn start(server: &Path, dist: &Path, name: &str, storage: &Storage) -> anyhow::Result<Klaim> {
    proc::run(configure(Command::new(server).args(REGISTRY), storage))?;
    serve(server, dist, name, storage)
}

/// As [`start`], with the registry imported from a CSV file (`registry generate --csv`), so the
/// caller knows every person in it, bank accounts included.
pub fn start_with_registry(
    server: &Path,
    dist: &Path,
    name: &str,
    storage: &Storage,
    csv: &Path,
) -> anyhow::Result<Klaim> {
    let mut import = Command::new(server);
    import.args(["registry", "import"]).arg(csv);
    proc::run(configure(&mut import, storage))?;
    serve(server, dist, name, storage)
}

/// Writes a generated registry to `csv` without loading it: `registry generate --csv`, for the
/// date given (the server's today, in WIB).
pub fn generate_registry(
    server: &Path,
    count: u32,
    seed: u64,
    today: Date,
    csv: &Path,
) -> anyhow::Result<()> {
    let mut cmd = Command::new(server);
    cmd.args(["registry", "generate", "--count"])
        .arg(count.to_string())
        .arg("--seed")
        .arg(seed.to_string())
        .arg("--today")
        .arg(today.to_iso())
        .arg("--csv")
        .arg(csv);
    proc::run(&mut cmd)
}

fn serve(server: &Path, dist: &Path, name: &str, storage: &Storage) -> anyhow::Result<Klaim> {
    serve_logged(server, dist, name, storage, "server.log")
}

/// Another server on the same storage (servers sharing PostgreSQL and a document directory),
/// with its own log file in the data directory.
pub fn serve_logged(
    server: &Path,
    dist: &Path,
    name: &str,
    storage: &Storage,
    log_name: &str,
) -> anyhow::Result<Klaim> {
    let launch = Launch {
        server: server.to_owned(),
        dist: dist.to_owned(),
        name: name.to_owned(),
        data_dir: storage.data_dir.to_owned(),
        database_url: storage.database_url.map(str::to_owned),
        log: storage.data_dir.join(log_name),
    };
    launch.run("127.0.0.1:0", true)
}

impl Launch {
    /// Starts the server on `listen` with its log (stderr, appended) and waits for its
    /// `listening on` line.
    fn run(&self, listen: &str, verbose: bool) -> anyhow::Result<Klaim> {
        let (name, log) = (&self.name, &self.log);
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .with_context(|| format!("open {}", log.display()))?;
        let mut cmd = Command::new(&self.server);
        cmd.args(["serve", "--listen", listen, "--dist"])
            .arg(&self.dist)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file);
        let storage = Storage {
            data_dir: &self.data_dir,
            database_url: self.database_url.as_deref(),
        };
        configure(&mut cmd, &storage);
        if verbose {
            println!("$ {}", proc::describe(&cmd));
        }
        let mut process = Running::spawn(name, &mut cmd, Duration::from_secs(15))?;
        // The one line on stdout names the address; a thread reads it (and anything after it, so
        // the pipe never fills) while this one watches the clock and the process.
        let stdout = process
            .child_mut()
            .stdout
            .take()
            .context("stdout is piped")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(addr) = line.strip_prefix("klaim-server listening on ") {
                    let _ = tx.send(addr.trim().to_owned());
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(base) = rx.recv_timeout(Duration::from_millis(100)) {
                if verbose {
                    println!("{name} on {base}, log {}", log.display());
                }
                let pid = process.child_mut().id();
                return Ok(Klaim {
                    base,
                    log: log.clone(),
                    pid,
                    process,
                    launch: self.clone(),
                });
            }
            if let Some(status) = process.exited() {
                bail!(
                    "{name} exited ({status}) before listening; its log:\n{}",
                    log_tail(log, 30)
                );
            }
            if Instant::now() > deadline {
                bail!(
                    "{name} printed no `listening on` line within 60 s; its log:\n{}",
                    log_tail(log, 30)
                );
            }
        }
    }
}

/// The storage flags and a clean environment: nothing from the caller's shell picks another
/// database, document folder or log level.
fn configure<'c>(cmd: &'c mut Command, storage: &Storage) -> &'c mut Command {
    cmd.arg("--data-dir")
        .arg(storage.data_dir)
        .env_remove("KLAIM_STORAGE_URL")
        .env_remove("KLAIM_DATA_DIR")
        // The server's default: one line per request, as in production (to a file here).
        .env("RUST_LOG", "info")
        .env("KLAIM_DELIVERY", "log");
    match storage.database_url {
        Some(url) => cmd.env("DATABASE_URL", url),
        None => cmd.env_remove("DATABASE_URL"),
    }
}

impl Klaim {
    /// SIGKILL: no signal handler runs, nothing is flushed or closed, as in a crash.
    pub fn kill(&mut self) -> anyhow::Result<()> {
        let child = self.process.child_mut();
        child.kill().context("SIGKILL")?;
        child.wait().context("waiting for the killed server")?;
        Ok(())
    }

    /// Starts the server again as it was started, on the same address (after [`Klaim::kill`]).
    pub fn start_again(&mut self) -> anyhow::Result<()> {
        let listen = self.base.trim_start_matches("http://").to_owned();
        *self = self.launch.run(&listen, false)?;
        Ok(())
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The server's process id, for reading its memory from /proc.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The server's log (stderr), where the development delivery prints one-time codes.
    pub fn log(&self) -> &Path {
        &self.log
    }

    /// Signs up the persona through the API (registration, code from the log, verification) and
    /// returns the session cookie (`klaim_session=…`).
    pub fn sign_up(&mut self) -> anyhow::Result<String> {
        let input = registration_input()?;
        let started = self.expect("/api/v1/registrations", &serde_json::to_value(&input)?, 201)?;
        let started: RegistrationStarted = serde_json::from_slice(&started.body)
            .context("POST /api/v1/registrations: not a RegistrationStarted")?;
        let contact = started
            .contacts
            .first()
            .context("the persona's registration offers no contact for the code")?;
        let id = &started.registration_id;

        let log_before = std::fs::metadata(&self.log).map_or(0, |m| m.len());
        self.expect(
            &format!("/api/v1/registrations/{id}/code"),
            &json!({ "channel": contact.channel }),
            202,
        )?;
        let code = self.code_from_log(log_before as usize)?;

        let verified = self.expect(
            &format!("/api/v1/registrations/{id}/verify"),
            &json!({ "code": code }),
            201,
        )?;
        verified.cookie("klaim_session").with_context(|| {
            format!(
                "verification answered 201 without a klaim_session cookie (Set-Cookie: {:?})",
                verified.cookies
            )
        })
    }

    /// `GET /api/v1/me` once: the answer the load test will ask for, checked to be a participant's.
    pub fn me(&self, cookie: &str) -> anyhow::Result<Vec<u8>> {
        let answer = http::get(&self.url("/api/v1/me"), Some(cookie))?;
        if answer.status != 200 {
            bail!(
                "GET /api/v1/me with the session answered {}: {}",
                answer.status,
                answer.text()
            );
        }
        let me: Me = serde_json::from_slice(&answer.body).context("GET /api/v1/me: not a Me")?;
        if me.role != Role::Participant || me.participant.is_none() {
            bail!("GET /api/v1/me: expected the participant's profile, got {me:?}");
        }
        Ok(answer.body)
    }

    /// One sign-in with the password, as the login load test will send it.
    pub fn sign_in_once(&self) -> anyhow::Result<()> {
        self.expect("/api/v1/sessions", &login_body(), 201)
            .map(|_| ())
    }

    fn expect(
        &self,
        path: &str,
        body: &serde_json::Value,
        status: u16,
    ) -> anyhow::Result<http::Answer> {
        let answer = http::post_json(&self.url(path), body)?;
        if answer.status != status {
            bail!(
                "POST {path} answered {} (expected {status}): {}\n{} log:\n{}",
                answer.status,
                answer.text(),
                self.process.name,
                log_tail(&self.log, 10)
            );
        }
        Ok(answer)
    }

    /// The code the development delivery prints (`… one-time code … code=123456`), in the log
    /// after `offset`; the outbox worker sends within a second.
    fn code_from_log(&self, offset: usize) -> anyhow::Result<String> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = std::fs::read(&self.log).unwrap_or_default();
            let new = String::from_utf8_lossy(text.get(offset..).unwrap_or_default());
            if let Some(code) = new.lines().rev().find_map(code_in_line) {
                return Ok(code);
            }
            if Instant::now() > deadline {
                bail!(
                    "no `one-time code` line with `code=` in {} within 15 s (is KLAIM_DELIVERY=log?); its end:\n{}",
                    self.log.display(),
                    log_tail(&self.log, 10)
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The sign-in request: the persona's NIK and password.
pub fn login_body() -> serde_json::Value {
    json!({ "login": PERSONA_NIK, "password": PASSWORD })
}

fn registration_input() -> anyhow::Result<RegistrationInput> {
    let (day, month, year) = PERSONA_BIRTH;
    let input = RegistrationInput {
        full_name: PERSONA_NAME.into(),
        nik: PERSONA_NIK.into(),
        kpj: PERSONA_KPJ.into(),
        birth_day: day.into(),
        birth_month: month.into(),
        birth_year: year.into(),
        password: PASSWORD.into(),
    };
    // The same rules the server applies, so a rule change shows here and not as a 422.
    if let Err(findings) = check_registration(&input, today()) {
        bail!("the bench's registration form no longer passes klaim-core's rules: {findings:?}");
    }
    Ok(input)
}

/// Today in UTC; close enough for a birth-date check of someone born in 1991.
fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    i32::try_from(days)
        .ok()
        .and_then(Date::from_days_since_epoch)
        .unwrap_or_else(|| Date::new(2026, 1, 1).expect("a valid date"))
}

/// `code=123456` in a delivery log line.
pub fn code_in_line(line: &str) -> Option<String> {
    if !line.contains("one-time code") {
        return None;
    }
    line.split_whitespace().find_map(|word| {
        let digits = word.strip_prefix("code=")?.trim_matches('"');
        (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_code_from_the_delivery_line() {
        let line = "2026-11-24T15:50:01.123456Z  INFO klaim::delivery: one-time code (development delivery: printed, not sent) kind=registration_code channel=sms to=0812****0001 text=Your Klaim verification code: 654321. Valid for 10 minutes. code=654321";
        assert_eq!(code_in_line(line).as_deref(), Some("654321"));
        assert_eq!(code_in_line("INFO request: finished code=123456"), None);
        assert_eq!(
            code_in_line("one-time code kind=registration_code code=12345"),
            None
        );
    }

    #[test]
    fn the_bench_persona_passes_the_registration_rules() {
        registration_input().unwrap();
    }
}

//! The real klaim-server, on a free loopback port, with its own data directory and a freshly
//! generated participant registry (the demo personas first).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    pub url: String,
    /// The server's log (stderr), where the development delivery prints one-time codes.
    pub log: PathBuf,
    bin: String,
    dist: String,
    data_dir: PathBuf,
    options: ServerOptions,
    child: Child,
}

/// How a test wants its server. By default claims wait for an officer: rule-based approval
/// (`KLAIM_AUTO_APPROVE`) is off, so a test sees the status it expects.
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    pub auto_approve: bool,
    /// More environment for the server, e.g. `KLAIM_SMTP_URL`.
    pub env: Vec<(String, String)>,
    /// Serve this built app instead of `KLAIM_DIST_DIR` (a copy a test may change, e.g. to
    /// publish a new version while a page is open).
    pub dist: Option<PathBuf>,
}

impl Server {
    pub fn start(test_name: &str) -> Server {
        Server::start_with(test_name, &ServerOptions::default())
    }

    pub fn start_with(test_name: &str, options: &ServerOptions) -> Server {
        let bin = required_env("KLAIM_SERVER_BIN");
        let dist = match &options.dist {
            Some(own) => own.to_string_lossy().into_owned(),
            None => required_env("KLAIM_DIST_DIR"),
        };
        let data_dir = output_dir().join("data").join(test_name);
        let _ = std::fs::remove_dir_all(&data_dir);
        std::fs::create_dir_all(&data_dir).expect("create the test's data directory");
        // The server's log goes to a file per test, to read when a test fails.
        let log_path = data_dir.join("server.log");
        let log = std::fs::File::create(&log_path).expect("server log file");
        load_registry(&bin, &data_dir, &log);
        let (child, url) = spawn(&bin, &dist, &data_dir, "127.0.0.1:0", options);
        Server {
            url,
            log: log_path,
            bin,
            dist,
            data_dir,
            options: options.clone(),
            child,
        }
    }

    /// Creates a staff account (`account add-staff`) in the running server's database.
    pub fn add_staff(&self, staff: &Staff<'_>) {
        let mut command = Command::new(&self.bin);
        command
            .args(["account", "add-staff", "--role", staff.role])
            .args(["--email", staff.email, "--name", staff.name])
            .arg("--data-dir")
            .arg(&self.data_dir)
            .env("KLAIM_NEW_PASSWORD", staff.password);
        if let Some(nik) = staff.nik {
            command.args(["--nik", nik]);
        }
        let output = command
            .output()
            .unwrap_or_else(|e| panic!("could not run account add-staff: {e}"));
        assert!(
            output.status.success(),
            "account add-staff failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Stops the server: its port then refuses connections, as when the network is gone.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the stopped server again on the same address with the same data directory and
    /// options, as when the network comes back (or the server restarts after a crash).
    pub fn restart(&mut self) {
        self.stop();
        let listen = self.url.trim_start_matches("http://").to_owned();
        let (child, _) = spawn(
            &self.bin,
            &self.dist,
            &self.data_dir,
            &listen,
            &self.options,
        );
        self.child = child;
    }

    /// How many one-time codes the server has printed so far (to wait for the next one).
    pub fn codes_printed(&self) -> usize {
        code_lines(&self.log).len()
    }

    /// The code on the newest "one-time code" line, once there are more than `before` of them;
    /// waits up to 15 s (the outbox delivers in the background).
    pub async fn next_code(&self, before: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let lines = code_lines(&self.log);
            if lines.len() > before {
                let newest = lines.last().expect("a line");
                return last_six_digits(newest)
                    .unwrap_or_else(|| panic!("no 6-digit code in the log line {newest:?}"));
            }
            assert!(
                Instant::now() < deadline,
                "no new one-time code in {} within 15 s",
                self.log.display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Runs `klaim-server serve` on `listen`, its log appended to the data directory's
/// `server.log`; returns once it prints its address.
fn spawn(
    bin: &str,
    dist: &str,
    data_dir: &std::path::Path,
    listen: &str,
    options: &ServerOptions,
) -> (Child, String) {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(data_dir.join("server.log"))
        .expect("server log file");
    let mut child = Command::new(bin)
        .args(["serve", "--listen", listen, "--dist"])
        .arg(dist)
        .arg("--data-dir")
        .arg(data_dir)
        .env(
            "KLAIM_AUTO_APPROVE",
            if options.auto_approve { "on" } else { "off" },
        )
        .envs(options.env.iter().map(|(k, v)| (k, v)))
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {bin}: {e}"));
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(url) = line.strip_prefix("klaim-server listening on ") {
                    break url.trim().to_owned();
                }
            }
            _ => panic!("klaim-server exited before it was listening"),
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, url)
}

/// A staff account for [`Server::add_staff`].
pub struct Staff<'a> {
    /// `officer` or `admin`.
    pub role: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    /// The officer's own NIK: their own claims are never theirs to decide.
    pub nik: Option<&'a str>,
}

/// `registry generate`: the twelve demo personas and a few generated people, made for today (WIB,
/// the server's calendar) so that "resigned 95 days ago" holds.
fn load_registry(bin: &str, data_dir: &std::path::Path, log: &std::fs::File) {
    let today = crate::wib_today().to_iso();
    let status = Command::new(bin)
        .args([
            "registry", "generate", "--count", "20", "--seed", "1", "--today",
        ])
        .arg(&today)
        .arg("--data-dir")
        .arg(data_dir)
        .stdout(log.try_clone().expect("log handle"))
        .stderr(log.try_clone().expect("log handle"))
        .status()
        .unwrap_or_else(|e| panic!("could not run {bin} registry generate: {e}"));
    assert!(
        status.success(),
        "registry generate failed: see the server log"
    );
}

fn code_lines(log: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter(|line| line.contains("one-time code"))
        .map(str::to_owned)
        .collect()
}

/// The last run of exactly six digits in a line (`… code=123456`): tolerant of how the fields
/// around it are written; a timestamp's microseconds come first, so they never win.
pub fn last_six_digits(line: &str) -> Option<String> {
    line.split(|c: char| !c.is_ascii_digit())
        .rfind(|run| run.len() == 6)
        .map(str::to_owned)
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where screenshots and per-test data go (`target/e2e` under xtask).
pub fn output_dir() -> PathBuf {
    std::env::var_os("KLAIM_E2E_OUTPUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/e2e"))
}

fn required_env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the end-to-end tests through `cargo xtask test`, which builds the app and the server first")
    })
}

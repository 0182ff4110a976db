//! The real binary: announces its address, serves over TCP, stops cleanly on SIGTERM and SIGINT,
//! and refuses to start without a built app.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_klaim-server");
const PATIENCE: Duration = Duration::from_secs(20);

struct Server {
    child: Child,
    addr: String,
    log: std::path::PathBuf,
}

impl Server {
    fn start(tmp: &TempDir) -> Server {
        Server::start_logging(tmp, "info")
    }

    fn start_logging(tmp: &TempDir, level: &str) -> Server {
        let log = tmp.path().join("server.log");
        let mut child = Command::new(BIN)
            .args(["--listen", "127.0.0.1:0"])
            .arg("--dist")
            .arg(tmp.path().join("dist"))
            .arg("--data-dir")
            .arg(tmp.path().join("var"))
            .env("RUST_LOG", level)
            // The default SQLite file in the data directory, whatever the caller's environment says.
            .env_remove("DATABASE_URL")
            .env_remove("KLAIM_DOCUMENTS")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start klaim-server");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        // A reader thread, so that a server that never announces fails the test instead of hanging it.
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(PATIENCE)
            .expect("klaim-server announces its address");
        let addr = line
            .trim_end()
            .strip_prefix("klaim-server listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Server { child, addr, log }
    }

    /// The newest development code in the log (the outbox worker prints it within a second).
    fn wait_for_code(&self) -> String {
        let start = Instant::now();
        loop {
            let log = std::fs::read_to_string(&self.log).unwrap();
            let newest = log.lines().rev().find(|l| l.contains("one-time code"));
            if let Some(code) = newest.and_then(|l| l.split("code=").nth(1)) {
                return code.chars().take(6).collect();
            }
            assert!(start.elapsed() < PATIENCE, "no code in the log:\n{log}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn signal(&self, signal: libc::c_int) {
        let pid = libc::pid_t::try_from(self.child.id()).unwrap();
        // SAFETY: plain kill(2) on the child we spawned and still own.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0, "kill failed");
    }

    /// Waits for the exit; returns its status, how long it took, and what went to stderr.
    fn wait(mut self) -> (ExitStatus, Duration, String) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let stderr = std::fs::read_to_string(&self.log).unwrap();
                return (status, start.elapsed(), stderr);
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("klaim-server did not stop within {PATIENCE:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// One HTTP/1.1 exchange on `stream`; returns the status code and the body.
fn exchange(stream: &mut TcpStream, path: &str, close: bool) -> (u16, String) {
    let connection = if close { "close" } else { "keep-alive" };
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: {connection}\r\n\r\n"
    )
    .unwrap();
    read_reply(stream, &mut Vec::new())
}

/// A JSON call as the app makes it (with `X-Klaim-Request` and the cookie); collects
/// `Set-Cookie` values into `cookies`.
fn call(
    addr: &str,
    method: &str,
    path: &str,
    body: &str,
    cookies: &mut Vec<String>,
) -> (u16, String) {
    let mut stream = connect(addr);
    // Every cookie the server set, the newest value of each name, as a browser sends them.
    let mut jar: Vec<&str> = Vec::new();
    for c in cookies.iter().rev() {
        let name = c.split('=').next().unwrap_or_default();
        if !jar.iter().any(|k| k.split('=').next() == Some(name)) {
            jar.push(c);
        }
    }
    let cookie = if jar.is_empty() {
        String::new()
    } else {
        format!("Cookie: {}\r\n", jar.join("; "))
    };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\
         X-Klaim-Request: 1\r\nContent-Type: application/json\r\n{cookie}\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    read_reply(&mut stream, cookies)
}

fn read_reply(stream: &mut TcpStream, cookies: &mut Vec<String>) -> (u16, String) {
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line).unwrap();
    let status = status_line
        .split(' ')
        .nth(1)
        .expect("status code")
        .parse()
        .unwrap();
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap();
            } else if name.eq_ignore_ascii_case("set-cookie") {
                cookies.push(value.trim().split(';').next().unwrap().to_owned());
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (status, String::from_utf8(body).unwrap())
}

fn connect(addr: &str) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connect to klaim-server");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream
}

#[test]
fn serves_over_tcp_and_stops_cleanly_on_sigterm_and_sigint() {
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let tmp = common::dist();
        let server = Server::start(&tmp);
        assert!(
            tmp.path().join("var").is_dir(),
            "the data directory is created"
        );

        let (status, body) = exchange(
            &mut connect(&server.addr),
            "/api/v1/health?nik=3201234567890001",
            true,
        );
        assert_eq!(status, 200, "{body}");
        let health: klaim_core::api::Health = serde_json::from_str(&body).unwrap();
        assert_eq!(health.status, "ok");
        let (status, body) = exchange(&mut connect(&server.addr), "/klaim/baru", true);
        assert_eq!((status, body.as_str()), (200, common::INDEX_HTML));

        // An idle keep-alive connection must not hold the shutdown until the grace period ends.
        let mut idle = connect(&server.addr);
        assert_eq!(exchange(&mut idle, "/sw.js", false).0, 200);

        server.signal(signal);
        let (status, took, log) = server.wait();
        assert!(status.success(), "signal {signal}: exit {status:?}\n{log}");
        assert!(
            took < Duration::from_secs(5),
            "signal {signal}: stopping took {took:?}"
        );
        assert!(
            log.contains("/api/v1/health"),
            "requests are logged:\n{log}"
        );
        assert!(
            !log.contains("3201234567890001"),
            "query strings stay out of the log:\n{log}"
        );
        drop(idle);
    }
}

#[test]
fn refuses_to_start_without_the_built_app_and_says_how_to_build_it() {
    let tmp = TempDir::new("nodist");
    let output = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .arg("--dist")
        .arg(tmp.path().join("dist"))
        .arg("--data-dir")
        .arg(tmp.path().join("var"))
        .output()
        .expect("run klaim-server");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("cargo xtask run"), "{stderr}");
    assert!(stderr.contains("index.html"), "{stderr}");
    assert!(
        output.stdout.is_empty(),
        "nothing is announced: {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
}

/// A participant registers (the code read from the log, as a developer would), signs in and
/// reads their account; the log shows the code but none of their personal data.
#[test]
fn the_log_carries_the_development_code_but_no_personal_data() {
    let tmp = common::dist();
    let generate = Command::new(BIN)
        .args(["registry", "generate", "--count", "20", "--seed", "1"])
        .arg("--data-dir")
        .arg(tmp.path().join("var"))
        .env_remove("DATABASE_URL")
        .output()
        .expect("run registry generate");
    assert!(generate.status.success(), "{generate:?}");
    let person = &klaim_server::registry::personas::people(klaim_server::clock::today())[0];
    let server = Server::start_logging(&tmp, "debug");
    let addr = server.addr.clone();
    let birth = person.birth_date;
    let mut cookies = Vec::new();
    let body = serde_json::json!({
        "full_name": person.name.as_str(), "nik": person.nik.as_str(),
        "kpj": person.kpjs[0].kpj.as_str(), "birth_day": birth.day().to_string(),
        "birth_month": birth.month().to_string(), "birth_year": birth.year().to_string(),
        "password": "kopi tubruk pagi hari",
    });
    let (status, reply) = call(
        &addr,
        "POST",
        "/api/v1/registrations",
        &body.to_string(),
        &mut cookies,
    );
    assert_eq!(status, 201, "{reply}");
    let id = serde_json::from_str::<serde_json::Value>(&reply).unwrap()["registration_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, _) = call(
        &addr,
        "POST",
        &format!("/api/v1/registrations/{id}/code"),
        r#"{"channel":"sms"}"#,
        &mut cookies,
    );
    assert_eq!(status, 202);
    let code = server.wait_for_code();
    let (status, reply) = call(
        &addr,
        "POST",
        &format!("/api/v1/registrations/{id}/verify"),
        &format!(r#"{{"code":"{code}"}}"#),
        &mut cookies,
    );
    assert_eq!(status, 201, "{reply}");
    let login = format!(
        r#"{{"login":"{}","password":"wrong password"}}"#,
        person.nik.as_str()
    );
    assert_eq!(
        call(&addr, "POST", "/api/v1/sessions", &login, &mut cookies).0,
        401
    );
    let (status, me) = call(&addr, "GET", "/api/v1/me", "", &mut cookies);
    assert_eq!(status, 200);
    assert!(me.contains(person.name.as_str()));

    server.signal(libc::SIGTERM);
    let (_, _, log) = server.wait();
    assert!(
        log.contains("one-time code") && log.contains(&code),
        "{log}"
    );
    let phone = person.phone.as_ref().unwrap();
    let mut personal = vec![
        person.nik.as_str().to_owned(),
        person.name.as_str().to_owned(),
        person.kpjs[0].kpj.as_str().to_owned(),
        phone.e164(),
        phone.national(),
        id,
    ];
    personal.extend(person.email.as_ref().map(|e| e.as_str().to_owned()));
    for last_name in person.name.as_str().split(' ').filter(|w| w.len() > 3) {
        personal.push(last_name.to_owned());
    }
    for secret in personal {
        assert!(
            !log.contains(&secret),
            "{secret:?} appears in the log:\n{log}"
        );
    }
}

#[test]
fn staff_accounts_are_made_by_command_and_sign_in_by_e_mail() {
    let tmp = common::dist();
    let add = |email: &str, password: &str| {
        Command::new(BIN)
            .args([
                "account",
                "add-staff",
                "--email",
                email,
                "--name",
                "Rina Wulandari",
            ])
            .arg("--data-dir")
            .arg(tmp.path().join("var"))
            .env_remove("DATABASE_URL")
            .env("KLAIM_NEW_PASSWORD", password)
            .output()
            .expect("run account add-staff")
    };
    let made = add("rina@bpjs.example.id", "meja kayu di kantor cabang");
    assert!(made.status.success(), "{made:?}");
    let again = add("RINA@bpjs.example.id", "meja kayu di kantor cabang");
    assert!(!again.status.success());
    let weak = add("budi@bpjs.example.id", "password123");
    assert!(!weak.status.success());
    let stderr = String::from_utf8_lossy(&weak.stderr);
    assert!(
        stderr.contains("password:") && stderr.contains("guess"),
        "{stderr}"
    );

    let server = Server::start(&tmp);
    let mut cookies = Vec::new();
    let login = r#"{"login":"rina@bpjs.example.id","password":"meja kayu di kantor cabang"}"#;
    let (status, me) = call(
        &server.addr,
        "POST",
        "/api/v1/sessions",
        login,
        &mut cookies,
    );
    assert_eq!(status, 201, "{me}");
    assert!(me.contains("\"role\":\"officer\""), "{me}");
    server.signal(libc::SIGTERM);
    server.wait();
}

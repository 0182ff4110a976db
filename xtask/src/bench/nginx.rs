//! The ceiling: Debian's nginx serving the same bytes as a static file, a throw-away instance with
//! its own configuration in a temporary directory (nothing under /etc/nginx is read or written).

use std::net::SocketAddr;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use super::child::{Running, log_tail};
use super::http;

pub const NGINX: &str = "/usr/sbin/nginx";

/// A running nginx; stopped on drop (SIGTERM to the master, which stops its workers).
pub struct Nginx {
    pub addr: SocketAddr,
    _process: Running,
}

/// Serves `body` at `path` on a free loopback port, from files under `dir`.
pub fn start(dir: &Path, path: &str, body: &[u8]) -> anyhow::Result<Nginx> {
    let www = dir.join("www");
    std::fs::create_dir_all(&www)?;
    let file = www.join("answer.json");
    std::fs::write(&file, body)?;
    // Started as root, nginx's workers run as `nobody`: they must reach the file whatever the umask.
    for (p, mode) in [
        (dir, 0o755),
        (www.as_path(), 0o755),
        (file.as_path(), 0o644),
    ] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode))?;
    }
    let error_log = dir.join("error.log");
    // A free port can be taken between asking and binding; try a few.
    for _ in 0..5 {
        let port = crate::postgres::free_port()?;
        let conf = dir.join("nginx.conf");
        std::fs::write(&conf, config(dir, port, path, &file))?;
        let mut cmd = Command::new(NGINX);
        cmd.arg("-p")
            .arg(dir)
            .arg("-e")
            .arg(&error_log)
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut process = Running::spawn("nginx", &mut cmd, Duration::from_secs(10))?;
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        if wait_ready(&mut process, addr, path, body.len(), &error_log)? {
            println!("nginx (the ceiling) on {addr}, config {}", conf.display());
            return Ok(Nginx {
                addr,
                _process: process,
            });
        }
    }
    bail!(
        "nginx did not start on a free loopback port; its error log:\n{}",
        log_tail(&error_log, 20)
    )
}

/// One file, no logs per request, keep-alive like klaim-server's (no cap on requests per
/// connection), the same content type and cache header as the API's answer.
fn config(dir: &Path, port: u16, path: &str, file: &Path) -> String {
    let d = dir.display();
    format!(
        "daemon off;
master_process on;
worker_processes auto;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{
    worker_connections 1024;
}}
http {{
    access_log off;
    server_tokens off;
    keepalive_requests 1000000;
    client_body_temp_path {d}/tmp-body;
    proxy_temp_path {d}/tmp-proxy;
    fastcgi_temp_path {d}/tmp-fastcgi;
    uwsgi_temp_path {d}/tmp-uwsgi;
    scgi_temp_path {d}/tmp-scgi;
    server {{
        listen 127.0.0.1:{port};
        location = {path} {{
            default_type application/json;
            add_header Cache-Control no-store always;
            etag off;
            alias {file};
        }}
    }}
}}
",
        file = file.display()
    )
}

/// True once nginx answers with the file; false when it exited (port taken); an error after a
/// timeout or for a wrong answer.
fn wait_ready(
    process: &mut Running,
    addr: SocketAddr,
    path: &str,
    len: usize,
    error_log: &Path,
) -> anyhow::Result<bool> {
    let url = format!("http://{addr}{path}");
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if process.exited().is_some() {
            return Ok(false);
        }
        if let Ok(answer) = http::get(&url, None) {
            if answer.status != 200 || answer.body.len() != len {
                bail!(
                    "{url} answered {} with {} bytes, expected 200 with {len} (nginx's error log: {})",
                    answer.status,
                    answer.body.len(),
                    log_tail(error_log, 5)
                );
            }
            return Ok(true);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    bail!("nginx did not answer on {addr} within 15 s")
}

/// Debian's nginx, checked for a configuration we can run (`nginx -t` needs root for the
/// default file, so only the version).
pub fn version() -> anyhow::Result<String> {
    let out = Command::new(NGINX)
        .arg("-v")
        .output()
        .with_context(|| format!("could not start {NGINX}"))?;
    // `nginx -v` writes "nginx version: nginx/1.22.1" to stderr.
    let text = String::from_utf8_lossy(&out.stderr);
    Ok(text
        .trim()
        .strip_prefix("nginx version: ")
        .unwrap_or(text.trim())
        .to_owned())
}

//! The real klaim-server, on a free loopback port, with its own data directory.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

pub struct Server {
    pub url: String,
    child: Child,
}

impl Server {
    pub fn start(test_name: &str) -> Server {
        let bin = required_env("KLAIM_SERVER_BIN");
        let dist = required_env("KLAIM_DIST_DIR");
        let data_dir = output_dir().join("data").join(test_name);
        let _ = std::fs::remove_dir_all(&data_dir);
        std::fs::create_dir_all(&data_dir).expect("create the test's data directory");
        // The server's log goes to a file per test, to read when a test fails.
        let log = std::fs::File::create(data_dir.join("server.log")).expect("server log file");
        let mut child = Command::new(&bin)
            .args(["serve", "--listen", "127.0.0.1:0", "--dist"])
            .arg(&dist)
            .arg("--data-dir")
            .arg(&data_dir)
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
        Server { url, child }
    }
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

//! Debian's `wrk` as the load generator (a second process, so the server under test does not share
//! its runtime with the client), and the figures read from its report.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::{Value, json};

pub const WRK: &str = "/usr/bin/wrk";

/// One wrk run: `-t threads -c connections -d seconds --latency`, extra headers, maybe a Lua script.
pub struct Load<'a> {
    pub url: &'a str,
    pub threads: u32,
    pub connections: u32,
    pub seconds: u32,
    pub headers: &'a [String],
    pub script: Option<&'a Path>,
}

impl Load<'_> {
    pub fn describe(&self) -> String {
        format!(
            "wrk -t{} -c{} -d{}s --latency",
            self.threads, self.connections, self.seconds
        )
    }

    /// Runs wrk and reads its report; wrk failing or printing no figures is an error.
    pub fn run(&self) -> anyhow::Result<Figures> {
        let mut cmd = Command::new(WRK);
        cmd.arg(format!("-t{}", self.threads))
            .arg(format!("-c{}", self.connections))
            .arg(format!("-d{}s", self.seconds))
            .arg("--latency");
        for header in self.headers {
            cmd.arg("-H").arg(header);
        }
        if let Some(script) = self.script {
            cmd.arg("-s").arg(script);
        }
        cmd.arg(self.url);
        let out = cmd
            .output()
            .with_context(|| format!("could not start {WRK}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            bail!(
                "`{} {}` failed ({}):\n{stdout}{}",
                self.describe(),
                self.url,
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        parse(&stdout).with_context(|| format!("reading wrk's report:\n{stdout}"))
    }
}

/// `wrk --version` prints its banner (and exits 1): "wrk debian/4.1.0-3+b2 [epoll] Copyright …".
pub fn version() -> String {
    let out = Command::new(WRK).arg("--version").output();
    let text = out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    text.ok()
        .and_then(|t| {
            let first = t.lines().next()?.to_owned();
            Some(first.split(" Copyright").next()?.trim().to_owned())
        })
        .unwrap_or_else(|| "wrk".to_owned())
}

/// What one run measured. Latencies in milliseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub requests_per_sec: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub requests: u64,
    /// "Non-2xx or 3xx responses" (absent from the report when zero).
    pub non_2xx: u64,
    /// connect + read + write + timeout errors ("Socket errors", absent when none).
    pub socket_errors: u64,
}

impl Figures {
    pub fn to_json(&self) -> Value {
        json!({
            "requests_per_sec": round(self.requests_per_sec, 1),
            "p50_ms": round(self.p50_ms, 3),
            "p99_ms": round(self.p99_ms, 3),
            "requests": self.requests,
            "non_2xx": self.non_2xx,
            "socket_errors": self.socket_errors,
        })
    }
}

pub fn round(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

/// Reads wrk 4.1's report (`--latency`), for example:
///
/// ```text
///   Latency Distribution
///      50%  774.00us
///      99%   10.94ms
///   191373 requests in 3.02s, 141.99MB read
///   Non-2xx or 3xx responses: 12
/// Requests/sec:  63466.56
/// ```
pub fn parse(report: &str) -> anyhow::Result<Figures> {
    let mut requests_per_sec = None;
    let mut p50 = None;
    let mut p99 = None;
    let mut requests = None;
    let mut non_2xx = 0;
    let mut socket_errors = 0;
    for line in report.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("Requests/sec:") {
            requests_per_sec = Some(
                rest.trim()
                    .parse::<f64>()
                    .with_context(|| format!("Requests/sec: {rest}"))?,
            );
        } else if let Some(rest) = line.strip_prefix("50%") {
            p50 = Some(duration_ms(rest.trim())?);
        } else if let Some(rest) = line.strip_prefix("99%") {
            p99 = Some(duration_ms(rest.trim())?);
        } else if let Some(rest) = line.strip_prefix("Non-2xx or 3xx responses:") {
            non_2xx = rest.trim().parse().context("Non-2xx or 3xx responses")?;
        } else if let Some(rest) = line.strip_prefix("Socket errors:") {
            // "connect 0, read 0, write 0, timeout 12"
            for part in rest.split(',') {
                let count = part.split_whitespace().nth(1).unwrap_or("0");
                socket_errors += count.parse::<u64>().context("Socket errors")?;
            }
        } else if let Some((count, _)) = line.split_once(" requests in ") {
            requests = Some(count.trim().parse().context("N requests in")?);
        }
    }
    Ok(Figures {
        requests_per_sec: requests_per_sec.context("no `Requests/sec:` line")?,
        p50_ms: p50.context("no `50%` latency line (was --latency given?)")?,
        p99_ms: p99.context("no `99%` latency line (was --latency given?)")?,
        requests: requests.context("no `N requests in` line")?,
        non_2xx,
        socket_errors,
    })
}

/// wrk prints times as `774.00us`, `1.41ms`, `2.00s`, `1.50m`, `1.00h`.
fn duration_ms(text: &str) -> anyhow::Result<f64> {
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .with_context(|| format!("`{text}` has no unit"))?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number
        .parse()
        .with_context(|| format!("`{text}` is not a time"))?;
    let scale = match unit.trim() {
        "us" => 0.001,
        "ms" => 1.0,
        "s" => 1000.0,
        "m" => 60_000.0,
        "h" => 3_600_000.0,
        other => bail!("unknown time unit `{other}` in `{text}`"),
    };
    Ok(number * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Captured from Debian's wrk 4.1.0 against nginx on this project's bench machine.
    const PLAIN: &str = "Running 3s test @ http://127.0.0.1:18089/api/v1/me
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.41ms    2.64ms  45.68ms   94.35%
    Req/Sec    31.97k     7.69k   44.41k    71.67%
  Latency Distribution
     50%  774.00us
     75%    1.41ms
     90%    2.92ms
     99%   10.94ms
  191373 requests in 3.02s, 141.99MB read
Requests/sec:  63466.56
Transfer/sec:     47.09MB
";

    /// A POST script answered with errors: wrk adds the non-2xx count.
    const NON_2XX: &str = "Running 2s test @ http://127.0.0.1:18089/api/v1/me
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   155.57us  447.37us   5.43ms   95.65%
    Req/Sec    46.26k     5.04k   51.37k    85.00%
  Latency Distribution
     50%   67.00us
     75%   81.00us
     90%  109.00us
     99%    2.70ms
  91914 requests in 2.00s, 27.52MB read
  Non-2xx or 3xx responses: 91914
Requests/sec:  45944.59
Transfer/sec:     13.76MB
";

    /// Slow answers (seconds) and socket errors, as a saturated password hasher gives.
    const SLOW: &str = "Running 5s test @ http://127.0.0.1:40000/api/v1/sessions
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.02s   120.50ms   1.99s    80.00%
    Req/Sec     3.10      2.00     10.00     70.00%
  Latency Distribution
     50%  980.12ms
     75%    1.05s
     90%    1.20s
     99%    1.98s
  40 requests in 5.01s, 30.12KB read
  Socket errors: connect 0, read 1, write 0, timeout 2
Requests/sec:      7.98
Transfer/sec:      6.01KB
";

    #[test]
    fn reads_a_plain_report() {
        let f = parse(PLAIN).unwrap();
        assert_eq!(f.requests_per_sec, 63466.56);
        assert!((f.p50_ms - 0.774).abs() < 1e-9, "{f:?}");
        assert!((f.p99_ms - 10.94).abs() < 1e-9, "{f:?}");
        assert_eq!((f.requests, f.non_2xx, f.socket_errors), (191373, 0, 0));
    }

    #[test]
    fn reads_the_non_2xx_count() {
        let f = parse(NON_2XX).unwrap();
        assert_eq!(f.non_2xx, 91914);
        assert!((f.p50_ms - 0.067).abs() < 1e-9, "{f:?}");
        assert!((f.p99_ms - 2.7).abs() < 1e-9, "{f:?}");
    }

    #[test]
    fn reads_seconds_and_socket_errors() {
        let f = parse(SLOW).unwrap();
        assert_eq!(f.requests_per_sec, 7.98);
        assert!((f.p50_ms - 980.12).abs() < 1e-9, "{f:?}");
        assert!((f.p99_ms - 1980.0).abs() < 1e-9, "{f:?}");
        assert_eq!((f.requests, f.socket_errors), (40, 3));
    }

    #[test]
    fn reads_every_time_unit() {
        assert_eq!(duration_ms("250.00us").unwrap(), 0.25);
        assert_eq!(duration_ms("3.00ms").unwrap(), 3.0);
        assert_eq!(duration_ms("1.50s").unwrap(), 1500.0);
        assert_eq!(duration_ms("2.00m").unwrap(), 120_000.0);
        assert_eq!(duration_ms("1.00h").unwrap(), 3_600_000.0);
        assert!(duration_ms("12").is_err());
        assert!(duration_ms("1.0parsecs").is_err());
    }

    #[test]
    fn a_report_without_latency_lines_is_an_error() {
        let without: String = PLAIN
            .lines()
            .filter(|l| !l.contains('%') || l.contains("Stdev"))
            .map(|l| format!("{l}\n"))
            .collect();
        let err = parse(&without).unwrap_err().to_string();
        assert!(err.contains("50%"), "{err}");
        assert!(parse("").is_err());
    }
}

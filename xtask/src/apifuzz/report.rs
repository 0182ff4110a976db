//! What one role's run found: the requests and 5xx answers in the server's log, and the failures
//! schemathesis reported per check (its JSON report, `--report json`).

use std::path::Path;

use anyhow::Context;
use serde_json::{Value, json};

/// One failed check, as schemathesis groups them: its code (`ST103`), title and how many times.
pub struct CheckFailure {
    pub code: String,
    pub title: String,
    pub count: u64,
    pub operations: Vec<String>,
}

pub struct RoleReport {
    pub role: &'static str,
    /// HTTP requests the server answered during the run (its request log).
    pub requests: u64,
    /// Answers with a 5xx status among them.
    pub server_errors: u64,
    /// Test cases schemathesis generated (a case may make more than one request).
    pub test_cases: u64,
    pub failures: Vec<CheckFailure>,
    /// Errors schemathesis met itself (unreachable server, schema it cannot read, …).
    pub errors: Vec<String>,
    /// Times the run signed in again after ending its own session.
    pub sign_ins_again: u64,
    /// `--max-examples` given, per operation.
    pub max_examples: u32,
    pub seconds: f64,
}

impl RoleReport {
    /// No server error, no failed check, no error of the run itself.
    pub fn clean(&self) -> bool {
        self.server_errors == 0 && self.failures.is_empty() && self.errors.is_empty()
    }

    pub fn failure_count(&self) -> u64 {
        self.failures.iter().map(|f| f.count).sum()
    }

    pub fn to_json(&self) -> Value {
        json!({
            "role": self.role,
            "requests": self.requests,
            "server_errors": self.server_errors,
            "test_cases": self.test_cases,
            "max_examples": self.max_examples,
            "signed_in_again": self.sign_ins_again,
            "seconds": (self.seconds * 10.0).round() / 10.0,
            "failures": self.failures.iter().map(|f| json!({
                "check": f.code,
                "title": f.title,
                "count": f.count,
                "operations": f.operations,
            })).collect::<Vec<Value>>(),
            "errors": self.errors,
        })
    }
}

/// What the JSON report says: test cases, failures per check, errors.
pub struct StReport {
    pub test_cases: u64,
    /// Times the run signed in again after a 401 (it ended its own session).
    pub sign_ins_again: u64,
    pub failures: Vec<CheckFailure>,
    pub errors: Vec<String>,
}

pub fn read_st_report(path: &Path) -> anyhow::Result<StReport> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("schemathesis wrote no report at {}", path.display()))?;
    parse_st_report(&text).with_context(|| format!("reading {}", path.display()))
}

fn parse_st_report(text: &str) -> anyhow::Result<StReport> {
    let doc: Value = serde_json::from_str(text).context("not JSON")?;
    let test_cases = doc["test_cases"]["generated"]
        .as_u64()
        .context("no test_cases.generated")?;
    let failures = doc["failures"]
        .as_array()
        .context("no failures list")?
        .iter()
        .map(|f| CheckFailure {
            code: f["code"].as_str().unwrap_or("?").to_owned(),
            title: f["title"].as_str().unwrap_or("?").to_owned(),
            count: f["count"].as_u64().unwrap_or(1),
            operations: f["operations"]
                .as_array()
                .map(|ops| {
                    ops.iter()
                        .filter_map(|o| o.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    let mut errors: Vec<String> = doc["errors"]
        .as_array()
        .context("no errors list")?
        .iter()
        .map(|e| format!("{} ×{}", e["title"].as_str().unwrap_or("?"), e["count"]))
        .collect();
    // A sign-in that failed mid-run leaves the rest of the run without a session.
    if doc["auth"]["reauth_broke"].as_bool() == Some(true) {
        errors.push("signing in again during the run failed".to_owned());
    }
    if doc["complete"].as_bool() != Some(true) {
        errors.push(format!(
            "the run did not finish (stop reason {})",
            doc["stop_reason"]
        ));
    }
    Ok(StReport {
        test_cases,
        sign_ins_again: doc["auth"]["reauth_count"].as_u64().unwrap_or(0),
        failures,
        errors,
    })
}

/// Requests and 5xx answers in the server's log after byte `offset`: one `finished processing
/// request … status=NNN` line per answer (tower-http's trace layer at info).
pub fn count_answers(log: &Path, offset: u64) -> anyhow::Result<(u64, u64)> {
    let bytes = std::fs::read(log).with_context(|| format!("read {}", log.display()))?;
    let start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    Ok(count_answer_lines(&String::from_utf8_lossy(
        &bytes[start..],
    )))
}

fn count_answer_lines(text: &str) -> (u64, u64) {
    let mut requests = 0;
    let mut server_errors = 0;
    for line in text
        .lines()
        .filter(|l| l.contains("finished processing request"))
    {
        requests += 1;
        let status = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("status="))
            .and_then(|s| s.parse::<u16>().ok());
        if status.is_none_or(|s| s >= 500) {
            server_errors += 1;
        }
    }
    (requests, server_errors)
}

/// The summary table.
pub fn print(reports: &[RoleReport]) {
    println!("\nAPI fuzzing (schemathesis, all checks)");
    println!(
        "{:<12} {:>9} {:>11} {:>13} {:>9} {:>8}",
        "role", "requests", "test cases", "server errors", "failures", "seconds"
    );
    for r in reports {
        println!(
            "{:<12} {:>9} {:>11} {:>13} {:>9} {:>8.1}",
            r.role,
            r.requests,
            r.test_cases,
            r.server_errors,
            r.failure_count(),
            r.seconds
        );
        for f in &r.failures {
            println!(
                "  {} {} ×{}: {}",
                f.code,
                f.title,
                f.count,
                f.operations.join(", ")
            );
        }
        for e in &r.errors {
            println!("  error: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_answers_and_server_errors_in_the_request_log() {
        let log = "\
2026-11-24T10:00:00Z  INFO request{method=GET path=/api/v1/me}: tower_http::trace::on_response: finished processing request latency=120 μs status=200
2026-11-24T10:00:00Z  INFO klaim::delivery: one-time code kind=registration_code
2026-11-24T10:00:01Z ERROR request{method=POST path=/api/v1/claims/*}: tower_http::trace::on_failure: response failed classification=Status code: 500 Internal Server Error latency=3 ms
2026-11-24T10:00:01Z  INFO request{method=POST path=/api/v1/claims/*}: tower_http::trace::on_response: finished processing request latency=3000 μs status=500
2026-11-24T10:00:02Z  INFO request{method=GET path=/api/v1/notifications}: tower_http::trace::on_response: finished processing request latency=90 μs status=401
";
        assert_eq!(count_answer_lines(log), (3, 1));
    }

    #[test]
    fn reads_failures_per_check_from_the_json_report() {
        let report = r#"{
            "complete": true, "stop_reason": "completed",
            "test_cases": { "generated": 812, "with_failures": 3 },
            "failures": [
                { "type": "UndefinedStatusCode", "code": "ST103", "title": "Undocumented HTTP status code",
                  "severity": "medium", "count": 2, "operations": ["GET /api/v1/me"] }
            ],
            "errors": [ { "title": "Network Error", "count": 1 } ],
            "auth": { "reauth_count": 2, "reauth_broke": false }
        }"#;
        let parsed = parse_st_report(report).unwrap();
        assert_eq!(parsed.test_cases, 812);
        assert_eq!(parsed.failures.len(), 1);
        assert_eq!(parsed.failures[0].code, "ST103");
        assert_eq!(parsed.failures[0].count, 2);
        assert_eq!(parsed.failures[0].operations, ["GET /api/v1/me"]);
        assert_eq!(parsed.errors, ["Network Error ×1"]);
        assert_eq!(parsed.sign_ins_again, 2);

        let unfinished = r#"{ "complete": false, "stop_reason": "error",
            "test_cases": { "generated": 0 }, "failures": [], "errors": [],
            "auth": { "reauth_count": 0, "reauth_broke": true } }"#;
        assert_eq!(parse_st_report(unfinished).unwrap().errors.len(), 2);
    }
}

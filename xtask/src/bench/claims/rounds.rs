//! Closed-loop load from N client threads: in each round every client sends one request and all
//! start together (a barrier), so N requests are in flight at once; the next round starts when
//! the last one is answered. Latencies are per request, measured by the client.

use std::collections::BTreeMap;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::super::wrk::round;

/// What one request came to.
pub struct Outcome {
    pub status: u16,
    /// The status the bench expected (201 for a new claim, 200 for a retry).
    pub expected: bool,
    /// The first words of an unexpected answer, for the report.
    pub note: Option<String>,
}

/// One request as the client saw it.
struct Timed {
    start: Instant,
    end: Instant,
    outcome: anyhow::Result<Outcome>,
}

/// Every request's latency and outcome, and the wall time of all rounds.
pub struct Run {
    pub latencies: Vec<Duration>,
    pub statuses: BTreeMap<u16, u64>,
    pub unexpected: u64,
    pub first_unexpected: Option<String>,
    pub wall: Duration,
    pub requests: usize,
}

/// Runs `rounds` rounds over `clients` threads; `request(client, round)` returns `None` when that
/// client has nothing to send in that round.
pub fn run<F>(clients: usize, rounds: usize, request: F) -> Run
where
    F: Fn(usize, usize) -> Option<anyhow::Result<Outcome>> + Sync,
{
    let barrier = Barrier::new(clients);
    let results: Vec<Vec<Timed>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|client| {
                let (barrier, request) = (&barrier, &request);
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    for r in 0..rounds {
                        barrier.wait();
                        let start = Instant::now();
                        if let Some(outcome) = request(client, r) {
                            let end = Instant::now();
                            mine.push(Timed {
                                start,
                                end,
                                outcome,
                            });
                        }
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a client thread panicked"))
            .collect()
    });
    let all: Vec<_> = results.into_iter().flatten().collect();
    let wall = match (
        all.iter().map(|r| r.start).min(),
        all.iter().map(|r| r.end).max(),
    ) {
        (Some(first), Some(last)) => last - first,
        _ => Duration::ZERO,
    };
    let mut run = Run {
        latencies: Vec::with_capacity(all.len()),
        statuses: BTreeMap::new(),
        unexpected: 0,
        first_unexpected: None,
        wall,
        requests: all.len(),
    };
    for Timed {
        start,
        end,
        outcome,
    } in all
    {
        run.latencies.push(end - start);
        match outcome {
            Ok(outcome) => {
                *run.statuses.entry(outcome.status).or_default() += 1;
                if !outcome.expected {
                    run.unexpected += 1;
                    run.first_unexpected = run.first_unexpected.or(outcome.note);
                }
            }
            Err(e) => {
                *run.statuses.entry(0).or_default() += 1;
                run.unexpected += 1;
                run.first_unexpected = run.first_unexpected.or(Some(format!("{e:#}")));
            }
        }
    }
    run.latencies.sort();
    run
}

impl Run {
    /// The latency below which `p` of the requests were answered (nearest rank).
    pub fn percentile(&self, p: f64) -> Duration {
        percentile(&self.latencies, p)
    }

    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.wall.as_secs_f64().max(1e-9)
    }

    pub fn to_json(&self) -> Value {
        let ms = |d: Duration| round(d.as_secs_f64() * 1000.0, 2);
        let statuses: BTreeMap<String, u64> = self
            .statuses
            .iter()
            .map(|(s, n)| {
                (
                    if *s == 0 {
                        "error".to_owned()
                    } else {
                        s.to_string()
                    },
                    *n,
                )
            })
            .collect();
        json!({
            "requests": self.requests,
            "p50_ms": ms(self.percentile(0.50)),
            "p99_ms": ms(self.percentile(0.99)),
            "max_ms": ms(self.latencies.last().copied().unwrap_or_default()),
            "per_second": round(self.per_second(), 1),
            "wall_seconds": round(self.wall.as_secs_f64(), 3),
            "statuses": statuses,
            "unexpected": self.unexpected,
        })
    }

    /// Says loudly when answers were not the expected ones: a bench reports, it does not fail.
    pub fn warn(&self, what: &str) {
        if self.unexpected > 0 {
            println!(
                "WARNING: {what}: {} of {} answers were not the expected status (statuses {:?}); first: {}",
                self.unexpected,
                self.requests,
                self.statuses,
                self.first_unexpected.as_deref().unwrap_or("?")
            );
        }
    }
}

/// Nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&values, 0.5), Duration::from_millis(50));
        assert_eq!(percentile(&values, 0.99), Duration::from_millis(99));
        assert_eq!(percentile(&values[..20], 0.99), Duration::from_millis(20));
        assert_eq!(percentile(&[], 0.5), Duration::ZERO);
    }

    #[test]
    fn every_client_runs_every_round_together() {
        let run = run(4, 3, |client, round| {
            (client != 3 || round == 0).then(|| {
                Ok(Outcome {
                    status: if client == 0 { 500 } else { 201 },
                    expected: client != 0,
                    note: (client == 0).then(|| "boom".to_owned()),
                })
            })
        });
        assert_eq!(run.requests, 3 * 3 + 1);
        assert_eq!(run.statuses[&201], 7);
        assert_eq!(run.unexpected, 3);
        assert_eq!(run.first_unexpected.as_deref(), Some("boom"));
    }
}

//! One simulated participant: signs in, then thinks and acts until the time is up; submits its
//! claim once. Every request timed and its answer checked.

use std::time::{Duration, Instant};

use serde_json::json;

use super::super::claims::client::{Client, random_source};
use super::super::claims::documents::Document;
use super::super::crash::clients::Work;
use super::super::http::{self, Answer};
use super::super::klaim::PASSWORD;

/// Between two actions.
const THINK_MS: (u64, u64) = (1000, 4000);

pub struct Participant<'a> {
    pub base: &'a str,
    pub nik: &'a str,
    pub work: &'a Work,
    pub document: &'a Document,
    pub started: Instant,
    pub duration: Duration,
}

/// One request as the participant saw it.
pub struct Request {
    pub kind: &'static str,
    /// When it was sent, since the run started.
    pub at: Duration,
    pub latency: Duration,
    /// Why the answer was not the one the API promises.
    pub unexpected: Option<String>,
}

impl Participant<'_> {
    pub fn run(&self) -> Vec<Request> {
        let mut random = random_source();
        let mut between = move |(low, high): (u64, u64)| low + random() % (high - low + 1);
        let client = Client::new(self.base);
        let mut done = Vec::new();
        // Not all at once: people arrive over the first think time.
        std::thread::sleep(Duration::from_millis(between((0, THINK_MS.1))));
        let mut cookie = self.sign_in(&mut done);
        // In the middle 80% of the run.
        let submit_at = self
            .duration
            .mul_f64(0.1 + 0.8 * (between((0, 1000)) as f64 / 1000.0));
        let mut submitted = false;
        loop {
            std::thread::sleep(Duration::from_millis(between(THINK_MS)));
            let now = self.started.elapsed();
            if now >= self.duration {
                break;
            }
            let Some(session) = cookie.clone() else {
                cookie = self.sign_in(&mut done);
                continue;
            };
            if !submitted && now >= submit_at {
                self.submit(&client, &session, &mut done);
                submitted = true;
                continue;
            }
            let claim = format!("/api/v1/claims/{}", self.work.claim_id);
            match between((0, 99)) {
                0..40 => self.timed(&mut done, "claims_list", 200, || {
                    client.get("/api/v1/claims", &session)
                }),
                40..65 => self.timed(&mut done, "profile", 200, || {
                    client.get("/api/v1/me", &session)
                }),
                65..85 if submitted => {
                    self.timed(&mut done, "claim", 200, || client.get(&claim, &session))
                }
                65..85 => self.timed(&mut done, "documents", 200, || {
                    client.get("/api/v1/documents", &session)
                }),
                85..95 => self.timed(&mut done, "notifications", 200, || {
                    client.get("/api/v1/notifications", &session)
                }),
                _ => {
                    self.timed(&mut done, "sign_out", 204, || {
                        client.delete("/api/v1/sessions/current", &session)
                    });
                    cookie = self.sign_in(&mut done);
                }
            }
        }
        done
    }

    /// `POST /api/v1/sessions` with the NIK and password; the session cookie.
    fn sign_in(&self, done: &mut Vec<Request>) -> Option<String> {
        let url = format!("{}/api/v1/sessions", self.base);
        let body = json!({ "login": self.nik, "password": PASSWORD });
        let mut cookie = None;
        self.timed(done, "sign_in", 201, || {
            let answer = http::post_json(&url, &body)?;
            cookie = answer.cookie("klaim_session");
            Ok(answer)
        });
        cookie
    }

    /// The documents, then the claim, as the outbox sends them.
    fn submit(&self, client: &Client, cookie: &str, done: &mut Vec<Request>) {
        for (kind, id) in &self.work.documents {
            self.timed(done, "upload", 201, || {
                client.upload(id, *kind, self.document, cookie)
            });
        }
        let path = format!("/api/v1/claims/{}", self.work.claim_id);
        self.timed(done, "submit_claim", 201, || {
            client.put_json(&path, &self.work.body, cookie)
        });
    }

    fn timed(
        &self,
        done: &mut Vec<Request>,
        kind: &'static str,
        expected: u16,
        request: impl FnOnce() -> anyhow::Result<Answer>,
    ) {
        let at = self.started.elapsed();
        let sent = Instant::now();
        let answer = request();
        let latency = sent.elapsed();
        let unexpected = match answer {
            Ok(a) if a.status == expected => None,
            Ok(a) => Some(format!(
                "{} {}",
                a.status,
                a.text().chars().take(200).collect::<String>()
            )),
            Err(e) => Some(format!("{e:#}")),
        };
        done.push(Request {
            kind,
            at,
            latency,
            unexpected,
        });
    }
}

//! The clients: each claim delivered as the app's outbox delivers it, every request repeated
//! until the server answers it, through server kills.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use klaim_core::api::claim::{AttachedDocument, ClaimSubmission};
use klaim_core::claim::{DocumentKind, Reference};
use serde_json::Value;

use super::super::claims::client::{Client, random_source, uuid};
use super::super::claims::documents::Document;
use super::super::claims::parallel;
use super::super::claims::plan::Plan;
use super::super::claims::signup::Account;
use super::super::http::Answer;
use super::CLIENTS;

/// How long one request may keep failing before the claim counts as failed.
const GIVE_UP: Duration = Duration::from_secs(120);
const PAUSE: Duration = Duration::from_millis(100);

/// One claim to deliver: ids made on the client, as the app makes them.
pub struct Work {
    pub cookie: String,
    pub claim_id: String,
    pub documents: Vec<(DocumentKind, String)>,
    pub body: String,
}

/// A claim the server confirmed to the client.
#[derive(Clone, Debug)]
pub struct Confirmed {
    pub cookie: String,
    pub claim_id: String,
    pub reference: String,
    pub document_ids: Vec<String>,
}

pub struct Sent {
    pub confirmed: Vec<Confirmed>,
    pub failed: Vec<String>,
    pub documents: u64,
    pub requests: u64,
    pub retries: u64,
}

pub fn prepare(ready: &[(Account, Plan)]) -> Vec<Work> {
    let mut random = random_source();
    ready
        .iter()
        .map(|(account, plan)| {
            let documents: Vec<(DocumentKind, String)> = plan
                .documents
                .iter()
                .map(|kind| (*kind, uuid(&mut random)))
                .collect();
            let submission = ClaimSubmission {
                rules_version: klaim_core::RULES_VERSION.to_owned(),
                answers: plan.answers.clone(),
                documents: documents
                    .iter()
                    .map(|(kind, id)| AttachedDocument {
                        kind: *kind,
                        document_id: id.clone(),
                    })
                    .collect(),
            };
            Work {
                cookie: account.cookie.clone(),
                claim_id: uuid(&mut random),
                documents,
                body: serde_json::to_string(&submission).expect("a submission serialises"),
            }
        })
        .collect()
}

/// Delivers every claim with [`CLIENTS`] at once; requests go to any of `bases` at random.
pub fn send_all(work: &[Work], bases: &[String], document: &Document) -> Sent {
    let requests = AtomicU64::new(0);
    let retries = AtomicU64::new(0);
    let failed = Mutex::new(Vec::new());
    let counters = Counters {
        requests: &requests,
        retries: &retries,
    };
    let outcomes = parallel(work, CLIENTS, |w| {
        let clients: Vec<Client> = bases.iter().map(|b| Client::new(b)).collect();
        deliver(w, &clients, document, &counters)
    });
    let mut confirmed = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok(c) => confirmed.push(c),
            Err(why) => failed.lock().expect("not poisoned").push(why),
        }
    }
    Sent {
        confirmed,
        failed: failed.into_inner().expect("not poisoned"),
        documents: work.iter().map(|w| w.documents.len() as u64).sum(),
        requests: requests.into_inner(),
        retries: retries.into_inner(),
    }
}

struct Counters<'a> {
    requests: &'a AtomicU64,
    retries: &'a AtomicU64,
}

fn deliver(
    work: &Work,
    clients: &[Client],
    document: &Document,
    counters: &Counters,
) -> Result<Confirmed, String> {
    let mut random = random_source();
    let mut any = || &clients[(random() % clients.len() as u64) as usize];
    for (kind, id) in &work.documents {
        let what = format!("upload of {}", kind.as_str());
        until_answered(&what, counters, || {
            any().upload(id, *kind, document, &work.cookie)
        })
        .and_then(|a| match a.status {
            200 | 201 => Ok(()),
            _ => Err(format!("{what}: {} {}", a.status, a.text())),
        })?;
    }
    let path = format!("/api/v1/claims/{}", work.claim_id);
    let answer = until_answered("claim", counters, || {
        any().put_json(&path, &work.body, &work.cookie)
    })?;
    let reference = serde_json::from_slice::<Value>(&answer.body)
        .ok()
        .and_then(|v| v["reference"].as_str().map(str::to_owned))
        .filter(|r| Reference::parse(r).is_some());
    match (answer.status, reference) {
        (200 | 201, Some(reference)) => Ok(Confirmed {
            cookie: work.cookie.clone(),
            claim_id: work.claim_id.clone(),
            reference,
            document_ids: work.documents.iter().map(|(_, id)| id.clone()).collect(),
        }),
        (status, _) => Err(format!("claim: {status} {}", answer.text())),
    }
}

/// Repeats `request` while the server cannot answer it (no connection, a broken answer, a 5xx,
/// or an upload of the same id still marked under way); the first real answer otherwise.
fn until_answered(
    what: &str,
    counters: &Counters,
    mut request: impl FnMut() -> anyhow::Result<Answer>,
) -> Result<Answer, String> {
    let started = Instant::now();
    loop {
        counters.requests.fetch_add(1, Ordering::Relaxed);
        let last = match request() {
            Ok(a) if a.status >= 500 => format!("{} {}", a.status, a.text()),
            Ok(a) if a.status == 409 && a.text().contains("document.upload_in_progress") => {
                "409 document.upload_in_progress".to_owned()
            }
            Ok(a) => return Ok(a),
            Err(e) => format!("{e:#}"),
        };
        if started.elapsed() > GIVE_UP {
            return Err(format!(
                "{what}: no answer within {GIVE_UP:?}; last: {last}"
            ));
        }
        counters.retries.fetch_add(1, Ordering::Relaxed);
        std::thread::sleep(PAUSE);
    }
}

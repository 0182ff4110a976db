//! Claim submissions at 64 concurrent clients: registry people signed up in batches until there
//! are enough who can make a claim today, their documents uploaded, then every client submits
//! one claim per round with all 64 in flight at once; then the same claims again (same id, same
//! body), which the server answers from the stored claim.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{Context, bail};
use klaim_core::Date;
use klaim_core::api::claim::{AttachedDocument, ClaimSubmission};
use klaim_core::claim::{ClaimFacts, Reference};
use serde_json::{Value, json};

use super::super::klaim::{Klaim, PERSONA_NIK};
use super::super::wrk::round;
use super::client::{Client, random_source, uuid};
use super::documents::Document;
use super::parallel;
use super::plan::{self, Plan};
use super::population::Person;
use super::rounds::{self, Outcome, ms};
use super::signup::{self, Account, Addresses, PER_ADDRESS};

/// The figure: 64 concurrent clients.
pub const CLIENTS: usize = 64;
/// Rounds of new claims: each needs 64 more eligible people.
pub const ROUNDS: usize = 3;
/// Rounds of retries of the claims just made (no new people needed).
const RETRY_ROUNDS: usize = 20;
/// The supporting documents: about a photo re-encoded by the app.
const DOCUMENT_BYTES: usize = 150_000;
const SETUP_WORKERS: usize = 4;

/// One claim ready to send.
pub struct Prepared {
    pub cookie: String,
    pub claim_id: String,
    pub body: String,
    pub label: String,
}

pub fn measure(
    server: &Klaim,
    people: &[Person],
    addresses: &mut Addresses,
    today: Date,
    name: &str,
) -> anyhow::Result<Value> {
    let want = CLIENTS * ROUNDS;
    let setup = Instant::now();
    let Eligible {
        mut ready,
        signed_up,
        refused,
        not_eligible,
    } = eligible(server, people, addresses, today, want)?;
    let eligible = ready.len();
    let rounds = (eligible / CLIENTS).min(ROUNDS);
    if rounds == 0 {
        bail!(
            "only {} of {} people signed up can make a claim today; {CLIENTS} are needed (why not: {not_eligible:?})",
            ready.len(),
            signed_up
        );
    }
    ready.truncate(rounds * CLIENTS);

    let document = Document::pdf(DOCUMENT_BYTES, 7);
    let prepared: Vec<Prepared> = parallel(&ready, SETUP_WORKERS, |(account, plan)| {
        prepare(server, &account.cookie, plan, &document)
    })
    .into_iter()
    .collect::<anyhow::Result<_>>()?;
    let documents: usize = ready.iter().map(|(_, p)| p.documents.len()).sum();
    let mut mix: BTreeMap<String, u64> = BTreeMap::new();
    for p in &prepared {
        *mix.entry(p.label.clone()).or_default() += 1;
    }
    let setup_seconds = setup.elapsed().as_secs_f64();
    println!(
        "{name}: {signed_up} people signed up, {eligible} can claim today; {} claims with {documents} documents of {DOCUMENT_BYTES} bytes prepared in {setup_seconds:.1} s; mix {mix:?}",
        prepared.len(),
    );

    let clients: Vec<Client> = (0..CLIENTS).map(|_| Client::new(&server.base)).collect();
    // Each client opens its connection first, as a phone that has just uploaded would have.
    rounds::run(CLIENTS, 1, |c, _| {
        Some(
            clients[c]
                .get("/api/v1/claims", &prepared[c].cookie)
                .map(|a| Outcome {
                    status: a.status,
                    expected: a.status == 200,
                    note: None,
                }),
        )
    })
    .warn("opening connections");

    let references: Mutex<HashMap<String, String>> = Mutex::new(HashMap::new());
    let submit = |c: usize, r: usize, expected: u16| {
        let claim = &prepared[r * CLIENTS + c];
        let path = format!("/api/v1/claims/{}", claim.claim_id);
        let answer = clients[c].put_json(&path, &claim.body, &claim.cookie);
        Some(answer.map(|a| {
            let reference = serde_json::from_slice::<Value>(&a.body)
                .ok()
                .and_then(|v| v["reference"].as_str().map(str::to_owned))
                .filter(|r| Reference::parse(r).is_some());
            let mut known = references.lock().expect("not poisoned");
            let same = match (&reference, expected) {
                (Some(r), 201) => known.insert(claim.claim_id.clone(), r.clone()).is_none(),
                (Some(r), _) => known.get(&claim.claim_id) == Some(r),
                (None, _) => false,
            };
            let ok = a.status == expected && same;
            Outcome {
                status: a.status,
                expected: ok,
                note: (!ok).then(|| format!("{} {}", a.status, a.text())),
            }
        }))
    };
    let new = rounds::run(CLIENTS, rounds, |c, r| submit(c, r, 201));
    let again = rounds::run(CLIENTS, RETRY_ROUNDS, |c, r| submit(c, r % rounds, 200));

    println!(
        "{name:<12} new claims: p50 {}  p99 {}  max {}  {:.0} claims/s ({} claims)",
        ms(new.percentile(0.5)),
        ms(new.percentile(0.99)),
        ms(new.latencies.last().copied().unwrap_or_default()),
        new.per_second(),
        new.requests
    );
    println!(
        "{name:<12} retries:    p50 {}  p99 {}  max {}  {:.0} answers/s ({} retries)",
        ms(again.percentile(0.5)),
        ms(again.percentile(0.99)),
        ms(again.latencies.last().copied().unwrap_or_default()),
        again.per_second(),
        again.requests
    );
    new.warn(&format!("new claims on {name}"));
    again.warn(&format!("retried claims on {name}"));

    Ok(json!({
        "clients": CLIENTS,
        "new": {
            "rounds": rounds,
            "figures": new.to_json(),
            "note": "201 with a valid reference expected",
        },
        "retry_same_id_same_body": {
            "rounds": RETRY_ROUNDS,
            "figures": again.to_json(),
            "note": "200 with the reference of the first answer expected",
        },
        "setup": {
            "people_signed_up": signed_up,
            "can_claim_today": eligible,
            "sign_ups_not_completed": refused.len(),
            "not_eligible_today": not_eligible,
            "claims": prepared.len(),
            "mix": mix,
            "documents_uploaded": documents,
            "document_bytes": DOCUMENT_BYTES,
            "seconds": round(setup_seconds, 1),
        },
    }))
}

/// People signed up through the API, in batches, until `want` of them can make a claim today.
pub struct Eligible {
    pub ready: Vec<(Account, Plan)>,
    pub signed_up: usize,
    /// Why sign-ups did not complete.
    pub refused: Vec<String>,
    /// Why people signed up cannot claim today, counted.
    pub not_eligible: BTreeMap<&'static str, u64>,
}

pub fn eligible(
    server: &Klaim,
    people: &[Person],
    addresses: &mut Addresses,
    today: Date,
    want: usize,
) -> anyhow::Result<Eligible> {
    // Alive, reachable for a code, paid into an account of their own; the persona is the
    // upload bench's account.
    let candidates: Vec<usize> = (0..people.len())
        .filter(|&i| {
            let p = &people[i];
            !p.deceased && p.has_contact && !p.own_accounts.is_empty() && p.nik != PERSONA_NIK
        })
        .collect();
    let mut ready: Vec<(Account, Plan)> = Vec::new();
    let mut signed_up = 0;
    let mut refused: Vec<String> = Vec::new();
    let mut not_eligible: BTreeMap<&'static str, u64> = BTreeMap::new();
    for batch in candidates.chunks(PER_ADDRESS) {
        if ready.len() >= want {
            break;
        }
        let (accounts, skipped) = signup::batch(server, people, batch, addresses, today)?;
        signed_up += accounts.len();
        refused.extend(skipped);
        let plans = parallel(&accounts, SETUP_WORKERS, |account| {
            let client = Client::new(&server.base);
            let answer = client.get("/api/v1/claims/facts", &account.cookie)?;
            if answer.status != 200 {
                bail!(
                    "GET /api/v1/claims/facts: {} {}",
                    answer.status,
                    answer.text()
                );
            }
            let facts: ClaimFacts =
                serde_json::from_slice(&answer.body).context("not ClaimFacts")?;
            Ok(plan::choose(
                &facts,
                &people[account.person].own_accounts,
                today,
            ))
        });
        for (account, plan) in accounts.into_iter().zip(plans) {
            match plan? {
                Ok(plan) => ready.push((account, plan)),
                Err(why) => *not_eligible.entry(why).or_default() += 1,
            }
        }
    }
    if !refused.is_empty() {
        println!(
            "note: {} sign-ups did not complete; first: {}",
            refused.len(),
            refused[0]
        );
    }
    Ok(Eligible {
        ready,
        signed_up,
        refused,
        not_eligible,
    })
}

/// Uploads the plan's documents and writes the submission the app would send.
pub fn prepare(
    server: &Klaim,
    cookie: &str,
    plan: &Plan,
    document: &Document,
) -> anyhow::Result<Prepared> {
    let client = Client::new(&server.base);
    let mut random = random_source();
    let mut documents = Vec::new();
    for kind in &plan.documents {
        let id = uuid(&mut random);
        let answer = client.upload(&id, *kind, document, cookie)?;
        if answer.status != 201 {
            bail!(
                "upload of {}: {} {}",
                kind.as_str(),
                answer.status,
                answer.text()
            );
        }
        documents.push(AttachedDocument {
            kind: *kind,
            document_id: id,
        });
    }
    let submission = ClaimSubmission {
        rules_version: klaim_core::RULES_VERSION.to_owned(),
        answers: plan.answers.clone(),
        documents,
    };
    Ok(Prepared {
        cookie: cookie.to_owned(),
        claim_id: uuid(&mut random),
        body: serde_json::to_string(&submission)?,
        label: plan::label(&plan.answers),
    })
}

//! A claim for the status page: demo persona 1 (resigned three months ago, can claim JHT) makes
//! the claim klaim-core's rules allow today, with its documents, through the API as the app
//! would; the claims bench's planning and submission code does the work.

use anyhow::{Context, bail};
use klaim_core::Date;
use klaim_core::claim::ClaimFacts;

use super::super::claims::client::Client;
use super::super::claims::documents::Document;
use super::super::claims::plan;
use super::super::claims::population::Person;
use super::super::claims::submissions;
use super::super::klaim::{Klaim, PERSONA_NIK};

/// About a photo re-encoded by the app.
const DOCUMENT_BYTES: usize = 150_000;

/// Submits the persona's claim with the session `cookie`; the claim's id.
pub fn submit(
    server: &Klaim,
    cookie: &str,
    people: &[Person],
    today: Date,
) -> anyhow::Result<String> {
    let persona = people
        .iter()
        .find(|p| p.nik == PERSONA_NIK)
        .context("the generated registry has no demo persona 1")?;
    let client = Client::new(&server.base);
    let answer = client.get("/api/v1/claims/facts", cookie)?;
    if answer.status != 200 {
        bail!(
            "GET /api/v1/claims/facts: {} {}",
            answer.status,
            answer.text()
        );
    }
    let facts: ClaimFacts = serde_json::from_slice(&answer.body).context("not ClaimFacts")?;
    let plan = plan::choose(&facts, &persona.own_accounts, today)
        .map_err(|why| anyhow::anyhow!("demo persona 1 cannot claim today: {why}"))?;
    let document = Document::pdf(DOCUMENT_BYTES, 11);
    let claim = submissions::prepare(server, cookie, &plan, &document)?;
    let answer = client.put_json(
        &format!("/api/v1/claims/{}", claim.claim_id),
        &claim.body,
        cookie,
    )?;
    if answer.status != 201 {
        bail!(
            "PUT /api/v1/claims/{}: {} {}",
            claim.claim_id,
            answer.status,
            answer.text()
        );
    }
    println!(
        "demo persona 1 submitted a {} claim with {} documents",
        claim.label,
        plan.documents.len()
    );
    Ok(claim.claim_id)
}

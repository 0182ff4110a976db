//! `GET /office/claims/{id}`: the claim as the participant sees it, beside the registry's record
//! of the member (and of the heir who claims), the bank's holder name, the automated checks, the
//! amount klaim-core computes and the steps this officer can take now.

use klaim_core::api::account::{Employment, Membership};
use klaim_core::api::claim::DocumentInfo;
use klaim_core::api::office::{AuditAction, OfficeClaim, RegistryRecord};
use klaim_core::claim::{Actor, ClaimFacts, Transition};
use sqlx::AnyConnection;

use super::stored::{self, StoredClaim};
use super::{Office, OfficeError, Staff, audit, checks};
use crate::claims::records;
use crate::claims::subject::Member;
use crate::clock::Clock;
use crate::documents::{ClientId, records as documents};

/// `GET /office/claims/{id}`: the claim page, recorded in the audit trail as viewed. The entry is
/// written before the page is answered: no view goes unrecorded.
pub async fn open(
    office: &Office,
    officer: Staff,
    claim_id: &ClientId,
) -> Result<OfficeClaim, OfficeError> {
    let mut conn = office.db.pool().acquire().await?;
    let page = build(&mut conn, officer, &office.clock, claim_id.as_str())
        .await?
        .ok_or(OfficeError::NotFound)?;
    audit::append(
        &mut conn,
        &audit::Entry {
            at: office.clock.now(),
            by: Some((officer.account_id, officer.role)),
            action: AuditAction::ViewedClaim,
            claim_id: claim_id.as_str(),
            subject: None,
        },
    )
    .await?;
    Ok(page)
}

/// A document attached to the claim, for showing it to an officer: recorded in the audit trail
/// before a byte is sent. `NotFound` when the claim does not exist or the document is not (or no
/// longer) attached to it.
pub async fn attached_document(
    office: &Office,
    officer: Staff,
    claim_id: &ClientId,
    document_id: &ClientId,
) -> Result<DocumentInfo, OfficeError> {
    let mut conn = office.db.pool().acquire().await?;
    let claim = stored::load(&mut conn, claim_id.as_str())
        .await?
        .ok_or(OfficeError::NotFound)?;
    let attached: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM claim_documents WHERE claim_id = $1 AND document_id = $2",
    )
    .bind(claim_id.as_str())
    .bind(document_id.as_str())
    .fetch_one(&mut *conn)
    .await?;
    if attached == 0 {
        return Err(OfficeError::NotFound);
    }
    // Attachments are the claimant's own documents.
    let info = documents::find_own(&mut conn, claim.account_id, document_id)
        .await?
        .ok_or(OfficeError::NotFound)?;
    audit::append(
        &mut conn,
        &audit::Entry {
            at: office.clock.now(),
            by: Some((officer.account_id, officer.role)),
            action: AuditAction::ViewedDocument,
            claim_id: claim_id.as_str(),
            subject: Some(document_id.as_str()),
        },
    )
    .await?;
    Ok(info)
}

/// The claim page for `officer`; `None` when there is no such claim.
pub async fn build(
    conn: &mut AnyConnection,
    officer: Staff,
    clock: &Clock,
    claim_id: &str,
) -> Result<Option<OfficeClaim>, OfficeError> {
    let Some(claim) = stored::load(&mut *conn, claim_id).await? else {
        return Ok(None);
    };
    let id = ClientId::parse(&claim.id).ok_or(OfficeError::NotFound)?;
    let view = records::view(&mut *conn, claim.account_id, &id)
        .await?
        .ok_or(OfficeError::NotFound)?;
    let own = stored::is_own(&mut *conn, officer.account_id, &claim).await?;
    let ctx = checks::context(&mut *conn, &claim).await?;
    let checks = checks::run(&claim, &ctx, clock.today());
    Ok(Some(OfficeClaim {
        claim: view,
        participant: record(&ctx.member, &ctx.facts),
        claimant: (claim.claimant_participant_id != claim.participant_id)
            .then(|| record(&ctx.claimant, &claimant_facts(&ctx.claimant))),
        bank_holder: ctx.bank_holder.as_ref().map(|h| h.as_str().to_owned()),
        checks,
        computed_amount: claim.estimate.amount_to_approve().amount(),
        available: available(&claim, own),
        own,
    }))
}

/// The steps an officer may take now: none on their own claim.
fn available(claim: &StoredClaim, own: bool) -> Vec<Transition> {
    if own {
        return Vec::new();
    }
    Transition::available(claim.status, Actor::Officer).collect()
}

/// The heir's own record: their memberships as the registry has them (their past claims do not
/// matter here).
fn claimant_facts(claimant: &Member) -> ClaimFacts {
    crate::registry::facts::claim_facts(&claimant.person, Vec::new())
}

/// A registry record shown whole to officers: they compare it with the documents.
fn record(member: &Member, facts: &ClaimFacts) -> RegistryRecord {
    RegistryRecord {
        full_name: member.person.name.as_str().to_owned(),
        nik: member.person.nik.as_str().to_owned(),
        birth_date: member.person.birth_date.to_iso(),
        memberships: facts
            .memberships
            .iter()
            .enumerate()
            .map(|(i, m)| Membership {
                kpj: m.kpj.as_str().to_owned(),
                primary: i == 0,
                jht_balance: m.jht_balance.amount(),
                jht_balance_on: m.jht_balance_on.to_iso(),
                employments: m
                    .employments
                    .iter()
                    .map(|e| Employment {
                        employer: e.employer.clone(),
                        started_on: e.started_on.to_iso(),
                        ended_on: e.ended_on.map(|d| d.to_iso()),
                        end_reason: e.end_reason,
                        membership_active: e.membership_active,
                    })
                    .collect(),
            })
            .collect(),
    }
}

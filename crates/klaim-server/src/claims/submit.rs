//! `PUT /claims/{id}`: a submission checked again from the start and stored once.
//!
//! Order of the answers: a claim already stored under the id is answered first (the same content
//! by the same account is a retry: 200 with the stored claim; anything else 409), so a retry
//! still works after the rules or the facts changed; then the rules version, the attachments,
//! the open-claim rule and klaim-core's gate; then one transaction. Two identical requests at
//! the same moment meet at the primary key: the second re-reads and answers as a retry.
//!
//! A new claim (not a retry) then goes through rule-based approval (`office::auto_approve`) when
//! it is switched on; the answer shows the claim as it stands after that.

use klaim_core::api::claim::{AttachedDocument, ClaimSubmission, ClaimView};
use klaim_core::claim::{
    ClaimAnswers, ClaimProblem, DocumentKind, Reference, decision_due, ready_to_submit,
};
use klaim_core::message::Finding;
use sqlx::AnyConnection;

use super::refusal::ClaimRefusal;
use super::subject;
use super::{Caller, Claims, ClaimsError, bank, canonical, records};
use crate::documents::{ClientId, UploadRefusal, records as documents};
use crate::metrics::{self, Counter};
use crate::office::auto_approve::{self, AutoApprove};

/// More attachments than any claim needs (the longest checklist has about a dozen).
pub const MAX_DOCUMENTS: usize = 40;
/// Tries to find an unused reference; 35 random bits make even a second try unlikely.
const REFERENCE_TRIES: usize = 5;

/// The answer to a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submitted {
    /// Stored now: 201.
    New(ClaimView),
    /// Stored before under the same id with the same content: 200, the same claim.
    Again(ClaimView),
}

pub async fn submit(
    claims: &Claims,
    caller: Caller,
    id: &ClientId,
    submission: &ClaimSubmission,
    auto: AutoApprove,
) -> Result<Submitted, ClaimsError> {
    let hash = canonical::content_hash(submission);
    let mut conn = claims.db.pool().acquire().await?;
    if let Some(answer) = replay(&mut conn, caller, id, &hash).await? {
        return Ok(answer);
    }
    if submission.rules_version != klaim_core::RULES_VERSION {
        return Err(ClaimRefusal::RulesChanged.into());
    }
    let answers = &submission.answers;
    let document_ids = attachment_ids(&submission.documents)?;

    let claimant = subject::caller(&mut conn, caller.participant_id).await?;
    let member = match &answers.deceased {
        Some(deceased) if answers.programme.by_heirs(answers.reason) => {
            subject::deceased(&mut conn, &claimant, &deceased.nik, &deceased.kpj).await?
        }
        _ => claimant.clone(),
    };
    let attached =
        check_attachments(&mut conn, caller, &submission.documents, &document_ids).await?;

    let open_key = records::open_key(member.participant_id, answers.programme, answers.reason);
    if let Some(answer) = open(&mut conn, caller, id, &hash, &open_key, submission).await? {
        return Ok(answer);
    }

    let facts = subject::facts(&mut conn, &member).await?;
    let holder = match &answers.bank_account {
        Some(account) => bank::holder(&mut conn, account).await?,
        None => None,
    };
    let today = claims.clock.today();
    let assessment = match ready_to_submit(
        &facts,
        &claimant.claimant(),
        answers,
        &attached,
        holder.as_ref(),
        today,
    ) {
        Ok(assessment) => assessment,
        Err(problems) => {
            // The same claim sent at the same moment may have been stored since the checks
            // above: its facts then show it pending. Answer that as the retry it is.
            if let Some(answer) = replay(&mut conn, caller, id, &hash).await? {
                return Ok(answer);
            }
            if let Some(answer) = open(&mut conn, caller, id, &hash, &open_key, submission).await? {
                return Ok(answer);
            }
            return Err(refused(&problems, answers, holder.is_some()));
        }
    };
    drop(conn);

    let decision_due_on = decision_due(answers.programme, &assessment.estimate, today);
    for _ in 0..REFERENCE_TRIES {
        let reference = Reference::generate(today.year(), random_u64());
        let claim = records::NewClaim {
            id,
            reference: &reference,
            caller,
            participant_id: member.participant_id,
            answers,
            content_hash: &hash,
            rules_version: &submission.rules_version,
            estimate: &assessment.estimate,
            decision_due_on,
            documents: &document_ids,
            now: claims.clock.now(),
        };
        let mut tx = claims.db.begin_write().await?;
        match records::insert(&mut tx, &claim).await {
            Ok(()) => {
                tx.commit().await?;
                metrics::count(Counter::ClaimsSubmitted);
                auto_approve::after_submission(&claims.db, &claims.clock, auto, id.as_str()).await;
                let mut conn = claims.db.pool().acquire().await?;
                let view = records::view(&mut conn, caller.account_id, id).await?;
                return view
                    .map(Submitted::New)
                    .ok_or(ClaimRefusal::NotFound.into());
            }
            Err(e) if is_unique_violation(&e) => {
                tx.rollback().await?;
                // Who won: the same claim sent twice at once, an open claim for the same
                // member, or (rarely) a reference drawn twice, which the next try fixes.
                let mut conn = claims.db.pool().acquire().await?;
                if let Some(answer) = replay(&mut conn, caller, id, &hash).await? {
                    return Ok(answer);
                }
                if let Some(answer) =
                    open(&mut conn, caller, id, &hash, &open_key, submission).await?
                {
                    return Ok(answer);
                }
                if !records::reference_taken(&mut conn, &reference).await? {
                    return Err(e.into());
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(sqlx::Error::Protocol("no unused claim reference after several tries".into()).into())
}

/// The stored claim when `id` was submitted before with the same content by the same account;
/// `IdConflict` when the id is someone else's or names other content.
async fn replay(
    conn: &mut AnyConnection,
    caller: Caller,
    id: &ClientId,
    hash: &str,
) -> Result<Option<Submitted>, ClaimsError> {
    match records::owner(conn, id).await? {
        None => Ok(None),
        Some(owner) if owner.account_id == caller.account_id && owner.content_hash == hash => {
            let view = records::view(conn, caller.account_id, id)
                .await?
                .ok_or(ClaimRefusal::NotFound)?;
            Ok(Some(Submitted::Again(view)))
        }
        Some(_) => Err(ClaimRefusal::IdConflict.into()),
    }
}

/// When a claim is open for the same member, programme and reason: this very claim (stored by
/// a simultaneous request since we last looked) is answered as a retry; another is a conflict.
async fn open(
    conn: &mut AnyConnection,
    caller: Caller,
    id: &ClientId,
    hash: &str,
    open_key: &str,
    submission: &ClaimSubmission,
) -> Result<Option<Submitted>, ClaimsError> {
    match records::open_claim(conn, open_key).await? {
        None => Ok(None),
        Some((open_id, _)) if open_id == id.as_str() => replay(conn, caller, id, hash).await,
        Some((_, reference)) => Err(ClaimRefusal::AlreadyOpen {
            programme: submission.answers.programme,
            reference,
        }
        .into()),
    }
}

/// The attached documents' ids: each a UUID (else it cannot be one of the caller's), each once.
pub(super) fn attachment_ids(documents: &[AttachedDocument]) -> Result<Vec<ClientId>, ClaimsError> {
    if documents.len() > MAX_DOCUMENTS {
        return Err(ClaimRefusal::TooManyDocuments { max: MAX_DOCUMENTS }.into());
    }
    let mut ids: Vec<ClientId> = Vec::with_capacity(documents.len());
    for attached in documents {
        let id = ClientId::parse(&attached.document_id).ok_or(UploadRefusal::NotFound)?;
        if ids.contains(&id) {
            return Err(ClaimRefusal::DocumentRepeated.into());
        }
        ids.push(id);
    }
    Ok(ids)
}

/// Each attachment must be one of the caller's stored documents, attached as the kind it was
/// uploaded as; an event document (not an identity document) serves one claim only. Returns the
/// kinds attached, for the rules.
pub(super) async fn check_attachments(
    conn: &mut AnyConnection,
    caller: Caller,
    documents: &[AttachedDocument],
    ids: &[ClientId],
) -> Result<Vec<DocumentKind>, ClaimsError> {
    let mut kinds = Vec::with_capacity(ids.len());
    for (attached, id) in documents.iter().zip(ids) {
        let info = documents::find_own(conn, caller.account_id, id)
            .await?
            .ok_or(UploadRefusal::NotFound)?;
        if info.kind != attached.kind {
            return Err(ClaimRefusal::DocumentKindDiffers {
                uploaded_as: info.kind,
            }
            .into());
        }
        if !info.kind.reusable() && info.in_claims > 0 {
            return Err(ClaimRefusal::DocumentAlreadyUsed { kind: info.kind }.into());
        }
        kinds.push(info.kind);
    }
    Ok(kinds)
}

/// Every problem as a finding with its field. The server asks the bank stand-in itself, so an
/// account it does not know is said as such rather than "not checked yet".
pub(super) fn refused(
    problems: &[ClaimProblem],
    answers: &ClaimAnswers,
    holder_found: bool,
) -> ClaimsError {
    let findings = problems
        .iter()
        .map(|problem| match (problem, &answers.bank_account) {
            (ClaimProblem::BankHolderNotChecked, Some(account)) if !holder_found => {
                let refusal = ClaimRefusal::BankAccountNotFound {
                    bank: account.bank(),
                };
                Finding::of(refusal.field(), &refusal)
            }
            _ => Finding::of(problem.field(), problem),
        })
        .collect();
    ClaimsError::Problems(findings)
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
}

fn random_u64() -> u64 {
    // The operating system's generator failing leaves the server unable to do anything safely.
    getrandom::u64().expect("the operating system's random generator failed")
}

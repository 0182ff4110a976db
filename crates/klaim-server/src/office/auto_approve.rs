//! Rule-based approval: right after a new submission, a claim that klaim-core's
//! `auto_approvable` allows (JHT, every automated check passed, a balance at or below the dated
//! ceiling) is verified and approved by the system, for the amount klaim-core computed, and
//! recorded as such (`auto_approved`, actor `system`). `--auto-approve off` switches it off.
//!
//! It never fails the submission: the claim is stored before this runs, and a failure here only
//! leaves it for an officer (logged without personal data).

use klaim_core::api::claim::ClaimStatus;
use klaim_core::claim::{Actor, Decision, auto_approvable};

use super::steps;
use super::{OfficeError, checks, stored};
use crate::clock::Clock;
use crate::db::Db;

/// `--auto-approve` / `KLAIM_AUTO_APPROVE`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AutoApprove {
    #[default]
    On,
    Off,
}

/// Runs after a new submission; `true` when the claim was approved by rule.
pub async fn after_submission(db: &Db, clock: &Clock, mode: AutoApprove, claim_id: &str) -> bool {
    if mode == AutoApprove::Off {
        return false;
    }
    match approve_if_allowed(db, clock, claim_id).await {
        Ok(approved) => approved,
        Err(e) => {
            // The claim id is a random UUID; the error is a database or rule failure, never a
            // person's data.
            tracing::warn!(claim = claim_id, error = %e, "rule-based approval skipped");
            false
        }
    }
}

async fn approve_if_allowed(db: &Db, clock: &Clock, claim_id: &str) -> Result<bool, OfficeError> {
    let mut tx = db.begin_write().await?;
    let Some(mut claim) = stored::load(&mut tx, claim_id).await? else {
        return Ok(false);
    };
    // An officer may have started on it already.
    if claim.status != ClaimStatus::Submitted {
        return Ok(false);
    }
    let today = clock.today();
    let ctx = checks::context(&mut tx, &claim).await?;
    let results = checks::run(&claim, &ctx, today);
    if !auto_approvable(claim.programme, &results, &claim.estimate, today) {
        return Ok(false);
    }
    let now = clock.now();
    let start = steps::decided(
        &claim,
        &Decision::StartVerification,
        Actor::System,
        None,
        now,
    );
    claim.status = steps::record(&mut tx, start).await?;
    let approve = Decision::Approve {
        amount: claim.estimate.amount_to_approve(),
        justification: None,
    };
    let approve = steps::decided(&claim, &approve, Actor::System, None, now);
    steps::record(&mut tx, approve).await?;
    tx.commit().await?;
    Ok(true)
}

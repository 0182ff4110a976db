//! Whose claim it is: the claimant (the signed-in participant) and the member the claim is about
//! — the claimant themself, or on a death claim the deceased participant, found by NIK and KPJ
//! and only when the claimant is in their family.

use klaim_core::api::claim::ClaimStatus;
use klaim_core::claim::{ClaimFacts, ClaimReason, Claimant, PastClaim, Programme};
use klaim_core::{Kpj, Nik};
use sqlx::{AnyConnection, Row};

use super::{ClaimRefusal, ClaimsError};
use crate::clock::wib_date;
use crate::registry::facts::claim_facts;
use crate::registry::model::Person;
use crate::registry::store::{self, StoreError};

/// A registry person with their row id.
#[derive(Clone, Debug)]
pub struct Member {
    pub participant_id: i64,
    pub person: Person,
}

impl Member {
    pub fn claimant(&self) -> Claimant {
        Claimant {
            name: self.person.name.clone(),
            nik: self.person.nik,
            birth_date: self.person.birth_date,
        }
    }
}

/// The signed-in participant's record.
pub async fn caller(conn: &mut AnyConnection, participant_id: i64) -> Result<Member, ClaimsError> {
    let nik: Option<String> =
        sqlx::query_scalar("SELECT nik FROM registry_participants WHERE id = $1")
            .bind(participant_id)
            .fetch_optional(&mut *conn)
            .await?;
    let corrupt = StoreError::Corrupt {
        table: "registry_participants",
        column: "nik",
    };
    // Accounts reference the registry, so a signed-in participant always has a record.
    let nik = nik
        .as_deref()
        .and_then(|n| Nik::parse(n).ok())
        .ok_or(corrupt)?;
    let person = store::find_by_nik(conn, &nik)
        .await?
        .ok_or(StoreError::Corrupt {
            table: "registry_participants",
            column: "id",
        })?;
    Ok(Member {
        participant_id,
        person,
    })
}

/// The deceased participant with this NIK and KPJ, when `claimant` is in their family; else
/// [`ClaimRefusal::DeceasedNotFound`], the same answer whichever part failed.
pub async fn deceased(
    conn: &mut AnyConnection,
    claimant: &Member,
    nik: &Nik,
    kpj: &Kpj,
) -> Result<Member, ClaimsError> {
    let not_found = || ClaimsError::Refused(ClaimRefusal::DeceasedNotFound);
    let Some(participant_id) = store::participant_id(&mut *conn, nik).await? else {
        return Err(not_found());
    };
    let Some(person) = store::find_by_nik(&mut *conn, nik).await? else {
        return Err(not_found());
    };
    let holds_kpj = person.kpjs.iter().any(|k| &k.kpj == kpj);
    let in_family = person
        .family
        .iter()
        .any(|f| f.nik.as_ref() == Some(&claimant.person.nik));
    if person.deceased_on.is_none() || !holds_kpj || !in_family {
        return Err(not_found());
    }
    Ok(Member {
        participant_id,
        person,
    })
}

/// The member's facts for the rules, with the claims recorded for them.
pub async fn facts(conn: &mut AnyConnection, member: &Member) -> Result<ClaimFacts, ClaimsError> {
    let past = past_claims(conn, member.participant_id).await?;
    Ok(claim_facts(&member.person, past))
}

/// Claims made for the member through Klaim, oldest first.
async fn past_claims(
    conn: &mut AnyConnection,
    participant_id: i64,
) -> Result<Vec<PastClaim>, ClaimsError> {
    let rows = sqlx::query(
        "SELECT programme, reason, status, submitted_at FROM claims
         WHERE participant_id = $1 ORDER BY submitted_at, id",
    )
    .bind(participant_id)
    .fetch_all(conn)
    .await?;
    let corrupt = |column| StoreError::Corrupt {
        table: "claims",
        column,
    };
    let mut past = Vec::with_capacity(rows.len());
    for row in rows {
        let programme = Programme::from_wire(&row.try_get::<String, _>("programme")?)
            .ok_or(corrupt("programme"))?;
        let reason = ClaimReason::from_wire(&row.try_get::<String, _>("reason")?)
            .ok_or(corrupt("reason"))?;
        let status = ClaimStatus::from_wire(&row.try_get::<String, _>("status")?)
            .ok_or(corrupt("status"))?;
        past.push(PastClaim {
            programme,
            reason,
            submitted_on: wib_date(row.try_get("submitted_at")?),
            open: status.is_open(),
            paid: status == ClaimStatus::Paid,
        });
    }
    Ok(past)
}

/// `GET /claims/facts`: the caller's own facts, or with `deceased` (NIK and KPJ) the facts of a
/// deceased participant the caller may claim for as family.
pub async fn facts_for(
    claims: &super::Claims,
    caller: super::Caller,
    deceased: Option<(&Nik, &Kpj)>,
) -> Result<ClaimFacts, ClaimsError> {
    let mut conn = claims.db.pool().acquire().await?;
    let me = self::caller(&mut conn, caller.participant_id).await?;
    let member = match deceased {
        Some((nik, kpj)) => self::deceased(&mut conn, &me, nik, kpj).await?,
        None => me,
    };
    facts(&mut conn, &member).await
}

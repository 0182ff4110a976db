//! The automated checks beside a claim in the back office (klaim-core's [`AutoCheck`]), computed
//! here from the registry and the stored claim — never taken from the app — with klaim-core's
//! own rules where one exists (`assess`, `ready_to_submit`, `PersonName::compare`). Each result
//! says what was found in plain words, in both languages.

use klaim_core::api::claim::ClaimStatus;
use klaim_core::claim::{
    AutoCheck, Blocker, CheckResult, ClaimFacts, ClaimProblem, ClaimReason, DocumentKind,
    PastClaim, Programme, assess, ready_to_submit,
};
use klaim_core::{Date, Lang, NameMatch, PersonName};
use sqlx::{AnyConnection, Row};

use super::stored::{self, StoredClaim};
use crate::claims::subject::{self, Member};
use crate::claims::{ClaimsError, bank};
use crate::clock::wib_date;
use crate::registry::facts::claim_facts;

/// What the checks read, loaded once (the claim page shows most of it too).
#[derive(Clone, Debug)]
pub struct Context {
    /// The member the claim is about (the deceased on a death claim).
    pub member: Member,
    /// The person who made it (the same as `member` unless an heir claims).
    pub claimant: Member,
    /// The member's facts, without this claim among the past claims (it must not stand in its
    /// own way).
    pub facts: ClaimFacts,
    /// The holder of the claim's bank account as the bank (the registry's stand-in) has it.
    pub bank_holder: Option<PersonName>,
    pub attached: Vec<DocumentKind>,
    /// Other claims for the same member, programme and reason that were paid or are open.
    pub duplicates: Vec<(String, ClaimStatus)>,
}

/// Loads what the checks read for `claim`.
pub async fn context(
    conn: &mut AnyConnection,
    claim: &StoredClaim,
) -> Result<Context, ClaimsError> {
    let member = subject::caller(&mut *conn, claim.participant_id).await?;
    let claimant = if claim.claimant_participant_id == claim.participant_id {
        member.clone()
    } else {
        subject::caller(&mut *conn, claim.claimant_participant_id).await?
    };
    let facts = facts_without(&mut *conn, &member, &claim.id).await?;
    let bank_holder = match &claim.answers.bank_account {
        Some(account) => bank::holder(&mut *conn, account).await?,
        None => None,
    };
    let attached = stored::attachments(&mut *conn, &claim.id)
        .await?
        .into_iter()
        .map(|d| d.kind)
        .collect();
    let duplicates: Vec<(String, String)> = sqlx::query_as(
        "SELECT reference, status FROM claims
         WHERE participant_id = $1 AND programme = $2 AND reason = $3 AND id <> $4
         AND (status = 'paid' OR open_key IS NOT NULL) ORDER BY submitted_at, id",
    )
    .bind(claim.participant_id)
    .bind(claim.programme.as_str())
    .bind(claim.reason.as_str())
    .bind(claim.id.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let duplicates = duplicates
        .into_iter()
        .map(|(reference, status)| {
            ClaimStatus::from_wire(&status)
                .map(|s| (reference, s))
                .ok_or_else(|| stored::corrupt("status"))
        })
        .collect::<Result<_, _>>()?;
    Ok(Context {
        member,
        claimant,
        facts,
        bank_holder,
        attached,
        duplicates,
    })
}

/// The member's facts for the rules, with the claims recorded for them except `claim_id`.
pub async fn facts_without(
    conn: &mut AnyConnection,
    member: &Member,
    claim_id: &str,
) -> Result<ClaimFacts, ClaimsError> {
    let rows = sqlx::query(
        "SELECT programme, reason, status, submitted_at FROM claims
         WHERE participant_id = $1 AND id <> $2 ORDER BY submitted_at, id",
    )
    .bind(member.participant_id)
    .bind(claim_id)
    .fetch_all(conn)
    .await?;
    let mut past = Vec::with_capacity(rows.len());
    for row in rows {
        let text = |column: &str| row.try_get::<String, _>(column);
        let status =
            ClaimStatus::from_wire(&text("status")?).ok_or_else(|| stored::corrupt("status"))?;
        past.push(PastClaim {
            programme: Programme::from_wire(&text("programme")?)
                .ok_or_else(|| stored::corrupt("programme"))?,
            reason: ClaimReason::from_wire(&text("reason")?)
                .ok_or_else(|| stored::corrupt("reason"))?,
            submitted_on: wib_date(row.try_get("submitted_at")?),
            open: status.is_open(),
            paid: status == ClaimStatus::Paid,
        });
    }
    Ok(claim_facts(&member.person, past))
}

/// A note in both languages.
struct Note {
    id: String,
    en: String,
}

impl Note {
    fn new(id: impl Into<String>, en: impl Into<String>) -> Note {
        Note {
            id: id.into(),
            en: en.into(),
        }
    }

    fn result(self, check: AutoCheck, passed: bool) -> CheckResult {
        CheckResult {
            check,
            passed,
            note_id: self.id,
            note_en: self.en,
        }
    }
}

/// Findings joined into one note: "Found: a; b."
fn findings(lead: (&str, &str), found: &[(&str, &str)]) -> Note {
    let id: Vec<&str> = found.iter().map(|f| f.0).collect();
    let en: Vec<&str> = found.iter().map(|f| f.1).collect();
    Note::new(
        format!("{} {}.", lead.0, id.join("; ")),
        format!("{} {}.", lead.1, en.join("; ")),
    )
}

/// Every check, in klaim-core's order.
pub fn run(claim: &StoredClaim, ctx: &Context, today: Date) -> Vec<CheckResult> {
    vec![
        identity(claim, ctx, today),
        membership_inactive(claim, ctx, today),
        bank_name(ctx),
        documents_complete(claim, ctx, today),
        no_duplicate(ctx),
    ]
}

/// The claimant's record agrees with itself (NIK against birth date and sex), the KPJ is the
/// member's, and on a death claim the deceased's details as the heir typed them are the record's
/// and the heir is in the family.
fn identity(claim: &StoredClaim, ctx: &Context, today: Date) -> CheckResult {
    let mut found: Vec<(&str, &str)> = Vec::new();
    let claimant = &ctx.claimant.person;
    let member = &ctx.member.person;
    if !claimant
        .nik
        .check_declared(claimant.birth_date, Some(claimant.sex), today)
        .is_empty()
    {
        found.push((
            "NIK pemohon tidak sesuai dengan tanggal lahir atau jenis kelamin yang tercatat",
            "the claimant's NIK does not agree with the birth date or sex on record",
        ));
    }
    if let Some(kpj) = &claim.answers.kpj
        && !member.kpjs.iter().any(|k| &k.kpj == kpj)
    {
        found.push((
            "nomor KPJ di klaim bukan milik peserta",
            "the claim's KPJ number is not the member's",
        ));
    }
    let by_heir = claim.participant_id != claim.claimant_participant_id;
    match &claim.answers.deceased {
        Some(deceased) => {
            if member.deceased_on.is_none() {
                found.push((
                    "peserta tidak tercatat meninggal",
                    "the member is not recorded as deceased",
                ));
            }
            if deceased.nik != member.nik {
                found.push((
                    "NIK almarhum yang diisi berbeda dengan data kepesertaan",
                    "the deceased's NIK as entered differs from the record",
                ));
            }
            if deceased.birth_date != member.birth_date {
                found.push((
                    "tanggal lahir almarhum yang diisi berbeda dengan data kepesertaan",
                    "the deceased's birth date as entered differs from the record",
                ));
            }
            if !member.kpjs.iter().any(|k| k.kpj == deceased.kpj) {
                found.push((
                    "KPJ almarhum yang diisi bukan milik peserta",
                    "the deceased's KPJ as entered is not the member's",
                ));
            }
            if !member.family.iter().any(|f| f.nik == Some(claimant.nik)) {
                found.push((
                    "pemohon tidak tercatat sebagai keluarga almarhum",
                    "the claimant is not on record as the deceased's family",
                ));
            }
        }
        None if by_heir => found.push((
            "klaim untuk peserta lain tanpa data almarhum",
            "a claim for another member without the deceased's details",
        )),
        None => {}
    }
    if !found.is_empty() {
        return findings(("Tidak cocok:", "Does not match:"), &found)
            .result(AutoCheck::IdentityMatches, false);
    }
    let note = if claim.answers.deceased.is_some() {
        Note::new(
            "Nama, NIK, dan tanggal lahir pemohon sesuai dengan data kepesertaan; data almarhum \
             yang diisi sesuai dengan catatannya dan pemohon tercatat sebagai keluarganya.",
            "The claimant's name, NIK and birth date agree with the membership record; the \
             deceased's details as entered agree with their record and the claimant is on record \
             as family.",
        )
    } else {
        Note::new(
            "Nama, NIK, dan tanggal lahir pemohon sesuai dengan data kepesertaan.",
            "The claimant's name, NIK and birth date agree with the membership record.",
        )
    };
    note.result(AutoCheck::IdentityMatches, true)
}

/// klaim-core's rules find no employer still holding the membership active.
fn membership_inactive(claim: &StoredClaim, ctx: &Context, today: Date) -> CheckResult {
    let assessment = assess(&ctx.facts, &ctx.claimant.claimant(), &claim.answers, today);
    let active: Vec<&str> = assessment
        .blockers
        .iter()
        .filter_map(|b| match b {
            Blocker::MembershipActive { employer } => Some(employer.as_str()),
            _ => None,
        })
        .collect();
    if active.is_empty() {
        Note::new(
            "Tidak ada kepesertaan aktif yang menghalangi klaim ini.",
            "No active membership stands in the way of this claim.",
        )
        .result(AutoCheck::MembershipInactive, true)
    } else {
        let employers = active.join(", ");
        Note::new(
            format!("Kepesertaan masih aktif di {employers}: perusahaan belum menonaktifkannya."),
            format!("The membership is still active at {employers}: the employer has not deactivated it."),
        )
        .result(AutoCheck::MembershipInactive, false)
    }
}

/// The bank's holder name compared with the claimant's by klaim-core's name comparison.
fn bank_name(ctx: &Context) -> CheckResult {
    let check = AutoCheck::BankNameMatches;
    let Some(holder) = &ctx.bank_holder else {
        return Note::new(
            "Bank tidak mengenal rekening ini, atau klaim tidak menyebut rekening.",
            "The bank does not know this account, or the claim names no account.",
        )
        .result(check, false);
    };
    match ctx.claimant.person.name.compare(holder) {
        NameMatch::Same | NameMatch::Equivalent => Note::new(
            "Nama pemilik rekening sama dengan nama pemohon.",
            "The account holder's name is the claimant's.",
        )
        .result(check, true),
        NameMatch::Similar => Note::new(
            "Nama pemilik rekening mirip tetapi tidak sama dengan nama pemohon: periksa buku tabungan.",
            "The account holder's name is similar to but not the claimant's: check the bank book.",
        )
        .result(check, false),
        NameMatch::Different => Note::new(
            "Rekening atas nama orang lain.",
            "The account is in another person's name.",
        )
        .result(check, false),
    }
}

/// klaim-core's gate again on the documents attached now: every required one, and a proof of
/// PHK where one is needed.
fn documents_complete(claim: &StoredClaim, ctx: &Context, today: Date) -> CheckResult {
    let check = AutoCheck::DocumentsComplete;
    let problems = ready_to_submit(
        &ctx.facts,
        &ctx.claimant.claimant(),
        &claim.answers,
        &ctx.attached,
        ctx.bank_holder.as_ref(),
        today,
    )
    .err()
    .unwrap_or_default();
    let missing: Vec<(&str, &str)> = problems
        .iter()
        .filter_map(|p| match p {
            ClaimProblem::DocumentMissing(kind) => Some((kind.name(Lang::Id), kind.name(Lang::En))),
            ClaimProblem::PhkProofMissing => Some(("bukti PHK", "a proof of PHK")),
            _ => None,
        })
        .collect();
    if missing.is_empty() {
        Note::new(
            "Semua dokumen wajib sudah dilampirkan.",
            "Every required document is attached.",
        )
        .result(check, true)
    } else {
        findings(("Belum dilampirkan:", "Not attached:"), &missing).result(check, false)
    }
}

fn no_duplicate(ctx: &Context) -> CheckResult {
    let check = AutoCheck::NoDuplicateClaim;
    if ctx.duplicates.is_empty() {
        return Note::new(
            "Tidak ada klaim lain untuk program dan alasan yang sama.",
            "No other claim for the same programme and reason.",
        )
        .result(check, true);
    }
    let list = |lang: Lang| {
        ctx.duplicates
            .iter()
            .map(|(reference, status)| format!("{reference} ({})", status.title(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Note::new(
        format!(
            "Klaim lain untuk program dan alasan yang sama: {}.",
            list(Lang::Id)
        ),
        format!(
            "Another claim for the same programme and reason: {}.",
            list(Lang::En)
        ),
    )
    .result(check, false)
}

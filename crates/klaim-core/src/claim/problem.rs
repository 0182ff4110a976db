//! Why a claim cannot be submitted as it stands: the full gate the app runs before "Kirim" and
//! the server runs again on receipt.

use crate::{Date, Explain, Lang, NameMatch, PersonName};

use super::{
    Assessment, Blocker, ClaimAnswers, ClaimFacts, Claimant, DocumentKind, Necessity, Question,
    assess, questions,
};

/// One thing that stops a submission. Each explains itself; [`ClaimProblem::field`] names the
/// question page to go back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClaimProblem {
    /// The rules do not allow the claim today.
    Blocked(Blocker),
    /// A question this claim needs is not answered.
    Unanswered(Question),
    /// The KPJ chosen is not one of the person's.
    KpjNotOwn,
    /// The event date is after today.
    EventInFuture,
    /// The deceased's NIK or KPJ are not those of the participant whose record this is.
    DeceasedNotParticipant,
    /// The deceased's birth date as typed does not agree with their NIK.
    DeceasedBirthDateDiffers { in_nik: Date, declared: Date },
    /// The accident is dated after today or after the doctor's certificate.
    AccidentDatesOutOfOrder,
    /// A required document is not attached.
    DocumentMissing(DocumentKind),
    /// None of the five proofs of PHK is attached.
    PhkProofMissing,
    /// The bank's account-name inquiry has not been made for the account.
    BankHolderNotChecked,
    /// The account holder's name is not the claimant's.
    BankHolderDiffers { grade: NameMatch },
}

impl ClaimProblem {
    /// The question page to fix it on (as [`Question::as_str`]), `"documents"`, or `None` when
    /// nothing the person typed can fix it (a blocker).
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ClaimProblem::Blocked(_) => None,
            ClaimProblem::Unanswered(q) => Some(q.as_str()),
            ClaimProblem::KpjNotOwn => Some(Question::Kpj.as_str()),
            ClaimProblem::EventInFuture => Some(Question::EventDate.as_str()),
            ClaimProblem::DeceasedNotParticipant
            | ClaimProblem::DeceasedBirthDateDiffers { .. } => Some(Question::Deceased.as_str()),
            ClaimProblem::AccidentDatesOutOfOrder => Some(Question::Accident.as_str()),
            ClaimProblem::DocumentMissing(_) | ClaimProblem::PhkProofMissing => Some("documents"),
            ClaimProblem::BankHolderNotChecked | ClaimProblem::BankHolderDiffers { .. } => {
                Some(Question::BankAccount.as_str())
            }
        }
    }
}

/// The full gate before submitting: eligible today, every needed answer present and consistent,
/// the required documents attached (any one proof of PHK), the bank account in the claimant's
/// name (`PersonName::compare`: Same or Equivalent), and the deceased's birth date agreeing with
/// their NIK. `bank_holder` is the name the bank's inquiry returned, `None` if not asked yet.
pub fn ready_to_submit(
    facts: &ClaimFacts,
    claimant: &Claimant,
    answers: &ClaimAnswers,
    attached: &[DocumentKind],
    bank_holder: Option<&PersonName>,
    today: Date,
) -> Result<Assessment, Vec<ClaimProblem>> {
    let assessment = assess(facts, claimant, answers, today);
    let mut problems: Vec<ClaimProblem> = assessment
        .blockers
        .iter()
        .cloned()
        .map(ClaimProblem::Blocked)
        .collect();
    for q in questions(facts, answers) {
        if !q.answered(answers) {
            problems.push(ClaimProblem::Unanswered(q));
        }
    }
    if let Some(kpj) = &answers.kpj
        && !facts.memberships.iter().any(|m| &m.kpj == kpj)
    {
        problems.push(ClaimProblem::KpjNotOwn);
    }
    if answers.event_on.is_some_and(|d| d > today) {
        problems.push(ClaimProblem::EventInFuture);
    }
    if let Some(deceased) = &answers.deceased {
        let same =
            deceased.nik == facts.nik && facts.memberships.iter().any(|m| m.kpj == deceased.kpj);
        if !same {
            problems.push(ClaimProblem::DeceasedNotParticipant);
        }
        let in_nik = deceased.nik.birth_date_near(deceased.birth_date, today);
        if in_nik != deceased.birth_date {
            problems.push(ClaimProblem::DeceasedBirthDateDiffers {
                in_nik,
                declared: deceased.birth_date,
            });
        }
    }
    if let Some(accident) = &answers.accident {
        let after_certificate = answers.event_on.is_some_and(|c| accident.happened_on > c);
        if accident.happened_on > today || after_certificate {
            problems.push(ClaimProblem::AccidentDatesOutOfOrder);
        }
    }
    let mut phk_proof_needed = false;
    for need in &assessment.documents {
        match need.necessity {
            Necessity::Required if !attached.contains(&need.kind) => {
                problems.push(ClaimProblem::DocumentMissing(need.kind));
            }
            Necessity::OneOfPhkProofs => phk_proof_needed = true,
            _ => {}
        }
    }
    if phk_proof_needed
        && !DocumentKind::PHK_PROOFS
            .iter()
            .any(|k| attached.contains(k))
    {
        problems.push(ClaimProblem::PhkProofMissing);
    }
    if answers.bank_account.is_some() {
        match bank_holder.map(|holder| claimant.name.compare(holder)) {
            None => problems.push(ClaimProblem::BankHolderNotChecked),
            Some(NameMatch::Same | NameMatch::Equivalent) => {}
            Some(grade) => problems.push(ClaimProblem::BankHolderDiffers { grade }),
        }
    }
    if problems.is_empty() {
        Ok(assessment)
    } else {
        Err(problems)
    }
}

impl Explain for ClaimProblem {
    fn code(&self) -> &'static str {
        match self {
            ClaimProblem::Blocked(b) => b.code(),
            ClaimProblem::Unanswered(_) => "claim.unanswered",
            ClaimProblem::KpjNotOwn => "claim.kpj_not_own",
            ClaimProblem::EventInFuture => "claim.event_in_future",
            ClaimProblem::DeceasedNotParticipant => "claim.deceased_not_participant",
            ClaimProblem::DeceasedBirthDateDiffers { .. } => "claim.deceased_birth_date_differs",
            ClaimProblem::AccidentDatesOutOfOrder => "claim.accident_dates_out_of_order",
            ClaimProblem::DocumentMissing(_) => "claim.document_missing",
            ClaimProblem::PhkProofMissing => "claim.phk_proof_missing",
            ClaimProblem::BankHolderNotChecked => "claim.bank_holder_not_checked",
            ClaimProblem::BankHolderDiffers {
                grade: NameMatch::Similar,
            } => "claim.bank_holder_similar",
            ClaimProblem::BankHolderDiffers { .. } => "claim.bank_holder_differs",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let l = |id: &str, en: &str| lang.pick(id, en).to_owned();
        match self {
            ClaimProblem::Blocked(b) => b.message(lang),
            ClaimProblem::Unanswered(q) => format!(
                "{} \"{}\".",
                lang.pick(
                    "Pertanyaan ini belum dijawab:",
                    "This question is not answered yet:"
                ),
                q.title(lang)
            ),
            ClaimProblem::KpjNotOwn => l(
                "Nomor KPJ yang dipilih tidak tercatat atas nama Anda.",
                "The KPJ number chosen is not on record in your name.",
            ),
            ClaimProblem::EventInFuture => l(
                "Tanggal kejadian belum terjadi: tanggalnya setelah hari ini.",
                "The date of the event is after today.",
            ),
            ClaimProblem::DeceasedNotParticipant => l(
                "NIK dan nomor KPJ almarhum tidak cocok dengan data kepesertaan yang sama.",
                "The deceased's NIK and KPJ number do not belong to the same membership record.",
            ),
            ClaimProblem::DeceasedBirthDateDiffers { in_nik, declared } => format!(
                "{} {}, {} {}.",
                lang.pick(
                    "Tanggal lahir almarhum menurut NIK adalah",
                    "By the NIK, the deceased was born on",
                ),
                in_nik.format(lang),
                lang.pick("bukan", "not"),
                declared.format(lang)
            ),
            ClaimProblem::AccidentDatesOutOfOrder => l(
                "Tanggal kecelakaan harus sebelum hari ini dan sebelum tanggal surat keterangan dokter.",
                "The accident must be dated before today and before the doctor's certificate.",
            ),
            ClaimProblem::DocumentMissing(kind) => format!(
                "{} {}.",
                lang.pick(
                    "Dokumen ini belum dilampirkan:",
                    "This document is not attached yet:"
                ),
                kind.name(lang)
            ),
            ClaimProblem::PhkProofMissing => l(
                "Belum ada bukti PHK yang dilampirkan.",
                "No proof of the dismissal (PHK) is attached yet.",
            ),
            ClaimProblem::BankHolderNotChecked => l(
                "Nama pemilik rekening belum dicek ke bank.",
                "The account holder's name has not been checked with the bank yet.",
            ),
            ClaimProblem::BankHolderDiffers {
                grade: NameMatch::Similar,
            } => l(
                "Nama pemilik rekening mirip, tetapi tidak sama dengan nama Anda yang terdaftar.",
                "The account holder's name is similar to, but not the same as, your registered name.",
            ),
            ClaimProblem::BankHolderDiffers { .. } => l(
                "Rekening ini atas nama orang lain: dana hanya dibayarkan ke rekening atas nama Anda sendiri.",
                "This account is in someone else's name: the money is paid only into an account in your own name.",
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        let l = |id: &str, en: &str| lang.pick(id, en).to_owned();
        match self {
            ClaimProblem::Blocked(b) => b.hint(lang),
            ClaimProblem::Unanswered(_) => l(
                "Buka pertanyaan tersebut dan isi jawabannya.",
                "Open that question and fill in the answer.",
            ),
            ClaimProblem::KpjNotOwn => l(
                "Pilih salah satu nomor KPJ yang ditampilkan.",
                "Choose one of the KPJ numbers shown.",
            ),
            ClaimProblem::EventInFuture => l(
                "Periksa tanggalnya; klaim dapat diajukan setelah kejadian.",
                "Check the date; a claim can be made after the event.",
            ),
            ClaimProblem::DeceasedNotParticipant => l(
                "Salin NIK dari KTP almarhum dan nomor KPJ dari kartu pesertanya.",
                "Copy the NIK from the deceased's KTP and the KPJ number from their membership card.",
            ),
            ClaimProblem::DeceasedBirthDateDiffers { .. } => l(
                "Salin tanggal lahir dari KTP atau akta kematian almarhum. Bila datanya memang berbeda, perbaiki dulu di Dukcapil.",
                "Copy the birth date from the deceased's KTP or death certificate. If the records truly differ, have Dukcapil correct them first.",
            ),
            ClaimProblem::AccidentDatesOutOfOrder => l(
                "Salin tanggal dari laporan kecelakaan (KK1) dan surat dokter (KK3).",
                "Copy the dates from the accident report (KK1) and the doctor's certificate (KK3).",
            ),
            ClaimProblem::DocumentMissing(kind) => kind.purpose(lang).to_owned(),
            ClaimProblem::PhkProofMissing => l(
                "Lampirkan salah satu: tanda terima laporan PHK dari dinas ketenagakerjaan, laporan PHK dari perusahaan, surat PHK dengan pernyataan tidak keberatan, perjanjian bersama, atau putusan pengadilan hubungan industrial.",
                "Attach one of: the labour office's receipt of the PHK report, the employer's PHK report, the PHK notice with your statement of no objection, a bipartite agreement, or an industrial court ruling.",
            ),
            ClaimProblem::BankHolderNotChecked => l(
                "Buka halaman rekening bank dan tekan \"Cek rekening\".",
                "Open the bank account page and press \"Check account\".",
            ),
            ClaimProblem::BankHolderDiffers {
                grade: NameMatch::Similar,
            } => l(
                "Minta bank menyamakan nama rekening dengan KTP Anda, atau gunakan rekening lain atas nama Anda.",
                "Ask the bank to make the account name match your KTP, or use another account in your name.",
            ),
            ClaimProblem::BankHolderDiffers { .. } => l(
                "Gunakan rekening atas nama Anda sendiri.",
                "Use an account in your own name.",
            ),
        }
    }
}

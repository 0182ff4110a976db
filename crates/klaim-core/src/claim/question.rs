//! The question pages a claim needs, one question per page, in order (ux.md).

use serde::{Deserialize, Serialize};

use crate::Lang;

use super::rules::npwp_needed;
use super::{ClaimAnswers, ClaimFacts, ClaimReason, Programme};

/// One question page of the claim journey. The wire word (`as_str`) names the page in URLs and
/// is the `field` of a [`super::ClaimProblem`] about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// Which KPJ the claim goes to: only when the person holds several.
    Kpj,
    /// The day of the event (resignation letter, PHK, contract end, disability, departure,
    /// doctor's certificate).
    EventDate,
    /// Who died: NIK, KPJ and birth date of the participant (death claims by heirs).
    Deceased,
    /// The work accident: when, where, the outcome, costs.
    Accident,
    /// Where the money goes.
    BankAccount,
    /// NPWP: only when needed (JHT above Rp 50 jt or after a partial claim).
    Npwp,
}

impl Question {
    pub const ALL: [Question; 6] = [
        Question::Kpj,
        Question::EventDate,
        Question::Deceased,
        Question::Accident,
        Question::BankAccount,
        Question::Npwp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Question::Kpj => "kpj",
            Question::EventDate => "event_date",
            Question::Deceased => "deceased",
            Question::Accident => "accident",
            Question::BankAccount => "bank_account",
            Question::Npwp => "npwp",
        }
    }

    pub fn from_wire(text: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.as_str() == text)
    }

    /// The page's heading.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Question::Kpj => lang.pick(
                "Nomor KPJ mana yang diklaim?",
                "Which KPJ number is the claim for?",
            ),
            Question::EventDate => lang.pick("Tanggal kejadian", "Date of the event"),
            Question::Deceased => lang.pick("Data peserta yang meninggal", "The member who died"),
            Question::Accident => lang.pick("Tentang kecelakaan kerja", "About the work accident"),
            Question::BankAccount => lang.pick(
                "Rekening bank untuk pembayaran",
                "Bank account for the payment",
            ),
            Question::Npwp => lang.pick("Nomor NPWP Anda", "Your tax number (NPWP)"),
        }
    }

    /// Whether `answers` holds this page's answer.
    pub fn answered(self, answers: &ClaimAnswers) -> bool {
        match self {
            Question::Kpj => answers.kpj.is_some(),
            Question::EventDate => answers.event_on.is_some(),
            Question::Deceased => answers.deceased.is_some(),
            Question::Accident => answers.accident.is_some(),
            Question::BankAccount => answers.bank_account.is_some(),
            Question::Npwp => answers.npwp.is_some(),
        }
    }
}

/// What the event date question asks for this reason, e.g. "Tanggal surat pengunduran diri".
pub fn event_date_label(reason: ClaimReason, lang: Lang) -> &'static str {
    match reason {
        ClaimReason::Resigned => lang.pick(
            "Tanggal surat pengunduran diri",
            "Date of your resignation letter",
        ),
        ClaimReason::Dismissed => lang.pick("Tanggal PHK", "Date of the dismissal (PHK)"),
        ClaimReason::ContractEnded => lang.pick(
            "Tanggal berakhirnya kontrak kerja",
            "The day the contract ended",
        ),
        ClaimReason::Disability => lang.pick(
            "Tanggal cacat total tetap ditetapkan dokter",
            "The day the doctor determined the total permanent disability",
        ),
        ClaimReason::LeavingIndonesia => lang.pick(
            "Tanggal keberangkatan dari Indonesia",
            "The day of departure from Indonesia",
        ),
        ClaimReason::WorkAccident | ClaimReason::Death => lang.pick(
            "Tanggal surat keterangan dokter (KK3)",
            "Date of the doctor's certificate (KK3)",
        ),
        ClaimReason::Retirement | ClaimReason::PartialTenPercent | ClaimReason::PartialHousing => {
            lang.pick("Tanggal kejadian", "Date of the event")
        }
    }
}

/// The question pages this claim needs, in order. Depends on the facts (several KPJs; NPWP when
/// the balance is above Rp 50 jt or a partial JHT was paid) and on the reason.
pub fn questions(facts: &ClaimFacts, answers: &ClaimAnswers) -> Vec<Question> {
    let (programme, reason) = (answers.programme, answers.reason);
    let by_heir = programme.by_heirs(reason);
    let mut pages = Vec::new();
    if by_heir {
        pages.push(Question::Deceased);
    } else if facts.memberships.len() > 1 {
        pages.push(Question::Kpj);
    }
    if asks_event_date(programme, reason) {
        pages.push(Question::EventDate);
    }
    if programme == Programme::Jkk {
        pages.push(Question::Accident);
    }
    pages.push(Question::BankAccount);
    if programme == Programme::Jht && npwp_needed(facts) {
        pages.push(Question::Npwp);
    }
    pages
}

/// Reasons whose rules rest on a day the person knows better than the registry. A death is
/// dated by the registry; age and partial claims need no event.
fn asks_event_date(programme: Programme, reason: ClaimReason) -> bool {
    match reason {
        ClaimReason::Resigned | ClaimReason::Dismissed | ClaimReason::ContractEnded => {
            // JKP and JP explain why these reasons do not qualify; a date would change nothing,
            // except the PHK date on which JKP's whole rule rests.
            programme == Programme::Jht
                || (programme == Programme::Jkp && reason == ClaimReason::Dismissed)
        }
        ClaimReason::Disability => programme == Programme::Jht,
        ClaimReason::LeavingIndonesia | ClaimReason::WorkAccident => true,
        // A death from a work accident: the KK3 date, as for any JKK claim.
        ClaimReason::Death => programme == Programme::Jkk,
        ClaimReason::Retirement | ClaimReason::PartialTenPercent | ClaimReason::PartialHousing => {
            false
        }
    }
}

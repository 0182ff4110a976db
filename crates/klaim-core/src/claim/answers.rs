//! What the person answers in the claim journey, as checked values. The app builds it page by
//! page from what was typed (each field through its parser); the server receives the same value
//! in the submission and runs the same rules on it.

use serde::{Deserialize, Serialize};

use crate::{BankAccount, Date, Kpj, Nik, Npwp, Rupiah};

use super::{ClaimReason, Programme};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClaimAnswers {
    pub programme: Programme,
    pub reason: ClaimReason,
    /// The KPJ the claim goes to. With several, balances are merged into the primary first.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub kpj: Option<Kpj>,
    /// The day of the event the claim rests on: the date of the resignation letter (resigned),
    /// the PHK date (dismissed), the contract's end (contract ended), the day the disability was
    /// determined, the day of death, the day of departure (leaving Indonesia), or the date of the
    /// doctor's certificate (work accident).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub event_on: Option<Date>,
    /// For a death claim: the participant who died, as the heir types it.
    pub deceased: Option<DeceasedAnswers>,
    /// For a work accident.
    pub accident: Option<AccidentAnswers>,
    /// Where the money goes: an account in the claimant's own name.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::BankAccountJson>))]
    pub bank_account: Option<BankAccount>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub npwp: Option<Npwp>,
}

impl ClaimAnswers {
    /// A fresh journey: programme and reason chosen, nothing else answered yet.
    pub fn new(programme: Programme, reason: ClaimReason) -> ClaimAnswers {
        ClaimAnswers {
            programme,
            reason,
            kpj: None,
            event_on: None,
            deceased: None,
            accident: None,
            bank_account: None,
            npwp: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeceasedAnswers {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub nik: Nik,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub kpj: Kpj,
    /// Declared by the heir; checked against the NIK's birth-date digits.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub birth_date: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccidentAnswers {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub happened_on: Date,
    pub place: AccidentPlace,
    pub outcome: AccidentOutcome,
    /// Days the doctor certified as unable to work (temporary inability benefit, STMB).
    pub days_unable_to_work: u32,
    /// Treatment paid by the participant, to be reimbursed (no ceiling).
    #[cfg_attr(feature = "openapi", schema(value_type = u64))]
    pub medical_costs: Rupiah,
    pub transport: Option<Transport>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccidentPlace {
    /// At the workplace or while working.
    AtWork,
    /// On the road, including the way to or from work.
    OnTheRoad,
    /// Elsewhere away from the workplace while on duty.
    AwayFromWork,
}

/// What the doctor's certificate (KK3) states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccidentOutcome {
    Recovered,
    /// Total permanent disability.
    Disability,
    /// Died of the accident: claimed by an heir.
    Died,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Transport {
    pub mode: TransportMode,
    #[cfg_attr(feature = "openapi", schema(value_type = u64))]
    pub cost: Rupiah,
}

/// Transport reimbursement caps differ by mode (land Rp 5 jt, sea Rp 2 jt, air Rp 10 jt).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransportMode {
    Land,
    Sea,
    Air,
}

//! The answer of the rules for one claim: can it be made, from which day, with which documents,
//! for roughly how much, and through which official channel.

use serde::{Deserialize, Serialize};

use crate::{Date, Rupiah};

use super::{Blocker, ClaimReason, DocumentKind, Programme};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assessment {
    pub programme: Programme,
    pub reason: ClaimReason,
    /// Why the claim cannot be made (never, or not yet). Empty when it can.
    pub blockers: Vec<Blocker>,
    /// The first day the claim can be made (today when it can be made now). `None` when a
    /// blocker has no date that ends it.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub earliest_on: Option<Date>,
    pub documents: Vec<DocumentNeed>,
    pub estimate: Estimate,
    pub channel: OfficialChannel,
    /// The regulation the decision rests on, e.g. "PP 46/2015 jo. PP 60/2015; Permenaker 4/2022".
    pub legal_basis: &'static str,
}

/// A document the claim needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentNeed {
    pub kind: DocumentKind,
    pub necessity: Necessity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Necessity {
    Required,
    /// Helps the officer; the claim goes ahead without it.
    Recommended,
    /// Any one document of the group is enough (proof of PHK: five kinds).
    OneOfPhkProofs,
}

/// Estimated benefit: never a promise (tax and final figures are the agency's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Estimate {
    /// Paid at once, before tax.
    #[cfg_attr(feature = "openapi", schema(value_type = u64))]
    pub lump_sum: Rupiah,
    /// Paid every month (JKP for up to 6 months; JP pension).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u64>))]
    pub monthly: Option<Rupiah>,
    /// How many monthly payments (JKP: 6); `None` for a pension for life.
    pub months: Option<u32>,
    /// Everything paid, before tax: the lump sum plus each monthly payment (JKP: six months).
    /// `None` for a pension for life.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u64>))]
    pub total: Option<Rupiah>,
    /// Estimated final income tax (JHT).
    #[cfg_attr(feature = "openapi", schema(value_type = u64))]
    pub tax: Rupiah,
    /// What the figures rest on, in both languages (e.g. "60% dari upah Rp 5.000.000 × 6 bulan").
    pub explanation_id: String,
    pub explanation_en: String,
}

impl Estimate {
    /// The amount an officer approves unless they justify another: everything paid (the lump
    /// sum and the monthly payments) where the rules can count it, else one monthly payment (a
    /// pension for life has no total), else the lump sum.
    pub fn amount_to_approve(&self) -> Rupiah {
        self.total.or(self.monthly).unwrap_or(self.lump_sum)
    }
}

/// Where the agency handles a claim of this size and kind today (domain.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfficialChannel {
    /// The JMO app: JHT balances up to the dated ceiling (Rp 15 jt since May 2025).
    Jmo,
    /// Lapak Asik: online with a video-call interview.
    LapakAsik,
    /// The ministry's SIAPkerja portal (JKP).
    SiapKerja,
    /// A BPJS Ketenagakerjaan branch office.
    Branch,
}

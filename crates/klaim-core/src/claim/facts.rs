//! What the registry knows about the person a claim is for, as the rules need it. The server
//! fills this from its registry (and its own record of earlier claims); the app receives the same
//! value from `GET /api/v1/claims/facts` and runs the same rules on it.

use serde::{Deserialize, Serialize};

use crate::api::account::EndReason;
use crate::{Date, Kpj, Lang, Month, Nik, PersonName, Rupiah, Sex};

use super::{ClaimReason, Programme};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimFacts {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub name: PersonName,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub nik: Nik,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub birth_date: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub sex: Sex,
    pub nationality: Nationality,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub deceased_on: Option<Date>,
    /// Enrolled in JKN (BPJS Kesehatan): a condition of JKP.
    pub jkn_enrolled: bool,
    /// One per KPJ number; the first is the primary, into which balances are merged.
    pub memberships: Vec<MembershipFacts>,
    /// The family on record (Kartu Keluarga): who may claim as an heir, in which order.
    pub family: Vec<FamilyFacts>,
    /// Claims made before, through Klaim or recorded by the agency (partial JHT once only;
    /// JKP spacing; one open claim per programme and reason).
    pub past_claims: Vec<PastClaim>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Nationality {
    /// Warga Negara Indonesia.
    Wni,
    /// Warga Negara Asing (with a KITAS/KITAP and so a NIK).
    Wna,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MembershipFacts {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub kpj: Kpj,
    #[cfg_attr(feature = "openapi", schema(value_type = u64))]
    pub jht_balance: Rupiah,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub jht_balance_on: Date,
    /// Newest first.
    pub employments: Vec<EmploymentFacts>,
    /// Reported monthly wages, ascending by month.
    pub wages: Vec<MonthlyWage>,
    /// Months with a JP (pension) contribution, ascending.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub jp_months: Vec<Month>,
    /// Months with a JKP (job-loss) contribution, ascending.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub jkp_months: Vec<Month>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmploymentFacts {
    pub employer: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub started_on: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub ended_on: Option<Date>,
    pub end_reason: EndReason,
    /// Whether the employer has deactivated the membership yet (claims wait for that).
    pub membership_active: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthlyWage {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub month: Month,
    #[cfg_attr(feature = "openapi", schema(value_type = u64))]
    pub wage: Rupiah,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyFacts {
    pub relation: Relation,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub name: PersonName,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub nik: Option<Nik>,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub birth_date: Date,
}

/// A family member's relation to the participant, as the Kartu Keluarga records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandparent,
    Grandchild,
    ParentInLaw,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PastClaim {
    pub programme: Programme,
    pub reason: ClaimReason,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub submitted_on: Date,
    /// Still being handled (submitted, verifying, needs action, approved, paying).
    pub open: bool,
    /// Paid out (a partial JHT counts once paid; so does a JKP claim).
    pub paid: bool,
}

impl Relation {
    /// "pasangan (suami/istri)" / "spouse".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Relation::Spouse => lang.pick("suami/istri", "spouse"),
            Relation::Child => lang.pick("anak", "child"),
            Relation::Parent => lang.pick("orang tua", "parent"),
            Relation::Sibling => lang.pick("saudara kandung", "sibling"),
            Relation::Grandparent => lang.pick("kakek/nenek", "grandparent"),
            Relation::Grandchild => lang.pick("cucu", "grandchild"),
            Relation::ParentInLaw => lang.pick("mertua", "parent-in-law"),
        }
    }
}

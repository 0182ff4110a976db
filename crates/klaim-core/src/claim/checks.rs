//! The automated checks shown beside a claim in the back office, and the rule-based approval
//! they allow. The server computes each check from the registry and the stored claim (it never
//! takes the app's word); this file names them and decides what they allow.

use serde::{Deserialize, Serialize};

use crate::{Date, Lang};

use super::figures::{self, AUTO_APPROVAL_CEILING};
use super::{Estimate, Programme};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AutoCheck {
    /// The claimant's name, NIK and birth date match the registry (and the deceased's on a death
    /// claim).
    IdentityMatches,
    /// The employer has deactivated the membership (claims that need it).
    MembershipInactive,
    /// The bank's account holder name matches the claimant's.
    BankNameMatches,
    /// Every required document is attached.
    DocumentsComplete,
    /// No other claim for the same programme and reason was paid or is open for this member.
    NoDuplicateClaim,
}

impl AutoCheck {
    pub const ALL: [AutoCheck; 5] = [
        AutoCheck::IdentityMatches,
        AutoCheck::MembershipInactive,
        AutoCheck::BankNameMatches,
        AutoCheck::DocumentsComplete,
        AutoCheck::NoDuplicateClaim,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            AutoCheck::IdentityMatches => lang.pick("Identitas cocok", "Identity matches"),
            AutoCheck::MembershipInactive => {
                lang.pick("Kepesertaan non-aktif", "Membership non-active")
            }
            AutoCheck::BankNameMatches => {
                lang.pick("Nama rekening cocok", "Bank account name matches")
            }
            AutoCheck::DocumentsComplete => lang.pick("Dokumen lengkap", "Documents complete"),
            AutoCheck::NoDuplicateClaim => lang.pick("Tidak ada klaim ganda", "No duplicate claim"),
        }
    }
}

/// One check's outcome with what it found, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckResult {
    pub check: AutoCheck,
    pub passed: bool,
    pub note_id: String,
    pub note_en: String,
}

/// Whether a claim may be approved by rule, without an officer: JHT only, every check passed,
/// and a balance at or below the ceiling in force on `today` (figures.rs).
pub fn auto_approvable(
    programme: Programme,
    checks: &[CheckResult],
    estimate: &Estimate,
    today: Date,
) -> bool {
    programme == Programme::Jht
        && AutoCheck::ALL
            .iter()
            .all(|c| checks.iter().any(|r| r.check == *c && r.passed))
        && estimate.lump_sum <= figures::at(&AUTO_APPROVAL_CEILING, today)
}

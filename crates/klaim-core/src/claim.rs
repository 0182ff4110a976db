//! Claim rules: for a participant's registry data, the answers given and today's date, whether a
//! claim can be made, from which day, with which documents, for roughly how much. Each rule names
//! its legal basis (domain.md). Year-dependent figures are dated configuration.

mod answers;
mod assessment;
mod documents;
mod facts;
mod programme;

pub use answers::{
    AccidentAnswers, AccidentOutcome, AccidentPlace, ClaimAnswers, DeceasedAnswers, Transport,
    TransportMode,
};
pub use assessment::{Assessment, Blocker, DocumentNeed, Estimate, Necessity, OfficialChannel};
pub use documents::DocumentKind;
pub use facts::{
    ClaimFacts, EmploymentFacts, FamilyFacts, MembershipFacts, MonthlyWage, Nationality,
    PastClaim, Relation,
};
pub use programme::{ClaimReason, Programme};

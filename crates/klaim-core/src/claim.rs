//! Claim rules: for a participant's registry data, the answers given and today's date, whether a
//! claim can be made, from which day, with which documents, for roughly how much. Each rule names
//! its legal basis (domain.md). Year-dependent figures are dated configuration.

mod answers;
mod assessment;
mod blocker;
mod checks;
mod claimant;
mod deadline;
mod decision;
mod documents;
mod facts;
pub mod figures;
mod lifecycle;
mod officer_reason;
mod problem;
mod programme;
mod question;
mod reference;
mod resubmission;
mod rules;

pub use answers::{
    AccidentAnswers, AccidentOutcome, AccidentPlace, ClaimAnswers, DeceasedAnswers, Transport,
    TransportMode,
};
pub use assessment::{Assessment, DocumentNeed, Estimate, Necessity, OfficialChannel};
pub use blocker::Blocker;
pub use checks::{AutoCheck, CheckResult, auto_approvable};
pub use claimant::Claimant;
pub use deadline::decision_due;
pub use decision::{
    ActionItem, Decision, DecisionProblem, MAX_NOTE_CHARS, MIN_JUSTIFICATION_CHARS, StatedReason,
    TransferReference,
};
pub use documents::DocumentKind;
pub use facts::{
    ClaimFacts, EmploymentFacts, FamilyFacts, MembershipFacts, MonthlyWage, Nationality, PastClaim,
    Relation,
};
pub use lifecycle::{Actor, ClaimStatus, Transition, TransitionError, transition};
pub use officer_reason::{Fixer, ItemTarget, OfficerReason};
pub use problem::{ClaimProblem, ready_to_submit};
pub use programme::{ClaimReason, Programme};
pub use question::{Question, event_date_label, questions};
pub use reference::Reference;
pub use resubmission::{ResubmissionProblem, check_resubmission};
pub use rules::assess;

//! One module per screen.

mod account;
mod check;
mod check_result;
mod claim;
mod claim_fix;
mod claim_fix_answers;
mod my_claims;
mod my_claims_detail;
mod not_found;
mod notifications;
pub mod office;
mod password_reset;
mod register;
mod register_code;
mod register_verify;
mod sessions;
mod sign_in;

pub use account::AccountPage;
pub(crate) use account::{failure_view, loading_view, private_resource_with, reason_words};
pub use check::CheckPage;
pub use check_result::CheckResultPage;
pub use claim::{
    AccidentPage, BankPage, DeceasedPage, DocumentsPage, EventDatePage, KpjPage, NpwpPage,
    ProgrammesPage, ResultsPage, ReviewPage, SentPage, StartPage, TasksPage,
};
pub use claim_fix::FixPage;
pub use my_claims::MyClaimsPage;
pub use my_claims_detail::MyClaimPage;
pub use not_found::NotFoundPage;
pub use notifications::NotificationsPage;
pub use password_reset::{ResetNewPage, ResetStartPage};
pub use register::RegisterPage;
pub use register_code::RegisterCodePage;
pub use register_verify::RegisterVerifyPage;
pub use sessions::SessionsPage;
pub use sign_in::SignInPage;

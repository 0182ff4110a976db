//! One module per screen.

mod account;
mod check;
mod check_result;
mod claim;
mod my_claims;
mod my_claims_detail;
mod not_found;
mod password_reset;
mod register;
mod register_code;
mod register_verify;
mod sessions;
mod sign_in;

pub use account::AccountPage;
pub(crate) use account::{failure_view, loading_view, private_resource_with};
pub use check::CheckPage;
pub use check_result::CheckResultPage;
pub use claim::{
    AccidentPage, BankPage, DeceasedPage, DocumentsPage, EventDatePage, KpjPage, NpwpPage,
    ProgrammesPage, ResultsPage, ReviewPage, SentPage, StartPage, TasksPage,
};
pub use my_claims::MyClaimsPage;
pub use my_claims_detail::MyClaimPage;
pub use not_found::NotFoundPage;
pub use password_reset::{ResetNewPage, ResetStartPage};
pub use register::RegisterPage;
pub use register_code::RegisterCodePage;
pub use register_verify::RegisterVerifyPage;
pub use sessions::SessionsPage;
pub use sign_in::SignInPage;

//! One module per screen.

mod check;
mod check_result;
mod not_found;

pub use check::CheckPage;
pub use check_result::CheckResultPage;
pub use not_found::NotFoundPage;

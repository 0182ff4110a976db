//! Reusable view pieces.

mod date_field;
mod error_summary;
mod field_notes;
mod password_field;
mod request_status;
mod sign_out;
mod site_footer;
mod site_header;
mod text_field;
mod warning_list;

pub use date_field::DateField;
pub use error_summary::ErrorSummary;
#[cfg(test)]
pub use password_field::PasswordChecklist;
pub use password_field::{PasswordField, Rules};
pub use request_status::{ProblemHints, RequestTrouble, SubmitButton};
pub use sign_out::SignOutButton;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use text_field::TextField;
pub use warning_list::WarningList;

use klaim_core::message::Finding;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The message of the first error about `field`, in the current language.
pub fn field_error(errors: RwSignal<Vec<Finding>>, field: &'static str) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let lang = i18n.lang();
        errors.with(|all| {
            all.iter()
                .find(|f| f.field == Some(field))
                .map(|f| f.message(lang).to_owned())
        })
    })
}

//! Reusable view pieces.

mod bank_select;
mod claim_outcome;
mod date_field;
mod document_upload;
mod draft_saved;
mod error_summary;
mod estimate;
mod field_notes;
mod last_known;
mod needs_action;
mod needs_internet;
mod notification_badge;
mod office_fields;
mod office_nav;
mod offline_banner;
mod outbox_list;
mod part;
mod password_field;
mod radios;
mod request_status;
mod sign_out;
mod site_footer;
mod site_header;
mod storage_notice;
mod summary_list;
mod task_list;
mod text_field;
mod timeline;
mod warning_list;

pub use bank_select::{BANK, bank_select};
pub use claim_outcome::{outcome_view, status_panel};
pub use date_field::DateField;
pub use document_upload::{DocumentUpload, necessity_words};
pub use draft_saved::DraftSaved;
pub use error_summary::ErrorSummary;
pub use estimate::estimate_view;
pub use last_known::last_known_banner;
pub use needs_action::{
    needs_action_view, officer_note_view, reason_view, target_key, target_words,
};
pub use needs_internet::NeedsInternet;
pub use notification_badge::NotificationBadge;
pub use office_fields::{ActionButton, TextArea};
pub use office_nav::{OfficeNav, StaffRole, is_staff, landing};
pub use offline_banner::OfflineBanner;
pub use outbox_list::{OutboxList, SendNow};
pub use part::from_part;
#[cfg(test)]
pub use password_field::PasswordChecklist;
pub use password_field::{PasswordField, Rules};
pub use radios::{Choice, Radios};
pub use request_status::{ProblemHints, RequestTrouble, SubmitButton};
pub use sign_out::SignOutButton;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use storage_notice::StorageNotice;
pub use summary_list::summary_row;
pub use task_list::{Task, TaskStatus, task_list};
pub use text_field::TextField;
pub use timeline::timeline_view;
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

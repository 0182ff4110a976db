//! Why a notification request is refused, in the participant's words.

use klaim_core::{Explain, Lang};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.code())]
pub enum NotificationRefusal {
    /// Not one of the caller's notifications (or none at all: the same answer).
    NotFound,
}

impl Explain for NotificationRefusal {
    fn code(&self) -> &'static str {
        match self {
            NotificationRefusal::NotFound => "notification.not_found",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            NotificationRefusal::NotFound => lang
                .pick(
                    "Pemberitahuan ini tidak ditemukan.",
                    "This notification was not found.",
                )
                .to_owned(),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            NotificationRefusal::NotFound => lang
                .pick(
                    "Muat ulang daftar pemberitahuan, lalu coba lagi.",
                    "Reload the list of notifications, then try again.",
                )
                .to_owned(),
        }
    }
}

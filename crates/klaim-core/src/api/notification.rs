//! In-app notifications on the wire (`/api/v1/notifications`). A notification only says that a
//! claim's status changed; the app words it ("Status klaim KLM-26-… berubah: Dibayar"). E-mail
//! and SMS say even less: no reference, no name (ux.md).

use serde::{Deserialize, Serialize};

use super::claim::ClaimStatus;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationView {
    pub id: i64,
    pub claim_id: String,
    pub reference: String,
    /// The status the claim moved to.
    pub status: ClaimStatus,
    pub at: i64,
    pub read: bool,
}

/// `GET /notifications`: newest first, with the unread count for the badge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationList {
    pub notifications: Vec<NotificationView>,
    pub unread: u32,
}

/// `POST /notifications/read`: marks these (or, with `all`, every one) as read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MarkRead {
    /// At most 200 (the server refuses more as malformed).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub ids: Vec<i64>,
    #[serde(default)]
    pub all: bool,
}

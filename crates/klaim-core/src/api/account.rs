//! Accounts and sessions on the wire (`/api/v1/registrations`, `/sessions`, `/me`,
//! `/password-resets`). Dates are ISO `YYYY-MM-DD`; instants are Unix seconds; rupiah are whole
//! numbers. Personal identifiers leave the server masked unless the person needs them whole
//! (their own KPJ numbers).

use serde::{Deserialize, Serialize};

use crate::forms::account::Channel;

/// `POST /registrations` → 201: the registry knows the person; now a code must be sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationStarted {
    /// Names the registration in the next steps; valid for [`RegistrationStarted::expires_in_secs`].
    pub registration_id: String,
    pub expires_in_secs: u32,
    /// Where a code can go, masked ("+62*******7890", "bu***@gmail.com").
    pub contacts: Vec<ContactOption>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactOption {
    pub channel: Channel,
    pub masked: String,
}

/// `POST /registrations/{id}/code` → 202: a code is on its way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeSent {
    pub channel: Channel,
    pub masked: String,
    pub expires_in_secs: u32,
}

/// `POST /password-resets` → 202. The same answer whether or not the account exists; a code goes
/// to the contact verified on the account when it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordResetStarted {
    pub reset_id: String,
    pub expires_in_secs: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Participant,
    Officer,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Officer => "officer",
            Role::Admin => "admin",
        }
    }

    pub fn from_wire(text: &str) -> Option<Role> {
        match text {
            "participant" => Some(Role::Participant),
            "officer" => Some(Role::Officer),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// `GET /me`, and the answer to signing in or finishing a registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub role: Role,
    /// The participant's registered name, or an officer's name.
    pub display_name: String,
    /// Only for participants.
    pub participant: Option<ParticipantProfile>,
    /// An opaque, stable value per account (64 hex digits) that names the account's encrypted
    /// drafts on the phone; derived from nothing personal (never the NIK or the name).
    #[serde(default)]
    pub vault_id: String,
}

/// "Akun saya": what the registry holds about the participant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantProfile {
    pub full_name: String,
    /// Last four digits only.
    pub nik_masked: String,
    pub birth_date: String,
    /// Primary first.
    pub memberships: Vec<Membership>,
    /// Sum over the KPJ numbers, in rupiah.
    pub jht_balance_total: u64,
    /// The oldest of the balance dates: the total is known as of this date.
    pub jht_balance_on: String,
    pub contacts: Vec<ContactOption>,
}

/// One KPJ number with its balance and its employments (newest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Membership {
    pub kpj: String,
    pub primary: bool,
    pub jht_balance: u64,
    pub jht_balance_on: String,
    pub employments: Vec<Employment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Employment {
    pub employer: String,
    pub started_on: String,
    pub ended_on: Option<String>,
    pub end_reason: EndReason,
    /// Whether the employer has deactivated the membership yet (claims wait for that).
    pub membership_active: bool,
}

/// How an employment ended, as the registry records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    StillActive,
    Resigned,
    Dismissed,
    ContractEnded,
    Retired,
    Died,
}

impl EndReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::StillActive => "still_active",
            EndReason::Resigned => "resigned",
            EndReason::Dismissed => "dismissed",
            EndReason::ContractEnded => "contract_ended",
            EndReason::Retired => "retired",
            EndReason::Died => "died",
        }
    }

    pub fn from_wire(text: &str) -> Option<EndReason> {
        [
            EndReason::StillActive,
            EndReason::Resigned,
            EndReason::Dismissed,
            EndReason::ContractEnded,
            EndReason::Retired,
            EndReason::Died,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// `GET /sessions`: the account's signed-in devices, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionList {
    pub sessions: Vec<SessionSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionSummary {
    /// Public id for `DELETE /sessions/{id}` (not the cookie's secret).
    pub id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// A short description of the browser ("Chrome, Android"), never the full user agent.
    pub device: String,
    /// The session this request came with.
    pub current: bool,
}

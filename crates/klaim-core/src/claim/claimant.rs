//! Who makes the claim: the signed-in person.

use serde::{Deserialize, Serialize};

use crate::{Date, Nik, PersonName};

/// The signed-in person: the participant, or the heir on a death claim (the facts are then the
/// deceased's). The server fills it from the account; the app from "Akun saya".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Claimant {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub name: PersonName,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub nik: Nik,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub birth_date: Date,
}

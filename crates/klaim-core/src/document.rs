//! Byte-level document checks (in progress: the helper writing them replaces this file).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FileType {
    Jpeg,
    Png,
    Pdf,
    Bmp,
}

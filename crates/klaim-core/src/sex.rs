//! Sex as recorded on the KTP (and encoded in the NIK: day of birth + 40 for women).

use serde::{Deserialize, Serialize};

use crate::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// The words used on the KTP ("Laki-laki" / "Perempuan").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Sex::Male => lang.pick("Laki-laki", "Male"),
            Sex::Female => lang.pick("Perempuan", "Female"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_serde() {
        assert_eq!(Sex::Male.label(Lang::Id), "Laki-laki");
        assert_eq!(Sex::Female.label(Lang::Id), "Perempuan");
        assert_eq!(Sex::Female.label(Lang::En), "Female");
        assert_eq!(serde_json::to_string(&Sex::Female).unwrap(), "\"female\"");
    }
}

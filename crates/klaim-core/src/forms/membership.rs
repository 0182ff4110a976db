//! "Cek data kepesertaan": the app's first screen. Name, NIK, KPJ, birth date and mobile number,
//! checked on the phone and again on the server.

use serde::{Deserialize, Serialize};

use crate::birth_date::BirthDate;
use crate::date::Date;
use crate::kpj::Kpj;
use crate::message::Finding;
use crate::name::PersonName;
use crate::nik::Nik;
use crate::phone::PhoneNumber;
use crate::province::Province;
use crate::sex::Sex;
use crate::{Explain, Severity};

/// Field names, also the HTML ids of the inputs in the app.
pub mod field {
    pub const FULL_NAME: &str = "full_name";
    pub const NIK: &str = "nik";
    pub const KPJ: &str = "kpj";
    pub const BIRTH_DATE: &str = "birth_date";
    pub const PHONE: &str = "phone";
}

/// The fields exactly as typed.
#[derive(Clone, Default, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipCheckInput {
    pub full_name: String,
    pub nik: String,
    pub kpj: String,
    pub birth_day: String,
    pub birth_month: String,
    pub birth_year: String,
    pub phone: String,
}

/// A form that passed: every value parsed, plus the warnings to show (KPJ length, a NIK whose
/// encoded birth date differs from the declared one). Read-only use; build it with
/// [`check_membership`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MembershipCheck {
    pub name: PersonName,
    pub nik: Nik,
    pub kpj: Kpj,
    /// As the person declared it.
    pub birth_date: Date,
    /// As encoded in the NIK (the century taken from the declared date); may differ from
    /// `birth_date`, which is then reported as a warning.
    pub nik_birth_date: Date,
    pub phone: PhoneNumber,
    /// Where the NIK was first issued.
    pub province: Province,
    /// As encoded in the NIK.
    pub sex: Sex,
    pub warnings: Vec<Finding>,
}

/// Checks the form. `Err` holds only the errors, in form order, at most one per field (warnings
/// show up once the errors are fixed); `Ok` holds the warnings, in form order.
pub fn check_membership(
    input: &MembershipCheckInput,
    today: Date,
) -> Result<MembershipCheck, Vec<Finding>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut keep = |field: &'static str, finding: &dyn Explain| {
        let f = Finding::of(Some(field), finding);
        if f.severity == Severity::Error {
            errors.push(f)
        } else {
            warnings.push(f)
        }
    };

    let name = PersonName::parse(&input.full_name)
        .map_err(|e| keep(field::FULL_NAME, &e))
        .ok();
    let nik = Nik::parse(&input.nik)
        .map_err(|e| keep(field::NIK, &e))
        .ok();
    let kpj = Kpj::parse(&input.kpj)
        .map_err(|e| keep(field::KPJ, &e))
        .ok();
    for w in kpj.iter().flat_map(Kpj::warnings) {
        keep(field::KPJ, &w);
    }
    let birth_date = BirthDate::from_parts(
        &input.birth_day,
        &input.birth_month,
        &input.birth_year,
        today,
    )
    .map_err(|e| keep(field::BIRTH_DATE, &e))
    .ok();
    let phone = PhoneNumber::parse(&input.phone)
        .map_err(|e| keep(field::PHONE, &e))
        .ok();

    // The NIK encodes the birth date; compare only when both were read. domain.md §4.1.
    if let (Some(nik), Some(birth)) = (&nik, birth_date) {
        let mismatches = nik.check_declared(birth, None, today);
        let first_error = mismatches.iter().find(|m| m.severity() == Severity::Error);
        match first_error {
            Some(e) => keep(field::NIK, e),
            None => mismatches.iter().for_each(|m| keep(field::NIK, m)),
        }
    }

    // Errors are in form order already (one parse per field); warnings too, except that a NIK
    // warning comes after the KPJ's: put them in form order.
    let order = [
        field::FULL_NAME,
        field::NIK,
        field::KPJ,
        field::BIRTH_DATE,
        field::PHONE,
    ];
    let position = |f: &Finding| order.iter().position(|o| Some(*o) == f.field);
    warnings.sort_by_key(position);
    errors.sort_by_key(position);
    errors.dedup_by_key(|f| f.field);

    match (name, nik, kpj, birth_date, phone) {
        (Some(name), Some(nik), Some(kpj), Some(birth_date), Some(phone)) if errors.is_empty() => {
            Ok(MembershipCheck {
                nik_birth_date: nik.birth_date_near(birth_date, today),
                province: nik.province(),
                sex: nik.sex(),
                name,
                nik,
                kpj,
                birth_date,
                phone,
                warnings,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;

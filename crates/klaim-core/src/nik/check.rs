//! Cross-check of a NIK against the birth date and sex a person declared.
//!
//! A mismatch is the most common reason claims fail today (domain.md §4.1). The NIK encodes the
//! birth date given at first registration; the registry may have corrected the date since without
//! changing the NIK, so differences are warnings (domain.md: unconfirmed facts never hard-reject).

use super::Nik;
use crate::date::Date;
use crate::sex::Sex;
use crate::{Explain, Lang, Severity};

/// A difference between what the NIK encodes and what the person declared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NikMismatch {
    /// The declared birth date is after today: an error in the declaration itself.
    DeclaredInFuture { declared: Date },
    /// Day, month or year in the NIK differ from the declared birth date.
    BirthDateDiffers { in_nik: Date, declared: Date },
    /// The NIK's day digits say the other sex (women: day + 40).
    SexDiffers {
        in_nik: Sex,
        declared: Sex,
        nik_day_digits: u8,
    },
}

impl Nik {
    /// Compares the NIK with a declared birth date (and sex, when the form asked for it).
    pub fn check_declared(
        &self,
        birth_date: Date,
        sex: Option<Sex>,
        today: Date,
    ) -> Vec<NikMismatch> {
        if birth_date > today {
            return vec![NikMismatch::DeclaredInFuture {
                declared: birth_date,
            }];
        }
        let mut found = Vec::new();
        let same = (
            self.birth_day(),
            self.birth_month(),
            u16::from(self.birth_year_2()),
        ) == (
            birth_date.day(),
            birth_date.month(),
            birth_date.year() % 100,
        );
        if !same {
            found.push(NikMismatch::BirthDateDiffers {
                in_nik: self.birth_date_near(birth_date, today),
                declared: birth_date,
            });
        }
        if let Some(declared) = sex.filter(|s| *s != self.sex()) {
            found.push(NikMismatch::SexDiffers {
                in_nik: self.sex(),
                declared,
                nik_day_digits: self.birth_day_digits(),
            });
        }
        found
    }

    /// The NIK's birth date in the century closest to the declared date, so that messages and
    /// screens compare like with like ("13 Maret 1990, bukan 12 Maret 1990").
    pub fn birth_date_near(&self, declared: Date, today: Date) -> Date {
        let (d, m, yy) = (
            self.birth_day(),
            self.birth_month(),
            u16::from(self.birth_year_2()),
        );
        let base = declared.year() / 100 * 100;
        [base, base.saturating_sub(100), base.saturating_add(100)]
            .into_iter()
            .filter_map(|c| Date::new(c.checked_add(yy)?, m, d))
            .filter(|date| *date <= today)
            .min_by_key(|date| date.days_until(declared).unsigned_abs())
            .unwrap_or_else(|| self.birth_date_on(today))
    }
}

impl Explain for NikMismatch {
    fn code(&self) -> &'static str {
        match self {
            NikMismatch::DeclaredInFuture { .. } => "nik.declared_in_future",
            NikMismatch::BirthDateDiffers { .. } => "nik.birth_date_differs",
            NikMismatch::SexDiffers { .. } => "nik.sex_differs",
        }
    }

    fn severity(&self) -> Severity {
        match self {
            NikMismatch::DeclaredInFuture { .. } => Severity::Error,
            NikMismatch::BirthDateDiffers { .. } | NikMismatch::SexDiffers { .. } => {
                Severity::Warning
            }
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            NikMismatch::DeclaredInFuture { declared } => lang.pick(
                format!("Tanggal lahir yang diisi ({}) setelah hari ini", declared.format(Lang::Id)),
                format!("The date of birth entered ({}) is after today", declared.format(Lang::En)),
            ),
            NikMismatch::BirthDateDiffers { in_nik, declared } => lang.pick(
                format!(
                    "NIK Anda menunjukkan tanggal lahir {}, bukan {}",
                    in_nik.format(Lang::Id),
                    declared.format(Lang::Id)
                ),
                format!(
                    "Your NIK shows the date of birth {}, not {}",
                    in_nik.format(Lang::En),
                    declared.format(Lang::En)
                ),
            ),
            NikMismatch::SexDiffers { in_nik: Sex::Female, nik_day_digits: raw, .. } => lang.pick(
                format!(
                    "NIK Anda tercatat untuk perempuan: tanggal lahirnya tertulis {raw:02}, yaitu {} + 40. Pada NIK perempuan, tanggal lahir ditambah 40; pada NIK laki-laki tidak",
                    raw - 40
                ),
                format!(
                    "Your NIK is recorded for a woman: its day of birth is written {raw:02}, that is {} + 40. A woman's NIK adds 40 to the day of birth; a man's does not",
                    raw - 40
                ),
            ),
            NikMismatch::SexDiffers { nik_day_digits: raw, .. } => lang.pick(
                format!(
                    "NIK Anda tercatat untuk laki-laki: tanggal lahirnya tertulis {raw:02}. Pada NIK perempuan, tanggal lahir ditambah 40 (tanggal {raw} menjadi {})",
                    raw + 40
                ),
                format!(
                    "Your NIK is recorded for a man: its day of birth is written {raw:02}. A woman's NIK adds 40 to the day of birth (day {raw} becomes {})",
                    raw + 40
                ),
            ),
        }
    }

    fn hint(&self, lang: Lang) -> String {
        let (id, en) = match self {
            NikMismatch::DeclaredInFuture { .. } => (
                "Periksa tahun lahir di KTP Anda",
                "Check the year of birth on your ID card (KTP)",
            ),
            NikMismatch::BirthDateDiffers { .. } => (
                "Periksa NIK dan tanggal lahir di KTP Anda. Jika di KTP pun berbeda, minta Dukcapil memperbaiki data Anda sebelum mengajukan klaim",
                "Check the NIK and the date of birth on your ID card (KTP). If they differ on the card too, ask the civil registry (Dukcapil) to correct your data before you claim",
            ),
            NikMismatch::SexDiffers { .. } => (
                "Periksa NIK dan jenis kelamin di KTP Anda. Jika data di KTP salah, minta Dukcapil memperbaikinya sebelum mengajukan klaim",
                "Check the NIK and the sex on your ID card (KTP). If the card is wrong, ask the civil registry (Dukcapil) to correct it before you claim",
            ),
        };
        lang.pick(id, en).to_owned()
    }
}
